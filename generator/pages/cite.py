"""A letter for a reference manager, and its sources: BibTeX, RIS and CSL-JSON, the official
publication (page and PDF) and the source text as the generator read it. Pure.

Per letter, beside its page (brieven/<id>.md, served at brieven/<id>/):

    brieven/<id>/<id>.bib        BibTeX (@misc, readable by BibTeX and biblatex)
    brieven/<id>/<id>.ris        RIS (TY GOVDOC … ER)
    brieven/<id>/<id>.csl.json   CSL-JSON: a list with one item
    brieven/<id>/<id>.txt        the source text as read (of a PDF: the text taken from it)
    brieven/<id>/<id>.pdf        a PDF source as it is (copied by the pipeline: bytes, not text)

Fields: title; date (else year); the signatories as authors; the container and number as the
Kamer cites the letter ("Kamerstukken II 2020/21, 26 150" and "187"; see `container`); the kind
as genre; the official publication's address and its PDF; the address of the letter's page when
the site's address is known (mkdocs.yml `site_url`), else its address relative to the site root
in the note; language nl.

Written here, not with a library: pybtex, bibtexparser and rispy (all in the package lists) were
tried. pybtex and bibtexparser write a value as given (a backslash, brace, `$`, `^`, `%` or `#` in
a title stays raw; latexcodec, pybtex's encoder, leaves `\\`, `$` and `^`), rispy writes a newline
in a value as it is, which ends the RIS line. Each would need the escaping below around it, and a
new dependency, for three formats of a dozen fields. CSL-JSON is JSON (json.dumps).

Official addresses (`official_links`): officielebekendmakingen.nl serves every publication under
its identifier (`kst-26150-187`, `ah-tk-20232024-387`, `h-tk-…`, `stb-…`, `stcrt-…`, `trb-…`) as
https://zoek.officielebekendmakingen.nl/<identifier>.html and …/<identifier>.pdf. The identifier
is taken from the letter's official address (Meta.url, itself read from the letter or its sidecar,
generator/meta.py); any other address is shown as it is, without a PDF.
"""
from __future__ import annotations

import json
import re

from ..model import Letter, OutputPage, Signatory
from .addresses import LETTERS_DIR, page_url
from .labels import kind_citation, kind_label, title_of
from .markdown import safe_url

OFFICIAL = re.compile(r"https://zoek\.officielebekendmakingen\.nl/"
                      r"((?:kst|ah|h|stb|stcrt|trb|blg)-[A-Za-z0-9-]+?)(?:\.html|\.pdf)?")
OFFICIAL_PAGE = "https://zoek.officielebekendmakingen.nl/{id}.html"
OFFICIAL_PDF = "https://zoek.officielebekendmakingen.nl/{id}.pdf"
CHAMBERS = {"II": "Tweede Kamer der Staten-Generaal", "I": "Eerste Kamer der Staten-Generaal"}
# Dutch surname particles written in lower case ("Ko de Bruijn"): part of the family name
PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "'t", "la", "le", "von", "du"})
# The files beside a letter's page: key (as the page's template and data/letters.json name them)
# and extension; a PDF source adds ("pdf", "pdf").
DOWNLOADS = (("bibtex", "bib"), ("ris", "ris"), ("csl_json", "csl.json"), ("text", "txt"))


# --- addresses ---------------------------------------------------------------------------------

def folder(letter_id: str) -> str:
    """The folder of a letter's downloads, relative to the docs folder: brieven/<id>."""
    return f"{LETTERS_DIR}/{letter_id}"


def download_path(letter_id: str, ext: str) -> str:
    """brieven/<id>/<id>.<ext>, relative to the docs folder."""
    return f"{folder(letter_id)}/{letter_id}.{ext}"


def download_files(letter: Letter) -> dict[str, str]:
    """Key -> extension of each download of the letter: DOWNLOADS, then the PDF of a PDF source."""
    return dict(DOWNLOADS) | ({"pdf": "pdf"} if is_pdf(letter) else {})


def download_links(letter: Letter) -> dict[str, str]:
    """Key (download_files) -> docs path (download_path): the exports, the source text and, for a
    PDF source, the PDF."""
    return {key: download_path(letter.id, ext) for key, ext in download_files(letter).items()}


def is_pdf(letter: Letter) -> bool:
    return letter.source.path.suffix.lower() == ".pdf"


def official_links(meta) -> tuple[str, str]:
    """(page, PDF) of the official publication: for an officielebekendmakingen.nl address its
    .html and .pdf; another address as it is, without a PDF; ('', '') when none is known."""
    url = safe_url(meta.url)
    m = OFFICIAL.fullmatch(url)
    if m:
        return OFFICIAL_PAGE.format(id=m.group(1)), OFFICIAL_PDF.format(id=m.group(1))
    return url, ""


# --- the fields --------------------------------------------------------------------------------

def container(meta) -> tuple[str, str]:
    """(container, number) as the Kamer cites the letter: the official citation without its last
    part when that part ends in the letter's number ("Kamerstukken II 2020/21, 26 150" and "187";
    "Aanhangsel Handelingen II 2023/24" and "387"), else the whole citation and the number
    (Handelingen: "Handelingen II 1978/79, nr. 5 (15 mei 1979)", "5"). ('', number) without a
    citation."""
    number = meta.aanhangsel if meta.kind == "kamervragen" and meta.aanhangsel else meta.number
    official = kind_citation(meta)
    if not official:
        return "", number
    head, _, last = official.rpartition(", ")
    if head and number and last.endswith(number):
        return head, number
    return official, number


def name_parts(name: str) -> tuple[str, str]:
    """(given, family) of a name as a letter signs it: 'S.A.M. Kaag' -> ('S.A.M.', 'Kaag'),
    'Ko de Bruijn' -> ('Ko', 'de Bruijn'); one word -> ('', word)."""
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    at = len(words) - 1
    while at > 1 and words[at - 1] in PARTICLES:
        at -= 1
    return " ".join(words[:at]), " ".join(words[at:])


def fields(letter: Letter, site_url: str = "") -> dict:
    """The facts every export writes, as plain text."""
    meta = letter.meta
    box, number = container(meta)
    page, pdf = official_links(meta)
    own = page_url(letter.id)
    site = site_url.rstrip("/") + "/" + own if site_url else ""
    note = "; ".join(part for part in (kind_citation(meta), f"VN-brieven: {site or own}") if part)
    return {
        "id": letter.id, "title": title_of(letter), "kind": kind_label(meta.kind),
        "date": meta.date, "year": meta.year, "authors": list(meta.signatories),
        "container": box, "number": number, "publisher": CHAMBERS.get(meta.chamber, ""),
        "url": page or site, "pdf": pdf, "page": site, "note": note, "language": "nl",
    }


# --- BibTeX ------------------------------------------------------------------------------------

_BIBTEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_BIBTEX_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS))


def bibtex_text(value: str) -> str:
    """A value for a braced BibTeX field: TeX's special characters escaped, whitespace (newlines
    too) collapsed; other Unicode stays (biber and BibTeX 0.99 read UTF-8)."""
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIALS[m.group()], " ".join(str(value).split()))


def bibtex_url(url: str) -> str:
    """A URL for biblatex's verbatim url field: characters that would unbalance or end the field
    percent-encoded (safe_url already refused anything but http(s))."""
    return "".join(c if c not in '{}\\ "' else f"%{ord(c):02X}" for c in url)


def bibtex_name(s: Signatory) -> str:
    """'Family, Given' (BibTeX's unambiguous form), each part braced when it holds ' and ' or a
    comma, so BibTeX never splits one name in two."""
    given, family = name_parts(s.name)

    def part(text: str) -> str:
        text = bibtex_text(text)
        return "{" + text + "}" if re.search(r",|\band\b", text, re.IGNORECASE) else text
    return f"{part(family)}, {part(given)}" if given else part(family)


def bibtex(letter: Letter, site_url: str = "") -> str:
    f = fields(letter, site_url)
    rows = [("title", "{" + bibtex_text(f["title"]) + "}")]       # inner braces: keep its capitals
    if f["authors"]:
        rows.append(("author", " and ".join(bibtex_name(s) for s in f["authors"])))
    if f["date"]:
        rows.append(("date", f["date"].isoformat()))
    if f["date"] or f["year"]:
        rows.append(("year", str(f["date"].year if f["date"] else f["year"])))
    for key, name in (("container", "howpublished"), ("number", "number"), ("kind", "type"),
                      ("publisher", "organization"), ("note", "note")):
        if f[key]:
            rows.append((name, bibtex_text(f[key])))
    if f["url"]:
        rows.append(("url", bibtex_url(f["url"])))
    rows += [("language", "dutch"), ("langid", "dutch")]
    key = re.sub(r"[^A-Za-z0-9:_-]", "-", f["id"])
    return f"@misc{{{key},\n" + "".join(f"  {name} = {{{value}}},\n" for name, value in rows) + "}\n"


# --- RIS ---------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def ris_text(value: str) -> str:
    """A RIS value: one line (newlines and other control characters become spaces), trimmed."""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def ris(letter: Letter, site_url: str = "") -> str:
    """A RIS record (tags of the RIS specification, two spaces, hyphen, space; CRLF line ends)."""
    f = fields(letter, site_url)
    rows = [("TY", "GOVDOC"), ("TI", f["title"])]
    for s in f["authors"]:
        given, family = name_parts(s.name)
        rows.append(("AU", f"{family}, {given}" if given else family))
    if f["date"]:
        rows += [("PY", str(f["date"].year)), ("DA", f["date"].strftime("%Y/%m/%d/"))]
    elif f["year"]:
        rows.append(("PY", str(f["year"])))
    for key, tag in (("container", "T2"), ("number", "IS"), ("kind", "M3"), ("publisher", "PB"),
                     ("url", "UR"), ("pdf", "L1"), ("note", "N1"), ("language", "LA")):
        if f[key]:
            rows.append((tag, f[key]))
    rows.append(("ID", f["id"]))
    return "".join(f"{tag}  - {ris_text(value)}\r\n" for tag, value in rows) + "ER  - \r\n"


# --- CSL-JSON ----------------------------------------------------------------------------------

def csl_item(letter: Letter, site_url: str = "") -> dict:
    """One CSL-JSON item (type "document": CSL has no type of its own for a parliamentary paper)."""
    f = fields(letter, site_url)
    item: dict = {"id": f["id"], "type": "document", "title": f["title"]}
    authors = []
    for s in f["authors"]:
        given, family = name_parts(s.name)
        authors.append({"family": family, "given": given} if given else {"literal": family})
    if authors:
        item["author"] = authors
    if f["date"]:
        item["issued"] = {"date-parts": [[f["date"].year, f["date"].month, f["date"].day]]}
    elif f["year"]:
        item["issued"] = {"date-parts": [[f["year"]]]}
    for key, name in (("container", "container-title"), ("number", "number"), ("kind", "genre"),
                      ("publisher", "publisher"), ("url", "URL"), ("note", "note"), ("language", "language")):
        if f[key]:
            item[name] = f[key]
    return item


def csl_json(letter: Letter, site_url: str = "") -> str:
    return json.dumps([csl_item(letter, site_url)], ensure_ascii=False, indent=2) + "\n"


# --- the files ---------------------------------------------------------------------------------

def downloads(letter: Letter, site_url: str = "") -> list[OutputPage]:
    """The exports and the source text of a letter (a PDF's own bytes: the pipeline copies them)."""
    made = {"bibtex": bibtex(letter, site_url), "ris": ris(letter, site_url),
            "csl_json": csl_json(letter, site_url), "text": letter.source.text}
    return [OutputPage(download_path(letter.id, ext), made[key]) for key, ext in DOWNLOADS]
