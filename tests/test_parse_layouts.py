"""Headings only with evidence, in every layout: real lines of the bundled letters and of the SGD
pages (tests/fixtures/kamervragen/ and ../shared/corpus/sgd/, cited by file and line) with the
blocks a reader expects, and near misses that must not become headings. The parse stage works on
the cleaning stage's lines; here they are built directly (model.Line, a blank line between
paragraphs, as the cleaning stage gives one-line paragraphs) or taken from generator.clean."""
from __future__ import annotations

from pathlib import Path

from generator.clean import clean
from generator.model import Cleaned, Line, Source
from generator.parse import parse_letter
from generator.pipeline import make_letter
from generator.pages.letter import render_letter

LETTERS = Path(__file__).resolve().parent.parent / "content" / "letters"


def cleaned(*paragraphs: tuple[int, str]) -> Cleaned:
    """Lines (source line number, text) as the cleaning stage gives them: each a paragraph, with
    an empty line between them."""
    lines: list[Line] = []
    for no, text in paragraphs:
        if lines:
            lines.append(Line(no, ""))
        lines.append(Line(no, text, len(text)))
    return Cleaned(lines, [], [])


def blocks(*paragraphs: tuple[int, str]):
    return parse_letter(cleaned(*paragraphs)).blocks


def headings(bs) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in bs if b.kind == "heading"]


def letter_lines(name: str, first: int, last: int) -> list[tuple[int, str]]:
    text = (LETTERS / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    return [(no, text[no - 1].strip()) for no in range(first, last + 1) if text[no - 1].strip()]


# --- near misses --------------------------------------------------------------------------------

def test_letterhead_address_and_reference_lines_are_no_headings():
    # content/letters/2019-veiligheidsraad-2018-terugblik.txt l. 7-44: the ministry's letterhead
    # (street, postcode, Postbus, web address, reference, date, subject), the salutation and the
    # first line of text, each standing alone.
    bs = blocks(*letter_lines("2019-veiligheidsraad-2018-terugblik", 7, 44))
    assert headings(bs) == []
    assert [b.text for b in bs][:3] == ["Rijnstraat 8", "Aan de Voorzitter van de", "2515 XP Den Haag"]


def test_addressee_and_dateline_of_an_old_letter_are_no_headings():
    # ../shared/corpus/sgd/1974_brief-humanitaire-hulp-vn-organisaties.txt l. 8-10 and the start of
    # l. 11: document type, addressee, dateline, text. The document type is the heading (the readers'
    # convention, tests/fixtures/sgd/1974_brief-humanitaire-hulp-vn-organisaties.yml), nothing else.
    bs = blocks((8, "Brief van de Minister voor Ontwikkelingssamenwerking"),
                (9, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
                (10, "'s-Gravenhage, 5 november 1974"),
                (11, "Met referte aan de door mij dd. 8 noeember 1973 aan de Kamer gedane toezegging en ten "
                     "vervolge op mijn brieven van 21 mei 1974 (Kamerstuk 12 600 hoofdstuk V, nr. 59)."))
    assert headings(bs) == [("Brief van de Minister voor Ontwikkelingssamenwerking", 2)]


def test_salutation_chamber_header_session_and_sheet_mark_are_no_headings():
    # ../shared/corpus/sgd/1958_brief-twaalfde-algemene-vergadering.txt l. 7 ("'s-Gravenhage, 8 mei
    # 1958."); 1956_brief-protestnota-indonesie-vn.txt l. 1 ("ZITTING 1956—1957 — 4427"); the
    # chamber header of every Aanhangsel page (1979_kamervragen-unifil.txt l. 1, 3); a sheet mark as
    # the SGD pages print it ("Vel 419"); the salutation of seed 004 ("Geachte voorzitter,"), each
    # followed by text.
    text = "Ik heb de eer U Hoogedelgestrenge hiernevens te doen toekomen de uitgave nr. 54 van het Ministerie."
    for line in ("'s-Gravenhage, 8 mei 1958.", "ZITTING 1956—1957 — 4427", "Tweede Kamer der Staten-Generaal",
                 "Zitting 1978-1979", "Vel 419", "Geachte voorzitter,", "Hoogedelgestrenge Heer,",
                 "Voorzitter: de heer Kranenburg", "2077"):
        assert headings(blocks((1, line), (2, text))) == [], line


def test_footnote_name_and_signature_role_are_no_headings():
    # ah-tk-20232024-387 (Aanhangsel Handelingen II 2023/24, nr. 387), a footnote at a page foot:
    # "3 Kamerstuk 21 501-02, nr. 2733"; a signatory's name and role as the bundled letters print
    # them (content/letters/2018-avvn73-verslag-ministeriele-week.txt l. 70-71), followed by text.
    text = "De ministeriële week vormde een uitstekende gelegenheid om het kabinetsbeleid voor het voetlicht te brengen."
    for line in ("3 Kamerstuk 21 501-02, nr. 2733", "S.A. Blok", "De Minister van Buitenlandse Zaken"):
        assert headings(blocks((1, line), (2, text))) == [], line


def test_a_question_sentence_is_no_heading():
    # 1974_kamervragen-koerden-vn-instanties.txt l. 8 without its number, then l. 9
    bs = blocks((8, "Kunnen zij meedelen of de Neder-landse Regering inmiddels is benaderd door de Koerden?"),
                (9, "Kunnen zij meedelen, welke internatio-nale organisaties daadwerkelijk hulp verlenen op "
                    "humanitair vlak aan de Koerden? Draagt Nederland bij aan dergelijke hulp?"))
    assert headings(bs) == []


def test_a_list_of_short_lines_has_no_headings():
    # names standing alone, one after the other (the signatures under a motion,
    # ../shared/corpus/sgd/1981_motie-unctad.txt), then nothing: no text follows any of them
    assert headings(blocks((14, "Herfkens"), (15, "Van der Hek"))) == []


# --- headings with evidence ---------------------------------------------------------------------

def test_short_line_followed_by_text_is_a_heading():
    # ../shared/corpus/sgd/1992_verslag-mo-joegoslavie-unprofor.txt l. 10-11
    bs = blocks((10, "Vragen en opmerkingen uit de commissie"),
                (11, "De Minister van Defensie begon zijn verklaring met de mededeling dat op dat moment een "
                     "door hem getekende boodschap uitging naar het Nederlandse personeel."))
    assert headings(bs) == [("Vragen en opmerkingen uit de commissie", 2)]


def test_numbered_and_capital_document_type_headings():
    # 2018-avvn73-verslag-ministeriele-week.txt l. 161-166 (a roman numbered title over two lines,
    # an unnumbered subsection, text); ../shared/corpus/sgd/1968_brief-vn-gespecialiseerde-
    # organisaties.txt l. 4-5 (the document type in capitals over two lines)
    bs = blocks((161, "II. Uitvoering van beleidsdoelstellingen van het Koninkrijk via de VN"),
                (164, "Conflictpreventie"),
                (166, "Samen met het World Food Programme (WFP) organiseerde Minister Kaag een side event."))
    assert headings(bs) == [("II. Uitvoering van beleidsdoelstellingen van het Koninkrijk via de VN", 2),
                            ("Conflictpreventie", 3)]
    lines = [Line(4, "BRIEF VAN DE MINISTER", 21), Line(5, "VAN BUITENLANDSE ZAKEN", 22), Line(5, ""),
             Line(7, "'s-Gravenhage, 24 juli 1968.", 28), Line(7, ""),
             Line(8, "Ik heb de eer u hiernevens te doen toekomen een exemplaar van de Uitgave nr. 89.", 80)]
    bs = parse_letter(Cleaned(lines, [], [])).blocks
    assert headings(bs) == [("BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN", 2)]


def test_sitting_lines_of_handelingen_are_headings_whatever_follows():
    # ../shared/corpus/sgd/1955_tk-handelingen-gelijke-beloning.txt l. 4-6 (the sitting number, the
    # sitting's day, then the chair: short lines, no text follows either); 1986_ek-handelingen-
    # algemene-vergadering.txt l. 1-2 ("8ste vergadering" in small letters)
    bs = blocks((4, "60STE VERGADERING"), (5, "VERGADERING VAN VRIJDAG 18 MAART 1955 (Bijeenroepingsuur 1 namiddag)"),
                (6, "Voorzitter: de heer Kortenhorst"))
    assert [h for h, _ in headings(bs)] == ["60STE VERGADERING",
                                           "VERGADERING VAN VRIJDAG 18 MAART 1955 (Bijeenroepingsuur 1 namiddag)"]
    assert [h for h, _ in headings(blocks((1, "8ste vergadering"), (2, "Voorzitter: De Rijk")))] == ["8ste vergadering"]
    # not a sitting: a sentence about one
    assert headings(blocks((1, "De 8ste vergadering werd geopend."), (2, "Voorzitter: De Rijk"))) == []


def test_document_type_line_of_a_kamerstuk_is_a_heading_and_its_number_is_not():
    # tests/fixtures/layouts/motie.txt l. 9-13: number, document type, date line, text; the signers below
    lines = [Line(9, "Nr. 12", 6), Line(10, "MOTIE VAN HET LID ZANDBERGEN C.S.", 33),
             Line(11, "Voorgesteld 3 november 2022", 27), Line(12, "De Kamer,", 9),
             Line(13, "gehoord de beraadslaging,", 25),
             Line(14, "verzoekt de regering, in VN-verband te pleiten voor voldoende middelen voor de", 79),
             Line(15, "strategische communicatie van vredesmissies,", 44),
             Line(16, "en gaat over tot de orde van de dag.", 36), Line(17, "Zandbergen", 10), Line(18, "Oldenkamp", 9)]
    assert headings(parse_letter(Cleaned(lines, [], [])).blocks) == [("MOTIE VAN HET LID ZANDBERGEN C.S.", 2)]
    # tests/fixtures/layouts/artikel-100-brief.txt l. 5-7: "Nr. 462" before the type, which runs on
    # over the next capitals line; the number stays text
    lines = [Line(5, "Nr. 462 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE EN", 70),
             Line(6, "VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING", 52),
             Line(7, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", 57)]
    bs = parse_letter(Cleaned(lines, [], [])).blocks
    assert headings(bs) == [("BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE EN VOOR BUITENLANDSE "
                             "HANDEL EN ONTWIKKELINGSSAMENWERKING", 2)]
    assert bs[0].kind == "paragraph" and bs[0].text == "Nr. 462"
    # ../shared/corpus/sgd/1970_mva-kaping-luchtvaartuigen.txt l. 3-4: the type with its "(Ingezonden …)",
    # then "Nr. 7" (never a heading)
    bs = blocks((3, "MEMORIE VAN ANTWOORD (Ingezonden bij brief van 29 september 1970)"), (4, "Nr. 7"),
                (5, "Algemeen"), (6, "Met de bijzondere commissie betreurt de ondergetekende dat het noodzakelijk is."))
    assert [h for h, _ in headings(bs)] == ["MEMORIE VAN ANTWOORD (Ingezonden bij brief van 29 september 1970)",
                                           "Algemeen"]
    # a capitals type run into a sentence of text is a paragraph (1950_ek-nieuw-guinea-uitvoerrecht l. 14)
    assert headings(blocks((14, "MEMORIE VAN ANTWOORD Het in het Nader Verslag geleverd betoog geeft aanleiding "
                                "tot het volgende. Artikel III van de wet"), (15, "De Minister zonder Portefeuille."))) == []


def test_lettered_sections_table_cells_and_printed_signer_names():
    # ../shared/corpus/sgd/1984_oorspronkelijke-tekst-vrouwenverdrag.txt l. 7-8, 14-16: "A." and "B."
    # label sections (each has the other), "I." the first roman section below them; a lone "A. Jansen"
    # or "I. Jansen" stays a name
    text = "1. De eerste volzin van de considerans luidde anders dan de tekst die nu voorligt."
    bs = blocks((7, "A. Voorstel van Rijkswet"), (8, text), (14, "B. Memorie van toelichting"), (15, "I. Algemeen"),
                (16, text))
    assert [h for h, _ in headings(bs)] == ["A. Voorstel van Rijkswet", "B. Memorie van toelichting", "I. Algemeen"]
    assert headings(blocks((7, "A. Jansen"), (8, text))) == []
    assert headings(blocks((7, "I. Jansen"), (8, text))) == []
    # 1951_begroting-marine-1952-uno-taak.txt l. 3, 23-24: a section label numbers a title; an amount is a cell
    bs = blocks((3, "Onderafdeling III. BETONNING, BEBAKENING, VERLICHTING EN ZEEMERKEN"), (4, text),
                (23, "2,25 mm Nieuw-Guinea"), (24, "17,5 mm De aanbouw van de geplande schepen heeft gestadig voortgang."))
    assert [h for h, _ in headings(bs)] == ["Onderafdeling III. BETONNING, BEBAKENING, VERLICHTING EN ZEEMERKEN"]
    # 1969_brief-persberichten-vn-west-irian.txt l. 9-11: the signer as printed, then the addressee
    bs = blocks((8, "Hiernevens moge ik u de tekst van twee persberichten doen toekomen."),
                (9, "De Minister van Buitenlandse Zaken,"), (10, "J. LUNS."),
                (11, "Aan de Heer Voorzitter van de Tweede Kamer der Staten-Generaal"))
    assert headings(bs) == []
    assert [b.kind for b in bs] == ["paragraph", "signature", "paragraph"] and bs[1].lines[-1] == "J. LUNS."


# --- the bundled letters' known faults ------------------------------------------------------------

def letter(name: str):
    path = LETTERS / f"{name}.txt"
    return make_letter(Source(path, path.read_text(encoding="utf-8")))


def test_terugblik_heading_before_a_page_break_stands_alone():
    # 2019-veiligheidsraad-2018-terugblik.txt l. 205: "VN-hervormingen: transparantie en
    # effectiviteit", then the page break, then text that runs on from elsewhere (l. 210 "geleerde
    # lessen …"): a subsection like "Sustainable Development Goals" (l. 195) and "Afrikaanse Unie".
    bs = parse_letter(clean(Source(LETTERS / "2019-veiligheidsraad-2018-terugblik.txt",
                                   (LETTERS / "2019-veiligheidsraad-2018-terugblik.txt").read_text(encoding="utf-8")))).blocks
    i = next(i for i, b in enumerate(bs) if b.text.startswith("VN-hervormingen: transparantie"))
    h, nxt = bs[i], bs[i + 1]
    assert (h.kind, h.text, h.level, h.span.start, h.span.end) == (
        "heading", "VN-hervormingen: transparantie en effectiviteit", 3, 205, 205)
    assert nxt.kind == "paragraph" and nxt.text.startswith("geleerde lessen over Europese samenwerking")
    assert [b.level for b in bs if b.kind == "heading" and b.text in ("Sustainable Development Goals",
                                                                    "Afrikaanse Unie")] == [3, 3]


def test_numbered_sections_of_an_annex_are_sections():
    # 2018-avvn73-verslag-ministeriele-week.txt: the annex title (l. 75-76, h2), "I. Belang van …"
    # (l. 102-103) and "II. Uitvoering …" (l. 161-162) are its sections (h2, as numbered sections
    # are in a letter), "Conflictpreventie" (l. 164) a subsection (h3)
    bs = letter("2018-avvn73-verslag-ministeriele-week").blocks
    levels = {b.text[:30]: b.level for b in bs if b.kind == "heading"}
    assert levels["VERSLAG VAN DE 73ste ALGEMENE "] == 2
    assert levels["I. Belang van inspelen op het "] == 2
    assert levels["II. Uitvoering van beleidsdoel"] == 2
    assert levels["Conflictpreventie"] == 3
    assert max(levels.values()) == 3
    # the 2017 annex has no numbered sections: they stay below its title
    bs = letter("2017-avvn72-inzet").blocks
    annex = [b.level for b in bs if b.kind == "heading" and b.part == "annex"]
    assert annex[0] == 2 and set(annex[1:]) == {3}


def test_captions_say_their_figure_is_not_in_the_text():
    # 2017-avvn72-inzet.txt l. 192 and 328: "Figuur 1: …", "Figuur 2: de SDG’s op een rij"
    page = render_letter(letter("2017-avvn72-inzet")).text
    assert "<em>Figuur 2: de SDG’s op een rij</em> (afbeelding niet in deze tekst)" in page
    caps = [b for b in letter("2017-avvn72-inzet").blocks if b.kind == "caption"]
    assert [(c.number, c.span.start) for c in caps] == [("Figuur 1", 192), ("Figuur 2", 328)]


def test_three_signers_in_one_paragraph_are_one_signature():
    # tests/fixtures/layouts/artikel-100-brief.txt l. 43-48: three roles, each with its name, no blank lines
    lines = [(43, "De Minister van Buitenlandse Zaken,"), (44, "J.P. Steenbergen"), (45, "De Minister van Defensie,"),
             (46, "R.M. Kleinjan"), (47, "De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,"),
             (48, "A.C. Wolters")]
    bs = parse_letter(Cleaned([Line(no, t, len(t)) for no, t in lines], [], [])).blocks
    assert [b.kind for b in bs] == ["signature"] and bs[0].lines[-1] == "A.C. Wolters" and headings(bs) == []
