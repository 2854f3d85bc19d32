"""build(settings) -> BuildReport: the one place that orders the stages.

read -> vocabulary, knowledge, themes -> per letter: clean -> parse -> meta -> extract (mentions, themes)
     -> index (all letters) -> render -> write docs -> MkDocs -> swap
"""
from __future__ import annotations

import re
import time
from collections import Counter
from typing import Callable, Iterable

from . import feeds, render, render_qa, search, write
from .clean import build_vocabulary, clean
from .config import Settings
from .errors import BuildError, GeneratorError, SourceError
from .extract import Tables, extract_letter
from .extract.countries import names_from_cldr
from .extract.themes import passages
from .glossary import Glossary, build_glossary
from .index import build_index
from .knowledge import Knowledge, build_knowledge, country_names, mission_names
from .meta import infer_meta, letter_id
from .model import Letter, Source
from .parse import parse_letter
from .qaindex import round_of
from .read import read_glossary, read_knowledge, read_sources, read_themes
from .taxonomy import Taxonomy, build_taxonomy
from .report import BuildReport

Progress = Callable[[list], Iterable]
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def build(settings: Settings, progress: Progress | None = None) -> BuildReport:
    """Generate the Markdown, build the site into a temporary folder, swap it in."""
    start = time.perf_counter()
    report = generate(settings, progress)
    report.generate_seconds = report.seconds
    with write.staged_dir(settings.site_dir) as staging:
        report.warnings += write.build_site(settings.mkdocs_yml, settings.docs_dir, staging, settings.strict)
        report.search = search.index_site(staging)
    report.site_dir = settings.site_dir
    report.seconds = time.perf_counter() - start
    return report


def generate(settings: Settings, progress: Progress | None = None, dry_run: bool = False) -> BuildReport:
    """All letters -> Markdown pages and data/letters.json in the docs folder (not with dry_run)."""
    start = time.perf_counter()
    if problems := settings.problems():
        raise GeneratorError("settings are not usable:\n  " + "\n  ".join(problems))
    knowledge = load_knowledge(settings)
    taxonomy = load_taxonomy(settings)
    glossary = load_glossary(settings)
    letters = load_letters(settings, progress, knowledge, taxonomy)
    index = build_index(letters, knowledge, taxonomy)
    intro, hand_written = write.hand_written_pages(settings.pages)
    pages = (render.render_site(letters, intro, index) + render_qa.render_qa(letters) + hand_written
             + [render.render_glossary(glossary)] + feeds.render_feeds(index)
             + [write.letters_json(letters), write.mentions_json(index), write.entities_json(index),
                write.themes_json(index), write.qa_json(letters)])
    pages = render.with_abbreviations(pages, glossary)
    written = None if dry_run else write.write_docs(settings.docs_dir, pages).written
    return BuildReport(letters=len(letters), pages=sum(p.path.endswith(".md") for p in pages),
                       furniture={l.id: l.furniture for l in letters},
                       mentions={l.id: dict(Counter(m.kind for m in l.mentions)) for l in letters},
                       warnings=[w for l in letters for w in l.warnings] + knowledge.warnings + index.warnings,
                       written=written,
                       seconds=time.perf_counter() - start)


def load_knowledge(settings: Settings) -> Knowledge:
    """The knowledge base (missions, resolutions, countries) from content/knowledge/."""
    return build_knowledge(read_knowledge(settings.content_dir))


def load_taxonomy(settings: Settings) -> Taxonomy:
    """The themes from content/knowledge/themes.yml."""
    return build_taxonomy(*read_themes(settings.content_dir))


def load_glossary(settings: Settings) -> Glossary:
    """The abbreviations from content/knowledge/glossary.yml."""
    return build_glossary(*read_glossary(settings.content_dir))


def load_letters(settings: Settings, progress: Progress | None = None,
                 knowledge: Knowledge | None = None, taxonomy: Taxonomy | None = None) -> list[Letter]:
    """Read, clean, parse, describe and extract every letter. Fails with the problems of all letters."""
    read_errors: list[SourceError] = []
    sources = read_sources(settings.content_dir, errors=read_errors)
    problems = [str(e) for e in read_errors]
    vocabulary = build_vocabulary([s.text for s in sources])
    knowledge = knowledge or load_knowledge(settings)
    taxonomy = taxonomy or load_taxonomy(settings)
    tables = Tables(mission_names(knowledge), country_names(knowledge, names_from_cldr()))
    letters: list[Letter] = []
    for source in (progress or list)(sources):
        try:
            letters.append(make_letter(source, vocabulary, tables, taxonomy))
        except SourceError as exc:
            problems.append(str(exc))
        except Exception as exc:   # a stage failed on this letter: name the file, keep going
            problems.append(str(SourceError(
                source.path, f"cannot process this letter: {type(exc).__name__}: {exc}",
                hint="a bug in the generator or a layout it does not know: report it with this file; "
                     "to build the other letters meanwhile, move the file out of the letters folder")))
    problems += check_ids(letters)
    if problems:
        raise BuildError(f"{len(problems)} problem(s) in the content; nothing was built:\n"
                         + "\n".join(problems))
    return letters


def make_letter(source: Source, vocabulary=None, tables: Tables | None = None,
                taxonomy: Taxonomy | None = None) -> Letter:
    cleaned = clean(source, vocabulary)
    parsed = parse_letter(cleaned)
    warnings = [f"{source.path}:{w}" for w in parsed.warnings]
    meta = infer_meta(source, parsed.blocks, warnings)
    letter = Letter(letter_id(source), source, meta, parsed.blocks, parsed.footnotes, cleaned.furniture, warnings)
    letter.warnings += render.dangling_refs(letter)
    letter.qa = round_of(letter)
    letter.warnings += letter.qa.warnings if letter.qa else []
    if tables is not None:
        letter.mentions = extract_letter(letter, tables)
    letter.passages = passages(letter, taxonomy or Taxonomy())
    return letter


def check_ids(letters: list[Letter]) -> list[str]:
    """Ids become page folders: each must be a plain slug, and unique."""
    first: dict[str, Letter] = {}
    problems = []
    for letter in letters:
        if not SAFE_ID.fullmatch(letter.id):
            problems.append(str(SourceError(letter.source.path, f"letter id '{letter.id}' is not a plain slug",
                                            hint="use only a-z, 0-9 and '-' in the file name")))
        elif letter.id in first:
            problems.append(str(SourceError(
                letter.source.path, f"letter id '{letter.id}' is also the id of {first[letter.id].source.path}",
                hint="rename one of the two files; the id is made from the file name")))
        first.setdefault(letter.id, letter)
    return problems
