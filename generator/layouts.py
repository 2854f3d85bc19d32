"""The layouts letters come in and their page furniture (content/knowledge/layouts.yml), validated
and compiled for the cleaner.

`build_layouts(data, path, lines)` checks the file's data and returns a `Layouts`; every problem
is a SourceError naming the file and line. The cleaner (clean.py) only uses the compiled object:
`Layouts.line_match(text, previous, head)` for whole-line furniture and `Layouts.inline` for the
pieces that may stand inside a line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import SourceError
from .knowledge.yamlfile import did_you_mean

LAYOUTS_FILE = "layouts.yml"
MATCHES = ("line", "inline")
ZONES = ("anywhere", "head")
HEAD_LINES = 12                 # the zone "head": the first this many text lines of a file
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = {"name", "layout", "reason", "match", "pattern", "zone", "follows", "page_number", "example"}
REQUIRED = ("name", "layout", "reason", "match", "pattern", "example")


@dataclass(frozen=True)
class Pattern:
    name: str
    layout: str
    reason: str                 # Dutch, shown in the build report
    match: str                  # "line" | "inline"
    regex: re.Pattern[str]
    zone: str = "anywhere"
    follows: tuple[str, ...] = ()
    page_number: bool = False
    example: str = ""


@dataclass(frozen=True)
class HeadBlock:
    """The block at the top of a Kamerstuk's first page, found by its structure (layouts.yml,
    `head_block`): opened by one of the `opens` patterns on the first text line, closed by the
    `number` line or an `ends` line within `max_lines` text lines."""
    reason: str
    opens: tuple[str, ...]
    max_lines: int
    number: re.Pattern[str]
    ends: tuple[re.Pattern[str], ...]
    signature: str = ""             # regex with {dossier}: the page signature; "" = none
    signature_reason: str = ""


@dataclass(frozen=True)
class Layouts:
    layouts: dict[str, str] = field(default_factory=dict)       # key -> Dutch label
    patterns: tuple[Pattern, ...] = ()
    head_block: HeadBlock | None = None
    standalone: re.Pattern[str] | None = None     # lines that are a paragraph of their own
    clause_start: re.Pattern[str] | None = None   # lines that start a paragraph after a clause end

    def __post_init__(self) -> None:
        # one alternation per group, tried in C: far cheaper than a loop over the patterns
        object.__setattr__(self, "_line_any", _combined([p for p in self.patterns if p.zone == "anywhere"]))
        object.__setattr__(self, "_line_head", _combined(list(self.patterns)))
        inline = [p for p in self.patterns if p.match == "inline"]
        object.__setattr__(self, "_inline", re.compile("|".join(f"(?:{p.regex.pattern})" for p in inline))
                           if inline else None)
        object.__setattr__(self, "_inline_patterns", tuple(inline))

    def __repr__(self) -> str:          # stable: part of the letter cache's context
        h = self.head_block
        head = None if h is None else (h.reason, h.opens, h.max_lines, h.number.pattern,
                                       [e.pattern for e in h.ends], h.signature, h.signature_reason)
        alone = [r.pattern if r else None for r in (self.standalone, self.clause_start)]
        return "Layouts(" + repr([(p.name, p.layout, p.reason, p.match, p.regex.pattern, p.zone,
                                   p.follows, p.page_number) for p in self.patterns]) + f", {head!r}, {alone!r})"

    def by_name(self, name: str) -> Pattern:
        return next(p for p in self.patterns if p.name == name)

    def line_match(self, text: str, previous: str | None = None, head: bool = False) -> Pattern | None:
        """The furniture pattern the whole stripped line `text` matches, or None. `previous` is
        the name of the pattern that removed the line before (for `follows`); `head` says the
        line is among the first HEAD_LINES text lines of the file."""
        combined = self._line_head if head else self._line_any
        if combined is None or not text:
            return None
        m = combined.fullmatch(text)
        if m is None:
            return None
        # the alternation gives the first branch that matches; check the others' conditions too
        for p in self.patterns:
            if (p.zone == "head" and not head) or (p.follows and previous not in p.follows):
                continue
            if p.regex.fullmatch(text):
                return p
        return None

    def inline_spans(self, text: str) -> list[tuple[int, int, Pattern]]:
        """(start, end, pattern) of every inline furniture piece in `text`."""
        if self._inline is None:
            return []
        out = []
        for m in self._inline.finditer(text):
            pattern = next(p for p in self._inline_patterns if p.regex.fullmatch(m.group(0)))
            out.append((m.start(), m.end(), pattern))
        return out


def _combined(patterns: list[Pattern]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.regex.pattern})" for p in patterns))


def build_layouts(data: object, path: Path | str = LAYOUTS_FILE, lines: dict[tuple, int] | None = None) -> Layouts:
    """Validate the parsed layouts.yml and compile it. None (no file) gives no patterns."""
    lines = lines or {}
    if data is None:
        return Layouts()
    if not isinstance(data, dict) or set(data) - {"layouts", "furniture", "head_block", "standalone"}:
        raise SourceError(path, "layouts.yml has four parts: 'head_block', 'layouts', 'furniture' and "
                                "'standalone'", line=1,
                          hint="see the comment at the top of content/knowledge/layouts.yml")
    layouts = data.get("layouts") or {}
    if not isinstance(layouts, dict):
        raise SourceError(path, "'layouts' must map a key to {label, source}", line=lines.get(("layouts",)))
    labels = {}
    for key, value in layouts.items():
        if not NAME.match(str(key)) or not isinstance(value, dict) or not isinstance(value.get("label"), str):
            raise SourceError(path, f"layout '{key}' needs a key in lower case and a 'label' text",
                              line=lines.get(("layouts", key)), hint="e.g. kamerstuk: {label: Kamerstuk, source: …}")
        labels[str(key)] = value["label"]
    items = data.get("furniture") or []
    if not isinstance(items, list):
        raise SourceError(path, "'furniture' must be a list of patterns", line=lines.get(("furniture",)))
    patterns: list[Pattern] = []
    for i, item in enumerate(items):
        patterns.append(_pattern(path, item, i, labels, lines))
    names = [p.name for p in patterns]
    for i, p in enumerate(patterns):
        if names.count(p.name) > 1:
            raise SourceError(path, f"the pattern name '{p.name}' is used twice", line=lines.get(("furniture", i)),
                              hint="give every pattern its own name")
        for other in p.follows:
            if other not in names:
                raise SourceError(path, f"pattern '{p.name}' follows an unknown pattern '{other}'",
                                  line=lines.get(("furniture", i, "follows")), hint="known: " + ", ".join(names))
    head = _head_block(path, data.get("head_block"), names, lines)
    return Layouts(labels, tuple(patterns), head, *_standalone(path, data.get("standalone"), lines))


def _standalone(path, items, lines: dict[tuple, int]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The `standalone` lines as two patterns: whole lines (addressee, dateline, salutation: match
    line) and line starts after a clause end (a motion's clauses: match start)."""
    if items is None:
        return None, None
    hint = "see the comment on standalone at the top of content/knowledge/layouts.yml"
    if not isinstance(items, list):
        raise SourceError(path, "'standalone' must be a list of {name, match, pattern, example}",
                          line=lines.get(("standalone",)), hint=hint)
    compiled: dict[str, list[str]] = {"line": [], "start": []}
    for i, item in enumerate(items):
        at = lines.get(("standalone", i))
        if not isinstance(item, dict) or set(item) != {"name", "match", "pattern", "example"} \
                or not all(isinstance(item[k], str) for k in item) or item["match"] not in compiled:
            raise SourceError(path, "a standalone line has the fields name, match (line or start), pattern "
                                    "and example (texts)", line=at, hint=hint)
        try:
            regex = re.compile(_no_groups(item["pattern"]))
        except re.error as exc:
            raise SourceError(path, f"standalone '{item['name']}': not a regular expression: {exc}",
                              line=lines.get(("standalone", i, "pattern"), at), hint=hint) from None
        matches = regex.fullmatch if item["match"] == "line" else regex.match
        if not matches(item["example"]):
            raise SourceError(path, f"standalone '{item['name']}': the pattern does not match its example",
                              line=lines.get(("standalone", i, "example"), at), hint="correct the pattern or the example")
        compiled[item["match"]].append(regex.pattern)
    return tuple(re.compile("|".join(f"(?:{p})" for p in found)) if found else None
                 for found in (compiled["line"], compiled["start"]))


def _head_block(path, item, names: list[str], lines: dict[tuple, int]) -> HeadBlock | None:
    if item is None:
        return None
    where = lines.get(("head_block",))
    hint = "see the comment on head_block at the top of content/knowledge/layouts.yml"
    if not isinstance(item, dict) or set(item) - {"reason", "opens", "max_lines", "number", "ends", "signature"}:
        raise SourceError(path, "head_block has the fields reason, opens, max_lines, number, ends, signature",
                          line=where, hint=hint)
    if not isinstance(item.get("reason"), str) or not item["reason"]:
        raise SourceError(path, "head_block needs a 'reason'", line=where, hint=hint)
    opens = item.get("opens") or []
    if not isinstance(opens, list) or not opens or any(o not in names for o in opens):
        raise SourceError(path, "head_block: 'opens' is a list of furniture pattern names",
                          line=lines.get(("head_block", "opens"), where), hint="known: " + ", ".join(names))
    if not isinstance(item.get("max_lines"), int) or item["max_lines"] < 1:
        raise SourceError(path, "head_block: 'max_lines' is a positive number",
                          line=lines.get(("head_block", "max_lines"), where))

    def regex(value, key, fill=None) -> re.Pattern[str]:
        at = lines.get(("head_block", *key), where)
        if not isinstance(value, dict) or not isinstance(value.get("pattern"), str) \
                or not isinstance(value.get("example"), str):
            raise SourceError(path, f"head_block: {key[0]} needs a 'pattern' and an 'example'", line=at, hint=hint)
        try:
            compiled = re.compile(_no_groups(value["pattern"] if fill is None else value["pattern"].replace(
                "{dossier}", fill)))
        except re.error as exc:
            raise SourceError(path, f"head_block: {key[0]} is not a valid regular expression: {exc}", line=at) from None
        if not compiled.fullmatch(value["example"]):
            raise SourceError(path, f"head_block: {key[0]} does not match its own example {value['example']!r}",
                              line=at, hint="correct the pattern or the example")
        return compiled

    number = regex(item.get("number"), ("number",))
    ends = item.get("ends") or []
    if not isinstance(ends, list) or not ends:
        raise SourceError(path, "head_block: 'ends' is a list of patterns", line=lines.get(("head_block", "ends"), where))
    compiled_ends = tuple(regex(e, ("ends", i)) for i, e in enumerate(ends))
    signature, signature_reason = "", ""
    if item.get("signature") is not None:
        value = item["signature"]
        regex(value, ("signature",), fill=r"\d{3,5}")         # checked with a dossier number in place
        if "{dossier}" not in value["pattern"] or not isinstance(value.get("reason"), str):
            raise SourceError(path, "head_block: signature needs a 'reason' and '{dossier}' in its pattern",
                              line=lines.get(("head_block", "signature"), where), hint=hint)
        signature, signature_reason = _no_groups(value["pattern"]), value["reason"]
    return HeadBlock(item["reason"], tuple(opens), item["max_lines"], number, compiled_ends, signature,
                     signature_reason)


def _pattern(path, item, i: int, labels: dict[str, str], lines: dict[tuple, int]) -> Pattern:
    where = lines.get(("furniture", i))
    if not isinstance(item, dict):
        raise SourceError(path, "each furniture item is a mapping (name, layout, reason, match, pattern, example)",
                          line=where)
    unknown = set(item) - FIELDS
    if unknown:
        name = sorted(unknown)[0]
        raise SourceError(path, f"unknown field '{name}'{did_you_mean(name, sorted(FIELDS))}", line=where,
                          hint="allowed fields: " + ", ".join(sorted(FIELDS)))
    missing = [f for f in REQUIRED if not isinstance(item.get(f), str) or not item.get(f)]
    if missing:
        raise SourceError(path, f"furniture item without '{missing[0]}'", line=where,
                          hint="every item needs: " + ", ".join(REQUIRED))
    name = item["name"]
    at = lambda key: lines.get(("furniture", i, key), where)  # noqa: E731
    if not NAME.match(name):
        raise SourceError(path, f"bad pattern name '{name}'", line=at("name"), hint="lower case and hyphens")
    if item["layout"] not in labels:
        raise SourceError(path, f"pattern '{name}': unknown layout '{item['layout']}'", line=at("layout"),
                          hint="known layouts: " + ", ".join(labels))
    if item["match"] not in MATCHES:
        raise SourceError(path, f"pattern '{name}': match must be line or inline", line=at("match"))
    zone = item.get("zone", "anywhere")
    if zone not in ZONES:
        raise SourceError(path, f"pattern '{name}': zone must be anywhere or head", line=at("zone"))
    follows = item.get("follows") or []
    if not isinstance(follows, list) or not all(isinstance(f, str) for f in follows):
        raise SourceError(path, f"pattern '{name}': follows is a list of pattern names", line=at("follows"))
    if not isinstance(item.get("page_number", False), bool):
        raise SourceError(path, f"pattern '{name}': page_number is true or false", line=at("page_number"))
    try:
        regex = re.compile(item["pattern"])
    except re.error as exc:
        raise SourceError(path, f"pattern '{name}' is not a valid regular expression: {exc}",
                          line=at("pattern"), hint="see https://docs.python.org/3/library/re.html") from None
    if regex.groups:
        regex = re.compile(_no_groups(item["pattern"]))
    if not regex.fullmatch(item["example"]):
        raise SourceError(path, f"pattern '{name}' does not match its own example {item['example']!r}",
                          line=at("example"), hint="correct the pattern or the example")
    if regex.fullmatch(""):
        raise SourceError(path, f"pattern '{name}' matches an empty line", line=at("pattern"))
    return Pattern(name, item["layout"], item["reason"], item["match"], regex, zone, tuple(follows),
                   bool(item.get("page_number", False)), item["example"])


def _no_groups(pattern: str) -> str:
    """Capturing groups made non-capturing, so the patterns combine into one alternation."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


@lru_cache(maxsize=1)
def bundled() -> Layouts:
    """The layouts of the repository's own content/knowledge/layouts.yml: for callers without a
    content folder (tests, `clean()` called on its own). Read once."""
    from .read import read_layouts
    return build_layouts(*read_layouts(Path(__file__).resolve().parents[1] / "content"))
