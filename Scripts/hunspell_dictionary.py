"""Reads a Debian hunspell dictionary: its entries with their flags, and the suffix rules that inflect
them, enough to list every suffixed form of a word. Shared by the scripts that build the entity tables and by
the language model builder's --dictionary-forms."""
import os
import re

HUNSPELL = "/usr/share/hunspell"
# The shortest ending a name must share with the entry whose rules it borrows (`Dictionary.model_for`): two
# letters tell a declension ("-ьк", "-ця") where one would not.
MODEL_ENDING = 2


class Dictionary:
    """A hunspell dictionary: its entries with their flags, and the suffix rules that inflect them."""

    def __init__(self, language, encoding, directory=HUNSPELL):
        self.entries = {}
        self.lower_words = set()
        self.rules = {}
        self._proper = None
        # Flags are single characters unless the affix file says otherwise: "FLAG num" lists numbers
        # separated by commas (Serbian), "FLAG long" pairs of characters.
        split_flags = set
        with open(os.path.join(directory, language + ".aff"), encoding=encoding, errors="replace") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 2 and parts[0] == "FLAG":
                    if parts[1] == "num":
                        split_flags = lambda flags: set(flags.split(","))
                    elif parts[1] == "long":
                        split_flags = lambda flags: {flags[index:index + 2] for index in range(0, len(flags), 2)}
                if len(parts) >= 5 and parts[0] == "SFX":
                    flag, strip, add, condition = parts[1], parts[2], parts[3].split("/")[0], parts[4]
                    strip = "" if strip == "0" else strip
                    add = "" if add == "0" else add
                    pattern = re.compile(("" if condition == "." else condition) + "$")
                    self.rules.setdefault(flag, []).append((strip, add, pattern))
        with open(os.path.join(directory, language + ".dic"), encoding=encoding, errors="replace") as handle:
            next(handle)
            for line in handle:
                word, _, flags = line.strip().partition("/")
                # Morphological fields ("po:noun") follow the flags after white space (Slovak).
                flags = flags.split(maxsplit=1)[0] if flags.strip() else ""
                if not word:
                    continue
                self.entries.setdefault(word, set()).update(split_flags(flags))
                if not word[0].isupper():
                    self.lower_words.add(word)

    def forms(self, word, like=None):
        """The word and every form its suffix rules make; with `like`, the rules of that entry instead of the
        word's own (see `model_for`)."""
        forms = {word}
        for flag in self.entries.get(like or word, ()):
            for strip, add, pattern in self.rules.get(flag, ()):
                if word.endswith(strip) and pattern.search(word):
                    forms.add(word[: len(word) - len(strip)] + add)
        return forms

    def name_forms(self, name):
        """The forms of a proper noun; one the dictionary lists without rules beside a common noun spelt the
        same that has them declines as that noun does ("Łódź" as "łódź": "Łodzi", "Łodzią")."""
        forms = self.forms(name)
        twin = name[:1].lower() + name[1:]
        if len(forms) == 1 and twin != name and self.entries.get(twin):
            forms = self.forms(name, like=twin)
        return forms

    def model_for(self, name):
        """The proper noun whose suffix rules `name` most likely follows, for a name the dictionary lists
        without any (Ukrainian "Луцьк", "Донецьк") or not at all: the capitalised entry with rules that shares
        the longest ending with it, at least MODEL_ENDING letters ("Градизьк" for "Луцьк"), then the one with
        the most forms, then the first in order; None when no entry shares that much."""
        if self._proper is None:
            self._proper = {}
            for entry in sorted(entry for entry, flags in self.entries.items() if flags and entry[:1].isupper()):
                self._proper.setdefault(entry[-MODEL_ENDING:], []).append(entry)
        best, best_key = None, None
        for entry in self._proper.get(name[-MODEL_ENDING:], ()):
            if entry == name:
                continue
            shared = 0
            while shared < min(len(entry), len(name)) and entry[-1 - shared] == name[-1 - shared]:
                shared += 1
            key = (shared, len(self.forms(entry)))
            if best_key is None or key > best_key:
                best, best_key = entry, key
        return best
