"""The one YAML reader for everything a maintainer writes in YAML: the sidecars, the knowledge
files (missions, resolutions, countries), themes, glossary, kinds and layouts. Pure: the caller
reads the file and hands over its text.

`load_yaml(path, text)` returns the data and the 1-based line of every key path; invalid YAML, a
key written twice and aliases (*name) become a SourceError naming the file and line. `Located`
points later errors at those lines; `did_you_mean` is the one "unknown field" suggestion.
"""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Iterable

import jsonschema
import yaml

from ..errors import SourceError, shorten


class TextDates(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):     # libyaml's parser where present
    """SafeLoader that keeps dates as text (checked later, with the field named) and only reads
    true/false as booleans, so Norway's code NO stays "NO" instead of becoming False. For the
    knowledge files."""


class TypedDates(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML's safe types (a date is a datetime.date). For the sidecars."""


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return loader.construct_scalar(node)


def _bool(loader: yaml.SafeLoader, node: yaml.Node) -> bool | str:
    value = loader.construct_scalar(node)
    return {"true": True, "false": False}.get(value.lower(), value)


TextDates.add_constructor("tag:yaml.org,2002:timestamp", _scalar)
TextDates.add_constructor("tag:yaml.org,2002:bool", _bool)


def parse_knowledge_yaml(path: Path | str, text: str) -> tuple[object, dict[tuple, int]]:
    """Parse one knowledge file: its data and the 1-based line of every key and list item.

    Raises SourceError (with the line) for invalid YAML, for a key written twice in one
    mapping, which YAML would otherwise silently resolve by keeping the last one, and for an
    alias (*name), which could make a few lines expand into gigabytes.
    """
    return load_yaml(path, text, TextDates)


def load_yaml(path: Path | str, text: str, loader_class=TextDates,
              date_hint: str = "") -> tuple[object, dict[tuple, int]]:
    """YAML text -> (data, line of every key path), checked before anything is built: no key
    twice in a mapping and no aliases. A date YAML recognises but that does not exist (only
    `TypedDates` builds dates: date: 2019-02-30) is a SourceError at the line of `date`, with
    `date_hint`."""
    lines: dict[tuple, int] = {}
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
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
    except ValueError as exc:
        raise SourceError(path, f"a date that does not exist ({shorten(str(exc))})", line=lines.get(("date",)),
                          hint=date_hint) from None
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


def did_you_mean(name: object, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the choice closest to a misspelt name, else ''."""
    close = difflib.get_close_matches(str(name), list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Located:
    """Errors for one parsed YAML file, pointing at the line of an entry or field path: the
    deepest prefix of the path the file has a line for."""

    def __init__(self, path: Path | str, lines: dict[tuple, int] | None) -> None:
        self.path, self.lines = Path(path), lines or {}

    def line(self, *at: object) -> int | None:
        return next((self.lines[at[:i]] for i in range(len(at), 0, -1) if at[:i] in self.lines), None)

    def error(self, message: str, *at: object, hint: str = "") -> SourceError:
        return SourceError(self.path, message, line=self.line(*at), hint=hint)

    def check_fields(self, label: str, entry: dict, fields: Iterable[str], hint: str, *at: object,
                     what: str = "field") -> None:
        """An unknown field (or section) in an entry is an error, with a did-you-mean where one is
        close. `label` starts the message ("" for none); `at` is the entry's path (default: the
        label)."""
        fields = tuple(fields)
        for name in entry:
            if name not in fields:
                prefix = f"{label}: " if label else ""
                raise self.error(f"{prefix}unknown {what} '{name}'{did_you_mean(name, fields)}",
                                 *(at or ((label,) if label else ())), name, hint=hint)


def schema_error_text(error: jsonschema.ValidationError) -> str:
    """jsonschema's message with the offending value cut short: it quotes the whole value
    ("'…' is not of type 'string'"), which may be a page of text."""
    whole = repr(error.instance)
    return error.message.replace(whole, shorten(whole)) if len(whole) > 80 else shorten(error.message, 300)
