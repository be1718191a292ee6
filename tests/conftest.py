"""Shared fixtures: the project on disk, a strict build of the real site, and throwaway copies to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

PROJECT = Path(__file__).resolve().parent.parent


def build_site(project: Path, site_dir: Path) -> None:
    """Build `project` exactly as `make build` does: strict, so any warning raises."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    build_site(PROJECT, site_dir)
    return site_dir


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's content and configuration that a test may break."""
    for name in ("guidance", "docs", "decision_trees"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
