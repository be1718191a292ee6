"""The scale benchmark's copied corpus is valid guidance, so `make bench` measures the checks instead of failing
them (a change to the editions model once left it with 522 problems, and nothing noticed until `make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "benchmarks"))
from run import count_provisions, synthetic_project  # noqa: E402 - benchmarks/ is not a package


def test_the_scale_benchmarks_copied_corpus_passes_every_check(tmp_path: Path) -> None:
    project = synthetic_project(tmp_path, 2)
    result = subprocess.run(
        [sys.executable, "-m", "working_together", "validate"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    assert f"{2 * count_provisions(PROJECT)} provisions" in result.stdout
