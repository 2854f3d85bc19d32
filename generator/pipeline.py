"""build(settings) -> BuildReport: the one place that orders the stages.

read -> vocabulary, knowledge, themes -> per letter: clean -> parse -> meta -> extract (mentions, themes)
     -> index (all letters) -> render -> write docs -> site_build: MkDocs, Pagefind, swap
"""
from __future__ import annotations

import ctypes
import gc
import hashlib
import re
import sys
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from . import pages as site_pages
from . import parallel, printed_pages, site_build, write
from .cache import Entry, GenerateState, LetterCache, code_fingerprint, files_digest, still_valid
from .clean import Vocabulary, clean, token_counts, vocabulary_from
from .config import Settings
from .errors import BuildError, GeneratorError, SourceError
from .extract import Tables, extract_letter, unknown_missions
from .extract.themes import passages
from .glossary import Glossary, build_glossary
from .index import CrossIndex, build_index
from .kinds import DEFAULT_FILE as DEFAULT_KINDS
from .kinds import Kinds, build_kinds, default_kinds
from .knowledge import (Knowledge, body_names, body_shared_names, build_knowledge, country_names, mission_names,
                        mission_phases)
from .meta import infer_meta, letter_id
from .model import Analysis, Letter, OutputPage, Source
from .parse import parse_letter
from .parse.footnotes import dangling_refs
from .qaindex import round_of
from .layouts import LAYOUTS_FILE, Layouts, build_layouts
from .layouts import bundled as bundled_layouts
from .pages.cite import download_path, is_pdf
from .read import check_inside, read_glossary, read_kinds, read_knowledge, read_layouts, read_sources, read_themes
from .taxonomy import Taxonomy, build_taxonomy
from .report import BuildReport, letter_row

Progress = Callable[[list], Iterable]
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
RESERVED_IDS = frozenset({"index"})          # brieven/index.md is the letters overview


def build(settings: Settings, progress: Progress | None = None, refresh: bool = False) -> BuildReport:
    """Generate the Markdown, build the site into a temporary folder, swap it in.

    When the site there is the one the previous build made (its state file says so, and site/
    still has exactly the files that build left: site_build.SiteState), MkDocs starts from a copy of it
    and renders only the changed pages; when not even a docs file changed, the site is left as
    it is. `refresh` (--no-cache): no letter comes from the cache (every one is stored again) and
    MkDocs builds every page.

    Only one build at a time may write the docs folder, the cache and the site (write.locked);
    what a killed build left beside the site is removed first."""
    start = time.perf_counter()
    check_settings(settings)
    with _locked(settings.docs_dir, settings.letter_cache, settings.site_dir):
        with write.reported(f"remove what a killed build left beside {settings.site_dir}", settings.site_dir.parent):
            site_build.remove_leftovers(settings.site_dir)
        return _build(settings, progress, refresh, start)


def _build(settings: Settings, progress: Progress | None, refresh: bool, start: float) -> BuildReport:
    report = generate(settings, progress, refresh=refresh)
    report.generate_seconds = report.seconds
    release_memory()                        # before MkDocs' processes are forked from this one
    site_build.update_site(settings, report, refresh=refresh)
    report.seconds = time.perf_counter() - start
    return report


def check_settings(settings: Settings) -> None:
    if problems := settings.problems():
        raise GeneratorError("settings are not usable:\n  " + "\n  ".join(problems))


@contextmanager
def _locked(*folders: Path | None):
    """write.locked, with an OSError while taking the locks (no permission to make a lock file
    beside a folder) reported as such; errors in the block are not this one's."""
    stack = ExitStack()
    with write.reported("make the lock file of " + ", ".join(str(f) for f in folders if f)):
        stack.enter_context(write.locked(*folders))
    with stack:
        yield


def release_memory() -> None:
    """Give the memory of the letters and pages (freed when generate returned, which ends with a
    full collection: collector_paused) back to the system, so processes forked afterwards do not
    start out with it (glibc only; else a no-op)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


@contextmanager
def collector_paused():
    """Python's cycle collector off while the block runs, then one full collection.

    Each of its full runs walks every live object, and the generator keeps all letters alive:
    at 2,000 letters that was a quarter of the generator's time (loading the cached letters 12 s
    instead of 1 s), while the stages make next to no reference cycles (peak memory the same
    with it off). Reference counting still frees everything else at once. Worker processes
    forked inside the block inherit the pause."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect()


def generate(settings: Settings, progress: Progress | None = None, dry_run: bool = False,
             refresh: bool = False) -> BuildReport:
    """All letters -> Markdown pages and data/letters.json in the docs folder (not with dry_run).
    `refresh`: no letter from the cache, each one stored again. Holds the locks of the docs
    folder and the cache (write.locked) unless dry_run. With a cache folder and without
    `refresh`, nothing is done when nothing changed since the last generation
    (_generate_unless_unchanged)."""
    check_settings(settings)
    folders = () if dry_run else (settings.docs_dir, settings.letter_cache)
    with _locked(*folders), collector_paused():
        if dry_run or settings.letter_cache is None:
            return _generate(settings, progress, dry_run, refresh)
        return _generate_unless_unchanged(settings, progress, refresh)


def _generate_unless_unchanged(settings: Settings, progress: Progress | None, refresh: bool) -> BuildReport:
    """The fast path: when the inputs (generator_inputs) are those of the last complete generation
    and the docs folder and the letter cache still hold exactly what it left (their files' names,
    sizes and times), the docs folder is what generating again would write: no letter is loaded,
    no page rendered or written, and the report is that generation's (nothing processed, nothing
    written). Never with `refresh` (--no-cache). Otherwise the state of the last generation is
    removed, the docs written, and the new state recorded."""
    start = time.perf_counter()
    cache_dir = settings.letter_cache
    inputs = generator_inputs(settings)
    previous = None if refresh or inputs is None else GenerateState.load(cache_dir)
    if previous is not None and previous.inputs == inputs and previous.docs == write.manifest(settings.docs_dir) \
            and previous.cache == _entries(cache_dir):
        report = previous.report
        report.written, report.deleted, report.processed, report.rendered, report.inputs_unchanged = 0, 0, 0, 0, True
        report.seconds = time.perf_counter() - start
        report.stages = {"inputs": report.seconds}
        return report
    with write.reported(f"write the letter cache in {cache_dir}", cache_dir):
        GenerateState.path(cache_dir).unlink(missing_ok=True)     # a failed or killed build: no fast path
    report = _generate(settings, progress, False, refresh)
    if inputs is not None:
        state = GenerateState(inputs, write.manifest(settings.docs_dir), _entries(cache_dir), report)
        try:
            state.save(cache_dir)
        except OSError as exc:          # the docs are complete; the next build generates them again
            report.warnings.append(f"{GenerateState.path(cache_dir)}: the generator's state could not be "
                                   f"recorded ({exc.strerror}), so the next build generates every page again")
    return report


def _entries(cache_dir: Path) -> dict:
    """The letter cache's entries (in its subfolders) with their sizes and times: an entry
    removed or damaged since means the next build is not a fast one."""
    return {name: stat for name, stat in write.manifest(cache_dir).items() if "/" in name}


def generator_inputs(settings: Settings) -> str | None:
    """One digest of everything the docs folder is made from: the letters folder, the knowledge
    folder (and the project's kinds.yml and layouts.yml, used where the content has none), the
    hand-written pages and mkdocs.yml (cache.files_digest: names, sizes, contents), where they
    and the docs folder are, the generator's files (code and templates), Python's version and
    the versions of the libraries it requires. None: no fast path (a symbolic link to a folder,
    or the project not installed, so its libraries are not known)."""
    from importlib.metadata import PackageNotFoundError, requires, version

    project_knowledge = DEFAULT_KINDS.parent
    files = files_digest([settings.content_dir / "letters", settings.content_dir / "knowledge", settings.pages,
                          settings.mkdocs_yml, DEFAULT_KINDS, project_knowledge / LAYOUTS_FILE])
    if files is None:
        return None
    try:
        libraries = sorted(re.match(r"[A-Za-z0-9_.-]+", r).group(0) for r in requires("vn-brieven") or ()
                           if "extra ==" not in r)
        versions = [f"{name}={version(name)}" for name in libraries]
    except PackageNotFoundError:
        return None
    paths = [str(p.resolve()) for p in (settings.content_dir, settings.pages, settings.docs_dir, settings.mkdocs_yml)]
    parts = [files, code_fingerprint("*"), sys.version, *paths, *versions]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _generate(settings: Settings, progress: Progress | None, dry_run: bool, refresh: bool = False) -> BuildReport:
    start = time.perf_counter()
    clock = _Clock()
    knowledge = load_knowledge(settings)
    taxonomy = load_taxonomy(settings)
    glossary = load_glossary(settings)
    kinds = load_kinds(settings)
    site_pages.use_kinds(kinds)
    clock.lap("knowledge")
    loaded = load_entries(settings, progress, knowledge, taxonomy, kinds, refresh=refresh, glossary=glossary)
    letters = loaded.letters
    clock.lap("letters")
    index = build_index(letters, knowledge, taxonomy)
    clock.lap("index")
    intro, hand_written = write.hand_written_pages(settings.pages)
    letter_pages, rendered = render_letters(loaded, index, glossary, settings.jobs)
    with write.reported(f"write the letter cache in {loaded.cache.folder}", loaded.cache.folder):
        loaded.cache.prune()
    pages = site_pages.render_site(letters, intro, index, glossary, hand_written, letter_pages=letter_pages,
                                   site_url=site_build.configured_site_url(settings.mkdocs_yml))
    pages += source_pdfs(letters, settings.content_dir)
    clock.lap("render")
    with write.reported(f"write the generated pages into {settings.docs_dir}", settings.docs_dir):
        stats = None if dry_run else write.write_docs(settings.docs_dir, pages)
    clock.lap("write")
    return BuildReport(letters=len(letters), pages=sum(p.path.endswith(".md") for p in pages),
                       furniture={l.id: l.furniture for l in letters},
                       mentions={l.id: dict(Counter(m.kind for m in l.mentions)) for l in letters},
                       warnings=[w for l in letters for w in l.warnings] + knowledge.warnings + index.warnings,
                       written=stats.written if stats else None, deleted=stats.deleted if stats else 0,
                       processed=len(loaded.processed), rendered=rendered,
                       seconds=time.perf_counter() - start, stages=clock.laps,
                       rows=[letter_row(l, kinds) for l in letters])


class _Clock:
    """Seconds per stage, for the report (`-v`) and tools/benchmark.py."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = now - self._last
        self._last = now


def load_knowledge(settings: Settings) -> Knowledge:
    """The knowledge base (missions, resolutions, countries) from content/knowledge/."""
    return build_knowledge(read_knowledge(settings.content_dir))


def load_taxonomy(settings: Settings) -> Taxonomy:
    """The themes from content/knowledge/themes.yml."""
    return build_taxonomy(*read_themes(settings.content_dir))


def load_glossary(settings: Settings) -> Glossary:
    """The abbreviations from content/knowledge/glossary.yml."""
    return build_glossary(*read_glossary(settings.content_dir))


def load_layouts(settings: Settings) -> Layouts:
    """The layouts and their page furniture from content/knowledge/layouts.yml; without that
    file, the repository's own."""
    data, path, lines = read_layouts(settings.content_dir)
    return build_layouts(data, path, lines) if path.is_file() else bundled_layouts()


def load_kinds(settings: Settings) -> Kinds:
    """The kinds of document from content/knowledge/kinds.yml (else the project's own file)."""
    return build_kinds(*read_kinds(settings.content_dir))


def load_letters(settings: Settings, progress: Progress | None = None,
                 knowledge: Knowledge | None = None, taxonomy: Taxonomy | None = None,
                 stats: dict | None = None, kinds: Kinds | None = None, refresh: bool = False,
                 glossary: Glossary | None = None) -> list[Letter]:
    """Read, clean, parse, describe and extract every letter. Fails with the problems of all letters.

    Letters unchanged since the last build come from the letter cache (generator/cache.py); the
    others are processed on all cores (generator/parallel.py). Either way the result is the same."""
    loaded = load_entries(settings, progress, knowledge, taxonomy, kinds, refresh, glossary)
    loaded.cache.prune()
    if stats is not None:
        stats.update(processed=len(loaded.processed))
    return loaded.letters


@dataclass
class Loaded:
    """The letters of a build (load_entries), with the cache they came from: each letter's key
    there, and which letters were processed in this build (the others came from the cache)."""

    letters: list[Letter]
    cache: LetterCache
    keys: list[str]                     # per letter, its entry's key in the cache
    processed: frozenset[int]           # places in `letters`


def load_entries(settings: Settings, progress: Progress | None = None,
                 knowledge: Knowledge | None = None, taxonomy: Taxonomy | None = None,
                 kinds: Kinds | None = None, refresh: bool = False, glossary: Glossary | None = None) -> Loaded:
    """load_letters, with the cache: the caller prunes it once it has used it for the pages too."""
    read_errors: list[SourceError] = []
    sources = read_sources(settings.content_dir, errors=read_errors)
    problems = [str(e) for e in read_errors]
    knowledge = knowledge or load_knowledge(settings)
    taxonomy = taxonomy or load_taxonomy(settings)
    kinds = kinds or load_kinds(settings)
    tables = make_tables(knowledge, load_glossary(settings) if glossary is None else glossary)
    layouts = load_layouts(settings)
    cache = LetterCache(settings.letter_cache, context=repr((sorted(tables.mission_names.items()), sorted(tables.body_names.items()),
                                                             sorted(tables.body_shared_names.items()),
                                                             sorted(tables.country_names.items()),
                                                             sorted(tables.mission_phases.items()),
                                                             sorted(tables.known_names), tables.years,
                                                             sorted(tables.country_since.items()), taxonomy,
                                                             layouts, kinds.fingerprint)), read=not refresh)
    keys = [cache.key(s) for s in sources]
    vocabulary = corpus_vocabulary(cache, keys, sources, settings.jobs)
    entries: list[Entry | None] = [cache.load(k) for k in keys]
    todo = [i for i, e in enumerate(entries) if not isinstance(e, Entry) or not still_valid(e, vocabulary)]
    parallel.shared(vocabulary=vocabulary, tables=tables, taxonomy=taxonomy, layouts=layouts, kinds=kinds)
    for i, result in zip(todo, parallel.ordered_map(_process, [sources[i] for i in todo], settings.jobs, progress)):
        entries[i] = result
        if isinstance(result, Entry):
            _store(cache, keys[i], result)
    letters: list[Letter] = []
    for entry in entries:
        if isinstance(entry, Entry):
            letters.append(entry.letter)
        else:
            problems.append(entry)
    problems += check_ids(letters)
    if problems:
        raise BuildError(f"{len(problems)} problem(s) in the content; nothing was built:\n"
                         + "\n".join(problems))
    return Loaded(letters, cache, keys, frozenset(todo))


def source_pdfs(letters: list[Letter], content_dir: Path) -> list[OutputPage]:
    """A PDF letter as it is, beside its page (brieven/<id>/<id>.pdf), for download. Only files
    inside the letters folder are read (read.check_inside), as when the letter was read."""
    out = []
    letters_dir = content_dir / "letters"
    for letter in letters:
        if is_pdf(letter):
            path = letter.source.path
            check_inside(path, letters_dir, "letters folder")
            with write.reported(f"read {path}", path.parent):
                out.append(OutputPage(download_path(letter.id, "pdf"), path.read_bytes()))
    return out


def make_tables(knowledge: Knowledge, glossary: Glossary | None = None) -> Tables:
    """The extractors' tables: the names of missions, countries and UN bodies, the phases of
    missions, the resolution years, and the other known names (the UN bodies' names, the glossary's
    abbreviations) that are no unknown mission."""
    bodies = body_names(knowledge)
    known = frozenset(bodies) | (frozenset(a.key for a in glossary.abbreviations) if glossary else frozenset())
    return Tables(mission_names(knowledge), country_names(knowledge), body_names=bodies,
                  body_shared_names=body_shared_names(knowledge), mission_phases=mission_phases(knowledge),
                  known_names=known, years=knowledge.years, country_since=knowledge.country_since)


def corpus_vocabulary(cache: LetterCache, keys: list[str], sources: list[Source], jobs: int | None = None) -> Vocabulary:
    """The corpus vocabulary (clean.build_vocabulary), from the cache while no letter changed.
    Else the sum of each letter's token counts (clean.token_counts: sums in any order give the
    same vocabulary), which the cache keeps per letter text: only new and changed letters are
    counted again. The counts are added one letter at a time, so only the sum stays in memory."""
    name = cache.corpus_key(keys)
    if isinstance(counts := cache.load(name), Counter):
        return vocabulary_from(counts)
    code = code_fingerprint()
    names = ["tokens-" + hashlib.sha256((code + "\0" + s.text).encode("utf-8", "surrogatepass")).hexdigest()
             for s in sources]
    counts, todo = Counter(), []
    for i, tokens in enumerate(names):
        if isinstance(part := cache.load(tokens), Counter):
            counts.update(part)
        else:
            todo.append(i)
    size = max(1, len(todo) // (4 * (jobs or parallel.default_jobs())))
    parts = [[(names[i], sources[i].text) for i in todo[n:n + size]] for n in range(0, len(todo), size)]
    parallel.shared(cache=cache)
    for part in parallel.ordered_map(_count_and_keep, parts, jobs, min_items=2):
        counts.update(part)
    parallel.shared()
    cache.keep(names[i] for i in todo)          # stored by the workers: not to be pruned
    _store(cache, name, counts)
    return vocabulary_from(counts)


def _count_and_keep(part: list[tuple[str, str]]) -> Counter:
    """(in a worker) Each text's token counts, kept in the cache under the text's name; their sum."""
    cache, total = parallel.get("cache"), Counter()
    for name, text in part:
        counts = token_counts([text])
        _store(cache, name, counts)
        total.update(counts)
    return total


def _store(cache: LetterCache, name: str, value) -> None:
    with write.reported(f"write the letter cache in {cache.folder}", cache.folder):
        cache.store(name, value)


def _process(source: Source) -> Entry | str:
    """One letter through the per-letter stages (in a worker): the cache entry, or the problem."""
    try:
        return make_entry(source, parallel.get("vocabulary"), parallel.get("tables"), parallel.get("taxonomy"),
                          layouts=parallel.get("layouts"), kinds=parallel.get("kinds"))
    except SourceError as exc:
        return str(exc)
    except Exception as exc:   # a stage failed on this letter: name the file, keep going
        return str(SourceError(
            source.path, f"cannot process this letter: {type(exc).__name__}: {exc}",
            hint="a bug in the generator or a layout it does not know: report it with this file; "
                 "to build the other letters meanwhile, move the file out of the letters folder"))


def render_letters(loaded: Loaded, index: CrossIndex, glossary: Glossary, jobs: int | None = None
                   ) -> tuple[list[OutputPage], int]:
    """Each letter's page, and how many were rendered (on all cores); the others come from the
    letter cache, stored under a key of what the page is made from (letter_page_keys). The page
    of a letter processed in this build, and the pages that list it as related, are always
    rendered: its entry may differ under the same key (cache.still_valid; --no-cache)."""
    keys = letter_page_keys(loaded, index, glossary)
    processed = {loaded.letters[i].id for i in loaded.processed}
    again = {i for i, letter in enumerate(loaded.letters)
             if letter.id in processed or any(r.letter.id in processed for r in index.related.get(letter.id, []))}
    pages = [None if i in again else loaded.cache.load(key) for i, key in enumerate(keys)]
    todo = [i for i, page in enumerate(pages) if not isinstance(page, OutputPage)]
    parallel.shared(letters=loaded.letters, index=index, glossary=glossary)
    for i, page in zip(todo, parallel.ordered_map(_render_letter, todo, jobs)):
        pages[i] = page
        _store(loaded.cache, keys[i], page)
    parallel.shared()                       # let go of the letters when generate returns
    return pages, len(todo)


def letter_page_keys(loaded: Loaded, index: CrossIndex, glossary: Glossary) -> list[str]:
    """Per letter, a key of everything its page (pages.render_letter) is made from: the letter's
    own cache key (its files, the knowledge, themes, layouts and kinds, the generator's Python),
    the generator's other files (templates), the glossary, and what the page shows of the index:
    the entities its mentions link to, its theme weights, and its related letters (their keys,
    what they share, the shared entities). An entity counts without its mentions (the other
    letters')."""
    mark = dict(zip((letter.id for letter in loaded.letters), loaded.keys))
    common = hashlib.sha256("\0".join((loaded.cache.context, code_fingerprint("*"), repr(glossary))).encode())

    @lru_cache(maxsize=None)            # a few hundred entities, tens of thousands of mentions
    def entity(kind_key: tuple[str, str]) -> str:
        found = index.entities.get(kind_key)
        shown = repr(found and [(f.name, getattr(found, f.name)) for f in fields(found) if f.name != "mentions"])
        return hashlib.sha256(shown.encode()).hexdigest()

    keys = []
    for letter in loaded.letters:
        linked = [entity(k) for k in sorted({(m.kind, m.key) for m in letter.mentions})]
        related = [(mark[r.letter.id], r.entities, r.themes, [entity(k) for k in r.entities])
                   for r in index.related.get(letter.id, [])]
        digest = common.copy()
        digest.update(repr((mark[letter.id], linked, related, index.weights.get(letter.id))).encode())
        keys.append("page-" + digest.hexdigest())
    return keys


def _render_letter(i: int) -> OutputPage:
    """A letter's page (in a worker, which has the letters and the index from its parent)."""
    return site_pages.render_letter(parallel.get("letters")[i], parallel.get("index"), parallel.get("glossary"))


def make_letter(source: Source, vocabulary=None, tables: Tables | None = None,
                taxonomy: Taxonomy | None = None, layouts: Layouts | None = None,
                kinds: Kinds | None = None) -> Letter:
    return make_entry(source, vocabulary, tables, taxonomy, layouts=layouts, kinds=kinds).letter


def make_entry(source: Source, vocabulary=None, tables: Tables | None = None,
               taxonomy: Taxonomy | None = None, layouts: Layouts | None = None,
               kinds: Kinds | None = None) -> Entry:
    cleaned = clean(source, vocabulary, layouts)
    parsed = parse_letter(cleaned, party=(kinds or default_kinds()).party)
    printed_pages.assign(parsed.blocks, cleaned.pages)
    warnings = list(source.warnings) + [f"{source.path}:{w}" for w in parsed.warnings]
    meta = infer_meta(source, parsed.blocks, warnings, kinds=kinds)
    letter = Letter(letter_id(source), source, meta, parsed.blocks, parsed.footnotes, cleaned.furniture, warnings)
    letter.warnings += dangling_refs(letter)
    qa = round_of(letter)
    letter.warnings += qa.warnings if qa else []
    letter.warnings += unknown_missions(letter, tables) if tables is not None else []
    letter.analysis = Analysis(extract_letter(letter, tables) if tables is not None else [],
                               passages(letter, taxonomy or Taxonomy()), qa)
    return Entry(letter, cleaned.hyphens)


def check_ids(letters: list[Letter]) -> list[str]:
    """Ids become page folders: each must be a plain slug, and unique."""
    first: dict[str, Letter] = {}
    problems = []
    for letter in letters:
        if not SAFE_ID.fullmatch(letter.id):
            problems.append(str(SourceError(letter.source.path, f"letter id '{letter.id}' is not a plain slug",
                                            hint="use only a-z, 0-9 and '-' in the file name")))
        elif letter.id in RESERVED_IDS:
            problems.append(str(SourceError(
                letter.source.path, f"letter id '{letter.id}' is the address of the letters overview",
                hint="rename the file; the id is made from the file name")))
        elif letter.id in first:
            problems.append(str(SourceError(
                letter.source.path, f"letter id '{letter.id}' is also the id of {first[letter.id].source.path}",
                hint="rename one of the two files; the id is made from the file name")))
        first.setdefault(letter.id, letter)
    return problems
