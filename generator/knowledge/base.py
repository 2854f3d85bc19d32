"""The maintainers' knowledge base for cross-links: UN missions, Security Council resolutions,
Dutch country names and UN bodies (bodies.py), as YAML under content/knowledge/ - validated here, without any I/O.

read.read_knowledge() reads the three files and hands their text, parsed by yamlfile.parse_knowledge_yaml(),
to build_knowledge(). Every problem becomes a SourceError naming the file, the entry, the field and
(where the YAML told us) the line, with a hint on what to write instead. Structural problems are
errors, and so is a mission's preceded_by/followed_by naming no entry; doubtful facts (a
mission's start that differs from the adoption of its resolution as resolutions.yml gives it) are
collected in Knowledge.warnings so a build can report them all at once. A mission's resolution
need not be in resolutions.yml: every Security Council resolution gets a page.

Numbered phases are separate missions keyed FAMILY-ROMAN ("UNAVEM-I", "UNAVEM-II"): their forms
include "UNAVEM II", "UNAVEM 2" and "UNAVEM-2" (mission_forms), and the bare family acronym
("UNAVEM") is resolved to a phase by the letter's date (extract.missions.phase_at).

The raw dict build_knowledge() takes::

    {"missions": <parsed missions.yml>, "resolutions": <...>, "countries": <...>,   # each optional
     "paths": {"missions": Path, ...},             # optional: the files, for messages
     "lines": {"missions": {("MINUSMA", "start"): 14, ...}, ...}}   # optional: key -> line
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import jsonschema

from ..errors import SourceError, shorten
from .bodies import BODY_HINTS, BODY_SCHEMA, Body, build_bodies, body_forms
from .cldr import HISTORICAL_CODE, ISO_CODE, cldr_names, territories
from .demonyms import derived_forms
from .years import UNDOCS_SC, YEARS_FILE, ResolutionYears, build_years
from .yamlfile import Located, schema_error_text

KNOWLEDGE_DIR = Path("content") / "knowledge"
KNOWLEDGE_FILES = {"missions": "missions.yml", "resolutions": "resolutions.yml",
                   "countries": "countries.yml", "bodies": "bodies.yml"}

MISSION_KEY = r"^[A-Z][A-Z0-9-]{2,12}$"
# A numbered phase of a mission: its family acronym, a hyphen and a Roman numeral ("UNAVEM-II").
PHASE_KEY = re.compile(r"^(?P<family>[A-Z][A-Z0-9]+)-(?P<numeral>I{1,3}|IV|V|VI{1,3})$")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
RESOLUTION_NUMBER = r"^[0-9]{1,4}$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
MISSION_TYPES = ("peacekeeping", "political", "support")
ORGANISATIONS = ("UN", "AU")

# --- the model -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mission:
    key: str                              # the acronym, "MINUSMA"
    name: str                             # official English name
    name_nl: str = ""                     # official Dutch name, when there is one
    aliases: tuple[str, ...] = ()         # other surface forms in Dutch text
    type: str = ""                        # peacekeeping | political | support
    countries: tuple[str, ...] = ()       # ISO 3166-1 alpha-2 codes of where it operates
    start: dt.date | None = None          # established (adoption of its resolution)
    end: dt.date | None = None            # mandate ended
    resolution: str = ""                  # establishing Security Council resolution, "2100"
    source: str = ""                      # authoritative URL
    organisation: str = "UN"              # UN | AU
    ended: bool = False                   # True when it has ended (also when `end` is unknown)
    preceded_by: tuple[str, ...] = ()     # keys of the missions it continued (MONUC for MONUSCO)
    followed_by: tuple[str, ...] = ()     # keys of the missions that continued it
    phases: tuple[str, ...] = ()          # a phase's family in order ("UNAVEM-I", …); () for none

    @property
    def ongoing(self) -> bool:
        return not self.ended

    @property
    def family(self) -> str:
        """The acronym without the phase numeral ("UNAVEM" for UNAVEM-II); "" for no phase."""
        m = PHASE_KEY.match(self.key)
        return m.group("family") if m else ""

    @property
    def phase(self) -> int:
        """The phase number (2 for UNAVEM-II); 0 for a mission without phases."""
        m = PHASE_KEY.match(self.key)
        return ROMAN[m.group("numeral")] if m else 0


@dataclass(frozen=True)
class Resolution:
    number: str                           # "2417"
    year: int | None
    adopted: dt.date | None
    subject: str                          # short Dutch description
    source: str
    title: str = ""                       # the official (English) title, when given


@dataclass(frozen=True)
class Knowledge:
    missions: dict[str, Mission] = field(default_factory=dict)
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    country_aliases: dict[str, str] = field(default_factory=dict)     # surface form -> ISO code
    excluded_countries: frozenset[str] = frozenset()
    ambiguous_country_names: dict[str, str] = field(default_factory=dict)  # form -> why not mapped
    # surface form -> ISO code of today's state: a renamed state's former names ("Zaïre" -> "CD")
    renamed_countries: dict[str, str] = field(default_factory=dict)
    inhabitants: dict[str, str] = field(default_factory=dict)         # "Angolezen" -> "AO"
    historical_countries: dict[str, "HistoricalCountry"] = field(default_factory=dict)
    # ISO code -> the year the state began: before it, its name meant a region of another state
    # ("Zuid-Soedan" in 1992 is southern Sudan), so older letters' mentions are not linked
    country_since: dict[str, int] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)             # UN bodies, by key ("UNGA")
    warnings: list[str] = field(default_factory=list)
    years: ResolutionYears = field(default_factory=ResolutionYears)   # resolution-years.yml


@dataclass(frozen=True)
class HistoricalCountry:
    """A state that ended without one continuing state: its own country page."""
    key: str                              # ISO 3166-3 code, "YUCS"
    name: str                             # Dutch name, "Joegoslavië"
    aliases: tuple[str, ...] = ()         # other forms in Dutch text, adjectives included
    end: int | None = None                # the year the state ended
    successors: tuple[str, ...] = ()      # ISO 3166-1 codes of the states that followed it
    source: str = ""                      # authoritative URL


# --- schemas ---------------------------------------------------------------------------------

_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_DATE = {"type": "string", "pattern": DATE}
_URL = {"type": "string", "pattern": r"^https?://[^\s/]+\.[^\s]+$"}
_CODE = {"type": "string", "pattern": ISO_CODE}
_KEY = {"type": "string", "pattern": MISSION_KEY}

MISSION_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "One mission in content/knowledge/missions.yml",
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "type", "source"],
    "properties": {
        "name": _TEXT,
        "name_nl": _TEXT,
        "aliases": {"type": "array", "items": _TEXT, "uniqueItems": True},
        "type": {"enum": list(MISSION_TYPES)},
        "organisation": {"enum": list(ORGANISATIONS)},
        "country": {"anyOf": [_CODE, {"type": "array", "items": _CODE, "minItems": 1,
                                      "uniqueItems": True}]},
        "start": _DATE,
        "end": _DATE,
        "ended": {"type": "boolean"},
        "resolution": {"type": "string", "pattern": RESOLUTION_NUMBER},
        "preceded_by": {"anyOf": [_KEY, {"type": "array", "items": _KEY, "minItems": 1,
                                         "uniqueItems": True}]},
        "followed_by": {"anyOf": [_KEY, {"type": "array", "items": _KEY, "minItems": 1,
                                         "uniqueItems": True}]},
        "source": _URL,
    },
}
RESOLUTION_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "One resolution in content/knowledge/resolutions.yml",
    "type": "object",
    "additionalProperties": False,
    "required": ["subject"],
    "properties": {
        "year": {"type": "integer", "minimum": 1946, "maximum": 2100},
        "adopted": _DATE,
        "title": _TEXT,
        "subject": _TEXT,
        "source": _URL,
    },
}
COUNTRIES_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "content/knowledge/countries.yml",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "aliases": {"type": "object", "additionalProperties": {
            "type": "array", "items": _TEXT, "minItems": 1, "uniqueItems": True}},
        "exclude": {"type": "array", "items": _CODE, "uniqueItems": True},
        "ambiguous": {"type": "object", "additionalProperties": {"type": "string"}},
        "inhabitants": {"type": "object", "additionalProperties": False,
                        "required": ["source", "names"], "properties": {
                            "source": _URL,
                            "names": {"type": "object", "additionalProperties": {
                                "type": "array", "items": _TEXT, "minItems": 1, "uniqueItems": True}}}},
        "renamed": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False, "required": ["names", "source"],
            "properties": {"names": {"type": "array", "items": _TEXT, "minItems": 1, "uniqueItems": True},
                           "source": _URL}}},
        "historical": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False, "required": ["name", "source"],
            "properties": {"name": _TEXT,
                           "aliases": {"type": "array", "items": _TEXT, "uniqueItems": True},
                           "end": {"type": "integer", "minimum": 1900, "maximum": 2100},
                           "successors": {"type": "array", "items": _CODE, "uniqueItems": True},
                           "source": _URL}}},
        "since": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False, "required": ["year", "source"],
            "properties": {"year": {"type": "integer", "minimum": 1900, "maximum": 2100},
                           "source": _URL}}},
    },
}

HINTS = {
    "missions": {
        "name": 'the official English name, e.g. name: "United Nations Interim Force in Lebanon"',
        "name_nl": "the official Dutch name; leave the field out when there is none",
        "aliases": 'a list of other ways Dutch text writes it, e.g. aliases: ["VN-missie in Mali"]; '
                   "no empty entries; use aliases: [] for none",
        "type": "one of: " + ", ".join(MISSION_TYPES),
        "organisation": "one of: " + ", ".join(ORGANISATIONS) + " (leave out for UN)",
        "country": "an ISO 3166-1 alpha-2 code, e.g. country: ML, or a list: country: [SD, SS]",
        "start": "a date written as YYYY-MM-DD, e.g. start: 2013-04-25; leave out when unsure",
        "end": "a date written as YYYY-MM-DD; leave out while the mission is ongoing or unsure",
        "ended": "ended: true when the mission has ended but the date is not known",
        "resolution": 'the number of the establishing Security Council resolution, e.g. "2100"',
        "preceded_by": "the key of the mission it continued, e.g. preceded_by: MONUC, or a list: "
                       "[UNPROFOR]; the key must be an entry of missions.yml",
        "followed_by": "the key of the mission that continued it, e.g. followed_by: MONUSCO, or a "
                       "list: [UNCRO, UNPREDEP, UNPF]; the key must be an entry of missions.yml",
        "source": "a full https:// address of an authoritative page",
    },
    "resolutions": {
        "year": "the year the resolution was adopted, e.g. year: 2018 (may be left out: "
                "resolution-years.yml gives it)",
        "title": 'the official title as the UN writes it, e.g. title: "Protection of civilians in armed conflict"',
        "adopted": "a date written as YYYY-MM-DD, e.g. adopted: 2018-05-24; leave out when unsure",
        "subject": 'a short Dutch description, e.g. subject: "Conflict en honger"',
        "source": "https://undocs.org/S/RES/<number>(<year>), e.g. https://undocs.org/S/RES/2417(2018) "
                  "(may be left out: the generator makes it)",
    },
    "countries": {
        "aliases": "ISO code -> list of Dutch forms, e.g. SY: [Syrische, Syrisch]",
        "exclude": "a list of ISO codes that get no country page, e.g. exclude: [NL]",
        "ambiguous": 'form -> why it is not mapped, e.g. Korea: "Noord- of Zuid-Korea"',
        "inhabitants": "source: <URL> and names: ISO code -> inhabitant names, e.g. AO: [Angolees, Angolezen]",
        "renamed": "today's ISO code -> names: [former names] and source: <URL>, e.g. "
                   "CD: {names: [Zaïre], source: https://...}",
        "historical": "ISO 3166-3 code -> name, aliases, end (a year), successors (ISO codes) and "
                      "source, e.g. DDDE: {name: Duitse Democratische Republiek, end: 1990, ...}",
        "since": "ISO code -> year (the state began that year; before it the name meant a region "
                 "of another state) and source, e.g. SS: {year: 2011, source: https://...}",
        "year": "the year the state began, e.g. year: 2011",
        "names": "a list of names, e.g. names: [Zaïre, Zaïrese]",
        "name": "the Dutch name of the state, e.g. name: Joegoslavië",
        "end": "the year the state ended, e.g. end: 1990; leave out when unsure",
        "successors": "the ISO 3166-1 codes of the states that followed it, e.g. successors: [CZ, SK]",
        "source": "a full https:// address of an authoritative page",
    },
    "bodies": BODY_HINTS,
}
ENTRY_FIELDS = {"missions": tuple(MISSION_SCHEMA["properties"]),
                "resolutions": tuple(RESOLUTION_SCHEMA["properties"]),
                "bodies": tuple(BODY_SCHEMA["properties"])}


# --- raw -> Knowledge ------------------------------------------------------------------------

class _Context(Located):
    """The file being checked: where to point errors and warnings."""

    def __init__(self, kind: str, raw: dict) -> None:
        super().__init__((raw.get("paths") or {}).get(kind) or KNOWLEDGE_DIR / KNOWLEDGE_FILES[kind],
                         (raw.get("lines") or {}).get(kind))
        self.kind = kind

    def hint(self, name: str) -> str:
        return HINTS[self.kind].get(name, "")

    def error(self, message: str, *at: object, hint: str = "") -> SourceError:
        """An error at an entry/field path, e.g. ("MINUSMA", "start"); the hint defaults to
        the one of the deepest field named in the path."""
        named = [str(p) for p in reversed(at) if isinstance(p, str) and p in HINTS[self.kind]]
        return super().error(message, *at, hint=hint or (self.hint(named[0]) if named else ""))

    def warn(self, warnings: list[str], message: str, *at: object) -> None:
        line = self.line(*at)
        warnings.append(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


def build_knowledge(raw: dict[str, object]) -> Knowledge:
    """Validate the parsed knowledge files and build the Knowledge tables.

    Raises SourceError for the first structural problem (unknown or misspelt field, wrong type,
    impossible date, empty alias, the same name used twice); reports dangling references in
    Knowledge.warnings.
    """
    warnings: list[str] = []
    paths, lines = raw.get("paths") or {}, raw.get("lines") or {}
    years = build_years(raw.get("years"), paths.get("years") or KNOWLEDGE_DIR / YEARS_FILE, lines.get("years"))
    resolutions = _resolutions(_Context("resolutions", raw), raw.get("resolutions"), years)
    missions = _missions(_Context("missions", raw), raw.get("missions"), resolutions, warnings, years)
    c = _countries(_Context("countries", raw), raw.get("countries"), warnings)
    country_forms = {**c["aliases"], **c["renamed"], **c["inhabitants"]}
    bodies = build_bodies(_Context("bodies", raw), raw.get("bodies"), _taken_forms(missions, country_forms), warnings)
    return Knowledge(missions=missions, resolutions=resolutions, country_aliases=c["aliases"],
                     excluded_countries=c["excluded"], ambiguous_country_names=c["ambiguous"],
                     renamed_countries=c["renamed"], inhabitants=c["inhabitants"],
                     historical_countries=c["historical"], country_since=c["since"], bodies=bodies, warnings=warnings, years=years)


def _taken_forms(missions: dict[str, Mission], country_forms: dict[str, str]) -> dict[str, str]:
    """The casefolded forms of the missions and countries (CLDR, aliases, former names,
    inhabitants) -> what they name; a body may not use one of them."""
    taken = {form.casefold(): f"country {code}" for form, code in cldr_names().items()}
    taken.update((form.casefold(), f"country {code}") for form, code in country_forms.items())
    for mission in missions.values():
        taken.update((form.casefold(), f"mission {mission.key}") for form, _ in mission_forms(mission))
    return taken


def _entries(ctx: _Context, data: object, key_pattern: str, key_hint: str) -> dict[str, dict]:
    """A top-level mapping of entries, keys as text, each entry checked for unknown fields."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(ctx.path, f"{ctx.path.name} must consist of 'KEY:' entries, one per "
                          f"{ctx.kind[:-1]}, not a {type(data).__name__}", line=1, hint=key_hint)
    entries: dict[str, dict] = {}
    for key, entry in data.items():
        name = str(key)
        if isinstance(key, bool) or not re.fullmatch(key_pattern, name):
            raise ctx.error(f"'{shorten(name)}' is not a valid key", name, hint=key_hint)
        if name in entries:
            raise ctx.error(f"'{name}' is written twice", name, hint="merge the two entries")
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            raise ctx.error(f"{name}: the entry must be a list of 'field: value' lines, "
                            f"not {shorten(repr(entry))}", name,
                            hint="allowed fields: " + ", ".join(ENTRY_FIELDS[ctx.kind]))
        ctx.check_fields(name, entry, ENTRY_FIELDS[ctx.kind],
                         "allowed fields: " + ", ".join(ENTRY_FIELDS[ctx.kind]))
        entries[name] = entry
    return entries


def _check_schema(ctx: _Context, schema: dict, data: dict, *at: object) -> None:
    problems = sorted(_validator(schema["title"]).iter_errors(data),
                      key=lambda e: ctx.line(*at, *e.absolute_path) or 0)
    if not problems:
        return
    first = problems[0]
    where = list(first.absolute_path)
    field_name = str(where[0]) if where else ""
    label = " > ".join(str(p) for p in (*at, *where))
    more = f" (and {len(problems) - 1} more problem(s) in this entry)" if len(problems) > 1 else ""
    message = _schema_message(first)
    raise SourceError(ctx.path, f"{label or ctx.path.name}: {message}{more}",
                      line=ctx.line(*at, *where),
                      hint=ctx.hint(field_name) or ctx.hint(str(at[0]) if at else ""))


def _schema_message(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is missing (a required field)")
    if error.validator == "pattern" and error.schema.get("pattern") == DATE:
        return f"{shorten(repr(error.instance))} is not a date written as YYYY-MM-DD"
    if error.validator in ("minLength", "pattern") and error.schema.get("pattern") == r"\S":
        return "an empty text is not allowed"
    if error.validator == "type" and error.instance is None:
        return "an empty entry is not allowed"
    if error.validator == "anyOf" and error.absolute_path and error.absolute_path[0] == "country":
        return f"{shorten(repr(error.instance))} is not an ISO country code or a list of them"
    if error.validator == "anyOf":
        return f"{shorten(repr(error.instance))} is not a mission key or a list of them"
    return f"wrong value: {schema_error_text(error)}"


@functools.cache
def _validator(title: str) -> jsonschema.protocols.Validator:
    schema = next(s for s in (MISSION_SCHEMA, RESOLUTION_SCHEMA, COUNTRIES_SCHEMA, BODY_SCHEMA)
                  if s["title"] == title)
    return jsonschema.validators.validator_for(schema)(schema)


def _as_text(value: object) -> object:
    """Dates and numbers YAML may have typed, back to the text the schema checks."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def _date(ctx: _Context, value: str | None, *at: object) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        label = " > ".join(map(str, at))
        raise ctx.error(f"{label}: {shorten(value)} is not a real date", *at) from None


def _resolutions(ctx: _Context, data: object, years: ResolutionYears | None = None) -> dict[str, Resolution]:
    """resolutions.yml: subject (and title) per number; the year and address follow from the
    number (resolution-years.yml), a year written here must agree with that table."""
    key_hint = 'the resolution number as the key, e.g. "2417":'
    years = years or ResolutionYears()
    out: dict[str, Resolution] = {}
    for number, entry in _entries(ctx, data, RESOLUTION_NUMBER, key_hint).items():
        checked = {k: _as_text(v) for k, v in entry.items()}
        _check_schema(ctx, RESOLUTION_SCHEMA, checked, number)
        table_year = years.sc_year(number)
        year = checked.get("year", table_year)
        if year is None:
            raise ctx.error(f"{number}: no year, and {YEARS_FILE} does not know resolution {number}",
                            number, hint="add year: YYYY, or extend security_council in " + YEARS_FILE)
        if table_year is not None and year != table_year:
            raise ctx.error(f"{number}: year {year}, but by {YEARS_FILE} resolution {number} is of "
                            f"{table_year}", number, "year" if "year" in checked else "",
                            hint=f"year: {table_year}, or correct {YEARS_FILE}")
        adopted = _date(ctx, checked.get("adopted"), number, "adopted")
        if adopted and adopted.year != year:
            raise ctx.error(f"{number}: adopted {adopted} is not in year {year}", number, "adopted")
        expected = UNDOCS_SC.format(number=number, year=year)
        source = checked.get("source", expected)
        if source.startswith("https://undocs.org/") and source != expected:
            raise ctx.error(f"{number}: source {source} does not match number {number} and "
                            f"year {year}", number, "source", hint=f"source: {expected}")
        out[number] = Resolution(number=number, year=year, adopted=adopted,
                                 subject=checked["subject"].strip(), source=source,
                                 title=checked.get("title", "").strip())
    return out


def _missions(ctx: _Context, data: object, resolutions: dict[str, Resolution],
              warnings: list[str], years: ResolutionYears | None = None) -> dict[str, Mission]:
    key_hint = "the mission's acronym in capitals as the key, e.g. MINUSMA:"
    out: dict[str, Mission] = {}
    forms: dict[str, str] = {}          # surface form (casefolded) -> mission key
    known = territories()
    for key, entry in _entries(ctx, data, MISSION_KEY, key_hint).items():
        checked = {k: _as_text(v) for k, v in entry.items()}
        if isinstance(checked.get("resolution"), int) and not isinstance(checked["resolution"], bool):
            checked["resolution"] = str(checked["resolution"])
        _check_schema(ctx, MISSION_SCHEMA, checked, key)
        countries = checked.get("country", [])
        countries = tuple([countries] if isinstance(countries, str) else countries)
        for index, code in enumerate(countries):
            if code not in known:
                at = (key, "country", index) if isinstance(checked["country"], list) else (
                    key, "country")
                raise ctx.error(f"{key} > country: '{code}' is not a known country code", *at)
        start = _date(ctx, checked.get("start"), key, "start")
        end = _date(ctx, checked.get("end"), key, "end")
        if start and end and end < start:
            raise ctx.error(f"{key}: end {end} is before start {start}", key, "end")
        if end and checked.get("ended") is False:
            raise ctx.error(f"{key}: 'ended: false' contradicts end {end}", key, "ended")
        mission = Mission(
            key=key, name=checked["name"].strip(), name_nl=checked.get("name_nl", "").strip(),
            aliases=tuple(a.strip() for a in checked.get("aliases", [])), type=checked["type"],
            countries=countries, start=start, end=end, resolution=checked.get("resolution", ""),
            source=checked["source"], organisation=checked.get("organisation", "UN"),
            ended=bool(end) or checked.get("ended") is True,
            preceded_by=_keys(checked.get("preceded_by")), followed_by=_keys(checked.get("followed_by")))
        for form, at in mission_forms(mission):
            other = forms.setdefault(form.casefold(), key)
            if other != key:
                raise ctx.error(f"{key}: '{form}' is also a name of {other}", key, *at,
                                hint="a name or alias must point to one mission; remove one")
        _mission_references(ctx, mission, resolutions, warnings, years or ResolutionYears())
        out[key] = mission
    _check_families(ctx, out, forms)
    return _linked(ctx, out)


def _keys(value: str | list[str] | None) -> tuple[str, ...]:
    return tuple([value] if isinstance(value, str) else value or [])


def _check_families(ctx: _Context, missions: dict[str, Mission], forms: dict[str, str]) -> None:
    """A phase's family acronym ("UNAVEM" of UNAVEM-II) stands for the phase of the letter's date,
    so it must not be the name of another mission, and a family has its first phase."""
    families: dict[str, list[Mission]] = {}
    for mission in missions.values():
        if mission.family:
            families.setdefault(mission.family, []).append(mission)
    for family, phases in families.items():
        first = min(phases, key=lambda m: m.phase)
        other = forms.get(family.casefold())
        if other is not None and not PHASE_KEY.match(other):
            raise ctx.error(f"{other}: '{family}' is also the family of the phases "
                            + ", ".join(m.key for m in phases), other,
                            hint=f"'{family}' stands for the phase of {', '.join(m.key for m in phases)} "
                                 "that ran at the letter's date; give the other mission another name")
        if first.phase != 1:
            raise ctx.error(f"{first.key}: phase {family}-I is missing", first.key,
                            hint=f"add {family}-I, or write the first phase as {family}-I")


def _linked(ctx: _Context, missions: dict[str, Mission]) -> dict[str, Mission]:
    """Check preceded_by/followed_by (each key an entry, never the mission itself) and complete
    each relation with its inverse: MONUC followed_by MONUSCO makes MONUSCO preceded_by MONUC.
    Each phase gets the keys of its family's phases."""
    before: dict[str, list[str]] = {key: list(m.preceded_by) for key, m in missions.items()}
    after: dict[str, list[str]] = {key: list(m.followed_by) for key, m in missions.items()}
    for key, mission in missions.items():
        for name, targets, inverse in (("preceded_by", mission.preceded_by, after),
                                       ("followed_by", mission.followed_by, before)):
            for index, target in enumerate(targets):
                at = (key, name, index)            # the line of the item, else of the field
                if target == key:
                    raise ctx.error(f"{key} > {name}: a mission cannot follow itself", *at)
                if target not in missions:
                    raise ctx.error(f"{key} > {name}: '{target}' is not a mission in missions.yml",
                                    *at, hint=_did_you_mean(target, missions) or ctx.hint(name))
                if key not in inverse[target]:
                    inverse[target].append(key)
    phases: dict[str, list[Mission]] = {}
    for mission in missions.values():
        if mission.family:
            phases.setdefault(mission.family, []).append(mission)
    family = {m.key: tuple(p.key for p in sorted(ms, key=lambda p: p.phase)) for ms in phases.values() for m in ms}
    return {key: replace(m, preceded_by=tuple(before[key]), followed_by=tuple(after[key]),
                         phases=family.get(key, ()))
            for key, m in missions.items()}


def _did_you_mean(key: str, missions: dict[str, Mission]) -> str:
    close = difflib.get_close_matches(key, list(missions), n=1)
    return f"did you mean {close[0]}? The key must be an entry of missions.yml" if close else ""


def mission_forms(mission: Mission) -> list[tuple[str, tuple]]:
    """Every surface form of a mission with the field path it comes from: the key, the names,
    the aliases, and for a phase ("UNAVEM-II") also "UNAVEM II", "UNAVEM 2" and "UNAVEM-2"."""
    forms = [(mission.key, ()), (mission.name, ("name",))]
    if mission.family:
        numeral = mission.key.rsplit("-", 1)[1]
        forms += [(f"{mission.family} {numeral}", ()), (f"{mission.family} {mission.phase}", ()),
                  (f"{mission.family}-{mission.phase}", ())]
    if mission.name_nl:
        forms.append((mission.name_nl, ("name_nl",)))
    forms += [(alias, ("aliases", i)) for i, alias in enumerate(mission.aliases)]
    return forms


def _mission_references(ctx: _Context, mission: Mission, resolutions: dict[str, Resolution],
                        warnings: list[str], years: ResolutionYears) -> None:
    number = mission.resolution
    if not number:
        return
    resolution = resolutions.get(number)
    table_year = years.sc_year(number)
    # Every Security Council number gets its page from the years table, so resolutions.yml need
    # not describe it; only a number beyond the table (or a contradiction) is worth a warning.
    if resolution is None and table_year is None and years.known:
        ctx.warn(warnings, f"{mission.key}: resolution {number} is beyond {YEARS_FILE} - add the "
                 "year to that table so the mission can link to it", mission.key, "resolution")
    elif mission.start and table_year is not None and mission.start.year != table_year:
        ctx.warn(warnings, f"{mission.key}: start {mission.start} is not in {table_year}, the year of "
                 f"resolution {number} by {YEARS_FILE}", mission.key, "start")
    elif mission.start and resolution is not None and resolution.adopted and mission.start != resolution.adopted:
        ctx.warn(warnings, f"{mission.key}: start {mission.start} differs from the adoption of "
                 f"resolution {number} ({resolution.adopted}); start is the date the establishing "
                 "resolution was adopted", mission.key, "start")


def _countries(ctx: _Context, data: object, warnings: list[str]) -> dict:
    """The sections of countries.yml, checked: every form points to one country (across all
    sections), codes are known, historical keys are ISO 3166-3 codes."""
    out: dict = {"aliases": {}, "excluded": frozenset(), "ambiguous": {}, "renamed": {},
                 "inhabitants": {}, "historical": {}, "since": {}}
    if data is None:
        return out
    if not isinstance(data, dict):
        raise SourceError(ctx.path, "countries.yml must have the sections aliases, exclude, "
                          "ambiguous", line=1, hint=HINTS["countries"]["aliases"])
    ctx.check_fields("", data, COUNTRIES_SCHEMA["properties"],
                     "allowed sections: " + ", ".join(COUNTRIES_SCHEMA["properties"]), what="section")
    data = {section: value if value is not None else ({} if section != "exclude" else [])
            for section, value in data.items()}
    _check_schema(ctx, COUNTRIES_SCHEMA, data)
    known, cldr = territories(), cldr_names()
    excluded = frozenset(data.get("exclude", []))
    for index, code in enumerate(data.get("exclude", [])):
        if code not in known:
            raise ctx.error(f"exclude: '{code}' is not a known country code", "exclude", index)
    ambiguous = {str(form).strip(): reason for form, reason in data.get("ambiguous", {}).items()}
    seen: dict[str, str] = {}

    def add(table: dict[str, str], form: str, code: str, *at: object) -> None:
        form = form.strip()
        other = seen.setdefault(form.casefold(), code)
        if other != code:
            raise ctx.error(f"{at[0]}: '{form}' is listed for both {other} and {code}", *at,
                            hint="a form must point to one country; remove one")
        if form in ambiguous:
            raise ctx.error(f"{at[0]}: '{form}' is also listed under ambiguous", *at,
                            hint="either map it to a country or list it as ambiguous")
        owner = cldr.get(form)
        if owner and owner != code:
            raise ctx.error(f"{at[0]}: '{form}' is the CLDR name of {owner}, not {code}", *at,
                            hint="remove the form or move it to the right country")
        table[form] = code

    def country(code: object, *at: object) -> str:
        code = str(code)
        if not re.fullmatch(ISO_CODE, code) or code not in known:
            raise ctx.error(f"{' > '.join(map(str, at))}: '{code}' is not a known country code", *at,
                            hint=HINTS["countries"].get(str(at[0]), ""))
        if code in excluded:
            ctx.warn(warnings, f"{at[0]}: {code} is excluded, so its names are not used", *at)
        return code

    for code, forms in data.get("aliases", {}).items():
        code = country(code, "aliases", code)
        for index, form in enumerate(forms):
            add(out["aliases"], form, code, "aliases", code, index)
    earlier: list[tuple[str, str]] = []       # an alias is redundant if CLDR or an earlier one gives it
    for code, forms in data.get("aliases", {}).items():
        for index, form in enumerate(forms):
            form, code = form.strip(), str(code)
            if derived_forms(earlier).get(form) == code:
                ctx.warn(warnings, f"aliases: '{form}' is derived already (from CLDR's currency "
                         "names or as the other form of an adjective listed before it); remove it",
                         "aliases", code, index)
            earlier.append((form, code))
    inhabitants = data.get("inhabitants") or {}
    for code, forms in inhabitants.get("names", {}).items():
        code = country(code, "inhabitants", "names", code)
        for index, form in enumerate(forms):
            add(out["inhabitants"], form, code, "inhabitants", "names", code, index)
    for code, entry in data.get("renamed", {}).items():
        code = country(code, "renamed", code)
        for index, form in enumerate(entry["names"]):
            add(out["renamed"], form, code, "renamed", code, "names", index)
    for key, entry in data.get("historical", {}).items():
        key = str(key)
        if not re.fullmatch(HISTORICAL_CODE, key):
            raise ctx.error(f"historical: '{key}' is not an ISO 3166-3 code", "historical", key,
                            hint="the four-letter ISO 3166-3 code of the former state, e.g. DDDE")
        names: dict[str, str] = {}
        add(names, entry["name"], key, "historical", key, "name")
        for index, form in enumerate(entry.get("aliases", [])):
            add(names, form, key, "historical", key, "aliases", index)
        for index, code in enumerate(entry.get("successors", [])):
            country(code, "historical", key, "successors", index)
        out["historical"][key] = HistoricalCountry(
            key=key, name=entry["name"].strip(), aliases=tuple(a.strip() for a in entry.get("aliases", [])),
            end=entry.get("end"), successors=tuple(entry.get("successors", [])), source=entry["source"])
    for code, entry in data.get("since", {}).items():
        out["since"][country(code, "since", code)] = entry["year"]
    out["excluded"], out["ambiguous"] = excluded, ambiguous
    return out
