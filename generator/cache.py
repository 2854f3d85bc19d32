"""The letter cache: what the per-letter stages made of a letter, kept between builds.

Cleaning, parsing and extracting a letter is most of the generator's work and depends only on
the letter's own files, the knowledge base and the generator's code, plus the corpus vocabulary
for line-end hyphens. So each processed letter is stored under a key made of all of those but the
vocabulary (`key`); the hyphen decisions it took are stored with it and checked again against
the current vocabulary (`still_valid`), so a letter whose hyphens would now be decided
differently is processed again. The corpus vocabulary itself is stored under the keys of all
letters together.

Rendered letter pages are kept in the same folder, under a key of what each page is made from
(pipeline.letter_page_keys), so a build renders only the letter pages whose inputs changed. And
after each generation, the state of the generator (`GenerateState`: a digest of all its inputs,
the files of the docs folder and of the cache, and its report) lets the next build skip all of
its work when nothing changed (pipeline._generate_unless_unchanged).

The cache is a folder of pickles written by this program only (default `build/docs.cache/`,
beside the docs folder; never committed); entries not used by a build are removed at its end.
Each entry ends in the SHA-256 of its pickle (`CHECKSUM`), checked before the pickle is loaded:
an entry damaged or edited on disk counts as missing and is made again. `--no-cache`
(`LetterCache(read=False)`) reads no entry and writes every one again; deleting the folder
starts from nothing too.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .clean import Vocabulary, decided_again
from .model import Letter, Source

FORMAT = 2                     # bump when the pickled shape changes in a way the code hash misses
CODE_DIR = Path(__file__).parent
# An entry is the pickle, then CHECKSUM, then the SHA-256 of the pickle (32 bytes). pickle.loads
# stops at the pickle's end, so an entry still loads as a plain pickle.
CHECKSUM = b"\n#vn-brieven-sha256:"
_TRAILER = len(CHECKSUM) + 32


def code_fingerprint(pattern: str = "*.py") -> str:
    """A hash of the generator's own Python files: new code never reads an old entry. With
    pattern "*", of every file of the generator (its templates too), __pycache__ aside."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for path in sorted(CODE_DIR.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(CODE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass
class Entry:
    letter: Letter
    hyphens: tuple[tuple, ...]


def still_valid(entry: Entry, vocabulary: Vocabulary | None) -> bool:
    """True when the vocabulary decides every hyphen of the cached letter as it did then."""
    return decided_again(entry.hyphens, vocabulary)


@dataclass
class LetterCache:
    folder: Path | None                   # None: no cache (every letter is processed)
    context: str = ""                     # what every letter depends on (knowledge, themes, …)
    read: bool = True                     # False (--no-cache): load nothing, store everything again
    _used: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.context = hashlib.sha256((code_fingerprint() + "\0" + self.context).encode()).hexdigest()

    def key(self, source: Source) -> str:
        digest = hashlib.sha256(self.context.encode())
        sidecar = json.dumps(source.sidecar, sort_keys=True, default=str, ensure_ascii=False)
        # the read-time warnings too (control characters normalised at reading leave the text the
        # same as a file already written without them, but the letter's warnings differ)
        for part in (str(source.path), str(source.sidecar_path or ""), sidecar, source.text,
                     "\n".join(source.warnings)):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def _path(self, name: str) -> Path:
        assert self.folder is not None
        return self.folder / name[:2] / f"{name}.pickle"

    def load(self, name: str):
        """The value stored under `name`, or None (no cache, not read, no entry, or one that is
        damaged, edited or from an incompatible version)."""
        if self.folder is None:
            return None
        self._used.add(name)
        if not self.read:
            return None
        return load_checked(self._path(name))

    def store(self, name: str, value) -> None:
        """Keep `value` under `name`: written to a file of its own, then renamed into place, so a
        reader never sees half an entry. An OSError (a full disk) is raised with nothing left behind."""
        if self.folder is None:
            return
        self._used.add(name)
        store_checked(self._path(name), value)

    def keep(self, names) -> None:
        """Count `names` as used by this build (stored by worker processes): prune keeps them."""
        self._used.update(names)

    def prune(self) -> int:
        """Remove the entries this build did not use, and the temporary files of builds that were
        killed (the build holds the cache's lock, so no other build is writing); the number of
        entries removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob("*/*.pickle"):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)
                removed += 1
        for path in self.folder.glob("*/.*.tmp"):
            path.unlink(missing_ok=True)
        return removed

    @staticmethod
    def corpus_key(keys: list[str]) -> str:
        return "vocabulary-" + hashlib.sha256("\n".join(keys).encode()).hexdigest()


def load_checked(path: Path):
    """The value pickled in `path` by store_checked, or None (no file, or one that is damaged,
    edited or from an incompatible version)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body, mark, digest = data[:-_TRAILER], data[-_TRAILER:-32], data[-32:]
    if mark != CHECKSUM or hashlib.sha256(body).digest() != digest:
        return None
    try:
        return pickle.loads(body)
    except Exception:                          # from an incompatible version
        return None


def store_checked(path: Path, value) -> None:
    """`value` pickled, with its checksum, into `path`: written to a file of its own, then renamed
    into place, so a reader never sees half of it. An OSError (a full disk) is raised with
    nothing left behind."""
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "xb") as f:
            _write(f, body)
            _write(f, CHECKSUM + hashlib.sha256(body).digest())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _write(f, data: bytes) -> None:
    """f.write(data), apart so tests can fill the disk here."""
    f.write(data)


# --- the generator's fast path: nothing changed since the last build ----------------------------

GENERATE_STATE = "generate-state.pickle"      # in the cache folder, beside the entries' folders


def files_digest(roots: list[Path]) -> str | None:
    """A digest of the files under `roots` (folders or single files, missing ones too): every
    file's path, size and SHA-256 of its bytes, hidden files included (a hidden letter is an
    error, so it matters too). Contents are hashed, not trusted by their times: at 2,000 letters
    that is some 90 MB read in well under a second. None (no digest: the caller builds as
    usual) when a symbolic link to a folder is found, which would need following."""
    digest = hashlib.sha256()
    for root in roots:
        digest.update(b"root\0" + str(root).encode("utf-8", "surrogateescape") + b"\0")
        if root.is_symlink() and root.is_dir():
            return None
        if root.is_file():
            digest.update(_file_part(root, ""))
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in dirs:
                if os.path.islink(os.path.join(folder, name)):
                    return None
            for name in sorted(files):
                path = Path(folder, name)
                digest.update(_file_part(path, path.relative_to(root).as_posix()))
    return digest.hexdigest()


def _file_part(path: Path, name: str) -> bytes:
    link = os.readlink(path) if path.is_symlink() else ""
    try:
        data = path.read_bytes()
    except OSError:                   # a dangling link, no permission: its name and link still count
        data = None
    content = hashlib.sha256(data).hexdigest() if data is not None else "unreadable"
    return f"{name}\0{link}\0{len(data) if data is not None else -1}\0{content}\n".encode("utf-8", "surrogateescape")


@dataclass
class GenerateState:
    """What the last complete generation was made from and what it left, for the fast path
    (pipeline.generate): `inputs` (pipeline.generator_inputs: the sources, knowledge, hand-written
    pages, settings, the generator's code and library versions), `docs` and `cache` (the docs
    folder's and the letter cache's files with sizes and times, write.manifest) and `report`
    (that generation's report). Stored in the cache folder after the docs were written, removed
    before they are written again."""

    inputs: str
    docs: dict
    cache: dict
    report: object

    @staticmethod
    def path(cache_dir: Path) -> Path:
        return cache_dir / GENERATE_STATE

    @classmethod
    def load(cls, cache_dir: Path) -> "GenerateState | None":
        state = load_checked(cls.path(cache_dir))
        return state if isinstance(state, cls) else None

    def save(self, cache_dir: Path) -> None:
        store_checked(self.path(cache_dir), self)
