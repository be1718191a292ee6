"""Seconds from saving a guidance YAML file to `mkdocs serve` serving the changed page, on the full corpus.

Runs `mkdocs serve` on a copy of the project twice: as the trial ran it (every save rebuilds the whole site)
and as `make serve` runs it now (`--dirty`: only the pages the change touches, publish/rebuild.py). Each run
saves a one-word change to the 2015 wording of early-help (guidance/provisions/referral.yml, as in the
maintainer trial) and polls /provisions/early-help/ until the new word is served.

    .venv/bin/python benchmarks/edit_loop.py [--saves 5]

Writes benchmarks/edit_loop.json. Timings depend on the machine's load, which is recorded beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "edit_loop.json"
EDITED = "guidance/provisions/referral.yml"
WORDS = "so that a problem is acted on before it escalates."  # the last occurrence is the 2015 wording
PAGE = "/provisions/early-help/"
MODES = {"whole site (mkdocs serve)": [], "changed pages only (make serve: mkdocs serve --dirty)": ["--dirty"]}
TARGET = 5.0


def main() -> None:
    """Measure each mode and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=5, help="saves measured per mode")
    arguments = parser.parse_args()
    results = {}
    for mode, flags in MODES.items():
        seconds = measure(flags, arguments.saves)
        results[mode] = {"seconds": [round(s, 2) for s in seconds], "median": round(statistics.median(seconds), 2)}
        print(f"{mode}: median {results[mode]['median']} s over {len(seconds)} saves {results[mode]['seconds']}")
    RESULTS.write_text(
        json.dumps(
            {
                "what": f"seconds from saving {EDITED} to {PAGE} serving the change",
                "command": ".venv/bin/python benchmarks/edit_loop.py",
                "target_seconds": TARGET,
                "cpus": os.cpu_count(),
                "load_average_after": [round(load, 1) for load in os.getloadavg()],
                "results": results,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


def measure(flags: list[str], saves: int) -> list[float]:
    """Seconds from each save to the served change, with `mkdocs serve` run with these flags on a project copy."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for name in ("guidance", "docs", "decision_trees"):
            shutil.copytree(PROJECT / name, project / name)
        shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
        url = f"http://127.0.0.1:{_free_port()}"
        log = (project / "serve.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *flags, "-a", url.removeprefix("http://")],
            cwd=project,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        try:
            _wait_for(url + PAGE, WORDS, server)
            seconds = []
            for save in range(1, saves + 1):
                time.sleep(2)  # let the server settle, as an editor would between saves
                edited = project / EDITED
                before, _, after = edited.read_text(encoding="utf-8").rpartition(WORDS)
                marker = f"acted on (save {save})"
                start = time.monotonic()
                edited.write_text(before + WORDS.replace("acted on", marker) + after, encoding="utf-8")
                _wait_for(url + PAGE, marker, server)
                seconds.append(time.monotonic() - start)
                edited.write_text(before + WORDS + after, encoding="utf-8")
                _wait_for(url + PAGE, marker, server, present=False)
            return seconds
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()


def _wait_for(url: str, text: str, server: subprocess.Popen, present: bool = True) -> None:
    """Poll the page, 10 times a second, until it contains the text (or no longer does)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if (text in response.read().decode("utf-8")) == present:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} never {'showed' if present else 'dropped'} {text!r}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    main()
