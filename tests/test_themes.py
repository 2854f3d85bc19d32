"""Themes: the taxonomy file, classification of real passages, theme pages and the chart."""
import re
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import Settings
from generator.errors import SourceError
from generator.extract.themes import classify
from generator.index import attention, build_index
from generator.knowledge.yamlfile import parse_knowledge_yaml
from generator.pages.themes import render_themes
from generator.taxonomy import build_taxonomy, find_all

REPO = Path(__file__).resolve().parents[1]
THEMES = REPO / "content/knowledge/themes.yml"


@pytest.fixture(scope="module")
def taxonomy():
    data, lines = parse_knowledge_yaml(THEMES, THEMES.read_text(encoding="utf-8"))
    return build_taxonomy(data, THEMES, lines)


@pytest.fixture(scope="module")
def corpus(taxonomy, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("themes")
    settings = Settings(content_dir=REPO / "content", site_dir=tmp / "site", docs_dir=tmp / "docs",
                        mkdocs_yml=REPO / "mkdocs.yml")
    knowledge = pipeline.load_knowledge(settings)
    letters = pipeline.load_letters(settings, knowledge=knowledge, taxonomy=taxonomy)
    return build_index(letters, knowledge, taxonomy)


# --- the taxonomy file -------------------------------------------------------------------------

def load(text: str):
    data, lines = parse_knowledge_yaml("themes.yml", text)
    return build_taxonomy(data, "themes.yml", lines)


def test_real_taxonomy_has_the_themes_of_the_issue(taxonomy):
    slugs = [t.slug for t in taxonomy.themes]
    for slug in ("klimaat", "mensenrechten", "vredesmissies", "humanitaire-hulp", "terrorismebestrijding",
                 "migratie", "vn-hervorming", "vrouwen-vrede-veiligheid", "ontwapening", "cyber",
                 "gezondheid", "duurzame-ontwikkeling", "internationale-rechtsorde"):
        assert slug in slugs
    assert all(t.keywords and t.description for t in taxonomy.themes)


@pytest.mark.parametrize("text,message,line", [
    ("klimaat:\n  name: Klimaat\n  description: x\n  keywords: [klimaat*]\n  kleur: groen\n",
     "klimaat: unknown field 'kleur'", 5),
    ("klimaat:\n  name: Klimaat\n  description: x\n  keywords: []\n", "'keywords' must be a non-empty list", 4),
    ("klimaat:\n  name: Klimaat\n  description: x\n", "'keywords' must be a non-empty list", 1),
    ("klimaat:\n  name: Klimaat\n  description: x\n  keywords: [kli*maat]\n", "has '*' in the middle", 4),
    ("klimaat:\n  description: x\n  keywords: [klimaat]\n", "'name' is missing", 1),
    ("Klimaat!:\n  name: K\n  description: x\n  keywords: [k]\n", "not a usable theme slug", 1),
    ("aa:\n  name: K\n  description: x\n  keywords: [k]\nbb:\n  name: k\n  description: y\n  keywords: [l]\n",
     "is used by two themes", 2),
    ("klimaat:\n  name: Klimaat\n  description: x\n  keywords: [klimaat*]\n  keywords: [x]\n",
     "written twice", 5),
])
def test_taxonomy_errors_name_file_field_and_line(text, message, line):
    with pytest.raises(SourceError) as failure:
        load(text)
    assert message in str(failure.value)
    assert failure.value.path.name == "themes.yml" and failure.value.line == line


def test_patterns():
    assert find_all("klimaat*", "De klimaatverandering en het klimaat") == ["klimaatverandering", "klimaat"]
    assert find_all("*-klimaat*", "de VN-klimaattop") == ["VN-klimaattop"]
    assert find_all("WHO", "WHO, who, Who") == ["WHO"]                                  # acronyms: case counts
    assert find_all("Akkoord van Parijs", "het akkoord\nvan  Parijs") == ["akkoord\nvan  Parijs"]
    assert find_all("migratie", "migratiestromen") == []                                # whole words only
    assert find_all("hervorming*", "de VN-hervormingen") == ["hervormingen"]             # after a hyphen
    assert find_all("1325", "resolutie 1325-agenda en 13250") == ["1325"]


# --- classification of real passages ------------------------------------------------------------

def test_heading_decides(taxonomy):
    text = ("Een belangrijke vereiste voor het behalen van de SDG’s in 2030 is het tegengaan van "
            "klimaatverandering en het vergroten van weerbaarheid tegen de impact van klimaatverandering.")
    found = classify("Klimaat en biodiversiteit", text, taxonomy)
    assert list(found) == ["klimaat"] and found["klimaat"].source == "kop"


def test_a_heading_inside_a_longer_one_does_not_count(taxonomy):
    found = classify("Vrouwen, Vrede en Veiligheid (1325)", "In 2020 wordt stilgestaan bij resolutie 1325.", taxonomy)
    assert list(found) == ["vrouwen-vrede-veiligheid"]


def test_text_decides_without_a_telling_heading(taxonomy):
    text = ("De relatie van de VN met de Afrikaanse Unie stond in 2018 veelvuldig op de agenda van de "
            "Veiligheidsraad. Het Koninkrijk heeft zich gedurende het jaar actief uitgesproken voor nauwere "
            "samenwerking tussen de VN en de AU. Tijdens het Open Debat over vredesmissies in maart nodigde KNL "
            "dan ook, naast de Secretaris-Generaal van de VN, de Voorzitter van de Afrikaanse Unie Commissie, "
            "Moussa Faki, uit als briefer.")
    found = classify("Afrikaanse Unie", text, taxonomy)
    assert list(found) == ["multilateralisme"]
    assert dict(found["multilateralisme"].words) == {"afrikaanse unie": 2}


def test_a_fractie_topic_is_only_a_weak_hint(taxonomy):
    """GroenLinks asked about business and human rights under its topic 'VN-hervormingen'."""
    text = ("Is de Minister van Buitenlandse Zaken bereid zich tijdens de VN-bijeenkomst ervoor hard te maken dat "
            "bedrijven de UN Guiding Principles on Business and Human Rights naleven?\n\nOp 16 juni 2011 heeft de "
            "VN Mensenrechtenraad unaniem de UN Guiding Principles on Business and Human Rights aangenomen. Het "
            "kabinet verwacht van bedrijven dat zij mensenrechten respecteren.")
    found = classify("VN-hervormingen", text, taxonomy, weak_heading=True)
    assert "vn-hervorming" not in found and "mensenrechten" in found
    fallback = classify("VN-hervormingen", "Het kabinet deelt deze opvatting.", taxonomy, weak_heading=True)
    assert list(fallback) == ["vn-hervorming"]


def test_overlapping_keywords_count_once(taxonomy):
    found = classify("", "het VN-hervormingstraject en het VN-hervormingstraject", taxonomy)
    assert dict(found["vn-hervorming"].words) == {"vn-hervormingstraject": 2}


def test_every_passage_has_a_theme_or_is_general(corpus):
    kinds = {}
    for letter in corpus.letters:
        assert letter.passages, letter.id
        for p in letter.passages:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
            assert p.general == (not p.themes)
            assert set(p.themes) == set(p.reasons)
            if p.kind == "closing":
                assert p.general
    assert kinds["answer"] == 117
    inzet = next(l for l in corpus.letters if l.id == "2020-avvn75-inzet")
    sections = {p.title: p.themes for p in inzet.passages}
    assert sections["Klimaat en biodiversiteit"] == ["klimaat"]
    assert sections["Landensituaties"][0] == "vrede-en-veiligheid"
    assert sections["Vrouwen, Vrede en Veiligheid (1325)"] == ["vrouwen-vrede-veiligheid"]


# --- pages ---------------------------------------------------------------------------------------

def test_chart_shows_the_same_numbers_as_the_table(corpus):
    page = next(p for p in render_themes(corpus) if p.path == "tijdlijn.md")
    years, rows = attention(corpus)
    svg_cells = re.findall(r'<rect class="vn-cell"[^>]*data-theme="([^"]+)" data-year="(\d+)" data-share="([\d.]+)">'
                           r'<title>[^<]*: (\d+ %)</title>', page.text)
    table_rows = {m.group(1): [c.strip() for c in m.group(2).split("|") if c.strip()]
                  for m in re.finditer(r"^\| \[[^\]]+\]\(themas/([\w-]+)\.md\) \|(.*)\|$", page.text, re.M)}
    assert len(svg_cells) == len(rows) * len(years) > 0
    for slug, year, share, shown in svg_cells:
        assert table_rows[slug][years.index(int(year))] == shown == f"{round(float(share) * 100)} %"
    assert dict((t.slug, s) for t, s in rows) == {slug: [float(x) for x in shares] for slug, shares in
                                                    _by_theme(svg_cells, years).items()}


def _by_theme(cells, years):
    out = {}
    for slug, year, share, _ in cells:
        out.setdefault(slug, [0.0] * len(years))[years.index(int(year))] = float(share)
    return out


def test_theme_page_lists_passages_newest_letter_first_with_reasons(corpus):
    pages = {p.path: p.text for p in render_themes(corpus)}
    klimaat = pages["themas/klimaat.md"]
    order = [m.group(1) for m in re.finditer(r"^### .* \{ #brief-([\w-]+) \}$", klimaat, re.M)]
    letters = [l.id for l in corpus.letters]
    listed = [o for o in order if o in letters]
    assert listed == sorted(listed, key=letters.index, reverse=True) and len(listed) >= 3
    years = re.findall(r"^## (\d{4}) \{ #jaar-(\d{4}) \}$", klimaat, re.M)
    assert years and all(a == b for a, b in years) and years == sorted(years, reverse=True)
    assert "<em>(kop)</em>" in klimaat and "<em>(trefwoorden:" in klimaat
    assert '<a href="../../brieven/2020-avvn75-inzet/#klimaat-en-biodiversiteit">' in klimaat


def test_theme_pages_split_every_passage_onto_exactly_one_page(corpus):
    entry = next(e for e in corpus.themes if e.theme.slug == "mensenrechten")
    pages = {p.path: p.text for p in render_themes(corpus, limit=5)
             if p.path == "themas/mensenrechten.md" or p.path.startswith("themas/mensenrechten/")}
    assert len(pages) >= 2
    item = re.compile(r'^(?:<li>\n<p>|<li>)<a href="(?:\.\./)+brieven/([\w-]+)/#([\w-]+)">[^<]*</a>:', re.M)
    shown = sorted(f"brieven/{letter_id}.md#{anchor}" for text in pages.values() for letter_id, anchor in item.findall(text))
    assert shown == sorted(f"brieven/{l.id}.md#{p.anchor}" for l, p in entry.passages)
    assert all(len(item.findall(text)) <= 5 for text in pages.values())
    first = pages["themas/mensenrechten.md"]
    assert "feed:" in first and "## Vaak genoemd" in first and '<a href="2/">Volgende</a>' in first
    second = pages["themas/mensenrechten/2.md"]
    assert "feed:" not in second and '<a href="../">Vorige</a>' in second
    assert 'href="../../../brieven/' in second and 'href="../../brieven/' not in second


def test_letter_page_shows_its_themes_as_links_to_the_theme_pages(corpus):
    """Issue 18: the chips are the letter's main themes, heaviest first; the others are links under
    "Ook genoemd" (tests/test_theme_weights.py has the rule; this is the real letter)."""
    from generator.pages.letter import render_letter
    letter = next(l for l in corpus.letters if l.id == "2020-avvn75-inzet")
    text = render_letter(letter, corpus).text
    assert ('\n<p class="md-tags"><a class="md-tag" href="../../themas/multilateralisme/">Multilaterale samenwerking</a> '
            '<a class="md-tag" href="../../themas/gezondheid/">Gezondheid en COVID-19</a> '
            '<a class="md-tag" href="../../themas/mensenrechten/">Mensenrechten</a></p>\n') in text
    assert ('\n<p class="vn-ook-genoemd vn-furniture">Ook genoemd: <a href="../../themas/vrede-en-veiligheid/">Vrede en '
            'veiligheid</a>, <a href="../../themas/klimaat/">Klimaat</a>, ') in text
    assert '  - "Mensenrechten"\n' in text and '  - "Klimaat"\n' not in text   # front matter tags: the chips
