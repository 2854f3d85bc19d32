"""UN bodies, funds, programmes and agencies named in a paragraph: "de Veiligheidsraad", "AVVN",
"VN-organisatie UNICEF", "de Wereldgezondheidsorganisatie (WHO)", "U.N.E.S.C.O.".

Pure: `find(text, names, shared)` takes one paragraph and two mappings from surface form to body
key (built by the knowledge loader, knowledge.tables.body_names / body_shared_names) and returns
`Hit`s of kind "body".

Matching rules, for any mapping:
- a form with more than one word ("Algemene Vergadering van de Verenigde Naties", "World Health
  Organization") matches in any case, with any run of whitespace between its words, and with a
  word broken by a hyphen at a line end as OCR leaves it ("Algemene Verga-dering", "VN-Com-missie");
- a one-word form matches exactly as written: acronyms ("WHO", "AVVN", "Unesco") in their case;
  an acronym of capitals also written with dots ("F.A.O.", "U.N.E.S.C.O", "W.H.O.");
- whole words, but a hyphen on either side is fine ("UNICEF-programma", "OPCW-hack"), and a
  "VN-"/"UN-"/"V.N.-" written before a name is part of the hit ("VN-Mensenrechtenraad");
- a one-word Dutch name (not an acronym, eight letters or more) may begin a compound:
  "Veiligheidsraadresolutie", "Veiligheidsraadslid", "Wereldbankgroep" give a hit on the name;
- longest form first, hits never overlap; nothing inside a web or e-mail address.

Shared names ("Algemene Vergadering", "Secretaris-Generaal", "Secretariaat", "Veiligheidsraad"):
names other organisations use as well. A careful reader takes them as the UN's unless the text
says otherwise, so:
- written with capitals they count, except when "van (de)"/"der"/"of (the)" follows with another
  organisation (a capitalised word or acronym that is not the UN: "Algemene Vergadering van de
  IAEA", "Secretaris-Generaal van de NAVO", "Secretaris-Generaal van het Ministerie"), or a word
  for the members of another body ("Algemene Vergadering van aandeelhouders"); or when another
  organisation is written before it ("NAVO-Secretaris-Generaal", "OVSE Secretariaat",
  "onder-Secretaris-Generaal", "Vredes- en Veiligheidsraad", "Nationale Veiligheidsraad");
- written in small letters ("algemene vergadering") they count only when the UN follows
  ("algemene vergadering van de Ver-enigde Naties", "secretaris-generaal der V.N.") or is glued
  before ("VN-secretariaat"); a shared name of two words ("algemene vergadering") also when the
  paragraph names the UN elsewhere and no other organisation follows it.
"de Vergadering" (in parliamentary records the chamber's own sitting), "de Raad" and "Verenigde
Naties"/"VN" (the organisation itself) are no forms of any body and are never found.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from ..words import scan, whole_part_at
from .base import Candidates, Hit
from .missions import _inside, address_spans

KIND = "body"

# The UN itself after "van de"/"der"/"of the": Verenigde Naties (also OCR "Ver-enigde", old
# "Vereenigde"), VN, V.N., UNO, U.N.O., United Nations, UN.
_UN = r"(?:Vere?-?\s*e?e?nigde\s+Naties|V\.\s*N\.?|VN\b|UNO\b|U\.\s*N\.|United\s+Nations|UN\b)"
# What follows a shared name: "van de X", "der X", "of the X" - X is the word read.
_FOLLOW = re.compile(r"\s+(?:van|der|des|dezer|of)\s+(?:(?:de|het|bet|den|der|the)\s+)?"
                     r"(?P<un>" + _UN + r")?(?P<word>[^\s,;:()]+)?")
# Words naming the members or kind of another body, written in small letters after "van (de)".
_OTHER_MEMBERS = re.compile(r"(?:aandeelhouders|leden|vennoten|obligatiehouders|certificaathouders|"
                            r"vereniging|stichting|coöperatie|ministerie|departement|partij|bond)\b")
_MONTHS = frozenset("Januari Februari Maart April Mei Juni Juli Augustus September Oktober "
                    "October November December".split())
# Another organisation written just before a shared name: an acronym or word glued on with a
# hyphen ("NAVO-", "onder-"; not "VN-"), an acronym before it ("OVSE Secretariaat"), a
# coordinated compound ("Vredes- en"), or a national or regional council ("Nationale").
_BEFORE = re.compile(r"(?:(?<![\w.-])(?!(?:VN|UN|V\.N\.)-$)[\w.-]+-|(?<!\w)(?!(?:VN|UN)\s)[A-Z]{2,}\s+|"
                     r"\w-\s+en\s+|(?<!\w)(?:Nationale|nationale|Europese|Afrikaanse)\s+)$")
_UN_PREFIX = re.compile(r"(?<![\w.-])(?:VN|UN|V\.N\.)-$")
_ACRONYM = re.compile(r"[A-Z]{2,8}")
# The UN named anywhere in a paragraph (for a shared name of two words in small letters).
_UN_NAMED = re.compile(r"(?<!\w)(?:Vere?-?\s*e?e?nigde\s+Naties|VN|V\.N\.|UNO|U\.N\.O\.|United\s+Nations)(?!\w)")
_COMPOUND_MIN = 8
_RUN = re.compile(r"\w+")


def _normal(surface: str) -> str:
    return " ".join(surface.split())


def _squash(form: str) -> str:
    """A form without case, whitespace and hyphens: the key of what a tolerant match found."""
    return re.sub(r"[\s\-\u00ad]+", "", form).casefold()


def _broken(form: str) -> str:
    """The pattern of a multi-word form: any run of whitespace between its words, and - after
    its first two characters - a word broken at a line end as OCR leaves it ("Verga-dering",
    "Com- missie") between two letters."""
    out = [re.escape(form[:2])]
    for prev, char in zip(form[1:], form[2:]):
        if char == " ":
            out.append(r"\s+")
            continue
        if prev == " ":
            out.append(re.escape(char))
            continue
        if prev.isalpha() and char.isalpha():
            out.append(r"(?:[-\u00ad]\s?)?")
        out.append(re.escape(char))
    return "".join(out)


def _dotted(form: str) -> str:
    """'FAO' -> the pattern of 'F.A.O.' (the last dot optional)."""
    return r"\.".join(form) + r"\.?"


class _Matcher(Candidates):
    """One compiled alternation over all forms, longest first, and the shared names apart."""

    def __init__(self, items: tuple[tuple[str, str, bool], ...]) -> None:
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        self.shared: set[str] = set()             # casefolded shared forms
        alternatives: list[tuple[int, str]] = []
        exact_firsts: list[str] = []
        folded_firsts: list[str] = []
        compounds: list[str] = []
        for surface, key, shared in items:
            form = _normal(surface)
            if not form:
                continue
            words = form.split(" ")
            body = r"\s+".join(re.escape(w) for w in words)
            tail = r"(?!\w)"
            if len(words) > 1 or shared:
                self.folded[_squash(form)] = key
                folded_firsts.append(form)
                if len(words) > 1:
                    body = _broken(form)
                body = "(?i:" + body + ")"
            else:
                self.exact[form] = key
                exact_firsts.append(form)
                if _ACRONYM.fullmatch(form):
                    self.exact.setdefault(".".join(form), key)
                    body = "(?:" + body + "|" + _dotted(form) + ")"
                    exact_firsts.append(".".join(form))
            if len(words) == 1 and not _ACRONYM.fullmatch(form) and len(form) >= _COMPOUND_MIN \
                    and form[-1:].isalpha():
                tail = r"(?=[a-zà-ÿ]|(?!\w))"           # the first part of a compound
                compounds.append(form)
            if shared:
                self.shared.add(_squash(form))
            alternatives.append((len(form), body + tail))
        alternatives.sort(key=lambda a: -a[0])
        union = "|".join(body for _, body in alternatives) or r"(?!x)x"
        self.pattern = re.compile(r"(?<!\w)(?:" + union + r")")
        self._compounds = (re.compile(r"(?<!\w)(?i:" + "|".join(re.escape(c) for c in compounds) + r")(?=[a-zà-ÿ])")
                           if compounds else None)
        # the compounds in lower case, when a look-up in the lower-cased text can stand in for
        # their case-insensitive pattern (else None: the plain scan)
        lowered = tuple(sorted({c.lower() for c in compounds}))
        self._compound_names = lowered if all(_RUN.match(c) and set(c) <= _SAFE_CASE for c in lowered) else None
        self._compound_runs = frozenset(_RUN.match(c).group() for c in self._compound_names or ()
                                        if not _RUN.fullmatch(c))
        self._begins: set[str] = set()                  # the words seen (lower case) that begin one
        self._no_compound: set[str] = set()             # and those that begin none
        super().__init__(self.pattern, exact=exact_firsts, folded=folded_firsts)

    def _find_starts(self, text: str) -> list[int]:
        starts = super()._find_starts(text)
        if self._compounds is not None:                 # compounds are words no name equals
            starts = sorted(set(starts) | set(self._compound_starts(text)))
        return starts

    def _compound_starts(self, text: str) -> list[int]:
        """Where `_compounds` matches (as its finditer would), tried only where the lower-cased
        text has a compound at the start of a word; the plain scan where a look-up in lower case
        is not safe (words.ODD_CASE)."""
        words = scan(text)
        lower = words.lower_text
        if lower is None or words.odd_case or self._compound_names is None or "\u00f7" in text:
            return [m.start() for m in self._compounds.finditer(text)]
        tries = sorted(at for run in words.lowered - self._no_compound if self._begins_compound(run)
                       for at in whole_part_at(lower, run))
        found: list[int] = []
        end = 0
        for at in tries:
            if at >= end and (m := self._compounds.match(text, at)) is not None:
                found.append(at)
                end = m.end()
        return found

    def _begins_compound(self, run: str) -> bool:
        """Whether a compound can begin with this word (a run of word characters, in lower case):
        the word is longer than a compound it begins with (then a letter follows the compound;
        the lookahead [a-zà-ÿ] also takes "÷", which _compound_starts leaves to the plain scan),
        or it is a compound's first run ("vn" of "vn-veiligheidsraad"). Kept per word: most
        words begin none (`_no_compound`)."""
        if run in self._begins:
            return True
        if run in self._compound_runs or any(len(run) > len(c) and run.startswith(c) for c in self._compound_names):
            self._begins.add(run)
            return True
        self._no_compound.add(run)
        return False

    def key(self, surface: str) -> str:
        form = _normal(surface)
        return self.exact.get(form) or self.exact.get(form.replace(".", "")) \
            or self.folded[_squash(form)]

    def is_shared(self, surface: str) -> bool:
        return _squash(surface) in self.shared and _normal(surface) not in self.exact


# The lower-case letters (and digits) for which re's case-insensitive match and str.lower agree,
# apart from the characters words.ODD_CASE names.
_SAFE_CASE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ-. '’")


def matcher(names: Mapping[str, str] | _Matcher, shared: Mapping[str, str] = ()) -> _Matcher:
    """The compiled matcher for the forms and shared names (compiled once per mapping and kept)."""
    if isinstance(names, _Matcher):
        return names
    return _compiled(tuple((f, k, False) for f, k in names.items())
                     + tuple((f, k, True) for f, k in dict(shared).items()))


_cache: dict[tuple, _Matcher] = {}


def _compiled(items: tuple) -> _Matcher:
    found = _cache.get(items)
    if found is None:
        if len(_cache) >= 8:
            _cache.clear()
        found = _cache[items] = _Matcher(items)
    return found


def _shared_ok(text: str, start: int, end: int, surface: str) -> bool:
    """Whether a shared name at text[start:end] is the UN's (the rules in the module docstring)."""
    follow = _FOLLOW.match(text, end)
    un = bool(follow and follow.group("un"))
    before = text[max(0, start - 40):start]
    if un or _UN_PREFIX.search(before):
        return True
    if _BEFORE.search(before):
        return False
    if follow:
        word = (follow.group("word") or "").strip(".'\"»«„”")
        if word[:1].isupper() and word not in _MONTHS:
            return False
        if _OTHER_MEMBERS.match(word):
            return False
    if surface[:1].islower():
        # small letters: the UN must follow - or, for a name of two words ("algemene
        # vergadering"), be named elsewhere in the paragraph
        return " " in _normal(surface) and bool(_UN_NAMED.search(text[:start] + " " + text[end:]))
    return True


def find(text: str, names: Mapping[str, str] | _Matcher, shared: Mapping[str, str] = (),
         spans: list[tuple[int, int]] | None = None) -> list[Hit]:
    """UN bodies named in one paragraph, sorted by start, non-overlapping. `names`: surface form
    -> key; `shared`: shared names -> key; or a matcher built with `matcher(names, shared)`.
    `spans`: the text's address_spans, when the caller has them already."""
    found = matcher(names, shared)
    spans = address_spans(text) if spans is None else spans
    hits: list[Hit] = []
    for m in found.finditer(text):
        start, end, surface = m.start(), m.end(), m.group()
        if _inside(spans, start, end):
            continue
        if found.is_shared(surface) and not _shared_ok(text, start, end, surface):
            continue
        prefix = _UN_PREFIX.search(text[max(0, start - 5):start])
        if prefix:
            at = start - len(prefix.group())
            if not hits or hits[-1].end <= at:
                start = at
        hits.append(Hit(start, end, KIND, found.key(surface), text[start:end]))
    return hits
