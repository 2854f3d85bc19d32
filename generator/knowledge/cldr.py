"""Country names from CLDR (babel): the one place that turns territory names into the forms the
letters write. Pure (babel's data ships with the package).

    territories()        {"SY": "Syrië", "MM": "Myanmar (Birma)", ...}   real countries only
    name_forms(name)     "Myanmar (Birma)" -> ["Myanmar (Birma)", "Myanmar", "Birma"]
    cldr_names(locale)   every form -> code, the base of the extractor's country table
    language_names()     "Russisch", "Turks", ...: languages, which a bare adjective may be too
    country_name(code)   "MM" -> "Myanmar", the display name on pages
"""
from __future__ import annotations

import functools
import re

ISO_CODE = r"^[A-Z]{2}$"
HISTORICAL_CODE = r"^[A-Z]{4}$"      # ISO 3166-3: a former country, "YUCS", "DDDE"
COUNTRY_KEY = r"^(?:[A-Z]{2}|[A-Z]{4})$"   # the key of a country page: either of the two

# CLDR territory codes that are not ISO 3166-1 countries: groupings (EU, EZ, UN), the "other
# Oceania" region QO, pseudo-locales XA/XB, unknown ZZ, and the exceptionally reserved or
# CLDR-only codes AC (Ascension), CP (Clipperton), CQ (Sark), DG (Diego Garcia), EA (Ceuta and
# Melilla), IC (Canary Islands), TA (Tristan da Cunha), which are parts of other countries.
# XK (Kosovo) is kept: it is user-assigned, not ISO, but it is the code the EU, the UN's
# statistics and CLDR all use, and the letters do name Kosovo. "Verenigde Naties" must never be
# a country.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


@functools.cache
def territories(locale: str = "nl") -> dict[str, str]:
    """ISO code -> name (Dutch by default) for every real country or territory CLDR knows."""
    import babel

    return {code: name for code, name in babel.Locale.parse(locale).territories.items()
            if re.fullmatch(ISO_CODE, code) and code not in NOT_COUNTRIES}


def short_name(name: str) -> str:
    """A name without its bracketed part and " SAR van China": "Myanmar (Birma)" -> "Myanmar"."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return re.sub(r"\s+SAR van China$", "", name).strip()


def name_forms(name: str) -> list[str]:
    """The forms a CLDR name gives: itself, its short form and what its brackets hold."""
    forms = [name, short_name(name)]
    forms += [inner.strip() for inner in re.findall(r"\(([^)]*)\)", name)]
    return list(dict.fromkeys(f for f in forms if f))


@functools.cache
def _names(locale: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, name in territories(locale).items():
        for form in name_forms(name):
            out.setdefault(form, code)
    return out


def cldr_names(locale: str = "nl") -> dict[str, str]:
    """Every CLDR surface form (full and short) -> ISO code: "Myanmar (Birma)", "Myanmar" and
    "Birma" -> "MM". Aliases and adjectives ("Syrische", "DRC") are the knowledge files' to add
    (tables.country_names)."""
    return dict(_names(locale))


@functools.cache
def language_names(locale: str = "nl") -> frozenset[str]:
    """CLDR's names of languages ("Russisch", "Turks", "Chinees"): a bare country adjective that
    is also a language is not taken for the country."""
    import babel

    return frozenset(babel.Locale.parse(locale).languages.values())


def without_diaeresis(form: str) -> str:
    """"Haïti" -> "Haiti", "Israël" -> "Israel": the spelling without the trema (older texts,
    OCR, English habits)."""
    return form.translate(_TREMA)


_TREMA = str.maketrans("äëïöüÄËÏÖÜ", "aeiouAEIOU")


def country_name(code: str) -> str:
    """The Dutch display name of a country for page titles: "SY" -> "Syrië",
    "MM" -> "Myanmar", "HK" -> "Hongkong". Raises KeyError for an unknown code."""
    try:
        return short_name(territories()[code])
    except KeyError:
        raise KeyError(f"unknown country code {code!r}") from None
