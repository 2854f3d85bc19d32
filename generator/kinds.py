"""The kinds of document (content/knowledge/kinds.yml): validated, then used by meta and render. Pure.

A `Kinds` object holds, per kind, its Dutch label and plural, its citation template and the
printed document-type heading; the ordered recognition rules (`Rule`: all cues must match); and
a table of party spellings. meta.infer_kind applies the rules, render shows `label(key)`, and
`citation(key, meta)` cites a letter after Aanwijzingen voor de regelgeving 3.43.

    kinds = build_kinds(*read.read_kinds(content_dir))
    kinds.label("motie")            -> "Motie"
    kinds.citation("kamervragen", meta) -> "Aanhangsel Handelingen II 2023/24, nr. 387"
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import SourceError
from .knowledge.yamlfile import Located, did_you_mean

KINDS_FILE = "kinds.yml"
DEFAULT_KIND = "kamerbrief"
KEY = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
KIND_FIELDS = ("label", "plural", "cite", "heading")
SCOPES = ("top", "head", "opening", "all")
SECTIONS = ("kinds", "rules", "parties", "focus")
PLACEHOLDERS = ("chamber", "vergaderjaar", "vergaderjaar_short", "dossier", "number", "nr", "aanhangsel", "date")
EXAMPLE = ("a kind looks like:\n  kinds:\n    motie:\n      label: Motie\n      plural: Moties\n"
           "      cite: \"Kamerstukken {chamber} {vergaderjaar_short}, {dossier}, {nr}\"\n"
           "  rules:\n    - kind: motie\n      cues:\n        - scope: top\n          pattern: '^MOTIE VAN'")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    plural: str = ""
    cite: str = ""
    heading: re.Pattern | None = None


@dataclass(frozen=True)
class Cue:
    scope: str                 # top | head | opening | all (see kinds.yml)
    pattern: re.Pattern


@dataclass(frozen=True)
class Rule:
    kind: str
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Kinds:
    kinds: tuple[Kind, ...] = ()
    rules: tuple[Rule, ...] = ()
    parties: tuple[tuple[str, str], ...] = ()       # (normalised spelling, party name)
    path: Path | None = None
    fingerprint: str = ""                            # the file's data, for the letter cache's key
    focus: re.Pattern | None = None                  # the collection's subject (kinds.yml "focus")
    _by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update({k.key: k for k in self.kinds})

    @property
    def default(self) -> str:
        return DEFAULT_KIND

    def keys(self) -> list[str]:
        """The kinds in the order of the file (the order of overviews)."""
        return [k.key for k in self.kinds]

    def get(self, key: str) -> Kind | None:
        return self._by_key.get(key)

    def label(self, key: str) -> str:
        """Dutch label; a kind the file does not know still gets a readable one."""
        kind = self._by_key.get(key)
        if kind:
            return kind.label
        return key.replace("-", " ").capitalize() if key else "soort onbekend"

    def plural(self, key: str) -> str:
        kind = self._by_key.get(key)
        return kind.plural or kind.label if kind else self.label(key)

    def citation(self, key: str, meta) -> str:
        """The official citation of a letter with this kind and Meta, or "" when a value the
        template needs is unknown."""
        kind = self._by_key.get(key)
        if not kind or not kind.cite:
            return ""
        values = citation_values(meta)
        names = re.findall(r"{(\w+)}", kind.cite)
        if not all(values.get(n) for n in names):
            return ""
        return kind.cite.format(**values)

    def missing(self, key: str, meta) -> list[str]:
        """The Meta fields the kind's citation needs and the letter lacks (Dutch names)."""
        kind = self._by_key.get(key)
        if not kind or not kind.cite:
            return []
        values = citation_values(meta)
        names = {"chamber": "Kamer", "vergaderjaar": "vergaderjaar", "vergaderjaar_short": "vergaderjaar",
                 "dossier": "dossier", "number": "nummer", "nr": "nummer", "aanhangsel": "Aanhangsel-nummer",
                 "date": "datum"}
        return list(dict.fromkeys(names[n] for n in re.findall(r"{(\w+)}", kind.cite) if not values.get(n)))

    def party(self, text: str) -> str:
        """A party as the site writes it ("P.v.d.A." -> "PvdA"); unknown spellings unchanged."""
        norm = _party_key(text)
        for spelling, name in self.parties:
            if spelling == norm:
                return name
        return " ".join(text.split())

    def unknown(self, key: str, path: Path | str, line: int | None = None) -> SourceError:
        """The error for a sidecar naming a kind the file does not have."""
        where = self.path or Path("content/knowledge") / KINDS_FILE
        return SourceError(path, f"unknown kind '{key}'{did_you_mean(key, self.keys())}", line=line,
                           hint=f"kind: one of {', '.join(self.keys())} (the kinds of {where}); "
                                f"add a new kind there first")


def citation_values(meta) -> dict[str, str]:
    from babel.dates import format_date
    year = meta.vergaderjaar or ""
    short = f"{year[:4]}/{year[-2:]}" if re.fullmatch(r"\d{4}-\d{4}", year) else ""
    return {"chamber": meta.chamber, "vergaderjaar": year, "vergaderjaar_short": short,
            "dossier": meta.dossier, "number": meta.number, "aanhangsel": meta.aanhangsel,
            # "nr. 187" in the Tweede Kamer; a letter without "nr." in the Eerste Kamer ("B")
            "nr": (meta.number if meta.number.isalpha() else f"nr. {meta.number}") if meta.number else "",
            "date": format_date(meta.date, format="long", locale="nl") if meta.date else ""}


def _party_key(text: str) -> str:
    return re.sub(r"[\s.]+", "", text).lower()


def build_kinds(data: object, path: Path | str = Path("content/knowledge") / KINDS_FILE,
                lines: dict[tuple, int] | None = None) -> Kinds:
    """Validate the parsed kinds file. Errors name the file, the entry and the line."""
    where = Located(path, lines)
    path, error = where.path, where.error
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict) or not data["kinds"]:
        raise error("the kinds file needs a 'kinds:' section with at least one kind", hint=EXAMPLE)
    where.check_fields("", data, SECTIONS, "sections: " + ", ".join(SECTIONS), what="section")
    kinds = []
    for key, entry in data["kinds"].items():
        key = str(key)
        if not KEY.match(key):
            raise error(f"'{key}' is not a kind key", "kinds", key,
                        hint="lower-case letters, digits and hyphens, e.g. artikel-100-brief")
        if not isinstance(entry, dict):
            raise error(f"{key}: the entry must be a list of 'field: value' lines", "kinds", key, hint=EXAMPLE)
        where.check_fields(key, entry, KIND_FIELDS, "fields: " + ", ".join(KIND_FIELDS), "kinds", key)
        for name in KIND_FIELDS:
            if name in entry and not isinstance(entry[name], str):
                raise error(f"{key}: '{name}' must be text", "kinds", key, name, hint=EXAMPLE)
        if not str(entry.get("label", "")).strip():
            raise error(f"{key}: 'label' is missing or empty", "kinds", key, hint=EXAMPLE)
        cite = entry.get("cite", "")
        for placeholder in re.findall(r"{(\w*)}", cite):
            if placeholder not in PLACEHOLDERS:
                raise error(f"{key}: unknown placeholder '{{{placeholder}}}' in 'cite'", "kinds", key, "cite",
                            hint="placeholders: " + ", ".join("{%s}" % p for p in PLACEHOLDERS))
        heading = _compile(where, entry["heading"], ("kinds", key, "heading")) if entry.get("heading") else None
        kinds.append(Kind(key, " ".join(entry["label"].split()), " ".join(str(entry.get("plural", "")).split()),
                          cite, heading))
    if kinds[0].key != DEFAULT_KIND and DEFAULT_KIND not in {k.key for k in kinds}:
        raise error(f"the default kind '{DEFAULT_KIND}' is missing", "kinds", hint=EXAMPLE)
    known = {k.key for k in kinds}
    rules = []
    for i, rule in enumerate(data.get("rules") or []):
        if not isinstance(rule, dict) or set(rule) != {"kind", "cues"} or not isinstance(rule["cues"], list) \
                or not rule["cues"]:
            raise error(f"rule {i + 1}: a rule has 'kind' and a list of 'cues'", "rules", i, hint=EXAMPLE)
        if rule["kind"] not in known:
            guess = did_you_mean(rule["kind"], sorted(known))
            raise error(f"rule {i + 1}: unknown kind '{rule['kind']}'{guess}", "rules", i, "kind",
                        hint="kinds: " + ", ".join(sorted(known)))
        cues = []
        for j, cue in enumerate(rule["cues"]):
            if not isinstance(cue, dict) or set(cue) != {"scope", "pattern"} or cue["scope"] not in SCOPES:
                raise error(f"rule {i + 1}, cue {j + 1}: a cue has 'scope' ({', '.join(SCOPES)}) and 'pattern'",
                            "rules", i, "cues", j, hint=EXAMPLE)
            cues.append(Cue(cue["scope"], _compile(where, cue["pattern"], ("rules", i, "cues", j, "pattern"))))
        rules.append(Rule(rule["kind"], tuple(cues)))
    parties = []
    for name, spellings in (data.get("parties") or {}).items():
        if not isinstance(spellings, list):
            raise error(f"party {name}: a list of spellings, e.g. PvdA: [P.v.d.A.]", "parties", name)
        parties += [(_party_key(str(s)), str(name)) for s in [name, *spellings]]
    focus = _compile(where, data["focus"], ("focus",)) if data.get("focus") is not None else None
    fingerprint = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return Kinds(tuple(kinds), tuple(rules), tuple(parties), path, fingerprint, focus=focus)


def _compile(where: Located, pattern: object, at: tuple) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise where.error(f"{'/'.join(map(str, at))}: a pattern must be non-empty text", *at)
    try:
        return re.compile(pattern, re.MULTILINE)
    except re.error as exc:
        raise where.error(f"{'/'.join(map(str, at))}: not a valid regular expression ({exc})", *at,
                          hint="a Python regular expression; quote it with single quotes in YAML") from None


DEFAULT_FILE = Path(__file__).resolve().parent.parent / "content" / "knowledge" / KINDS_FILE


@lru_cache(maxsize=1)
def default_kinds() -> Kinds:
    """The project's own kinds file, for callers that pass none (tests, a content folder
    without content/knowledge/kinds.yml)."""
    from .read import read_kinds
    return build_kinds(*read_kinds(None))
