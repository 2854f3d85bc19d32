"""read.py: content folder -> Source list, and every way a content file can be wrong."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pypdf
import pytest

from generator.errors import SourceError
from generator.read import decode_text, read_sources, validate_sidecar

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).parent / "fixtures" / "read"

OPENING_2020 = (
    " Deze brief informeert u over de inzet van het Koninkrijk der Nederlanden voor de \n"
    "75e zitting van de Algemene Vergadering van de Verenigde Naties (AVVN) te New \n"
)
CURACAO_2018 = "van Gezondheid, Milieu en Natuur van Curaçao, Camelia-Römer. Hare \n"


def make_content(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A content folder with letters/<name> for each entry; returns the content folder."""
    letters = tmp_path / "content" / "letters"
    letters.mkdir(parents=True)
    for name, data in files.items():
        target = letters / name
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    return tmp_path / "content"


def read_error(tmp_path: Path, files: dict[str, str | bytes]) -> SourceError:
    with pytest.raises(SourceError) as info:
        read_sources(make_content(tmp_path, files))
    return info.value


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one Helvetica text line per string (only ASCII text)."""
    count = len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [%s] /Count %d >>"
               % (" ".join(f"{4 + 2 * i} 0 R" for i in range(count)), count),
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, lines in enumerate(pages):
        ops = " ".join(f"({line}) Tj 0 -14 Td" for line in lines)
        stream = f"BT /F1 11 Tf 72 770 Td {ops} ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


# --- the real corpus -----------------------------------------------------------------------------

def test_real_corpus_is_read_in_file_name_order():
    sources = read_sources(CONTENT)
    assert [s.name for s in sources] == [
        "2017-avvn72-inzet.txt",
        "2018-avvn73-verslag-ministeriele-week.txt",
        "2019-veiligheidsraad-2018-terugblik.txt",
        "2020-avvn75-inzet.txt",
        "2020-avvn75-schriftelijk-overleg.txt",
    ]
    assert all("\r" not in s.text and not s.text.startswith("\ufeff") for s in sources)


def test_real_corpus_sidecars():
    """Every letter has a sidecar since issue 17 (its official facts, or the facts not found);
    2018-avvn73 sets no fact: all its metadata comes from its text."""
    by_name = {s.name: s for s in read_sources(CONTENT)}
    without = by_name["2018-avvn73-verslag-ministeriele-week.txt"]
    assert without.sidecar == {"not_found": ["date", "kamerstuk", "url"]}
    terugblik = by_name["2019-veiligheidsraad-2018-terugblik.txt"]
    assert terugblik.sidecar["date"] == dt.date(2019, 2, 15)
    assert terugblik.sidecar["kamerstuk"] == "26 150, nr. 180"
    assert terugblik.sidecar["sources"] == {"kamerstuk": "https://zoek.officielebekendmakingen.nl/kst-26150-183"}
    assert terugblik.sidecar_path.name == "2019-veiligheidsraad-2018-terugblik.yml"
    assert sum(1 for s in by_name.values() if s.sidecar) == 5


def test_real_sidecars_start_with_explaining_comment():
    for path in sorted((CONTENT / "letters").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and "optional" in first and "overrides" in first, path.name


# --- folders and ordering ------------------------------------------------------------------------

def test_sources_sorted_by_file_name_with_sidecars_attached(tmp_path):
    content = make_content(tmp_path, {
        "b.txt": OPENING_2020, "a.txt": OPENING_2020, "c.txt": OPENING_2020,
        "b.yml": "kind: inzetbrief\n",
    })
    sources = read_sources(content)
    assert [s.name for s in sources] == ["a.txt", "b.txt", "c.txt"]
    assert sources[1].sidecar == {"kind": "inzetbrief"}
    assert sources[1].sidecar_path.name == "b.yml"
    assert sources[0].sidecar == {} and sources[0].sidecar_path is None


def test_yaml_extension_and_unrelated_files(tmp_path):
    content = make_content(tmp_path, {
        "a.txt": OPENING_2020, "a.yaml": "sessions: [75]\n", "README.md": "notes", ".DS_Store": b"\x00\x01",
    })
    (source,) = read_sources(content)
    assert source.sidecar == {"sessions": [75]}


def test_missing_content_folder(tmp_path):
    with pytest.raises(SourceError) as info:
        read_sources(tmp_path / "nope")
    assert info.value.path == tmp_path / "nope"
    assert "content folder" in str(info.value) and info.value.hint


def test_missing_letters_folder(tmp_path):
    (tmp_path / "content").mkdir()
    with pytest.raises(SourceError) as info:
        read_sources(tmp_path / "content")
    assert info.value.path == tmp_path / "content" / "letters"
    assert "letters" in info.value.hint


def test_errors_can_be_collected_per_file(tmp_path):
    content = make_content(tmp_path, {
        "a.txt": OPENING_2020, "b.txt": "", "c.txt": OPENING_2020, "c.yml": "colour: red\n",
    })
    errors: list[SourceError] = []
    sources = read_sources(content, errors=errors)
    assert [s.name for s in sources] == ["a.txt"]
    assert [e.path.name for e in errors] == ["b.txt", "c.yml"]


# --- text files ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "  \n\t\n \f\n"])
def test_empty_file(tmp_path, text):
    error = read_error(tmp_path, {"leeg.txt": text})
    assert error.path.name == "leeg.txt" and "empty" in error.message
    assert "leeg.txt" in str(error)


def test_binary_file(tmp_path):
    error = read_error(tmp_path, {"scan.txt": b"%PDF\x00\x01\x02binary"})
    assert error.path.name == "scan.txt" and "binary" in error.message
    assert "scan.txt" in str(error)


def test_utf16_file_is_refused_with_hint(tmp_path):
    error = read_error(tmp_path, {"brief.txt": OPENING_2020.encode("utf-16")})
    assert "UTF-16" in error.message and "UTF-8" in error.hint


def test_cp1252_file_is_decoded(tmp_path):
    content = make_content(tmp_path, {"oud.txt": (OPENING_2020 + CURACAO_2018).encode("cp1252")})
    (source,) = read_sources(content)
    assert "Curaçao, Camelia-Römer" in source.text


def test_undecodable_bytes_name_offset_and_line(tmp_path):
    data = OPENING_2020.encode() + b"Cura\x81ao\n"    # 0x81 is neither UTF-8 nor cp1252
    error = read_error(tmp_path, {"kapot.txt": data})
    assert error.path.name == "kapot.txt"
    assert error.line == 3
    assert f"offset {len(OPENING_2020.encode()) + 4}" in error.message
    assert "UTF-8" in error.hint
    assert "kapot.txt:3" in str(error)


def test_bom_and_crlf_accepted(tmp_path):
    data = "\ufeff" + OPENING_2020.replace("\n", "\r\n") + "oude\rMac\r"
    content = make_content(tmp_path, {"win.txt": data.encode("utf-8")})
    (source,) = read_sources(content)
    assert source.text.startswith(" Deze brief informeert")
    assert "\r" not in source.text and source.text.endswith("oude\nMac\n")


def test_decode_text_line_of_bad_byte_counts_crlf_once():
    with pytest.raises(SourceError) as info:
        decode_text(Path("x.txt"), b"een\r\ntwee\r\ndrie \x81\x8d\r\n")
    assert info.value.line == 3


def test_five_megabyte_single_line_is_fast(tmp_path):
    line = ("Het Koninkrijk der Nederlanden was met een brede delegatie vertegenwoordigd " * 70000)[:5_000_000]
    content = make_content(tmp_path, {"groot.txt": line})
    start = time.perf_counter()
    (source,) = read_sources(content)
    assert len(source.text) == 5_000_000
    assert time.perf_counter() - start < 2


def test_unsupported_word_file(tmp_path):
    error = read_error(tmp_path, {"brief.docx": b"PK\x03\x04"})
    assert error.path.name == "brief.docx" and ".txt" in error.hint


def test_same_letter_as_txt_and_pdf(tmp_path):
    error = read_error(tmp_path, {"brief.txt": OPENING_2020, "brief.pdf": make_pdf([["x"]])})
    assert "twice" in error.message


# --- PDF -----------------------------------------------------------------------------------------

def test_pdf_pages_separated_by_form_feed(tmp_path):
    pdf = make_pdf([["Met deze brief wordt u geinformeerd over de inzet"], ["Verslag van de 71ste AVVN"]])
    (source,) = read_sources(make_content(tmp_path, {"brief.pdf": pdf}))
    first, second = source.text.split("\f")
    assert "Met deze brief" in first and first.endswith("\n")
    assert second.startswith("Verslag van de 71ste AVVN")


def test_pdf_without_text_layer_suggests_ocr(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    error = read_error(tmp_path, {"scan.pdf": path.read_bytes()})
    assert error.path.name == "scan.pdf" and "text layer" in error.message and "OCR" in error.hint


def test_broken_pdf(tmp_path):
    error = read_error(tmp_path, {"kapot.pdf": b"%PDF-1.4\nthis is not a pdf"})
    assert error.path.name == "kapot.pdf"


# --- sidecars ------------------------------------------------------------------------------------

def test_sidecar_values_typed(tmp_path):
    sidecar = (
        "# optional\n"
        "title: Verslag ministeriële week 73e AVVN\n"
        "kind: verslag-ministeriele-week\n"
        "date: 2018-10-12\n"
        "sessions: [73]\n"
        "kamerstuk: \"26 150, nr. 172\"\n"
        "url: https://zoek.officielebekendmakingen.nl/kst-26150-172.html\n"
        "signatories:\n"
        "  - {name: S.A. Blok, role: Minister van Buitenlandse Zaken}\n"
        "  - name: S.A.M. Kaag\n"
        "notes: Met bijlage.\n"
    )
    (source,) = read_sources(make_content(tmp_path, {"a.txt": OPENING_2020, "a.yml": sidecar}))
    assert source.sidecar["date"] == dt.date(2018, 10, 12)
    assert source.sidecar["sessions"] == [73]
    assert source.sidecar["signatories"][1] == {"name": "S.A.M. Kaag"}


def test_quoted_date_string_becomes_date(tmp_path):
    (source,) = read_sources(make_content(tmp_path, {"a.txt": OPENING_2020, "a.yml": 'date: "2019-02-15"\n'}))
    assert source.sidecar["date"] == dt.date(2019, 2, 15)


def test_empty_sidecar_is_no_overrides(tmp_path):
    (source,) = read_sources(make_content(tmp_path, {"a.txt": OPENING_2020, "a.yml": "# nothing yet\n"}))
    assert source.sidecar == {}


def test_invalid_yaml_gives_line(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": "title: Inzet\nkind: inzetbrief\n  sessions: [75]\n"})
    assert error.path.name == "a.yml" and error.line == 3
    assert "a.yml:3" in str(error) and "invalid YAML" in error.message


def test_invalid_yaml_unclosed_list(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": "title: x\nsessions: [75, 74\nnotes: y\n"})
    assert error.line == 3


def test_unknown_field_names_field_line_and_allowed(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": "title: x\nsession: 75\n"})
    assert error.path.name == "a.yml" and error.line == 2
    assert "'session'" in error.message and "did you mean 'sessions'" in error.message
    assert ("allowed fields: title, kind, date, sessions, kamerstuk, url, signatories, chamber, vergaderjaar, "
            "dossier, number, aanhangsel, askers, notes") in error.hint


@pytest.mark.parametrize("yml, field", [
    ("sessions: 75\n", "sessions"),
    ("sessions: [75, 300]\n", "sessions"),
    ("sessions: [zeventig]\n", "sessions"),
    ("kind: brief\n", "kind"),
    ("title: 2020\n", "title"),
    ("date: 15 februari 2019\n", "date"),
    ("url: http://example.org\n", "url"),
    ("kamerstuk: 26150-187\n", "kamerstuk"),
    ("signatories: [{name: S.A. Blok, functie: minister}]\n", "signatories"),
    ("signatories: S.A. Blok\n", "signatories"),
    ("sources: {datum: https://zoek.officielebekendmakingen.nl/kst-26150-183}\n", "sources"),
    ("sources: {date: http://example.org}\n", "sources"),
    ("sources: https://zoek.officielebekendmakingen.nl/kst-26150-183\n", "sources"),
    ("not_found: [datum]\n", "not_found"),
    ("not_found: date\n", "not_found"),
])
def test_wrong_type_names_field(tmp_path, yml, field):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": "notes: ok\n" + yml})
    assert error.path.name == "a.yml" and error.line == 2
    assert f"'{field}" in error.message
    assert "allowed fields" in error.hint


def test_sidecar_sources_and_not_found(tmp_path):
    """Issue 17: a fact from the official publication carries the page it was found on; facts
    looked up and not found are listed."""
    sidecar = ("date: 2019-02-15\nkamerstuk: \"26 150, nr. 180\"\n"
               "sources: {kamerstuk: https://zoek.officielebekendmakingen.nl/kst-26150-183}\nnot_found: [url]\n")
    (source,) = read_sources(make_content(tmp_path, {"a.txt": OPENING_2020, "a.yml": sidecar}))
    assert source.sidecar["sources"] == {"kamerstuk": "https://zoek.officielebekendmakingen.nl/kst-26150-183"}
    assert source.sidecar["not_found"] == ["url"]


def test_a_source_for_a_fact_the_sidecar_does_not_set(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": (
        "title: x\nsources: {kamerstuk: https://zoek.officielebekendmakingen.nl/kst-26150-183}\n")})
    assert error.path.name == "a.yml" and error.line == 2
    assert "'sources' names 'kamerstuk'" in error.message and "set kamerstuk" in error.hint


@pytest.mark.parametrize("yml", ["date: 2019-02-30\n", 'date: "2019-02-30"\n'])
def test_impossible_date(tmp_path, yml):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": yml})
    assert error.path.name == "a.yml" and error.line == 1 and "YYYY-MM-DD" in error.hint


def test_sidecar_must_be_a_mapping(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": "- title\n- kind\n"})
    assert error.path.name == "a.yml" and "allowed fields" in error.hint


def test_sidecar_without_text(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "b.yml": "kind: inzetbrief\n"})
    assert error.path.name == "b.yml" and "b.txt" in error.message


def test_two_sidecars_for_one_letter(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": "kind: inzetbrief\n", "a.yaml": "sessions: [75]\n"})
    assert "two sidecars" in error.message


def test_validate_sidecar_leaves_input_untouched():
    data = {"date": dt.date(2019, 2, 15), "sessions": [72, 71]}
    assert validate_sidecar(Path("x.yml"), data) == data
    assert data["date"] == dt.date(2019, 2, 15)


def test_all_wrong_fields_of_a_sidecar_in_one_message(tmp_path):
    error = read_error(tmp_path, {"a.txt": OPENING_2020, "a.yml": "kind: brief\nsessions: 75\n"})
    assert error.line == 1
    assert "'kind'" in error.message and "'sessions'" in error.message


def test_schema_is_a_valid_json_schema():
    import jsonschema

    from generator.read import SIDECAR_SCHEMA
    jsonschema.validators.validator_for(SIDECAR_SCHEMA).check_schema(SIDECAR_SCHEMA)
    assert SIDECAR_SCHEMA["additionalProperties"] is False


def test_soft_hyphens_removed_when_read(tmp_path):
    # sgd/1952_tk-handelingen-handvest-tractatenblad.txt, line 9 ("wets\u00adontwerpen") and
    # sgd/1946_unesco-statuut-ek-nota.txt, line 10 ("in\u00addiening"); "Indo\u00adnesië" as in the issue
    text = ("Behandeling van de wets\u00adontwerpen en de in\u00addiening van dit wet\n"
            "ontwerp; de Bel\u00ad\ngische regering en Indo\u00adnesië\n")
    content = make_content(tmp_path, {"oud.txt": text})
    (source,) = read_sources(content)
    assert "\u00ad" not in source.text
    assert source.text.split("\n") == [
        "Behandeling van de wetsontwerpen en de indiening van dit wet",
        "ontwerp; de Belgische",            # a soft hyphen at the line end joins the word across the line
        "regering en Indonesië",            # ... and the line keeps its number
        "",
    ]


def test_soft_hyphen_at_the_end_of_the_last_line():
    from generator.read import remove_soft_hyphens
    assert remove_soft_hyphens("Bel\u00ad") == "Bel"
    assert remove_soft_hyphens("Bel\u00ad\n\ngische") == "Bel\n\ngische"     # nothing to join on a blank line


def test_soft_hyphen_that_stands_for_a_real_hyphen():
    """OCR of the 1940s-1950s pages writes real hyphens as U+00AD too (a reader noted these in
    ../shared/corpus/sgd/1950_ek-nieuw-guinea-uitvoerrecht-eindverslag.txt and
    1946_unesco-statuut-ek-nota.txt): where no word can continue after it, it is a hyphen."""
    from generator.read import remove_soft_hyphens
    assert remove_soft_hyphens("Nieuw\u00adGuinea") == "Nieuw-Guinea"                  # before a capital
    assert remove_soft_hyphens("in\u00ad, uit\u00aden\ndoorvoer") == "in-, uit- en\ndoorvoer"   # comma; "en"
    assert remove_soft_hyphens("schilders\u00aden\nmuziekbenoodigdheden") == "schilders- en\nmuziekbenoodigdheden"
    assert remove_soft_hyphens("Noord\u00ad of Zuid-Holland") == "Noord- of Zuid-Holland"    # before a space
    assert remove_soft_hyphens("West\u00ad\nen Noord-Afrikaanse") == "West-\nen Noord-Afrikaanse"   # line end, "en"
    assert remove_soft_hyphens("Nieuw\u00ad\nGuinea is") == "Nieuw-\nGuinea is"        # line end, a capital
    # elsewhere it only marks a possible break, and goes
    assert remove_soft_hyphens("Indo\u00adnesië ver\u00adenigde") == "Indonesië verenigde"
    assert remove_soft_hyphens("Bel\u00ad\ngische regering") == "Belgische\nregering"


# --- issue 15: decoding on evidence, control characters, links, aliases, silent drops --------------

def test_utf8_with_a_stray_byte_names_the_byte_and_its_line():
    data = "een\ntwee Genève\ndrie".encode() + b" \x96 vier\n"
    with pytest.raises(SourceError) as info:
        decode_text(Path("x.txt"), data)
    assert info.value.line == 3
    offset = data.index(b"\x96")
    assert f"byte {offset} (line 3) is not UTF-8: 0x96" in info.value.message
    assert "is not UTF-8: 0x96, while the rest of the file is UTF-8 (e.g. 'è' at line 2)" in info.value.message
    assert "UTF-8" in info.value.hint


def test_cp1252_is_read_only_without_any_utf8_sequence():
    assert decode_text(Path("x.txt"), "Curaçao – “ja”\n".encode("cp1252")) == "Curaçao – “ja”\n"


def test_several_stray_bytes_are_counted():
    with pytest.raises(SourceError) as info:
        decode_text(Path("x.txt"), "ë\n".encode() + b"a\xe9\nb\xe9\n")
    assert "1 more such byte(s), e.g. at byte 7 (line 3)" in info.value.message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(codec):
    with pytest.raises(SourceError) as info:
        decode_text(Path("x.txt"), "Geachte voorzitter,\nCuraçao\n".encode(codec))
    assert "UTF-16" in info.value.message and "binary" not in info.value.message


def test_control_characters_are_normalised_with_a_warning(tmp_path):
    (source,) = read_sources(make_content(tmp_path, {"a.txt": OPENING_2020 + "Curaçao\x96 en\x7f Aruba\x01\x81.\n"}))
    assert "Curaçao– en Aruba." in source.text
    assert len(source.warnings) == 1 and ":3: control characters in the line: U+0096 read as '–', U+007F removed, " \
        "U+0001 removed, U+0081 removed" in source.warnings[0]


def test_a_symbolic_link_inside_the_content_folder_is_read(tmp_path):
    content = make_content(tmp_path, {})
    (content / "bron.txt").write_text(OPENING_2020, encoding="utf-8")
    (content / "letters/a.txt").symlink_to(content / "bron.txt")
    (source,) = read_sources(content)
    assert source.text == OPENING_2020


def test_a_broken_symbolic_link_is_an_error(tmp_path):
    content = make_content(tmp_path, {"b.txt": OPENING_2020})
    (content / "letters/a.txt").symlink_to(content / "weg.txt")
    with pytest.raises(SourceError) as info:
        read_sources(content)
    assert "symbolic link to a file that does not exist" in info.value.message


def test_letters_in_a_subfolder_are_an_error(tmp_path):
    content = make_content(tmp_path, {"b.txt": OPENING_2020})
    (content / "letters/2020").mkdir()
    (content / "letters/2020/a.txt").write_text(OPENING_2020, encoding="utf-8")
    errors: list[SourceError] = []
    assert len(read_sources(content, errors)) == 1
    assert [e.message for e in errors] == ["letters in a subfolder are not read"]


def test_an_alias_in_a_knowledge_file_is_refused():
    from generator.knowledge.yamlfile import parse_knowledge_yaml

    with pytest.raises(SourceError) as info:
        parse_knowledge_yaml("missions.yml", "A:\n  name: &n Naam\nB:\n  name: *n\n")
    assert info.value.line == 4 and "'B > name' repeats the value of line 2" in info.value.message


def test_a_merge_key_is_an_alias_too(tmp_path):
    with pytest.raises(SourceError) as info:
        read_sources(make_content(tmp_path, {"a.txt": OPENING_2020,
                                             "a.yml": "signatories:\n  - &s {name: A, role: B}\n  - <<: *s\n"}))
    assert "YAML alias" in info.value.message


def _pdf(password: str | None) -> bytes:
    import io
    reportlab = pytest.importorskip("reportlab")  # noqa: F841
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Hierbij bied ik u het verslag aan.")
    page.save()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(out.getvalue())))
    if password is not None:
        writer.encrypt(user_password=password, owner_password="eigenaar", algorithm="RC4-128")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    return encrypted.getvalue()


def test_an_encrypted_pdf_with_an_empty_password_is_read(tmp_path):
    (source,) = read_sources(make_content(tmp_path, {"a.pdf": _pdf("")}))
    assert "Hierbij bied ik u het verslag aan." in source.text


def test_a_pdf_with_a_password_says_so(tmp_path):
    error = read_error(tmp_path, {"a.pdf": _pdf("geheim")})
    assert "protected by a password" in error.message and "without a password" in error.hint
