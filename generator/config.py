"""Build settings: where the content is, where the Markdown and the site go."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REQUIRED_PAGES = ("home.md", "over-deze-site.md", "open-data.md")   # named in mkdocs.yml's nav


@dataclass(frozen=True)
class Settings:
    content_dir: Path = Path("content")         # holds letters/ (and pages/)
    site_dir: Path = Path("site")               # the built site (replaced atomically)
    docs_dir: Path = Path("build/docs")         # generated Markdown, MkDocs' docs_dir
    mkdocs_yml: Path = Path("mkdocs.yml")
    strict: bool = True
    pages_dir: Path | None = None               # hand-written pages; default content_dir/pages
    cache: bool = True                          # keep processed letters between builds
    cache_dir: Path | None = None               # default: beside docs_dir (build/docs.cache)
    jobs: int | None = None                     # worker processes; default: the usable cores

    @property
    def letter_cache(self) -> Path | None:
        """Where processed letters are kept between builds (None: not kept)."""
        if not self.cache:
            return None
        return self.cache_dir if self.cache_dir is not None else self.docs_dir.with_name(self.docs_dir.name + ".cache")

    @property
    def pages(self) -> Path:
        return self.pages_dir if self.pages_dir is not None else self.content_dir / "pages"

    def problems(self) -> list[str]:
        """Everything wrong with these settings (empty when they are usable)."""
        found = []
        if not self.mkdocs_yml.is_file():
            found.append(f"{self.mkdocs_yml}: MkDocs configuration not found "
                         "(run from the project folder)")
        content_missing = not self.content_dir.is_dir()
        if content_missing:
            found.append(f"{self.content_dir}: content folder not found (run from the project folder, "
                         "or pass the folder that holds letters/ and pages/ with --content)")
        for name in REQUIRED_PAGES:
            if content_missing and self.pages_dir is None:
                break                                  # the pages are missing because the folder is
            if not (self.pages / name).is_file():
                found.append(f"{self.pages / name}: hand-written page missing "
                             "(copy it from the project's content/pages/ or pass --pages)")
        site, docs, content = (p.resolve() for p in (self.site_dir, self.docs_dir, self.content_dir))
        if site.exists() and not site.is_dir():
            found.append(f"{self.site_dir}: exists and is not a folder")
        for name, folder in (("docs", docs), ("content", content), ("project", self.mkdocs_yml.resolve().parent)):
            if site == folder or site in folder.parents:
                found.append(f"{self.site_dir}: the site folder must not be (or contain) the {name} folder")
        if docs == content or content in docs.parents or docs in content.parents:
            found.append(f"{self.docs_dir}: the docs folder must be separate from the content folder")
        if docs in site.parents:
            found.append(f"{self.docs_dir}: the docs folder must not be inside the site folder")
        return found
