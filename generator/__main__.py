"""Command line: python -m generator build | serve | check   (also installed as `vn-brieven`)."""
from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from . import pipeline, site_build
from .config import Settings
from .errors import GeneratorError
from .report import format_letter_table, format_report

PROGRESS_MIN = 20   # show a progress bar from this many letters on, or whenever stderr is a terminal


def progress(items: list):
    from tqdm import tqdm

    show = sys.stderr.isatty() or len(items) > PROGRESS_MIN
    return tqdm(items, desc="letters", unit="letter", disable=not show, leave=False)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vn-brieven", description="Build the VN-brieven website.")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="generate the Markdown and build the site")
    serve = commands.add_parser("serve", help="generate the Markdown and run MkDocs' preview server")
    check = commands.add_parser("check", help="read, clean and parse every letter; write nothing")
    for sub in (build, serve, check):
        sub.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
        sub.add_argument("--pages", type=Path, default=None,
                         help="hand-written pages (default: CONTENT/pages)")
        sub.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration")
        sub.add_argument("--verbose", "-v", action="store_true", help="list every removed line")
        sub.add_argument("--jobs", "-j", type=int, default=None,
                         help="processes for the per-letter work (default: the usable cores)")
    for sub in (build, serve):
        sub.add_argument("--docs", type=Path, default=Path("build/docs"),
                         help="folder for the generated Markdown (default: build/docs)")
        sub.add_argument("--cache", type=Path, default=None,
                         help="folder that keeps processed letters between builds (default: DOCS.cache)")
        sub.add_argument("--no-cache", action="store_true",
                         help="process every letter again and build every page (the cache is not read, "
                              "but written anew)")
    check.add_argument("--report", action="store_true",
                       help="also print a table: per letter the kind, date, reference and title as inferred, "
                            "paragraphs, headings, Q&A pairs, furniture removed, warnings and what a sidecar "
                            "should add")
    build.add_argument("--site", type=Path, default=Path("site"), help="site folder (default: site)")
    serve.add_argument("--dev-addr", default=None, help="IP:PORT to serve on (default 127.0.0.1:8000)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = Settings(content_dir=args.content, site_dir=getattr(args, "site", Path("site")),
                        docs_dir=getattr(args, "docs", Path("build/docs")), mkdocs_yml=args.config,
                        pages_dir=args.pages, cache=args.command != "check",
                        cache_dir=getattr(args, "cache", None), jobs=args.jobs)
    try:
        refresh = getattr(args, "no_cache", False)
        if args.command == "build":
            report = pipeline.build(settings, progress, refresh=refresh)
        elif args.command == "check":
            report = pipeline.generate(settings, progress, dry_run=True)
        else:
            report = pipeline.generate(settings, progress, refresh=refresh)
            print(format_report(report, args.verbose), flush=True)
            site_build.serve_site(settings.mkdocs_yml, settings.docs_dir, args.dev_addr)
            return 0
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:               # one the stages did not expect: still a message, not a traceback
        print(f"error: {exc}\n  hint: {os_hint(exc)}", file=sys.stderr)
        return 1
    print(format_report(report, args.verbose))
    if getattr(args, "report", False):
        print()
        print(format_letter_table(report.rows))
    return 0


def os_hint(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full: free some space and run again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "this user cannot write there: make the folder writable or choose another one"
    return "check the file or folder named above; if it looks fine, report this with the command you ran"


if __name__ == "__main__":
    sys.exit(main())
