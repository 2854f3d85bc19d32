"""meta.py: kind, sessions, date, title and signatories read from the letters' text."""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from pathlib import Path

import pytest

from generator.kinds import default_kinds
from generator.meta import (flatten, infer_date, infer_kind, infer_meta, infer_sessions,
                            infer_signatories, letter_id, normalise_role, top_of)
from generator.model import Block, Signatory, Source, Span
from generator.read import read_sources

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "read"

BLOK = Signatory("S.A. Blok", "Minister van Buitenlandse Zaken")
KAAG = Signatory("S.A.M. Kaag", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")

# What each real letter's text says about itself (checked by reading the letters).
EXPECTED = {
    "2017-avvn72-inzet.txt": dict(
        kind="inzetbrief", sessions=[72, 71], date=None,
        title="Inzet van het Koninkrijk voor de 72e AVVN",
        signatories=[Signatory("A.G. Koenders", "Minister van Buitenlandse Zaken"),
                     Signatory("E.M.J. Ploumen", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")]),
    "2018-avvn73-verslag-ministeriele-week.txt": dict(
        kind="verslag-ministeriele-week", sessions=[73], date=None,
        title="Verslag ministeriële week 73e AVVN", signatories=[BLOK, KAAG], sessions_all=[73, 74]),
    "2019-veiligheidsraad-2018-terugblik.txt": dict(
        kind="terugblik-veiligheidsraad", sessions=[], date=dt.date(2019, 2, 15),
        title="Koninkrijk der Nederlanden als lid van de VN Veiligheidsraad 2018",
        signatories=[Signatory("Stef Blok", "Minister van Buitenlandse Zaken"),
                     Signatory("Sigrid A.M. Kaag", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking")],
        chamber="II"),
    "2020-avvn75-inzet.txt": dict(
        kind="inzetbrief", sessions=[75, 74], date=None,
        title="Inzet van het Koninkrijk voor de 75e AVVN", signatories=[BLOK, KAAG]),
    "2020-avvn75-schriftelijk-overleg.txt": dict(
        kind="schriftelijk-overleg", sessions=[75], date=None,
        title="Schriftelijk overleg over de inzet voor de 75e AVVN", signatories=[],
        kamerstuk="26 150, nr. 187", url="https://zoek.officielebekendmakingen.nl/kst-26150-187",
        chamber="II", vergaderjaar="2020-2021", dossier="26 150", number="187"),
}

YEARS = {"2017-avvn72-inzet.txt": 2017, "2018-avvn73-verslag-ministeriele-week.txt": 2018,
         "2019-veiligheidsraad-2018-terugblik.txt": 2019, "2020-avvn75-inzet.txt": 2020,
         "2020-avvn75-schriftelijk-overleg.txt": 2020}


@pytest.fixture(scope="module")
def corpus() -> dict[str, Source]:
    return {s.name: s for s in read_sources(ROOT / "content")}


def source(text: str, sidecar: dict | None = None, name: str = "brief.txt") -> Source:
    return Source(path=Path("content/letters") / name, text=text, sidecar=sidecar or {})


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# --- the five letters, from their text alone -----------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_letter_inferred_from_text(corpus, name):
    text_only = dataclasses.replace(corpus[name], sidecar={})
    warnings: list[str] = []
    meta = infer_meta(text_only, warnings=warnings)
    expected = EXPECTED[name]
    assert meta.kind == expected["kind"]
    assert meta.sessions == expected.get("sessions_all", expected["sessions"])
    assert meta.date == expected["date"]
    assert meta.title == expected["title"]
    assert meta.signatories == expected["signatories"]
    assert meta.kamerstuk == expected.get("kamerstuk", "") and meta.url == expected.get("url", "")
    for field in ("chamber", "vergaderjaar", "dossier", "number"):
        assert getattr(meta, field) == expected.get(field, "")
    # the kind is always recognised; a letter without a date or reference of its own is named
    assert not any("kind" in w for w in warnings)
    assert all(name in w for w in warnings)
    assert meta.year == YEARS[name]            # from the date, else from the UNGA session
    fields = ("title", "kind", "date", "sessions", "signatories", "kamerstuk", "url",
              "chamber", "vergaderjaar", "dossier", "number")
    assert set(meta.inferred) == {f for f in fields if expected.get(f)} | {"year"}
    assert set(meta.provenance) >= {f for f in fields if expected.get(f)}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_letter_matches_exactly_one_kind_rule(corpus, name):
    from generator.meta import scoped
    flat, top = flatten(corpus[name].text), top_of(corpus[name].text)
    avvn = {"inzetbrief", "verslag-ministeriele-week", "schriftelijk-overleg", "terugblik-veiligheidsraad"}
    matching = [rule.kind for rule in default_kinds().rules
                if all(c.pattern.search(top if c.scope == "top" else scoped(flat, c.scope)) for c in rule.cues)]
    assert matching[0] == EXPECTED[name]["kind"]
    assert [k for k in matching if k in avvn] == [EXPECTED[name]["kind"]]


def test_real_letters_with_sidecars(corpus):
    metas = {name: infer_meta(s) for name, s in corpus.items()}
    no_sidecar = metas["2018-avvn73-verslag-ministeriele-week.txt"]
    assert no_sidecar.inferred == ["kind", "sessions", "title", "signatories", "year"]
    assert no_sidecar.year == 2018
    terugblik = metas["2019-veiligheidsraad-2018-terugblik.txt"]
    assert terugblik.title == "Koninkrijk der Nederlanden als lid van de VN-Veiligheidsraad 2018"
    assert terugblik.date == dt.date(2019, 2, 15)
    # issue 17: its Kamerstuk, vergaderjaar and chamber come from the official publication, with its source
    assert terugblik.inferred == ["signatories"]
    assert terugblik.provenance["date"] == "sidecar" and terugblik.provenance["chamber"] == "sidecar"
    assert terugblik.provenance["kamerstuk"] == "sidecar, bron: https://zoek.officielebekendmakingen.nl/kst-26150-183"
    assert terugblik.sources == {"kamerstuk": "https://zoek.officielebekendmakingen.nl/kst-26150-183"}
    assert metas["2020-avvn75-inzet.txt"].not_found == ["date", "kamerstuk", "url"]
    assert "sources" not in terugblik.provenance and "not_found" not in metas["2020-avvn75-inzet.txt"].provenance
    for name, meta in metas.items():       # sidecars agree with the text on kind and sessions
        assert meta.kind == EXPECTED[name]["kind"]
        assert meta.sessions == EXPECTED[name].get("sessions_all", EXPECTED[name]["sessions"])


def test_letter_id_is_slug_of_file_name(corpus):
    assert letter_id(corpus["2020-avvn75-inzet.txt"]) == "2020-avvn75-inzet"
    assert letter_id(source("x", name="Brief Curaçao 2020.txt")) == "brief-curacao-2020"


# --- signatures ----------------------------------------------------------------------------------

def test_two_column_signature():
    assert infer_signatories(fixture("signature-two-column.txt")) == [
        Signatory("Stef Blok", "Minister van Buitenlandse Zaken"),
        Signatory("Sigrid A.M. Kaag", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ]


def test_signature_directly_followed_by_annex():
    assert infer_signatories(fixture("signature-before-annex.txt")) == EXPECTED["2017-avvn72-inzet.txt"]["signatories"]


def test_lowercase_role_is_capitalised():
    text = ("De minister van Buitenlandse Zaken,   \nS.A. Blok   \n\n"
            "De minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\nS.A.M. Kaag\n")
    assert infer_signatories(text) == [BLOK, KAAG]
    assert normalise_role("de staatssecretaris van Defensie, ") == "Staatssecretaris van Defensie"


def test_wrapped_role():
    text = "De Minister voor Buitenlandse Handel en Ontwikkelings-\nsamenwerking,\n\nS.A.M. Kaag\n"
    assert infer_signatories(text) == [KAAG]


def test_role_in_running_text_is_not_a_signature():
    text = ("De Minister van Buitenlandse Zaken heeft daarnaast samen met zijn \n"
            "Marokkaanse ambtgenoot de achtste ministeriële GCTF-bijeenkomst voorgezeten. \n"
            "De Minister van Defensie, \nsprak bij een evenement over het Canadese initiatief. \n")
    assert infer_signatories(text) == []


def test_signature_from_blocks_when_text_has_none():
    block = Block("signature", "", Span(1, 2), lines=["De Minister van Buitenlandse Zaken,", "S.A. Blok"])
    meta = infer_meta(source("Tekst zonder ondertekening."), blocks=[block])
    assert meta.signatories == [BLOK]


# --- sessions, date, kind, title -----------------------------------------------------------------

def test_sessions_only_attached_to_unga_words():
    text = ("Tijdens de 43e zitting van de VN-Mensenrechtenraad en 75 jaar VN. "
            "De 75e ministeriële week. Artikel 2 van het 3e protocol.")
    assert infer_sessions(flatten(text)) == []


def test_sessions_across_a_hyphenated_line_end():
    text = "van de Nederlandse inzet voor de 75e zitting van de Algemene Verga-\ndering van de VN. "
    assert infer_sessions(flatten(text)) == [75]


def test_later_session_named_comes_after_the_earlier_ones():
    # the 2018 verslag names the 74th session it looks ahead to (a known fault: it was left out)
    text = ("Het Koninkrijk was vertegenwoordigd tijdens de ministeriële week van de 73e Algemene "
            "Vergadering. Het verslag van de gehele 73ste zitting van de AVVN zal worden toegevoegd "
            "aan de inzetbrief voor de 74ste AVVN. Zo ook de 72e AVVN en de 72e AVVN.")
    assert infer_sessions(flatten(text)) == [73, 72, 74]


def test_date_from_letterhead():
    assert infer_date(fixture("letterhead-2019.txt")) == dt.date(2019, 2, 15)


@pytest.mark.parametrize("text", [
    "op 7 november 2016 (Kamerstuk 26 150, nr. 158) ging u een verslag toe.",
    "Van 24 tot en met 28 september 2018 vond de ministeriële week plaats.",
    "Datum 31 februari 2019\n",
])
def test_other_dates_are_not_the_letter_date(text):
    assert infer_date(text) is None


def test_dateline_is_the_letter_date():
    assert infer_date("Den Haag, 6 juli 2018\n\nGeachte voorzitter,\n") == dt.date(2018, 7, 6)


def test_no_recognisable_kind_warns_and_falls_back_to_first_sentence():
    text = ("In 2018 was het Koninkrijk der Nederlanden (KNL) gekozen lid van de Veiligheidsraad "
            "(hierna: Raad), als onderdeel van de gedeelde termijn met Italië in 2017-2018. "
            "Het kabinet koos ervoor de inzet te richten op veiligheid voor burgers.")
    warnings: list[str] = []
    meta = infer_meta(source(text, name="onbekend.txt"), warnings=warnings)
    assert meta.kind == "kamerbrief" and "kind" in meta.inferred          # the default, never an error
    kind_warnings = [w for w in warnings if "kind" in w]
    assert len(kind_warnings) == 1 and "onbekend.txt" in kind_warnings[0] and "kamerbrief" in kind_warnings[0]
    assert any("no date" in w for w in warnings)
    assert meta.title.startswith("In 2018 was het Koninkrijk der Nederlanden")
    assert meta.title.endswith("…") and len(meta.title) <= 91


def test_title_falls_back_to_stem_for_text_without_words():
    meta = infer_meta(source("…\n", name="2021-los-stuk.txt"))
    assert meta.title == "2021-los-stuk"


def test_terugblik_title_without_betreft():
    text = ("Geachte voorzitter,\n\nIn 2018 was het Koninkrijk lid van de VN Veiligheidsraad. "
            "In de onderhavige brief blikt het kabinet terug op deze inzet.\n")
    meta = infer_meta(source(text))
    assert meta.kind == "terugblik-veiligheidsraad"
    assert meta.title == "Terugblik op het lidmaatschap van de VN-Veiligheidsraad 2018"


def test_infer_kind_opening_of_inzetbrief():
    opening = fixture("signature-before-annex.txt")   # mentions 71ste/72ste AVVN but is no opening
    assert infer_kind(flatten(opening), default_kinds(), top_of(opening)) == ("", "")


# --- sidecar -------------------------------------------------------------------------------------

def test_sidecar_overrides_inferred_values():
    text = (" Deze brief informeert u over de inzet van het Koninkrijk der Nederlanden voor de \n"
            "75e zitting van de Algemene Vergadering van de Verenigde Naties (AVVN). \n\n"
            "De minister van Buitenlandse Zaken,\nS.A. Blok\n")
    sidecar = {"title": "Eigen titel", "date": dt.date(2020, 9, 11), "sessions": [75],
               "kamerstuk": "26 150, nr. 187", "url": "https://example.org/brief",
               "signatories": [{"name": "Stef Blok", "role": "Minister van Buitenlandse Zaken"}],
               "notes": "alleen voor de site"}
    meta = infer_meta(source(text, sidecar))
    assert meta.title == "Eigen titel" and meta.date == dt.date(2020, 9, 11)
    assert meta.kamerstuk == "26 150, nr. 187" and meta.url == "https://example.org/brief"
    assert meta.signatories == [Signatory("Stef Blok", "Minister van Buitenlandse Zaken")]
    assert meta.kind == "inzetbrief"
    assert meta.inferred == ["kind"]


def test_sidecar_kind_silences_the_warning():
    warnings: list[str] = []
    meta = infer_meta(source("Een korte notitie zonder herkenbare soort.", {"kind": "inzetbrief"}),
                      warnings=warnings)
    assert meta.kind == "inzetbrief" and warnings == []


def test_five_megabyte_single_line_is_fast():
    line = ("Het Koninkrijk der Nederlanden was met een brede delegatie vertegenwoordigd " * 70000)[:5_000_000]
    start = time.perf_counter()
    meta = infer_meta(source(line))
    assert time.perf_counter() - start < 5
    assert meta.title.endswith("…")


def test_own_kamerstuk_from_page_footer():
    from generator.meta import infer_own_kamerstuk
    text = "vervolgens gekeken worden.\n\nTweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6\n\n\n volgende pagina"
    assert infer_own_kamerstuk(text) == {
        "kamerstuk": "26 150, nr. 187", "url": "https://zoek.officielebekendmakingen.nl/kst-26150-187"}
    # a Kamerstuk cited in the running text is another document, not this one
    assert infer_own_kamerstuk("zie ook Kamerstuk 26 150, nr. 169 over de hervorming.") == {}
