#!/usr/bin/env python3
"""Builds Data/sentences/<iso>.txt: training sentences for the language model beyond the shared CC0 set in
../shared/corpora/train, for languages whose sample there is too small to model (Belarusian has 787
sentences). The source is more of the same Mozilla Common Voice text (CC0): Data/sentences/SOURCES.md names
each file, commit and the stretch of it that was taken. With `--tatoeba` the sources are instead pair files of
Tatoeba's sentences (CC BY 2.0 FR), as the Tatoeba Challenge publishes them: each line holds two ISO 639-3
codes and a sentence in each language, tab-separated, and the language's sentence is taken (Polish's
Data/sentences/pl.txt; Data/sentences/SOURCES.md names the file and commit). With `--parliament` the sources are
parliamentary transcripts, whose speech is not subject to copyright: ParlaMint's TEI (Slovak) and the Sejm's
stenographic record as parsed into XML (Polish); members' speech is cut into sentences, the chair's and the
transcribers' notes left out (Data/sentences/<iso>-parliament.txt).

Input: a directory holding each source file as `<name>-0.txt`, or its start as consecutive pieces
(`<name>-<offset>.txt`, offset in characters from the file's start, joined in offset order). The first
`--characters` (256,000) of each are taken, and the last line, which that cut may split, is dropped. Processing follows the shared set's
(its SOURCES.md), so both read alike:
  - invisible format characters (soft hyphens, zero-width spaces) removed; NFC, whitespace collapsed, lines
    stripped;
  - Cyrillic languages (Belarusian): a Latin look-alike letter inside a Cyrillic word becomes its Cyrillic
    letter (Latin "i" in "дзiця"); a line with a word that still mixes scripts is dropped; at least 90 % of
    the letters Cyrillic;
  - Latin languages (Slovak, Polish): at least 98 % of the letters Latin, and none Cyrillic;
  - no letter the language cannot have (и, щ, ъ for Belarusian; Polish ą, ę, ł, ś, ź, ż, ć, ń, Czech ě, ř, ů
    and Hungarian ő, ű for Slovak; Czech and Slovak ě, ř, ů, ď, ť, ň, ľ, ĺ, ŕ, ô, ä, á, é, í, ú, ý for Polish);
  - dropped: lines under 3 characters, single words, URLs and @handles;
  - for sources that are statutes (Polish, unless `--tatoeba`; measured and not shipped: Data/sentences/SOURCES.md), the text is first
    reflowed a sentence a line: page furniture ("©Kancelaria Sejmu s. 73/73", a date) dropped, a word
    hyphenated across lines joined, references ("art. 29", "ust. 3", "(Dz. U. z 2005 r. poz. 2080)") taken out;
  - for sources that are partly a glossary (Slovak's sentence collector lists place names, terms and
    synonyms between its sentences: "Alabama; rieka Alabama", "- veľmi lenivý", "Antigua a Barbuda"),
    also dropped: lines that list items ("a; b" without a final stop, or a leading "-"), and lines of up to
    three words without final punctuation;
  - deduplicated case-insensitively, within the stretch and against the shared sentences of every language;
    a sentence that also occurs in ../shared/corpora/sentences (the treebank sentences the benchmark set is
    cut from) is dropped;
  - shuffled with a fixed seed, so that every tenth line, which the model builder holds out, is a random
    tenth.

Deterministic. Usage:

    python3 Scripts/build-extra-sentences.py --language be --pieces DIR [--check]
    python3 Scripts/build-extra-sentences.py --language sk --pieces DIR --characters 269618 [--check]
    python3 Scripts/build-extra-sentences.py --language pl --pieces DIR --characters 200000 --out X/pl.txt
    python3 Scripts/build-extra-sentences.py --language pl --tatoeba --pieces DIR --characters 900000 [--check]
    python3 Scripts/build-extra-sentences.py --language sk --parliament --pieces DIR --characters 200000 [--check]
    python3 Scripts/build-extra-sentences.py --language pl --parliament --pieces DIR --characters 579175 [--check]
    python3 Scripts/build-extra-sentences.py --self-test   # the line rules' worked examples (a test runs it)
"""
import argparse
import collections
import html
import os
import random
import re
import sys
import unicodedata

from language_words import LANGUAGES, is_cyrillic

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared", "corpora")
# Letters that cannot occur in the language: a line holding one is in another language or misspelt.
FORBIDDEN = {"be": set("ищъ"), "sk": set("ąęłśźżćńěřůőű"), "pl": set("ěřůďťňľĺŕôäáéíúý")}
# Languages written in the Latin script; the others here are Cyrillic.
LATIN_SCRIPT = {"pl", "en", "cs", "sk"}
# Languages whose source is partly a glossary (the module's doc comment).
GLOSSARY_SOURCES = {"sk"}
# Languages whose sources are statutes as published, hard-wrapped with page furniture (the module's doc comment).
STATUTE_SOURCES = {"pl"}
# A statute's page furniture: the publisher's line with the page number, and the date of the consolidated text.
STATUTE_FURNITURE = re.compile(r"©Kancelaria Sejmu.*|\d{4}-\d{2}-\d{2}|s\. \d+/\d+")
# References inside a statute, which are not running text: a citation in brackets that holds a number ("(Dz. U.
# z 2005 r. poz. 2080)"), then numbers and what holds one ("12a", "1)"), the abbreviations that name a provision,
# a year or a journal ("art.", "ust.", "pkt", "r.", "Dz. U.", "poz.", "z późn. zm."; their full stops stay, and are
# folded into the punctuation around them) and letters that number an item ("a)").
STATUTE_CITATION = re.compile(r"\([^()]*\d[^()]*\)")
STATUTE_REFERENCE = re.compile(r"\w*\d[\w/]*\)?|§|(?<!\w)(?:[Aa]rt|ust|pkt|poz|lit|Dz|U|[Nn]r|r|zm|późn|tj)(?!\w)|(?<!\w)\w\)")
# A run of punctuation the references leave behind (" . , . ."), and where a reflowed statute is cut into
# sentences: after a full stop, semicolon or colon that a capital follows.
PUNCTUATION_RUN = re.compile(r"\s*[.,;:](?:\s*[.,;:])*")
STATUTE_SENTENCE_END = re.compile(r"(?<=[.;:?!])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])")
# Punctuation that ends a sentence.
FINAL_PUNCTUATION = tuple(".!?…\"“”»)")
# Latin letters that look like a Cyrillic one, and that one.
LOOK_ALIKES = {
    "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "У",
}
# The ISO 639-3 codes by which Tatoeba's pair files name the languages.
TATOEBA_CODES = {"bg": "bul", "pl": "pol", "uk": "ukr", "en": "eng", "ru": "rus", "mk": "mkd", "sr": "srp",
                 "be": "bel", "cs": "ces", "sk": "slk"}
# A parliamentary transcript's speeches, as ParlaMint's TEI holds them (an utterance `<u>`, whose `ana` says whether
# a member speaks or the chair, and its paragraphs `<seg>`) and as the Sejm's transcripts are parsed (a `<speech>`
# with its speaker's title and name, and its utterances `<utt>`, `t="norm"` for speech as against the stenographer's
# notes of reactions). Expressions rather than an XML parser, so that a file's first characters, cut anywhere, read.
PARLAMINT_UTTERANCE = re.compile(r"<u\b([^>]*)>(.*?)</u>", re.S)
PARLAMINT_PARAGRAPH = re.compile(r"<seg\b[^>]*>(.*?)</seg>", re.S)
SEJM_SPEECH = re.compile(r"<speech\b[^>]*\bspeaker=\"([^\"]*)\"[^>]*>(.*?)</speech>", re.S)
SEJM_UTTERANCE = re.compile(r"<utt\b[^>]*\bt=\"norm\"[^>]*>(.*?)</utt>", re.S)
# Inside a paragraph, the transcriber's notes (applause, a pause, an interjection described) with their text, then
# any other tag.
TRANSCRIBER_NOTE = re.compile(r"<(kinesic|incident|vocal|note|gap|desc)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
TAG = re.compile(r"<[^>]*>")
# The chair's titles in the Sejm (Marshal, Deputy Marshal): what the chair says is mostly procedure, the same
# formulas every sitting ("Pan poseł X. Bardzo proszę."), not running speech.
SEJM_CHAIR = re.compile(r"(?:Wice)?[Mm]arszałek\b")
# Where a paragraph of speech may be cut into sentences: after a full stop, question or exclamation mark or an
# ellipsis, before a letter (after any opening quote); it is cut there when the letter is a capital.
SPEECH_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"„«(]?[^\W\d_])")
SEED = 20261130
# How much of each source file is taken: its first this many characters (Data/sentences/SOURCES.md).
CHARACTERS = 256000
URL = re.compile(r"https?://|www\.|@\w")


def is_latin(character):
    return (character.isascii() and character.isalpha()) or "\u00c0" <= character <= "\u024f"


def mend_word(word):
    """Maps Latin look-alikes in a word that is otherwise Cyrillic; None if it still mixes scripts."""
    letters = [character for character in word if character.isalpha()]
    if not any(is_cyrillic(character) for character in letters) or not any(is_latin(character) for character in letters):
        return word
    mended = "".join(LOOK_ALIKES.get(character, character) for character in word)
    return None if any(is_latin(character) for character in mended) else mended


def is_glossary_entry(line):
    """A glossary's entry rather than a sentence: a list of items, or a few words without final punctuation."""
    if line.startswith("-"):
        return True
    if ";" in line and not line.endswith("."):
        return True
    return len(line.split(" ")) <= 3 and not line.endswith(FINAL_PUNCTUATION)


def keeps(line, in_script, share, forbidden):
    """Whether a line has two words with letters, at least `share` of its letters in the script, and no letter
    the language cannot have."""
    if sum(1 for word in line.split(" ") if any(character.isalpha() for character in word)) < 2:
        return False
    letters = [character for character in line if character.isalpha()]
    if sum(1 for character in letters if in_script(character)) < share * len(letters):
        return False
    return not any(character in forbidden for character in line.lower())


def clean_latin(line, forbidden, glossary):
    if glossary and is_glossary_entry(line):
        return None
    if any(is_cyrillic(character) for character in line):
        return None
    return line if keeps(line, is_latin, 0.98, forbidden) else None


def without_format_characters(line):
    """The line without invisible format characters (Unicode's Cf: soft hyphens, zero-width spaces and joiners),
    which split a word where the text shows none ("tyl\u00adko" is "tylko")."""
    return "".join(character for character in line if unicodedata.category(character) != "Cf")


def clean(line, language):
    forbidden = FORBIDDEN.get(language, set())
    line = " ".join(unicodedata.normalize("NFC", without_format_characters(line)).split())
    if len(line) < 3 or URL.search(line):
        return None
    if language in LATIN_SCRIPT:
        return clean_latin(line, forbidden, language in GLOSSARY_SOURCES)
    words = []
    for word in line.split(" "):
        mended = mend_word(word)
        if mended is None:
            return None
        words.append(mended)
    line = " ".join(words)
    return line if keeps(line, is_cyrillic, 0.9, forbidden) else None


def reflow_statute(text):
    """A statute's hard-wrapped lines as one sentence a line: page furniture dropped, a word hyphenated across
    lines joined, references to provisions and journals taken out and the punctuation they leave tidied."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not STATUTE_FURNITURE.fullmatch(line)]
    joined = ""
    for line in lines:
        if joined.endswith("-") and len(joined) > 1 and joined[-2].isalpha() and line[:1].islower():
            joined = joined[:-1] + line
        else:
            joined = joined + " " + line if joined else line
    prose = STATUTE_REFERENCE.sub(" ", STATUTE_CITATION.sub(" ", joined))

    def tidy(run):
        marks = [mark for mark in run.group(0) if not mark.isspace()]
        return ("," if "," in marks else marks[-1]) + " "
    prose = " ".join(PUNCTUATION_RUN.sub(tidy, prose).split())
    # An abbreviation's full stop before a lower-case word ("w art. 29 funkcję" left "w. funkcję") ends nothing.
    prose = re.sub(r"\.\s+(?=[a-ząćęłńóśźż])", " ", prose)
    sentences = (sentence.lstrip(" .,;:-–").rstrip(" ,;:-–") for sentence in STATUTE_SENTENCE_END.split(prose))
    return "".join(sentence + "\n" for sentence in sentences if sentence)


def read_stretches(directory, characters):
    pieces = collections.defaultdict(list)
    for name in os.listdir(directory):
        match = re.fullmatch(r"(.+)-(\d+)\.txt", name)
        if match:
            pieces[match.group(1)].append((int(match.group(2)), name))
    stretches = {}
    for source, parts in sorted(pieces.items()):
        text = []
        expected = 0
        for offset, name in sorted(parts):
            if offset != expected:
                sys.exit("%s: a piece starts at %d, the one before ended at %d" % (source, offset, expected))
            with open(os.path.join(directory, name), encoding="utf-8", newline="") as handle:
                piece = handle.read()
            text.append(piece)
            expected = offset + len(piece)
        joined = "".join(text)[:characters]
        stretches[source] = joined[:joined.rfind("\n") + 1]
    return stretches


def tatoeba_sentences(text, language):
    """The language's side of a Tatoeba pair file, whose lines are two language codes and two sentences,
    tab-separated, in either order ("eng\tpol\tA beer, please.\tPoproszę piwo.")."""
    code = TATOEBA_CODES[language]
    sentences = []
    for row in text.splitlines():
        fields = row.split("\t")
        if len(fields) == 4:
            sentences += [sentence for name, sentence in ((fields[0], fields[2]), (fields[1], fields[3])) if name == code]
    return sentences


def speech_paragraphs(text):
    """The paragraphs members speak in a parliamentary transcript (ParlaMint TEI or the Sejm's, above), the chair's
    and the transcriber's notes left out."""
    paragraphs = []
    for attributes, body in PARLAMINT_UTTERANCE.findall(text):
        if 'ana="#regular"' in attributes:
            paragraphs += PARLAMINT_PARAGRAPH.findall(body)
    for speaker, body in SEJM_SPEECH.findall(text):
        if not SEJM_CHAIR.match(speaker):
            paragraphs += SEJM_UTTERANCE.findall(body)
    return [html.unescape(TAG.sub(" ", TRANSCRIBER_NOTE.sub(" ", paragraph))) for paragraph in paragraphs]


def speech_sentences(text):
    """A transcript's speech a sentence a line: each paragraph cut where a sentence ends and a capital follows."""
    sentences = []
    for paragraph in speech_paragraphs(text):
        joined = []
        for piece in SPEECH_SENTENCE_END.split(" ".join(paragraph.split())):
            letter = next((character for character in piece if character.isalpha()), "")
            if joined and not letter.isupper():
                joined[-1] += " " + piece  # an abbreviation's full stop ("m.in. w Sejmie"), not a sentence's end
            else:
                joined.append(piece)
        sentences += joined
    return sentences


def known_sentences():
    known = set()
    for folder in ("train", "sentences"):
        directory = os.path.join(SHARED, folder)
        for name in sorted(os.listdir(directory)):
            if name.endswith(".txt"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    known.update(" ".join(unicodedata.normalize("NFC", line).split()).casefold() for line in handle)
    return known


def build(language, directory, characters, kind=None):
    """The language's sentences from each stretch, read as `kind` says: "tatoeba" (pair files), "parliament"
    (transcripts), or None (a sentence a line; for Polish, statutes reflowed first)."""
    stretches = read_stretches(directory, characters)
    known = known_sentences()
    seen = set()
    kept = []
    report = []
    for source, text in stretches.items():
        if kind == "tatoeba":
            lines = tatoeba_sentences(text, language)
        elif kind == "parliament":
            lines = speech_sentences(text)
        else:
            lines = (reflow_statute(text) if language in STATUTE_SOURCES else text).splitlines()
        taken = 0
        for raw in lines:
            line = clean(raw, language)
            if line is None:
                continue
            folded = line.casefold()
            if folded in seen or folded in known:
                continue
            seen.add(folded)
            kept.append(line)
            taken += 1
        report.append("%s: %d characters, %d lines, %d kept" % (source, len(text), len(lines), taken))
    kept.sort()
    random.Random(SEED).shuffle(kept)
    return "".join(line + "\n" for line in kept), report


# What the line rules make of source lines, as (language, line, kept line or None): the worked examples of the
# module's doc comment, which --self-test checks.
EXAMPLES = [
    ("be", "Гэта  наш   дом.", "Гэта наш дом."),
    ("be", "Дзiця спiць у хаце.", "Дзіця спіць у хаце."),  # Latin "i" inside Cyrillic words
    ("be", "Гэта Minsk City.", None),  # under 90 % Cyrillic letters
    ("be", "Он пишет письмо.", None),  # и and щ are not Belarusian
    ("be", "Глядзі https://example.by сёння.", None),
    ("be", "Дабранач!", None),  # a single word
    ("sk", "Bývam na Slovensku v Bratislave.", "Bývam na Slovensku v Bratislave."),
    ("sk", "Ako sa dostane na Atlantis je zatiaľ neznáme.", "Ako sa dostane na Atlantis je zatiaľ neznáme."),
    ("sk", "Aká je predpoveď na zajtra?", "Aká je predpoveď na zajtra?"),
    ("sk", "Alabama; rieka Alabama", None),  # a glossary entry: items and synonyms
    ("sk", "poctivý; pravý; nefalšovaný; skutočný", None),
    ("sk", "- veľmi lenivý", None),
    ("sk", "Antigua a Barbuda", None),  # a name: three words, no final punctuation
    ("sk", "kľuková skriňa", None),
    ("sk", "Ahoj!", None),  # a single word
    ("sk", "Dobrý deň!", "Dobrý deň!"),
    ("sk", "Dzisiaj jest ładna pogoda.", None),  # Polish letters
    ("sk", "Příliš žluťoučký kůň úpěl.", None),  # Czech letters
    ("sk", "Slovo мир je ruské.", None),  # a Cyrillic word
    ("pl", "Ustawa wchodzi w życie po upływie dni od dnia ogłoszenia.", "Ustawa wchodzi w życie po upływie dni od dnia ogłoszenia."),
    ("pl", "Zákon nabývá účinnosti dnem vyhlášení.", None),  # Czech letters
    ("pl", "Poproszę piwo.", "Poproszę piwo."),
    ("pl", "Znowu?", None),  # a single word
    ("pl", "Przyjmujemy tyl\u00adko przygotowane\u200b osoby.", "Przyjmujemy tylko przygotowane osoby."),
]


# What is read from a Tatoeba pair file for a language, as (language, text, sentences).
TATOEBA_EXAMPLES = [
    ("pl", "eng\tpol\tA beer, please.\tPoproszę piwo.\npol\tukr\tDzień dobry.\tДобрий день.\n",
     ["Poproszę piwo.", "Dzień dobry."]),
    ("uk", "pol\tukr\tDzień dobry.\tДобрий день.\n", ["Добрий день."]),
    ("pl", "eng\tpol\tA line cut short\n", []),
]


# What reflowing makes of a statute's lines, as (text, sentences): page furniture, hyphenation, references.
STATUTE_EXAMPLES = [
    ("Art. 138. Ustawa wchodzi w życie po upływie 30 dni od dnia ogłoszenia.\n",
     "Ustawa wchodzi w życie po upływie dni od dnia ogłoszenia.\n"),
    ("Art. 132. Do czasu powołania Prezesa Urzędu w trybie określonym w art. 29\n"
     "funkcję tę pełni Prezes Urzędu.\n©Kancelaria Sejmu s. 73/73\n2017-06-28\n"
     "Art. 137. Traci moc ustawa z dnia 15 grudnia 2000 r. o ochronie konkurencji\n"
     "i konsumentów (Dz. U. z 2005 r. poz. 2080 oraz z 2006 r. poz. 1119).\n",
     "Do czasu powołania Prezesa Urzędu w trybie określonym w funkcję tę pełni Prezes Urzędu.\n"
     "Traci moc ustawa z dnia grudnia o ochronie konkurencji i konsumentów.\n"),
    ("Kontrolę sprawują:\n1) przedsię-\nbiorcy oraz ich związki;\na) treść umowy, z zastrzeżeniem ust. 2.\n",
     "Kontrolę sprawują: przedsiębiorcy oraz ich związki; treść umowy, z zastrzeżeniem.\n"),
]


# What is read from a parliamentary transcript, as (text, sentences): members' speech cut into sentences; the chair,
# the transcriber's notes and the stenographer's descriptions of reactions left out.
SPEECH_EXAMPLES = [
    ('<u xml:id="a.u1" who="#X" ana="#chair"><seg>Pán poslanec Richter.</seg></u>\n'
     '<u xml:id="a.u2" who="#Y" ana="#regular"><seg xml:id="a.u2.p1">Ďakujem pekne. Zákon č. 447/2008 Z. z. '
     'sa mení. <kinesic type="applause"><desc>Potlesk.</desc></kinesic> Prečo? Veď to &quot;vieme&quot;.</seg></u>\n',
     ["Ďakujem pekne.", "Zákon č. 447/2008 Z. z. sa mení.", "Prečo?", 'Veď to "vieme".']),
    ('<speech speaker="Wicemarszałek Piotr Zgorzelski"><utt t="norm">Bardzo proszę.</utt></speech>\n'
     '<speech speaker="Poseł Jan Kowalski"><utt t="norm">Panie Marszałku! Wysoka Izbo! Projekt m.in. zmienia '
     'ustawę.</utt><utt t="reaction">Oklaski</utt><utt t="norm">Dziękuję.</utt></speech>\n'
     '<speech speaker="Poseł Anna Nowak"><utt t="norm">To zdanie urwało',
     ["Panie Marszałku!", "Wysoka Izbo!", "Projekt m.in. zmienia ustawę.", "Dziękuję."]),
]


def self_test():
    failures = [(language, line, expected, clean(line, language)) for language, line, expected in EXAMPLES
                if clean(line, language) != expected]
    failures += [("statute", text, expected, reflow_statute(text)) for text, expected in STATUTE_EXAMPLES
                 if reflow_statute(text) != expected]
    failures += [("tatoeba", text, expected, tatoeba_sentences(text, language)) for language, text, expected in TATOEBA_EXAMPLES
                 if tatoeba_sentences(text, language) != expected]
    failures += [("parliament", text, expected, speech_sentences(text)) for text, expected in SPEECH_EXAMPLES
                 if speech_sentences(text) != expected]
    for language, line, expected, got in failures:
        print("%s %r: expected %r, got %r" % (language, line, expected, got), file=sys.stderr)
    if failures:
        return 1
    count = len(EXAMPLES) + len(STATUTE_EXAMPLES) + len(TATOEBA_EXAMPLES) + len(SPEECH_EXAMPLES)
    print("build-extra-sentences: %d examples pass" % count)
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--language", required=True, choices=LANGUAGES)
    parser.add_argument("--pieces", required=True, help="directory of <name>-<offset>.txt pieces")
    parser.add_argument("--characters", type=int, default=CHARACTERS,
                        help="take this many characters from the start of each source (default %(default)s)")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--tatoeba", dest="kind", action="store_const", const="tatoeba",
                      help="the sources are Tatoeba pair files: take the language's side of each line")
    kind.add_argument("--parliament", dest="kind", action="store_const", const="parliament",
                      help="the sources are parliamentary transcripts (ParlaMint TEI, the Sejm's): take members' speech")
    parser.add_argument("--out", help="default: Data/sentences/<language>.txt, <language>-parliament.txt with --parliament")
    parser.add_argument("--check", action="store_true", help="exit 1 if the output file would change")
    args = parser.parse_args()
    text, report = build(args.language, args.pieces, args.characters, args.kind)
    for line in report:
        print(line, file=sys.stderr)
    name = args.language + ("-parliament" if args.kind == "parliament" else "") + ".txt"
    out = args.out or os.path.join(ROOT, "Data", "sentences", name)
    if args.check:
        with open(out, encoding="utf-8") as handle:
            current = handle.read()
        if current != text:
            print("%s is out of date" % out, file=sys.stderr)
            return 1
        return 0
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text)
    print("wrote %s: %d sentences" % (out, text.count("\n")), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
