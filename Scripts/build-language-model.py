#!/usr/bin/env python3
"""Builds Sources/IngestLanguage/Resources/language-model.bin, the language identifier's model: character
n-grams (1-5) and words of Bulgarian, Polish, Ukrainian, English and the languages most often confused with
them (Russian, Macedonian, Serbian, Belarusian, Czech, Slovak), plus each language's alphabet.

Sources: the CC0 Mozilla Common Voice sentences in ../shared/corpora/train/<iso>.txt (see its SOURCES.md), more
of them where that sample is too small in Data/sentences/<iso>.txt (Belarusian, Slovak; and Polish from Tatoeba, CC BY
2.0 FR) and Polish and Slovak parliamentary speech in Data/sentences/<iso>-parliament.txt (not subject to
copyright; words of public affairs, which Czech's shared sample holds and theirs lacked; see SOURCES.md there),
the stems of the Debian hunspell dictionaries (/usr/share/hunspell), and three word lists in every language,
which add modern vocabulary to the letter model only: Firefox's interface (Data/interface-words/<iso>.txt,
MPL-2.0; Scripts/build-interface-words.py), the Unicode CLDR locale data (Data/cldr-words/<iso>.txt, Unicode
licence; Scripts/build-cldr-words.py) and the web words of Tesseract OCR's trained data
(Data/ocr-words/<iso>.txt, Apache-2.0; Scripts/build-ocr-words.py); Data/README.md lists their licences.
Serbian is written in both Cyrillic and Latin; its sentences are Cyrillic, so each is also counted in the
standard one-to-one Latin transliteration, as a separate sample that Latin n-grams are scored against.
Belarusian is written in the official orthography and in the classical one (Taraškievica); its sentences are
official, so every word whose classical spelling differs (Scripts/belarusian_classical.py: сьнег, жыцьцё) is
also counted in that spelling. Every tenth sentence (line numbers 10, 20, ...) is held out and
never counted, so that `--dev-out DIR` can write an evaluation set the model has not seen, laid out as
DIR/{sentences,word-pairs,single-words}/<iso>.txt, plus be-tarask.txt: the held-out Belarusian in the classical
spelling, cut into the same pairs and words.

Text is NFC and lower-cased; words are runs of letters (an apostrophe between letters belongs to the word),
padded with one space on each side. An n-gram stores, per language, -ln P(last letter | the letters before
it), or 255 when the language never saw it (the detector then backs off to a shorter n-gram); a word stores
its Witten-Bell smoothed -ln P: c / (N + T) when seen, T / ((N + T) (B - T)) when not, where N counts the
language's words, T its distinct ones and B the distinct ones over all languages, so small and large corpora
pay alike for unseen words. An n-gram is kept when some language saw it at least `--min-count` (2) times,
a word when some language saw it `--word-min-count` (1) times: a word seen once is still good evidence for a
text of one or two words, where the letters say little, and costs one entry. Values are quantised in steps
of 0.1 and one lookup answers for all languages. `--max-entries N` then drops the n-grams of orders 4 and 5
that carry the least evidence until N entries remain (see `prune`): what decides between languages is the
difference of their costs, and most long n-grams leave it about as it was. The default, SHIPPED_ENTRIES, keeps
the file under the repository's 5 MiB; 0 keeps every entry.

Binary layout, little-endian; the detector checks the CRC-32 on the file's bytes and widens the entries in one
pass into rows of the key and every language's value (a compressed file, inflated at load, took several times
as long as scoring ten thousand sentences; widening these entries takes about a third of start-up):
    "INGLANG5"  magic
    u32 languages L, then L two-letter ASCII codes
    f32 quantisation step
    L x 6 u8  per language: -ln P of a letter it never saw, four unused bytes, -ln P of a word it never saw
    per language: u16 count, then that many u32 scalars (the alphabet, lower case)
    u32 entries E
    u32 CRC-32 (zlib's) of everything that follows
    u32 B, the entries' size in bytes
    u16 C, then C u32 value layouts (see `encode`), most used first; an entry names its layout by number
    4,097 u32   directory groups: the byte offset of bucket 64 g's first entry, for g = 0 ... 4,095, then B;
                bucket b holds the entries whose key's top 18 bits are b
    262,145 u16 the byte offset of bucket b's first entry from its group's, for b = 0 ... 262,143, then 0
    E entries, in ascending key order: the key's low 22 bits (3 bytes), the layout's number (1 byte), then
                the values the layout stores, in column order
Keys are the top 40 bits of FNV-1a 64-bit over the n-gram's scalars (each as one 32-bit value); words use
another offset basis, so a short word never shares a key with an n-gram. 40 bits make a false match of an
unknown n-gram about one in a million lookups. Most n-grams are seen by one or two languages and most words
differ from the unseen-word floor in one, so an entry stores only those values: 5.9 bytes an entry on
average against 16 for a row of every value, and the file (4.99 MiB with SHIPPED_ENTRIES) stays under the
repository's 5 MiB a file; the limit for the model's data is 20 MB. A bucket holds about three entries, read
in order: the two-level directory (32-bit group offsets, 16-bit bucket offsets within a group) makes four
times the buckets of a flat 32-bit one in twice its bytes. The detector does not score from this layout,
which cost it about a quarter more CPU than fixed rows: it scores from the widened rows.

Deterministic. Usage:

    python3 Scripts/build-language-model.py [--train DIR] [--extra DIR] [--dev-out DIR] [--check]
"""
import argparse
import collections
import math
import os
import re
import struct
import sys
import unicodedata
import zlib

from belarusian_classical import to_classical
from generated_file import TRAINING_DIRECTORY, training_file
from hunspell_dictionary import Dictionary
from language_words import ALPHABETS, APOSTROPHES, LANGUAGES, words

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Sources", "IngestLanguage", "Resources", "language-model.bin")
# More sentences for languages whose shared sample is too small (Scripts/build-extra-sentences.py): CC0 Common
# Voice, Tatoeba's Polish (CC BY 2.0 FR), and Polish and Slovak parliamentary speech (not subject to copyright).
EXTRA = os.path.join(ROOT, "Data", "sentences")
# Word lists in every language, which join the letter model as dictionary stems do: Firefox's interface
# (MPL-2.0, Scripts/build-interface-words.py), CLDR's locale data (Unicode licence, Scripts/build-cldr-words.py)
# and the web words of Tesseract OCR's trained data (Apache-2.0, Scripts/build-ocr-words.py).
VOCABULARIES = ",".join(os.path.join(ROOT, "Data", name) for name in ("interface-words", "cldr-words", "ocr-words"))
MAX_ORDER = 5
STEP = 0.1
UNSEEN = 255
FNV_BASIS = 0xCBF29CE484222325
WORD_BASIS = FNV_BASIS ^ 0x9E3779B97F4A7C15
FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1
KEY_SHIFT = 24  # keys keep the top 40 of FNV-1a's 64 bits
MAGIC = b"INGLANG5"
DIRECTORY_BITS = 18
# The directory keeps a 32-bit offset for every 2 ** GROUP_BITS buckets and a 16-bit one from there for each.
GROUP_BITS = 6

# Serbian Cyrillic to Latin (Vuk's alphabet and Gaj's Latin alphabet correspond letter for letter).
SERBIAN_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}
# Hunspell dictionaries (Debian hunspell-* packages) whose stems add modern vocabulary to the letter model.
# Only dictionaries a shipped model may be built from: each of these is offered under a permissive licence
# or MPL (Debian's copyright for libreoffice-dictionaries: pl_PL, uk_UA and sr list MPL among their options,
# ru_RU a BSD-style licence, en_US the SCOWL licence). bg_BG and cs_CZ are GPL-2 only and be_BY CC BY-SA or
# LGPL-3, so those languages rely on the CC0 sentences and the word lists. Macedonian has none in Debian.
# Serbian's Cyrillic one also reaches the Latin sample by transliteration. sk_SK (MPL among its options) is
# left out: its 56,825 stems outweighed Slovak's 16,163 words of sentences, and with Tesseract's Slovak words
# in their place Slovak's held-out word pairs and single words came out 87.4 and 68.0 % against 81.4 and
# 64.9 with both (README, "Web words").
HUNSPELL = {"pl": "pl_PL", "uk": "uk_UA", "en": "en_US", "ru": "ru_RU", "sr": "sr_RS"}
DICTIONARY_CAP = 60000
# With --dictionary-ratio R a language's stems are at most R times the words of its training sentences, so that
# the letter model stays one of running text which the stems extend. Only Slovak had few enough words (8,871
# against 56,825 stems, before Data/sentences/sk.txt brought it to 16,163) for R = 3.5 to matter (28,413 stems
# kept; measured with the shared sentences alone): on the held-out tenth its sentences, word pairs
# and single words came out 96.9, 88.4 and 67.4 % against 96.1, 82.9 and 61.2 with every stem, no other
# language's cell moving by more than 0.6 (ratios of 2 to 3 also cut the Serbian stems, and Macedonian words went
# to Serbian), but the close-pair test's Slovak sentence ("Kde je najbližšia autobusová zastávka?") came out
# Czech, as it did with every stem kept at weight 0.55. So the shipped model kept every stem (0: no limit), until
# Slovak's dictionary gave way to Tesseract's Slovak words (see HUNSPELL).
DICTIONARY_RATIO = 0
# The detector's default cost of backing off to a shorter context (DetectionWeights.backoff / STEP).
BACKOFF_UNITS = 9
# Orders below this are never pruned: the detector counts known trigrams to tell text from noise.
PRUNE_FROM = 4
# What the --max-entries help suggests: the pruned model measured in the README (sk sentences 94.6 against 96.6).
MAX_ENTRIES = 300000
# The shipped model's entries: with the three word lists and the parliamentary speech the full table (1,043,569
# entries) is 6.60 MB, over the repository's 5 MiB a file; dropping the 257,600 n-grams of orders 4-5 that carry
# the least evidence keeps it under (5,224,816 bytes; see the README's "Web words" for what that moved).
SHIPPED_ENTRIES = 786000
# How much an n-gram's frequency counts beside its spread when pruning: 1 is entropy pruning proper, 0 the
# spread alone. On the held-out tenth a quarter kept more of the decoys' rare but telling n-grams than 0.5 or 1.
FREQUENCY_POWER = 0.25


def fnv(text, basis):
    value = basis
    for character in text:
        value = ((value ^ ord(character)) * FNV_PRIME) & MASK
    return value >> KEY_SHIFT


def to_serbian_latin(line):
    out = []
    for character in line:
        lower = character.lower()
        latin = SERBIAN_TO_LATIN.get(lower)
        if latin is None:
            out.append(character)
        elif character != lower:
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def extra_files(directory, language):
    """The language's files of more sentences: `<iso>.txt`, then any `<iso>-<source>.txt` (`pl-parliament.txt`) in
    name order, each split on its own so that adding one leaves the others' held-out lines as they were."""
    if not directory or not os.path.isdir(directory):
        return []
    names = [name for name in os.listdir(directory) if re.fullmatch(re.escape(language) + r"(?:-[a-z]+)?\.txt", name)]
    return [os.path.join(directory, name) for name in sorted(names, key=lambda name: (name != language + ".txt", name))]


def read_split(path):
    train, dev = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if line:
                (dev if number % 10 == 0 else train).append(line)
    return train, dev


def count(lines, dictionary=()):
    grams = [collections.Counter() for _ in range(MAX_ORDER + 1)]
    vocabulary = collections.Counter()
    for line in lines:
        for word in words(line):
            vocabulary[word] += 1
    weighted = collections.Counter(vocabulary)
    for stem in dictionary:
        weighted[stem] += 1
    for word, times in weighted.items():
        padded = " " + word + " "
        for n in range(1, MAX_ORDER + 1):
            counter = grams[n]
            for start in range(len(padded) - n + 1):
                gram = padded[start:start + n]
                if gram != " ":
                    counter[gram] += times
    grams[0] = vocabulary  # slot 0 holds the words
    return grams


def dictionary_encoding(directory, name):
    """The character set the dictionary's affix file declares (SET), UTF-8 when it declares none."""
    with open(os.path.join(directory, name + ".aff"), "rb") as handle:
        for raw in handle:
            if raw.startswith(b"SET "):
                return raw[4:].strip().decode("ascii").lower().replace("iso8859", "iso-8859")
    return "utf-8"


def known_forms(directory, language, among):
    """The words of `among` that the language's hunspell dictionary spells: its lower-case entries and the
    forms their suffix rules make (entries that start with a capital, mostly names, are left out)."""
    name = HUNSPELL[language]
    dictionary = Dictionary(name, dictionary_encoding(directory, name), directory)
    found = set()
    for entry in dictionary.entries:
        if entry[:1].islower():
            for form in dictionary.forms(entry):
                word = unicodedata.normalize("NFC", form).lower().replace("’", "'").replace("ʼ", "'")
                # Serbian's Latin sample is its Cyrillic transliterated, so its dictionary spells both.
                for spelling in (word, to_serbian_latin(word)) if language == "sr" else (word,):
                    if spelling in among:
                        found.add(spelling)
    return found


def dictionary_words(directory, language, cap=DICTIONARY_CAP, forms=False):
    """Lower-case stems of the language's hunspell dictionary (Debian hunspell-* packages), or with `forms` the
    stems and every form their suffix rules make, at most `cap` of them, evenly sampled from the sorted list;
    none for a language without one."""
    name = HUNSPELL.get(language)
    if name is None:
        return []
    path = os.path.join(directory, name + ".dic")
    if not os.path.exists(path):
        sys.exit("missing %s: install the hunspell-%s package (or pass --dictionaries DIR)" % (path, language))
    encoding = dictionary_encoding(directory, name)
    alphabet = set(ALPHABETS[language]) | set(APOSTROPHES)

    def usable(word):
        return len(word) > 1 and word[0].islower() and all(character in alphabet for character in word)

    words = set()
    if forms:
        dictionary = Dictionary(name, encoding, directory)
        for entry in dictionary.entries:
            if usable(unicodedata.normalize("NFC", entry)):
                words.update(unicodedata.normalize("NFC", form) for form in dictionary.forms(entry))
        words = {word for word in words if usable(word)}
    else:
        with open(path, encoding=encoding, errors="replace") as handle:
            next(handle)  # the entry count
            for line in handle:
                stem = unicodedata.normalize("NFC", line.strip().split("/")[0])
                if usable(stem):
                    words.add(stem)
    words = sorted(word.replace("’", "'").replace("ʼ", "'") for word in words)
    stride = max(1, -(-len(words) // cap))
    return words[::stride]


def vocabulary_words(directories, language):
    """The words of the language's lists (<iso>.txt) in the comma-separated directories, each word once, sorted;
    a directory without the language's file adds none."""
    found = set()
    for directory in (name for name in directories.split(",") if name):
        path = os.path.join(directory, language + ".txt")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                found.update(line.strip() for line in handle if line.strip())
    return sorted(found)


def write_dev(directory, language, lines):
    sentences, pairs, singles = [], [], []
    for index, line in enumerate(lines):
        tokens = [token for token in line.split() if any(character.isalpha() for character in token)]
        sentences.append(line)
        if len(tokens) >= 2:
            start = index % (len(tokens) - 1)
            pairs.append(" ".join(token.strip(".,;:!?«»\"()–—") for token in tokens[start:start + 2]))
        if tokens:
            singles.append(tokens[index % len(tokens)].strip(".,;:!?«»\"()–—"))
    for kind, items in (("sentences", sentences), ("word-pairs", pairs), ("single-words", singles)):
        os.makedirs(os.path.join(directory, kind), exist_ok=True)
        with open(os.path.join(directory, kind, language + ".txt"), "w", encoding="utf-8") as handle:
            handle.write("".join(item + "\n" for item in items[:1000] if item))


def quantise(log_probability):
    return max(0, min(255, round(-log_probability / STEP)))


def build(train_dir, dev_out, min_count, dictionaries, word_min_count, cap=DICTIONARY_CAP, max_entries=0,
          ratio=DICTIONARY_RATIO, extra_dir=EXTRA, forms=(), vocabularies=VOCABULARIES, known=(), known_count=0.5):
    counts = {}
    for language in LANGUAGES:
        path = training_file(train_dir, language, "the model")
        train, dev = read_split(path)
        for extra in extra_files(extra_dir, language):
            more_train, more_dev = read_split(extra)
            train += more_train
            dev += more_dev
        running = sum(1 for line in train for _ in words(line))
        limit = min(cap, int(ratio * running)) if ratio > 0 else cap
        stems = dictionary_words(dictionaries, language, limit, language in forms) if dictionaries else []
        stems += vocabulary_words(vocabularies, language)
        if language == "be":
            # Each sentence also in the classical spelling (Taraškievica), which much Belarusian on the web uses.
            # Words the two spellings share are counted once: counting the sentence twice would halve the
            # language's unseen-word cost and lift n-grams seen once over --min-count.
            classical = [(to_classical(line), line) for line in train]
            train = train + [" ".join(new for new, old in zip(spelt.split(), line.split()) if new != old)
                             for spelt, line in classical if spelt != line]
            if dev_out:
                write_dev(dev_out, "be-tarask", [to_classical(line) for line in dev])
        if language == "sr":
            counts["sr-Latn"] = count([to_serbian_latin(line) for line in train], [to_serbian_latin(stem) for stem in stems])
            dev = [to_serbian_latin(line) if index % 2 else line for index, line in enumerate(dev)]
        if dev_out:
            write_dev(dev_out, language, dev)
        counts[language] = count(train, stems)
        print("counted %s: %d sentences, %d dictionary stems and listed words" % (language, len(train), len(stems)), file=sys.stderr)
    entries = {}
    serbian = LANGUAGES.index("sr")

    def latin(gram):
        return any("a" <= character <= "z" or "\u00c0" <= character <= "\u024f" for character in gram)

    # Words: Witten-Bell smoothed unigram probabilities, so small and large corpora pay alike for unseen words.
    union = set()
    for name in counts:
        union.update(counts[name][0])
    distinct = len(union)
    word_columns = []
    for name in list(LANGUAGES) + ["sr-Latn"]:
        counter = counts[name][0]
        denominator = sum(counter.values()) + len(counter)
        word_columns.append((counter, denominator, math.log(len(counter) / (denominator * max(1, distinct - len(counter))))))
    word_floors = [quantise(column[2]) for column in word_columns[:len(LANGUAGES)]]
    # With --dictionary-known, a word some language's sentences hold that a listed language's sentences lack
    # but its dictionary spells counts as seen `known_count` times there (see the option's help).
    spelt = {language: known_forms(dictionaries, language, union) for language in known}
    for word in sorted(union):
        columns = list(word_columns[:len(LANGUAGES)])
        if latin(word):
            columns[serbian] = word_columns[-1]
        seen = [column[0].get(word, 0) for column in columns]
        if max(seen) < word_min_count:
            continue
        seen = [known_count if not times and word in spelt.get(language, ()) else times
                for times, language in zip(seen, LANGUAGES)]
        key = fnv(word, WORD_BASIS)
        if key not in entries:
            entries[key] = bytes(quantise(math.log(c / d) if c else floor) for c, (_, d, floor) in zip(seen, columns))

    # Characters: P(last letter | the letters before it), one value per n-gram of orders 1-5; UNSEEN where
    # the language never saw the n-gram, and the detector backs off to the next shorter one.
    letter_floors = []
    grams = [None] + [{} for _ in range(MAX_ORDER)]
    weights = {}
    sizes = {name: max(1, sum(counts[name][1].values())) for name in counts}
    for order in range(1, MAX_ORDER + 1):
        union = set()
        for name in counts:
            union.update(counts[name][order])
        columns = {}
        for name in list(LANGUAGES) + ["sr-Latn"]:
            counter = counts[name][order]
            if order == 1:
                total = sum(counter.values())
                contexts = None
                if name in LANGUAGES:
                    letter_floors.append(quantise(math.log(0.5 / total)))
            else:
                contexts = collections.Counter()
                for gram, value in counter.items():
                    contexts[gram[:-1]] += value
                total = None
            columns[name] = (counter, contexts, total)
        for gram in sorted(union):
            names = list(LANGUAGES)
            if latin(gram):
                names[serbian] = "sr-Latn"
            seen = [columns[name][0].get(gram, 0) for name in names]
            if max(seen) < min_count:
                continue
            values = []
            for count_, name in zip(seen, names):
                counter, contexts, total = columns[name]
                if not count_:
                    values.append(UNSEEN)
                else:
                    values.append(min(UNSEEN - 1, quantise(math.log(count_ / (total if contexts is None else contexts[gram[:-1]])))))
            grams[order][gram] = bytes(values)
            if order >= PRUNE_FROM:
                weights[gram] = max(count_ / sizes[name] for count_, name in zip(seen, names))
    pruned = prune(grams, weights, letter_floors, len(entries), max_entries)
    for order in range(1, MAX_ORDER + 1):
        for gram in sorted(grams[order]):
            key = fnv(gram, FNV_BASIS)
            if key not in entries:  # on a 64-bit collision the first in sorted order stays
                entries[key] = grams[order][gram]
    print("pruned %d n-grams of orders %d-%d" % (pruned, PRUNE_FROM, MAX_ORDER), file=sys.stderr)
    floors = [[letter_floors[index], 0, 0, 0, 0, word_floors[index]] for index in range(len(LANGUAGES))]
    return entries, floors


def prune(grams, weights, letter_floors, words, max_entries):
    """Drops the n-grams of orders PRUNE_FROM and up that carry the least evidence until the table holds at
    most `max_entries` entries with the `words` word entries. Without an n-gram each language that saw it
    backs off to the shorter one (paying BACKOFF_UNITS, as the detector does), while the languages that
    never saw it were backing off already; what decides between languages is the difference of their costs,
    so an n-gram's evidence is how far its loss would move one language against another (the spread of the
    shifts), times how often it occurs (its highest relative frequency in any language, so a small sample
    such as Slovak's weighs like a large one), as in entropy-based pruning. Each order is judged against the
    shorter orders before pruning. Returns how many were dropped."""
    def cost(gram, language):
        """What the detector pays for the last letter of `gram` in `language`, backing off as it does."""
        extra = 0
        while gram:
            values = grams[len(gram)].get(gram)
            if values is not None and values[language] != UNSEEN:
                return values[language] + extra
            gram = gram[1:]
            extra += BACKOFF_UNITS
        return letter_floors[language] + extra - BACKOFF_UNITS

    total = words + sum(len(grams[order]) for order in range(1, MAX_ORDER + 1))
    excess = total - max_entries
    if max_entries <= 0 or excess <= 0:
        return 0
    scored = []
    for order in range(PRUNE_FROM, MAX_ORDER + 1):
        for gram, values in grams[order].items():
            shifts = [0]
            for language, value in enumerate(values):
                if value != UNSEEN:
                    shifts.append(cost(gram[1:], language) + BACKOFF_UNITS - value)
            scored.append(((max(shifts) - min(shifts)) * weights[gram] ** FREQUENCY_POWER, gram))
    scored.sort()
    for _, gram in scored[:excess]:
        del grams[len(gram)][gram]
    return min(excess, len(scored))


def encode(values, word_floors):
    """An entry's values as (code word, stored bytes): the code word's low bits mark the languages whose value
    is stored, and bit 16 says what the others are (0: UNSEEN, as for most n-grams; 1: the language's floor for
    an unseen word, as for most words). Whichever leaves fewer bytes is chosen, so any values round-trip."""
    unseen = [index for index, value in enumerate(values) if value != UNSEEN]
    floored = [index for index, value in enumerate(values) if value != word_floors[index]]
    fill, stored = (0, unseen) if len(unseen) <= len(floored) else (1, floored)
    mask = sum(1 << index for index in stored)
    return mask | fill << 16, bytes(values[index] for index in stored)


def render(entries, floors):
    """The model file's bytes."""
    out = bytearray(MAGIC)
    out += struct.pack("<I", len(LANGUAGES))
    for language in LANGUAGES:
        out += language.encode("ascii")
    out += struct.pack("<f", STEP)
    for row in floors:
        out += bytes(row)
    for language in LANGUAGES:
        letters = sorted(set(ALPHABETS[language]), key=ord)
        out += struct.pack("<H", len(letters))
        out += b"".join(struct.pack("<I", ord(letter)) for letter in letters)
    keys = sorted(entries)
    word_floors = [row[5] for row in floors]
    encoded = [encode(entries[key], word_floors) for key in keys]
    usage = collections.Counter(code for code, _ in encoded)
    # The most used code words get the lowest numbers (the order is otherwise arbitrary, but deterministic).
    codes = sorted(usage, key=lambda code: (-usage[code], code))
    if len(codes) > 256:
        sys.exit("the model needs %d value layouts; an entry's code byte holds 256" % len(codes))
    number = {code: index for index, code in enumerate(codes)}
    shift = 40 - DIRECTORY_BITS
    starts = [0] * ((1 << DIRECTORY_BITS) + 1)
    entry_bytes = bytearray()
    bucket = 0
    for key, (code, stored) in zip(keys, encoded):
        while bucket < key >> shift:
            bucket += 1
            starts[bucket] = len(entry_bytes)
        entry_bytes += (key & ((1 << shift) - 1)).to_bytes(3, "little") + bytes([number[code]]) + stored
    while bucket < 1 << DIRECTORY_BITS:
        bucket += 1
        starts[bucket] = len(entry_bytes)
    groups = [starts[group << GROUP_BITS] for group in range(1 << (DIRECTORY_BITS - GROUP_BITS))] + [len(entry_bytes)]
    within = [start - groups[bucket >> GROUP_BITS] for bucket, start in enumerate(starts)]
    if max(within) > 0xFFFF:
        sys.exit("a directory group spans %d bytes; its 16-bit offsets reach 65,535" % max(within))
    body = bytearray(struct.pack("<IH", len(entry_bytes), len(codes)))
    body += struct.pack("<%dI" % len(codes), *codes)
    body += struct.pack("<%dI" % len(groups), *groups)
    body += struct.pack("<%dH" % len(within), *within)
    body += entry_bytes
    out += struct.pack("<I", len(keys))
    out += struct.pack("<I", zlib.crc32(body))
    return bytes(out + body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default=TRAINING_DIRECTORY)
    parser.add_argument("--extra", default=EXTRA, help="more sentences, <iso>.txt ('' for none)")
    parser.add_argument("--dev-out", help="also write the held-out sentences, word pairs and words here")
    parser.add_argument("--min-count", type=int, default=2, help="keep an n-gram some language saw this often")
    parser.add_argument("--word-min-count", type=int, default=1, help="keep a word some language saw this often")
    parser.add_argument("--dictionaries", default="/usr/share/hunspell",
                        help="hunspell dictionaries whose stems join the letter model ('' for none)")
    parser.add_argument("--dictionary-cap", type=int, default=DICTIONARY_CAP, help="at most this many stems a language")
    parser.add_argument("--dictionary-ratio", type=float, default=DICTIONARY_RATIO,
                        help="at most this many stems per word of a language's training sentences (0: no such limit)")
    parser.add_argument("--dictionary-forms", default="",
                        help="comma-separated languages whose dictionary words are their stems' inflected forms "
                        "(hunspell suffix rules), sampled as the stems are, rather than the stems alone")
    parser.add_argument("--dictionary-known", default="",
                        help="comma-separated languages with a hunspell dictionary whose lower-case entries and their "
                        "suffixed forms count as seen --dictionary-known-count times in the word model when another "
                        "language's sentences hold the word and theirs do not; none by default (README, 'Not yet met')")
    parser.add_argument("--dictionary-known-count", type=float, default=0.5,
                        help="how many times such a word counts as seen (default 0.5)")
    parser.add_argument("--vocabulary", default=VOCABULARIES,
                        help="comma-separated directories of word lists, <iso>.txt, that join the letter model as stems "
                        "do ('' for none)")
    parser.add_argument("--max-entries", type=int, default=SHIPPED_ENTRIES,
                        help="drop the n-grams of orders 4-5 with the least evidence until the table has at most this "
                        "many entries (default %d, which keeps the file under 5 MiB; 0 keeps all; the README also "
                        "measures %d)" % (SHIPPED_ENTRIES, MAX_ENTRIES))
    parser.add_argument("--out", default=OUT, help="where to write the model (default: the package resource)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the model file would change")
    args = parser.parse_args()
    unknown = [code for code in args.dictionary_known.split(",") if code and code not in HUNSPELL]
    if unknown:
        parser.error("--dictionary-known: no dictionary for %s (those with one: %s)" % (", ".join(unknown), ", ".join(sorted(HUNSPELL))))
    if args.dictionary_known and not args.dictionaries:
        parser.error("--dictionary-known reads the dictionaries, which --dictionaries '' leaves out")
    entries, floors = build(args.train, args.dev_out, args.min_count, args.dictionaries, args.word_min_count, args.dictionary_cap,
                            args.max_entries, args.dictionary_ratio, args.extra,
                            [code for code in args.dictionary_forms.split(",") if code], args.vocabulary,
                            [code for code in args.dictionary_known.split(",") if code], args.dictionary_known_count)
    data = render(entries, floors)
    out = args.out
    relative = os.path.relpath(out, ROOT)
    if args.check:
        current = open(out, "rb").read() if os.path.exists(out) else None
        if current != data:
            print("%s is out of date; run python3 Scripts/build-language-model.py" % relative)
            sys.exit(1)
        print("%s is up to date" % relative)
        return
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as handle:
        handle.write(data)
    print("wrote %s (%d entries, %.1f MB)" % (relative, len(entries), len(data) / 1e6))


if __name__ == "__main__":
    main()
