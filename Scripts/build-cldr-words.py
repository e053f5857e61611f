#!/usr/bin/env python3
"""Builds Data/cldr-words/<iso>.txt: the words of the Unicode CLDR locale data in each of the language model's
ten languages, which Scripts/build-language-model.py adds to the letter model as it adds dictionary stems and
Firefox's interface words.

Why: Bulgarian, Czech, Belarusian and Macedonian have no dictionary the model may use and small samples of
sentences, so much everyday vocabulary was known to the letter model only in their neighbours. CLDR is
translated into all ten languages, into the same items, so each language gains the same kind of words: the
names of languages, countries, currencies, units and date fields (with their plural and case forms), and the
names and keywords of emoji (лице, усмивка, сърце; twarz, uśmiech, serce), which are everyday nouns, adjectives
and verbs.

Source: Debian's unicode-cldr-core package (CLDR's common/ data), under the Unicode licence (the package's
copyright: "Files: * License: Unicode-DFS-2016"); Data/cldr-words/SOURCES.md names the version and carries the
licence's notice. Fetch it without installing it:

    apt-get download unicode-cldr-core

Processing:
  - strings: the text of every `annotation` in common/annotations/<iso>.xml and common/annotationsDerived/<iso>.xml,
    split at "|" (an emoji's keywords), and the text of every element without children in common/main/<iso>.xml,
    except inside the elements that hold formats, symbols or patterns rather than words (SKIPPED below), the
    calendars other than the Gregorian (their month and era names are mostly transliterated Japanese, Hebrew,
    Persian or Ethiopian words: "Keian", "Tišri") and the time zones' example cities (transliterated place names);
  - a string is kept when it reads as the language, and its words are cut, exactly as for Firefox's interface
    words (Scripts/language_words.py: `reads_as`, `vocabulary`); Serbian is common/main/sr.xml, in Cyrillic.

Deterministic. Usage:

    python3 Scripts/build-cldr-words.py --deb DIR [--check]
    python3 Scripts/build-cldr-words.py --self-test   # the string rules' worked examples (a test runs it)
"""
import argparse
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

from debian_packages import one_package, package_members
from language_words import LANGUAGES, vocabulary
from word_lists import english_words, write_word_lists

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Data", "cldr-words")
COMMON = "usr/share/unicode/cldr/common/"
# Elements of common/main whose text (and their children's) is a format, a symbol or a pattern, not words.
SKIPPED = {
    "alias", "alternateQuotationEnd", "alternateQuotationStart", "approximatelySign", "codePattern",
    "compoundUnitPattern", "compoundUnitPattern1", "coordinateUnitPattern", "currencyMatch", "dateFormatItem",
    "dateTimeFormatLength", "decimal", "durationUnitPattern", "exemplarCharacters", "exponential", "fallbackFormat",
    "gmtFormat", "greatestDifference", "group", "hourFormat", "infinity", "insertBetween", "intervalFormatItem",
    "listPatternPart", "localeKeyTypePattern", "localePattern", "localeSeparator", "minusSign", "nan", "pattern",
    "percentSign", "perMille", "perUnitPattern", "plusSign", "quotationEnd", "quotationStart", "regionFormat",
    "surroundingMatch", "symbol", "timeSeparator", "unitPattern", "unitPrefixPattern", "exemplarCity",
}


def annotation_strings(xml):
    """An annotations file's emoji names and keywords, one string each."""
    for element in ElementTree.fromstring(xml).iter("annotation"):
        if element.text:
            yield from (part.strip() for part in element.text.split("|"))


def main_strings(xml):
    """The text of a main file's elements without children, outside the SKIPPED ones and the calendars other
    than the Gregorian."""
    def walk(element):
        if element.tag in SKIPPED or (element.tag == "calendar" and element.get("type") != "gregorian"):
            return
        if len(element) == 0 and element.text and element.text.strip():
            yield element.text.strip()
        for child in element:
            yield from walk(child)
    yield from walk(ElementTree.fromstring(xml))


def build(directory):
    english = english_words()
    path = one_package(directory, "unicode-cldr-core")
    names = [COMMON + folder + "/" + language + ".xml"
             for language in LANGUAGES for folder in ("annotations", "annotationsDerived", "main")]
    members = package_members(path, [re.escape(name) for name in names])
    lists = {}
    for language in LANGUAGES:
        strings = []
        for folder in ("annotations", "annotationsDerived"):
            strings += annotation_strings(members.get(COMMON + folder + "/" + language + ".xml", b"<ldml/>"))
        strings += main_strings(members[COMMON + "main/" + language + ".xml"])
        lists[language] = sorted(vocabulary(strings, language, english))
    return lists, os.path.basename(path)


# (language, kind of file, file text, kept words): worked examples of the rules above, which --self-test checks.
EXAMPLES = [
    ("bg", "annotations", '<ldml><annotations><annotation cp="😀">лице | усмивка | ухилено лице</annotation>'
     '<annotation cp="😀" type="tts">ухилено лице</annotation></annotations></ldml>', ["лице", "усмивка", "ухилено"]),
    ("pl", "main", '<ldml><units><unitLength><unit><displayName>kilometry</displayName>'
     '<unitPattern count="few">{0} kilometry</unitPattern><unitPattern count="many">{0} kilometrów</unitPattern>'
     '</unit></unitLength></units></ldml>', ["kilometry"]),  # patterns are skipped
    ("cs", "main", '<ldml><fields><field><displayName>den</displayName><relative type="-1">včera</relative>'
     '<relativeTime><relativeTimePattern count="one">před {0} dnem</relativeTimePattern></relativeTime></field>'
     '</fields></ldml>', ["den", "dnem", "před", "včera"]),  # a placeholder ({0}) holds no letters
    ("sk", "main", '<ldml><numbers><symbols><decimal>,</decimal></symbols></numbers>'
     '<localeDisplayNames><languages><language type="en">angličtina</language>'
     '<language type="x">Open Source</language></languages></localeDisplayNames></ldml>', ["angličtina"]),
    ("uk", "main", '<ldml><dates><calendars><calendar type="gregorian"><months><month>січня</month>'
     '<month>Jan</month></months><dateFormatItem id="yMMMd">d MMM y \'р\'.</dateFormatItem></calendar>'
     '<calendar type="hebrew"><months><month>тишрі</month></months></calendar></calendars>'
     '<timeZoneNames><zone type="America/Sao_Paulo"><exemplarCity>Сан-Паулу</exemplarCity></zone>'
     '<metazone type="Europe_Central"><long><standard>за центральноєвропейським стандартним часом</standard>'
     '</long></metazone></timeZoneNames></dates></ldml>',
     ["січня", "за", "центральноєвропейським", "стандартним", "часом"]),
]


def self_test():
    english = {"open", "source"}
    failed = 0
    for language, kind, xml, expected in EXAMPLES:
        strings = list(annotation_strings(xml) if kind == "annotations" else main_strings(xml))
        got = sorted(vocabulary(strings, language, english))
        if got != sorted(expected):
            print("FAIL %s %s: %r, expected %r" % (language, kind, got, expected))
            failed += 1
    print("%d of %d examples fail" % (failed, len(EXAMPLES)))
    return failed == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", help="the folder holding unicode-cldr-core_*.deb")
    parser.add_argument("--out", default=OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if a word list would change")
    parser.add_argument("--self-test", action="store_true", help="check the string rules' worked examples")
    args = parser.parse_args()
    if args.self_test:
        sys.exit(0 if self_test() else 1)
    if not args.deb:
        parser.error("--deb DIR is needed (or --self-test)")
    lists, package = build(args.deb)
    write_word_lists(lists, args.out, args.check, dict.fromkeys(LANGUAGES, package), "python3 Scripts/build-cldr-words.py --deb DIR")


if __name__ == "__main__":
    main()
