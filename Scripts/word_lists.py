"""What the scripts that take word lists out of translated software (Firefox's interface, CLDR) share: the
English word list their "reads as the language" rule needs, and writing or checking the lists,
Data/<folder>/<iso>.txt, one word a line, sorted."""
import os
import sys

from generated_file import write_or_check
from hunspell_dictionary import Dictionary
from language_words import LANGUAGES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGLISH_WORDS = "/usr/share/hunspell/en_US.dic"


def english_words():
    """The lower-cased words of Debian's en_US hunspell list (hunspell-en-us)."""
    if not os.path.exists(ENGLISH_WORDS):
        sys.exit("missing %s: install the hunspell-en-us package" % ENGLISH_WORDS)
    return {word.lower() for word in Dictionary("en_US", "utf-8", os.path.dirname(ENGLISH_WORDS)).entries}


def write_word_lists(lists, out, check, sources, rebuild):
    """Writes each language's sorted words to OUT/<iso>.txt, saying which package (`sources`: {iso: package
    file}) they came from; with `check`, writes nothing and exits 1 at a list that would change, naming the
    command (`rebuild`) that rebuilds it."""
    if not check:
        os.makedirs(out, exist_ok=True)
    for language in LANGUAGES:
        write_or_check(os.path.join(out, language + ".txt"), "".join(word + "\n" for word in lists[language]), check,
                       ROOT, rebuild, "%d words from %s" % (len(lists[language]), sources[language]))
