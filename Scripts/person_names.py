"""Given names and surnames, from the person providers of the Faker package (PyPI `faker`, MIT licence),
read from the installed package. Shared by Scripts/build-person-names.py, which ships them for the places
rule that a place's name which is also a person's needs a place's context, and by Scripts/build-gazetteer.py,
which keeps such names off foreign cities' picked names.

Faker lists the names people in each country commonly have; the locales are those of the pipeline's
languages, their neighbours, and the countries whose people their news most often names."""

FAKER_VERSION = "40.63.0"
GIVEN_NAME_LOCALES = ("pl_PL", "uk_UA", "bg_BG", "ru_RU", "en_US", "en_GB", "cs_CZ", "sk_SK", "de_DE", "fr_FR", "it_IT", "es_ES")
SURNAME_LOCALES = ("pl_PL", "uk_UA", "bg_BG", "ru_RU", "en_US", "en_GB")


def _provider(locale):
    import importlib

    return importlib.import_module("faker.providers.person." + locale).Provider


def _values(provider, attributes):
    found = []
    for attribute in attributes:
        value = getattr(provider, attribute, ())
        found.extend(value.keys() if isinstance(value, dict) else value)
    # One word of letters: Faker also lists double names ("Anna Maria") and initials.
    return {name for name in found if len(name) > 1 and name.isalpha()}


def check_version():
    import faker

    if faker.VERSION != FAKER_VERSION:
        raise SystemExit("needs faker %s (pip install faker==%s), found %s" % (FAKER_VERSION, FAKER_VERSION, faker.VERSION))


def given_names():
    """Every given name of the locales above, as Faker writes it (nominative)."""
    check_version()
    names = set()
    for locale in GIVEN_NAME_LOCALES:
        names |= _values(_provider(locale), ("first_names", "first_names_male", "first_names_female"))
    return names


def surnames():
    """Every surname of the locales above, both genders' forms where the language has them."""
    check_version()
    names = set()
    for locale in SURNAME_LOCALES:
        names |= _values(_provider(locale), ("last_names", "last_names_male", "last_names_female", "unisex_last_names"))
    return names
