"""Written Q&A: pairing questions and answers on real excerpts."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.clean import clean
from generator.model import Source
from generator.parse import parse_letter

REPO = Path(__file__).resolve().parents[1]
QA_LETTER = REPO / "content" / "letters" / "2020-avvn75-schriftelijk-overleg.txt"


def real(*ranges: tuple[int, int]) -> str:
    """Lines of the real Q&A letter (1-based, inclusive ranges), every other line left blank, so
    the excerpt keeps the letter's line numbers."""
    lines = QA_LETTER.read_text(encoding="utf-8").split("\n")
    keep = {n for first, last in ranges for n in range(first, last + 1)}
    return "\n".join(line if no in keep else "" for no, line in enumerate(lines[:max(keep)], start=1))


def blocks_of(text: str, name: str = "excerpt.txt"):
    return parse_letter(clean(Source(Path(name), text))).blocks


def qa_blocks(blocks):
    return [(b.kind, b.number) if b.kind in ("question", "answer") else b.kind for b in blocks]


# --- real excerpts ------------------------------------------------------------------------------

def test_answer_label_with_a_leading_space():
    # l. 935: the D66 heading; l. 1081-1087: a question, then " 30. Antwoord van het kabinet:" on the
    # next line, without a blank line, indented by one space (the first line of a new page).
    blocks = blocks_of(real((935, 935), (1081, 1087)))
    assert qa_blocks(blocks) == ["fractie", ("question", "30"), ("answer", "30")]
    question, answer = blocks[1], blocks[2]
    assert question.text == ("Heeft de Minister van buitenlandse zaken dit recentelijk direct opgebracht "
                             "bij de Soedanese autoriteiten, en zo nee, is hij daartoe bereid?")
    assert (question.span.start, question.span.end) == (1081, 1082)
    assert answer.label == "30. Antwoord van het kabinet:"
    assert (answer.span.start, answer.span.end) == (1083, 1087)
    assert answer.text.startswith("Dit is een terugkerend gespreksonderwerp")
    assert (answer.fractie, answer.anchor, question.anchor) == ("D66", "antwoord-30", "vraag-30")


def test_irregular_label_of_answer_63():
    # l. 1988: the SP heading; l. 2096-2129: question and "63. Antwoord op vragen van het kabinet:".
    blocks = blocks_of(real((1988, 1988), (2096, 2129)))
    assert qa_blocks(blocks) == ["fractie", ("question", "63"), ("answer", "63")]
    answer = blocks[2]
    assert answer.label == "63. Antwoord op vragen van het kabinet:"
    assert (answer.number, answer.fractie, answer.span.start, answer.span.end) == ("63", "SP", 2106, 2129)
    assert blocks[1].text.startswith("Nog steeds betreffende Gaza vragen de leden van de SP-fractie")
    assert blocks[1].text.endswith("Biedt de AVVN hier wellicht mogelijkheden toe?")


def test_question_spanning_a_page_break():
    # l. 557: the CDA heading; l. 835-887: topic "Iran", question 23 runs over the page footer at
    # l. 848 ("… verdwijningen," / footer / "marteling en mishandeling …"), then answer 23.
    text = real((557, 557), (835, 887))
    blocks = blocks_of(text)
    assert qa_blocks(blocks) == ["fractie", "heading", ("question", "23"), ("answer", "23")]
    question = blocks[2]
    assert (question.span.start, question.span.end) == (837, 855)
    assert "willekeurige detentie, verdwijningen, marteling en mishandeling van mensen" in question.text
    assert "Tweede Kamer" not in question.text and "\n\n" not in question.text   # one paragraph
    assert question.line_at(question.text.index("marteling en mishandeling")) == 852
    assert question.topic == blocks[3].topic == "Iran"
    assert [f.line for f in clean(Source(Path("x.txt"), text)).furniture] == [848]


def test_introduction_announcing_the_questions_is_not_a_question():
    # l. 3108-3169: the Partij voor de Dieren opens with words of thanks, then an introduction ending
    # "Daar zullen de vragen van de leden in deze bijdrage over gaan." (l. 3134); only the paragraph
    # after it (l. 3136-3155) is what answer 98 replies to.
    blocks = blocks_of(real((3108, 3169)))
    assert qa_blocks(blocks) == ["fractie", "paragraph", "paragraph", "paragraph", ("question", "98"),
                                 ("answer", "98")]
    intro = blocks[2:4]
    assert intro[0].text.startswith("De aankomende AVVN markeert het 75-jarige jubileum")
    assert intro[1].text.endswith("Daar zullen de vragen van de leden in deze bijdrage over gaan.")
    assert all(b.fractie == "Partij voor de Dieren" for b in blocks[1:4])
    assert blocks[4].text.startswith("De leden van de Partij voor de Dieren-fractie zijn verheugd om te lezen")
    assert (blocks[4].span.start, blocks[4].span.end) == (3136, 3155)


def test_a_dash_at_a_line_start_continues_the_sentence_of_the_answer():
    # l. 1306-1308: "… oorlogsrecht – / waaronder het onderscheidsbeginsel en proportionaliteitsbe- /
    # ginsel – zal dit systeem …": the hyphenation puts the dash first on l. 1308; it is no list item.
    blocks = blocks_of(real((935, 935), (1277, 1309)))
    answer = blocks[-1]
    assert (answer.kind, answer.number) == ("answer", "34")
    assert "onderscheidsbeginsel en proportionaliteitsbeginsel – zal dit systeem de toetsing niet doorstaan" \
        in answer.text
    assert answer.text.count("\n\n") == 0
    assert answer.line_at(answer.text.index("– zal dit")) == 1308
    assert answer.line_at(answer.text.index("wapen dus niet")) == 1309


def test_dash_list_after_a_colon_stays_a_list():
    text = ("Inbreng van de leden van de VVD-fractie \n\nDe leden vragen het volgende? \n\n"
            "1. Antwoord van het kabinet: \n\nHet kabinet zet in op: \n– vrede en veiligheid; \n"
            "– mensenrechten. \n")
    answer = blocks_of(text)[-1]
    assert answer.text == "Het kabinet zet in op:\n\n– vrede en veiligheid;\n\n– mensenrechten."


def test_fractie_heading_in_the_other_usual_form():
    from generator.parse.qa import fractie_name
    assert fractie_name("Inbreng van de leden van de VVD-fractie") == "VVD"
    assert fractie_name("Inbreng leden van de Partij voor de Dieren-fractie") == "Partij voor de Dieren"
    assert fractie_name("Vragen en opmerkingen van de leden van de fractie van GroenLinks") == "GroenLinks"
    assert fractie_name("Vragen en opmerkingen van de leden van de fractie van de ChristenUnie") == "ChristenUnie"
    assert fractie_name("De leden van de VVD-fractie vragen") == ""
