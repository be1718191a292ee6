"""The publish workflow (it cannot run here): tests before it deploys, pinned actions, least permissions."""

from __future__ import annotations

import re

import yaml
from conftest import PROJECT

WORKFLOW = PROJECT / ".github/workflows/publish.yml"


def _workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every scalar a string.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def test_it_runs_on_pushes_to_main() -> None:
    """Only the main branch is published."""
    assert _workflow()["on"]["push"]["branches"] == ["main"]


def test_it_runs_the_readme_test_command_before_building_and_uploading() -> None:
    """`make test` (the README's test command) passes before anything is built for upload or deployed."""
    workflow = _workflow()
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", step.get("uses", "")) for step in steps]
    assert "make test" in (PROJECT / "README.md").read_text(encoding="utf-8")
    test, build = runs.index("make test"), runs.index("make build")
    upload = next(i for i, run in enumerate(runs) if run.startswith("actions/upload-pages-artifact@"))
    assert test < build < upload
    assert steps[upload]["with"]["path"] == "site"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def test_actions_are_pinned_to_a_major_version_and_permissions_are_least() -> None:
    """Every action names a major version; only the deploy job may write, and only to Pages."""
    workflow = _workflow()
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@v\d+", action) for action in uses), uses
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in workflow["jobs"]["build"]
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
