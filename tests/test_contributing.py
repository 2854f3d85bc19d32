"""The maintainer guide (CONTRIBUTING.md, in Dutch) stays in step with the code."""
from __future__ import annotations

import re
from pathlib import Path

from generator.read import ALLOWED_FIELDS, KINDS, read_sidecar

REPO = Path(__file__).resolve().parents[1]
GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_readme_links_the_guide():
    assert "[CONTRIBUTING.md](CONTRIBUTING.md)" in (REPO / "README.md").read_text(encoding="utf-8")


def test_guide_names_every_sidecar_field_and_kind():
    table_fields = re.findall(r"^\| `(\w+)` \|", GUIDE, re.M)
    assert table_fields == list(ALLOWED_FIELDS)
    assert all(f"`{kind}`" in GUIDE for kind in KINDS)


def test_guide_sidecar_example_is_valid(tmp_path):
    example = re.search(r"```yaml\n(# All fields are optional.*?)```", GUIDE, re.S).group(1)
    path = tmp_path / "voorbeeld.yml"
    path.write_text(example, encoding="utf-8")
    assert set(read_sidecar(path)) == set(ALLOWED_FIELDS)
    first = example.splitlines()[0]
    assert "optional" in first and "overrides" in first     # as tests/test_read.py asks of real sidecars


def test_guide_names_the_furniture_reasons():
    from generator import clean
    reasons = {why for _, why in clean.FURNITURE_PATTERNS} | {"briefhoofd", "paginanummer"}
    assert all(f"`{reason}`" in GUIDE for reason in reasons)


def test_guide_commands_exist():
    from generator.__main__ import parse_args
    for command in re.findall(r"python -m generator (\w+)", GUIDE):
        assert parse_args([command]).command == command
    assert "tools/zensical_check.py" in GUIDE and (REPO / "tools" / "zensical_check.py").is_file()
