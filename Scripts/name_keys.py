"""The key a name is looked up by, as the entities stage computes it (`Gazetteer.fold`): shared by the
scripts that build the gazetteer and the person names."""
import unicodedata


def fold(name):
    """NFD, marks dropped, lower-cased, spaces single; both apostrophes Ukrainian uses become "'"."""
    decomposed = unicodedata.normalize("NFD", name.replace("’", "'").replace("ʼ", "'"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())
