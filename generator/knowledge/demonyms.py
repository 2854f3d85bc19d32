"""Dutch country adjectives: where they come from (CLDR through babel) and how they inflect. Pure.

CLDR has no demonyms, but its Dutch currency names carry the country adjective ("Angolese
kwanza", "Libanees pond", "Haïtiaanse gourde", "Egyptisch pond"), and ISO 4217 builds a
currency code from the ISO 3166-1 code of its country (AOA, LBP, HTG, EGP). So a currency whose
code starts with a country's code, and whose Dutch name starts with an adjective, gives that
country's adjective; the euro, the CFA franc and the East Caribbean dollar (X..) give none.

    currency_adjectives()  {"AO": "Angolees", "LB": "Libanees", "HT": "Haïtiaans", ...}
    inflect("Angolees")    "Angolese"       the attributive form (de Angolese regering)
    uninflect("Britse")    "Brits"          the bare form (het Brits leger, Brits beleid)
    adjective_forms(word)  both forms of a country adjective, the given one first
    derived_forms(written) every adjective form the generator adds by itself
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

# a Dutch country adjective ends in -s (Brits, Angolees, Haïtiaans) or -sch (Russisch)
_BARE = re.compile(r"^\w[\w'-]*(?: [\w'-]+)*(?:s|sch)$")
_INFLECTED = re.compile(r"^\w[\w'-]*(?: [\w'-]+)*(?:se|sche)$")
_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûü"
# words that qualify a currency, not a country: "Nieuwe Taiwanese dollar", "Oude Servische dinar"
_QUALIFIERS = frozenset({"Nieuwe", "Oude"})
# two vowels written together that are one sound: before them no vowel is doubled ("Thaise" ->
# "Thais", "Bruneise" -> "Bruneis", "Macause" -> "Macaus"; but "Indiase" -> "Indiaas")
_DIGRAPHS = frozenset({"aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij", "ou", "au", "ai", "oi"})


def inflect(bare: str) -> str:
    """The inflected form of a bare country adjective (Dutch spelling: a long vowel written double
    in a closed syllable is written single in an open one): "Angolees" -> "Angolese",
    "Haïtiaans" -> "Haïtiaanse", "Brits" -> "Britse", "Russisch" -> "Russische",
    "Togolees" -> "Togolese". Raises ValueError for a word that is not a country adjective."""
    if not _BARE.match(bare):
        raise ValueError(f"{bare!r} does not end like a Dutch country adjective (-s, -sch)")
    if bare.endswith("sch"):
        return bare + "e"
    if re.search(r"([aeou])\1s$", bare):     # Angol-ee-s -> Angol-e-se, Indi-aa-s -> Indi-a-se
        return bare[:-2] + "se"
    return bare + "e"


def uninflect(inflected: str) -> str:
    """The bare form of an inflected country adjective: "Angolese" -> "Angolees",
    "Libanese" -> "Libanees", "Indiase" -> "Indiaas", "Britse" -> "Brits", "Russische" -> "Russisch",
    "Thaise" -> "Thais", "Franse" -> "Frans". Raises ValueError for other words."""
    if not _INFLECTED.match(inflected):
        raise ValueError(f"{inflected!r} does not end like an inflected Dutch country adjective "
                         "(-se, -sche)")
    stem = inflected[:-1]
    m = re.search(r"(.)([aeou])s$", stem)
    if m and (m.group(1) not in _VOWELS or m.group(1) + m.group(2) not in _DIGRAPHS):
        return stem[:-1] + m.group(2) + "s"    # Angol-e-se -> Angol-ee-s
    return stem


def adjective_forms(word: str) -> list[str]:
    """Both forms of a country adjective, the given one first: "Libanees" -> ["Libanees",
    "Libanese"], "Syrische" -> ["Syrische", "Syrisch"]; [word] for anything else ("VS")."""
    if _INFLECTED.match(word):
        return [word, uninflect(word)]
    if _BARE.match(word):
        return [word, inflect(word)]
    return [word]


def adjective_of(currency_name: str) -> str | None:
    """The bare country adjective at the start of a Dutch currency name: "Angolese kwanza" ->
    "Angolees", "Libanees pond" -> "Libanees", "Sri Lankaanse roepie" -> "Sri Lankaans",
    "Nieuwe Taiwanese dollar" -> "Taiwanees", "Bosnische convertibele mark" -> "Bosnisch";
    None when there is none ("Euro", "Bermuda-dollar", "Trinidad en Tobago-dollar")."""
    *words, currency = currency_name.split()      # the last word is the currency itself
    if "-" in currency:                           # "Verenigde Arabische Emiraten-dirham"
        return None
    capitalised: list[str] = []
    for w in words:
        if not w[:1].isupper():
            break
        capitalised.append(w)
    while capitalised and capitalised[0] in _QUALIFIERS:
        capitalised.pop(0)
    if not capitalised:
        return None
    adjective = " ".join(capitalised)
    if _INFLECTED.match(adjective):
        return uninflect(adjective)
    if _BARE.match(adjective):
        return adjective
    return None


@functools.cache
def currency_adjectives(locale: str = "nl") -> dict[str, str]:
    """ISO country code -> bare adjective, from CLDR's currency names: every currency the
    territory has used (babel's supplemental data since 1900) whose ISO 4217 code starts with the
    territory's code (the euro, the CFA franc, the East Caribbean dollar give none); of several
    (SRG and SRD) the first in babel's list with an adjective is taken. Only current CLDR
    territories."""
    import babel
    import babel.numbers

    from .cldr import territories

    names = babel.Locale.parse(locale).currencies
    out: dict[str, str] = {}
    for code in territories(locale):
        currencies = babel.numbers.get_territory_currencies(
            code, start_date=dt.date(1900, 1, 1), end_date=dt.date(2100, 1, 1),
            tender=True, non_tender=False)
        for currency in currencies:
            if not currency.startswith(code) or currency not in names:
                continue
            adjective = adjective_of(names[currency])
            if adjective:
                out[code] = adjective
                break
    return out


def derived_forms(written: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    """Form -> country key for what needs no writing down: both forms of every CLDR currency
    adjective, and the other form of every adjective in `written` ((form, key) pairs from the
    knowledge files: "Syrische" gives "Syrisch"). A bare form that CLDR names as a language
    ("Russisch", "Turks") is left out, and so is a form two countries would share."""
    from .cldr import language_names

    languages = language_names()
    found: dict[str, str | None] = {}
    pairs = [(a, c, False) for c, a in currency_adjectives().items()] + [(f, c, True) for f, c in written]
    for adjective, code, only_other in pairs:
        forms = adjective_forms(adjective)
        for form in forms[1:] if only_other else forms:
            if form not in languages:
                found[form] = code if found.get(form, code) == code else None
    return {form: code for form, code in found.items() if code is not None}
