"""Written questions (Kamervragen, Aanhangsel van de Handelingen) become numbered question and
answer blocks, found by structure: real OCR pages 1970-1994 (tests/fixtures/kamervragen/, see its
README) and an excerpt of a modern Aanhangsel in its published layout. The expectations were
written after reading each page; line numbers are those of the fixture files."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean import clean
from generator.model import Source
from generator.parse import parse_letter
from generator.parse import qa as parse_qa
from generator.pipeline import make_letter
from generator.pages.data import qa_record

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "kamervragen"
LETTERS = Path(__file__).resolve().parent.parent / "content" / "letters"


def page(name: str, first: int = 1, last: int | None = None) -> str:
    """Lines first..last of a fixture; the lines before are left empty, so line numbers stay."""
    lines = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    last = last or len(lines)
    return "\n".join([""] * (first - 1) + lines[first - 1:last])


def blocks_of(text: str, name: str = "excerpt.txt"):
    return parse_letter(clean(Source(Path(name), text))).blocks


def qa_of(blocks):
    """(kind, number) of the question and answer blocks, in order."""
    return [(b.kind, b.number) for b in blocks if b.kind in ("question", "answer")]


def test_inline_questions_and_one_answer_to_all():
    # 1979 (Aanhangsel 1037), l. 7: head and questions 1 and 2 on one OCR line; l. 8 the answer's
    # head with the margin word ("Antwoord Antwoord van Minister …"); l. 9 one answer that replies
    # to the questions together ("De gestelde vragen …").
    blocks = blocks_of(page("1979_kamervragen-unifil", 7, 9))
    assert qa_of(blocks) == [("question", "1"), ("question", "2"), ("answer", "1")]
    head = blocks[0]
    assert head.kind == "fractie" and head.text.startswith("Vragen van het lid Van den Bergh (P.v.d.A.)")
    assert head.text.endswith("(Ingezonden 18 april 1979)")
    assert (head.fractie, head.askers) == ("PvdA", [("Van den Bergh", "PvdA")])
    q1, q2 = blocks[1], blocks[2]
    assert q1.text.startswith("Is het juist, dat Nederlandse militairen") and q1.text.endswith("aldaar?")
    assert q2.text.startswith("Zijn de posities van de Nederlandse militairen")
    assert (q1.span.start, q2.span.start, q1.anchor, q2.anchor) == (7, 7, "vraag-1", "vraag-2")
    answer = [b for b in blocks if b.kind == "answer"][0]
    assert answer.numbers == [1, 2] and answer.text.startswith("Naar aanleiding van uw schrijven van 19 april")
    assert [b.kind for b in blocks if b.kind == "heading"] == ["heading"]       # the answer's head
    assert any(b.text.startswith("Antwoord Antwoord van Minister Van der Klaauw") for b in blocks)


def test_two_series_on_one_page_and_an_answer_to_two_questions():
    # 1980 (Aanhangsel 1131 and 1132): Bolkestein and Joekes (beiden V.V.D.), questions 1-2 (l. 8-9),
    # answer "1 Ja." (l. 12) and answer 2 without its number (l. 13, "Ik zal de Kamer deze notitie …"
    # answers question 2; tests/fixtures/sgd/1980_kamervragen-vn-mensenrechten-saoedi-arabie.yml);
    # the next item's number "1132" (l. 14) goes with its head;
    # then Van der Spek (P.S.P.), questions 1-3 (l. 16-17, 2 and 3 on one line), answers "1" (l. 20)
    # and "2 en 3" (l. 21).
    blocks = blocks_of(page("1980_kamervragen-vn-mensenrechten-saoedi-arabie", 7, 21))
    heads = [b for b in blocks if b.kind == "fractie"]
    assert heads[1].text.startswith("1132 Vragen van het lid Van der Spek") and heads[1].span.start == 14
    assert [(h.fractie, h.askers) for h in heads] == [
        ("VVD", [("Bolkestein", "VVD"), ("Joekes", "VVD")]), ("PSP", [("Van der Spek", "PSP")])]
    assert qa_of(blocks) == [("question", "1"), ("question", "2"), ("answer", "1"), ("answer", "2"),
                             ("question", "1"), ("question", "2"), ("question", "3"),
                             ("answer", "1"), ("answer", "2")]
    qa = [b for b in blocks if b.kind in ("question", "answer")]
    assert [b.series for b in qa] == [1, 1, 1, 1, 2, 2, 2, 2, 2]
    assert qa[2].text == "Ja."
    assert qa[3].text == ("Ik zal de Kamer deze notitie op korte termijn toesturen, zodat de openbare "
                          "commissievergadering van 29 mei dit vraagstuk zo zij dit wenselijk acht, bij haar "
                          "beschouwingen zou kunnen be-trekken.")
    last = qa[-1]
    assert (last.numbers, last.label, last.anchor) == ([2, 3], "Antwoord 2 en 3", "antwoord-2-2")
    assert last.text.startswith("In het licht van het bovenstaande")
    assert (qa[4].anchor, qa[4].fractie) == ("vraag-2-1", "PSP")


def test_numbers_lost_by_the_ocr_are_filled_when_the_gap_fits():
    # 1990 (Aanhangsel 704): question 1 after the head (l. 7); l. 8 and 9 are questions 2 and 3
    # whose numbers the OCR lost; "4 Bent u …" (l. 10); l. 11 question 5 without its number;
    # "6 Bent u tevens bereid …" (l. 12). Each question is a block of its own.
    blocks = blocks_of(page("1990_kamervragen-who-aids-conferentie-visum", 7, 12))
    questions = [b for b in blocks if b.kind == "question"]
    assert [(q.number, q.span.start) for q in questions] == [("1", 7), ("2", 8), ("3", 9), ("4", 10),
                                                             ("5", 11), ("6", 12)]
    assert questions[1].text.startswith("Krïjgen sero-positieven")
    assert questions[4].text.startswith("Bent u bereid bij de VS aan te dringen")
    assert blocks[0].fractie == "Groen Links"


def test_answers_tell_how_many_questions_there_were():
    # 1992 (Aanhangsel 47): questions 1 and 2 on l. 7 ("1Is het u bekend", "2Bent u"), 3 and 4 on
    # l. 8, question 5 (l. 9) without its number; the answers "1 en 2" (l. 12), 3, 4 and 5.
    blocks = blocks_of(page("1992_kamervragen-juba-soedan-vn", 7, 14))
    assert qa_of(blocks) == [("question", str(n)) for n in range(1, 6)] + [
        ("answer", "1"), ("answer", "3"), ("answer", "4"), ("answer", "5")]
    questions = [b for b in blocks if b.kind == "question"]
    assert questions[0].text.startswith("Is het u bekend, dat in de Zuid-Soedanese-stad Juba")
    assert questions[4].text.startswith("Welke mogelijkheden gaat u")
    first = [b for b in blocks if b.kind == "answer"][0]
    assert (first.numbers, first.label) == ([1, 2], "Antwoord 1 en 2")
    assert blocks[0].askers == [("Verspaget", "PvdA"), ("Huibers", "CDA"), ("Heemskerk Pillis-Duvekot", "VVD"),
                                ("Eisma", "D66"), ("Sipkes", "Groen Links")]


def test_old_form_with_an_answer_head_inside_the_question_line():
    # 1971 (nr. 517): "1. Heeft de Minister …? 2. Is de Minister bereid …? ANTWOORD van de heer De Jong,
    # …" all on l. 5; answers "1." (l. 6) and "2." (l. 7).
    blocks = blocks_of(page("1971_kamervragen-papuas-vn", 4, 7))
    assert qa_of(blocks) == [("question", "1"), ("question", "2"), ("answer", "1"), ("answer", "2")]
    q2 = [b for b in blocks if b.kind == "question"][1]
    assert q2.text.endswith("in het kader van de Verenigde Naties?")
    head = next(b for b in blocks if b.kind == "heading")
    assert head.text.startswith("ANTWOORD van de heer De Jong") and head.span.start == 5
    assert blocks[0].fractie == "PvdA"


def test_numbered_with_a_dot_and_inline():
    # 1970 (nr. 1425): "1. Kunnen …" (l. 5), "2. Is het juist …? 3. Kunnen …" (l. 6), 4.-7. (l. 7-10);
    # three members of one party: the group is the party.
    blocks = blocks_of(page("1970_kamervragen-cesi-vn", 4, 12))
    assert [b.number for b in blocks if b.kind == "question"] == [str(n) for n in range(1, 8)]
    assert blocks[0].fractie == "KVP"
    assert [n for n, _p in blocks[0].askers] == ["Boot", "Kleister-lee", "Schuijt"]


def test_a_notice_of_delay_is_no_answer():
    # 1974, l. 6-12: Waltmans' questions 1-7 ("4 …? 5 …? 6 …? 7 …?" on l. 10); "Mededeling Mededeling
    # van Minister Van der Stoel … (Ontvangen 23 september 1974)" (l. 11) and its text (l. 12).
    blocks = blocks_of(page("1974_kamervragen-koerden-vn-instanties", 6, 12))
    assert qa_of(blocks) == [("question", str(n)) for n in range(1, 8)]
    assert blocks[-1].kind == "paragraph" and blocks[-1].text.startswith("Met verwijzing naar uw brief")


def test_several_answers_on_one_line_and_a_lost_number():
    # 1987 (Aanhangsel 864), l. 11: "1 Neen. Zie voorts het antwoord op vraag 6. 2 Gelet op …
    # 3 Buitenlandse aids-patiënten … 4 Het antwoord op vraag 1 …"; the 5 before "Het eerste deel"
    # (l. 12) is lost; "6 In mijn toespraak" (l. 12). The paragraph that fills the gap exactly
    # becomes answer 5 (tests/fixtures/sgd/1987_kamervragen-aids-who.yml: six answers).
    blocks = blocks_of(page("1987_kamervragen-aids-who", 7, 12))
    assert [b.number for b in blocks if b.kind == "answer"] == ["1", "2", "3", "4", "5", "6"]
    assert [b.text for b in blocks if b.kind == "answer"][4].startswith("Het eerste deel van de vraag")
    assert [b.text for b in blocks if b.kind == "answer"][:2] == [
        "Neen. Zie voorts het antwoord op vraag 6.", "Gelet op het antwoord op vraag 1 is deze vraag niet aan de orde."]


# Aanhangsel Handelingen II 2023/24, nr. 387 (ah-tk-20232024-387, officielebekendmakingen.nl), as
# its PDF text layer reads: the heads of questions and answer, then "Vraag N" / "Antwoord N"
# labels on lines of their own, questions 4 and 5 asked and answered together. Lines kept as
# printed (Vraag 1 shortened at its footnote markers).
MODERN = """Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken
over de situatie in de Zuidelijke Kaukasus (ingezonden 2 oktober 2023).

Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen
13 november 2023).

Vraag 1
Bent u bekend met de recente berichtgeving omtrent Nagorno-Karabach?

Antwoord 1
Ja.

Vraag 4 en 5
Deelt u de zorg dat Azerbeidzjan mogelijk op korte termijn militair een
doorgang zal proberen te forceren naar de Azerbeidjaanse exclave
Nachitsjevan, hetgeen een grove schending van het internationaal recht zou
betekenen?
Hoe wordt door de Europese Unie geanticipeerd op deze mogelijke
geweldsescalatie? Welke maatregelen worden voorbereid indien Azerbeidzjan
besluit Armenië binnen te vallen?

Antwoord 4 en 5
In het trilaterale akkoord van 2020 is expliciet vermeld dat alle economische
en transportverbindingen van en naar Nachitsjevan gedeblokkeerd worden,
welke onbelemmerd verkeer van personen, voertuigen en vracht in beide
richtingen zou bewerkstelligen.

Vraag 6
Kunt u uiteenzetten in welke mate de Europese Unie afhankelijk is van
Azerbeidjaans gas en hoe deze afhankelijkheid er de komende jaren uit gaat
zien indien er geen koerswijziging plaatsvindt?

Antwoord 6
In juli 2022 heeft de voorzitter van de Europese Commissie Ursula Von der
Leyen een memorandum van overeenstemming getekend met Azerbeidzjan
om de gasexport naar de EU te verdubbelen.
"""


def test_modern_vraag_and_antwoord_labels():
    blocks = blocks_of(MODERN)
    assert qa_of(blocks) == [("question", "1"), ("answer", "1"), ("question", "4"), ("answer", "4"),
                             ("question", "6"), ("answer", "6")]
    head, answers_head = blocks[0], blocks[1]
    assert (head.kind, head.fractie, head.askers, head.span.end) == ("fractie", "CDA", [("Boswijk", "CDA")], 2)
    assert (answers_head.kind, answers_head.span.start, answers_head.span.end) == ("heading", 4, 5)
    q45, a45 = blocks[4], blocks[5]
    assert (q45.label, q45.numbers, q45.span.start, q45.span.end) == ("Vraag 4 en 5", [4, 5], 13, 20)
    assert q45.text.endswith("besluit Armenië binnen te vallen?") and "betekenen?\n\nHoe wordt" in q45.text      # questions 4 and 5
    assert (a45.label, a45.numbers, a45.anchor, a45.span.start) == ("Antwoord 4 en 5", [4, 5], "antwoord-4", 22)
    assert blocks[3].text == "Ja."


def test_questions_are_not_merged_into_one_paragraph():
    # the symptom: today each OCR page's questions were one paragraph with the page header
    for name in ("1979_kamervragen-unifil", "1987_kamervragen-aids-who", "1994_kamervragen-roma-tsjechie"):
        blocks = blocks_of(page(name), f"{name}.txt")
        assert sum(b.kind == "question" for b in blocks) >= 2, name
        assert not any(b.kind == "paragraph" and "Vragen van" in b.text and "?" in b.text for b in blocks), name


@pytest.mark.parametrize("name", ["2017-avvn72-inzet", "2018-avvn73-verslag-ministeriele-week",
                                  "2019-veiligheidsraad-2018-terugblik", "2020-avvn75-inzet",
                                  "2020-avvn75-schriftelijk-overleg"])
def test_letters_without_written_questions_are_left_alone(name):
    lines = clean(Source(LETTERS / f"{name}.txt", (LETTERS / f"{name}.txt").read_text(encoding="utf-8"))).lines
    assert parse_qa.kamervragen(lines) is None


def test_askers_and_their_grouping():
    assert parse_qa.askers_of("Vragen van de leden Van den Bergh (P.v.d.A.) Ploeg (V.V.D.) en Gualthérie van "
                              "Weezel (C.D.A.) over voedselhulp aan Cambodja. (Ingezonden 24 maart 1980)") == [
        ("Van den Bergh", "PvdA"), ("Ploeg", "VVD"), ("Gualthérie van Weezel", "CDA")]
    assert parse_qa.askers_label([("Lankhorst", "PPR"), ("Beckers-de Bruijn", "PPR")]) == "PPR"
    assert parse_qa.askers_label([("Van der Werff", "VVD"), ("Tummers", "PvdA")]) == \
        "Van der Werff (VVD), Tummers (PvdA)"


def test_round_and_qa_json_records():
    path = FIXTURES / "1980_kamervragen-vn-mensenrechten-saoedi-arabie.txt"
    letter = make_letter(Source(path, path.read_text(encoding="utf-8")))
    qa = letter.qa
    assert qa is not None and qa.kind == "kamervragen"
    assert [(f.name, f.askers) for f in qa.fracties] == [
        ("VVD", [("Bolkestein", "VVD"), ("Joekes", "VVD")]), ("PSP", [("Van der Spek", "PSP")])]
    assert [(i.series, i.number, i.numbers) for i in qa.items] == [(1, 1, (1,)), (1, 2, (2,)), (2, 1, (1,)),
                                                                    (2, 2, (2, 3))]
    assert not [w for w in qa.warnings if "more than once" in w]
    record = qa_record(qa, qa.items[3])
    assert (record["kind"], record["series"], record["numbers"], record["fractie"]) == ("kamervragen", 2, [2, 3], "PSP")
    assert record["askers"] == [{"name": "Van der Spek", "party": "PSP"}]
    assert record["question"].startswith("Ligt het in de lijn van het Nederlandse mensenrechtenbeleid")
    assert "\n\nIs de Regering bereid, bij de VN-Com-missie" in record["question"]       # questions 2 and 3
    assert record["anchor"] == "antwoord-2-2" and record["question_lines"] == [17, 18]


def test_theme_passages_link_to_the_answer_of_each_question():
    # 1980: question 3 of the second series is answered by "2 en 3" (antwoord-2-2); one passage for
    # questions 2 and 3 and their answer, question 2 of the first series with its answer (antwoord-2),
    # and every passage anchor is on the page
    path = FIXTURES / "1980_kamervragen-vn-mensenrechten-saoedi-arabie.txt"
    letter = make_letter(Source(path, path.read_text(encoding="utf-8")))
    anchors = [p.anchor for p in letter.passages]
    assert len(anchors) == len(set(anchors))
    assert set(anchors) <= {b.anchor for b in letter.blocks}
    assert [p.anchor for p in letter.passages if p.kind == "answer"] == ["antwoord-1", "antwoord-2", "antwoord-2-1", "antwoord-2-2"]


def test_questions_printed_after_the_answer():
    # 1979 (Aanhangsel 1037), l. 10: OCR read the columns out of order; after the answer (l. 8-9) comes
    # "Heeft de Nederlandse Regering … komen? 4 Is de Nederlandse Regering … loopt?": question 3 (its
    # number lost) and question 4. The one answer answers all four.
    blocks = blocks_of(page("1979_kamervragen-unifil"), "1979_kamervragen-unifil.txt")
    assert qa_of(blocks) == [("question", "1"), ("question", "2"), ("answer", "1"), ("question", "3"),
                             ("question", "4")]
    q3 = next(b for b in blocks if b.kind == "question" and b.number == "3")
    assert q3.text.startswith("Heeft de Nederlandse Regering er zich van vergewist") and q3.text.endswith("komen?")
    assert next(b for b in blocks if b.kind == "answer").numbers == [1, 2, 3, 4]


def test_answers_that_lost_their_numbers():
    # 1980 (Aanhangsel 998), l. 10-14: answers "1 …", "2 …", then "Deze vraag kan bevestigend worden
    # beantwoord." (3, an answer formula alone) and "Het gevaar …" (4) with its second paragraph (l. 14)
    blocks = blocks_of(page("1980_kamervragen-unicef-cambodja-voedselhulp"))
    answers = [b for b in blocks if b.kind == "answer"]
    assert [a.number for a in answers] == ["1", "2", "3", "4"]
    assert answers[2].text == "Deze vraag kan bevestigend worden beantwoord."
    assert answers[3].text.startswith("Het gevaar van een hongersnood") and "Het merendeel van deze hulp" in answers[3].text
    # 1992 (Aanhangsel 47), l. 9-10: question 5 lost its number; the footnote line the page prints under
    # it ("1 Ter kennisneming …") asks nothing and goes with it
    blocks = blocks_of(page("1992_kamervragen-juba-soedan-vn"))
    assert [b.number for b in blocks if b.kind == "question"] == ["1", "2", "3", "4", "5"]


def test_a_page_that_opens_in_the_answers_of_the_item_before():
    # 1974 (Aanhangsel 25/26), l. 1-4: the end of an answer and answers "2", "3", "4" of an item on the
    # page before; then item 25 with questions 1-7 and a Mededeling, item 26 with questions 1-3
    blocks = blocks_of(page("1974_kamervragen-koerden-vn-instanties"))
    answers = [b for b in blocks if b.kind == "answer"]
    assert [(a.series, a.number) for a in answers] == [(1, "1"), (1, "2"), (1, "3"), (1, "4")]
    assert answers[1].text.startswith("Voor een overzicht van de in Nederlanc")
    assert [(b.series, b.number) for b in blocks if b.kind == "question"][:2] == [(2, "1"), (2, "2")]
    assert sum(b.kind == "question" for b in blocks) == 10


def test_parties_are_written_as_kinds_yml_writes_them():
    # sgd/1992_kamervragen-juba-soedan-vn.txt: "… Sipkes (Groen Links) …": the Q&A pages and qa.json
    # name the party as the site does elsewhere (content/knowledge/kinds.yml, parties)
    from generator import pipeline
    from generator.kinds import default_kinds
    from generator.model import Source

    path = FIXTURES / "1992_kamervragen-juba-soedan-vn.txt"
    letter = pipeline.make_letter(Source(path, path.read_text(encoding="utf-8")), kinds=default_kinds())
    parties = {p for b in letter.blocks for _n, p in b.askers}
    assert "GroenLinks" in parties and "Groen Links" not in parties
    assert "Groen Links" not in " ".join(b.fractie for b in letter.blocks)
