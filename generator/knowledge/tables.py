"""The tables the extractors and pages use, built from a validated Knowledge. Pure.

    mission_names(k)     every name of a mission -> its key ("VN-missie in Mali" -> "MINUSMA")
    body_names(k)        every name of a UN body -> its key ("VN-Veiligheidsraad" -> "UNSC")
    body_shared_names(k) the names other organisations use too -> key ("Algemene Vergadering")
    mission_phases(k)    family acronym -> its numbered phases and their starts ("UNAVEM" -> UNAVEM-I..III)
    country_names(k)     CLDR's Dutch names and adjectives plus the knowledge files' forms, minus
                         what is excluded or ambiguous
"""
from __future__ import annotations

import datetime as dt
import re

from .base import Knowledge, mission_forms
from .bodies import body_forms
from .cldr import ISO_CODE, NOT_COUNTRIES, cldr_names, name_forms, without_diaeresis
from .demonyms import derived_forms


def mission_names(k: Knowledge) -> dict[str, str]:
    """Surface form -> mission key: the acronym, the English name, the Dutch name, the aliases;
    a phase's family acronym ("UNAVEM") -> its first phase (the extractor picks the phase of the
    letter's date: mission_phases)."""
    names: dict[str, str] = {}
    for mission in k.missions.values():
        for form, _ in mission_forms(mission):
            names[form] = mission.key
    for family, phases in mission_phases(k).items():
        names[family] = phases[0][0]
    return names


def mission_phases(k: Knowledge) -> dict[str, tuple[tuple[str, dt.date | None], ...]]:
    """Family acronym -> its phases in order, each (key, start): {"UNEF": (("UNEF-I", 1956-11-05),
    ("UNEF-II", 1973-10-25))}."""
    families: dict[str, list] = {}
    for mission in k.missions.values():
        if mission.family:
            families.setdefault(mission.family, []).append(mission)
    return {family: tuple((m.key, m.start) for m in sorted(phases, key=lambda m: m.phase))
            for family, phases in sorted(families.items())}


def body_names(k: Knowledge) -> dict[str, str]:
    """Surface form -> body key: the key, the names, abbreviations, aliases and former names."""
    return {form: body.key for body in k.bodies.values() for form, _ in body_forms(body)}


def body_shared_names(k: Knowledge) -> dict[str, str]:
    """Shared name -> body key: found only where the text says it is the UN's (extract/bodies.py)."""
    return {form: body.key for body in k.bodies.values() for form in body.shared_names}


def country_names(k: Knowledge, cldr: dict[str, str] | None = None) -> dict[str, str]:
    """Surface form -> country key: CLDR's Dutch names, the adjectives CLDR's currency names give
    (demonyms.currency_adjectives, both forms: "Angolees", "Angolese"), the other form of every
    adjective the knowledge files write ("Syrische" -> also "Syrisch"), and the knowledge files' aliases,
    inhabitants, former names of renamed states and historical states (4-letter keys), each form
    also without its trema ("Haiti", "Joegoslavie"); minus excluded countries and minus the forms
    listed as ambiguous.

    Generated forms never replace a written one; a bare adjective that CLDR also names as a
    language ("Russisch", "Turks") and a generated form that two countries would share are left
    out. `cldr` (default: cldr.cldr_names()) may be {code: name} (babel.Locale("nl").territories)
    or {name: code}. CLDR's pseudo-territories (EU, UN, ...) are dropped; a name with a
    parenthesis or " SAR van China" also gives its short form ("Myanmar (Birma)" -> "Myanmar" and
    "Birma").
    """
    names: dict[str, str] = {}
    for first, second in (cldr_names() if cldr is None else cldr).items():
        code, name = (first, second) if re.fullmatch(ISO_CODE, first) else (second, first)
        if not re.fullmatch(ISO_CODE, code) or code in NOT_COUNTRIES:
            continue
        for form in name_forms(name):
            names.setdefault(form, code)
    written = [*k.country_aliases.items(), *k.renamed_countries.items(),
               *((form, key) for key, state in k.historical_countries.items()
                 for form in (state.name, *state.aliases))]
    for form, code in derived_forms(written).items():
        names.setdefault(form, code)
    names.update(k.country_aliases)
    names.update(k.inhabitants)
    names.update(k.renamed_countries)
    for key, state in k.historical_countries.items():
        for form in (state.name, *state.aliases):
            names[form] = key
    for form, code in list(names.items()):
        names.setdefault(without_diaeresis(form), code)
    return {form: code for form, code in names.items()
            if code not in k.excluded_countries and form not in k.ambiguous_country_names}

