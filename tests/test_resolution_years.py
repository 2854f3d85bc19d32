"""content/knowledge/resolution-years.yml (generator/knowledge/years.py): the year of any Security
Council resolution, the session of a numbered General Assembly resolution, and the checks."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import SourceError
from generator.knowledge import build_knowledge, build_years
from generator.knowledge.yamlfile import parse_knowledge_yaml
from generator.read import read_knowledge

REPO = Path(__file__).resolve().parents[1]
FILE = REPO / "content" / "knowledge" / "resolution-years.yml"


@pytest.fixture(scope="module")
def years():
    data, lines = parse_knowledge_yaml(FILE, FILE.read_text(encoding="utf-8"))
    return build_years(data, FILE, lines)


def build(text: str):
    data, lines = parse_knowledge_yaml("years.yml", text)
    return build_years(data, "years.yml", lines)


SMALL = """\
security_council:
  last: {number: 40, adopted: 1948-03-01}
  first_of_year:
    1946: 1
    1947: 16
    1948: 38
general_assembly:
  last: 3541
  sessions:
    XV: {year: 1960, from: 1504, to: 1603}
"""


@pytest.mark.parametrize("number,year", [
    (1, 1946), (15, 1946), (16, 1947), (37, 1947), (38, 1948),      # first and last of a year
    (242, 1967), (1325, 2000), (2417, 2018), (2451, 2018), (2452, 2019),
    (1146, 1997), (1147, 1998), (1651, 2005), (1652, 2006), (2767, 2024), (2768, 2025), (2790, 2025),
])
def test_year_of_a_security_council_number(years, number, year):
    assert years.sc_year(number) == year
    assert years.sc_year(str(number)) == year


def test_outside_the_table_no_year(years):
    assert years.sc_year(0) is None
    assert years.sc_year(years.last + 1) is None
    assert years.beyond(years.last + 1) and not years.beyond(years.last)


def test_date_rule_lookups(years):
    assert years.sc_adopted_by(1514, 2003) is True
    assert years.sc_adopted_by(1514, 2002) is False
    assert years.sc_adopted_by(2900, 2019) is False          # beyond the table, before its last year
    assert years.sc_adopted_by(2900, 2026) is None           # cannot tell
    assert years.ga_numbered_by(1514, 1960) and not years.ga_numbered_by(1514, 1959)
    assert not years.ga_numbered_by(1400, 1990)               # not placed by the table


def test_every_year_is_there_and_numbers_rise(years):
    found = [y for y, _ in years.first_of_year]
    assert found == list(range(1946, found[-1] + 1))
    firsts = [n for _, n in years.first_of_year]
    assert firsts == sorted(set(firsts))
    assert years.last_adopted.year == found[-1]


# Anchors from the UN's own pages (research.un.org, undocs.org): a known symbol and its session.
@pytest.mark.parametrize("number,session,year", [
    (1, "I", 1946), (181, "II", 1947), (217, "III", 1948), (377, "V", 1950), (1000, "ES-I", 1956),
    (1514, "XV", 1960), (1991, "XVIII", 1963), (2008, "XX", 1965), (2200, "XXI", 1966),
    (2252, "ES-V", 1967), (2758, "XXVI", 1971), (3201, "S-VI", 1974), (3314, "XXIX", 1974),
    (3362, "S-VII", 1975), (3363, "XXX", 1975), (3541, "XXX", 1975),
])
def test_session_of_a_general_assembly_number(years, number, session, year):
    found = years.ga_session(number)
    assert (found.session, found.year) == (session, year)


def test_numbers_the_table_does_not_place_have_no_session(years):
    assert years.ga_session(1234) is None
    assert years.ga_session(3542) is None


def test_the_project_knowledge_agrees_with_the_table():
    """Every year in resolutions.yml matches the table (else build_knowledge fails), and every
    mission's establishing resolution has a year."""
    k = build_knowledge(read_knowledge(REPO / "content"))
    assert k.years.known
    for number, resolution in k.resolutions.items():
        assert k.years.sc_year(number) == resolution.year, number
    for mission in k.missions.values():
        if mission.resolution:
            assert k.years.sc_year(mission.resolution) is not None, mission.key
    assert not [w for w in k.warnings if "resolution-years" in w]


def test_no_file_means_an_empty_table(tmp_path):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    for name in ("missions.yml", "resolutions.yml", "countries.yml", "bodies.yml"):
        (folder / name).write_text("", encoding="utf-8")
    k = build_knowledge(read_knowledge(tmp_path))
    assert not k.years.known and k.years.sc_year(2417) is None and not k.years.beyond(5000)


def test_a_small_table():
    y = build(SMALL)
    assert (y.sc_year(16), y.sc_year(40), y.sc_year(41), y.last_adopted) == (1947, 1948, None, dt.date(1948, 3, 1))


@pytest.mark.parametrize("change,line,words", [
    (("    1948: 38", "    1949: 38"), 6, "consecutive"),
    (("    1948: 38", "    1948: 16"), 6, "not higher than 16"),
    (("    1946: 1", "    1946: 2"), 4, "the first resolution is 1"),
    (("    1946: 1\n", ""), 4, "starts in 1947"),
    (("    1948: 38", "    1948: many"), 6, "not a resolution number"),
    (("number: 40, adopted: 1948-03-01", "number: 30, adopted: 1948-03-01"), 2, "below 38"),
    (("number: 40, adopted: 1948-03-01", "number: 40, adopted: 1949-03-01"), 2, "not in 1948"),
    (("number: 40, adopted: 1948-03-01", "number: 40, adopted: gisteren"), 2, "YYYY-MM-DD"),
    (("    XV: {year: 1960, from: 1504, to: 1603}", "    XV: {year: 1960, from: 1603, to: 1504}"), 10, "run of numbers"),
    (("    XV: {year: 1960", "    15: {year: 1960"), 10, "Roman numerals"),
    (("    XV: {year: 1960", "    XV: {year: 1990"), 10, "1975"),
    (("    XV: {year: 1960, from: 1504, to: 1603}\n",
      "    XV: {year: 1960, from: 1504, to: 1603}\n    XVI: {year: 1961, from: 1600, to: 1700}\n"), 11, "not above 1603"),
    (("    XV: {year: 1960, from: 1504, to: 1603}\n",
      "    XV: {year: 1960, from: 1504, to: 1603}\n    XVI: {year: 1959, from: 1700, to: 1701}\n"), 11, "before 1960"),
    (("  first_of_year:", "  first_of_yaer:"), 3, "unknown field 'first_of_yaer'"),
    (("general_assembly:", "general_assembley:"), 7, "unknown section"),
])
def test_bad_tables_name_file_line_and_problem(change, line, words):
    with pytest.raises(SourceError) as caught:
        build(SMALL.replace(*change))
    error = caught.value
    assert str(error.path) == "years.yml" and error.line == line and words in error.message, str(error)


def test_a_year_in_resolutions_yml_must_agree_with_the_table(tmp_path):
    folder = tmp_path / "knowledge"
    folder.mkdir()
    for name in ("missions.yml", "countries.yml", "bodies.yml"):
        (folder / name).write_text("", encoding="utf-8")
    (folder / "resolution-years.yml").write_text(SMALL, encoding="utf-8")
    (folder / "resolutions.yml").write_text('"20":\n  subject: Iets\n  year: 1948\n', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        build_knowledge(read_knowledge(tmp_path))
    assert caught.value.path.name == "resolutions.yml" and caught.value.line == 3
    assert "1947" in caught.value.message
    (folder / "resolutions.yml").write_text('"20":\n  subject: Iets\n', encoding="utf-8")
    k = build_knowledge(read_knowledge(tmp_path))
    assert (k.resolutions["20"].year, k.resolutions["20"].source) == (1947, "https://undocs.org/S/RES/20(1947)")
