"""tools/benchmark.py's pure parts: the plain-MkDocs configuration it writes, its options and its
Markdown table (the timed runs themselves are not tested: the benchmark is run by hand)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("benchmark", ROOT / "tools" / "benchmark.py")
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)


def test_plain_config_has_the_projects_nav_and_nothing_of_the_project():
    nav = benchmark.read_yaml(ROOT / "mkdocs.yml")["nav"]
    config = yaml.safe_load(benchmark.plain_config(nav))
    assert config["nav"] == nav and {"Brieven": "brieven/index.md"} in nav
    assert config["theme"] == {"name": "material", "language": "nl", "font": False}
    assert config["plugins"] == []                      # not even search
    assert "hooks" not in config and "strict" not in config
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert names == ["footnotes", "attr_list", "md_in_html", "admonition", "pymdownx.details", "tables", "toc"]
    assert {"toc": {"permalink": True, "permalink_title": "Vaste link naar dit onderdeel"}} in config["markdown_extensions"]


def test_read_yaml_reads_tags_as_nothing(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_url: !ENV SITE_URL\nformat: !!python/name:pymdownx.superfences.fence_code_format\nnav: [a.md]\n")
    assert benchmark.read_yaml(path) == {"site_url": None, "format": None, "nav": ["a.md"]}


def test_runs_options():
    assert benchmark.parse_args([]).runs == list(benchmark.RUNS)
    assert benchmark.parse_args(["--cold-only"]).runs == ["cold"]
    assert benchmark.parse_args(["--runs", "plain", "cold"]).runs == ["plain", "cold"]
    with pytest.raises(SystemExit):
        benchmark.parse_args(["--runs", "unchanged", "plain"])


def _row(n, run, seconds, cpu_seconds, **more):
    return {"letters": n, "run": run, "seconds": seconds, "cpu_seconds": cpu_seconds,
            "cpu": round(cpu_seconds / seconds, 2), "generator": None, "processed": None,
            "incremental": False, "unchanged_site": False, "peak_pss_mib": 100, **more}


def test_table_gives_the_command_first_cpu_seconds_and_the_speed_up():
    rows = [_row(50, "cold", 20.0, 30.0, generator=8.0, processed=50),
            _row(50, "plain MkDocs", 50.0, 45.0, warnings=3),
            _row(500, "cold", 100.0, 150.0, generator=40.0, processed=500)]
    text = benchmark.table(rows, "python tools/benchmark.py --sizes 50 500")
    lines = text.splitlines()
    assert lines[0] == "`python tools/benchmark.py --sizes 50 500`"
    assert "| 50 | plain MkDocs | 50.0 | 45.0 | 0.9 | - | - | - | all pages | 100 |" in lines
    assert "| 50 | cold | 20.0 | 30.0 | 1.5 | 8.0 | 40 % | 50 | all pages | 100 |" in lines
    assert "| 50 | 20.0 | 50.0 | 2.50× | 30.0 | 45.0 | 1.50× | 3 |" in lines
    assert not any(line.startswith("| 500 | 100.0 |") for line in lines)    # no plain run at 500
