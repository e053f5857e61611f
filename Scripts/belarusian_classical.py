#!/usr/bin/env python3
"""Rewrites Belarusian text from the official orthography (1959, revised 2008) into the classical one
(Taraškievica, as codified in "Беларускі клясычны правапіс", 2005), for the spelling differences that follow
from rules alone. Much Belarusian on the web (Nasha Niva, Radio Svaboda, the be-tarask Wikipedia) is written
in the classical spelling, while the language model's Belarusian sentences are in the official one; the
language model counts each Belarusian sentence in both spellings.

The classical spelling writes the softness a consonant takes from the soft consonant after it (assimilative
softness), which the official one leaves unwritten:
  1. з, с before a soft б, в, дз, з, л, м, н, п, с, ф, ц take ь: снег → сьнег, звер → зьвер, свет → сьвет,
     шчасце → шчасьце, здзек → зьдзек, след → сьлед.
  2. дз, ц before a soft в take ь: дзве → дзьве, цвёрды → цьвёрды.
  3. Doubled soft consonants write the first with ь: нн → ньн (насенне → насеньне), лл → льл (вяселле →
     вясельле), цц → цьц (жыццё → жыцьцё), сс → сьс, зз → зьз, and ддз (doubled дз) → дзьдз (суддзя →
     судзьдзя), but not where a prefix ending in д meets a root in дз (аддзел).
  4. The separating apostrophe after з, с is written ь: з'ява → зьява, з'езд → зьезд, раз'ехацца →
     разьехацца.
A consonant is soft when the letter after it is е, ё, і, ю, я or ь, or when it takes ь itself by these rules,
so softness runs back through a cluster: сцвярджаць → сьцьвярджаць. Only letters inside a word change; prepositions stay apart, as in
the classical spelling. The classical spelling's other differences (ля/лю and э in loan words such as плян,
клюб, тэатар; ґ in loans; some case endings and stress-dependent vowels) depend on the word, not on a rule,
and are left out: the converter needs no word list.

    python3 Scripts/belarusian_classical.py --self-test
    python3 Scripts/belarusian_classical.py < official.txt > classical.txt
"""
import sys

# Letters after which a consonant is soft.
SOFTENING = set("еёіюяь")
# Consonants that take ь before each soft consonant (rules 1 and 2); "дз" is one consonant.
BEFORE = {
    "з": {"б", "в", "дз", "з", "л", "м", "н", "п", "с", "ф", "ц"},
    "с": {"б", "в", "дз", "з", "л", "м", "н", "п", "с", "ф", "ц"},
    "дз": {"в", "дз"},
    "ц": {"в", "ц"},
    "н": {"н"},
    "л": {"л"},
}
APOSTROPHES = "'’ʼ"
# Prefixes ending in д: before a root in дз they give дддз, not a doubled дз (аддзел keeps its spelling).
PREFIXES_IN_D = {"ад", "пад", "над", "перад", "прад", "абд", "падад"}


def _unit(lower, index):
    """The consonant starting at `index` ("дз" counts as one) and the index after it."""
    if lower.startswith("дз", index):
        return "дз", index + 2
    return lower[index:index + 1], index + 1


def _soft(lower, index):
    """Whether the consonant starting at `index` is soft in the classical spelling."""
    unit, after = _unit(lower, index)
    if not unit or after > len(lower):
        return False
    if after < len(lower) and lower[after] in SOFTENING:
        return True
    targets = BEFORE.get(unit)
    if targets is None or after >= len(lower):
        return False
    following, _ = _unit(lower, after)
    return following in targets and _soft(lower, after)


def _prefix(lower, end):
    """Whether the word's letters before `end` are a prefix ending in д (аддзел, падзьдзел is not written)."""
    start = end
    while start > 0 and lower[start - 1].isalpha():
        start -= 1
    return lower[start:end] in PREFIXES_IN_D


def _soft_sign(original, index):
    """ь, or Ь inside a word written in capitals."""
    neighbours = original[max(0, index - 1):index + 1]
    return "Ь" if neighbours.isupper() and len(neighbours) == 2 else "ь"


def to_classical(text):
    """`text` in the classical spelling (see the module's rules); letters keep their case."""
    lower = text.lower()
    out = []
    index = 0
    length = len(text)
    while index < length:
        character = lower[index]
        # Rule 3's ддз: the first д of a doubled дз is written дзь.
        if lower.startswith("ддз", index) and _soft(lower, index + 1) and not _prefix(lower, index + 1):
            out.append(text[index] + ("З" if text[index].isupper() else "з") + _soft_sign(text, index + 1))
            index += 1
            continue
        unit, after = _unit(lower, index)
        out.append(text[index:after])
        if unit in BEFORE and after < length:
            following, _ = _unit(lower, after)
            if following in BEFORE[unit] and _soft(lower, after):
                out.append(_soft_sign(text, after))
            elif (unit in ("з", "с") and lower[after] in APOSTROPHES and after + 1 < length
                  and lower[after + 1] in SOFTENING):
                out.append(_soft_sign(text, after + 1))
                after += 1  # the apostrophe gives way to the soft sign
        index = after
    return "".join(out)


EXAMPLES = [
    ("снег", "сьнег"),
    ("звер", "зьвер"),
    ("Свет", "Сьвет"),
    ("шчасце", "шчасьце"),
    ("здзейсніць", "зьдзейсьніць"),
    ("след", "сьлед"),
    ("дзве", "дзьве"),
    ("цвёрды", "цьвёрды"),
    ("насенне", "насеньне"),
    ("пытанняў", "пытаньняў"),
    ("вяселле", "вясельле"),
    ("жыццё", "жыцьцё"),
    ("суддзя", "судзьдзя"),
    ("з'ява", "зьява"),
    ("аддзелы", "аддзелы"),
    ("раз’ехацца", "разьехацца"),
    ("СНЕГ", "СЬНЕГ"),
    ("Зміцер", "Зьміцер"),
    ("пісьменнік", "пісьменьнік"),
    ("сцяна", "сьцяна"),
    ("несці", "несьці"),
    ("сцвярджаць", "сьцьвярджаць"),
    # Hard consonants after and other letters before: no softness to write.
    ("смяяцца", "сьмяяцца"),
    ("смяецца", "сьмяецца"),
    ("Ганна", "Ганна"),
    ("сказ", "сказ"),
    ("скіраваць", "скіраваць"),
    ("аб'ява", "аб'ява"),
    ("збожжа", "збожжа"),
    ("месца", "месца"),
    ("з сябрам", "з сябрам"),
    ("сьнег", "сьнег"),
    ("Мінск і Гродна", "Мінск і Гродна"),
    ("Я бачыў снег у лесе.", "Я бачыў сьнег у лесе."),
]


def self_test():
    failures = [(official, expected, to_classical(official)) for official, expected in EXAMPLES
                if to_classical(official) != expected]
    for official, expected, got in failures:
        print("%s: expected %s, got %s" % (official, expected, got), file=sys.stderr)
    if failures:
        sys.exit(1)
    print("belarusian_classical: %d examples pass" % len(EXAMPLES))


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
    elif not sys.argv[1:]:
        for line in sys.stdin:
            sys.stdout.write(to_classical(line))
    else:
        sys.exit("usage: belarusian_classical.py [--self-test] < official > classical")
