"""Run one function over many items on all cores, in order: `ordered_map`.

The per-letter stages (clean, parse, describe, extract) do not depend on each other, so they run
in worker processes. Workers are forked from the build process, so the look-up tables the
function needs (set with `shared`) are inherited, not sent; only the items and the results
cross process boundaries (pickled). Small jobs, one core or `jobs=1` run in-process: the
result is the same either way (tests check that).
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Sequence

MIN_ITEMS = 24           # below this, starting processes costs more than it saves
JOBS_ENV = "VN_BRIEVEN_JOBS"

_shared: dict[str, Any] = {}


def default_jobs() -> int:
    """The cores this process may use, or VN_BRIEVEN_JOBS when set."""
    if value := os.environ.get(JOBS_ENV, "").strip():
        try:
            return max(1, int(value))
        except ValueError:
            raise ValueError(f"{JOBS_ENV}={value!r} is not a number of processes") from None
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:                                    # not on Linux
        return max(1, os.cpu_count() or 1)


def shared(**values: Any) -> None:
    """Values the mapped function reads with `get` (set before `ordered_map`, inherited by workers)."""
    _shared.clear()
    _shared.update(values)


def get(name: str) -> Any:
    return _shared[name]


def ordered_map(fn: Callable[[Any], Any], items: Sequence, jobs: int | None = None,
                progress: Callable[[Iterable], Iterable] | None = None, min_items: int | None = None) -> list:
    """[fn(item) for item in items], on up to `jobs` processes, results in the order of `items`.
    `fn` must be a module-level function; exceptions it raises are raised here."""
    jobs = default_jobs() if jobs is None else jobs
    min_items = MIN_ITEMS if min_items is None else min_items
    wrap = progress or (lambda it: it)
    if jobs <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(item) for item in wrap(items)]
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        results = pool.map(fn, items, chunksize=chunk)
        return list(wrap(_sized(results, len(items))))


class _sized:
    """An iterator with a length, so a progress bar knows the total."""

    def __init__(self, it: Iterable, n: int) -> None:
        self._it, self._n = iter(it), n

    def __iter__(self):
        return self._it

    def __len__(self) -> int:
        return self._n
