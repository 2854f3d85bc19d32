"""Layouts and their page furniture (content/knowledge/layouts.yml, generator/layouts.py) and the
cleaner's repairs of OCR pages, on short real excerpts.

Excerpts are copied from ../shared/corpus/sgd/ (Staten-Generaal Digitaal OCR pages; the file and
line are given with each) or from the bundled letters; long OCR lines are shortened with "…" in
the middle only where the cut does not matter to the test.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.clean import build_vocabulary, clean, decided_again, joins_inline, keeps_hyphen
from generator.errors import SourceError
from generator.layouts import build_layouts
from generator.layouts import bundled as bundled_layouts
from generator.model import Source
from generator.parse import parse_letter
from generator.read import read_layouts

REPO = Path(__file__).resolve().parents[1]
LAYOUTS = bundled_layouts()


def cleaned(text: str, vocabulary=None, name: str = "excerpt.txt"):
    return clean(Source(Path(name), text), vocabulary, LAYOUTS)


def removed(text: str) -> list[tuple[int, str, str]]:
    return [(f.line, f.text, f.reason) for f in cleaned(text).furniture]


def body(c) -> str:
    return "\n".join(l.text for l in c.lines)


# --- the file ------------------------------------------------------------------------------------

def test_every_pattern_has_name_reason_layout_and_matches_its_example():
    data, path, lines = read_layouts(REPO / "content")
    layouts = build_layouts(data, path, lines)
    assert len(layouts.patterns) >= 25
    for p in layouts.patterns:
        assert p.reason and p.layout in layouts.layouts and p.regex.fullmatch(p.example)
    assert {p.layout for p in layouts.patterns} >= {"kamerstuk", "aanhangsel", "ministeriebrief",
                                                     "handelingen", "sgd-ocr", "webpagina"}


def test_bad_pattern_names_file_and_line(tmp_path):
    data = {"layouts": {"x": {"label": "X"}},
            "furniture": [{"name": "a", "layout": "x", "reason": "r", "match": "line",
                           "pattern": "Vel \\d+", "example": "Vel A"}]}
    with pytest.raises(SourceError, match="does not match its own example"):
        build_layouts(data, tmp_path / "layouts.yml", {("furniture", 0, "example"): 7})
    data["furniture"][0].update(example="Vel 4", match="somewhere")
    with pytest.raises(SourceError, match="match must be line or inline"):
        build_layouts(data, tmp_path / "layouts.yml")
    data["furniture"][0].update(match="line", pattern="Vel (\\d+")
    with pytest.raises(SourceError, match="not a valid regular expression"):
        build_layouts(data, tmp_path / "layouts.yml")


# --- furniture: Kamerstuk and Aanhangsel ---------------------------------------------------------

# sgd/1992_verslag-mo-joegoslavie-unprofor.txt, lines 1-6 and 13-14 (shortened between)
KAMERSTUK_1992 = """Tweede Kamer der Staten-Generaal
2
Vergaderjaar 1992-1993
22181
De situatie in Joegoslavie
Nr. 28
VERSLAG VAN EEN MONDELING OVERLEG Vastgesteld 31 augustus 1992
Van het gevoerde overleg brengen de commissies als volgt verslag uit.
215174F ISSN0921 7371 Sdu Uitgeverij Plantijnstraat 's Gravenhage 1992
Tweede Kamer, vergaderjaar 1992-1993, 22 181, nr. 28"""


def test_kamerstuk_first_page_header_block_removed_document_type_kept():
    # the whole block between the chamber line and the document type is page furniture (the
    # metadata stage reads dossier, title and number from the raw text); the document type stays
    assert removed(KAMERSTUK_1992) == [
        (1, "Tweede Kamer der Staten-Generaal", "kop eerste pagina"),
        (2, "2", "kop eerste pagina"),
        (3, "Vergaderjaar 1992-1993", "kop eerste pagina"),
        (4, "22181", "kop eerste pagina"),
        (5, "De situatie in Joegoslavie", "kop eerste pagina"),
        (6, "Nr. 28", "kop eerste pagina"),
        (9, "215174F ISSN0921 7371 Sdu Uitgeverij Plantijnstraat 's Gravenhage 1992", "drukkersregel"),
        (10, "Tweede Kamer, vergaderjaar 1992-1993, 22 181, nr. 28", "paginavoet"),
    ]
    text = body(cleaned(KAMERSTUK_1992))
    assert text.startswith("VERSLAG VAN EEN MONDELING OVERLEG")
    assert "De situatie in Joegoslavie" not in text


def test_head_block_of_the_1950s_with_the_number_after_the_document_type_and_page_signature():
    # sgd/1957_voorlopig-verslag-buza-begroting-1958.txt, lines 1-8 (line 7 shortened)
    text = """ZITTING 1957—1958 — 4900
RIJKSBEGROTING VOOR HET DIENSTJAAR 1958
HOOFDSTUK III
BUITENLANDSE ZAKEN
VOORLOPIG VERSLAG
Nr. 11
Inleiding; toelichting op de begroting Van vele zijden betuigde men grote waardering.
I 4900 III 11—12"""
    assert removed(text) == [
        (1, "ZITTING 1957—1958 — 4900", "kop eerste pagina"),
        (2, "RIJKSBEGROTING VOOR HET DIENSTJAAR 1958", "kop eerste pagina"),
        (3, "HOOFDSTUK III", "kop eerste pagina"),
        (4, "BUITENLANDSE ZAKEN", "kop eerste pagina"),
        (6, "Nr. 11", "kop eerste pagina"),
        (8, "I 4900 III 11—12", "paginasignatuur"),
    ]
    assert body(cleaned(text)).startswith("VOORLOPIG VERSLAG")


def test_head_block_number_at_the_start_of_the_document_type():
    # tests/fixtures/layouts/artikel-100-brief.txt, lines 1-7
    text = """Tweede Kamer der Staten-Generaal
2
Vergaderjaar 2023–2024
29 521 Nederlandse deelname aan vredesmissies
Nr. 462 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE EN
VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"""
    assert [(n, t) for n, t, _ in removed(text)] == [
        (1, "Tweede Kamer der Staten-Generaal"), (2, "2"), (3, "Vergaderjaar 2023–2024"),
        (4, "29 521 Nederlandse deelname aan vredesmissies"), (5, "Nr. 462")]
    assert body(cleaned(text)).startswith("BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE EN")


def test_no_head_block_without_its_close_or_its_opening():
    # a dossier title only counts inside the head zone: without a "Nr." or document-type line
    # within a few lines, only the named patterns go
    text = "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1992-1993\n" + "\n".join(
        f"Regel {i} van de brief zelf, zonder kop." for i in range(12))
    assert [n for n, _, _ in removed(text)] == [1, 2, 3]
    # no chamber or session line on the first line: nothing is a head block
    text = "De situatie in Joegoslavie\nNr. 28\nVERSLAG VAN EEN MONDELING OVERLEG"
    assert removed(text) == []


def test_modern_kamerstuk_footers():
    # the first-page footer and running footer of Kamerstuk 26 150, nr. 187 (seed 003, line 302)
    text = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2020–2021\n26 150\nNr. 187\n"
            "De leden hebben kennisgenomen van de brief.\n"
            "kst-26150-187 ISSN 0921 - 7371 's-Gravenhage 2020\n"
            "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6\n")
    assert [(n, why) for n, _, why in removed(text)] == [
        (1, "kop eerste pagina"), (2, "kop eerste pagina"), (3, "kop eerste pagina"),
        (4, "kop eerste pagina"), (5, "kop eerste pagina"),
        (7, "voet eerste pagina"), (8, "paginavoet")]
    # the same footer as a PDF's text layer gives it, over three lines (tests/fixtures/layouts/motie.txt)
    text = "Zandbergen\n\nkst-36200-V-12\nISSN 0921 - 7371\n's-Gravenhage 2022\n"
    assert [(n, why) for n, _, why in removed(text)] == [
        (3, "voet eerste pagina"), (4, "voet eerste pagina"), (5, "voet eerste pagina")]
    # ISSN and place alone are no footer
    assert removed("Zandbergen\nISSN 0921 - 7371\n's-Gravenhage 2022\n") == []


def test_older_zitting_footer_with_its_page_number():
    # sgd/1976_nota-ontwikkelingssamenwerking-undp-unep.txt, lines 10-12
    text = "Het kabinet zal uw Kamer daarover nader inlichten.\n2 vel\nTweede Kamer, zitting 1976-1977,14100 hoofdstuk V, nr. 10\n1"
    assert removed(text) == [(2, "2 vel", "velmerk"),
                             (3, "Tweede Kamer, zitting 1976-1977,14100 hoofdstuk V, nr. 10", "paginavoet"),
                             (4, "1", "paginanummer")]


def test_aanhangsel_old_header_and_footer():
    # sgd/1979_kamervragen-unifil.txt, lines 1-6 and 11-12 (line 7 shortened)
    text = """Tweede Kamer der Staten-Generaal
2
Zitting 1978-1979
Aanhangsel van de Handelingen
Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden
1037
Vragen van het lid Van den Bergh (P.v.d.A.) over de recente ontwikkelin-gen rond UNIFIL. (Ingezonden 18 april 1979)
Tweede Kamer, zitting 1978-1979, Aanhangsel
2077"""
    assert [(n, why) for n, _, why in removed(text)] == [
        (1, "kop eerste pagina"), (2, "kop eerste pagina"), (3, "kop eerste pagina"),
        (4, "kop eerste pagina"), (5, "kop eerste pagina"), (6, "kop eerste pagina"),
        (8, "paginavoet"), (9, "paginanummer")]
    # the Aanhangsel number is part of the head block (the metadata stage reads it from the raw text)
    assert body(cleaned(text)).startswith("Vragen van het lid Van den Bergh")


def test_aanhangsel_modern_footer():
    text = "Vraag 1\nKent u het bericht?\nah-tk-20232024-387 ISSN 0921 - 7398 's-Gravenhage 2024\n"
    assert removed(text) == [(3, "ah-tk-20232024-387 ISSN 0921 - 7398 's-Gravenhage 2024", "paginavoet")]


def test_printer_line_split_over_two_lines():
    # sgd/1990_ek-kamervragen-unesco-boekarest.txt, lines 13-17
    text = """* Ter inzage gelegd op de griffie van de Eerste Kamer.
010258F ISSN 0921 -738X SDU uitgeverij '
s Gravenhage 1990
Eerste Kamer, vergaderjaar 1989-1990, Aanhangsel
11"""
    assert [(n, why) for n, _, why in removed(text)] == [
        (2, "drukkersregel"), (3, "drukkersregel"), (4, "paginavoet"), (5, "paginanummer")]


# --- furniture: Handelingen and old pages --------------------------------------------------------

def test_running_head_between_two_halves_of_a_sentence():
    # sgd/1974_tk-handelingen-boertien-vn.txt, lines 8-10 (shortened): the running head lands in
    # the middle of "… dat het een pu-bliek geheim was. … dat de zaak op de agenda van de Ministerraad staat"
    text = ("De heer Schakel (A.R.P.): Mijnheer de Voorzitter! Vervelend is het, dat de zaak op de agen-da van de Ministers-" + "x" * 200 + " en dat\n"
            "Woensdag 6 november 1974 Aanvang 13.00 uur.\n"
            "raad staat en dat de Kamer, c.q. jour-nalisten, in persconferenties " + "y" * 200 + " klinken.")
    c = cleaned(text)
    assert [(f.line, f.reason) for f in c.furniture] == [(2, "lopende kop")]
    paragraphs = [p for p in body(c).split("\n\n")]
    assert len(paragraphs) == 1 and "en dat raad staat" in " ".join(paragraphs[0].split("\n"))


def test_running_head_inside_a_line_is_cut_out_and_the_sentence_kept():
    # sgd/1952_tk-handelingen-handvest-tractatenblad.txt, lines 11-13 (shortened): "de heer In 't Veld"
    text = ("en de heer Drees, Minister-President, Minister van Algemene Zaken; de heer Beel, Minister van "
            "Binnenlandse Zaken; de heer In Handelingen der Staten-Generaal — Zitting 1951—1952\n"
            "II\n"
            "(Voorzitter) 't Veld, Minister van Wederopbouw en Volkshuisvesting.")
    c = cleaned(text)
    assert [(f.line, f.text, f.reason) for f in c.furniture] == [
        (1, "Handelingen der Staten-Generaal — Zitting 1951—1952", "lopende kop"), (2, "II", "lopende kop")]
    assert c.lines[0].text.endswith("Binnenlandse Zaken; de heer In")


def test_sitting_running_head_in_the_middle_of_a_line():
    text = "Het antwoord van de Minis-ter Dinsdag 7 november 1978 Aanvang 13.30 uur heeft mijn fractie niet overtuigd."
    c = cleaned(text)
    assert [(f.text, f.reason) for f in c.furniture] == [("Dinsdag 7 november 1978 Aanvang 13.30 uur", "lopende kop")]
    assert c.lines[0].text == "Het antwoord van de Minis-ter heeft mijn fractie niet overtuigd."


def test_handelingen_page_head_and_sheet_marks():
    # sgd/1950_ek-handelingen-vierde-algemene-vergadering.txt, lines 1-8
    text = """Ve! 207
779
Eerste
Kamer
50ste VERGADERING — 20 JUNI 1950
Ingekomen stukken — Mededeling besluit van de Centrale Afdeling
50STE VERGADERING
VERGADERING VAN DINSDAG 20 JUNI 1950 (Bijeenroepingsuur 1.30 namiddag)"""
    assert [(n, why) for n, _, why in removed(text)] == [
        (1, "velmerk"), (2, "paginanummer"), (3, "lopende kop"), (4, "lopende kop"), (5, "lopende kop"),
        (6, "lopende kop")]                      # the subjects of the page, beside the running head
    assert body(cleaned(text)).startswith("50STE VERGADERING")


@pytest.mark.parametrize("line", [
    "Eerste Kamer 7 november 1978",                  # sgd/1978_ek-handelingen-algemene-vergadering-33.txt:43
    "Tweede Kamer 21steVergadering",                 # sgd/1974_tk-handelingen-boertien-vn.txt:15
    "60ste Vergadering -18 Maart '55",               # sgd/1955_tk-handelingen-gelijke-beloning.txt:2
    "Vel 419",                                       # sgd/1952_tk-handelingen-handvest-tractatenblad.txt:1
    "Handelingen der Staten-Generaal Bijlagen 1948—1949",   # sgd/1948_buza-begroting-verslag-vn-delegatie.txt:22
    "Ga direct naar inhoud",
])
def test_furniture_lines(line):
    assert removed(f"Dit is de brief.\n{line}\nEn dit de rest van de brief.") == [
        (2, line, next(p.reason for p in LAYOUTS.patterns if p.regex.fullmatch(line)))]


@pytest.mark.parametrize("line", [
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",   # sgd/1958_brief-twaalfde-algemene-vergadering.txt:10
    "De Tweede Kamer heeft op 7 november 1978 besloten de motie aan te nemen.",
    "Tweede Kamer der Staten-Generaal",              # outside the first-page head: an address line
    "2",                                             # a bare number not beside a footer
    "Zitting 1978-1979 van de Verenigde Naties",
    "Het lid Van der Spek vraagt: Menu van de Kamer?",
    "Vergaderjaar 2019–2020 was een bijzonder jaar.",
    "Tweede Kamer, vergaderjaar 2019–2020, 26 150, nr. 187 en de brief van 15 mei",
    "1038 4",                                        # a page signature or a table row: not certain, kept
])
def test_near_misses_stay(line):
    text = "\n".join(f"Regel {i} van de brief, met een zin." for i in range(14)) + "\n" + line + "\nEinde."
    assert removed(text) == []


def test_ministry_letter_running_header_still_removed():
    # content/letters/2019-veiligheidsraad-2018-terugblik.txt, lines 85-87 (as before: moved to layouts.yml)
    text = "Deze brief gaat over de Raad.\n\nOnze Referentie\n\nBZDOC-151021554-15\n\nDe Raad nam besluiten."
    assert removed(text) == [(3, "Onze Referentie", "lopende kop"), (5, "BZDOC-151021554-15", "kenmerk in lopende kop")]


def test_furniture_regexes_are_fast_on_long_lines():
    line = ("De Minister van Defensie begon zijn verklaring, Tweede Kamer 12 mei 1992 en Dinsdag 12 mei "
            "Aanvang 13 uur, Handelingen der Staten-Generaal — Zitting, ") * 25     # about 3,000 characters
    start = time.perf_counter()
    for _ in range(20):
        cleaned("\n".join([line] * 5))
    assert time.perf_counter() - start < 2.0


# --- paragraphs, footnotes and hyphens of OCR pages ----------------------------------------------

# sgd/1992_verslag-mo-joegoslavie-unprofor.txt, lines 7-12, shortened inside each line
UNPROFOR = """1 Samenstelling: Leden: Stemerdink (PvdA), Frinking (CDA), ondervoorzitter, Paulis (CDA), Van der Linden (CDA) en Beckers-de Bruijn (Groen Links). 2 Samenstelling: Leden: Van Dis (SGP), Stoffelen (PvdA), Aarts (CDA), voorzitter, Valk (PvdA) en Sipkes (Groen Links) Plv leden: E G Terpstra (VVD), J.H. van den
VERSLAG VAN EEN MONDELING OVERLEG Vastgesteld 31 augustus 1992
De vaste Commissies voor Defensie1 en voor Buitenlandse Zaken2 hebben op 12 mei 1992 mondeling overleg gevoerd met de ministers van Defensie en van Buitenlandse Zaken over de actuele situatie in Joegoslavië en de positie van de Nederlandse militairen daarin. Van het gevoerde overleg brengen de commissies als volgt verslag uit.
Vragen en opmerkingen uit de commissie
De Minister van Defensie begon zijn verklaring met de mededeling dat op dat moment een door hem getekende boodschap uitging naar het Nederlandse personeel van de waarnemersmissie en van de VN-vredes-macht, UNPROFOR, in de omstandig-heden van Joego-slavië.
Berg (PvdA), Van lersel (CDA), Mateman (CDA), Jurgens (PvdA), Tommel (066), Huibers (CDA), Deetman (CDA), Ramlal (CDA), Bolkestein (VVD), Scheltema-de Nie (D66), Quint-Maagdenberg (PvdA) en Beckers-de Bruijn (Groen Links)."""


def test_ocr_page_one_line_per_paragraph():
    c = cleaned(UNPROFOR)
    paragraphs = body(c).split("\n\n")
    assert paragraphs[0] == "VERSLAG VAN EEN MONDELING OVERLEG Vastgesteld 31 augustus 1992"
    assert paragraphs[2] == "Vragen en opmerkingen uit de commissie"
    assert len(paragraphs) == 4


def test_ocr_footnotes_lifted_with_their_glued_markers():
    c = cleaned(UNPROFOR)
    notes = [(n.number, n.span.start, n.span.end, n.after_line) for n in c.notes]
    assert notes == [("1", 1, 1, 3), ("2", 1, 6, 3)]
    assert c.notes[0].text.endswith("Beckers-de Bruijn (Groen Links).")
    assert c.notes[1].text.startswith("Samenstelling: Leden: Van Dis (SGP)")
    assert c.notes[1].text.endswith("J.H. van den Berg (PvdA), Van lersel (CDA), Mateman (CDA), Jurgens (PvdA), "
                                     "Tommel (066), Huibers (CDA), Deetman (CDA), Ramlal (CDA), Bolkestein (VVD), "
                                     "Scheltema-de Nie (D66), Quint-Maagdenberg (PvdA) en Beckers-de Bruijn (Groen Links).")
    # nothing lost: every word of the excerpt is in the text or a note
    kept = body(c) + " " + " ".join(n.text for n in c.notes)
    assert all(word in kept.split() or word in kept for word in UNPROFOR.split() if word not in ("1", "2"))
    parsed = parse_letter(c)
    assert [f.number for f in parsed.footnotes] == ["1", "2"]


def test_question_numbers_are_not_footnotes_but_the_footnote_after_them_is():
    # sgd/1980_kamervragen-vn-mensenrechten-saoedi-arabie.txt, lines 8-12 (line 8 shortened): the
    # questions are numbered "1 …", "2 …"; "1 Zie Handelingen …" is the footnote of "parallel-valuta?1"
    text = """1 Herinnert de Minister zich de belofte van zijn ambtsvoorganger, gedaan op 27 augustus 1979, de vaste Kamer-commissie voor Buitenlandse Zaken een notitie toe te sturen over een Euro-pese parallel-valuta?1
2 Wil de Minister deze belofte gestand doen op zodanige wijze dat de betref-fende informatie in de beschouwing kan worden betrokken op de Openbare Commissievergadering van 29 mei a.s. over het functioneren van de Europese Gemeenschappen?
1 Zie Handelingen blz. 1339.
Antwoord Antwoord van Minister Van der Stee (Financiën). (Ontvangen 14 mei 1980)
1 Ja."""
    c = cleaned(text)
    assert [(n.number, n.text, n.span.start, n.after_line) for n in c.notes] == [("1", "Zie Handelingen blz. 1339.", 3, 1)]
    assert [l.text[:12] for l in c.lines if l.text] == ["1 Herinnert ", "2 Wil de Min", "Antwoord Ant", "1 Ja."]


def test_inline_ocr_hyphens_joined_where_corpus_and_dictionary_agree():
    # sgd/1979_kamervragen-unifil.txt, lines 7-10 (shortened)
    page = ("Vragen van het lid Van den Bergh (P.v.d.A.) over de recente ontwikkelin-gen rond UNIFIL. "
            "(Ingezonden 18 april 1979) Is het juist, dat Nederlandse militairen gelegerd in Zuid-Libanon in het "
            "kader van Unifil, onder zwaar artillerievuur zijn gekomen?\n"
            "Antwoord Antwoord van Minister Van der Klaauw (Buitenlandse Zaken) en Mi-nister Scholten (Defensie). "
            "(Ontvan-gen 23 april 1979) Heeft de Nederlandse Regering er zich van vergewist dat het "
            "Unifil-commando heeft geprotesteerd? De Com-missie heeft de VN-vredesmacht in Noord-Korea en de "
            "niet-gebonden landen ter sprake ge-bracht. Het Unifil-comman-do en de VN-vredes-macht.")
    other = ("De ontwikkelingen in de Commissie: de Minister heeft het ontvangen en gebracht. Het "
             "Unifil-commando, de niet-gebonden landen, Noord-Korea en de VN-vredesmacht.")
    vocab = build_vocabulary([page, other])
    text = body(cleaned(page, vocab))
    for joined in ("ontwikkelingen", "Minister Scholten", "(Ontvangen 23", "De Commissie", "ge­bracht".replace("­", "")):
        assert joined in text
    for kept in ("Zuid-Libanon", "Unifil-commando", "VN-vredesmacht", "Noord-Korea", "niet-gebonden"):
        assert kept in text
    assert "Het Unifil-commando en de VN-vredesmacht." in text      # the last hyphen of a chain


def test_inline_hyphens_of_modern_letters_left_alone():
    # content/letters/2019-veiligheidsraad-2018-terugblik.txt style: short lines, genuine hyphens
    page = "Het water-gerelateerd onderzoek en de sanctie-ontduiking.\nDe niet-statelijke actoren."
    vocab = build_vocabulary([page, "watergerelateerd sanctieontduiking nietstatelijke"])
    assert body(cleaned(page, vocab)) == page


def test_inline_decisions_recorded_and_checked_again():
    page = "De Com-missie heeft de zaak ge-bracht en de ontwikkelin-gen besproken. " * 8
    vocab = build_vocabulary([page, "De Commissie heeft het gebracht, de ontwikkelingen."])
    c = cleaned(page, vocab)
    assert ("inline", "Com", "missie", True, True) in c.hyphens       # (…, joined, on an OCR page)
    assert decided_again(c.hyphens, vocab)
    assert not decided_again(c.hyphens, build_vocabulary([page]))     # the corpus no longer agrees
    assert joins_inline("Com", "missie", vocab) and not joins_inline("VN", "vredesmacht", vocab)


def test_ocr_page_joins_a_broken_word_the_corpus_never_writes_joined():
    # words a reader noted on SGD OCR pages: the printer broke them at a line end, the OCR kept the
    # hyphen; the corpus has no other form of them. A compound whose second part is a word of its
    # own keeps its hyphen, and so does one with a capital before the hyphen (a name).
    vocab = build_vocabulary(["De staten en de leden; de Benelux.",
                              "electrici-teitspolitiek ge-vangennemen ambas-sades lid-staten Korvetten-leverantie"])
    assert joins_inline("electrici", "teitspolitiek", vocab, ocr=True)      # sgd/1952_tk-handelingen-handvest-tractatenblad.txt
    assert joins_inline("ge", "vangennemen", vocab, ocr=True)               # sgd/1971_kamervragen-papuas-vn.txt
    assert joins_inline("ambas", "sades", vocab, ocr=True)                  # sgd/1990_kamervragen-who-aids-conferentie-visum.txt
    assert not joins_inline("lid", "staten", vocab, ocr=True)              # "staten" is a word
    assert not joins_inline("Korvetten", "leverantie", vocab, ocr=True)    # a capital: a name or compound
    assert not joins_inline("electrici", "teitspolitiek", vocab)           # not an OCR page: the corpus must agree


# --- line-end hyphens ----------------------------------------------------------------------------

def test_hyphen_before_en_or_of_is_kept_with_its_space():
    c = cleaned("De Noord-Afrikaanse en West-\nen Noord-Afrikaanse landen, Oost-\nof West-Europa.")
    text = " ".join(l.text for l in c.lines)
    assert "West- en Noord-Afrikaanse" in text and "Oost- of West-Europa" in text


def test_staakt_het_vuren_across_a_line_end():
    # content/letters/2020-avvn75-schriftelijk-overleg.txt, lines 2151-2152 and 3310-3311
    text = "resolutie geeft in paragraaf 3 reeds expliciet aan dat het staakt-\nhet-vuren niet geldt voor"
    assert "staakt-het-vuren niet" in " ".join(l.text for l in cleaned(text).lines)
    assert keeps_hyphen("staakt", "het-vuren", None)
    vocab = build_vocabulary(["een wereldwijd staakt-het-vuren"])
    assert keeps_hyphen("staakt", "het-vuren", vocab)


def test_span_covers_the_line_of_a_word_moved_up():
    # content/letters/2018-avvn73-verslag-ministeriele-week.txt, lines 200-201: the heading's last word
    # stands on line 201 and is moved up by the dehyphenation
    text = ("Inleiding van de brief.\n\nInternationale rechtsorde, mensenrechten en het tegengaan van straf-\n"
            "feloosheid\n\nHet Koninkrijk zette zich in.")
    c = cleaned(text)
    line = next(l for l in c.lines if l.text.endswith("straffeloosheid"))
    assert (line.no, line.end) == (3, 4)
    blocks = parse_letter(c).blocks
    block = next(b for b in blocks if b.text.endswith("straffeloosheid"))
    assert (block.span.start, block.span.end) == (3, 4)


def test_hard_wrapped_paragraphs_without_blank_lines():
    # sgd/1979_kamervragen-unifil.txt, lines 9-10, wrapped at a printed width without blank lines:
    # the first paragraph ends on a short line, the second starts indented after a full line
    first = ("Naar aanleiding van uw schrijven van 19 april waarbij u ons heeft toegezonden de door het lid\n"
             "uwer Kamer, de heer Van den Bergh, ingediende vragen, mogen wij verwijzen naar onze brief van\n"
             "heden. De gestelde vragen zijn daarin mede beantwoord.\n")
    second = ("   Heeft de Nederlandse Regering er zich van vergewist dat het Unifil-commando heeft geprotesteerd\n"
              "bij de leiding van de Christelijke Militia tegen deze beschietingen van de posten in het zuiden.\n"
              "   Bestaat er enige zekerheid dat er aan deze beschietingen een einde zal komen?")
    paragraphs = body(cleaned(first + second)).split("\n\n")
    assert [p.split("\n")[0][:20] for p in paragraphs] == ["Naar aanleiding van ", "Heeft de Nederlandse", "Bestaat er enige zek"]


def test_short_lines_without_blank_lines_are_paragraphs_and_list_items():
    # sgd/1974_brief-humanitaire-hulp-vn-organisaties.txt, lines 8-18 (line 11 shortened): not
    # hard-wrapped, no blank lines; an amount "f" set on a line of its own belongs to the next line
    text = """Brief van de Minister voor Ontwikkelingssamenwerking
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
's-Gravenhage, 5 november 1974
Met referte aan de door mij dd. 8 noeember 1973 aan de Kamer gedane toezegging moge ik u hierbij een overzicht doen toekomen.
Bestemmingen derde kwartaal 1974: 1. Bangladesh (overstromingen) via: United Nations Disaster Relief Organization (UNDRO)
f 2 000 000 UNICEF
f 1 000 000 Wereldvoedselprogramma voor transportkosten van voedselhulp
f
500 000 Interkerkelijke actie Bangladesh
f
500 000 Terre des Hommes, voor luchttransport melkpoeder"""
    paragraphs = [" ".join(p.split("\n")) for p in body(cleaned(text)).split("\n\n")]
    assert paragraphs == [
        "Brief van de Minister voor Ontwikkelingssamenwerking",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "'s-Gravenhage, 5 november 1974",
        "Met referte aan de door mij dd. 8 noeember 1973 aan de Kamer gedane toezegging moge ik u hierbij een overzicht doen toekomen.",
        "Bestemmingen derde kwartaal 1974: 1. Bangladesh (overstromingen) via: United Nations Disaster Relief Organization (UNDRO)",
        "f 2 000 000 UNICEF",
        "f 1 000 000 Wereldvoedselprogramma voor transportkosten van voedselhulp",
        "f 500 000 Interkerkelijke actie Bangladesh",
        "f 500 000 Terre des Hommes, voor luchttransport melkpoeder",
    ]


def test_motion_clauses_are_paragraphs():
    # sgd/1981_motie-unctad.txt, lines 9-13 (line 11 and 12 shortened)
    text = """De Kamer,
gehoord de beraadslaging;
overwegende, dat de problemen in handel, ontwikkeling en internationale monetaire zaken in onderlinge samenhang moeten worden bezien;
verzoekt de Regering, te bevorderen, dat de rol van de UNCTAD als permanent onderhandelingsorgaan wordt versterkt,
en gaat over tot de orde van de dag."""
    paragraphs = [" ".join(p.split("\n")) for p in body(cleaned(text)).split("\n\n")]
    # as printed: "De Kamer," and the closing formula are lines of their own (layouts.yml, standalone)
    assert [p[:25] for p in paragraphs] == ["De Kamer,", "gehoord de beraadslaging;", "overwegende, dat de probl",
                                            "verzoekt de Regering, te ", "en gaat over tot de orde "]


def test_pipeline_reads_the_content_folders_layouts_or_falls_back(tmp_path):
    from generator.config import Settings
    from generator.pipeline import load_layouts

    content = tmp_path / "content"
    (content / "knowledge").mkdir(parents=True)
    assert load_layouts(Settings(content_dir=content)) is LAYOUTS        # no file: the repository's own
    path = content / "knowledge" / "layouts.yml"
    path.write_text("layouts:\n  x: {label: X}\nfurniture:\n  - name: vel\n    layout: y\n"
                    "    reason: velmerk\n    match: line\n    pattern: 'Vel \\d+'\n    example: Vel 4\n",
                    encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_layouts(Settings(content_dir=content))
    assert info.value.path == path and info.value.line == 5 and "unknown layout 'y'" in info.value.message
    path.write_text(path.read_text(encoding="utf-8").replace("layout: y", "layout: x"), encoding="utf-8")
    own = load_layouts(Settings(content_dir=content))
    assert [p.name for p in own.patterns] == ["vel"]
    c = clean(Source(Path("x.txt"), "Tekst.\nVel 4\nOnze Referentie\nMeer tekst."), None, own)
    assert [(f.line, f.reason) for f in c.furniture] == [(2, "velmerk")]      # only this folder's patterns


def test_sitting_head_with_its_year_and_page_number_on_lines_of_their_own():
    # sgd/1971_tk-handelingen-delegatie-algemene-vergadering.txt, lines 1-6
    text = """Ingekomen snikken, enz.
6de vergadering -14 december '
71
143
6DE VERGADERING
VERGADERING VAN DINSDAG 14 DECEMBER 1971 (Bijeenroepingsuur 13.30)"""
    assert removed(text) == [(1, "Ingekomen snikken, enz.", "lopende kop"),     # the subjects head (OCR "snikken")
                             (2, "6de vergadering -14 december '", "lopende kop"), (3, "71", "lopende kop"),
                             (4, "143", "paginanummer")]
    # sgd/1955_tk-handelingen-gelijke-beloning.txt, lines 1-4
    text = ("Gelijke beloning van mannen en vrouwen voor arbeid van gelijke waarde\n60ste Vergadering -18 Maart '55\n"
            "3719\n60STE VERGADERING")
    assert removed(text) == [(1, "Gelijke beloning van mannen en vrouwen voor arbeid van gelijke waarde", "lopende kop"),
                             (2, "60ste Vergadering -18 Maart '55", "lopende kop"), (3, "3719", "paginanummer")]


def test_handelingen_volume_title_and_topics_head():
    # sgd/1961_tk-handelingen-hammarskjold.txt, lines 1-4
    text = ("VERSLAG DER HANDELINGEN\nVAN DE TWEEDE KAMER DER STATEN-GENERAAL\n"
            "GEDURENDE HET ZITTINGSJAAR 1961—1962\nISTE VERGADERING\n")
    assert [n for n, _, _ in removed(text)] == [1, 2, 3]
    # sgd/1974_tk-handelingen-boertien-vn.txt, lines 14-18 (line 18 shortened): the subjects of the
    # page beside its running head, with the page number
    text = ("Daartoe wordt besloten.\nTweede Kamer 21steVergadering\n"
            "Ingekomen stukken Oosterschelde Regeling van werkzaamheden\n1051\n"
            "De Voorzitter: Ik stel voor, aan de orde te stellen.\n")
    assert removed(text) == [(2, "Tweede Kamer 21steVergadering", "lopende kop"),
                             (3, "Ingekomen stukken Oosterschelde Regeling van werkzaamheden", "lopende kop"),
                             (4, "1051", "paginanummer")]
    # a short line beside running text is no running head
    assert removed("Daartoe wordt besloten.\nRegeling van werkzaamheden\nDe Voorzitter: Ik stel voor.\n") == []


def test_old_bijlagen_page_head_and_its_signatures():
    # sgd/1948_buza-begroting-verslag-vn-delegatie.txt, lines 1-6 and 11 (line 6 shortened)
    text = """Bijlagen
1038
Wijziging van het derde Hoofdstuk der
1038 4
VERSLAG
Sommige leden meenden, dat in ieder geval een deel der thans aangevraagde verhogingen stellig reeds ten tijde bekend was.
1038 5"""
    assert removed(text) == [(1, "Bijlagen", "lopende kop"), (2, "1038", "lopende kop"),
                             (3, "Wijziging van het derde Hoofdstuk der", "lopende kop"),
                             (4, "1038 4", "paginasignatuur"), (7, "1038 5", "paginasignatuur")]
    # sgd/1951_begroting-marine-1952-uno-taak.txt, lines 1-3 and 12-14: page number and a running
    # title ending in the document label
    text = ("4\nRijksbegroting voor het dienstjaar 1952 2300 VIIIB 1—2\n"
            "Onderafdeling III. BETONNING, BEBAKENING, VERLICHTING EN ZEEMERKEN\n"
            "De Minister van Marine,\n2300 VIIIB 2\nMEMORIE VAN TOELICHTING")
    assert [n for n, _, _ in removed(text)] == [1, 2, 5]
    # a letter that starts with a number and a short line is no such page
    assert removed("1\nInleiding\nDe regering heeft besloten.\nDat is alles.") == []


def test_bad_head_block_names_file_and_problem(tmp_path):
    data, path, lines = read_layouts(REPO / "content")
    data = dict(data, head_block=dict(data["head_block"], opens=["no-such-pattern"]))
    with pytest.raises(SourceError, match="'opens' is a list of furniture pattern names"):
        build_layouts(data, tmp_path / "layouts.yml")
    data["head_block"] = dict(data["head_block"], opens=["chamber-header"],
                              number={"pattern": "Nr\\. \\d+", "example": "Nummer 4"})
    with pytest.raises(SourceError, match="number does not match its own example"):
        build_layouts(data, tmp_path / "layouts.yml")
    data["head_block"] = dict(data["head_block"], number={"pattern": "Nr\\. \\d+", "example": "Nr. 4"},
                              signature={"reason": "x", "pattern": "\\d+ \\d+", "example": "4900 1"})
    with pytest.raises(SourceError, match="dossier"):
        build_layouts(data, tmp_path / "layouts.yml")


# --- lines that are a paragraph of their own ------------------------------------------------------

def paragraphs(text: str) -> list[str]:
    out, current = [], []
    for line in cleaned(text).lines:
        if line.text:
            current.append(line.text)
        elif current:
            out.append(" ".join(current))
            current = []
    return out + ([" ".join(current)] if current else [])


def test_addressee_and_dateline_do_not_run_into_the_body():
    # the first page of a Kamerstuk as published, without blank lines (tests/fixtures/layouts/kst-brief.txt:9-13)
    text = ("BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
            "Den Haag, 17 april 2023\n"
            "Met deze brief informeer ik uw Kamer, mede namens de Minister voor\n"
            "Buitenlandse Handel en Ontwikkelingssamenwerking, over de voortgang\n")
    got = paragraphs(text)
    assert got[1:] == ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Den Haag, 17 april 2023",
                       "Met deze brief informeer ik uw Kamer, mede namens de Minister voor Buitenlandse "
                       "Handel en Ontwikkelingssamenwerking, over de voortgang"]


def test_a_dateline_inside_a_sentence_is_no_paragraph():
    text = ("Het kabinet heeft op de bijeenkomst in\n"     # "in" runs on into the next line
            "Den Haag, 17 april 2023\n"
            "besloten om de inzet voort te zetten.\n")
    assert len(paragraphs(text)) == 1


def test_motion_clauses_without_blank_lines_are_paragraphs():
    # tests/fixtures/layouts/motie.txt:11-26 (a motion as published, hard-wrapped, no blank lines)
    text = ("Voorgesteld 3 november 2022\nDe Kamer,\ngehoord de beraadslaging,\n"
            "constaterende dat blauwhelmen en burgerpersoneel van verschillende VN-\n"
            "missies steeds vaker het doelwit zijn van gerichte desinformatie;\n"
            "overwegende dat een missie die haar taken en resultaten goed uitlegt,\n"
            "beter in staat is burgers te beschermen;\n"
            "verzoekt de regering, in VN-verband te pleiten voor voldoende middelen\n"
            "voor de strategische communicatie van vredesmissies,\n"
            "en gaat over tot de orde van de dag.\n")
    got = paragraphs(text)
    assert [p.split(",")[0].split(" dat")[0] for p in got] == [
        "Voorgesteld 3 november 2022", "De Kamer", "gehoord de beraadslaging", "constaterende",
        "overwegende", "verzoekt de regering", "en gaat over tot de orde van de dag."]
    assert got[4] == "overwegende dat een missie die haar taken en resultaten goed uitlegt, beter in staat is " \
                     "burgers te beschermen;"


def test_prose_after_a_comma_is_not_taken_for_a_motion_clause():
    text = ("Het kabinet, dat de zorgen van de Kamer deelt,\n"
            "verzoekt het secretariaat van de VN om een nadere toelichting,\n"
            "roept alle partijen op tot terughoudendheid.\n")
    assert len(paragraphs(text)) == 1


def test_bad_standalone_line_names_the_problem(tmp_path):
    data, path, lines = read_layouts(REPO / "content")
    data = dict(data, standalone=[{"name": "x", "match": "line", "pattern": "^Den Haag$", "example": "Utrecht"}])
    with pytest.raises(SourceError, match="does not match its example"):
        build_layouts(data, path, lines)
    data["standalone"][0].update(match="somewhere", example="Den Haag")
    with pytest.raises(SourceError, match="match \\(line or start\\)"):
        build_layouts(data, path, lines)
