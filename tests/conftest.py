"""Shared fixtures: the repository paths, Markdown as MkDocs renders it, the built site."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import markdown
import pytest
import yaml

from generator.config import Settings

REPO = Path(__file__).resolve().parents[1]
SITECHECK = REPO.parent / "shared" / "tools" / "sitecheck.py"


def markdown_from_mkdocs_yml() -> markdown.Markdown:
    """A Python-Markdown instance with exactly the extensions configured in mkdocs.yml."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, opts = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if opts:
            options[name] = opts
    return markdown.Markdown(extensions=names, extension_configs=options)


@pytest.fixture
def to_html():
    def convert(text: str) -> str:
        return markdown_from_mkdocs_yml().convert(text)
    return convert


@pytest.fixture(scope="session")
def sitecheck():
    """The shared site checker (../shared/tools/sitecheck.py), imported by path."""
    if not SITECHECK.is_file():
        pytest.skip(f"shared site checker not found at {SITECHECK} (CI puts shared/ beside the repo)")
    spec = importlib.util.spec_from_file_location("sitecheck", SITECHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory) -> Settings:
    out = tmp_path_factory.mktemp("real")
    return Settings(content_dir=REPO / "content", site_dir=out / "site", docs_dir=out / "docs",
                    mkdocs_yml=REPO / "mkdocs.yml")


@pytest.fixture(scope="session")
def built_site(real_settings):
    """The real site, built once per test session from content/ with the real pipeline."""
    from generator import pipeline

    report = pipeline.build(real_settings)
    return real_settings, report
