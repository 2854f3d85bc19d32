"""Written Q&A: pairing questions and answers on real excerpts, the real letter as a whole, and a
synthetic letter of another session (tests/fixtures/qa/)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.clean import clean
from generator.model import Source
from generator.parse import parse_letter
from generator.pipeline import make_letter

REPO = Path(__file__).resolve().parents[1]
QA_LETTER = REPO / "content" / "letters" / "2020-avvn75-schriftelijk-overleg.txt"
SYNTHETIC = REPO / "tests" / "fixtures" / "qa" / "2022-avvn77-schriftelijk-overleg.txt"


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


# --- the real letter as a whole ------------------------------------------------------------------

@lru_cache(maxsize=None)
def letter_of(path: Path):
    return make_letter(Source(path, path.read_text(encoding="utf-8")))


# Read from the letter: the fractie headings (l. 3, 557, 935, 1583, 1988, 2356, 3108, 3454) and the
# first and last answer label under each.
FRACTIES = {"VVD": (1, 15), "CDA": (16, 24), "D66": (25, 42), "GroenLinks": (43, 58), "SP": (59, 71),
            "PvdA": (72, 97), "Partij voor de Dieren": (98, 108), "SGP": (109, 117)}
# The topic sub-headings, in order (l. 566-889 CDA, 941-1549 D66, 1589-1948 GroenLinks, 2358-3015 PvdA,
# 3461-3597 SGP); VVD, SP and Partij voor de Dieren have none.
TOPICS = {
    "CDA": ["Chinese invloed in de Verenigde Naties", "Taiwan", "Jemen", "Iran", "Explosieve wapens in bevolkte gebieden"],
    "D66": ["Versterken multilaterale samenwerking", "Vrede, veiligheid en recht", "Mensenrechten", "Klimaat"],
    "GroenLinks": ["VN-hervormingen", "Accountability", "Mensenrechten", "Vrouwenrechten en gendergelijkheid",
                   "Klimaat en biodiversiteit"],
    "PvdA": ["Versterken multilaterale samenwerking", "Het bevorderen van vrede, veiligheid en recht",
             "Tegengaan van ongelijkheid en Building Back Better"],
    "SGP": ["Effectief en rechtvaardig multilateralisme", "Vrede, veiligheid en recht"],
}
# Every "vraag N" in the letter (grep -n "vraag [0-9]"): the answer it stands in -> the answer it names.
REFERENCES = {18: (51,), 22: (21,), 51: (53,), 71: (21,), 78: (24,), 85: (23,), 87: (53,), 104: (65,), 108: (107,)}


def test_real_letter_pairs_117_answers_with_fractie_and_question():
    from generator.qaindex import round_of
    letter = letter_of(QA_LETTER)
    qa = round_of(letter)
    assert [i.number for i in qa.items] == list(range(1, 118))
    for item in qa.items:
        low, high = FRACTIES[item.fractie]
        assert low <= item.number <= high, item.number
        q = item.question
        assert q is not None and q.text, item.number
        assert (q.number, q.fractie, q.topic) == (str(item.number), item.fractie, item.topic)
        assert q.span.end < item.answer.span.start
    assert {f.name: [t for t, _ in f.topics if t] for f in qa.fracties if TOPICS.get(f.name)} == TOPICS
    assert [f.name for f in qa.fracties] == list(FRACTIES)
    assert not qa.warnings


def test_real_letter_questions_sit_between_their_neighbours():
    """No paragraph is lost between an answer and the next question: each question starts after
    the previous answer ends, and each question starts with the fractie speaking."""
    letter = letter_of(QA_LETTER)
    qa_blocks_ = [b for b in letter.blocks if b.kind in ("question", "answer")]
    kinds = [b.kind for b in qa_blocks_]
    assert kinds == ["question", "answer"] * 117
    for prev, nxt in zip(qa_blocks_, qa_blocks_[1:]):
        assert prev.span.end < nxt.span.start


def test_real_letter_remarks_without_an_answer_stay_paragraphs_of_their_fractie():
    letter = letter_of(QA_LETTER)
    by_fractie = {}
    for b in letter.blocks:
        if b.kind == "paragraph" and b.fractie:
            by_fractie.setdefault(b.fractie, []).append((b.span.start, b.span.end))
    # VVD: opening words (l. 5-10) and the remark on the CAVV advice (l. 533-555), which no answer
    # follows; Partij voor de Dieren: opening words and the two-part introduction (l. 3118-3134).
    assert by_fractie["VVD"] == [(5, 10), (533, 555)]
    assert by_fractie["Partij voor de Dieren"] == [(3110, 3116), (3118, 3131), (3132, 3134)]
    assert "SP" not in by_fractie and "PvdA" not in by_fractie


def test_real_letter_references_between_answers():
    from generator.qaindex import round_of
    qa = round_of(letter_of(QA_LETTER))
    assert {i.number: i.references for i in qa.items if i.references} == REFERENCES
    linked = {anchor: [n for _s, _e, n in refs] for anchor, refs in qa.links.items()}
    assert linked == {f"antwoord-{k}": list(v) for k, v in REFERENCES.items()}
    text = qa.items[21].answer.text                     # answer 22: "Zie antwoord op vraag 21."
    (start, end, n), = qa.links["antwoord-22"]
    assert (text[start:end], n) == ("vraag 21", 21)


# --- a synthetic letter of another session -------------------------------------------------------

def test_synthetic_letter_of_another_session():
    from generator.qaindex import round_of
    letter = letter_of(SYNTHETIC)
    blocks = letter.blocks
    assert qa_blocks(blocks) == ["heading", "fractie", "paragraph", ("question", "1"), ("answer", "1"),
                                 ("question", "2"), ("answer", "2"), "fractie", "heading",
                                 ("question", "3"), ("answer", "3"), "paragraph"]
    qa = round_of(letter)
    assert [(f.name, f.slug, [i.number for i in f.items]) for f in qa.fracties] == [
        ("ChristenUnie", "christenunie", [1, 2]), ("Volt", "volt", [3])]
    one, two, three = qa.items
    # l. 20-21: " 2. Antwoord van het kabinet:" right under its question, one space in front
    assert (two.answer.label, two.answer.span.start, two.question.span.end) == ("2. Antwoord van het kabinet:", 21, 20)
    # l. 42: the irregular label; the question (l. 30-40) runs over the page footer at l. 36
    assert three.answer.label == "3. Antwoord op vragen van het kabinet:"
    assert (three.question.span.start, three.question.span.end) == (30, 40)
    assert "Deze leden vragen ook of het kabinet het initiatief van Frankrijk en Mexico steunt?" in three.question.text
    assert "Tweede Kamer" not in three.question.text
    assert [f.line for f in letter.furniture] == [36]
    assert (three.fractie, three.topic) == ("Volt", "Hervorming van de Veiligheidsraad")
    # "Zie ook het antwoord op vraag 2" and "zie vraag 1" in answer 3
    assert three.references == (2, 1)
    # the closing remark of the Volt fractie gets no answer: it stays a paragraph of the fractie
    assert [b.span.start for b in qa.fracties[1].remarks] == [50]
    assert one.question.text.startswith("De leden van de ChristenUnie-fractie vragen hoe")
    assert blocks[2].text.startswith("De leden van de ChristenUnie-fractie hebben met belangstelling")
    assert not qa.warnings and not letter.warnings


def test_reference_to_a_missing_answer_is_a_warning_and_no_link(tmp_path):
    from generator.qaindex import round_of
    text = SYNTHETIC.read_text(encoding="utf-8").replace("zie vraag 1.", "zie vraag 12.")
    path = tmp_path / "2022-avvn77-schriftelijk-overleg.txt"
    path.write_text(text, encoding="utf-8")
    letter = make_letter(Source(path, text))
    qa = round_of(letter)
    assert qa.items[2].references == (2,)
    assert [n for _s, _e, n in qa.links["antwoord-3"]] == [2]
    line = next(no for no, l in enumerate(text.split("\n"), start=1) if "zie vraag 12" in l)
    assert letter.warnings == [f"{path}:{line}: 'vraag 12' refers to answer 12, which this letter does not have; "
                               f"not linked"]


def test_gap_in_the_numbering_is_a_warning(tmp_path):
    text = SYNTHETIC.read_text(encoding="utf-8").replace("3. Antwoord op vragen", "4. Antwoord op vragen")
    letter = make_letter(Source(tmp_path / "x.txt", text))
    assert len(letter.warnings) == 1 and ":42: answer 4 follows answer 2" in letter.warnings[0]


def test_a_letter_without_answer_labels_has_no_round():
    from generator.qaindex import round_of
    inzet = letter_of(REPO / "content" / "letters" / "2020-avvn75-inzet.txt")
    assert round_of(inzet) is None
    assert not [b for b in inzet.blocks if b.kind in ("question", "answer", "fractie")]
