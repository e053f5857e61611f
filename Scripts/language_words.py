"""What the language model counts as a language's letters and words, shared by Scripts/build-language-model.py
and the scripts that prepare its sources, so that a word list is cut exactly as the model builder cuts text."""
import unicodedata

# The model's languages, in the order of its columns: the four the pipeline serves, then their neighbours.
LANGUAGES = ("bg", "pl", "uk", "en", "ru", "mk", "sr", "be", "cs", "sk")
# Standard alphabets (lower case). Letters outside a language's alphabet count against it at detection time.
SERBIAN_LATIN = "abcčćdđefghijklmnoprsštuvzž"
ALPHABETS = {
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
    "be": "абвгґдеёжзійклмнопрстуўфхцчшыьэюя'",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџшѐѝ",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш" + SERBIAN_LATIN,
    "pl": "aąbcćdeęfghijklłmnńoóprsśtuwyzźżqvx",
    "cs": "aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzž",
    "sk": "aáäbcčdďeéfghiíjklĺľmnňoóôpqrŕsštťuúvwxyýzž",
    "en": "abcdefghijklmnopqrstuvwxyz'",
}
APOSTROPHES = "'’ʼ"
CYRILLIC_LANGUAGES = {"bg", "uk", "ru", "mk", "sr", "be"}


def is_cyrillic(character):
    """A letter of the Cyrillic block (U+0400–U+04FF), where every Cyrillic letter of the ten languages lies."""
    return "\u0400" <= character <= "\u04ff"


def words(line):
    """Lower-cased words as in the Swift detector: letters, with an apostrophe kept between letters."""
    text = unicodedata.normalize("NFC", line).lower()
    word = []
    for index, character in enumerate(text):
        if character.isalpha():
            word.append(character)
        elif character in APOSTROPHES and word and index + 1 < len(text) and text[index + 1].isalpha():
            word.append("'")
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)


def reads_as(text, language, english):
    """Whether a translated string reads as the language's own text, for the word lists taken from software
    translations (Firefox's interface, CLDR): Cyrillic languages, at least 90 % of its letters Cyrillic; English,
    Latin letters only; Polish, Czech and Slovak, no Cyrillic letter and fewer than half of its words in
    `english` (a lower-case English word list), since a string not translated yet stays in English."""
    letters = [character for character in text if character.isalpha()]
    if not letters:
        return False
    if language in CYRILLIC_LANGUAGES:
        return sum(1 for character in letters if is_cyrillic(character)) >= 0.9 * len(letters)
    if language == "en":
        return all("a" <= character.lower() <= "z" for character in letters)
    if any(is_cyrillic(character) for character in letters):
        return False
    found = list(words(text))
    return sum(1 for word in found if word in english) * 2 < len(found)


def vocabulary(texts, language, english):
    """The distinct words of two letters or more, every letter in the language's alphabet, of the texts that
    read as the language (None stands for a text left out)."""
    alphabet = set(ALPHABETS[language]) | set(APOSTROPHES)
    kept = set()
    for text in texts:
        if text and reads_as(text, language, english):
            kept.update(word for word in words(text) if len(word) > 1 and all(character in alphabet for character in word))
    return kept
