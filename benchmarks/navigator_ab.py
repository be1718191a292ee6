"""Navigator step latency of two built sites, interleaved, so a busy machine's load weighs on both alike.

    .venv/bin/python benchmarks/navigator_ab.py BEFORE_SITE AFTER_SITE [--rounds 4]

Runs run.py's step measurement (click → next step in the DOM, 4× CPU throttling) on every tree of each site,
alternating which site goes first, and writes the medians to benchmarks/navigator_ab.json. On a shared
machine the absolute figures drift with other people's work; the difference between the two is what counts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from run import CHROMIUM, HERE, PROJECT, STEP_LATENCY

sys.path.insert(0, str(PROJECT / "tests"))
from conftest import serve  # noqa: E402 - the tests' own local server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=4, help="passes over every tree of each site")
    arguments = parser.parse_args()
    sites = {"before": arguments.before, "after": arguments.after}
    servers = {name: serve(site) for name, site in sites.items()}
    urls = {name: next(server) for name, server in servers.items()}
    trees = sorted(path.stem for path in (PROJECT / "decision_trees").glob("*.yml"))
    times: dict[str, list[float]] = {name: [] for name in sites}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for index in range(arguments.rounds):
            for name in list(sites) if index % 2 == 0 else list(reversed(sites)):
                page = browser.new_page(base_url=urls[name])
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                for tree in trees:
                    page.goto(f"/trees/{tree}/")
                    page.wait_for_selector(".wt-navigator__answers button")
                    times[name] += page.evaluate(STEP_LATENCY, 10)
                page.close()
        browser.close()
    for server in servers.values():
        server.close()
    results = {
        name: {"steps": len(found), "median_ms": round(statistics.median(found), 2),
               "p25_ms": round(sorted(found)[len(found) // 4], 2), "site": str(sites[name])}
        for name, found in times.items()
    }  # fmt: skip
    (HERE / "navigator_ab.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
