"""Pages -> docs folder -> site folder. With read.py the only module that touches the disk.

- `write_docs` mirrors the generated files into the docs folder: a file is rewritten only when
  its bytes change, files no longer generated are deleted.
- `staged_dir` + `build_site` build the site into a temporary folder next to the target and swap
  it in only when everything succeeded; a failed build leaves the previous site untouched.
- `locked` keeps two builds off the same folders (a lock file beside each, `lock_path`);
  `remove_leftovers` removes what a killed build left beside the site; `manifest` lists a
  folder's files with their sizes and times (the site state of pipeline.build); `os_problem`
  turns a full disk or a folder without permission into one message.
"""
from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
import tempfile
import uuid
import zlib
from contextlib import contextmanager
from functools import partial
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import parallel
from .errors import BuildError
from .model import OutputPage
from .read import check_inside

try:
    import fcntl
except ImportError:                     # not on a POSIX system: builds are not locked there
    fcntl = None

DOCS_MARKER = ".vn-brieven-docs"   # marks a folder this generator owns (MkDocs skips dotfiles)
SITE_MARKER = ".vn-brieven-site"
HOME_INTRO = "home.md"             # in the pages folder: the home page's intro, not a page itself
# MkDocs stamps the build date into sitemap.xml.gz (the gzip header) and, once mkdocs.yml has a
# site_url, into sitemap.xml (<lastmod>). It takes that date from SOURCE_DATE_EPOCH when set, so
# the build pins it: the same input gives the same bytes on any day. 0 is gzip's "no time stamp";
# if site_url is ever set, let CI export SOURCE_DATE_EPOCH (e.g. the last commit's time) instead.
BUILD_EPOCH = "0"


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    deleted: int


# --- hand-written pages ----------------------------------------------------------------------------

def hand_written_pages(pages_dir: Path) -> tuple[str, list[OutputPage]]:
    """(home intro, the other pages) from the pages folder, copied as they are."""
    intro, pages = "", []
    for path in sorted(pages_dir.rglob("*.md")):
        check_inside(path, pages_dir, "pages folder")     # a link to a file elsewhere is refused
        rel = path.relative_to(pages_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel == HOME_INTRO:
            intro = text
        else:
            pages.append(OutputPage(rel, text))
    return intro, pages


# The open data (data/*.json) is made with the other pages: generator/pages/data.py.


# --- docs folder -----------------------------------------------------------------------------------

def write_docs(docs_dir: Path, pages: list[OutputPage]) -> WriteStats:
    """Make docs_dir hold exactly `pages`. Unchanged files keep their mtime; stale ones go."""
    _claim(docs_dir, DOCS_MARKER)
    by_path: dict[str, OutputPage] = {}
    for page in pages:
        if page.path in by_path:
            raise BuildError(f"two generated files would both be {docs_dir / page.path}")
        by_path[page.path] = page
    written = unchanged = deleted = 0
    for rel in sorted(by_path):
        data = by_path[rel].text.encode("utf-8")          # one at a time: the site's text is big
        path = docs_dir / rel
        if path.is_file() and path.read_bytes() == data:
            unchanged += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_file(path, data)
        written += 1
    for path in sorted(docs_dir.rglob("*"), reverse=True):     # children before their folders
        rel = path.relative_to(docs_dir).as_posix()
        if path.is_file() and is_temporary(path.name):
            path.unlink()                                      # of a build that was killed
        elif path.is_file() and rel not in by_path and rel != DOCS_MARKER:
            path.unlink()
            deleted += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return WriteStats(written, unchanged, deleted)


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to a new file of a name no other process uses, then rename it to `path`: a
    reader never sees half a file. On any error (a full disk) the new file is removed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "xb") as f:
            _write(f, data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def is_temporary(name: str) -> bool:
    """A file replace_file (or the older fixed `.{name}.tmp`) writes before renaming it."""
    return name.startswith(".") and name.endswith(".tmp")


def _write(f, data: bytes) -> None:
    """f.write(data), apart so tests can fill the disk here."""
    f.write(data)


def _claim(folder: Path, marker: str) -> None:
    """Refuse to manage a non-empty folder this generator did not create."""
    if folder.exists() and any(folder.iterdir()) and not (folder / marker).exists():
        raise BuildError(f"{folder} exists and was not made by the generator; refusing to overwrite it\n"
                         f"  hint: choose another folder or remove {folder} yourself")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / marker).touch()


# --- site folder -----------------------------------------------------------------------------------

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


# --- locks, leftovers, disk problems -----------------------------------------------------------------

LOCK_SUFFIX = ".lock"
_held: dict[Path, int] = {}             # lock file -> descriptor, of the locks this process holds


def lock_path(folder: Path) -> Path:
    """The lock file of a folder the build writes (docs, cache, site): beside it, so it outlives a
    swap of the folder."""
    folder = Path(folder).resolve()
    return folder.with_name(f".{folder.name}{LOCK_SUFFIX}")


@contextmanager
def locked(*folders: Path | None) -> Iterator[None]:
    """Hold the lock of each folder (None: skipped) while the block runs, or fail at once with
    BuildError "another build is running (pid N)". The lock is the kernel's (flock) on the lock
    file: it goes with the process that holds it, also on kill -9, so a lock never goes stale.
    A folder this process holds already is not locked again (build -> generate)."""
    taken: list[tuple[Path, int]] = []
    try:
        for folder in dict.fromkeys(f for f in folders if f is not None):
            path = lock_path(folder)
            if path not in _held:
                _held[path] = _lock(path)
                taken.append((path, _held[path]))
        yield
    finally:
        for path, fd in reversed(taken):
            del _held[path]
            try:
                path.unlink(missing_ok=True)        # first: a build waiting on this file then sees it go
            finally:
                os.close(fd)


def _lock(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            folder = path.with_name(path.name[1:-len(LOCK_SUFFIX)])
            raise BuildError(f"another build is running (pid {owner}): it holds {path}, the lock of {folder}\n"
                             "  hint: wait for it to finish and build again; only one build at a time can "
                             "write these folders") from None
        except BaseException:
            os.close(fd)
            raise
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:                    # else the holder removed the file as we took it: take the new one
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            return fd
        os.close(fd)


def os_problem(exc: OSError, doing: str, folder: Path) -> str:
    """One message for an OSError while writing `folder`: what failed, where, and what to do."""
    where = exc.filename or folder
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "the disk is full"
        hint = f"free some space on the disk that holds {folder} (or choose a folder on another disk) and build again"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        what = "permission denied"
        hint = f"make {folder} writable for this user, or choose another folder (--site, --docs, --cache)"
    elif exc.errno == errno.EROFS:
        what = "the file system is read-only"
        hint = f"choose a folder on a writable disk instead of {folder} (--site, --docs, --cache)"
    else:
        what = exc.strerror or type(exc).__name__
        hint = f"check that {folder} can be written"
    return (f"cannot {doing}: {what}: {where}\n"
            f"  hint: {hint}; the previous site is left as it was")


def manifest(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` but dotfiles at any depth (markers, locks, temporary files):
    relative path -> (size, modification time in ns). Only stats, no reads: cheap at any size."""
    found: dict[str, tuple[int, int]] = {}
    root = Path(folder)

    def walk(path: str, prefix: str) -> None:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                else:
                    info = entry.stat(follow_symlinks=False)
                    found[prefix + entry.name] = (info.st_size, info.st_mtime_ns)
    if root.is_dir():
        walk(str(root), "")
    return found


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
    and the anchors of the pages it rendered with their links to anchors on other pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")   # no end-of-life banner in our report
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    quiet = _NotTheDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch or BUILD_EPOCH
    anchors: dict[str, set[str]] = {}
    links: dict[str, dict[str, dict[str, str]]] = {}
    level = logging.WARNING
    try:
        config = load_config(config_file=str(mkdocs_yml), docs_dir=str(Path(docs_dir).resolve()),
                             site_dir=str(Path(site_dir).resolve()), strict=strict)
        level = config.validation.links.anchors
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            with _share(part, parts, dirty, anchors, links):
                build(config, dirty=dirty or parts > 1)
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
    return collect.messages, (anchors, links, level)


def share_of(src_uri: str, parts: int) -> int:
    """Which of `parts` builds renders this file: by a checksum of its path, the same in every
    process and every run."""
    return zlib.crc32(src_uri.encode("utf-8")) % parts


@contextmanager
def _share(part: int, parts: int, dirty: bool, anchors: dict, links: dict) -> Iterator[None]:
    """Adjust MkDocs for one build of a share, and for memory:

    - a file of another share counts as not modified, so this build neither renders nor copies it
      (MkDocs' own --dirty mechanism); without `dirty` every file of this share counts as modified;
    - only share 0 writes the theme's own pages (404.html, sitemap.xml);
    - a page outside the navigation is read and converted right before it is written, and let
      go of (Markdown and HTML) once written: MkDocs converts every page first and keeps them all
      to the end, the whole site in memory. Only the pages of the (short) navigation are read
      first, as other pages show their titles; their anchors and links stay for the checks;
    - the anchors of every rendered page and its links to anchors elsewhere are recorded."""
    from mkdocs.commands import build as mk
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    is_modified, build_page, theme_template = File.is_modified, mk._build_page, mk._build_theme_template
    validate, populate, navigation = Page.validate_anchor_links, mk._populate_page, mk.get_navigation
    in_nav: set[int] = set()
    later: dict[int, tuple] = {}

    def modified(file) -> bool:
        if parts > 1 and share_of(file.src_uri, parts) != part:
            return False
        return is_modified(file) if dirty else True

    def get_navigation(files, config):
        nav = navigation(files, config)
        in_nav.update(id(page) for page in nav.pages)
        return nav

    def populate_nav_pages(page, config, files, dirty=False):
        if id(page) in in_nav:
            populate(page, config, files, dirty)
        else:
            later[id(page)] = (config, files, dirty)

    def lean_build_page(page, *args, **kwargs):
        if (deferred := later.pop(id(page), None)) is not None:
            populate(page, *deferred)
        build_page(page, *args, **kwargs)
        page.markdown = page.content = None

    def theme_page(*args, **kwargs):
        if part == 0:
            theme_template(*args, **kwargs)

    def record(page, *, files, log_level):
        if page.present_anchor_ids is not None:
            anchors[page.file.src_uri] = set(page.present_anchor_ids)
            if page.links_to_anchors:
                links[page.file.src_uri] = {f.src_uri: dict(found) for f, found in page.links_to_anchors.items()}
        return validate(page, files=files, log_level=log_level)

    File.is_modified, mk._build_page, mk._build_theme_template = modified, lean_build_page, theme_page
    Page.validate_anchor_links, mk._populate_page, mk.get_navigation = record, populate_nav_pages, get_navigation
    try:
        yield
    finally:
        File.is_modified, mk._build_page, mk._build_theme_template = is_modified, build_page, theme_template
        Page.validate_anchor_links, mk._populate_page, mk.get_navigation = validate, populate, navigation


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
