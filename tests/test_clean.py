"""Clean stage: hyphenation, furniture, page breaks, notes. Fixtures are real excerpts."""
from pathlib import Path

import pytest

from generator.clean import Vocabulary, broken_words, build_vocabulary, clean, keeps_hyphen, token_counts
from generator.model import Source


def cleaned(text: str, vocabulary=None):
    return clean(Source(Path("excerpt.txt"), text), vocabulary)


def body(text: str, vocabulary=None) -> str:
    """The cleaned text as paragraphs joined by blank lines (for readable assertions)."""
    out, cur = [], []
    for line in cleaned(text, vocabulary).lines:
        if line.text:
            cur.append(line.text)
        elif cur:
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return "\n\n".join(out)


# --- hyphenation both ways -------------------------------------------------------------------

@pytest.mark.parametrize("left,right,keep", [
    ("lidmaat", "schap", False),
    ("eerstverant", "woordelijke", False),
    ("Nigeri", "aanse", False),
    ("VN", "hervormingen", True),
    ("Noord", "Korea", True),
    ("EU", "klimaatdiplomatie", True),
    ("Saoedi", "Arabië", True),
    ("Secretaris", "Generaal", True),
    ("G5", "troepenmacht", True),
])
def test_hyphen_decision(left, right, keep):
    assert keeps_hyphen(left, right, Vocabulary()) is keep


def test_words_broken_at_a_line_end_are_not_counted():
    text = "de lidmaat-\nschap van VN-\nleden  \nniet-statelijke-   \n- \nen zee’-\t\nvuren- en x.-\nniet-statelijke actoren"
    assert broken_words(text) == ["lidmaat-", "VN-", "niet-statelijke-", "-", "zee’-", "-"]
    assert token_counts([text]) == {"de": 1, "schap": 1, "van": 1, "leden": 1, "en": 2, "vuren-": 1, "x": 1,
                                    "niet-statelijke": 1, "actoren": 1}


def test_corpus_decides_compounds():
    vocab = build_vocabulary(["de staakt-het-vuren oproep", "het ISIS/Al Qaeda-sanctielijst"])
    assert keeps_hyphen("staakt-het", "vuren", vocab)
    assert keeps_hyphen("Qaeda", "sanctiecomité", vocab)


def test_line_end_hyphens_in_running_text():
    text = ("Over de wijze waarop het Koninkrijk invulling zal geven aan dit lidmaat-\n"
            "schap wordt uw Kamer dit najaar uitgebreider geïnformeerd. De COVID-19 pandemie is een\n"
            "serieuze test voor de door de SGVN ingezette VN-\n"
            "hervormingen, die als doel hebben de VN beter te maken.\n")
    out = body(text)
    assert "dit lidmaatschap wordt" in out
    assert "ingezette VN-hervormingen, die" in out


# --- furniture --------------------------------------------------------------------------------

RUNNING_HEADER = """Minister-president Rutte heeft tijdens een zitting onder leiding van de Amerikaanse 
president Trump op 26 september 2018 gepleit voor voortzetting van de rules based 
Onze Referentie 
order en constructieve multilaterale samenwerking, behoud van de nucleaire deal 
BZDOC-151021554-15 
met Iran, en het voorkomen dat het gebruik van chemische wapens, zoals in Syrië 
 
en Salisbury, ongestraft blijft.
"""


def test_furniture_inside_a_sentence_is_removed_and_listed():
    result = cleaned(RUNNING_HEADER)
    text = " ".join(l.text for l in result.lines if l.text)
    assert "rules based order en constructieve" in text
    assert "nucleaire deal met Iran" in text
    assert "Referentie" not in text and "BZDOC" not in text
    assert [(f.line, f.text) for f in result.furniture] == [(3, "Onze Referentie"), (5, "BZDOC-151021554-15")]
    assert "zoals in Syrië en Salisbury" in text          # the stray blank line did not split it


def test_page_footer_is_furniture():
    text = ("deze zouden kunnen worden geadresseerd. \n\n"
            "Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6\n\n\n"
            " Volgende alinea begint hier. \n")
    result = cleaned(text)
    assert [f.reason for f in result.furniture] == ["paginavoet"]
    assert "nr. 187" not in " ".join(l.text for l in result.lines)


def test_letterhead_is_listed_not_lost():
    text = "Rijnstraat 8 \n \nAan de Voorzitter van de \nDatum 15 februari 2019 \n\nGeachte voorzitter, \n\nIn 2018 was het Koninkrijk lid.\n"
    result = cleaned(text)
    assert [f.text for f in result.furniture] == ["Rijnstraat 8", "Aan de Voorzitter van de", "Datum 15 februari 2019"]
    assert result.lines[0].text == "Geachte voorzitter,"


# --- page breaks and notes --------------------------------------------------------------------

KAMERSTUK_PAGE = """Ook moet de VN zorgen voor meer betrokkenheid. Dit geldt bijvoorbeeld voor ondersteuning van de Onafhankelijk 

Figuur 1: overzicht van VN-vredesmissies (versie begin 2017; UNOCI sloot op 30 juni 
2017 en MINUSTAH sluit op 15 oktober 2017)
 Expert op het gebied van Sexual Orientation and Gender Identity die 
tijdens de 72ste AVVN zijn tweede rapport zal presenteren. 
"""


def test_paragraph_rejoined_across_page_break_with_caption():
    result = cleaned(KAMERSTUK_PAGE)
    text = body(KAMERSTUK_PAGE)
    assert "ondersteuning van de Onafhankelijk Expert op het gebied" in text
    assert "\n\n" not in text
    assert [(n.kind, n.number) for n in result.notes] == [("caption", "Figuur 1")]
    assert result.notes[0].span.start == 3 and result.notes[0].span.end == 4


FOOTNOTE_PAGE = """De COVID-19 crisis en de wijze waarop landen en bevolkingsgroepen in staat zijn 
van een dergelijke schok te herstellen, hebben de ongelijkheid in de wereld nog 

1 Raadpleegbaar via www.tweedekamer.nl`



eens pijnlijk blootgelegd. Dit onderstreept het belang.
"""


def test_footnote_lifted_and_paragraph_rejoined():
    result = cleaned(FOOTNOTE_PAGE)
    assert "ongelijkheid in de wereld nog eens pijnlijk blootgelegd" in body(FOOTNOTE_PAGE)
    (note,) = result.notes
    assert (note.kind, note.number, note.text) == ("footnote", "1", "Raadpleegbaar via www.tweedekamer.nl`")
    assert note.span.start == 4 and note.after_line == 2


def test_paragraph_starting_with_a_number_is_not_a_footnote():
    text = "Het Koninkrijk is lid. \n\n75 jaar VN biedt de gelegenheid om te reflecteren.\n"
    result = cleaned(text)
    assert result.notes == []
    assert "75 jaar VN biedt" in body(text)


def test_hyphenated_word_across_page_break():
    text = "Drie hiervan hebben reeds plaatsge-\n vonden. Het Koninkrijk heeft hierbij aandacht gevraagd.\n"
    assert body(text).startswith("Drie hiervan hebben reeds plaatsgevonden. Het Koninkrijk")


def test_short_sentence_end_starts_new_paragraph():
    text = ("Tijdens het terugkerende Informal Ministerial Network voor het ICC, bijgewoond door Minister Blok,\n"
            "sloot het Koninkrijk zich aan bij een verklaring, juist nu de rechtsorde onder druk staat en de\n"
            "instituties onder druk staan. \n"
            "Minister Blok nam ook deel aan de bijeenkomst over Ensuring accountability for Syria en sprak\n"
            "daar over de bewijzenbank.\n")
    assert body(text).count("\n\n") == 1


def test_line_numbers_survive():
    result = cleaned(RUNNING_HEADER)
    assert [l.no for l in result.lines if l.text][:3] == [1, 2, 4]


# --- PDF page breaks (form feeds) ------------------------------------------------------------

PDF_PAGES = (
    "De blijvende relevantie van de VN is afhankelijk van het slagen van deze\n"
    "hervormingsplannen en het Koninkrijk steunt de visie van SGVN Guterres.\n"
    "\fDe VN is instrumenteel voor het realiseren van de doelstellingen van het\n"
    "Nederlandse buitenlandbeleid. Daarom draagt het Koninkrijk actief bij aan\n"
)


def test_form_feed_starts_a_page_like_the_text_letters_page_mark():
    """A PDF page's first line is a page start: a finished sentence before it ends the
    paragraph, as after the single leading space that marks a page in the text letters."""
    result = cleaned(PDF_PAGES)
    assert [l.no for l in result.lines if l.page_start] == [3]
    assert body(PDF_PAGES) == body(PDF_PAGES.replace("\f", " "))
    assert body(PDF_PAGES).count("\n\n") == 1


def test_form_feed_page_runs_on_mid_sentence():
    text = PDF_PAGES.replace("Guterres.\n", "Guterres en\n").replace("\fDe VN", "\fde VN")
    assert "\n\n" not in body(text)


def test_form_feed_kept_when_the_page_starts_with_furniture():
    text = "Eerste pagina eindigt hier met een lange zin die de hele regel vult tot.\n" \
           "\fOnze Referentie\nTweede pagina begint met een nieuwe alinea van gelijke lengte.\n"
    result = cleaned(text)
    assert [f.text for f in result.furniture] == ["Onze Referentie"]
    assert [l.no for l in result.lines if l.page_start] == [3]
    assert body(text).count("\n\n") == 1


def test_ocr_footnote_marker_glued_to_a_year():
    # sgd/1994_kamervragen-roma-tsjechie.txt, lines 7-12: marker 2 is glued to the year of a date
    # ("5 april 19942"), both bodies stand in one line
    from generator.clean import clean as clean_
    text = (
            'Vragen van het lid Verspaget (PvdA) over Roma in Tsjechë. (Ingezonden 24 juni 1994)' "\n"
            '1Zullen als gevolg van recente beslissingen van de Tsjechische regering tienduizenden Roma statenloos worden?1' "\n"
            'Bent u bereid, conform uw toezegging d.d. 5 april 19942 deze kwestie andermaal bij de Tsjechische regering aan de orde te stellen en -indien dit onvoldoende effect sorteert -aktie te ondernemen binnen het kader van de CVSE of de Raad van Europa, danwel de VN-Commissie voor de Rechten van de Mens?' "\n"
            '1 Zie Romnews van het Roma National Congress, nr. 6, 21 juni 1994. 2 Aanhangsel (nr. 414 (1993/94) Handelingen).' "\n"
            'Antwoord' "\n"
            'Antwoord van minister Kooijmans (Buitenlandse Zaken). (Ontvangen 13 juli 1994)' "\n")
    text = text.rstrip("\n")
    notes = clean_(Source(Path("x.txt"), text)).notes
    assert [(n.number, n.text, n.after_line) for n in notes] == [
        ("1", "Zie Romnews van het Roma National Congress, nr. 6, 21 juni 1994.", 2),
        ("2", "Aanhangsel (nr. 414 (1993/94) Handelingen).", 3)]
    # a year alone is no marker: without a body "2 …" nothing is lifted
    assert clean_(Source(Path("x.txt"), text.replace("1994. 2 Aanhangsel", "1994. Aanhangsel"))).notes[1:] == []


def test_old_footnote_with_its_mark_garbled_by_ocr():
    # sgd/1958_brief-twaalfde-algemene-vergadering.txt, lines 7-11 (line 8 shortened): the mark "¹)"
    # read as "')" at the end of the paragraph, the body "1) …" at the page foot
    text = ("'s-Gravenhage, 8 mei 1958.\n"
            "Ik heb de eer U Hoogedelgestrenge hiernevens te doen toe-komen de uitgave nr. 54 van het Ministerie "
            "van Buiten-landse Zaken. Tevens wordt hierbij toegezonden ter nederlcgging op de griffie een "
            "verzameling documenten, welke door het Secrc-tariaat van de V.N. met betrekking tot deze vergadering "
            "zijn uitgegeven ')\n"
            "De Minister van Buitenlandse Zaken, J. LUNS.\n"
            "Aan de Heer Voorzitter van de Tweede Kamer der Staten-Generaal\n"
            "1) Nedergelegd ter griffie, ter inzage van de leden.")
    c = clean(Source(Path("x.txt"), text))
    assert [(n.number, n.text, n.after_line) for n in c.notes] == [
        ("1", "Nedergelegd ter griffie, ter inzage van de leden.", 2)]
    assert "Nedergelegd" not in "\n".join(l.text for l in c.lines)
    # without a mark before it, "1) …" is the first item of a list and stays
    plain = text.replace(" ')", ".")
    assert clean(Source(Path("x.txt"), plain)).notes == []


def test_ocr_footnote_one_read_as_an_apostrophe():
    # sgd/1987_kamervragen-aids-who.txt, lines 7-9 (line 8 shortened): the superscript 1 after
    # "Europa?" and before the body are both read as "'"; marker 2 is glued to "mei dit jaar?"
    text = ("Vragen van de leden Lankhorst en Beckers-de Bruijn (beiden P.P.R.) over het beleid t.a.v. "
            "aids-patiënten. (Ingezonden 3 april 1987)\n"
            "1 Overweegt u in overleg met andere Europese landen de grenzen te sluiten voor aids-patiënten van "
            "buiten Europa?' Welke motieven liggen daaraan ten grondslag? 2 Hoe stelt u zich de controle op aids "
            "voor? 6 Welk standpunt zal de regering innemen tijdens de vergadering van de "
            "E.G.-volksgezondheidsministers, op 1 5 mei as. en op de bijeenkomst van de WHO. over aids op een "
            "nog te bepalen datum in mei dit jaar?2\n"
            "' AVRO radio, 29-3 1987. 2 Zie antwoord op de vragen van de leden Haas Berger en Muller van Ast. "
            "Aanhangsel nr. 551\n"
            "Antwoord Antwoord van staatssecretaris Dees (Welzijn, Volksgezondheid en Cultuur). (Ontvangen 10 juli 1987)")
    c = clean(Source(Path("x.txt"), text))
    notes = c.notes
    assert "buiten Europa?1 Welke" in "\n".join(l.text for l in c.lines)   # the mark is a digit again
    assert [(n.number, n.text) for n in notes] == [
        ("1", "AVRO radio, 29-3 1987."),
        ("2", "Zie antwoord op de vragen van de leden Haas Berger en Muller van Ast. Aanhangsel nr. 551")]


def test_asterisk_footnote():
    # sgd/1990_ek-kamervragen-unesco-boekarest.txt, lines 11-13
    text = (
            'Het is ons bekend dat in de afgelopen jaren veel stadsbuurten van Boekarest, met fraaie archi-tectuur, die kenmerkend was voor die stad en haar historie, volledig verdwenen zijn. Nederland heeft daarover zowel bilateraal als in het kader van de EPS en de Raad van Europa van zijn afkeuring en zorg doen blijken. Tot voor kort was het niet mogelijk een betrouwbaar totaaloverzicht te krijgen van de aantasting van het stadsgezicht van Boekarest als gevolg van de vergaande afbraak-en nieuwbouw-activiteiten. In april 1989 echter kon worden bewerkstelligd dat een missie van UNESCO-deskundigen in Roemenië werd toegelaten door de toenmalige autoriteiten. De missie werd in de gelegenheid gesteld gegevens te verzamelen over de stand van zaken met betrekking tot het cultureel erfgoed van dit land in de kontekst van het systematiseringsplan. Hoewel het rapport* van deze commissie is gedateerd augustus/september 1989 kwam het eerst in december ter beschikking van het ministerie van Buitenlandse Zaken. Het gaat U hierbij toe. Het rapport van deze missie krijgt geen vervolgactie in het licht van de' "\n"
            'intrekking van de plannen tot moder-nisering van de oude binnenstad van Boekarest door de nieuwe Roemeense regering. Nagegaan zal worden welke mogelijkheden bestaan voor het leveren van een bijdrage aan herstel van aangetast erfgoed.' "\n"
            '* Ter inzage gelegd op de griffie van de Eerste Kamer.' "\n").rstrip("\n")
    c = clean(Source(Path("x.txt"), text))
    assert [(n.number, n.text, n.after_line) for n in c.notes] == [
        ("*", "Ter inzage gelegd op de griffie van de Eerste Kamer.", 1)]
    # a list of "* " items without a mark glued to a word is left alone
    assert clean(Source(Path("x.txt"), text.replace("rapport*", "rapport"))).notes == []
