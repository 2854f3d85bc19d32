"""The letter cache: what the per-letter stages made of a letter, kept between builds.

Cleaning, parsing and extracting a letter is most of the generator's work and depends only on
the letter's own files, the knowledge base and the generator's code, plus the corpus vocabulary
for line-end hyphens. So each processed letter is stored under a key made of all of those but the
vocabulary (`key`); the hyphen decisions it took are stored with it and checked again against
the current vocabulary (`still_valid`), so a letter whose hyphens would now be decided
differently is processed again. The corpus vocabulary itself is stored under the keys of all
letters together.

The cache is a folder of pickles written by this program only (default `build/docs.cache/`,
beside the docs folder; never committed); entries not used by a build are removed at its end. Delete the folder, or build with
`--no-cache`, to start from nothing; a damaged entry is ignored and made again.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from .clean import Vocabulary, decided_again
from .model import Letter, Source

FORMAT = 1                     # bump when the pickled shape changes in a way the code hash misses
CODE_DIR = Path(__file__).parent


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
    _used: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.context = hashlib.sha256((code_fingerprint() + "\0" + self.context).encode()).hexdigest()

    def key(self, source: Source) -> str:
        digest = hashlib.sha256(self.context.encode())
        sidecar = json.dumps(source.sidecar, sort_keys=True, default=str, ensure_ascii=False)
        for part in (str(source.path), str(source.sidecar_path or ""), sidecar, source.text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def _path(self, name: str) -> Path:
        assert self.folder is not None
        return self.folder / name[:2] / f"{name}.pickle"

    def load(self, name: str):
        """The value stored under `name`, or None (no cache, no entry, or an unreadable one)."""
        if self.folder is None:
            return None
        self._used.add(name)
        try:
            with open(self._path(name), "rb") as f:
                return pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception:                          # damaged or from an incompatible version
            return None

    def store(self, name: str, value) -> None:
        if self.folder is None:
            return
        self._used.add(name)
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def prune(self) -> int:
        """Remove the entries this build did not use; the number removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob("*/*.pickle"):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    @staticmethod
    def corpus_key(keys: list[str]) -> str:
        return "vocabulary-" + hashlib.sha256("\n".join(keys).encode()).hexdigest()
