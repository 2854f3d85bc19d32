"""UN bodies, funds, programmes and agencies: content/knowledge/bodies.yml -> Body. Pure.

One entry per body under its English acronym in capitals (UNGA, UNSC, UNICEF, UN-HABITAT). The
schema and hints live here; base.build_knowledge calls build_bodies() with its file context, the
mission forms and the country forms, so that a name points to one thing only: a form used by two
bodies, or by a body and a mission or a country, is an error naming the file and line. A parent
that is not in the file is a warning.

Forms a body is found by (body_forms): its key, its abbreviations (as written), its English and
Dutch names, its aliases, its former names and their abbreviations. Its shared names ("Algemene
Vergadering", "Secretaris-Generaal": names other organisations use too) are found only where the
context says it is the UN's (extract/bodies.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

BODY_KEY = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$"
BODY_TYPES = ("principal-organ", "subsidiary-organ", "department", "fund-programme",
              "specialized-agency", "related-organisation", "treaty-body")
# The organisation itself is never a body: these may not be a body's form.
NOT_BODIES = frozenset(f.casefold() for f in (
    "Verenigde Naties", "VN", "V.N.", "UNO", "U.N.O.", "UN", "U.N.", "United Nations",
    "Organisatie der Verenigde Naties", "Organisatie van de Verenigde Naties"))


@dataclass(frozen=True)
class FormerName:
    name: str
    abbreviation: str = ""
    until: int | None = None              # the last year it was used, when known


@dataclass(frozen=True)
class Body:
    key: str                              # "UNGA"
    name: str                             # official English name
    type: str                             # one of BODY_TYPES
    source: str                           # authoritative URL
    name_nl: str = ""                     # Dutch name, when there is a sure one
    abbreviations: tuple[str, ...] = ()   # matched exactly as written: "AVVN", "Unesco"
    aliases: tuple[str, ...] = ()
    shared_names: tuple[str, ...] = ()    # found only in a UN context: "Algemene Vergadering"
    former_names: tuple[FormerName, ...] = ()
    established: int | None = None
    ended: int | None = None
    parent: str = ""                      # key of the body it belongs to


_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_URL = {"type": "string", "pattern": r"^https?://[^\s/]+\.[^\s]+$"}
_YEAR = {"type": "integer", "minimum": 1800, "maximum": 2100}
_FORMS = {"type": "array", "items": _TEXT, "uniqueItems": True}

def _closed(title: str, required: list[str], properties: dict) -> dict:
    """A JSON Schema (draft 2020-12) object with these properties and no others."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "type": "object",
            "additionalProperties": False, "required": required, "properties": properties}


BODY_SCHEMA: dict = _closed("One body in content/knowledge/bodies.yml", ["name", "type", "source"], {
    "name": _TEXT,
    "name_nl": _TEXT,
    "abbreviations": _FORMS,
    "aliases": _FORMS,
    "shared_names": _FORMS,
    "former_names": {"type": "array", "items": _closed("A former name", ["name"], {
        "name": _TEXT, "abbreviation": _TEXT, "until": _YEAR})},
    "type": {"enum": list(BODY_TYPES)},
    "established": _YEAR,
    "ended": _YEAR,
    "parent": {"type": "string", "pattern": BODY_KEY},
    "source": _URL,
})

BODY_HINTS = {
    "name": 'the official English name, e.g. name: "United Nations Children\'s Fund"',
    "name_nl": "the Dutch name the government uses; leave the field out when unsure",
    "abbreviations": 'a list of abbreviations exactly as written, e.g. abbreviations: [AVVN, UNGA]',
    "aliases": 'a list of other names, e.g. aliases: ["VN-Veiligheidsraad", "Security Council"]; '
               "no empty entries; use aliases: [] for none",
    "shared_names": 'names other organisations use too, e.g. shared_names: ["Algemene Vergadering"]',
    "former_names": 'a list like - {name: "United Nations Fund for Population Activities", until: 1987} '
                    "(abbreviation: optional)",
    "type": "one of: " + ", ".join(BODY_TYPES),
    "established": "the year it was founded, e.g. established: 1946; leave out when unsure",
    "ended": "the year it ended, e.g. ended: 2006; leave out while it exists",
    "parent": "the key of the body it belongs to in bodies.yml, e.g. parent: UNGA",
    "source": "a full https:// address of an authoritative page (un.org, the body's own site)",
}


def body_forms(body: Body) -> list[tuple[str, tuple]]:
    """Every form a body is found by, with its field path (for messages); shared names not."""
    forms = [(body.key, ()), (body.name, ("name",))]
    if body.name_nl:
        forms.append((body.name_nl, ("name_nl",)))
    forms += [(a, ("abbreviations", i)) for i, a in enumerate(body.abbreviations)]
    forms += [(a, ("aliases", i)) for i, a in enumerate(body.aliases)]
    for i, former in enumerate(body.former_names):
        forms.append((former.name, ("former_names", i, "name")))
        if former.abbreviation:
            forms.append((former.abbreviation, ("former_names", i, "abbreviation")))
    return forms


def build_bodies(ctx, data: object, taken: dict[str, str], warnings: list[str]) -> dict[str, Body]:
    """Validate the parsed bodies.yml (ctx: base._Context for "bodies"). `taken`: the casefolded
    forms of the missions and countries -> what they name ("mission UNTSO", "country SY")."""
    from .base import _as_text, _check_schema, _entries

    key_hint = "the body's English acronym in capitals as the key, e.g. UNICEF:"
    out: dict[str, Body] = {}
    owner: dict[str, str] = {}                 # casefolded form -> body key
    entries = _entries(ctx, data, BODY_KEY, key_hint)
    for key, entry in entries.items():
        checked = {k: _as_text(v) for k, v in entry.items()}
        _check_schema(ctx, BODY_SCHEMA, checked, key)
        body = Body(
            key=key, name=checked["name"].strip(), type=checked["type"], source=checked["source"],
            name_nl=checked.get("name_nl", "").strip(),
            abbreviations=tuple(a.strip() for a in checked.get("abbreviations", [])),
            aliases=tuple(a.strip() for a in checked.get("aliases", [])),
            shared_names=tuple(a.strip() for a in checked.get("shared_names", [])),
            former_names=tuple(FormerName(f["name"].strip(), f.get("abbreviation", "").strip(), f.get("until"))
                               for f in checked.get("former_names", [])),
            established=checked.get("established"), ended=checked.get("ended"),
            parent=checked.get("parent", ""))
        if body.established and body.ended and body.ended < body.established:
            raise ctx.error(f"{key}: ended {body.ended} is before established {body.established}",
                            key, "ended")
        for index, former in enumerate(body.former_names):
            if former.until and body.established and former.until < body.established:
                raise ctx.error(f"{key}: former name used until {former.until}, before it was "
                                f"established ({body.established})", key, "former_names", index, "until")
        if body.parent == key:
            raise ctx.error(f"{key}: a body cannot be its own parent", key, "parent")
        shared = [(s, ("shared_names", i)) for i, s in enumerate(body.shared_names)]
        for form, at in body_forms(body) + shared:
            folded = form.casefold()
            if folded in NOT_BODIES:
                raise ctx.error(f"{key}: '{form}' names the United Nations itself, not a body", key, *at,
                                hint="remove it: the organisation itself is never a body mention")
            if folded in taken:
                raise ctx.error(f"{key}: '{form}' is also the name of {taken[folded]}", key, *at,
                                hint="a name must point to one thing; remove it here or there")
            other = owner.setdefault(folded, key)
            if other != key:
                raise ctx.error(f"{key}: '{form}' is also a name of {other}", key, *at,
                                hint="a name or abbreviation must point to one body; remove one")
            if not re.search(r"\w", form):
                raise ctx.error(f"{key}: '{form}' has no letters", key, *at)
        out[key] = body
    for body in out.values():
        if body.parent and body.parent not in out:
            ctx.warn(warnings, f"{body.key}: parent {body.parent} is not in bodies.yml - add it there "
                     "or correct the key", body.key, "parent")
    return out
