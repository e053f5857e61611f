"""What the language model counts as a language's letters and words, shared by Scripts/build-language-model.py
and the scripts that prepare its sources, so that a word list is cut exactly as the model builder cuts text."""
import unicodedata

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
