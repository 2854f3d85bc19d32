"""The maintainers' knowledge base for cross-links: UN missions, Security Council resolutions,
Dutch country names and UN bodies (bodies.py), as YAML under content/knowledge/ - validated here, without any I/O.

read.read_knowledge() reads the three files and hands their text, parsed by yamlfile.parse_knowledge_yaml(),
to build_knowledge(). Every problem becomes a SourceError naming the file, the entry, the field and
(where the YAML told us) the line, with a hint on what to write instead. Structural problems are
errors; references that merely point nowhere (a mission's resolution missing from resolutions.yml)
are collected in Knowledge.warnings so a build can report them all at once.

The raw dict build_knowledge() takes::

    {"missions": <parsed missions.yml>, "resolutions": <...>, "countries": <...>,   # each optional
     "paths": {"missions": Path, ...},             # optional: the files, for messages
     "lines": {"missions": {("MINUSMA", "start"): 14, ...}, ...}}   # optional: key -> line
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from ..errors import SourceError, shorten
from .bodies import BODY_HINTS, BODY_SCHEMA, Body, build_bodies, body_forms
from .cldr import ISO_CODE, cldr_names, territories
from .yamlfile import Located, schema_error_text

KNOWLEDGE_DIR = Path("content") / "knowledge"
KNOWLEDGE_FILES = {"missions": "missions.yml", "resolutions": "resolutions.yml",
                   "countries": "countries.yml", "bodies": "bodies.yml"}

MISSION_KEY = r"^[A-Z][A-Z0-9-]{2,12}$"
RESOLUTION_NUMBER = r"^[0-9]{1,4}$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
MISSION_TYPES = ("peacekeeping", "political", "support")
ORGANISATIONS = ("UN", "AU")
UNDOCS = "https://undocs.org/S/RES/{number}({year})"

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

    @property
    def ongoing(self) -> bool:
        return not self.ended


@dataclass(frozen=True)
class Resolution:
    number: str                           # "2417"
    year: int | None
    adopted: dt.date | None
    subject: str                          # short Dutch description
    source: str


@dataclass(frozen=True)
class Knowledge:
    missions: dict[str, Mission] = field(default_factory=dict)
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    country_aliases: dict[str, str] = field(default_factory=dict)     # surface form -> ISO code
    excluded_countries: frozenset[str] = frozenset()
    ambiguous_country_names: dict[str, str] = field(default_factory=dict)  # form -> why not mapped
    bodies: dict[str, Body] = field(default_factory=dict)             # UN bodies, by key ("UNGA")
    warnings: list[str] = field(default_factory=list)


# --- schemas ---------------------------------------------------------------------------------

_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_DATE = {"type": "string", "pattern": DATE}
_URL = {"type": "string", "pattern": r"^https?://[^\s/]+\.[^\s]+$"}
_CODE = {"type": "string", "pattern": ISO_CODE}

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
        "source": _URL,
    },
}
RESOLUTION_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "One resolution in content/knowledge/resolutions.yml",
    "type": "object",
    "additionalProperties": False,
    "required": ["year", "subject", "source"],
    "properties": {
        "year": {"type": "integer", "minimum": 1946, "maximum": 2100},
        "adopted": _DATE,
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
        "source": "a full https:// address of an authoritative page",
    },
    "resolutions": {
        "year": "the year the resolution was adopted, e.g. year: 2018",
        "adopted": "a date written as YYYY-MM-DD, e.g. adopted: 2018-05-24; leave out when unsure",
        "subject": 'a short Dutch description, e.g. subject: "Conflict en honger"',
        "source": "https://undocs.org/S/RES/<number>(<year>), e.g. https://undocs.org/S/RES/2417(2018)",
    },
    "countries": {
        "aliases": "ISO code -> list of Dutch forms, e.g. SY: [Syrische, Syrisch]",
        "exclude": "a list of ISO codes that get no country page, e.g. exclude: [NL]",
        "ambiguous": 'form -> why it is not mapped, e.g. Korea: "Noord- of Zuid-Korea"',
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
    resolutions = _resolutions(_Context("resolutions", raw), raw.get("resolutions"))
    missions = _missions(_Context("missions", raw), raw.get("missions"), resolutions, warnings)
    aliases, excluded, ambiguous = _countries(_Context("countries", raw), raw.get("countries"),
                                              warnings)
    bodies = build_bodies(_Context("bodies", raw), raw.get("bodies"),
                          _taken_forms(missions, aliases), warnings)
    return Knowledge(missions=missions, resolutions=resolutions, country_aliases=aliases,
                     excluded_countries=excluded, ambiguous_country_names=ambiguous,
                     bodies=bodies, warnings=warnings)


def _taken_forms(missions: dict[str, Mission], aliases: dict[str, str]) -> dict[str, str]:
    """The casefolded forms of the missions and countries (CLDR and aliases) -> what they name;
    a body may not use one of them."""
    taken = {form.casefold(): f"country {code}" for form, code in cldr_names().items()}
    taken.update((form.casefold(), f"country {code}") for form, code in aliases.items())
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
    if error.validator == "anyOf":
        return f"{shorten(repr(error.instance))} is not an ISO country code or a list of them"
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


def _resolutions(ctx: _Context, data: object) -> dict[str, Resolution]:
    key_hint = 'the resolution number as the key, e.g. "2417":'
    out: dict[str, Resolution] = {}
    for number, entry in _entries(ctx, data, RESOLUTION_NUMBER, key_hint).items():
        checked = {k: _as_text(v) for k, v in entry.items()}
        _check_schema(ctx, RESOLUTION_SCHEMA, checked, number)
        year = checked["year"]
        adopted = _date(ctx, checked.get("adopted"), number, "adopted")
        if adopted and adopted.year != year:
            raise ctx.error(f"{number}: adopted {adopted} is not in year {year}", number, "adopted")
        expected = UNDOCS.format(number=number, year=year)
        source = checked["source"]
        if source.startswith("https://undocs.org/") and source != expected:
            raise ctx.error(f"{number}: source {source} does not match number {number} and "
                            f"year {year}", number, "source", hint=f"source: {expected}")
        out[number] = Resolution(number=number, year=year, adopted=adopted,
                                 subject=checked["subject"].strip(), source=source)
    return out


def _missions(ctx: _Context, data: object, resolutions: dict[str, Resolution],
              warnings: list[str]) -> dict[str, Mission]:
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
            ended=bool(end) or checked.get("ended") is True)
        for form, at in mission_forms(mission):
            other = forms.setdefault(form.casefold(), key)
            if other != key:
                raise ctx.error(f"{key}: '{form}' is also a name of {other}", key, *at,
                                hint="a name or alias must point to one mission; remove one")
        _mission_references(ctx, mission, resolutions, warnings)
        out[key] = mission
    return out


def mission_forms(mission: Mission) -> list[tuple[str, tuple]]:
    forms = [(mission.key, ()), (mission.name, ("name",))]
    if mission.name_nl:
        forms.append((mission.name_nl, ("name_nl",)))
    forms += [(alias, ("aliases", i)) for i, alias in enumerate(mission.aliases)]
    return forms


def _mission_references(ctx: _Context, mission: Mission, resolutions: dict[str, Resolution],
                        warnings: list[str]) -> None:
    number = mission.resolution
    if not number:
        return
    resolution = resolutions.get(number)
    if resolution is None:
        ctx.warn(warnings, f"{mission.key}: resolution {number} is not in resolutions.yml - add "
                 "it there so the mission can link to it", mission.key, "resolution")
    elif mission.start and resolution.adopted and mission.start != resolution.adopted:
        ctx.warn(warnings, f"{mission.key}: start {mission.start} differs from the adoption of "
                 f"resolution {number} ({resolution.adopted}); start is the date the establishing "
                 "resolution was adopted", mission.key, "start")


def _countries(ctx: _Context, data: object, warnings: list[str]
               ) -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    if data is None:
        return {}, frozenset(), {}
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
    aliases: dict[str, str] = {}
    seen: dict[str, str] = {}
    for code, forms in data.get("aliases", {}).items():
        code = str(code)
        if not re.fullmatch(ISO_CODE, code) or code not in known:
            raise ctx.error(f"aliases: '{code}' is not a known country code", "aliases", code,
                            hint=HINTS["countries"]["aliases"])
        if code in excluded:
            ctx.warn(warnings, f"aliases: {code} is excluded, so its aliases are not used",
                     "aliases", code)
        for index, form in enumerate(forms):
            form = form.strip()
            at = ("aliases", code, index)
            other = seen.setdefault(form.casefold(), code)
            if other != code:
                raise ctx.error(f"aliases: '{form}' is listed for both {other} and {code}", *at,
                                hint="a form must point to one country; remove one")
            if form in ambiguous:
                raise ctx.error(f"aliases: '{form}' is also listed under ambiguous", *at,
                                hint="either map it to a country or list it as ambiguous")
            owner = cldr.get(form)
            if owner and owner != code:
                raise ctx.error(f"aliases: '{form}' is the CLDR name of {owner}, not {code}", *at,
                                hint="remove the alias or move it to the right country")
            aliases[form] = code
    return aliases, excluded, ambiguous
