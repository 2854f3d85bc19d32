#!/usr/bin/env python3
"""Scale benchmark: build synthetic corpora of N letters and report time, memory, page sizes and
the search payload. Not a test: run it by hand and put the table in the issue notes.

    .venv/bin/python tools/benchmark.py                      # 50, 500 and 2000 letters
    .venv/bin/python tools/benchmark.py --sizes 50 500 --work /tmp/vn-bench

The corpus comes from ../shared/eval/synth.py (the seed letters stitched into N letters of about
40 KB). Each build runs `python -m generator build` in its own process; peak memory is that
process's maximum resident set size (os.wait4). Page sizes are the built HTML files.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def synthesise(seeds: Path, synth: Path, n: int, work: Path) -> Path:
    content = work / f"content-{n}"
    if not (content / "letters").is_dir() or len(list((content / "letters").glob("*.txt"))) != n:
        shutil.rmtree(content, ignore_errors=True)
        subprocess.run([sys.executable, str(synth), str(seeds), str(content / "letters"), str(n)], check=True)
    shutil.rmtree(content / "knowledge", ignore_errors=True)
    shutil.copytree(REPO / "content" / "knowledge", content / "knowledge")
    return content


def build(content: Path, work: Path, n: int) -> dict:
    site, docs = work / f"site-{n}", work / f"docs-{n}"
    cmd = [sys.executable, "-m", "generator", "build", "--content", str(content), "--site", str(site),
           "--docs", str(docs), "--pages", str(REPO / "content" / "pages")]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {n} letters failed:\n{out[-3000:]}")
    generator = re.search(r"generator ([\d.]+) s", out)
    return {"letters": n, "seconds": seconds, "generator": float(generator.group(1)) if generator else None,
            "peak_mib": usage.ru_maxrss / 1024, "site": site}


def page_sizes(site: Path) -> dict:
    letters = [p.stat().st_size for p in (site / "brieven").glob("*/index.html")]
    others = {str(p.relative_to(site)): p.stat().st_size for folder in ("resoluties", "missies", "landen",
              "kamerstukken", "themas", "schriftelijk-overleg") for p in (site / folder).rglob("index.html")}
    biggest = max(others.items(), key=lambda kv: kv[1]) if others else ("-", 0)
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.is_file() else b""
    return {"letter_median_kb": statistics.median(letters) / 1024 if letters else 0,
            "letter_max_kb": max(letters, default=0) / 1024,
            "other_max": biggest[0], "other_max_kb": biggest[1] / 1024,
            "search_mb": len(raw) / 2**20, "search_gz_mb": len(gzip.compress(raw)) / 2**20 if raw else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/vn-brieven-bench"))
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--synth", type=Path, default=REPO.parent / "shared" / "eval" / "synth.py")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        result = build(synthesise(args.seeds, args.synth, n, args.work), args.work, n)
        result.update(page_sizes(result["site"]))
        rows.append(result)
        print(f"{n} letters: {result['seconds']:.1f} s", file=sys.stderr)
    print("| letters | build (s) | generator (s) | generator share | peak memory (MiB) | letter page median / max (KB) "
          "| largest other page (KB) | search index first query (MB raw / gz) |")
    print("|---:|---:|---:|---:|---:|---|---|---|")
    for r in rows:
        share = f"{100 * r['generator'] / r['seconds']:.0f} %" if r["generator"] else "-"
        print(f"| {r['letters']} | {r['seconds']:.1f} | {r['generator'] or '-'} | {share} | {r['peak_mib']:.0f} "
              f"| {r['letter_median_kb']:.0f} / {r['letter_max_kb']:.0f} | {r['other_max']} {r['other_max_kb']:.0f} "
              f"| {r['search_mb']:.1f} / {r['search_gz_mb']:.1f} |")


if __name__ == "__main__":
    main()
