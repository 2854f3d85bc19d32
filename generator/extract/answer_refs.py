"""References between the numbered answers of a written Q&A round: text -> [AnswerRef].

A pure function over one block's text. It finds the places where an answer points at another
one of the same letter:

    "zie ook beantwoording vraag 51"          -> 51
    "Zoals bij vraag 65 aangegeven"           -> 65
    "Zie tevens het antwoord op vraag 21."    -> 21
    "de antwoorden op vragen 21 en 23"        -> 21, 23  (each number its own reference)
    "zie antwoord 12"                          -> 12

What the letter calls "vraag N" is the question that answer N replies to, so every reference
points at answer N. References to other documents are left alone: "Kamervragen" never matches
(the word does not start with "vra…"), nor does a number followed by "van het lid" or "van de
leden X" (questions of single members, not of a fractie of this round), nor a reference in a
sentence that names Kamervragen or the Aanhangsel Handelingen. Whether N is an answer of this
letter is for the caller to check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"\d{1,3}(?![\d,.]?\w)"
# "vraag 51", "vragen 21 en 23", "vragen 21, 22 en 23", "antwoord 12", "antwoorden 3 en 4"
REFERENCE = re.compile(
    rf"\b(?P<word>[Vv]ra(?:ag|gen)|[Aa]ntwoord(?:en)?)\s+(?P<numbers>{_NUMBER}(?:\s*(?:,|en|t/m|tot en met)\s*{_NUMBER})*)")
_EACH = re.compile(_NUMBER)
# Someone else's questions: "vraag 3 van het lid Karabulut", "vragen 2 en 5 van de leden …".
# ("van de leden van de VVD-fractie" is a fractie of this round: still a reference.)
_MEMBERS = r"(?:het lid|(?:het )?Kamerlid|de Kamerleden|de leden(?! van de\b))\b"
_OTHERS_AFTER = re.compile(rf"\s*(?:\)\s*)?van {_MEMBERS}")
# A sentence about another document's questions: no reference to this letter's answers in it.
_OTHER_DOCUMENT = re.compile(r"Kamervra(?:ag|gen)|Aanhangsel (?:van de )?Handelingen|\bAH[- ]TK\b"
                             rf"|vragen van {_MEMBERS}", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z(«“])|\n\n")


@dataclass(frozen=True)
class AnswerRef:
    """A reference to answer `number`; text[start:end] == surface is what becomes the link."""

    start: int
    end: int
    number: int
    surface: str

    @property
    def key(self) -> str:             # the shape the extractor fixture tests expect
        return str(self.number)

    explicit = True


def find(text: str) -> list[AnswerRef]:
    """The answer references in `text`, in order. The first number of a run carries the word with
    it ("vraag 51", "vragen 21"); further numbers are linked on their own ("23")."""
    refs: list[AnswerRef] = []
    for m in REFERENCE.finditer(text):
        if _OTHERS_AFTER.match(text, m.end()) or _OTHER_DOCUMENT.search(_sentence(text, m.start(), m.end())):
            continue
        numbers = list(_EACH.finditer(text, m.start("numbers"), m.end("numbers")))
        if re.search(r"t/m|tot en met", m.group("numbers")):
            continue                  # a range ("vragen 3 t/m 7"): no single answer to point at
        for i, n in enumerate(numbers):
            start = m.start() if i == 0 else n.start()
            refs.append(AnswerRef(start, n.end(), int(n.group()), text[start:n.end()]))
    return refs


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] (roughly: between sentence ends)."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    stop = _SENTENCE_END.search(text, end)
    return text[begin:stop.start() if stop else len(text)]
