"""meta.py: titles, the item a page of written questions describes, and the references of round 2.

Fixtures are the first lines of real pages: Staten-Generaal Digitaal OCR pages from
/work/shared/corpus/sgd (provenance in corpus/SOURCES.md; file and lines named above each one;
long OCR lines cut at a word and marked […]) and the modern layout fixtures in
tests/fixtures/layouts/. Expectations were written after reading each page.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import SourceError
from generator.kinds import build_kinds, default_kinds
from generator.meta import infer_meta
from generator.model import Member, Source


def meta_of(text: str, name: str = "stuk.txt"):
    return infer_meta(Source(path=Path("content/letters") / name, text=text), warnings=[])


# tests/fixtures/layouts/ah-vragen-modern.txt, lines 1-10: lead and answer date wrapped over lines
AH_MODERN = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2023–2024\nAanhangsel van de Handelingen\n"
             "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n387\n"
             "Vragen van het lid Lambregts (D66) aan de Minister van Buitenlandse Zaken over de\n"
             "veiligheid van VN-personeel in conflictgebieden (ingezonden 2 oktober 2023).\n"
             "Antwoord van Minister Steenbergen (Buitenlandse Zaken) (ontvangen 13 november\n2023).\n"
             "Vraag 1\nBent u bekend met het jaarlijkse rapport van de Secretaris-Generaal van de\n")


def test_a_questions_lead_wrapped_over_lines_gives_subject_askers_and_answer_date():
    meta = meta_of(AH_MODERN)
    assert meta.title == "Vragen over de veiligheid van VN-personeel in conflictgebieden"
    assert meta.askers == [Member("Lambregts", "D66")]
    assert meta.date == dt.date(2023, 11, 13)            # "(ontvangen 13 november␤2023)"
    assert meta.aanhangsel == "387"


# 1980_kamervragen-vn-mensenrechten-saoedi-arabie.txt, lines 1-16 (cut, marked […]): two items
TWO_ITEMS_1980 = (
    "Tweede Kamer der Staten-Generaal\n2\nZitting 1979-1980\nAanhangsel van de Handelingen\n"
    "Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden\n1131\n"
    "Vragen van de leden Bolkestein en Joekes (beiden V.V.D.) voor een Euro-pees parallel-va/uta. (Ingezonden 16 april 1980)\n"
    "1 Herinnert de Minister zich de belofte van zijn ambtsvoorganger, […]\n"
    "Antwoord Antwoord van Minister Van der Stee (Financiën). (Ontvangen 14 mei 1980)\n1 Ja.\n"
    "1132\n"
    "Vragen van het lid Van der Spek (P.S.P.) over schending van de men-senrechten in Saoedi-Arabië. (Inge-zonden 18 april 1980)\n"
    "1 Is de Regering van mening, dat […]\n"
    "3 Is de Regering bereid, bij de VN-Com-missie voor de Rechten van de Mens een onderzoek ter zake […] "
    "van de Universele Verklaring van de Re […]\n"
    "Antwoord Antwoord van Minister Van der Klaauw (Buitenlandse Zaken). (Ont-vangen 14 mei 1980)\n"
    "1 Op grond van het VN-verdrag inzake burgerlijke en politieke rechten […]\n")


def test_a_page_with_several_items_describes_the_one_on_the_collections_subject():
    meta = meta_of(TWO_ITEMS_1980)
    assert meta.aanhangsel == "1132"
    assert meta.askers == [Member("Van der Spek", "PSP")]
    assert meta.title == "Vragen over schending van de mensenrechten in Saoedi-Arabië"
    assert meta.date == dt.date(1980, 5, 14)


def test_without_a_focus_the_first_item_is_taken():
    data = {"kinds": {"kamerbrief": {"label": "Kamerbrief"}, "kamervragen": {"label": "Kamervragen"}},
            "rules": [{"kind": "kamervragen", "cues": [{"scope": "top", "pattern": "^Aanhangsel"}]}]}
    meta = infer_meta(Source(path=Path("stuk.txt"), text=TWO_ITEMS_1980), kinds=build_kinds(data), warnings=[])
    assert meta.aanhangsel == "1131" and [m.name for m in meta.askers] == ["Bolkestein", "Joekes"]


def test_a_bad_focus_pattern_names_the_file():
    with pytest.raises(SourceError, match="focus"):
        build_kinds({"kinds": {"kamerbrief": {"label": "Kamerbrief"}}, "focus": "(VN"})


# 1974_kamervragen-koerden-vn-instanties.txt, lines 6-12 (cut, marked […])
KOERDEN_1974 = (
    "25\nVragen van het lid Waltmans (P.P.R.) over de eventuele hulpverlening aan de Koerden. (Ingezonden 3 september 1974)\n"
    "1 Hebben de bewindslieden kennis genomen van berichten […]\n"
    "Mededeling Mededeling van Minister Van der Stoel (Buitenlandse Zaken). (Ontvangen 23 september 1974)\n"
    "Met verwijzing naar uw brief van 3 september jl. heb ik de eer u mede te delen dat […]\n")


def test_a_notice_of_delay_is_the_reply_the_page_prints():
    assert meta_of("Aanhangsel van de Handelingen\n" + KOERDEN_1974).date == dt.date(1974, 9, 23)


# tests/fixtures/layouts/artikel-100-brief.txt, lines 1-8: "Nr. 462" before the document type
ARTIKEL_100 = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2023–2024\n"
               "29 521 Nederlandse deelname aan vredesmissies\n"
               "Nr. 462 BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN, VAN DEFENSIE EN\n"
               "VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING\n"
               "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 8 december 2023\n"
               "In overeenstemming met artikel 100 van de Grondwet informeert het kabinet\n")


def test_the_document_type_after_its_number_keeps_every_minister():
    meta = meta_of(ARTIKEL_100)
    assert meta.kind == "artikel-100-brief"
    assert meta.title == ("Brief van de ministers van Buitenlandse Zaken, van Defensie en voor Buitenlandse Handel "
                          "en Ontwikkelingssamenwerking — Nederlandse deelname aan vredesmissies")


# tests/fixtures/layouts/motie.txt, lines 1-11: the dossier title wrapped over two lines
MOTIE = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2022–2023\n\n36 200 V\n"
         "Vaststelling van de begrotingsstaat van het Ministerie van Buitenlandse\n"
         "Zaken (V) voor het jaar 2023\n\nNr. 12\nMOTIE VAN HET LID ZANDBERGEN C.S.\nVoorgesteld 3 november 2022\n"
         "De Kamer,\n")


def test_a_dossier_title_wrapped_over_two_lines_is_whole():
    assert meta_of(MOTIE).title == ("Motie van het lid Zandbergen c.s. — Vaststelling van de begrotingsstaat van het "
                                    "Ministerie van Buitenlandse Zaken (V) voor het jaar 2023")


# 1948_buza-begroting-verslag-vn-delegatie.txt, lines 1-6, 8, 14-17 and 22 (long lines cut, marked
# […]): the dossier title is the running head of two facing pages, "… der" on page 4,
# "Rijksbegroting …" on page 5, beside the OCR paragraph of line 17
VERSLAG_1948 = ("Bijlagen\n1038\nWijziging van het derde Hoofdstuk der\n1038 4\nVERSLAG\n"
                "Sommige leden meenden, dat in ieder geval een deel der thans aangevraagde verhogingen […]\n"
                "Aldus vastgesteld 9 December 1948.\n4—5\niweede Kamer\n5 Rijksbegroting voor het dienstjaar 1947\n"
                "Voor het samenstellen van de begroting is het noodzakelijk over de gegevens, welke voor het merendeel "
                "van de posten in het buitenland moeten worden verkregen, vroegtijdig te beschikken. […]\n"
                "Handelingen der Staten-Generaal Bijlagen 1948—1949\n")


def test_no_facing_head_in_hard_wrapped_text():
    """A long dossier title of a hard-wrapped paper is not continued with a line of its text."""
    text = ARTIKEL_100.replace("29 521 Nederlandse deelname aan vredesmissies",
                               "29 521\nNederlandse deelname aan vredesmissies en de inzet van de krijgsmacht")
    text += "uw Kamer over het besluit de Nederlandse bijdrage aan de United Nations\n"
    assert meta_of(text).title.endswith("— Nederlandse deelname aan vredesmissies en de inzet van de krijgsmacht")


def test_a_dossier_title_cut_at_the_page_goes_on_in_the_facing_pages_head():
    meta = meta_of(VERSLAG_1948)
    assert meta.title == "Verslag — Wijziging van het derde Hoofdstuk der Rijksbegroting voor het dienstjaar 1947"
    assert (meta.chamber, meta.vergaderjaar, meta.dossier, meta.number) == ("II", "1948-1949", "1038", "4")


# 1950_ek-nieuw-guinea-uitvoerrecht-eindverslag.txt, lines 1-3 and 11-12 (cut, marked […])
EINDVERSLAG_1950 = (
    "2\n1259\nBekrachtiging van een met toepassing van artikel 183, tweede\n"
    "treurd werd, dat de Regering in haar Memorie van Antwoord aan het desbetreffende verzoek niet heeft voldaan. […]\n"
    "lid, der Indische Staatsregeling vastgestelde ordonnantie\n"
    "1259 EINDVERSLAG DER COMMISSIE VAN RAPPORTEURS over het ontwerp van wet tot bekrachtiging van een met "
    "toepassing van artikel 183, tweede lid, der Indische Staatsregeling vastgestelde ordonnantie. "
    "(Instelling van een algemeen uitvoerrecht.)\n")


def test_a_document_type_followed_by_its_subject_in_lower_case_keeps_it():
    assert meta_of(EINDVERSLAG_1950).title == (
        "Eindverslag der commissie van Rapporteurs over het ontwerp van wet tot bekrachtiging van een met "
        "toepassing van artikel 183, tweede lid, der Indische Staatsregeling vastgestelde ordonnantie")


# 1955_tk-handelingen-gelijke-beloning.txt, lines 1-5; 1971_tk-handelingen-delegatie-algemene-vergadering.txt, 1-4
HANDELINGEN_1955 = ("Gelijke beloning van mannen en vrouwen voor arbeid van gelijke waarde\n"
                    "60ste Vergadering -18 Maart '55\n3719\n60STE VERGADERING\n"
                    "VERGADERING VAN VRIJDAG 18 MAART 1955 (Bijeenroepingsuur 1 namiddag)\n")
HANDELINGEN_1971 = "Ingekomen snikken, enz.\n6de vergadering -14 december '\n71\n143\n"


def test_the_running_head_of_proceedings_names_the_debate_unless_it_is_business():
    assert meta_of(HANDELINGEN_1955).title == ("Gelijke beloning van mannen en vrouwen voor arbeid van gelijke waarde "
                                               "(Vergadering van 18 maart 1955)")
    assert "Ingekomen" not in meta_of(HANDELINGEN_1971).title


# 1984_oorspronkelijke-tekst-vrouwenverdrag.txt, lines 1-7 (cut, marked […])
OORSPRONKELIJK_1984 = (
    "Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1984-1985\n18950 (R 1281)\n"
    "Goedkeuring van het Verdrag inzake de uitbanning van alle vormen van discriminatie van vrouwen "
    "(New York, 18 december 1979)\n"
    "OORSPRONKELIJKE TEKST VAN HET VOORSTEL VAN RIJKSWET EN VAN DE MEMORIE VAN TOELICHTING ZOALS VOORGELEGD "
    "AAN DE RAAD VAN STATE EN VOOR ZOVER NADIEN GEWIJZIGD1\nA. Voorstel van Rijkswet\n")


def test_the_original_text_of_a_bill_is_its_own_kind():
    meta = meta_of(OORSPRONKELIJK_1984)
    assert meta.kind == "oorspronkelijke-tekst" and default_kinds().label(meta.kind) == "Oorspronkelijke tekst"
    assert meta.title == ("Oorspronkelijke tekst van het voorstel van rijkswet en van de memorie van toelichting — "
                          "Goedkeuring van het Verdrag inzake de uitbanning van alle vormen van discriminatie van "
                          "vrouwen (New York, 18 december 1979)")


# 1958_brief-twaalfde-algemene-vergadering.txt, lines 1-8; 1974_brief-humanitaire-hulp-vn-organisaties.txt, 1-11
BRIEF_1958 = ("ZITTING 1957—1958\n4900\nRIJKSBEGROTING VOOR HET DIENSTJAAR 1958\nHOOFDSTUK III\nBUITENLANDSE ZAKEN\n"
              "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN Nr. 30\n's-Gravenhage, 8 mei 1958.\n"
              "Ik heb de eer U Hoogedelgestrenge hiernevens te doen toe-komen de uitgave nr. 54 van het Ministerie "
              "van Buiten-landse Zaken „De twaalfde Algemene Vergadering van de Verenigde Naties\", "
              "september—december 1957. Tevens wordt hierbij toegezonden […]\n")
BRIEF_1974 = ("Tweede Kamer der Staten-Generaal\n2\nZitting 1974-1975\n13 100\nRijksbegroting voor het dienstjaar 1975\n"
              "Hoofdstuk V Buitenlandse Zaken\nNr. 7\nBrief van de Minister voor Ontwikkelingssamenwerking\n"
              "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n's-Gravenhage, 5 november 1974\n"
              "Met referte aan de door mij dd. 8 noeember 1973 aan de Kamer gedane toezegging […] moge ik u "
              "onderstaand overzicht verstrekken van de in het derde kwartaal 1974 verleende humanitaire hulp.\n")


def test_a_letter_in_a_budget_dossier_is_titled_by_what_its_first_sentence_sends():
    assert meta_of(BRIEF_1958).title == ("Brief van de minister van Buitenlandse Zaken — De twaalfde Algemene "
                                         "Vergadering van de Verenigde Naties (Rijksbegroting voor het dienstjaar "
                                         "1958, hoofdstuk III)")
    # no quoted title, no "over …", no "doen toekomen de …": the budget stays the subject
    assert meta_of(BRIEF_1974).title == ("Brief van de Minister voor Ontwikkelingssamenwerking — Rijksbegroting "
                                         "voor het dienstjaar 1975, hoofdstuk V Buitenlandse Zaken")
