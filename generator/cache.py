"""The letter cache: what the per-letter stages made of a letter, kept between builds.

Cleaning, parsing and extracting a letter is most of the generator's work and depends only on
the letter's own files, the knowledge base and the generator's code, plus the corpus vocabulary
for line-end hyphens. So each processed letter is stored under a key made of all of those but the
vocabulary (`key`); the hyphen decisions it took are stored with it and checked again against
the current vocabulary (`still_valid`), so a letter whose hyphens would now be decided
differently is processed again. The corpus vocabulary itself is stored under the keys of all
letters together.

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


def code_fingerprint() -> str:
    """A hash of the generator's own Python files: new code never reads an old entry."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for path in sorted(CODE_DIR.rglob("*.py")):
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
        try:
            data = self._path(name).read_bytes()
        except OSError:
            return None
        body, mark, digest = data[:-_TRAILER], data[-_TRAILER:-32], data[-32:]
        if mark != CHECKSUM or hashlib.sha256(body).digest() != digest:
            return None
        try:
            return pickle.loads(body)
        except Exception:                          # from an incompatible version
            return None

    def store(self, name: str, value) -> None:
        """Keep `value` under `name`: written to a file of its own, then renamed into place, so a
        reader never sees half an entry. An OSError (a full disk) is raised with nothing left behind."""
        if self.folder is None:
            return
        self._used.add(name)
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = self._path(name)
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


def _write(f, data: bytes) -> None:
    """f.write(data), apart so tests can fill the disk here."""
    f.write(data)
