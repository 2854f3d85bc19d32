"""Pages -> docs folder. A writing stage: it writes the docs folder, lock files beside the
folders a build writes, and (replace_file) single files for the other writing stages; it reads
the hand-written pages and the docs folder it writes. The site folder is site_build.py's.

- `write_docs` mirrors the generated files into the docs folder: a file is rewritten only when
  its bytes change, files no longer generated are deleted.
- `locked` keeps two builds off the same folders (a lock file beside each, `lock_path`);
  `manifest` lists a folder's files with their sizes and times (for site_build's site state);
  `os_problem` and `reported` turn a full disk or a folder without permission into one message.
"""
from __future__ import annotations

import errno
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import BuildError
from .model import OutputPage
from .read import check_inside

try:
    import fcntl
except ImportError:                     # not on a POSIX system: builds are not locked there
    fcntl = None

DOCS_MARKER = ".vn-brieven-docs"   # marks a folder this generator owns (MkDocs skips dotfiles)
HOME_INTRO = "home.md"             # in the pages folder: the home page's intro, not a page itself


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
        text = by_path[rel].text
        data = text if isinstance(text, bytes) else text.encode("utf-8")   # one at a time: the site's text is big
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


# --- locks, disk problems -----------------------------------------------------------------------

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


@contextmanager
def reported(doing: str, folder: Path | None = None) -> Iterator[None]:
    """An OSError in the block (a full disk, a folder without permission) becomes one BuildError
    saying what could not be done, where (the file, else `folder`), and what to do about `folder`
    (default: the folder of the file)."""
    try:
        yield
    except OSError as exc:
        if folder is None:
            folder = Path(exc.filename).parent if exc.filename else Path.cwd()
        raise BuildError(os_problem(exc, doing, folder)) from exc


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


