"""The tables the extractors and pages use, built from a validated Knowledge. Pure.

    mission_names(k)     every name of a mission -> its key ("VN-missie in Mali" -> "MINUSMA")
    body_names(k)        every name of a UN body -> its key ("VN-Veiligheidsraad" -> "UNSC")
    body_shared_names(k) the names other organisations use too -> key ("Algemene Vergadering")
    country_names(k)     CLDR's Dutch forms plus the aliases, minus what is excluded or ambiguous
    resolution_url(n, y) the undocs.org address of a Security Council resolution
"""
from __future__ import annotations

import re

from .base import UNDOCS, Knowledge, mission_forms
from .bodies import body_forms
from .cldr import ISO_CODE, NOT_COUNTRIES, cldr_names, name_forms


def mission_names(k: Knowledge) -> dict[str, str]:
    """Surface form -> mission key: the acronym, the English name, the Dutch name, the aliases."""
    names: dict[str, str] = {}
    for mission in k.missions.values():
        for form, _ in mission_forms(mission):
            names[form] = mission.key
    return names


def body_names(k: Knowledge) -> dict[str, str]:
    """Surface form -> body key: the key, the names, abbreviations, aliases and former names."""
    return {form: body.key for body in k.bodies.values() for form, _ in body_forms(body)}


def body_shared_names(k: Knowledge) -> dict[str, str]:
    """Shared name -> body key: found only where the text says it is the UN's (extract/bodies.py)."""
    return {form: body.key for body in k.bodies.values() for form in body.shared_names}


def country_names(k: Knowledge, cldr: dict[str, str] | None = None) -> dict[str, str]:
    """Surface form -> ISO code: CLDR's Dutch names plus the aliases, minus excluded countries
    and minus the forms listed as ambiguous.

    `cldr` (default: cldr.cldr_names()) may be {code: name} (babel.Locale("nl").territories) or
    {name: code}. CLDR's pseudo-territories (EU, UN, ...) are dropped; a name with a parenthesis
    or " SAR van China" also gives its short form ("Myanmar (Birma)" -> "Myanmar" and "Birma").
    Aliases win over CLDR names.
    """
    names: dict[str, str] = {}
    for first, second in (cldr_names() if cldr is None else cldr).items():
        code, name = (first, second) if re.fullmatch(ISO_CODE, first) else (second, first)
        if not re.fullmatch(ISO_CODE, code) or code in NOT_COUNTRIES:
            continue
        for form in name_forms(name):
            names.setdefault(form, code)
    names.update(k.country_aliases)
    return {form: code for form, code in names.items()
            if code not in k.excluded_countries and form not in k.ambiguous_country_names}


def resolution_url(number: str, year: int) -> str:
    """The undocs.org address of a Security Council resolution."""
    return UNDOCS.format(number=number, year=year)
