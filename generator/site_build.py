"""The site: the only module that talks to MkDocs. A writing stage: it writes site/ (through a
staging folder beside it; MkDocs and Pagefind write into that folder) and the site state in the
cache folder; it reads mkdocs.yml and overrides/ (for the site state), the state file, and the
lists of files of the docs folder and the site.

- `update_site` (called by pipeline.build once the docs folder is written): decides from the
  site state whether the site can stay as it is, be rebuilt from a copy of itself (only changed
  pages rendered: MkDocs' --dirty), or must be built whole; builds it in a staging folder with
  MkDocs and Pagefind (search.py: the index is checked before the swap); swaps it in; records
  the new site state (`SiteState`).
- `build_site` runs MkDocs, as one process per core for a large site (`_build_part`), each with
  the plugin mkdocs_ext/share.py for its share, and checks links to anchors across the shares.
- `staged_dir` builds into a temporary folder next to the target and swaps it in only when
  everything succeeded; a failed build leaves the previous site untouched. `remove_leftovers`
  removes what a killed build left beside the site.
- `serve_site`: MkDocs' development server on the docs folder.
- `configured_site_url`: the site's address as mkdocs.yml gives it (for the letters' exports).

What MkDocs loads itself (the hook, the Markdown extensions, the plugin) is in mkdocs_ext/.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Iterator

import yaml

from . import parallel, search, write
from .cache import code_fingerprint
from .config import Settings
from .errors import BuildError
from .report import BuildReport

SITE_MARKER = ".vn-brieven-site"
# MkDocs stamps the build date into sitemap.xml.gz (the gzip header) and, once mkdocs.yml has a
# site_url, into sitemap.xml (<lastmod>). It takes that date from SOURCE_DATE_EPOCH when set, so
# the build pins it: the same input gives the same bytes on any day. 0 is gzip's "no time stamp";
# if site_url is ever set, let CI export SOURCE_DATE_EPOCH (e.g. the last commit's time) instead.
BUILD_EPOCH = "0"
SITE_STATE = "site-state.json"
# From this many pages on, MkDocs runs as one process per core (build_site); below it,
# starting the processes costs more than they save.
MKDOCS_PARALLEL_PAGES = 400


# --- the site of a build ---------------------------------------------------------------------------

def update_site(settings: Settings, report: BuildReport, refresh: bool = False) -> None:
    """Bring site/ up to date with the docs folder pipeline.generate just wrote (`report` is its
    report, completed here: incremental, site_unchanged, site_dir, warnings, search).

    When the site there is the one the previous build made (its state file says so, and site/
    still has exactly the files that build left: `SiteState`), MkDocs starts from a copy of it
    and renders only the changed pages; when not even a docs file changed, the site is left as
    it is. `refresh` (--no-cache): MkDocs builds every page. The caller holds the locks."""
    state_file = settings.letter_cache / SITE_STATE if settings.letter_cache else None
    state = SiteState(site_state(settings), write.manifest(settings.docs_dir), "")
    previous = None if refresh or state_file is None else SiteState.load(state_file)
    site_kept = bool(previous and previous.config == state.config and settings.site_dir.is_dir()
                     and previous.site == site_digest(settings.site_dir))
    # a page that went away since (also through `serve`, or a build that was killed) would stay
    report.incremental = site_kept and previous.docs.keys() <= state.docs.keys()
    if report.incremental and not report.written and previous.docs == state.docs:
        # same configuration, theme and code, the site holds what that build left, and the docs
        # are what it was built from: it is what MkDocs and Pagefind would make again
        report.site_dir, report.site_unchanged = settings.site_dir, True
        return
    if state_file:
        with write.reported("write the site state", state_file.parent):
            state_file.unlink(missing_ok=True)      # a failed or interrupted build: next one is full
    with write.reported(f"build the site in {settings.site_dir}", settings.site_dir.parent):
        with staged_dir(settings.site_dir, seed=report.incremental) as staging:
            jobs = (settings.jobs or parallel.default_jobs()) if report.pages >= MKDOCS_PARALLEL_PAGES else 1
            report.warnings += build_site(settings.mkdocs_yml, settings.docs_dir, staging, settings.strict,
                                          dirty=report.incremental, jobs=jobs)
            report.search = search.index_site(staging)
    if state_file:
        state.site = site_digest(settings.site_dir)
        try:
            state.save(state_file)
        except OSError as exc:              # the site is complete; the next build is a full one
            report.warnings.append(f"{state_file}: the site state could not be recorded ({exc.strerror}), "
                                   "so the next build builds the whole site")
    report.site_dir = settings.site_dir


def site_state(settings: Settings) -> str:
    """What every page of the site depends on besides its own Markdown: the MkDocs configuration,
    the theme overrides, the generator's code (Markdown extensions, hooks) and the versions of
    MkDocs and its plugins. A build may reuse the previous site only when this is unchanged."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    project = settings.mkdocs_yml.resolve().parent
    for path in [settings.mkdocs_yml.resolve()] + sorted((project / "overrides").rglob("*")):
        if path.is_file():
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(code_fingerprint().encode())
    for package in ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown"):
        digest.update(f"{package}={version(package)}".encode())
    digest.update(str(settings.site_dir.resolve()).encode() + str(settings.docs_dir.resolve()).encode())
    return digest.hexdigest()


class SiteState:
    """What the site in site/ was built from and what it holds, written (in the cache folder)
    only after a complete build was swapped in: `config` (site_state), `docs` (the docs folder's
    files with sizes and times, write.manifest) and `site` (a digest of the same list of the
    site, site_digest). A build reuses the site only when all of it still holds; listing the
    files costs a stat per file, no reads, at any size."""

    def __init__(self, config: str, docs: dict, site: str) -> None:
        self.config, self.docs, self.site = config, docs, site

    @classmethod
    def load(cls, path: Path) -> "SiteState | None":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["config"], {k: tuple(v) for k, v in data["docs"].items()}, data["site"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"config": self.config, "site": self.site, "docs": self.docs}, sort_keys=True)
        write.replace_file(path, data.encode("utf-8"))


def site_digest(site_dir: Path) -> str:
    """A digest of the site's list of files with their sizes and modification times."""
    return hashlib.sha256(json.dumps(sorted(write.manifest(site_dir).items())).encode()).hexdigest()


# --- staging and swap ------------------------------------------------------------------------------

@contextmanager
def staged_dir(target: Path, seed: bool = False) -> Iterator[Path]:
    """A temporary folder next to `target` that replaces it when the block succeeds.

    On any exception the temporary folder is removed and `target` is left as it was. With
    `seed`, the temporary folder starts as a copy of `target` (modification times kept), for a
    build that only rewrites what changed.
    """
    target = Path(target)
    if target.exists() and any(target.iterdir()) and not (target / SITE_MARKER).exists():
        raise BuildError(f"{target} exists and was not built by the generator; refusing to replace it\n"
                         f"  hint: choose another --site folder or remove {target} yourself")
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-{os.getpid()}-", dir=target.parent))
    try:
        if seed and target.is_dir():
            shutil.copytree(target, new, dirs_exist_ok=True, symlinks=True)
            _writable(new)              # the copy took the folders' modes: a read-only site/ too
        yield new
        (new / SITE_MARKER).touch()
    except BaseException:
        remove_tree(new)
        raise
    _swap(new, target)


def staging_names(target: Path) -> tuple[str, str]:
    """The name patterns of the folders staged_dir and _swap make beside `target`."""
    return f".{target.name}.new-*", f".{target.name}.old-*"


def remove_leftovers(target: Path) -> list[Path]:
    """Remove the staging folders beside `target` that a killed build left (kill -9, a power cut):
    call only while holding `target`'s lock (`locked`), when no other build can be using them.
    Returns what was removed."""
    target = Path(target)
    if not target.parent.is_dir():
        return []
    found = sorted(p for pattern in staging_names(target) for p in target.parent.glob(pattern) if p.is_dir())
    for folder in found:
        remove_tree(folder)
    return found


def remove_tree(folder: Path) -> None:
    """shutil.rmtree that also removes what a read-only folder holds (it makes the folder
    writable first); whatever still cannot be removed stays, for the next build to try again."""
    top = os.path.abspath(folder)

    def retry(function, path, _exc_info):
        parent = os.path.dirname(os.path.abspath(path))
        if parent != top and not parent.startswith(top + os.sep):
            return                      # never change a folder outside the one being removed
        try:
            os.chmod(parent, os.stat(parent).st_mode | stat.S_IRWXU)
            function(path)
        except OSError:
            pass
    shutil.rmtree(folder, onerror=retry)


def _writable(folder: Path) -> None:
    """Give the owner write permission on `folder` and every folder in it."""
    for root, dirs, _files in os.walk(folder):
        for path in [root] + [os.path.join(root, d) for d in dirs]:
            mode = os.stat(path).st_mode
            if mode & stat.S_IRWXU != stat.S_IRWXU:
                os.chmod(path, mode | stat.S_IRWXU)


def _swap(new: Path, target: Path) -> None:
    """new -> target; the old target is moved aside first and removed last."""
    old = new.with_name(new.name.replace(".new-", ".old-"))
    if target.exists():
        os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        if old.exists():
            os.rename(old, target)
        remove_tree(new)
        raise
    remove_tree(old)                    # if that fails, the next build removes it (remove_leftovers)



# --- MkDocs ----------------------------------------------------------------------------------------

class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname.lower()}: {record.getMessage()}")


class _NotTheDirtyWarning(logging.Filter):
    """MkDocs warns that a --dirty build may leave navigation stale. Ours is not: the navigation
    is short and fixed, and a build is only dirty when nothing but docs pages changed (pipeline)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def build_site(mkdocs_yml: Path, docs_dir: Path, site_dir: Path, strict: bool = True, dirty: bool = False,
               jobs: int = 1) -> list[str]:
    """Run MkDocs on docs_dir into site_dir. Returns MkDocs' warnings; raises BuildError on failure
    (in strict mode any warning fails the build, and the message lists all of them).

    `dirty`: site_dir holds the previous build; MkDocs renders only the pages whose Markdown is
    newer than their HTML (it still reads the configuration, lists every file and builds the
    navigation, sitemap and 404 page).

    `jobs` > 1: that many MkDocs processes build the site together, each the pages (and static
    files) of its share (`_build_part`). Each checks the links of its own pages as usual; links to
    an anchor on a page of another share are checked here afterwards, as MkDocs would."""
    if jobs <= 1:
        messages, _ = _build_part(mkdocs_yml, docs_dir, site_dir, strict, dirty, 0)
        return messages
    # one process per share; a BuildError of a share is raised here
    results = parallel.ordered_map(partial(_build_part, mkdocs_yml, docs_dir, site_dir, strict, dirty, parts=jobs),
                                   range(jobs), jobs, min_items=1)
    messages = list(dict.fromkeys(m for part_messages, _ in results for m in part_messages))
    anchors: dict[str, set[str]] = {}
    links: dict[str, dict[str, dict[str, str]]] = {}
    level = logging.WARNING
    for _, (part_anchors, part_links, level) in results:
        anchors.update(part_anchors)
        links.update(part_links)
    problems = [f"{logging.getLevelName(level).lower()}: Doc file '{source}' contains a link '{link}', but the doc "
                f"'{target}' does not contain an anchor '#{anchor}'."
                for source, targets in sorted(links.items()) for target, wanted in sorted(targets.items())
                if target in anchors and target != source
                for anchor, link in sorted(wanted.items()) if anchor not in anchors[target]]
    messages += [p for p in problems if p not in messages]
    if strict and problems and level >= logging.WARNING:
        raise BuildError("MkDocs build failed: links to anchors that do not exist" + "".join(f"\n  {m}" for m in problems)
                         + "\n  hint: a page named there is in the docs folder: fix a hand-written one in the pages "
                           "folder, a generated one in the letter or generator/templates/")
    return messages


def _build_part(mkdocs_yml: Path, docs_dir: Path, site_dir: Path, strict: bool, dirty: bool,
                part: int, parts: int = 1) -> tuple[list[str], tuple[dict, dict, int]]:
    """One MkDocs build of the share `part` of `parts` (all of it when parts == 1): its warnings,
    and the anchors of the pages it rendered with their links to anchors on other pages
    (recorded by the plugin mkdocs_ext/share.py, which this build adds to the configuration)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils import clean_directory

    from .mkdocs_ext.share import SharePlugin

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")   # no end-of-life banner in our report
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    quiet = _NotTheDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch or BUILD_EPOCH
    share = SharePlugin()
    level = logging.WARNING
    try:
        config = load_config(config_file=str(mkdocs_yml), docs_dir=str(Path(docs_dir).resolve()),
                             site_dir=str(Path(site_dir).resolve()), strict=strict)
        level = config.validation.links.anchors
        errors, _ = share.load_config({"part": part, "parts": parts})
        if errors:
            raise BuildError(f"{SharePlugin.NAME}: {errors}")
        config.plugins[SharePlugin.NAME] = share
        if not dirty and parts == 1:
            clean_directory(config.site_dir)        # what MkDocs does in a build that is not dirty
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=True)               # the plugin decides what is written (share.py)
        finally:
            config.plugins.on_shutdown()
    except OSError:
        raise                           # a full disk, a folder without permission: pipeline.build says so
    except Exception as exc:
        details = "".join(f"\n  {m}" for m in collect.messages)
        where = _where(exc)
        hint = ("\n  hint: fix that theme template (the project's own are in overrides/)" if where else
                "\n  hint: the site is built strict, so every warning above fails it; a page named there is "
                "in the docs folder: fix a hand-written one in the pages folder, a generated one in the "
                "letter or generator/templates/" if collect.messages else "")
        raise BuildError(f"MkDocs build failed: {where}{exc}{details}{hint}") from exc
    finally:
        logger.removeHandler(collect)
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    return collect.messages, (share.anchors, share.links, level)


def _where(exc: Exception) -> str:
    """'file:line: ' of the theme template an error comes from (Jinja names template files in its
    tracebacks and syntax errors), so a broken override in overrides/ is named; else ''."""
    filename, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".html"):
            filename, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next
    return f"{filename}:{line}: " if filename and str(filename).endswith(".html") else ""


def configured_site_url(mkdocs_yml: Path) -> str:
    """The site's address as mkdocs.yml gives it (`site_url`), '' when not set or unreadable: the
    exports of a letter (pages/cite.py) give its page's full address only when it is known.
    Tags such as !ENV are read as nothing."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=Loader)   # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError):
        return ""
    url = config.get("site_url") if isinstance(config, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else ""


def serve_site(mkdocs_yml: Path, docs_dir: Path, dev_addr: str | None = None) -> None:
    """MkDocs' development server on the generated docs folder (blocks until Ctrl-C)."""
    from mkdocs.commands.serve import serve

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    options = {"dev_addr": dev_addr} if dev_addr else {}
    show = logging.StreamHandler()                      # MkDocs' warnings while it rebuilds
    show.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(show)
    print(f"serving {docs_dir} on http://{dev_addr or '127.0.0.1:8000'}/ (Ctrl-C to stop)", flush=True)
    try:
        serve(config_file=str(mkdocs_yml), docs_dir=str(Path(docs_dir).resolve()), **options)
    except Exception as exc:
        raise BuildError(f"MkDocs serve failed: {exc}") from exc
