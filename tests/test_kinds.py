"""kinds.py and content/knowledge/kinds.yml: the kinds of document as data (labels, citations,
recognition rules, party spellings), validated with the file and line in every error."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.pages.labels import kind_label, kind_order, use_kinds
from generator.pages.letter import render_letter
from generator.errors import SourceError
from generator.kinds import build_kinds, default_kinds
from generator.knowledge.yamlfile import parse_knowledge_yaml
from generator.meta import infer_meta
from generator.model import Meta, Source
from generator.read import read_kinds, read_sources
from conftest import card_row

ROOT = Path(__file__).resolve().parents[1]
SHARED_KEYS = ("kamerbrief", "inzetbrief", "verslag-ministeriele-week", "terugblik-veiligheidsraad",
               "schriftelijk-overleg", "kamervragen", "artikel-100-brief", "nota", "verslag", "motie", "handelingen")


def kinds_from(text: str, name: str = "kinds.yml"):
    data, lines = parse_knowledge_yaml(name, text)
    return build_kinds(data, name, lines)


def test_project_file_has_the_shared_kinds_with_label_and_citation():
    kinds = default_kinds()
    assert set(SHARED_KEYS) <= set(kinds.keys()) and kinds.keys()[0] == "kamerbrief"
    for key in SHARED_KEYS:
        assert kinds.get(key).label and kinds.get(key).cite
    assert kinds.label("verslag-ministeriele-week") == "Verslag ministeriële week"
    assert kinds.plural("motie") == "Moties"
    assert kinds.path == ROOT / "content" / "knowledge" / "kinds.yml"


def test_citation_after_aanwijzing_3_43():
    kinds = default_kinds()
    kst = Meta(chamber="II", vergaderjaar="2020-2021", dossier="26 150", number="187")
    assert kinds.citation("kamerbrief", kst) == "Kamerstukken II 2020/21, 26 150, nr. 187"
    ah = Meta(chamber="II", vergaderjaar="2023-2024", aanhangsel="387")
    assert kinds.citation("kamervragen", ah) == "Aanhangsel Handelingen II 2023/24, nr. 387"
    sitting = Meta(chamber="I", vergaderjaar="1949-1950", date=dt.date(1950, 6, 20), number="50")
    assert kinds.citation("handelingen", sitting) == "Handelingen I 1949/50, nr. 50 (20 juni 1950)"
    assert kinds.citation("kamerbrief", Meta(chamber="II", dossier="26 150", number="187")) == ""   # no year: none
    assert kinds.citation("onbekend", kst) == ""


def test_party_spellings():
    kinds = default_kinds()
    assert kinds.party("P.v.d.A.") == "PvdA" and kinds.party("V.V.D.") == "VVD"
    assert kinds.party("Groen Links") == "GroenLinks" and kinds.party("K.V.P.") == "KVP"
    assert kinds.party("Volt") == "Volt"                  # unknown spellings stay as written


def test_rules_are_data_a_new_kind_is_recognised():
    text = (ROOT / "content" / "knowledge" / "kinds.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["kinds"]["notitie"] = {"label": "Notitie", "plural": "Notities"}
    data["rules"].insert(0, {"kind": "notitie", "cues": [{"scope": "top", "pattern": "^NOTITIE\\b"}]})
    kinds = build_kinds(data)
    source = Source(Path("content/letters/n.txt"), "NOTITIE\nOver de hervorming van de Veiligheidsraad.\n")
    assert infer_meta(source, kinds=kinds).kind == "notitie"
    assert infer_meta(source).kind == "kamerbrief"        # the project's file does not know it


def test_unrecognised_letter_is_a_kamerbrief_with_a_warning():
    warnings: list[str] = []
    meta = infer_meta(Source(Path("content/letters/los.txt"), "Een korte notitie zonder herkenbare soort.\n"),
                      warnings=warnings)
    assert meta.kind == "kamerbrief"
    assert any(w.startswith("los.txt: kind of letter not recognised") for w in warnings)


def test_sidecar_kind_outside_the_file_is_an_error_naming_the_sidecar(tmp_path):
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "a.txt").write_text("MOTIE VAN HET LID X\nDe Kamer,\n", encoding="utf-8")
    (letters / "a.yml").write_text("notes: ok\nkind: moite\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_sources(tmp_path)
    error = info.value
    assert error.path.name == "a.yml" and error.line == 2
    assert "unknown kind 'moite'" in error.message and "did you mean 'motie'" in error.message
    assert "kinds.yml" in error.hint and "handelingen" in error.hint


def test_sidecar_kind_checked_against_the_content_folders_file(tmp_path):
    (tmp_path / "knowledge").mkdir()
    project = (ROOT / "content" / "knowledge" / "kinds.yml").read_text(encoding="utf-8")
    (tmp_path / "knowledge" / "kinds.yml").write_text(
        project.replace("\nrules:", "\n  notitie:\n    label: Notitie\n\nrules:", 1), encoding="utf-8")
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "a.txt").write_text("Tekst.\n", encoding="utf-8")
    (tmp_path / "letters" / "a.yml").write_text("kind: notitie\n", encoding="utf-8")
    assert read_sources(tmp_path)[0].sidecar["kind"] == "notitie"
    kinds = build_kinds(*read_kinds(tmp_path))
    assert kinds.label("notitie") == "Notitie"


def test_meta_rejects_a_sidecar_kind_it_does_not_know():
    source = Source(Path("content/letters/a.txt"), "Tekst.\n", {"kind": "motei"}, Path("content/letters/a.yml"))
    with pytest.raises(SourceError) as info:
        infer_meta(source)
    assert info.value.path == Path("content/letters/a.yml") and "did you mean 'motie'" in info.value.message


@pytest.mark.parametrize("text, message, line", [
    ("kinds:\n  motie:\n    lable: Motie\n", "unknown field 'lable' (did you mean 'label'?)", 3),
    ("kinds:\n  kamerbrief:\n    label: Kamerbrief\nrules:\n  - kind: kamerbrief\n    cues:\n"
     "      - scope: top\n        pattern: '(unclosed'\n", "not a valid regular expression", 8),
    ("kinds:\n  kamerbrief:\n    label: Kamerbrief\nrules:\n  - kind: brief\n    cues:\n"
     "      - {scope: top, pattern: x}\n", "unknown kind 'brief'", 5),
    ("kinds:\n  kamerbrief:\n    label: Kamerbrief\n    cite: 'Kamerstukken {kamer}'\n", "unknown placeholder '{kamer}'", 4),
    ("kinds:\n  Kamer Brief:\n    label: x\n", "is not a kind key", 2),
    ("kinds:\n  kamerbrief:\n    plural: Kamerbrieven\n", "'label' is missing", 2),
    ("kinds:\n  kamerbrief:\n    label: Kamerbrief\nrules:\n  - kind: kamerbrief\n    cues:\n"
     "      - {scope: everywhere, pattern: x}\n", "a cue has 'scope'", 7),
])
def test_errors_name_file_and_line(text, message, line):
    with pytest.raises(SourceError) as info:
        kinds_from(text)
    assert message in info.value.message and info.value.line == line and info.value.path.name == "kinds.yml"


def test_render_labels_come_from_the_kinds_file():
    custom = kinds_from("kinds:\n  kamerbrief:\n    label: Brief aan de Kamer\n  motie:\n    label: Motie\n")
    try:
        use_kinds(custom)
        assert kind_label("kamerbrief") == "Brief aan de Kamer"
        assert kind_label("artikel-100-brief") == "Artikel 100 brief"     # unknown to the file: still a label
        assert kind_order(["motie", "zzz", "kamerbrief"]) == ["kamerbrief", "motie", "zzz"]
    finally:
        use_kinds(None)
    assert kind_label("artikel-100-brief") == "Artikel 100-brief"


def test_card_shows_citation_askers_and_provenance():
    from generator.pipeline import make_letter
    text = ("Tweede Kamer der Staten-Generaal\n2\nZitting 1978-1979\nAanhangsel van de Handelingen\n1037\n"
            "Vragen van het lid Van den Bergh (P.v.d.A.) over de recente ontwikkelingen rond UNIFIL. "
            "(Ingezonden 18 april 1979)\n\n1 Is het juist, dat <b>militairen</b> zijn beschoten?\n\n"
            "Antwoord van Minister Van der Klaauw (Buitenlandse Zaken). (Ontvangen 23 april 1979)\n\n1 Ja.\n")
    letter = make_letter(Source(Path("content/letters/1979-unifil.txt"), text))
    page = render_letter(letter).text
    assert card_row(page, "Vindplaats") == "Aanhangsel Handelingen II 1978/79, nr. 1037"
    assert card_row(page, "Vragensteller") == "Van den Bergh (PvdA)"
    assert card_row(page, "Soort") == "Kamervragen"
    assert "Herkomst" in page and "datum: regel 10" in page and "Aanhangsel: regel 5" in page


def test_an_undated_paper_shows_its_vergaderjaar_but_gets_no_year():
    """A vergaderjaar spans two calendar years: the year stays unknown (the letter is listed under
    "Jaar onbekend"), the card names the vergaderjaar. 1984_oorspronkelijke-tekst-vrouwenverdrag.txt, lines 1-7."""
    from generator.pipeline import make_letter
    text = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1984-1985\n18950 (R 1281)\n"
            "Goedkeuring van het Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen "
            "(New York, 18 december 1979)\n"
            "OORSPRONKELIJKE TEKST VAN HET VOORSTEL VAN RIJKSWET EN VAN DE MEMORIE VAN TOELICHTING ZOALS "
            "VOORGELEGD AAN DE RAAD VAN STATE EN VOOR ZOVER NADIEN GEWIJZIGD1\nA. Voorstel van Rijkswet\n\n"
            "1. De eerste volzin van de considerans luidde anders.\n")
    letter = make_letter(Source(Path("content/letters/1984-vrouwenverdrag.txt"), text))
    assert letter.meta.date is None and letter.meta.year is None and letter.meta.vergaderjaar == "1984-1985"
    page = render_letter(letter).text
    assert card_row(page, "Datum").startswith("onbekend (vergaderjaar 1984-1985;")
    assert card_row(page, "Soort") == "Oorspronkelijke tekst"
