"""generator/knowledge/ + read.read_knowledge: the maintainers' YAML knowledge base and its validation."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import babel
import pytest
import yaml

from generator.errors import SourceError
from generator.knowledge import (
    Knowledge,
    build_knowledge,
    country_name,
    country_names,
    mission_names,
    mission_phases,
    sc_url,
)
from generator.knowledge.base import MISSION_KEY
from generator.knowledge.yamlfile import parse_knowledge_yaml
from generator.read import read_knowledge

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
CLDR = dict(babel.Locale("nl").territories)

MINUSMA = {"name": "United Nations Multidimensional Integrated Stabilization Mission in Mali",
           "aliases": ["VN-missie in Mali"], "type": "peacekeeping", "country": "ML",
           "start": "2013-04-25", "end": "2023-06-30", "resolution": "2100",
           "source": "https://undocs.org/S/RES/2100(2013)"}
R2100 = {"year": 2013, "adopted": "2013-04-25", "subject": "Mali - oprichting van MINUSMA",
         "source": "https://undocs.org/S/RES/2100(2013)"}


@pytest.fixture(scope="module")
def real() -> Knowledge:
    return build_knowledge(read_knowledge(CONTENT))


def build(missions=None, resolutions=None, countries=None) -> Knowledge:
    raw = {}
    if missions is not None:
        raw["missions"] = missions
    if resolutions is not None:
        raw["resolutions"] = resolutions
    if countries is not None:
        raw["countries"] = countries
    return build_knowledge(raw)


def build_error(**files) -> SourceError:
    with pytest.raises(SourceError) as info:
        build(**files)
    return info.value


def from_text(kind: str, text: str, **others) -> Knowledge:
    """Build from YAML text, with line numbers, as read_knowledge would hand it over."""
    path = Path("content/knowledge") / f"{kind}.yml"
    data, lines = parse_knowledge_yaml(path, text)
    return build_knowledge({kind: data, **others, "paths": {kind: path}, "lines": {kind: lines}})


def write_knowledge(tmp_path: Path, **texts: str) -> Path:
    folder = tmp_path / "content" / "knowledge"
    folder.mkdir(parents=True)
    for kind in ("missions", "resolutions", "countries", "bodies"):
        (folder / f"{kind}.yml").write_text(texts.get(kind, ""), encoding="utf-8")
    return tmp_path / "content"


# --- the real files ------------------------------------------------------------------------------

def test_real_files_load_without_errors_or_warnings(real):
    assert len(real.missions) >= 30
    assert len(real.resolutions) >= 40
    assert real.warnings == []


def test_every_mission_has_key_name_type_source(real):
    for key, mission in real.missions.items():
        assert re.fullmatch(MISSION_KEY, key) and mission.key == key
        assert mission.name and mission.type in ("peacekeeping", "political", "support")
        assert mission.source.startswith("https://")


def test_required_missions_are_present(real):
    required = ("MINUSMA MINUSCA MONUSCO MONUC UNMISS UNAMID UNISFA UNIFIL UNDOF UNTSO UNFICYP "
                "UNMIK MINURSO UNMOGIP MINUSTAH MINUJUSTH BINUH UNOCI UNMIL UNAMA UNAMI UNSMIL "
                "UNSOM UNSOS UNITAMS UNMHA UNVMC UNOWAS UNOCA UNRCCA UNSCOL UNSCO UNIOGBIS").split()
    assert [key for key in required if key not in real.missions] == []
    assert real.missions["AMISOM"].organisation == "AU"


def test_every_resolution_has_year_and_undocs_source(real):
    for number, resolution in real.resolutions.items():
        assert resolution.year and resolution.subject
        assert resolution.source == f"https://undocs.org/S/RES/{number}({resolution.year})"
        if resolution.adopted:
            assert resolution.adopted.year == resolution.year


def test_mission_resolutions_match_the_start(real):
    # a mission's resolution need not be in resolutions.yml (every resolution gets a page), but
    # where it is, the mission started the day it was adopted, and the source is that resolution
    for mission in real.missions.values():
        if mission.resolution:
            resolution = real.resolutions.get(mission.resolution)
            if mission.start and resolution and resolution.adopted:
                assert mission.start == resolution.adopted, mission.key
            if mission.source.startswith("https://undocs.org/S/RES/"):
                assert mission.source == f"https://undocs.org/S/RES/{mission.resolution}({mission.start.year})", mission.key


def test_every_peacekeeping_operation_since_1948(real):
    # the UN counts 71 peacekeeping operations (peacekeeping.un.org); UNTEA and UNPF come on top,
    # and the AU's AMISOM and ATMIS are no UN operations
    un = [m for m in real.missions.values() if m.type == "peacekeeping" and m.organisation == "UN"]
    assert len(un) >= 71
    assert len(real.missions) >= 110
    for key in ("UNEF-I", "UNEF-II", "ONUC", "UNTEA", "UNSF", "UNAVEM-I", "UNAVEM-II", "UNAVEM-III",
                "UNTAG", "UNTAC", "UNPROFOR", "UNCRO", "UNPREDEP", "UNPF", "UNOSOM-I", "UNOSOM-II",
                "UNAMIR", "UNMIBH", "UNTAET", "UNMEE", "UNSMIS", "UNAMET", "UNMIN", "BINUB", "UNIPSIL",
                "UNOTIL", "UNTOP"):
        assert key in real.missions, key


def test_predecessors_and_successors_are_both_ways(real):
    assert real.missions["MONUSCO"].preceded_by == ("MONUC",)
    assert real.missions["MONUC"].followed_by == ("MONUSCO",)
    assert real.missions["UNPROFOR"].followed_by == ("UNCRO", "UNPREDEP", "UNPF")
    assert real.missions["UNCRO"].preceded_by == ("UNPROFOR",)
    assert real.missions["UNMISS"].preceded_by == ("UNMIS",)
    for mission in real.missions.values():
        for other in mission.followed_by:
            assert mission.key in real.missions[other].preceded_by
        for other in mission.preceded_by:
            assert mission.key in real.missions[other].followed_by


def test_phases(real):
    assert [(m.key, m.family, m.phase) for m in map(real.missions.get, ("UNAVEM-III", "UNEF-I", "UNTAC"))] == [
        ("UNAVEM-III", "UNAVEM", 3), ("UNEF-I", "UNEF", 1), ("UNTAC", "", 0)]
    phases = mission_phases(real)
    assert [key for key, _ in phases["UNAVEM"]] == ["UNAVEM-I", "UNAVEM-II", "UNAVEM-III"]
    assert sorted(phases) == ["UNAVEM", "UNEF", "UNOSOM"]
    names = mission_names(real)
    assert [names[f] for f in ("UNAVEM II", "UNAVEM 2", "UNAVEM-2", "UNAVEM-II", "UNEF I", "UNOSOM II")] == [
        "UNAVEM-II", "UNAVEM-II", "UNAVEM-II", "UNAVEM-II", "UNEF-I", "UNOSOM-II"]
    assert names["UNAVEM"] == "UNAVEM-I" and names["UNEF"] == "UNEF-I"     # the extractor picks by date


def test_resolutions_named_in_the_letters_are_known(real):
    text = " ".join(p.read_text(encoding="utf-8") for p in (CONTENT / "letters").glob("*.txt"))
    numbers = set(re.findall(r"[Rr]esolutie\s+(\d{3,4})\b", text))
    assert numbers >= {"1325", "2166", "2231", "2254", "2396", "2417", "2462"}
    assert sorted(numbers - set(real.resolutions)) == []


@pytest.mark.parametrize("key, number, start", [
    ("MINUSMA", "2100", dt.date(2013, 4, 25)),
    ("UNMISS", "1996", dt.date(2011, 7, 8)),
    ("UNIFIL", "425", dt.date(1978, 3, 19)),
])
def test_mission_facts(real, key, number, start):
    mission = real.missions[key]
    assert (mission.resolution, mission.start) == (number, start)
    assert real.resolutions[number].adopted == start


@pytest.mark.parametrize("number, adopted", [
    ("2417", dt.date(2018, 5, 24)), ("1325", dt.date(2000, 10, 31)), ("2231", dt.date(2015, 7, 20)),
])
def test_resolution_facts(real, number, adopted):
    assert real.resolutions[number].adopted == adopted
    assert real.resolutions[number].year == adopted.year


def test_ended_and_ongoing(real):
    assert real.missions["MINUSMA"].ended and real.missions["MINUSMA"].end == dt.date(2023, 6, 30)
    assert real.missions["UNMIS"].ended and real.missions["UNMIS"].end is None
    assert real.missions["UNMISS"].ongoing
    assert real.missions["UNISFA"].countries == ("SD", "SS")


def test_mission_names(real):
    names = mission_names(real)
    assert names["MINUSMA"] == "MINUSMA"
    assert names["United Nations Multidimensional Integrated Stabilization Mission in Mali"] == "MINUSMA"
    assert names["VN-missie in Mali"] == "MINUSMA"
    assert names["ONUCI"] == "UNOCI"


# --- countries -------------------------------------------------------------------------------

def test_adjectives_and_aliases_resolve(real):
    names = country_names(real, CLDR)
    expected = {"Syrische": "SY", "Syrië": "SY", "Jemenitische": "YE", "Malinese": "ML",
                "Myanmarese": "MM", "Myanmar": "MM", "Birma": "MM", "Zuid-Sudan": "SS",
                "Zuid-Soedan": "SS", "Soedan": "SD", "Sudan": "SD", "Wit-Rusland": "BY",
                "Russische Federatie": "RU", "DRC": "CD", "Congo": "CD", "VS": "US",
                "Amerikaanse": "US", "VK": "GB", "Palestijnse Autoriteit": "PS", "Gaza": "PS",
                "Iranese": "IR", "Noorse": "NO", "Hongkong": "HK"}
    assert {form: names.get(form) for form in expected} == expected


def test_excluded_and_ambiguous_and_pseudo_territories_are_not_countries(real):
    names = country_names(real, CLDR)
    assert "NL" in real.excluded_countries
    assert "NL" not in set(names.values())
    for form in ("Nederland", "Nederlandse", "Koninkrijk", "Verenigde Naties", "Europese Unie",
                 "eurozone", "Korea", "Amerika"):
        assert form not in names


def test_country_names_takes_either_cldr_shape(real):
    by_name = {name: code for code, name in CLDR.items()}
    assert country_names(real, by_name) == country_names(real, CLDR)


def test_country_name_for_page_titles():
    assert country_name("SY") == "Syrië"
    assert country_name("MM") == "Myanmar"
    assert country_name("HK") == "Hongkong"
    with pytest.raises(KeyError):
        country_name("QQ")


def test_norway_stays_a_country_code():
    k = from_text("countries", "aliases:\n  NO: [Noorse]\nexclude: [NL]\n")
    assert k.country_aliases == {"Noorse": "NO"}


# --- validation errors -------------------------------------------------------------------------

def test_unknown_field_names_file_entry_field_and_suggests():
    err = build_error(missions={"MINUSMA": {**MINUSMA, "stat": "2013-04-25"}})
    assert err.path.name == "missions.yml"
    assert "MINUSMA" in err.message and "'stat'" in err.message and "'start'" in err.message
    assert "allowed fields" in err.hint


def test_wrong_type_names_the_field():
    err = build_error(missions={"MINUSMA": {**MINUSMA, "aliases": "VN-missie in Mali"}})
    assert err.path.name == "missions.yml" and "MINUSMA > aliases" in err.message
    assert "aliases" in err.hint
    err = build_error(resolutions={"2100": {**R2100, "year": "2013"}})
    assert err.path.name == "resolutions.yml" and "2100 > year" in err.message


@pytest.mark.parametrize("value, words", [
    ("25-04-2013", "YYYY-MM-DD"), ("2013-02-30", "not a real date"),
    (dt.date(2013, 4, 25), None),   # yaml.safe_load's dates are accepted too
])
def test_bad_date(value, words):
    missions = {"MINUSMA": {**MINUSMA, "start": value}}
    if words is None:
        assert build(missions=missions).missions["MINUSMA"].start == dt.date(2013, 4, 25)
        return
    err = build_error(missions=missions)
    assert err.path.name == "missions.yml" and "start" in err.message and words in err.message
    assert "YYYY-MM-DD" in err.hint


@pytest.mark.parametrize("aliases", [[""], ["  "], [None], ["VN-missie in Mali", "VN-missie in Mali"]])
def test_bad_alias_entries(aliases):
    err = build_error(missions={"MINUSMA": {**MINUSMA, "aliases": aliases}})
    assert err.path.name == "missions.yml" and "MINUSMA > aliases" in err.message


def test_missing_required_field():
    entry = {k: v for k, v in MINUSMA.items() if k != "source"}
    err = build_error(missions={"MINUSMA": entry})
    assert "'source' is missing" in err.message


def test_bad_keys():
    assert "not a valid key" in build_error(missions={"minusma": MINUSMA}).message
    assert "not a valid key" in build_error(resolutions={"S/RES/2100": R2100}).message


def test_unknown_country_code():
    err = build_error(missions={"MINUSMA": {**MINUSMA, "country": "QQ"}})
    assert "'QQ' is not a known country code" in err.message


def test_same_name_for_two_missions():
    other = {**MINUSMA, "name": "Something else", "aliases": ["VN-missie in Mali"]}
    err = build_error(missions={"MINUSMA": MINUSMA, "MINUSMB": other})
    assert "'VN-missie in Mali' is also a name of MINUSMA" in err.message


def test_resolution_source_must_match_number_and_year():
    err = build_error(resolutions={"2100": {**R2100, "source": "https://undocs.org/S/RES/2100(2012)"}})
    assert err.hint == "source: https://undocs.org/S/RES/2100(2013)"
    err = build_error(resolutions={"2100": {**R2100, "adopted": "2012-04-25"}})
    assert "not in year 2013" in err.message


def test_country_alias_conflicts():
    err = build_error(countries={"aliases": {"CD": ["Congo"], "CG": ["Congo"]}})
    assert err.path.name == "countries.yml" and "both CD and CG" in err.message
    err = build_error(countries={"aliases": {"KR": ["Korea"]}, "ambiguous": {"Korea": "?"}})
    assert "also listed under ambiguous" in err.message
    err = build_error(countries={"aliases": {"SY": ["Syrische", ""]}})
    assert "aliases > SY > 1" in err.message
    err = build_error(countries={"exclude": ["Nederland"]})
    assert "exclude" in err.message


def test_a_resolution_not_in_resolutions_yml_is_fine_a_contradiction_a_warning():
    # every Security Council resolution gets a page, so resolutions.yml need not describe it
    assert build(missions={"MINUSMA": MINUSMA}, resolutions={}).warnings == []
    k = build(missions={"MINUSMA": {**MINUSMA, "start": "2013-07-01"}}, resolutions={"2100": R2100})
    assert "differs from the adoption" in k.warnings[0]


UNAVEM = {"name": "United Nations Angola Verification Mission I", "type": "peacekeeping",
          "source": "https://undocs.org/S/RES/626(1988)"}


@pytest.mark.parametrize("entry, message, hint", [
    ({"preceded_by": "MONUX"}, "MINUSMA > preceded_by: 'MONUX' is not a mission in missions.yml",
     "did you mean MONUC?"),
    ({"followed_by": ["MONUC", "XYZ"]}, "MINUSMA > followed_by: 'XYZ' is not a mission", "must be an entry"),
    ({"followed_by": "MINUSMA"}, "MINUSMA > followed_by: a mission cannot follow itself", ""),
    ({"preceded_by": "minusma"}, "not a mission key or a list of them", "the key of the mission it continued"),
    ({"followed_by": []}, "followed_by", "the key of the mission that continued it"),
])
def test_predecessor_errors(entry, message, hint):
    monuc = {"name": "United Nations Organization Mission in the Democratic Republic of the Congo",
             "type": "peacekeeping", "source": "https://undocs.org/S/RES/1279(1999)"}
    err = build_error(missions={"MINUSMA": {**MINUSMA, **entry}, "MONUC": monuc})
    assert err.path.name == "missions.yml" and message in err.message and hint in err.hint


def test_predecessor_error_names_the_line():
    text = ("MONUC:\n  name: A\n  type: peacekeeping\n  source: https://example.org/a\n"
            "MONUSCO:\n  name: B\n  type: peacekeeping\n  preceded_by: [MONUC, MONUX]\n"
            "  source: https://example.org/b\n")
    with pytest.raises(SourceError) as info:
        from_text("missions", text)
    assert info.value.line == 8 and "'MONUX' is not a mission" in info.value.message
    k = from_text("missions", text.replace(", MONUX", ""))
    assert (k.missions["MONUC"].followed_by, k.missions["MONUSCO"].preceded_by) == (("MONUSCO",), ("MONUC",))


def test_phase_errors():
    # the bare family acronym stands for the phase of the letter's date: no other mission has it
    err = build_error(missions={"UNAVEM-I": UNAVEM, "UNAVEM": {**UNAVEM, "name": "Other"}})
    assert "'UNAVEM' is also the family of the phases UNAVEM-I" in err.message
    err = build_error(missions={"UNAVEM-I": UNAVEM, "UNAVEX": {**UNAVEM, "name": "Other", "aliases": ["Unavem"]}})
    assert "also the family" in err.message
    # a family starts with phase I
    err = build_error(missions={"UNAVEM-II": {**UNAVEM, "name": "United Nations Angola Verification Mission II"}})
    assert "phase UNAVEM-I is missing" in err.message
    # "UNAVEM 2" written as an alias of another mission clashes with the phase's own forms
    err = build_error(missions={"UNAVEM-I": UNAVEM, "XYZ": {**UNAVEM, "name": "X", "aliases": ["unavem 1"]}})
    assert "is also a name of" in err.message


def test_errors_point_at_the_line_of_the_field():
    text = ("MINUSMA:\n"
            "  name: United Nations Multidimensional Integrated Stabilization Mission in Mali\n"
            "  type: peacekeeping\n"
            "  start: 2013-02-30\n"
            "  source: https://undocs.org/S/RES/2100(2013)\n")
    with pytest.raises(SourceError) as info:
        from_text("missions", text)
    assert (info.value.line, "not a real date" in info.value.message) == (4, True)
    assert str(info.value).startswith(str(Path("content/knowledge/missions.yml")) + ":4: ")


def test_duplicate_key_in_yaml_is_an_error_with_its_line():
    text = ("MINUSMA:\n  name: A\n  type: political\n  source: https://example.org/a\n"
            "MINUSMA:\n  name: B\n  type: political\n  source: https://example.org/b\n")
    with pytest.raises(SourceError) as info:
        parse_knowledge_yaml("missions.yml", text)
    assert info.value.line == 5 and "'MINUSMA' is written twice (lines 1 and 5)" in info.value.message
    text = '"2417":\n  year: 2018\n2417:\n  year: 2018\n'
    with pytest.raises(SourceError, match="written twice"):
        parse_knowledge_yaml("resolutions.yml", text)


# --- read_knowledge ------------------------------------------------------------------------------

def test_read_knowledge_reads_the_three_files(tmp_path):
    content = write_knowledge(tmp_path, missions=yaml.safe_dump({"MINUSMA": MINUSMA}),
                              resolutions='"2100":\n  year: 2013\n  adopted: 2013-04-25\n'
                                          "  subject: Mali\n  source: https://undocs.org/S/RES/2100(2013)\n")
    raw = read_knowledge(content)
    assert raw["resolutions"]["2100"]["adopted"] == "2013-04-25"        # dates stay text
    assert raw["paths"]["missions"] == content / "knowledge" / "missions.yml"
    assert raw["lines"]["resolutions"][("2100", "adopted")] == 3
    k = build_knowledge(raw)
    assert k.missions["MINUSMA"].resolution == "2100" and k.warnings == []


def test_no_knowledge_folder_is_empty_knowledge(tmp_path):
    k = build_knowledge(read_knowledge(tmp_path))
    assert (k.missions, k.resolutions, k.country_aliases, k.warnings) == ({}, {}, {}, [])


def test_invalid_yaml_names_file_and_line(tmp_path):
    content = write_knowledge(tmp_path, countries="aliases:\n  SY: [Syrische\nexclude: [NL]\n")
    with pytest.raises(SourceError) as info:
        read_knowledge(content)
    assert info.value.path == content / "knowledge" / "countries.yml"
    assert info.value.line is not None and "invalid YAML" in info.value.message


def test_missing_or_misnamed_file(tmp_path):
    content = write_knowledge(tmp_path)
    (content / "knowledge" / "missions.yml").rename(content / "knowledge" / "missions.yaml")
    with pytest.raises(SourceError) as info:
        read_knowledge(content)
    assert info.value.path.name == "missions.yml" and "rename missions.yaml" in info.value.hint


def test_resolution_url():
    assert sc_url("2417", 2018) == "https://undocs.org/S/RES/2417(2018)"


# --- issue 17: adjectives from CLDR, inhabitants, renamed and historical states ------------------

def test_issue_examples_resolve(real):
    names = country_names(real)
    assert names["Angolese"] == names["Angolees"] == names["Angolezen"] == "AO"
    assert names["Libanees"] == names["Libanese"] == "LB"
    assert names["Haïtiaans"] == names["Haïtiaanse"] == names["Haiti"] == "HT"
    assert names["Israel"] == "IL"                  # every form also without its trema


def test_generated_forms_leave_languages_and_ambiguous_forms_out(real):
    names = country_names(real)
    for language in ("Russisch", "Turks", "Spaans", "Duits", "Iers", "Frans"):
        assert language not in names
    assert names["Russische"] == "RU" and names["Turkse"] == "TR"
    assert "Dominicaanse" not in names and "Guinese" not in names and "Koreaanse" not in names
    assert names["Chinees"] == "CN"                 # written as an alias: a written form stays
    assert names["Syrisch"] == "SY"                 # the other form of the alias "Syrische"


def test_renamed_states_point_to_today(real):
    names = country_names(real)
    assert names["Zaïre"] == names["Zaire"] == names["Zaïrese"] == "CD"
    assert names["Sovjet-Unie"] == names["USSR"] == "RU"
    assert names["Ceylon"] == "LK" and names["Perzië"] == "IR" and names["Dahomey"] == "BJ"
    assert names["West-Irian"] == names["Nederlands Nieuw-Guinea"] == "ID"


def test_historical_states_have_their_own_key(real):
    names = country_names(real)
    assert names["Joegoslavië"] == names["Joegoslavie"] == names["Joegoslavisch"] == "YUCS"
    assert names["DDR"] == names["Oost-Duitse"] == "DDDE"
    assert names["Tsjecho-Slowakije"] == "CSHH" and names["Zuid-Jemen"] == "YDYE"
    yu = real.historical_countries["YUCS"]
    assert yu.name == "Joegoslavië" and "RS" in yu.successors and yu.source.startswith("https://")
    assert real.historical_countries["DDDE"].end == 1990


COUNTRIES_OK = "exclude: [NL]\n"


@pytest.mark.parametrize("text, line, words", [
    ("historical:\n  YU:\n    name: Joegoslavië\n    source: https://www.un.org/x\n", 2,
     "not an ISO 3166-3 code"),
    ("historical:\n  YUCS:\n    name: Joegoslavië\n    successors: [RS, QQ]\n"
     "    source: https://www.un.org/x\n", 4, "'QQ' is not a known country code"),
    ("historical:\n  YUCS:\n    name: Joegoslavië\n", 2, "'source' is missing"),
    ("renamed:\n  CD:\n    names: [Zaïre]\n", 2, "'source' is missing"),
    ("renamed:\n  CD:\n    names: [Zaïre]\n    source: https://www.iso.org/x\n"
     "  CG:\n    names: [Zaïre]\n    source: https://www.iso.org/x\n", 6, "both CD and CG"),
    ("aliases:\n  SY: [Syrische]\ninhabitants:\n  source: https://namen.taalunie.org/\n"
     "  names:\n    SY: [Syriërs]\n    IQ: [Syrische]\n", 7, "both SY and IQ"),
    ("inhabitants:\n  names:\n    SY: [Syriërs]\n", 1, "'source' is missing"),
    ("renamed:\n  SY:\n    names: [Libanon]\n    source: https://www.un.org/x\n", 3,
     "is the CLDR name of LB"),
])
def test_bad_country_sections_name_file_and_line(text, line, words):
    with pytest.raises(SourceError) as info:
        from_text("countries", COUNTRIES_OK + text)
    assert info.value.path.name == "countries.yml"
    assert words in info.value.message
    assert info.value.line == line + 1, str(info.value)


def test_an_alias_the_generator_derives_is_a_warning_with_its_line():
    k = from_text("countries", "aliases:\n  AO: [Angolese]\n  PS: [Palestijnse, Palestijns]\n")
    assert k.warnings == [
        "content/knowledge/countries.yml:2: aliases: 'Angolese' is derived already (from CLDR's "
        "currency names or as the other form of an adjective listed before it); remove it",
        "content/knowledge/countries.yml:3: aliases: 'Palestijns' is derived already (from CLDR's "
        "currency names or as the other form of an adjective listed before it); remove it"]
    assert k.country_aliases == {"Angolese": "AO", "Palestijnse": "PS", "Palestijns": "PS"}


# --- bodies.yml ----------------------------------------------------------------------------------

BODY = "UNGA:\n  name: United Nations General Assembly\n  type: principal-organ\n  source: https://www.un.org/en/ga/\n"


def test_bodies_are_built_with_their_forms():
    from generator.knowledge import body_names, body_shared_names
    k = from_text("bodies", BODY + '  abbreviations: [AVVN]\n  shared_names: ["Algemene Vergadering"]\n'
              '  former_names:\n    - {name: Old Assembly, until: 1950}\n  established: 1945\n')
    assert k.bodies["UNGA"].former_names[0].until == 1950
    assert body_names(k) == {"UNGA": "UNGA", "United Nations General Assembly": "UNGA", "AVVN": "UNGA",
                             "Old Assembly": "UNGA"}
    assert body_shared_names(k) == {"Algemene Vergadering": "UNGA"}


@pytest.mark.parametrize("extra, line, words", [
    ("  typo: x\n", 5, "unknown field 'typo'"),
    ("  type2: x\n", 5, "did you mean 'type'"),
    ("  aliases: [VN]\n", 5, "names the United Nations itself"),
    ("  aliases: [Mali]\n", 5, "country ML"),
    ("  established: 1950\n  ended: 1946\n", 6, "before established"),
    ("  former_names:\n    - {name: X, until: 1900}\n  established: 1945\n", 6, "before it was established"),
])
def test_body_errors_name_file_and_line(extra, line, words):
    with pytest.raises(SourceError) as info:
        from_text("bodies", BODY + extra)
    assert info.value.path.name == "bodies.yml" and info.value.line == line and words in info.value.message


def test_body_name_shared_with_a_mission_or_another_body_is_an_error():
    with pytest.raises(SourceError) as info:
        from_text("bodies", BODY + "  aliases: [MINUSMA]\n",
              missions={"MINUSMA": MINUSMA})
    assert "mission MINUSMA" in info.value.message
    with pytest.raises(SourceError) as info:
        from_text("bodies", BODY + "  aliases: [AV]\nUNSC:\n  name: Security Council\n  type: principal-organ\n"
              "  source: https://main.un.org/securitycouncil/\n  abbreviations: [av]\n")
    assert "also a name of UNGA" in info.value.message


def test_unknown_parent_is_a_warning_with_its_line():
    k = from_text("bodies", BODY + "  parent: XYZ\n")
    assert len(k.warnings) == 1 and "bodies.yml:5: UNGA: parent XYZ" in k.warnings[0]


def test_real_bodies_file():
    k = build_knowledge(read_knowledge(CONTENT))
    assert {"UNGA", "UNSC", "ECOSOC", "ICJ", "UNTC", "UNSG", "HRC", "CHR", "UNICEF", "WHO", "IBRD"} <= set(k.bodies)
    assert not [w for w in k.warnings if "bodies.yml" in w]


# --- countries.yml `since`: a state named after a region it once was ------------------------------

def test_since_is_read_and_checked():
    k = from_text("countries", 'since:\n  SS: {year: 2011, source: "https://undocs.org/S/RES/1999(2011)"}\n')
    assert k.country_since == {"SS": 2011}
    with pytest.raises(SourceError) as info:
        from_text("countries", 'since:\n  XQ: {year: 2011, source: "https://example.org/x"}\n')
    assert info.value.line == 2 and "'XQ' is not a known country code" in info.value.message
    with pytest.raises(SourceError) as info:
        from_text("countries", 'since:\n  SS: {year: 2011}\n')
    assert info.value.line == 2 and "source" in info.value.message


def test_a_state_is_no_mention_in_a_letter_older_than_the_state(real):
    from generator.extract import Tables, find_all
    from generator.knowledge import country_names
    tables = Tables({}, country_names(real), country_since=real.country_since)
    text = "de Zuid-Soedanese rebellen en de regering van Soedan"
    keys = lambda when: [h.key for h in find_all(text, tables, when) if h.kind == "country"]
    assert keys(dt.date(1992, 9, 8)) == ["SD"]            # southern Sudan, a region of Sudan then
    assert keys(dt.date(2011, 12, 31)) == ["SS", "SD"]     # the state, from the year it began
    assert keys(None) == ["SS", "SD"]                      # no date: no reason to drop it
