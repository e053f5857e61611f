#!/usr/bin/env python3
"""Builds Data/interface-words/<iso>.txt: the words of Firefox's user interface in each of the model's ten
languages, which Scripts/build-language-model.py adds to the letter model as it adds dictionary stems.

Why: the training sentences are mostly literary and everyday prose, and Bulgarian, Czech, Belarusian and
Macedonian have no dictionary the model may use, so the vocabulary of the pages the pipeline reads (конференция,
регистрация, dokumenty, projektu) was known only to the languages with a dictionary or a larger sample:
"Програма на конференцията" came out Russian. Firefox is translated into all ten languages, by volunteer
teams, into the same strings, so each language gains the same kind of modern vocabulary, in its running forms.

Source: Debian's firefox-esr-l10n-<iso> packages (bg, pl, uk, ru, mk, sr, be, cs, sk) and, for English, the
en-US strings inside the firefox-esr package itself, all under the Mozilla Public License 2.0 (the packages'
copyright: "Files: * License: MPL-2.0"). Data/interface-words/SOURCES.md names the version. Fetch the ten
packages without installing them:

    apt-get download firefox-esr firefox-esr-l10n-{bg,pl,uk,ru,mk,sr,be,cs,sk}

Processing:
  - the Fluent (.ftl) message values and attributes and the .properties values of the language pack; for
    English, the files at the same paths (the locale code aside) in firefox-esr's two omni.ja archives;
  - placeables ({ $count }, { -brand-short-name }), a select expression's selector and variant keys ($n ->,
    [one], *[other]; the variants' text stays), markup, printf placeholders (%S, %1$S), entities and URLs
    removed; strings that hold CSS lengths (width: 40em) dropped;
  - Cyrillic languages: at least 90 % of a string's letters Cyrillic; Latin ones (Polish, Czech, Slovak): no
    Cyrillic letter, and fewer than half of the words in the English hunspell list (hunspell-en-us), since a
    string the team has not translated yet stays in English; English: Latin letters only;
  - words as the model builder cuts them (Scripts/language_words.py: NFC, lower case, letters with an
    apostrophe between them), of two letters or more, every letter in the language's alphabet; each word once,
    sorted.

Deterministic. Usage:

    python3 Scripts/build-interface-words.py --debs DIR [--check]
    python3 Scripts/build-interface-words.py --self-test   # the string rules' worked examples (a test runs it)
"""
import argparse
import io
import os
import re
import sys
import unicodedata
import zipfile

from debian_packages import one_package, package_members
from language_words import LANGUAGES, vocabulary
from word_lists import english_words, write_word_lists

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Data", "interface-words")
# Where firefox-esr keeps its en-US strings, and the prefix the language packs give the same files.
ENGLISH_ARCHIVES = (("usr/lib/firefox-esr/omni.ja", ""), ("usr/lib/firefox-esr/browser/omni.ja", "browser/"))

SELECTOR = re.compile(r"\{\s*[$-]?[\w.-]+(\([^)]*\))?\s*->")
VARIANT_KEY = re.compile(r"\*?\[[\w-]+\]")
PLACEABLE = re.compile(r"\{[^{}]*\}")
MARKUP = re.compile(r"<[^>]*>")
PRINTF = re.compile(r"%(\d+\$)?[sSdu@]")
ENTITY = re.compile(r"&[#\w]+;")
URL = re.compile(r"https?://\S+|www\.\S+")
CSS_LENGTH = re.compile(r"\d\s*(px|em|rem|ch)\b")


def fluent_strings(text):
    """The values of a Fluent file's messages, terms and attributes, continuation lines joined."""
    value = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            if value is not None:
                yield value
            value = None
            continue
        entry = re.match(r"^-?[A-Za-z][\w-]*\s*=\s*(.*)$", line) or re.match(r"^\s+\.[\w-]+\s*=\s*(.*)$", line)
        if entry:
            if value is not None:
                yield value
            value = entry.group(1)
        elif line.startswith(" ") and value is not None:
            value += " " + line.strip()
    if value is not None:
        yield value


def properties_strings(text):
    """The values of a .properties file, with \\uXXXX escapes decoded."""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "!")) or "=" not in line:
            continue
        value = line.split("=", 1)[1].strip()
        yield re.sub(r"\\u([0-9a-fA-F]{4})", lambda match: chr(int(match.group(1), 16)), value)


def clean(value):
    """A string's text with Fluent syntax, markup and placeholders taken out; None when it is CSS."""
    if CSS_LENGTH.search(value):
        return None
    value = SELECTOR.sub(" ", value)
    value = VARIANT_KEY.sub(" ", value)
    previous = None
    while previous != value:  # innermost placeables first, so nested ones go too
        previous, value = value, PLACEABLE.sub(" ", value)
    value = re.sub(r"[{}]", " ", value)
    for pattern in (MARKUP, PRINTF, ENTITY, URL):
        value = pattern.sub(" ", value)
    return " ".join(unicodedata.normalize("NFC", value).split())


def interface_vocabulary(strings, language, english):
    return vocabulary((clean(value) for value in strings), language, english)


def archive_files(archive, code, prefix=""):
    """{path with the locale code as "{locale}": text} for the .ftl and .properties files of a zip archive."""
    files = {}
    with zipfile.ZipFile(io.BytesIO(archive)) as pack:
        for name in sorted(pack.namelist()):
            parts = (prefix + name).split("/")
            if code in parts and name.endswith((".ftl", ".properties")):
                files["/".join("{locale}" if part == code else part for part in parts)] = pack.read(name).decode("utf-8")
    return files


def strings_of(files):
    for path, text in sorted(files.items()):
        yield from (fluent_strings(text) if path.endswith(".ftl") else properties_strings(text))


def build(directory):
    english = english_words()
    packs, versions = {}, {}
    for language in LANGUAGES:
        if language == "en":
            continue
        path = one_package(directory, "firefox-esr-l10n-" + language)
        versions[language] = os.path.basename(path)
        members = package_members(path, [r"usr/lib/firefox-esr/browser/extensions/langpack-.*\.xpi"])
        packs[language] = {}
        for archive in members.values():
            packs[language].update(archive_files(archive, language))
    path = one_package(directory, "firefox-esr")
    versions["en"] = os.path.basename(path)
    members = package_members(path, [re.escape(name) for name, _ in ENGLISH_ARCHIVES])
    translated = set().union(*(files.keys() for files in packs.values()))
    packs["en"] = {}
    for name, prefix in ENGLISH_ARCHIVES:
        files = archive_files(members[name], "en-US", prefix)
        packs["en"].update({key: text for key, text in files.items() if key in translated})
    return {language: sorted(interface_vocabulary(strings_of(packs[language]), language, english)) for language in LANGUAGES}, versions


# (language, string as in the file, kept words or None for a string left out): the worked examples of the
# module's doc comment, which --self-test checks.
EXAMPLES = [
    ("bg", "Отваряне в нов раздел", ["нов", "отваряне", "раздел"]),  # one-letter words left out
    ("bg", "{ -brand-short-name } не може да зареди { $url }", ["да", "зареди", "може", "не"]),
    ("bg", "{ $count -> [one] Изтриване на { $count } отметка *[other] Изтриване на { $count } отметки }",
     ["изтриване", "на", "отметка", "отметки"]),
    ("bg", "Parental Controls are enabled", None),  # not translated yet
    ("bg", "width: 40em; min-height: 550px;", None),
    ("cs", "Otevřít v novém <strong>panelu</strong>", ["novém", "otevřít", "panelu"]),
    ("cs", "Could not load the page", None),  # English, not Czech
    ("cs", "Stránka %1$S není dostupná", ["dostupná", "není", "stránka"]),
    ("pl", "Więcej informacji: https://support.mozilla.org/kb", ["informacji", "więcej"]),
    ("pl", "Otwórz &amp; zapisz", ["otwórz", "zapisz"]),
    ("uk", "Відкрити в новій вкладці", ["відкрити", "вкладці", "новій"]),
    ("sr", "Отвори у новој картици", ["картици", "новој", "отвори"]),
    ("en", "Open in a new tab", ["in", "new", "open", "tab"]),
    ("en", "Ouvrir dans un nouvel onglet", ["dans", "nouvel", "onglet", "ouvrir", "un"]),
    ("en", "Ελληνικά", None),
]
FLUENT_EXAMPLE = ("title = Настройки\n    .label = Отвори\n        настройките\n# a comment\n"
                  "-brand = Firefox\n\nempty =\n", ["Настройки", "Отвори настройките", "Firefox", ""])
PROPERTIES_EXAMPLE = ("# comment\nkey=Zapisz stronę\nescaped = \\u0141\\u00f3d\\u017a\nno-value\n", ["Zapisz stronę", "Łódź"])


def self_test():
    english = {"parental", "controls", "are", "enabled", "could", "not", "load", "the", "page"}
    failed = 0
    for language, value, expected in EXAMPLES:
        got = sorted(interface_vocabulary([value], language, english)) or None
        if got != (sorted(expected) if expected else None):
            print("FAIL %s %r: %r, expected %r" % (language, value, got, expected))
            failed += 1
    for text, parse, expected in ((FLUENT_EXAMPLE[0], fluent_strings, FLUENT_EXAMPLE[1]),
                                  (PROPERTIES_EXAMPLE[0], properties_strings, PROPERTIES_EXAMPLE[1])):
        got = list(parse(text))
        if got != expected:
            print("FAIL %s: %r, expected %r" % (parse.__name__, got, expected))
            failed += 1
    print("%d of %d examples fail" % (failed, len(EXAMPLES) + 2))
    return failed == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debs", help="the folder holding firefox-esr_*.deb and firefox-esr-l10n-<iso>_*.deb")
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if a word list would change")
    parser.add_argument("--self-test", action="store_true", help="check the string rules' worked examples")
    args = parser.parse_args()
    if args.self_test:
        sys.exit(0 if self_test() else 1)
    if not args.debs:
        parser.error("--debs DIR is needed (or --self-test)")
    lists, versions = build(args.debs)
    write_word_lists(lists, args.out, args.check, versions, "python3 Scripts/build-interface-words.py --debs DIR")


if __name__ == "__main__":
    main()
