#!/usr/bin/env python3
"""Scale benchmark: build synthetic corpora of N letters and report time, memory, page sizes and
the search payload. Not a test: run it by hand and put the table in the issue notes.

    .venv/bin/python tools/benchmark.py                          # 50, 500 and 2000 letters
    .venv/bin/python tools/benchmark.py --sizes 50 500 --work /tmp/vn-bench --json bench.json

Per size: the corpus comes from ../shared/eval/synth.py (the seed letters stitched into N letters
of about 40 KB; made once, then reused). Then, each `python -m generator build` in its own
process, timed from outside:

1. cold: empty docs, cache and site folders (everything is processed and rendered);
2. unchanged: the same again (letters from the cache, MkDocs renders no page);
3. one letter changed: a sentence added to one letter (that letter is processed again, MkDocs
   renders only the pages whose Markdown changed); the letter is restored afterwards.

Memory is the peak of the summed proportional set size (PSS, shared pages divided among the
processes that share them) of the build and its worker processes, sampled every 200 ms from
/proc; "cpu" is user+system time of the whole process tree over wall time (2.0 = both cores busy).
Page sizes are the built HTML files. The search payload is measured in headless Chromium by
tools/search_payload.py (skipped with --no-search or when Chromium is missing).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["klimaat", "vredesmissies Mali", "mensenrechten"]
CHANGED_LETTER = "synth-00001.txt"
ADDED = "\nDe Veiligheidsraad besprak resolutie 2417 over honger als oorlogswapen.\n"
PAGE_LIMIT_KB = 500


def synthesise(seeds: Path, synth: Path, n: int, work: Path) -> Path:
    content = work / f"content-{n}"
    if not (content / "letters").is_dir() or len(list((content / "letters").glob("*.txt"))) != n:
        shutil.rmtree(content, ignore_errors=True)
        subprocess.run([sys.executable, str(synth), str(seeds), str(content / "letters"), str(n)], check=True,
                       stdout=subprocess.DEVNULL)
    shutil.rmtree(content / "knowledge", ignore_errors=True)
    shutil.copytree(REPO / "content" / "knowledge", content / "knowledge")
    return content


class TreeSampler:
    """Peak summed PSS (MiB) of a process and its descendants, sampled from /proc."""

    # Reading smaps_rollup walks the page tables of a process and holds its memory map lock
    # meanwhile, which stalls a process that is allocating (Pagefind at 3 GB). 200 ms is fine
    # enough for peaks that last seconds, and disturbs the build less than 50 ms did.
    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval, self.peak_mib = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
            except (OSError, IndexError, ValueError):
                continue
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo += children.get(pid, [])
        return tree

    @staticmethod
    def _pss_kb(pid: int) -> int:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            return 0
        m = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
        return int(m.group(1)) if m else 0

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(self._pss_kb(pid) for pid in self._tree())
            self.peak_mib = max(self.peak_mib, total / 1024)
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mib


def build(content: Path, work: Path, n: int, label: str) -> dict:
    site, docs = work / f"site-{n}", work / f"docs-{n}"
    cmd = [sys.executable, "-m", "generator", "build", "-v", "--content", str(content), "--site", str(site),
           "--docs", str(docs), "--pages", str(REPO / "content" / "pages")]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = TreeSampler(proc.pid)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    peak = sampler.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{label} build of {n} letters failed:\n{out[-3000:]}")
    generator = re.search(r"generator ([\d.]+) s", out)
    processed = re.search(r"\((\d+) processed", out)
    line = re.search(r"^stages: (.*)$", out, re.MULTILINE)
    stages = {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) s", line.group(1))} if line else {}
    search = re.search(r"search: (\d+) pages? indexed .*? in ([\d.]+) s", out)
    return {"letters": n, "run": label, "seconds": round(seconds, 1),
            "generator": float(generator.group(1)) if generator else None,
            "processed": int(processed.group(1)) if processed else None,
            "incremental": "changed pages only" in out, "unchanged_site": "no MkDocs, no Pagefind" in out,
            "cpu": round((usage.ru_utime + usage.ru_stime) / seconds, 2),
            "peak_pss_mib": round(peak), "maxrss_mib": round(usage.ru_maxrss / 1024),
            "stages": stages, "pagefind_seconds": float(search.group(2)) if search else None, "site": str(site)}


def page_sizes(site: Path) -> dict:
    letters = [p.stat().st_size for p in (site / "brieven").glob("*/index.html")
               if (p.parent.name.startswith("synth-") or p.parent.name[:4].isdigit())]
    others = {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*.html")
              if p.stat().st_size and not str(p.relative_to(site)).startswith("brieven/synth-")}
    biggest = max(others.items(), key=lambda kv: kv[1]) if others else ("-", 0)
    material_index = site / "search" / "search_index.json"
    return {"pages": len(letters) + len(others),
            "letter_median_kb": round(statistics.median(letters) / 1024) if letters else 0,
            "letter_max_kb": round(max(letters, default=0) / 1024),
            "other_max": biggest[0], "other_max_kb": round(biggest[1] / 1024),
            "over_limit": sum(size > PAGE_LIMIT_KB * 1024 for size in others.values()),
            "material_search_index_mb": round(material_index.stat().st_size / 2**20, 1)
            if material_index.is_file() else None}


def search_payload(site: Path, queries: list[str]) -> list[dict]:
    sys.path.insert(0, str(REPO / "tools"))
    try:
        from search_payload import measure
    except ImportError as exc:
        print(f"search payload not measured: {exc}", file=sys.stderr)
        return []
    try:
        return [{k: r[k] for k in ("query", "first", "requests", "bytes", "results")} for r in measure(site, queries)]
    except (Exception, SystemExit) as exc:       # no Chromium, no Pagefind bundle: say so, keep the rest
        print(f"search payload not measured: {type(exc).__name__}: {exc}", file=sys.stderr)
        return []


def run_size(n: int, args) -> list[dict]:
    content = synthesise(args.seeds, args.synth, n, args.work)
    for folder in (f"site-{n}", f"docs-{n}", f"docs-{n}.cache"):
        shutil.rmtree(args.work / folder, ignore_errors=True)
    rows = [build(content, args.work, n, "cold")]
    rows[0].update(page_sizes(Path(rows[0]["site"])))
    if not args.no_search:
        rows[0]["search"] = search_payload(Path(rows[0]["site"]), args.queries)
    if args.cold_only:
        return rows
    rows.append(build(content, args.work, n, "unchanged"))
    letter = content / "letters" / CHANGED_LETTER
    original = letter.read_bytes()
    try:
        letter.write_bytes(original + ADDED.encode())
        rows.append(build(content, args.work, n, "one letter changed"))
    finally:
        letter.write_bytes(original)
    for row in rows:
        print(f"{n} letters, {row['run']}: {row['seconds']} s", file=sys.stderr)
    return rows


def table(rows: list[dict]) -> str:
    out = ["| letters | run | build (s) | generator (s) | generator share | letters processed | MkDocs renders "
           "| cpu (cores) | peak memory PSS (MiB) |",
           "|---:|---|---:|---:|---:|---:|---|---:|---:|"]
    for r in rows:
        share = f"{100 * r['generator'] / r['seconds']:.0f} %" if r["generator"] is not None else "-"
        out.append(f"| {r['letters']} | {r['run']} | {r['seconds']} | {r['generator']} | {share} | {r['processed']} "
                   f"| {'none' if r.get('unchanged_site') else 'changed pages' if r['incremental'] else 'all pages'} | {r['cpu']} | {r['peak_pss_mib']} |")
    out += ["", "| letters | pages | letter page median / max (KB) | largest other page (KB) | pages > 500 KB "
            "| stages of the cold build (s) |", "|---:|---:|---|---|---:|---|"]
    for r in rows:
        if r["run"] == "cold":
            stages = ", ".join(f"{k} {v}" for k, v in r["stages"].items())
            out.append(f"| {r['letters']} | {r['pages']} | {r['letter_median_kb']} / {r['letter_max_kb']} "
                       f"| {r['other_max']} {r['other_max_kb']} | {r['over_limit']} | {stages} |")
    searches = [(r["letters"], s) for r in rows for s in r.get("search", [])]
    if searches:
        out += ["", "| letters | query | first query | requests | transferred (KB) | results |", "|---:|---|---|---:|---:|---:|"]
        out += [f"| {n} | {s['query']} | {'yes' if s['first'] else 'no'} | {s['requests']} | {s['bytes'] / 1024:.0f} "
                f"| {s['results']} |" for n, s in searches]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/vn-brieven-bench"))
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--synth", type=Path, default=REPO.parent / "shared" / "eval" / "synth.py")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    parser.add_argument("--no-search", action="store_true", help="do not measure the search payload")
    parser.add_argument("--cold-only", action="store_true", help="only the build from nothing (e.g. of an old commit)")
    parser.add_argument("--json", type=Path, help="also write all numbers to this file")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = [row for n in args.sizes for row in run_size(n, args)]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(rows))


if __name__ == "__main__":
    main()
