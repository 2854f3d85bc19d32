"""The installed console script `vn-brieven` is the same program as `python -m generator`."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def console_script() -> str:
    exe = "vn-brieven.exe" if os.name == "nt" else "vn-brieven"
    local = Path(sysconfig.get_path("scripts")) / exe
    found = str(local) if local.is_file() else shutil.which("vn-brieven")
    if found is None:
        pytest.skip("the package is not installed: pip install -e '.[test]' creates the vn-brieven command")
    return found


def run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=300)


def test_entry_point_is_the_module_main():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"vn-brieven": "generator.__main__:main"}


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["check", "--help"], ["serve", "--help"]])
def test_console_script_help_equals_module_help(args):
    script, module = run([console_script(), *args]), run([sys.executable, "-m", "generator", *args])
    assert script.returncode == module.returncode == 0
    assert script.stdout == module.stdout
    assert script.stdout.startswith("usage: vn-brieven")


def test_console_script_check_equals_module_check():
    script, module = run([console_script(), "check"]), run([sys.executable, "-m", "generator", "check"])
    assert script.returncode == module.returncode == 0, script.stderr
    assert without_time(script.stdout) == without_time(module.stdout)
    assert re.search(r"(?m)^letters: [1-9]", script.stdout)


def test_console_script_error_exit_code(tmp_path):
    result = run([console_script(), "check", "--content", str(tmp_path / "nope")])
    assert result.returncode == 1
    assert "content folder not found" in result.stderr


def without_time(report: str) -> str:
    return re.sub(r"(?m)^time: .*$", "time: …", report)
