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


def test_actions_are_pinned_by_commit_and_permissions_are_least() -> None:
    """Every action is pinned to a full commit SHA with its release beside it (a tag can be moved); nothing is
    granted by default, the build job only reads, and only the deploy job may write, and only to Pages."""
    workflow = _workflow()
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", action) for action in uses), uses
    text = WORKFLOW.read_text(encoding="utf-8")
    assert all(re.search(rf"{re.escape(action)} # v\d+\.\d+\.\d+$", text, re.M) for action in uses)
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_checkout_keeps_no_credentials_in_git_config() -> None:
    """actions/checkout writes the job's token into .git/config unless told not to (review F1)."""
    steps = _workflow()["jobs"]["build"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] == "false"


def test_python_packages_are_installed_from_hashes_by_ci_and_make_alike() -> None:
    """CI runs make, and make installs with --require-hashes from the one requirements file, every pin hashed."""
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt" in makefile
    requirements = (PROJECT / "requirements.txt").read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", requirements, re.M)
    assert len(pins) >= 50 and {"pytest-xdist", "execnet"} <= {name for name, _ in pins}
    for block in re.split(r"\n(?=[A-Za-z])", requirements.split("\n\n", 1)[1]):
        assert "--hash=sha256:" in block, block
