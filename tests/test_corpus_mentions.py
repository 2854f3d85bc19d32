"""Every mention a careful reader sees on a real page is found and linked, and nothing else is.

tests/fixtures/mentions/sgd/<stem>.yml holds what a person read on the OCR page
../shared/corpus/sgd/<stem>.txt (written by reading the page, not from the extractor's output);
tests/fixtures/mentions/letters/<name>.yml the same for a bundled letter in content/letters/. Each
file lists, per occurrence and in text order:

- mentions:     {line, kind, key, surface}: required (E);
- garbled:      seen by a reader but damaged by OCR ("Veiligheidsiaad"): not required, not wrong if found;
- optional:     seen but not required for another reason the file gives (English text quoted in a
                Dutch letter, a colony's adjective): not wrong if found with that key;
- not_mentions: {line, surface, why}: looks like a mention but is not (documentation of the trap;
                anything found there is an extra like any other).

Per page the pipeline's mentions (F, as (kind, key, line), a multiset) are compared with E:
missing = E - F, extra = (F - E) - (garbled + optional). What the generator still gets wrong is
listed in KNOWN_GAPS per page as (kind, key, line, why); such a triple is left out of the page's
check, and each gap is also a strict-xfail case of its own, so fixing a gap fails the suite until
it is taken off the list.
"""
from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
import yaml

from generator.extract.base import KINDS
# the corpus fixture: every SGD page and layout fixture with the bundled letters, file name -> Letter
from test_corpus import REPO, SGD, corpus  # noqa: F401

MENTIONS = REPO / "tests" / "fixtures" / "mentions"
LETTERS = REPO / "content" / "letters"
EXTRA_KINDS = ("body",)          # the kind issue 17 adds; accepted before generator.extract.base knows it

# stem -> [(kind, key, line, why)]: mentions the generator misses or links wrongly. Keep it honest:
# a triple listed here is not checked on its page, and its own case must keep failing (strict xfail).
KNOWN_GAPS: dict[str, list[tuple[str, str, int, str]]] = {
    "1948_buza-begroting-verslag-vn-delegatie": [
        ("country", "US", 21, '"Amerika" twice: countries.yml lists it as ambiguous (the continent or the United States)'),
    ],
    "1951_begroting-marine-1952-uno-taak": [
        ("country", "KR", 20, '"Koreaanse" is listed as ambiguous (North or South Korean)'),
    ],
    "1955_tk-handelingen-gelijke-beloning": [
        ("body", "UNGA", 17, '"U.N.O.-Assemblée": the French word is no name in bodies.yml, and "Assemblée" alone would be too loose'),
    ],
    "1956_brief-protestnota-indonesie-vn": [
        ("kamerstuk", "4427-1", 7, '"(zitting 1956, 4427, no. 1)": a four-digit dossier with "no." and no "Kamerstuk" cue is not read'),
    ],
    "1968_mvt-naturalisatie-korea-detachement": [
        ("country", "KR", 8, '"Korea" is listed as ambiguous (North or South); the Korean War context decides, no rule does'),
    ],
    "1970_kamervragen-cesi-vn": [
        ("body", "CESI", 4, "CESI (the UN's Centre for Economic and Social Information) is not in bodies.yml: no sourced facts yet"),
        ("body", "CESI", 5, "CESI is not in bodies.yml"),
        ("body", "CESI", 6, "CESI is not in bodies.yml"),
        ("body", "OPI", 6, "OPI (Office of Public Information, later DPI and DGC) is not in bodies.yml: no sourced facts yet"),
        ("body", "CESI", 7, "CESI is not in bodies.yml"),
        ("body", "CESI", 9, "CESI is not in bodies.yml"),
        ("body", "CESI", 10, "CESI is not in bodies.yml"),
        ("body", "CESI", 12, "CESI is not in bodies.yml"),
    ],
    "1974_brief-humanitaire-hulp-vn-organisaties": [
        ("country", "DZ", 25, '"Zuid-Algerije": a region written as a compound is not linked to its country'),
    ],
    "1979_kamervragen-unifil": [
        ("country", "LB", 7, '"Zuid-Libanon": a region written as a compound is not linked to its country'),
    ],
    "1987_kamervragen-aids-who": [
        ("kamerstuk", "ah-tk-19861987-551", 9, '"Aanhangsel nr. 551" names no vergaderjaar; the page\'s own is not assumed'),
    ],
}

Triple = tuple[str, str, int]


def _fixtures() -> list[tuple[str, Path, Path, dict]]:
    """(set, fixture file, page text file, expectations) for every mentions fixture."""
    out = []
    for folder, pages in (("sgd", SGD), ("letters", LETTERS)):
        for path in sorted((MENTIONS / folder).glob("*.yml")):
            exp = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            out.append((folder, path, pages / str(exp.get("source") or f"{path.stem}.txt"), exp))
    return out


FIXTURES = _fixtures()


def _triples(entries) -> collections.Counter[Triple]:
    return collections.Counter((e["kind"], str(e["key"]), int(e["line"])) for e in entries or [])


def _compare(exp: dict, found: collections.Counter[Triple],
             gaps: set[Triple] = frozenset()) -> tuple[collections.Counter, collections.Counter]:
    """(missing, extra) of the found triples against the expectations, leaving out known gaps."""
    want = _triples(exp.get("mentions"))
    allowed = _triples(exp.get("garbled")) + _triples(exp.get("optional"))
    missing = want - found
    extra = (found - want) - allowed
    for t in gaps:
        missing.pop(t, None)
        extra.pop(t, None)
    return missing, extra


def _surfaces(exp: dict) -> dict[Triple, list[str]]:
    out: dict[Triple, list[str]] = collections.defaultdict(list)
    for bucket in ("mentions", "garbled", "optional"):
        for e in exp.get(bucket) or []:
            out[(e["kind"], str(e["key"]), int(e["line"]))].append(str(e["surface"]))
    return out


def _report(name: str, exp: dict, letter, missing, extra) -> str:
    """The differences, one per line, with the surface as printed (expected) or as found."""
    surfaces = _surfaces(exp)
    found: dict[Triple, list[str]] = collections.defaultdict(list)
    for m in letter.mentions:
        found[(m.kind, m.key, m.line)].append(m.surface)
    want = _triples(exp.get("mentions"))
    lines = [f"{name}: {sum(missing.values())} missing, {sum(extra.values())} extra "
             f"(line, kind, key, how many, as printed / as found)"]
    for (kind, key, line), n in sorted(missing.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])):
        lines.append(f"  missing  line {line:>3}  {kind:<10} {key:<14} {n} of {want[(kind, key, line)]}  "
                     f"read: {surfaces[(kind, key, line)]}")
    for (kind, key, line), n in sorted(extra.items(), key=lambda kv: (kv[0][2], kv[0][0], kv[0][1])):
        lines.append(f"  extra    line {line:>3}  {kind:<10} {key:<14} {n}  found: {found[(kind, key, line)]}")
    return "\n".join(lines)


def _found(letter) -> collections.Counter[Triple]:
    return collections.Counter((m.kind, m.key, m.line) for m in letter.mentions)


@pytest.mark.parametrize("folder, path, text, exp",
                         [pytest.param(*f, id=f"{f[0]}-{f[1].stem}") for f in FIXTURES])
def test_page_mentions_as_a_person_read_them(corpus, folder, path, text, exp):  # noqa: F811
    letter = corpus[text.name]
    gaps = {(k, key, line) for k, key, line, _why in KNOWN_GAPS.get(path.stem, [])}
    missing, extra = _compare(exp, _found(letter), gaps)
    assert not missing and not extra, _report(text.name, exp, letter, missing, extra)


GAP_CASES = [pytest.param(stem, kind, key, line, id=f"{stem}-{kind}-{key}-{line}",
                          marks=pytest.mark.xfail(strict=True, reason=why))
             for stem, gaps in sorted(KNOWN_GAPS.items()) for kind, key, line, why in gaps]


@pytest.mark.parametrize("stem, kind, key, line", GAP_CASES)
def test_known_gap_is_still_a_gap(corpus, stem, kind, key, line):  # noqa: F811
    """Passes (and so fails the strict xfail) once the generator gets this triple right."""
    folder, path, text, exp = next(f for f in FIXTURES if f[1].stem == stem)
    missing, extra = _compare(exp, _found(corpus[text.name]))
    assert (kind, key, line) not in missing and (kind, key, line) not in extra


def test_known_gaps_name_real_pages():
    stems = {f[1].stem for f in FIXTURES}
    assert set(KNOWN_GAPS) <= stems, sorted(set(KNOWN_GAPS) - stems)


def test_every_sgd_page_has_a_mentions_reading():
    if not SGD.is_dir():
        pytest.skip(f"{SGD} not found (CI puts shared/ beside the repository)")
    pages = {p.stem for p in SGD.glob("*.txt")}
    read = {p.stem for p in (MENTIONS / "sgd").glob("*.yml")}
    assert read <= pages, sorted(read - pages)
    assert pages <= read, f"pages nobody has read for mentions yet: {sorted(pages - read)}"


# --- the fixtures themselves ----------------------------------------------------------------------

_ROMAN = r"[IVXL]+"
KEY_SYNTAX = {
    # Security Council: the number; General Assembly: "A/RES/1514(XV)" before the 31st session,
    # "A/RES/75/1" from it on (special and emergency special sessions: "S-"/"ES-" before the session)
    "resolution": re.compile(r"\d{1,4}|A/RES/\d{1,4}\((?:E?S-)?" + _ROMAN + r"\)|A/RES/(?:E?S-)?\d{1,2}/\d{1,4}"),
    # acronym in capitals, numbered phases with a hyphen and a Roman numeral ("UNEF-I", "UNAVEM-II")
    "mission": re.compile(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*"),
    # English acronym in capitals, hyphens for spaces ("UNGA", "UNWOMEN", "ECOSOC")
    "body": re.compile(r"[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*"),
    # ISO 3166-1 alpha-2, or the ISO 3166-3 code of a state that ended without one successor
    "country": re.compile(r"[A-Z]{2}|YUCS|CSHH|DDDE|VDVN|YDYE"),
    # "26150-187", "21501-02-2732", "22800-X-12", "34550-D", "35000-XVII"; old papers "4427-1";
    # Aanhangsel: "ah-tk-20192020-1234"
    "kamerstuk": re.compile(r"\d{1,5}(?:-\d{1,2})?(?:-" + _ROMAN + r"[AB]?|-[A-H])?-(?:\d{1,5}|[A-Z]{1,2}|"
                            + _ROMAN + r")|ah-(?:tk|ek)-\d{8}-\d{1,5}"),
}
EXCLUDED_COUNTRIES = {"NL", "AW", "CW", "SX", "BQ", "ANHH"}   # the Kingdom itself: no country mention


def _loose(text: str) -> str:
    """For finding a surface on its line: soft hyphens and hyphens (line-end splits) do not count."""
    return " ".join(re.sub(r"[\u00ad\-‐‑]", "", text).split())


def _entry_problems(path: Path, text: Path, exp: dict) -> list[str]:
    problems = []
    if not text.is_file():
        return [f"{path.name}: source {text} not found"]
    lines = text.read_text(encoding="utf-8").split("\n")
    if exp.get("source") != text.name:
        problems.append(f"{path.name}: source {exp.get('source')!r} is not {text.name!r}")
    if not str(exp.get("read") or "").strip():
        problems.append(f"{path.name}: 'read' (one line on what the page is) is empty")
    unknown = set(exp) - {"source", "read", "mentions", "garbled", "optional", "not_mentions"}
    if unknown:
        problems.append(f"{path.name}: unknown sections {sorted(unknown)}")
    for bucket in ("mentions", "garbled", "optional", "not_mentions"):
        for n, e in enumerate(exp.get(bucket) or [], 1):
            where = f"{path.name}: {bucket} #{n} {e}"
            fields = {"line", "surface", "why"} if bucket == "not_mentions" else {"line", "kind", "key", "surface"}
            if set(e) != fields:
                problems.append(f"{where}: fields {sorted(e)}, expected {sorted(fields)}")
                continue
            line = e["line"]
            if not isinstance(line, int) or not 1 <= line <= len(lines):
                problems.append(f"{where}: line {line!r} is not a line of {text.name} (1..{len(lines)})")
                continue
            if not str(e["surface"]).strip() or _loose(str(e["surface"])) not in _loose(lines[line - 1]):
                problems.append(f"{where}: surface not on line {line}")
            if bucket == "not_mentions":
                continue
            kind, key = e["kind"], str(e["key"])
            if kind not in KINDS + EXTRA_KINDS:
                problems.append(f"{where}: unknown kind {kind!r}")
            elif not KEY_SYNTAX[kind].fullmatch(key):
                problems.append(f"{where}: key {key!r} does not follow the {kind} key syntax")
            elif kind == "country" and key in EXCLUDED_COUNTRIES:
                problems.append(f"{where}: {key} is the Kingdom itself, never a country mention")
    for bucket in ("mentions", "garbled", "optional"):
        order = [e["line"] for e in exp.get(bucket) or [] if isinstance(e, dict) and isinstance(e.get("line"), int)]
        if order != sorted(order):
            problems.append(f"{path.name}: {bucket} are not in text order")
    return problems


@pytest.mark.parametrize("folder, path, text, exp",
                         [pytest.param(*f, id=f"{f[0]}-{f[1].stem}") for f in FIXTURES])
def test_fixture_is_well_formed(folder, path, text, exp):
    if folder == "sgd" and not SGD.is_dir():
        pytest.skip(f"{SGD} not found (CI puts shared/ beside the repository)")
    problems = _entry_problems(path, text, exp)
    assert not problems, "\n".join(problems)


def test_key_syntax_accepts_the_conventions_and_rejects_others():
    good = {"resolution": ["242", "2417", "A/RES/1514(XV)", "A/RES/2758(XXVI)", "A/RES/75/1", "A/RES/ES-10/1"],
            "mission": ["UNEF-I", "UNAVEM-II", "UNTAC", "MINUSMA", "ONUC"],
            "body": ["UNGA", "UNSC", "ECOSOC", "UNWOMEN", "CSW"],
            "country": ["SY", "RU", "YUCS", "DDDE"],
            "kamerstuk": ["26150-187", "21501-02-2732", "22800-X-12", "34550-D", "35000-XVII", "4427-1",
                          "ah-tk-20192020-1234"]}
    bad = {"resolution": ["S/RES/242", "1514 (XV)", "A/RES/1514"], "mission": ["UNEF I", "Unavem"],
           "body": ["Veiligheidsraad", "unga"], "country": ["SYR", "sy", "SUHH"],
           "kamerstuk": ["26150", "26 150-187", "kst-26150-187"]}
    assert all(KEY_SYNTAX[k].fullmatch(v) for k, vs in good.items() for v in vs)
    assert not any(KEY_SYNTAX[k].fullmatch(v) for k, vs in bad.items() for v in vs)


def test_compare_reports_missing_and_extra():
    """The check itself can fail: a reading differs from what is found in both directions."""
    exp = {"mentions": [{"line": 3, "kind": "country", "key": "ID", "surface": "Indonesië"},
                        {"line": 3, "kind": "country", "key": "ID", "surface": "Nieuw-Guinea"},
                        {"line": 5, "kind": "body", "key": "UNSC", "surface": "Veiligheidsraad"}],
           "garbled": [{"line": 7, "kind": "body", "key": "UNGA", "surface": "Algemene Vergadeiing"}]}
    found = collections.Counter({("country", "ID", 3): 1, ("body", "UNGA", 7): 1, ("country", "IN", 9): 1})
    missing, extra = _compare(exp, found)
    assert missing == collections.Counter({("country", "ID", 3): 1, ("body", "UNSC", 5): 1})
    assert extra == collections.Counter({("country", "IN", 9): 1})
    missing, extra = _compare(exp, found, gaps={("body", "UNSC", 5), ("country", "IN", 9)})
    assert missing == collections.Counter({("country", "ID", 3): 1}) and not extra
