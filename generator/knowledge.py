"""The maintainers' knowledge base for cross-links: UN missions, Security Council resolutions and
Dutch country names, as YAML under content/knowledge/ - validated here, without any I/O.

read.read_knowledge() reads the three files and hands their text, parsed by parse_knowledge_yaml(),
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
import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import yaml

from .errors import SourceError, shorten

KNOWLEDGE_DIR = Path("content") / "knowledge"
KNOWLEDGE_FILES = {"missions": "missions.yml", "resolutions": "resolutions.yml",
                   "countries": "countries.yml"}

MISSION_KEY = r"^[A-Z][A-Z0-9-]{2,12}$"
RESOLUTION_NUMBER = r"^[0-9]{1,4}$"
ISO_CODE = r"^[A-Z]{2}$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
MISSION_TYPES = ("peacekeeping", "political", "support")
ORGANISATIONS = ("UN", "AU")
UNDOCS = "https://undocs.org/S/RES/{number}({year})"

# CLDR "territories" that are not countries: EU, eurozone, UN, "outlying Oceania", pseudo-locales,
# unknown, and the exceptionally reserved codes (Ascension, Clipperton, Sark, Diego Garcia,
# Ceuta and Melilla, Canary Islands, Tristan da Cunha). "Verenigde Naties" must never be a country.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ",
                           "AC", "CP", "CQ", "DG", "EA", "IC", "TA"})


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
}
ENTRY_FIELDS = {"missions": tuple(MISSION_SCHEMA["properties"]),
                "resolutions": tuple(RESOLUTION_SCHEMA["properties"])}


# --- YAML text -> data (pure: the caller reads the file) -------------------------------------

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):     # libyaml's parser where present
    """SafeLoader that keeps dates as text (checked later, with the field named) and only reads
    true/false as booleans, so Norway's code NO stays "NO" instead of becoming False."""


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return loader.construct_scalar(node)


def _bool(loader: yaml.SafeLoader, node: yaml.Node) -> bool | str:
    value = loader.construct_scalar(node)
    return {"true": True, "false": False}.get(value.lower(), value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _scalar)
_Loader.add_constructor("tag:yaml.org,2002:bool", _bool)


def parse_knowledge_yaml(path: Path | str, text: str) -> tuple[object, dict[tuple, int]]:
    """Parse one knowledge file: its data and the 1-based line of every key and list item.

    Raises SourceError (with the line) for invalid YAML, for a key written twice in one
    mapping, which YAML would otherwise silently resolve by keeping the last one, and for an
    alias (*name), which could make a few lines expand into gigabytes.
    """
    return load_yaml(path, text, _Loader)


def load_yaml(path: Path | str, text: str, loader_class=_Loader) -> tuple[object, dict[tuple, int]]:
    """YAML text -> (data, line of every key path), checked before anything is built: no key
    twice in a mapping and no aliases. Used for the knowledge files and the sidecars (read.py,
    with YAML's own types: `loader_class`). A value YAML cannot build (a date that does not
    exist) raises the loader's ValueError for the caller to word."""
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            lines: dict[tuple, int] = {}
            if node is not None:
                _walk(path, node, (), lines, {})
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise SourceError(path, f"invalid YAML: {shorten(problem)}", line=mark.line + 1 if mark else None,
                          hint="check indentation and quoting; put text containing ':' in quotes"
                          ) from None
    return data, lines


def _walk(path: Path | str, node: yaml.Node, at: tuple, lines: dict[tuple, int],
          seen_nodes: dict[int, int]) -> None:
    """Line of every key path; a key written twice or an alias is a SourceError.

    An alias (*name) makes the composer hand out the anchored node again: the same node object
    in two places. That is refused as soon as it is met, before anything is expanded."""
    if id(node) in seen_nodes:
        where = " > ".join(map(str, at)) or "the document"
        raise SourceError(path, f"'{shorten(where)}' repeats the value of line {seen_nodes[id(node)]} "
                          "through a YAML alias (*name)", line=lines.get(at),
                          hint="anchors (&name) and aliases (*name) are not allowed here: "
                          "write the value out in full")
    seen_nodes[id(node)] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name, line = str(key.value), key.start_mark.line + 1
            if not isinstance(key, yaml.ScalarNode):
                raise SourceError(path, "a key that is a list or a mapping", line=line,
                                  hint="write keys as plain text")
            if name in seen:
                where = " > ".join(map(str, at + (name,)))
                raise SourceError(path, f"'{shorten(where)}' is written twice (lines {seen[name]} and {line})",
                                  line=line, hint="YAML would silently keep only the last one; "
                                  "merge the two or remove one")
            seen[name] = line
            lines[at + (name,)] = line
            _walk(path, value, at + (name,), lines, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[at + (index,)] = item.start_mark.line + 1
            _walk(path, item, at + (index,), lines, seen_nodes)


class Located:
    """Errors for one parsed knowledge file, pointing at the line of an entry or field path
    (used by the themes and glossary loaders; this module's own checks use _Context)."""

    def __init__(self, path: Path | str, lines: dict[tuple, int] | None) -> None:
        self.path, self.lines = Path(path), lines or {}

    def error(self, message: str, *at: object, hint: str = "") -> SourceError:
        line = next((self.lines[at[:i]] for i in range(len(at), 0, -1) if at[:i] in self.lines), None)
        return SourceError(self.path, message, line=line, hint=hint)

    def check_fields(self, key: str, entry: dict, fields: tuple[str, ...], hint: str) -> None:
        """An unknown field in an entry is an error, with a did-you-mean where one is close."""
        for name in entry:
            if name not in fields:
                close = difflib.get_close_matches(str(name), fields, n=1)
                guess = f" (did you mean '{close[0]}'?)" if close else ""
                raise self.error(f"{key}: unknown field '{name}'{guess}", key, name, hint=hint)


# --- raw -> Knowledge ------------------------------------------------------------------------

class _Context:
    """The file being checked: where to point errors and warnings."""

    def __init__(self, kind: str, raw: dict) -> None:
        self.kind = kind
        self.path = Path((raw.get("paths") or {}).get(kind) or KNOWLEDGE_DIR / KNOWLEDGE_FILES[kind])
        self.lines: dict[tuple, int] = (raw.get("lines") or {}).get(kind) or {}

    def line(self, *at: object) -> int | None:
        at_t = tuple(at)
        while at_t:
            if at_t in self.lines:
                return self.lines[at_t]
            at_t = at_t[:-1]
        return None

    def hint(self, name: str) -> str:
        return HINTS[self.kind].get(name, "")

    def error(self, message: str, *at: object, hint: str = "") -> SourceError:
        """An error at an entry/field path, e.g. ("MINUSMA", "start"); the hint defaults to
        the one of the deepest field named in the path."""
        named = [str(p) for p in reversed(at) if isinstance(p, str) and p in HINTS[self.kind]]
        return SourceError(self.path, message, line=self.line(*at),
                           hint=hint or (self.hint(named[0]) if named else ""))

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
    return Knowledge(missions=missions, resolutions=resolutions, country_aliases=aliases,
                     excluded_countries=excluded, ambiguous_country_names=ambiguous,
                     warnings=warnings)


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
        for field_name in entry:
            if field_name not in ENTRY_FIELDS[ctx.kind]:
                close = difflib.get_close_matches(str(field_name), ENTRY_FIELDS[ctx.kind], n=1)
                guess = f" (did you mean '{close[0]}'?)" if close else ""
                raise ctx.error(f"{name}: unknown field '{field_name}'{guess}", name, field_name,
                                hint="allowed fields: " + ", ".join(ENTRY_FIELDS[ctx.kind]))
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


def schema_error_text(error: jsonschema.ValidationError) -> str:
    """jsonschema's message with the offending value cut short: it quotes the whole value
    ("'…' is not of type 'string'"), which may be a page of text."""
    whole = repr(error.instance)
    return error.message.replace(whole, shorten(whole)) if len(whole) > 80 else shorten(error.message, 300)


@functools.cache
def _validator(title: str) -> jsonschema.protocols.Validator:
    schema = next(s for s in (MISSION_SCHEMA, RESOLUTION_SCHEMA, COUNTRIES_SCHEMA)
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
    known = _territories()
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
        for form, at in _mission_forms(mission):
            other = forms.setdefault(form.casefold(), key)
            if other != key:
                raise ctx.error(f"{key}: '{form}' is also a name of {other}", key, *at,
                                hint="a name or alias must point to one mission; remove one")
        _mission_references(ctx, mission, resolutions, warnings)
        out[key] = mission
    return out


def _mission_forms(mission: Mission) -> list[tuple[str, tuple]]:
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
    for section in data:
        if section not in COUNTRIES_SCHEMA["properties"]:
            close = difflib.get_close_matches(str(section), list(COUNTRIES_SCHEMA["properties"]), n=1)
            guess = f" (did you mean '{close[0]}'?)" if close else ""
            raise ctx.error(f"unknown section '{section}'{guess}", section,
                            hint="allowed sections: " + ", ".join(COUNTRIES_SCHEMA["properties"]))
    data = {section: value if value is not None else ({} if section != "exclude" else [])
            for section, value in data.items()}
    _check_schema(ctx, COUNTRIES_SCHEMA, data)
    known, cldr = _territories(), _cldr_names()
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


# --- tables for the extractors and templates --------------------------------------------------

def mission_names(k: Knowledge) -> dict[str, str]:
    """Surface form -> mission key: the acronym, the English name, the Dutch name, the aliases."""
    names: dict[str, str] = {}
    for mission in k.missions.values():
        for form, _ in _mission_forms(mission):
            names[form] = mission.key
    return names


def country_names(k: Knowledge, cldr: dict[str, str]) -> dict[str, str]:
    """Surface form -> ISO code: CLDR's Dutch names plus the aliases, minus excluded countries
    and minus the forms listed as ambiguous.

    `cldr` may be {code: name} (babel.Locale("nl").territories) or {name: code}. CLDR's
    pseudo-territories (EU, UN, ...) are dropped; a name with a parenthesis or " SAR van China"
    also gives its short form ("Myanmar (Birma)" -> "Myanmar" and "Birma"). Aliases win over
    CLDR names.
    """
    names: dict[str, str] = {}
    for first, second in cldr.items():
        code, name = (first, second) if re.fullmatch(ISO_CODE, first) else (second, first)
        if not re.fullmatch(ISO_CODE, code) or code in NOT_COUNTRIES:
            continue
        for form in _name_forms(name):
            names.setdefault(form, code)
    names.update(k.country_aliases)
    return {form: code for form, code in names.items()
            if code not in k.excluded_countries and form not in k.ambiguous_country_names}


def country_name(code: str) -> str:
    """The Dutch display name of a country for page titles: "SY" -> "Syrië",
    "MM" -> "Myanmar", "HK" -> "Hongkong". Raises KeyError for an unknown code."""
    try:
        return _short_name(_territories()[code])
    except KeyError:
        raise KeyError(f"unknown country code {code!r}") from None


def resolution_url(number: str, year: int) -> str:
    """The undocs.org address of a Security Council resolution."""
    return UNDOCS.format(number=number, year=year)


def _short_name(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return re.sub(r"\s+SAR van China$", "", name).strip()


def _name_forms(name: str) -> list[str]:
    forms = [name, _short_name(name)]
    forms += [inner.strip() for inner in re.findall(r"\(([^)]*)\)", name)]
    return list(dict.fromkeys(f for f in forms if f))


@functools.cache
def _territories() -> dict[str, str]:
    """ISO code -> Dutch name for every real country or territory CLDR knows."""
    import babel

    return {code: name for code, name in babel.Locale("nl").territories.items()
            if re.fullmatch(ISO_CODE, code) and code not in NOT_COUNTRIES}


@functools.cache
def _cldr_names() -> dict[str, str]:
    """Every CLDR surface form (full and short) -> ISO code."""
    out: dict[str, str] = {}
    for code, name in _territories().items():
        for form in _name_forms(name):
            out.setdefault(form, code)
    return out
