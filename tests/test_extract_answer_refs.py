"""Answer references in a written Q&A round: fixture cases (tests/fixtures/extract/answer_refs.txt)."""
from __future__ import annotations

from extract_cases import check, parametrize_cases
from generator.extract import answer_refs


@parametrize_cases("answer_refs.txt")
def test_case(case):
    refs = answer_refs.find(case.text)
    assert all(r.number == int(r.key) for r in refs)
    check(case, refs)
