#!/usr/bin/env python3
"""Scale benchmark: build synthetic corpora of N letters with the project's generator and, in the
same run, with plain MkDocs + Material; report wall and CPU time, memory, page sizes and the
search payload. Not a test: run it by hand and put the table in the issue notes.

    .venv/bin/python tools/benchmark.py                          # 50, 500 and 2000 letters, all runs
    .venv/bin/python tools/benchmark.py --sizes 50 500 --work /tmp/vn-bench --json bench.json
    .venv/bin/python tools/benchmark.py --project /work/wt-before --runs cold plain   # another checkout

Per size: the corpus comes from ../shared/eval/synth.py (the seed letters stitched into N letters
of about 40 KB; made once in the work folder, then reused), with the knowledge files of the
project benchmarked. The runs (`--runs`, default all; `--cold-only` is `--runs cold`), each in its
own process, timed from outside:

1. cold: `python -m generator build` of the project (`--project DIR`, default this checkout: run
   with cwd=DIR and PYTHONPATH=DIR, its own mkdocs.yml, overrides and content/pages; the tool
   checks that the `generator` imported is DIR's) with empty docs, cache and site folders
   (everything is processed and rendered);
2. plain MkDocs: one `mkdocs build` process of "the same content as Markdown" with a plain
   configuration (`plain_config`: theme material, language nl, no web fonts, the project's nav,
   Python-Markdown's standard extensions the pages use; no hooks, no project Markdown extensions,
   no plugins, not strict: its warnings are counted). That content is the docs folder the
   generator of the reference commit writes (`--baseline-rev`, default 18cf41e, the last version
   whose docs held every letter as pure Markdown; checked out as a detached git worktree in the
   work folder, or `--baseline-project DIR`), made once per commit and size in
   WORK/plain-<rev>-<N>/ (not timed) and then reused;
3. unchanged: the project's build again (letters from the cache, MkDocs renders no page);
4. one letter changed: a sentence added to one letter (that letter is processed again, MkDocs
   renders only the pages whose Markdown changed); the letter is restored afterwards.

Wall is seconds on the clock; CPU is user+system seconds of the whole process tree (the build and
every worker it waited for: os.wait4), the fairer number on a shared machine; "cores" is CPU over
wall (2.0 = both cores busy). Memory is the peak of the summed proportional set size (PSS, shared
pages divided among the processes that share them) of the process tree, sampled every 200 ms from
/proc. The summary gives per size the speed-up: plain MkDocs wall over the project's cold wall.
Page sizes are the built HTML files of the cold build. The search payload is measured in headless
Chromium by tools/search_payload.py (skipped with --no-search or when Chromium is missing).

The output is Markdown for the issue note; its first line is the command that made it.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
QUERIES = ["klimaat", "vredesmissies Mali", "mensenrechten"]
CHANGED_LETTER = "synth-00001.txt"
ADDED = "\nDe Veiligheidsraad besprak resolutie 2417 over honger als oorlogswapen.\n"
PAGE_LIMIT_KB = 500
BASELINE_REV = "18cf41e"
RUNS = ("cold", "plain", "unchanged", "changed")          # in the order they run
LABELS = {"cold": "cold", "plain": "plain MkDocs", "unchanged": "unchanged", "changed": "one letter changed"}
# Python-Markdown's standard extensions (and pymdownx.details) that the generated pages use, as
# the project configures them; the project's own (generator.mkdocs_ext.*) are left out on purpose.
PLAIN_EXTENSIONS = [
    {"footnotes": {"BACKLINK_TITLE": "Terug naar voetnoot {} in de tekst"}},
    "attr_list",
    "md_in_html",
    "admonition",
    "pymdownx.details",
    {"tables": {"use_align_attribute": True}},
    {"toc": {"permalink": True, "permalink_title": "Vaste link naar dit onderdeel"}},
]
DOCS_DONE = ".benchmark-docs-complete"


# --- corpora and configurations --------------------------------------------------------------------

def synthesise(seeds: Path, synth: Path, n: int, work: Path, knowledge: Path) -> Path:
    content = work / f"content-{n}"
    if not (content / "letters").is_dir() or len(list((content / "letters").glob("*.txt"))) != n:
        shutil.rmtree(content, ignore_errors=True)
        subprocess.run([sys.executable, str(synth), str(seeds), str(content / "letters"), str(n)], check=True,
                       stdout=subprocess.DEVNULL)
    shutil.rmtree(content / "knowledge", ignore_errors=True)
    shutil.copytree(knowledge, content / "knowledge")
    return content


def read_yaml(path: Path):
    """A YAML file such as mkdocs.yml, its tags (!ENV, !!python/name:…) read as nothing."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)   # noqa: S506 (a safe loader)


def plain_config(nav: list, docs_dir: str = "docs", site_dir: str = "site") -> str:
    """The MkDocs configuration of the plain-MkDocs run: Material with the project's nav and the
    standard Markdown extensions only (no hooks, no project extensions, no plugins, not even
    search)."""
    config = {"site_name": "VN-brieven (plain MkDocs)", "docs_dir": docs_dir, "site_dir": site_dir,
              "theme": {"name": "material", "language": "nl", "font": False},
              "plugins": [], "markdown_extensions": PLAIN_EXTENSIONS, "nav": nav}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def child_env(project: Path) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env["PYTHONPATH"] = os.pathsep.join([str(project)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
    return env


def check_generator(project: Path) -> None:
    """Refuse to go on unless `python -m generator` with cwd=project imports project's package."""
    found = subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"], cwd=project,
                           env=child_env(project), capture_output=True, text=True, check=True).stdout.strip()
    if not Path(found).resolve().is_relative_to(project.resolve()):
        raise SystemExit(f"the generator imported for {project} is {found}, not that checkout's")


def git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def baseline(args) -> tuple[Path, str]:
    """The checkout whose generator writes the plain-MkDocs content, and its short commit."""
    if args.baseline_project:
        return args.baseline_project, git("rev-parse", "--short=7", "HEAD", cwd=args.baseline_project)
    rev = git("rev-parse", "--short=7", f"{args.baseline_rev}^{{commit}}")
    checkout = args.work / f"baseline-{rev}"
    if not (checkout / "generator").is_dir():
        git("worktree", "add", "--detach", str(checkout), rev)
    return checkout, rev


GENERATE = """import sys
from pathlib import Path
from generator import pipeline
from generator.config import Settings
report = pipeline.generate(Settings(content_dir=Path(sys.argv[1]), docs_dir=Path(sys.argv[2]),
                                    pages_dir=Path(sys.argv[3]), cache=False))
print(report.letters, report.pages)
"""


def plain_docs(content: Path, n: int, work: Path, checkout: Path, rev: str) -> Path:
    """WORK/plain-<rev>-<n>/docs: what the generator of `checkout` writes for the corpus (letters
    of `content`, knowledge and pages of `checkout`); made once, then reused."""
    folder = work / f"plain-{rev}-{n}"
    if (folder / DOCS_DONE).is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    source = folder / "content"
    shutil.copytree(content / "letters", source / "letters")
    shutil.copytree(checkout / "content" / "knowledge", source / "knowledge")
    check_generator(checkout)
    print(f"{n} letters: writing the plain-MkDocs docs with the generator of {rev} ({checkout})", file=sys.stderr)
    done = subprocess.run([sys.executable, "-c", GENERATE, str(source), str(folder / "docs"),
                           str(checkout / "content" / "pages")], cwd=checkout, env=child_env(checkout),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the generator of {rev} failed on {n} letters:\n{done.stderr[-3000:]}")
    shutil.rmtree(source)
    (folder / DOCS_DONE).write_text(done.stdout)
    return folder


# --- timed runs ------------------------------------------------------------------------------------

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


def timed(cmd: list[str], cwd: Path, env: dict, what: str) -> tuple[str, dict]:
    """Run cmd, sampling its memory; its output and {seconds, cpu_seconds, cpu, peak_pss_mib,
    maxrss_mib}. Exits when it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = TreeSampler(proc.pid)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    peak = sampler.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{what} failed:\n{out[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return out, {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "cpu": round(cpu / seconds, 2),
                 "peak_pss_mib": round(peak), "maxrss_mib": round(usage.ru_maxrss / 1024)}


def build(content: Path, work: Path, n: int, label: str, project: Path) -> dict:
    site, docs = work / f"site-{n}", work / f"docs-{n}"
    cmd = [sys.executable, "-m", "generator", "build", "-v", "--content", str(content), "--site", str(site),
           "--docs", str(docs), "--pages", str(project / "content" / "pages")]
    out, measured = timed(cmd, project, child_env(project), f"{label} build of {n} letters")
    generator = re.search(r"generator ([\d.]+) s", out)
    processed = re.search(r"\((\d+) processed", out)
    line = re.search(r"^stages: (.*)$", out, re.MULTILINE)
    stages = {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) s", line.group(1))} if line else {}
    search = re.search(r"search: (\d+) pages? indexed .*? in ([\d.]+) s", out)
    return {"letters": n, "run": label, **measured,
            "generator": float(generator.group(1)) if generator else None,
            "processed": int(processed.group(1)) if processed else None,
            "incremental": "changed pages only" in out, "unchanged_site": "no MkDocs, no Pagefind" in out,
            "stages": stages, "pagefind_seconds": float(search.group(2)) if search else None, "site": str(site)}


def plain_build(folder: Path, n: int, nav: list, rev: str) -> dict:
    """One timed `mkdocs build` of folder/docs with plain_config, into folder/site."""
    config = folder / "mkdocs.yml"
    config.write_text(plain_config(nav), encoding="utf-8")
    shutil.rmtree(folder / "site", ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="0")
    out, measured = timed([sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config)], folder, env,
                          f"plain MkDocs build of {n} letters")
    return {"letters": n, "run": LABELS["plain"], **measured, "generator": None, "processed": None,
            "incremental": False, "unchanged_site": False, "baseline": rev,
            "warnings": len(re.findall(r"^WARNING\b", out, re.MULTILINE)), "site": str(folder / "site")}


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
    content = synthesise(args.seeds, args.synth, n, args.work, args.project / "content" / "knowledge")
    plain = plain_docs(content, n, args.work, *args.baseline) if "plain" in args.runs else None
    for folder in (f"site-{n}", f"docs-{n}", f"docs-{n}.cache"):
        shutil.rmtree(args.work / folder, ignore_errors=True)
    rows = []
    for run in RUNS:
        if run not in args.runs:
            continue
        if run == "plain":
            rows.append(plain_build(plain, n, args.nav, args.baseline[1]))
        elif run == "changed":
            letter = content / "letters" / CHANGED_LETTER
            original = letter.read_bytes()
            try:
                letter.write_bytes(original + ADDED.encode())
                rows.append(build(content, args.work, n, LABELS[run], args.project))
            finally:
                letter.write_bytes(original)
        else:
            rows.append(build(content, args.work, n, LABELS[run], args.project))
        row = rows[-1]
        print(f"{n} letters, {row['run']}: {row['seconds']} s wall, {row['cpu_seconds']} s CPU, "
              f"{row['peak_pss_mib']} MiB", file=sys.stderr, flush=True)
        if run == "cold":
            row.update(page_sizes(Path(row["site"])))
            if not args.no_search:
                row["search"] = search_payload(Path(row["site"]), args.queries)
    return rows


# --- the table -------------------------------------------------------------------------------------

def table(rows: list[dict], command: str) -> str:
    """The Markdown for the issue note: the command, the runs, the speed-up over plain MkDocs,
    page sizes and the search payload."""
    out = [f"`{command}`", "",
           "| letters | run | wall (s) | CPU (s) | cores | generator (s) | generator share | letters processed "
           "| MkDocs renders | peak memory PSS (MiB) |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---|---:|"]
    for r in rows:
        share = f"{100 * r['generator'] / r['seconds']:.0f} %" if r["generator"] is not None else "-"
        renders = ("none" if r.get("unchanged_site") else "changed pages" if r["incremental"] else "all pages")
        out.append(f"| {r['letters']} | {r['run']} | {r['seconds']} | {r['cpu_seconds']} | {r['cpu']} "
                   f"| {'-' if r['generator'] is None else r['generator']} | {share} "
                   f"| {'-' if r['processed'] is None else r['processed']} | {renders} | {r['peak_pss_mib']} |")
    pairs = [(c, p) for c in rows if c["run"] == LABELS["cold"]
             for p in rows if p["run"] == LABELS["plain"] and p["letters"] == c["letters"]]
    if pairs:
        out += ["", "| letters | project cold wall (s) | plain MkDocs wall (s) | speed-up (plain / cold wall) "
                "| project cold CPU (s) | plain MkDocs CPU (s) | CPU ratio (plain / cold) | plain MkDocs warnings |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        out += [f"| {c['letters']} | {c['seconds']} | {p['seconds']} | {p['seconds'] / c['seconds']:.2f}× "
                f"| {c['cpu_seconds']} | {p['cpu_seconds']} | {p['cpu_seconds'] / c['cpu_seconds']:.2f}× "
                f"| {p['warnings']} |" for c, p in pairs]
    colds = [r for r in rows if r["run"] == LABELS["cold"] and "pages" in r]
    if colds:
        out += ["", "| letters | pages | letter page median / max (KB) | largest other page (KB) | pages > 500 KB "
                "| stages of the cold build (s) |", "|---:|---:|---|---|---:|---|"]
        for r in colds:
            stages = ", ".join(f"{k} {v}" for k, v in r["stages"].items())
            out.append(f"| {r['letters']} | {r['pages']} | {r['letter_median_kb']} / {r['letter_max_kb']} "
                       f"| {r['other_max']} {r['other_max_kb']} | {r['over_limit']} | {stages} |")
    searches = [(r["letters"], s) for r in rows for s in r.get("search", [])]
    if searches:
        out += ["", "| letters | query | first query | requests | transferred (KB) | results |", "|---:|---|---|---:|---:|---:|"]
        out += [f"| {n} | {s['query']} | {'yes' if s['first'] else 'no'} | {s['requests']} | {s['bytes'] / 1024:.0f} "
                f"| {s['results']} |" for n, s in searches]
    return "\n".join(out)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 2000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/vn-brieven-bench"))
    parser.add_argument("--project", type=Path, default=REPO,
                        help="the checkout whose generator is benchmarked (default: this one)")
    parser.add_argument("--baseline-rev", default=BASELINE_REV,
                        help="the commit whose generator writes the plain-MkDocs content (default: %(default)s)")
    parser.add_argument("--baseline-project", type=Path,
                        help="a checkout of that commit to use instead of a worktree in the work folder")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS),
                        help="which runs (default: all); unchanged and changed need cold")
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--synth", type=Path, default=REPO.parent / "shared" / "eval" / "synth.py")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    parser.add_argument("--no-search", action="store_true", help="do not measure the search payload")
    parser.add_argument("--cold-only", action="store_true",
                        help="only the build from nothing (e.g. of an old commit): --runs cold")
    parser.add_argument("--json", type=Path, help="also write all numbers to this file")
    args = parser.parse_args(argv)
    if args.cold_only:
        args.runs = ["cold"]
    if {"unchanged", "changed"} & set(args.runs) and "cold" not in args.runs:
        parser.error("--runs unchanged and changed follow a cold build: add cold")
    args.project, args.work = args.project.resolve(), args.work.resolve()
    if args.baseline_project:
        args.baseline_project = args.baseline_project.resolve()
    return args


def main() -> None:
    args = parse_args()
    command = shlex.join(["python", "tools/benchmark.py", *sys.argv[1:]])
    args.work.mkdir(parents=True, exist_ok=True)
    if set(args.runs) - {"plain"}:
        check_generator(args.project)
    if "plain" in args.runs:
        args.nav = read_yaml(args.project / "mkdocs.yml")["nav"]
        args.baseline = baseline(args)
    rows = [row for n in args.sizes for row in run_size(n, args)]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(rows, command))


if __name__ == "__main__":
    main()
