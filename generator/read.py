"""Content folder -> list[Source]: the letters' text and their optional YAML sidecars.

The reading stage: the only code that reads the content folder. The other stages that touch the
disk are the writing ones: write.py (the docs folder, locks), site_build.py (staging, MkDocs,
Pagefind, the swap into site/) and cache.py (processed letters between builds). Every problem
with a content file becomes a SourceError naming the file (and the line where one is known) with
a hint on how to fix it.

Layout read here::

    content/letters/<stem>.txt | <stem>.pdf     the letter (one of the two)
    content/letters/<stem>.yml | <stem>.yaml    optional sidecar with metadata overrides

Nothing is dropped without a word: a file that looks like a letter but would not be read (a
hidden `.x.txt`, an `x.md` or `x.text`, letters in a subfolder) is an error, and so is an empty
letters folder; only the files editors and operating systems leave (`.DS_Store`, `._x.txt`,
`.#x.txt`, `x.txt~`) and notes such as README.md are ignored. No content file may be, or lie in, a
symbolic link to a place outside the content folder (check_inside): the site would publish it.
Control characters are taken out of letters and sidecars as they are read (clean_controls), with
a warning naming the line; YAML anchors and aliases are refused (knowledge/yamlfile.py, the one YAML reader).
"""
from __future__ import annotations

import collections
import datetime as dt
import functools
import re
from pathlib import Path

import jsonschema

from .errors import SourceError, shorten
from .knowledge.yamlfile import TypedDates, did_you_mean, load_yaml, parse_knowledge_yaml, schema_error_text
from .model import Source

TEXT_SUFFIXES = (".txt", ".pdf")
SIDECAR_SUFFIXES = (".yml", ".yaml")
# Formats a maintainer might drop in by mistake; anything else unknown is ignored (README, .DS_Store).
UNSUPPORTED_SUFFIXES = (".doc", ".docx", ".odt", ".rtf", ".html", ".htm")

# The kinds of document are listed in content/knowledge/kinds.yml (generator/kinds.py); a sidecar's
# kind is checked against that file when the letter is described (meta.infer_meta), with the
# sidecar named in the error. KINDS (set at the end of this module): the project's own kinds.

def _people(detail: str) -> dict:
    """A sidecar list of people: [{name, <detail>}] (signatories with their role, askers with their party)."""
    return {"type": "array", "items": {"type": "object", "additionalProperties": False, "required": ["name"],
                                       "properties": {"name": {"type": "string", "minLength": 1},
                                                      detail: {"type": "string"}}}}


# Facts a sidecar may give with the official page they were found on (`sources`), and the facts
# it may declare looked up and not found (`not_found`).
SOURCED_FIELDS = ("title", "date", "kamerstuk", "url", "chamber", "vergaderjaar", "dossier", "number", "aanhangsel",
                  "signatories")
NOT_FOUND_FIELDS = ("date", "kamerstuk", "url")


SIDECAR_SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Letter sidecar (content/letters/<stem>.yml)",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "kind": {"type": "string", "pattern": r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"},
        "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "sessions": {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": 200},
            "uniqueItems": True,
        },
        "kamerstuk": {
            "type": "string",
            "pattern": r"^\d{2} ?\d{3}(?:[- ][0-9A-Z]+)*, nr\. ?[0-9]+[a-zA-Z]?$",
        },
        "url": {"type": "string", "pattern": r"^https://[^\s/]+\.[^\s]+$"},
        "signatories": _people("role"),
        "chamber": {"enum": ["I", "II"]},
        "vergaderjaar": {"type": "string", "pattern": r"^\d{4}-\d{4}$"},
        "dossier": {"type": "string", "pattern": r"^\d[\d ]*\d(?: [0-9A-Z()+ -]+)?$"},
        "number": {"type": "string", "pattern": r"^(?:\d+(?:-\d+)?[a-zA-Z]?|[A-Z]{1,3})$"},
        "aanhangsel": {"type": "string", "pattern": r"^\d+$"},
        "askers": _people("party"),
        "notes": {"type": "string"},
        # where a fact the letter does not state was found: field -> address of the official page
        "sources": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"enum": list(SOURCED_FIELDS)},
            "additionalProperties": {"type": "string", "pattern": r"^https://[^\s/]+\.[^\s]+$"},
        },
        # facts looked up in the official publications and not found (the page says so)
        "not_found": {"type": "array", "items": {"enum": list(NOT_FOUND_FIELDS)}, "uniqueItems": True, "minItems": 1},
    },
}
ALLOWED_FIELDS = tuple(SIDECAR_SCHEMA["properties"])
FIELD_HINTS = {
    "title": 'a text, e.g. title: "Inzet van het Koninkrijk voor de 75e AVVN"',
    "kind": "a key of content/knowledge/kinds.yml, e.g. kind: motie",
    "date": "a date written as YYYY-MM-DD, e.g. date: 2019-02-15",
    "sessions": "a list of session numbers, e.g. sessions: [75, 74]",
    "kamerstuk": 'as written on the letter, e.g. kamerstuk: "26 150, nr. 187"',
    "url": "a full https:// address",
    "signatories": "a list of {name, role}, e.g. - {name: S.A. Blok, role: Minister van Buitenlandse Zaken}",
    "chamber": "II (Tweede Kamer) or I (Eerste Kamer), e.g. chamber: II",
    "vergaderjaar": 'the parliamentary year, e.g. vergaderjaar: "2019-2020"',
    "dossier": 'the dossier as written, e.g. dossier: "26 150" or "22 800 X"',
    "number": 'the number in the dossier, e.g. number: "187" (an Eerste Kamer paper: a letter, "B")',
    "aanhangsel": 'the number in the Aanhangsel van de Handelingen, e.g. aanhangsel: "387"',
    "askers": "a list of {name, party}, e.g. - {name: Van den Bergh, party: PvdA}",
    "notes": "a text",
    "sources": "per field the official page it was found on, e.g. sources: {kamerstuk: "
               "https://zoek.officielebekendmakingen.nl/kst-26150-183} (fields: " + ", ".join(SOURCED_FIELDS) + ")",
    "not_found": "the facts looked up in the official publications and not found, e.g. not_found: [date] "
                 "(" + ", ".join(NOT_FOUND_FIELDS) + ")",
}


# --- folder --------------------------------------------------------------------------------------

def read_sources(content_dir: Path, errors: list[SourceError] | None = None) -> list[Source]:
    """Read every letter in content_dir/letters, sorted by file name.

    Without `errors`, the first problem is raised. With a list, problems with single files are
    appended to it and those files skipped, so a build can report all of them at once.
    """
    content_dir = Path(content_dir)
    letters_dir = _letters_dir(content_dir)
    groups, problems = _scan(letters_dir)
    if not groups and not problems:
        raise SourceError(letters_dir, "no letters found in the letters folder",
                          hint=f"put the letters (.txt or .pdf) in {letters_dir}")
    kinds = _kind_keys(content_dir) if any(p.suffix.lower() in SIDECAR_SUFFIXES
                                           for paths in groups.values() for p in paths) else None
    root = content_dir.resolve()
    sources = []
    for problem in problems:
        if errors is None:
            raise problem
        errors.append(problem)
    for stem in sorted(groups):
        try:
            for path in groups[stem]:
                check_inside(path, root, "content folder")
            sources.append(_read_one(stem, groups[stem], kinds))
        except SourceError as exc:
            if errors is None:
                raise
            errors.append(exc)
    return sorted(sources, key=lambda s: s.path.name)


def check_inside(path: Path, root: Path, folder: str = "content folder") -> None:
    """Refuse a file (or folder) that is, or lies in, a symbolic link to a place outside `root`.

    A content file is published: a link to /etc/passwd, or to a CI runner's files, must never be
    followed. Links that stay inside `root` are allowed (they publish nothing new). `root` is
    taken as it resolves, except that a `root` that is itself a symbolic link does not count as
    the folder it points to (a pages folder linked to elsewhere is refused).
    """
    root = Path(root)
    base = root.parent.resolve() / root.name if root.is_symlink() else root.resolve()
    real = Path(path).resolve()
    if real == base or base in real.parents:
        if not real.exists() and Path(path).is_symlink():
            raise SourceError(path, f"the file is a symbolic link to a file that does not exist ({real})",
                              hint="copy the file in instead, or remove the link")
        return
    kind = "folder" if real.is_dir() else "file"
    if Path(path).is_symlink():
        message = f"the {kind} is a symbolic link to a {kind} outside the {folder} ({real})"
    else:
        message = f"the {kind} lies in a folder that is a symbolic link to a place outside the {folder} ({real})"
    raise SourceError(path, message, hint=f"copy the {kind} into the {folder} instead; symbolic links "
                      f"are only followed when they stay inside the {folder}")


def _letters_dir(content_dir: Path) -> Path:
    if not content_dir.is_dir():
        raise SourceError(content_dir, "content folder not found",
                          hint="run the generator from the project folder or pass the content folder")
    letters = content_dir / "letters"
    if not letters.is_dir():
        raise SourceError(letters, "letters folder not found",
                          hint=f"create {letters} and put the letters (.txt or .pdf) in it")
    check_inside(letters, content_dir.resolve(), "content folder")
    return letters


# Files in the letters folder that look like letters but are not read: each is an error, so a
# letter never silently stays off the site.
MISNAMED_SUFFIXES = (".md", ".markdown", ".text", ".asc")
# ... except the folder's own notes: README.md and the like.
DOCUMENTATION = re.compile(r"^(?:readme|leesmij|license|licence|changelog|contributing|notes?)$", re.I)
# Hidden files that editors and operating systems leave behind: ignored without a word.
EDITOR_FILES = re.compile(r"^(?:\._|\.#|\.~lock\.|\.DS_Store$|\.directory$)")


def _scan(letters_dir: Path) -> tuple[dict[str, list[Path]], list[SourceError]]:
    """The folder's relevant files grouped by stem, and the problems with files that look like
    letters but would not be read (a hidden letter, a .md letter, a subfolder). Other files
    (README, .DS_Store, editor backups) are ignored."""
    relevant = TEXT_SUFFIXES + SIDECAR_SUFFIXES + UNSUPPORTED_SUFFIXES
    groups: dict[str, list[Path]] = {}
    problems: list[SourceError] = []
    for path in sorted(letters_dir.iterdir()):
        suffix = path.suffix.lower()
        if path.name.startswith("."):
            if suffix in relevant + MISNAMED_SUFFIXES and not EDITOR_FILES.match(path.name):
                problems.append(SourceError(path, "a hidden file (its name starts with '.') is not read",
                                            hint=f"rename it to {path.name.lstrip('.')} to publish it, "
                                                 "or move it out of the letters folder"))
            continue
        if path.is_dir() and not path.is_symlink():
            if any(p.suffix.lower() in TEXT_SUFFIXES for p in path.rglob("*")):
                problems.append(SourceError(path, "letters in a subfolder are not read",
                                            hint="move them into the letters folder itself"))
            continue
        if suffix in MISNAMED_SUFFIXES and not DOCUMENTATION.match(path.stem):
            problems.append(SourceError(path, f"a {suffix} file is not read: letters are .txt or .pdf",
                                        hint=f"rename it to {path.stem}.txt (plain text, UTF-8)"))
        elif suffix in relevant and (path.is_file() or (path.is_symlink() and not path.is_dir())):
            groups.setdefault(path.stem, []).append(path)
    return groups, problems


def _read_one(stem: str, paths: list[Path], kinds: tuple[str, ...] | None = None) -> Source:
    """One letter and its sidecar, from the files sharing a stem."""
    texts = [p for p in paths if p.suffix.lower() in TEXT_SUFFIXES]
    sidecars = [p for p in paths if p.suffix.lower() in SIDECAR_SUFFIXES]
    _check_group(stem, paths, texts, sidecars)
    path = texts[0]
    warnings: list[str] = []
    text = read_pdf(path) if path.suffix.lower() == ".pdf" else decode_text(path, path.read_bytes())
    text = remove_soft_hyphens(clean_controls(path, text, warnings))
    if not text.strip():
        raise SourceError(path, "the file is empty", hint="add the letter's text or remove the file")
    sidecar_path = sidecars[0] if sidecars else None
    sidecar = read_sidecar(sidecar_path, kinds, warnings) if sidecar_path else {}
    return Source(path=path, text=text, sidecar=sidecar, sidecar_path=sidecar_path, warnings=tuple(warnings))


def _check_group(stem: str, paths: list[Path], texts: list[Path], sidecars: list[Path]) -> None:
    unsupported = [p for p in paths if p not in texts and p not in sidecars]
    if unsupported:
        raise SourceError(unsupported[0], f"cannot read {unsupported[0].suffix} files",
                          hint="save the letter as plain text (.txt, UTF-8) or as PDF")
    if not texts:
        raise SourceError(sidecars[0], f"sidecar without a letter: no {stem}.txt or {stem}.pdf",
                          hint="rename the sidecar to match its letter's file name, or remove it")
    if len(texts) > 1:
        raise SourceError(texts[0], "the same letter exists twice: "
                          + " and ".join(p.name for p in texts), hint="keep one of them")
    if len(sidecars) > 1:
        raise SourceError(sidecars[0], "two sidecars for one letter: "
                          + " and ".join(p.name for p in sidecars), hint="merge them into one .yml")


# --- text ----------------------------------------------------------------------------------------

def decode_text(path: Path, data: bytes) -> str:
    """Bytes -> text with "\\n" line ends, the encoding decided on the evidence of the whole file.

    UTF-8 (BOM allowed) when it decodes. A file with valid UTF-8 characters (multi-byte
    sequences) and a few bytes that are not is UTF-8 with damage: an error naming the first bad
    byte, never a wholesale misreading as cp1252 (every "ë" would become "Ã«"). Only a file
    without a single UTF-8 multi-byte sequence, whose bytes are all cp1252, is read as cp1252.
    UTF-16, with or without a byte order mark, is recognised and refused with that name.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(path, "the file is UTF-16 encoded", hint="save it as UTF-8 text")
    nul = data.find(b"\x00")
    if nul != -1:
        if _looks_utf16(data):
            raise SourceError(path, "the file is UTF-16 encoded (without a byte order mark: every other "
                              "byte is 0)", hint="save it as UTF-8 text")
        raise SourceError(path, f"binary file (NUL byte at offset {nul}), not a text file",
                          line=_line_of(data, nul), hint="export the letter as plain text (.txt, UTF-8)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _decode_not_utf8(path, data, exc)
    return normalise_newlines(text)


# A valid UTF-8 sequence of two to four bytes (RFC 3629: no overlong forms, no surrogates).
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                            rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}"
                            rb"|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}")


def _decode_not_utf8(path: Path, data: bytes, utf8_error: UnicodeDecodeError) -> str:
    """A file that is not valid UTF-8: cp1252 when nothing in it is UTF-8, else an error."""
    pos = utf8_error.start
    where = f"byte {pos} (line {_line_of(data, pos)})"
    found = UTF8_MULTIBYTE.search(data)
    if found:
        bad = _bad_utf8_offsets(data)
        others = f"; {len(bad) - 1} more such byte(s), e.g. at byte {bad[1]} (line {_line_of(data, bad[1])})" \
            if len(bad) > 1 else ""
        sample = data[found.start():found.end()].decode("utf-8")
        raise SourceError(
            path, f"{where} is not UTF-8: 0x{data[pos]:02x}, while the rest of the file is UTF-8 "
            f"(e.g. '{sample}' at line {_line_of(data, found.start())}){others}", line=_line_of(data, pos),
            hint="save the file as UTF-8; the byte is a stray character from another encoding "
                 "or a damaged copy: retype the character there") from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceError(
            path, f"not valid UTF-8: byte 0x{data[pos]:02x} at offset {pos} cannot be decoded",
            line=_line_of(data, pos), hint="save the file as UTF-8") from None


def _bad_utf8_offsets(data: bytes, limit: int = 2) -> list[int]:
    """The offsets of the first `limit` bytes that are not part of valid UTF-8."""
    bad: list[int] = []
    start = 0
    while len(bad) < limit:
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            bad.append(start + exc.start)
            start += exc.end
    return bad


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a byte order mark: text whose every other byte is NUL (Latin script)."""
    if len(data) < 4 or len(data) % 2:
        return False
    even, odd = data[0::2], data[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                data.decode(codec)
                return True
            except UnicodeDecodeError:
                return False
    return False


def _line_of(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset (CR, LF and CRLF all end a line)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


# Control characters a text never needs: C0 except tab, line feed and form feed (page breaks),
# DEL and C1. A C1 character is mostly a cp1252 byte decoded as Latin-1 somewhere upstream
# (U+0096 for "–" in text copied from a PDF): it becomes the character cp1252 meant.
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _cp1252_meant(char: str) -> str:
    try:
        return bytes([ord(char)]).decode("cp1252") if 0x80 <= ord(char) <= 0x9f else ""
    except UnicodeDecodeError:
        return ""                          # 0x81, 0x8d, 0x8f, 0x90, 0x9d: nothing in cp1252


CONTROL_REPLACEMENTS = {chr(c): _cp1252_meant(chr(c)) for c in [*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20),
                                                                 *range(0x7f, 0xa0)]}


def clean_controls(path: Path, text: str, warnings: list[str] | None = None) -> str:
    """Text without control characters: a C1 character that cp1252 gives a meaning becomes that
    character, the others go. Each line that had any is named in `warnings` ("path:LINE: ...").
    (A control character in a title would end up in YAML front matter, where it breaks the
    front matter and lets MkDocs render it as Markdown.)"""
    if not CONTROLS.search(text):
        return text
    lines = text.split("\n")
    for no, line in enumerate(lines, 1):
        found = CONTROLS.findall(line)
        if not found:
            continue
        lines[no - 1] = CONTROLS.sub(lambda m: CONTROL_REPLACEMENTS[m.group()], line)
        if warnings is not None:
            warnings.append(f"{path}:{no}: control characters in the line: {_controls_found(found)}")
    return "\n".join(lines)


def _controls_found(found: list[str]) -> str:
    return ", ".join(dict.fromkeys(f"U+{ord(c):04X} " + (f"read as '{CONTROL_REPLACEMENTS[c]}'"
                                                          if CONTROL_REPLACEMENTS[c] else "removed")
                                   for c in found)) + " (a copy artefact; check the line)"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


SOFT_HYPHEN = "\u00ad"


def remove_soft_hyphens(text: str) -> str:
    """Soft hyphens (U+00AD) out of a letter's text, before any stage reads it.

    A soft hyphen only marks where a word may be broken: inside a line it goes ('Indo\u00adnesië'
    -> 'Indonesië'); at a line end it joins the word across the line: the rest of the word moves
    up ('Bel\u00ad' + 'gische regering' -> 'Belgische' + 'regering'), so every line keeps its
    number. A line emptied that way stays as an empty line.

    OCR of the 1940s-1950s pages (Staten-Generaal Digitaal) also writes real hyphens as U+00AD.
    Where no word can continue after it, it is read as a hyphen: before a capital
    ('Nieuw\u00adGuinea' -> 'Nieuw-Guinea'), before a comma, a space, the line end when no lower-case
    word follows on the next line ('in\u00ad, uit\u00ad' -> 'in-, uit-'), and before the words "en"/"of"
    of a shared compound ('schilders\u00aden muziek…' -> 'schilders- en muziek…')."""
    if SOFT_HYPHEN not in text:
        return text
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        line = lines[i].rstrip()
        if not line.endswith(SOFT_HYPHEN):
            continue
        nxt = lines[i + 1].lstrip()
        word = nxt.split(None, 1)[0] if nxt.strip() else ""
        if not word:
            continue                      # nothing to join: the soft hyphen just goes
        if word in SUSPENDED_WORDS or not word[:1].islower():
            lines[i] = line[:-1] + "-"   # West- / en Noord-Afrikaanse; Nieuw- / Guinea: a real hyphen
            continue
        lines[i] = line[:-1] + word
        lines[i + 1] = nxt[len(word):].lstrip()
    return REAL_SOFT_HYPHEN.sub(_real_hyphen, "\n".join(lines)).replace(SOFT_HYPHEN, "")


SUSPENDED_WORDS = ("en", "of")    # "in- en uitvoer", "Noord- of Zuid-Holland"
# A soft hyphen after a letter that no word continues: a capital, a comma, a space,
# or "en"/"of" standing as a word of their own ("uit\u00aden doorvoer").
REAL_SOFT_HYPHEN = re.compile(r"(?<=[^\W\d_])\u00ad(?:(?=[^\W\d_])(?=[^a-zß-ÿ])|(?=[,; \t])|(?=(?:en|of)\b))")


def _real_hyphen(m: re.Match) -> str:
    nxt = m.string[m.end():m.end() + 3]
    if nxt[:2] in SUSPENDED_WORDS and (len(nxt) == 2 or not nxt[2].isalnum()):
        return "- "                       # "uit\u00aden" -> "uit- en"
    return "-"


def read_pdf(path: Path) -> str:
    """Text of a PDF in the layout of the text letters, pages separated by a form feed.

    pypdf's plain extraction keeps the content-stream order (a running header in a side column
    comes out on lines of its own, a raised footnote number stays on its line), but it gives no
    blank lines: the paragraph breaks the cleaner needs. Those are read from the page: a vertical
    gap of more than PDF_BLANK_GAP line spacings between two lines becomes one blank line.
    Each line is stripped, so a leading space never looks like the page-start mark of the text
    letters; the form feed at the start of a page's first line is the page break. A number that
    pypdf puts on a line of its own although it sits on the baseline of the line before (the page
    number at the margin of 'Tweede Kamer, vergaderjaar …, nr. 187  6') joins that line again.
    """
    import pypdf  # only needed when there are PDFs

    reader = None
    try:
        reader = pypdf.PdfReader(path)     # an encrypted PDF: pypdf tries the empty password
        pages = [_pdf_page_lines(page) for page in reader.pages]
    except pypdf.errors.DependencyError as exc:   # AES without the package `cryptography`
        raise SourceError(path, f"the PDF is encrypted with AES (even if it opens without a password), "
                          f"and reading it needs the Python package cryptography, which is not installed "
                          f"({shorten(str(exc))})",
                          hint="install it (.venv/bin/pip install cryptography) or save the PDF again "
                               "without encryption, e.g. qpdf --decrypt in.pdf out.pdf") from None
    except pypdf.errors.FileNotDecryptedError as exc:
        raise SourceError(path, f"the PDF is protected by a password ({shorten(str(exc))})",
                          hint="save it again without a password, e.g. qpdf --password=… --decrypt in.pdf out.pdf, "
                               "or supply the text as a .txt file") from None
    except Exception as exc:  # pypdf raises many kinds; all mean "this PDF cannot be read"
        hint = ("the PDF is encrypted: save it again without encryption (qpdf --decrypt in.pdf out.pdf)"
                if reader is not None and reader.is_encrypted else "check that the file is a complete PDF")
        raise SourceError(path, f"cannot read the PDF ({type(exc).__name__}: {shorten(str(exc), 200)})",
                          hint=hint) from exc
    if not any(text.strip() for page in pages for text, _, _ in page):
        raise SourceError(path, "the PDF has no text layer (scanned images only)",
                          hint="run OCR on it (e.g. ocrmypdf) or supply the text as a .txt file")
    spacing = _line_spacing(pages)
    texts = ["\n".join(_pdf_page_text(page, spacing)) for page in pages]
    return "\n\f".join(texts) + "\n"


PDF_BLANK_GAP = 1.5          # a gap of more than this many line spacings is a paragraph break
PDF_CHARACTERS = str.maketrans({"\u00a0": " ", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl",
                                "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
PDF_LINE_END_HYPHENS = ("\u00ad", "\u2010")   # soft hyphen, hyphen: written as '-' in the text letters


PdfLine = tuple[str, "float | None", float]     # text, baseline y (None: unknown), font size


def _pdf_page_lines(page) -> list[PdfLine]:
    """(text, baseline y, font size) per line of a page, in pypdf's plain extraction order.

    The y and size of a line are those of its first piece of text; y is None where pypdf's
    visitor did not report a position (then no blank line is inferred around the line).
    """
    pieces: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size):
        if text:
            scale = abs(tm[2] * cm[1] + tm[3] * cm[3]) or 1.0
            pieces.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5], size * scale))

    text = normalise_newlines(page.extract_text(visitor_text=visit) or "")
    if normalise_newlines("".join(t for t, _, _ in pieces)) != text:
        return [(line, None, 0.0) for line in text.split("\n")]   # positions do not add up
    lines: list[list] = [["", None, 0.0]]
    for piece, y, size in pieces:
        for i, part in enumerate(normalise_newlines(piece).split("\n")):
            if i:
                lines.append(["", None, 0.0])
            if part and i == 0 and lines[-1][1] is None:
                lines[-1][1:] = [y, size]
            lines[-1][0] += part
    return [(t, y, size) for t, y, size in lines]


def _line_spacing(pages: list[list[PdfLine]]) -> float | None:
    """The usual distance between two successive lines: the most common one in the document,
    or, with too few lines to tell, 1.2 times the most common font size."""
    gaps: collections.Counter[float] = collections.Counter()
    sizes: collections.Counter[float] = collections.Counter()
    for page in pages:
        placed = [y for text, y, _ in page if text.strip() and y is not None]
        gaps.update(round(a - b, 1) for a, b in zip(placed, placed[1:]) if a - b > 0.5)
        sizes.update(round(size, 1) for text, y, size in page if text.strip() and size)
    if gaps and gaps.most_common(1)[0][1] >= 3:
        return gaps.most_common(1)[0][0]
    return 1.2 * sizes.most_common(1)[0][0] if sizes else None


def _pdf_page_text(page: list[PdfLine], spacing: float | None) -> list[str]:
    """A page's lines, stripped, with one blank line for each wide vertical gap."""
    out: list[str] = []
    previous_y = None
    for raw, y, _ in page:
        text = raw.translate(PDF_CHARACTERS).strip()
        if text.endswith(PDF_LINE_END_HYPHENS):
            text = text[:-1] + "-"
        if not text:
            if out and out[-1]:
                out.append("")          # an empty line drawn on the page: at most one blank
            continue
        if (text.isdigit() and y is not None and previous_y is not None and out and out[-1]
                and abs(previous_y - y) < 1.0):
            out[-1] += " " + text       # a page number set apart on the footer's baseline
            continue
        if (spacing and y is not None and previous_y is not None and out and out[-1]
                and previous_y - y > PDF_BLANK_GAP * spacing):
            out.append("")
        out.append(text)
        previous_y = y if y is not None else previous_y
    while out and not out[-1]:
        out.pop()
    return out


# --- sidecar -------------------------------------------------------------------------------------

def read_sidecar(path: Path, kinds: tuple[str, ...] | None = None, warnings: list[str] | None = None) -> dict:
    """Parse and validate a sidecar; values come back typed (`date` as datetime.date).
    Control characters are taken out first (a warning in `warnings` names their line)."""
    text = clean_controls(path, decode_text(path, path.read_bytes()), warnings)
    data, key_lines = _load_yaml(path, text)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SourceError(path, "a sidecar must be a list of 'field: value' lines",
                          line=1, hint="allowed fields: " + ", ".join(ALLOWED_FIELDS))
    data = {key: _clean_value(path, value, key_lines.get(str(key)), warnings) for key, value in data.items()}
    return validate_sidecar(path, data, key_lines, kinds)


def _clean_value(path: Path, value, line: int | None, warnings: list[str] | None):
    """A sidecar value without the control characters YAML escapes ("\\x7f") can put in it."""
    if isinstance(value, str):
        found = CONTROLS.findall(value)
        if not found:
            return value
        if warnings is not None:
            warnings.append(f"{path}:{line}: control characters in the value: {_controls_found(found)}")
        return CONTROLS.sub(lambda m: CONTROL_REPLACEMENTS[m.group()], value)
    if isinstance(value, list):
        return [_clean_value(path, v, line, warnings) for v in value]
    if isinstance(value, dict):
        return {k: _clean_value(path, v, line, warnings) for k, v in value.items()}
    return value


def _load_yaml(path: Path, text: str) -> tuple[object, dict[str, int]]:
    """(data, line of each top-level key), read with YAML's own types by the one YAML reader:
    invalid YAML, a key written twice, aliases (*name: a few lines can expand into gigabytes) and
    a date that does not exist are SourceErrors with the line."""
    data, lines = load_yaml(path, text, TypedDates, date_hint=FIELD_HINTS["date"])
    return data, {str(k[0]): line for k, line in lines.items() if len(k) == 1}


def validate_sidecar(path: Path, data: dict, key_lines: dict[str, int] | None = None,
                     kinds: tuple[str, ...] | None = None) -> dict:
    """Check a parsed sidecar against SIDECAR_SCHEMA, its kind against the kinds of the content
    folder's kinds.yml (`kinds`; default: the project's own); return it with `date` as datetime.date."""
    key_lines = key_lines or {}
    allowed = "allowed fields: " + ", ".join(ALLOWED_FIELDS)
    _check_field_names(path, data, key_lines)
    checked = dict(data)
    if isinstance(checked.get("date"), dt.date) and not isinstance(checked["date"], dt.datetime):
        checked["date"] = checked["date"].isoformat()
    kinds = tuple(kinds or KINDS)
    problems = sorted(_validator(kinds).iter_errors(checked), key=lambda e: key_lines.get(_field(e), 0))
    if problems:
        field = _field(problems[0])
        hint = f"{field}: {FIELD_HINTS[field]}; {allowed}" if field in FIELD_HINTS else allowed
        if field == "kind":
            hint = f"kind: one of {', '.join(kinds)} (content/knowledge/kinds.yml); {allowed}"
        raise SourceError(path, "; ".join(_type_message(_field(e), e, kinds) for e in problems),
                          line=key_lines.get(field), hint=hint)
    _check_url(path, checked, key_lines)
    _check_sources(path, checked, key_lines)
    return _typed(path, checked, key_lines)


# What a link target on the page may not contain (pages/markdown.safe_url, which drops a URL that has
# any): a sidecar's url with one of these would silently disappear from the letter's page.
URL_UNSAFE = re.compile(r"[<>\"'\[\]\\|`{}]")


def _check_url(path: Path, data: dict, key_lines: dict[str, int]) -> None:
    url = data.get("url")
    if isinstance(url, str) and (bad := URL_UNSAFE.search(url)):
        raise SourceError(path, f"field 'url' contains {bad.group()!r}, which cannot be put in a link "
                          f"on the page: {shorten(url)}", line=key_lines.get("url"),
                          hint=f"percent-encode it ({bad.group()!r} is %{ord(bad.group()):02X}) or copy "
                               "the address from the browser's address bar")


def _check_sources(path: Path, data: dict, key_lines: dict[str, int]) -> None:
    """A source is given for a fact the sidecar sets. (A fact both set and listed in `not_found`
    is simply known: the page says "not found" only for a value it does not have.)"""
    for name in data.get("sources", {}):
        if name not in data:
            raise SourceError(path, f"field 'sources' names '{name}', which the sidecar does not set",
                              line=key_lines.get("sources"),
                              hint=f"set {name} in the sidecar too, or remove its source")


def _check_field_names(path: Path, data: dict, key_lines: dict[str, int]) -> None:
    for key in data:
        if key not in ALLOWED_FIELDS:
            guess = did_you_mean(key, ALLOWED_FIELDS)
            raise SourceError(path, f"unknown field '{shorten(str(key))}'{guess}", line=key_lines.get(str(key)),
                              hint="allowed fields: " + ", ".join(ALLOWED_FIELDS))


@functools.cache
def _validator(kinds: tuple[str, ...] = ()) -> jsonschema.protocols.Validator:
    schema = SIDECAR_SCHEMA
    if kinds:
        schema = {**schema, "properties": {**schema["properties"], "kind": {"enum": list(kinds)}}}
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _kind_keys(content_dir: Path) -> tuple[str, ...]:
    """The kinds a sidecar may name: the keys of the content folder's kinds.yml."""
    from .kinds import build_kinds
    return tuple(build_kinds(*read_kinds(content_dir)).keys())


def _field(error: jsonschema.ValidationError) -> str:
    return str(error.absolute_path[0]) if error.absolute_path else ""


def _type_message(field: str, error: jsonschema.ValidationError, kinds: tuple[str, ...] = ()) -> str:
    where = "".join(f"[{p}]" for p in list(error.absolute_path)[1:])
    if field == "kind" and isinstance(error.instance, str):
        guess = did_you_mean(error.instance, kinds)
        return f"field 'kind' names an unknown kind '{shorten(error.instance)}'{guess}"
    return f"field '{field}{where}' has a wrong value: {schema_error_text(error)}"


def _typed(path: Path, data: dict, key_lines: dict[str, int]) -> dict:
    if "date" in data:
        try:
            data["date"] = dt.date.fromisoformat(data["date"])
        except ValueError:
            raise SourceError(path, f"field 'date' is not a real date: {shorten(data['date'])}",
                              line=key_lines.get("date"), hint=FIELD_HINTS["date"]) from None
    return data


# --- knowledge -----------------------------------------------------------------------------------

def read_knowledge(content_dir: Path) -> dict[str, object]:
    """Read content_dir/knowledge/{missions,resolutions,countries}.yml (and the optional
    resolution-years.yml, as "years") for knowledge.build_knowledge.

    No knowledge folder means no knowledge (a corpus may have none). Once the folder exists, each
    of the three files must be there (it may be empty), so a misnamed file cannot silently drop
    every mission. Returns {"missions": data, "resolutions": data, "countries": data,
    "paths": {kind: Path}, "lines": {kind: {key path: line}}}; invalid YAML and keys written twice
    raise SourceError with the file and line.
    """
    from .knowledge import KNOWLEDGE_FILES
    from .knowledge.years import YEARS_FILE

    folder = Path(content_dir) / "knowledge"
    raw: dict[str, object] = {"paths": {}, "lines": {}}
    if not folder.is_dir():
        return raw
    for kind, name in KNOWLEDGE_FILES.items():
        path = folder / name
        if not path.is_file():
            other = path.with_suffix(".yaml")
            hint = (f"rename {other.name} to {name}" if other.is_file()
                    else f"create {name} (it may be empty) or remove the folder {folder}")
            raise SourceError(path, "knowledge file not found", hint=hint)
        data, lines = _parse_knowledge(path, content_dir)
        raw[kind] = data
        raw["paths"][kind] = path
        raw["lines"][kind] = lines
    # resolution-years.yml is optional: without it resolutions have the years resolutions.yml gives
    raw["years"], raw["paths"]["years"], raw["lines"]["years"] = _optional_knowledge(content_dir, YEARS_FILE)
    return raw


def read_themes(content_dir: Path) -> tuple[object, Path, dict[tuple, int]]:
    """content_dir/knowledge/themes.yml for taxonomy.build_taxonomy: (data, path, lines).
    No file means no themes (every passage is then general)."""
    from .taxonomy import THEMES_FILE

    return _optional_knowledge(content_dir, THEMES_FILE)


def read_glossary(content_dir: Path) -> tuple[object, Path, dict[tuple, int]]:
    """content_dir/knowledge/glossary.yml for glossary.build_glossary: (data, path, lines).
    No file means no abbreviations."""
    from .glossary import GLOSSARY_FILE

    return _optional_knowledge(content_dir, GLOSSARY_FILE)


def read_layouts(content_dir: Path) -> tuple[object, Path, dict[tuple, int]]:
    """content_dir/knowledge/layouts.yml for layouts.build_layouts: (data, path, lines).
    No file means no furniture patterns (the pipeline then uses the repository's own file)."""
    from .layouts import LAYOUTS_FILE

    return _optional_knowledge(content_dir, LAYOUTS_FILE)


def read_kinds(content_dir: Path | None) -> tuple[object, Path, dict[tuple, int]]:
    """content_dir/knowledge/kinds.yml for kinds.build_kinds: (data, path, lines). A content
    folder without one (or None) uses the project's own file, generator/../content/knowledge."""
    from .kinds import DEFAULT_FILE, KINDS_FILE

    path = Path(content_dir) / "knowledge" / KINDS_FILE if content_dir is not None else DEFAULT_FILE
    if not path.is_file():
        path = DEFAULT_FILE
    data, lines = _parse_knowledge(path, content_dir if path != DEFAULT_FILE else None)
    return data, path, lines


def _optional_knowledge(content_dir: Path, name: str) -> tuple[object, Path, dict[tuple, int]]:
    """content_dir/knowledge/<name>, parsed: (data, path, lines); (None, path, {}) when it is not there."""
    path = Path(content_dir) / "knowledge" / name
    if not path.is_file():
        return None, path, {}
    data, lines = _parse_knowledge(path, content_dir)
    return data, path, lines


def _parse_knowledge(path: Path, content_dir: Path | None) -> tuple[object, dict[tuple, int]]:
    """One knowledge file of the content folder, parsed (knowledge.yamlfile.parse_knowledge_yaml); a file
    that links outside the content folder is refused. `content_dir` None: the project's own file."""
    if content_dir is not None:
        check_inside(path, Path(content_dir).resolve(), "content folder")
    return parse_knowledge_yaml(path, decode_text(path, path.read_bytes()))


def _project_kinds() -> tuple[str, ...]:
    from .kinds import default_kinds
    return tuple(default_kinds().keys())


KINDS = _project_kinds()
