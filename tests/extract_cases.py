"""Helpers for the extractor tests: fixture cases and the letters as paragraphs.

A fixture file (tests/fixtures/extract/<kind>.txt) holds one case per line:

    input text  =>  key1, key2*

keys in the order the hits appear; a `*` marks an indirect hit (explicit=False); an empty right
side means "no hit". `#` starts a comment line; blank lines are skipped. A case may pin a hit's
surface with `key="surface"` (26150-168="Kamerstuk 26 150, nr. 168").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "extract"
LETTERS = REPO / "content" / "letters"


@dataclass(frozen=True)
class Expected:
    key: str
    explicit: bool
    surface: str | None = None


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    expected: tuple[Expected, ...]


_ITEM = re.compile(r'\s*(?P<key>[^,="\s]+?)(?P<star>\*?)(?:="(?P<surface>[^"]*)")?\s*(?:,|$)')


def _expected(right: str, where: str) -> tuple[Expected, ...]:
    items, pos = [], 0
    right = right.strip()
    while pos < len(right):
        m = _ITEM.match(right, pos)
        if m is None or m.end() == pos:
            raise ValueError(f"{where}: cannot read expected hits from {right[pos:]!r}")
        items.append(Expected(m.group("key"), not m.group("star"), m.group("surface")))
        pos = m.end()
    return tuple(items)


def load_cases(name: str) -> list[Case]:
    """The cases of tests/fixtures/extract/<name>.txt, each with its line number."""
    cases = []
    for number, raw in enumerate((FIXTURES / name).read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if "=>" not in raw:
            raise ValueError(f"{name}:{number}: no '=>' in case line")
        text, _, right = raw.partition("  =>")
        if not _:
            text, _, right = raw.partition("=>")
        cases.append(Case(number, text.strip(), _expected(right, f"{name}:{number}")))
    return cases


def parametrize_cases(name: str):
    """pytest.mark.parametrize over the cases of a fixture file, ids "<name>:<line>"."""
    cases = load_cases(name)
    return pytest.mark.parametrize("case", cases, ids=[f"{name}:{c.line}" for c in cases])


def check(case: Case, hits) -> None:
    """The hits match the case, every surface is its slice of the text, and hits are ordered."""
    for hit in hits:
        assert hit.surface == case.text[hit.start:hit.end], hit
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:])), f"overlapping or unsorted: {hits}"
    got = [(h.key, h.explicit) for h in hits]
    assert got == [(e.key, e.explicit) for e in case.expected], f"line {case.line}: {case.text!r}"
    for hit, exp in zip(hits, case.expected):
        if exp.surface is not None:
            assert hit.surface == exp.surface


_HYPHEN_BREAK = re.compile(r"-[ \t]*\n[ \t]*(?=[a-zà-ÿ])")


def letter_paragraphs(path: Path) -> list[str]:
    """A letter's raw text as paragraphs: split on blank lines, lines joined with spaces, a hyphen
    at a line end joined to a lower-case continuation ("lidmaat-\\nschap"); kept before a capital
    ("Saudi-\\nArabië")."""
    text = _HYPHEN_BREAK.sub("", path.read_text(encoding="utf-8"))
    text = re.sub(r"-[ \t]*\n[ \t]*", "-", text)
    return [" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", text) if block.strip()]


def corpus() -> dict[str, list[str]]:
    """Letter file stem -> its paragraphs, for every .txt letter."""
    return {p.stem: letter_paragraphs(p) for p in sorted(LETTERS.glob("*.txt"))}
