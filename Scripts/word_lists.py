"""What the scripts that take word lists out of translated software (Firefox's interface, CLDR) share: the
model's languages, the English word list their "reads as the language" rule needs, and writing or checking
the lists, Data/<folder>/<iso>.txt, one word a line, sorted."""
import os
import sys

from hunspell_dictionary import Dictionary

LANGUAGES = ("bg", "pl", "uk", "en", "ru", "mk", "sr", "be", "cs", "sk")
ENGLISH_WORDS = "/usr/share/hunspell/en_US.dic"


def english_words():
    """The lower-cased words of Debian's en_US hunspell list (hunspell-en-us)."""
    if not os.path.exists(ENGLISH_WORDS):
        sys.exit("missing %s: install the hunspell-en-us package" % ENGLISH_WORDS)
    return {word.lower() for word in Dictionary("en_US", "utf-8", os.path.dirname(ENGLISH_WORDS)).entries}


def write_word_lists(lists, out, check, sources, rebuild):
    """Writes each language's sorted words to OUT/<iso>.txt, naming on standard error the package each came from
    (`sources`: {iso: package file}); with `check`, writes nothing and exits 1 naming the lists that would change
    and the command (`rebuild`) that rebuilds them."""
    stale = []
    for language in LANGUAGES:
        data = "".join(word + "\n" for word in lists[language])
        path = os.path.join(out, language + ".txt")
        print("%s: %d words from %s" % (language, len(lists[language]), sources[language]), file=sys.stderr)
        if check:
            current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if current != data:
                stale.append(path)
            continue
        os.makedirs(out, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(data)
    if stale:
        sys.exit("out of date: %s; run %s" % (", ".join(stale), rebuild))
