#!/usr/bin/env python3
"""Builds Data/ocr-words/<iso>.txt: words of the word lists that Tesseract OCR's trained data carries for each
of the model's ten languages, which Scripts/build-language-model.py adds to the letter model as it adds the
interface words and dictionary stems.

Why: the training sentences are small samples of one kind of text each (Czech is parliament speeches, Polish
literature and proverbs, Slovak 2,317 sentences), and four languages (Bulgarian, Czech, Belarusian,
Macedonian) have no dictionary the model may use. Tesseract's lists were collected from web text in every
language alike, in running (inflected) forms, so each language gains the same kind of vocabulary: the words
of the pages the pipeline reads ("projektu", "infrastruktury", "конференцията") stop being known only to
the languages whose sample happens to hold them.

Source: Debian's tesseract-ocr-<code> packages (tessdata_fast 4.1.0), under the Apache License 2.0 (the
packages' copyright: "Files: * License: Apache-2.0"); Data/ocr-words/SOURCES.md names the versions and
checksums. Each package's .traineddata holds the list as a DAWG (lstm-word-dawg), which the tesseract-ocr
package's tools unpack (`combine_tessdata -u`, then `dawg2wordlist`). Fetch the packages without installing
them; only the two tools need installing:

    apt-get download tesseract-ocr-{bul,pol,ukr,eng,rus,mkd,srp,bel,ces,slk}
    apt-get install tesseract-ocr

Processing:
  - NFC, lower case, the apostrophes ’ and ʼ written as ', as the model builder reads text;
  - words of two letters or more, every letter in the language's alphabet (Scripts/language_words.py) and no
    apostrophe first or last: the lists also hold words of other languages met on the web, and those that
    spell a letter the language lacks (a Russian word with и or щ in the Belarusian list) drop out here;
  - Polish, Czech and Slovak: no word of ASCII letters only that the English list holds, since web text in
    those languages quotes English ("wireless", "months") and a Czech list would otherwise teach the Czech
    letter model English;
  - at most CAP words a language, evenly sampled from the sorted list, as the model builder samples
    dictionary stems, so that no language's letter model is outweighed by its list.

Deterministic. Usage:

    python3 Scripts/build-ocr-words.py --debs DIR [--check]
    python3 Scripts/build-ocr-words.py --self-test   # the word rules' worked examples (a test runs it)
"""
import argparse
import os
import subprocess
import sys
import tempfile
import unicodedata

from debian_packages import one_package, package_members
from language_words import ALPHABETS, APOSTROPHES, LANGUAGES
from word_lists import write_word_lists

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Data", "ocr-words")
# Tesseract's language codes (ISO 639-2/T), for the packages and their .traineddata files.
TESSERACT_CODES = {"bg": "bul", "pl": "pol", "uk": "ukr", "en": "eng", "ru": "rus", "mk": "mkd", "sr": "srp",
                   "be": "bel", "cs": "ces", "sk": "slk"}
# The languages whose lists lose the ASCII words the English list holds.
QUOTES_ENGLISH = ("pl", "cs", "sk")
# As many as the model builder keeps of a dictionary's stems (DICTIONARY_CAP there).
CAP = 60000


def normalised(word):
    return unicodedata.normalize("NFC", word).lower().replace("’", "'").replace("ʼ", "'")


def usable(word, language):
    alphabet = set(ALPHABETS[language]) | set(APOSTROPHES)
    return (len(word) > 1 and word[0] not in APOSTROPHES and word[-1] not in APOSTROPHES
            and all(character in alphabet for character in word))


def language_words(raw_words, language):
    """The distinct usable words of a raw list, normalised."""
    return {word for word in (normalised(raw) for raw in raw_words) if usable(word, language)}


def select(lists, cap=CAP):
    """Each language's sorted words after the English rule, evenly sampled down to `cap`."""
    english = lists["en"]
    selected = {}
    for language, found in lists.items():
        if language in QUOTES_ENGLISH:
            found = {word for word in found if not (word.isascii() and word in english)}
        ordered = sorted(found)
        stride = max(1, -(-len(ordered) // cap))
        selected[language] = ordered[::stride]
    return selected


def unpacked_words(traineddata, code):
    """The raw words of a .traineddata file's LSTM word list, unpacked with Tesseract's own tools."""
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, code + ".traineddata")
        with open(path, "wb") as handle:
            handle.write(traineddata)
        prefix = os.path.join(scratch, code + ".")
        try:
            subprocess.run(["combine_tessdata", "-u", path, prefix], check=True, capture_output=True)
            listed = os.path.join(scratch, "words.txt")
            subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", listed],
                           check=True, capture_output=True)
        except FileNotFoundError as error:
            sys.exit("missing %s: install the tesseract-ocr package" % error.filename)
        with open(listed, encoding="utf-8") as handle:
            return [line.strip() for line in handle if line.strip()]


def build(directory):
    lists, versions = {}, {}
    for language in LANGUAGES:
        code = TESSERACT_CODES[language]
        path = one_package(directory, "tesseract-ocr-" + code)
        versions[language] = os.path.basename(path)
        members = package_members(path, [r"usr/share/tesseract-ocr/[^/]+/tessdata/%s\.traineddata" % code])
        if len(members) != 1:
            sys.exit("%s: expected one %s.traineddata, found %d" % (path, code, len(members)))
        lists[language] = language_words(unpacked_words(next(iter(members.values())), code), language)
    return select(lists), versions


# (language, word as listed, kept word or None): the worked examples of the module's doc comment, which
# --self-test checks with the English list below.
EXAMPLES = [
    ("pl", "PROJEKTU", "projektu"),
    ("pl", "Wireless", None),  # ASCII and in the English list
    ("pl", "Łódź", "łódź"),
    ("cs", "Řízení", "řízení"),
    ("cs", "months", None),
    ("cs", "gril+mw", None),  # not only letters
    ("sk", "ďalšie", "ďalšie"),
    ("sk", "the", None),
    ("en", "the", "the"),
    ("uk", "м’яч", "м'яч"),
    ("uk", "'м'яч", None),  # an apostrophe first
    ("be", "Читать", None),  # и is not Belarusian
    ("be", "Прыгожая", "прыгожая"),
    ("bg", "х", None),  # one letter
    ("sr", "Отвори", "отвори"),
]
EXAMPLE_ENGLISH = ["the", "wireless", "months"]


def self_test():
    english = language_words(EXAMPLE_ENGLISH, "en")
    failures = 0
    for language, raw, expected in EXAMPLES:
        lists = {"en": english | language_words([raw], "en")} if language == "en" else {
            "en": english, language: language_words([raw], language)}
        kept = select(lists)[language]
        actual = normalised(raw) if normalised(raw) in kept else None
        if actual != expected:
            failures += 1
            print("%s %r: kept %r, expected %r" % (language, raw, actual, expected))
    ordered = ["w%03d" % number for number in range(10)]
    sampled = select({"en": set(ordered)}, cap=4)["en"]
    if sampled != ["w000", "w003", "w006", "w009"]:
        failures += 1
        print("sampling 4 of 10 kept %r" % sampled)
    if failures:
        sys.exit("%d worked example(s) failed" % failures)
    print("all %d worked examples hold" % (len(EXAMPLES) + 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debs", help="the directory holding the tesseract-ocr-<code>_*.deb packages")
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if a word list would change")
    parser.add_argument("--self-test", action="store_true", help="check the word rules' worked examples")
    args = parser.parse_args()
    if args.self_test:
        self_test()
        return
    if not args.debs:
        parser.error("--debs DIR is needed (apt-get download tesseract-ocr-{bul,pol,ukr,eng,rus,mkd,srp,bel,ces,slk})")
    lists, versions = build(args.debs)
    write_word_lists(lists, args.out, args.check, versions, "python3 Scripts/build-ocr-words.py --debs DIR")


if __name__ == "__main__":
    main()
