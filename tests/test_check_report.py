"""`generator check --report`: per letter what the generator inferred, and what a sidecar should add."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.__main__ import main
from generator.kinds import default_kinds
from generator.model import Source
from generator.report import LetterRow, format_letter_table, letter_row

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def test_row_names_what_a_letter_lacks():
    # no cue of any kind, no date, no reference: a kamerbrief by default, and the row says so
    source = Source(Path("/x/notitie.txt"), "Geachte voorzitter,\n\nHierbij een korte notitie over de VN.\n")
    row = letter_row(pipeline.make_letter(source, kinds=default_kinds()), default_kinds())
    assert (row.kind, row.missing, row.reference) == ("kamerbrief", ("kind", "date", "reference"), "")
    assert row.paragraphs >= 1 and not row.sidecar


def test_row_of_a_modern_kamerstuk_has_its_citation():
    text = (FIXTURES / "layouts" / "kst-brief.txt").read_text(encoding="utf-8")
    letter = pipeline.make_letter(Source(Path("/x/kst-brief.txt"), text), kinds=default_kinds())
    row = letter_row(letter, default_kinds())
    assert row.reference == "Kamerstukken II 2022/23, 26 150, nr. 203"
    assert row.date == "2023-04-17" and row.missing == ()
    assert row.furniture > 0                       # the kst footer, ISSN line and running footers


def test_table_escapes_pipes_and_counts_what_is_missing():
    rows = [LetterRow("a", "a.txt", "motie", "", "", "Motie | over | iets", 3, 1, 0, 2, 1, ("date", "reference")),
            LetterRow("b", "b.txt", "kamerbrief", "2020-01-02", "Kamerstukken II 2019/20, 1, nr. 2", "B", 1, 0, 0,
                      0, 0, (), sidecar=True)]
    table = format_letter_table(rows).splitlines()
    assert table[0].startswith("| letter | kind | date | reference | title |")
    assert "Motie \\| over \\| iets" in table[2] and table[2].endswith("| date, reference |")
    assert table[3].startswith("| b (sidecar) | kamerbrief | 2020-01-02 |")
    assert table[-1] == "2 letters; without kind: 0, date: 1, reference: 1; with warnings: 1"


def test_check_report_on_the_command_line(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    for path in (content / "letters").iterdir():
        if not path.name.startswith("2020-avvn75-inzet"):
            path.unlink()
    shutil.copy(FIXTURES / "layouts" / "ah-vragen-modern.txt", content / "letters")
    assert main(["check", "--report", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    rows = {line.split(" | ")[0].strip("| "): line for line in out.splitlines()
            if line.startswith("| ") and not line.startswith("| letter |")}
    assert "kamervragen" in rows["ah-vragen-modern"] and "Aanhangsel Handelingen II 2023/24, nr. 387" in rows[
        "ah-vragen-modern"]
    assert rows["2020-avvn75-inzet (sidecar)"].split(" | ")[1] == "inzetbrief"
    assert out.rstrip().endswith("with warnings: " + str(sum(1 for r in rows.values() if r.split(" | ")[9] != "0")))


def test_check_without_report_prints_no_table(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    assert main(["check", "--content", str(content)]) == 0
    assert "| letter | kind |" not in capsys.readouterr().out
