"""Every benchmark of issue 7: build overhead, synthetic corpora, page weight, navigator latency, Lighthouse.

Run with `make bench` (or `.venv/bin/python benchmarks/run.py --multipliers 10 100 --runs 3`).
Writes benchmarks/results.json and benchmarks/RESULTS.md. Measurements, not tests: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from page_weight import PAGES, SITE, first_view_bytes

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
TARGETS = {"overhead_ratio": 1.25, "chapter_first_view_kb": 250, "step_ms": 16, "performance": 0.97}

# Runs a command as a child and reports its wall time, its CPU time and its peak resident memory (getrusage of
# children). CPU time barely moves when other work shares the machine, where wall time can double: on a busy
# machine the CPU ratio is the figure to read.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], cwd=sys.argv[1], capture_output=True, text=True)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_kb": usage.ru_maxrss,
                  "rc": done.returncode, "err": done.stderr[-2000:]}))
"""


def measure(cwd: Path, *command: str) -> dict:
    """Wall time and peak memory of one run of command in cwd; raises if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(cwd), *command], capture_output=True, text=True, env=env)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{command} failed in {cwd}:\n{result['err']}")
    return result


def median_of(runs: int, cwd: Path, *command: str) -> dict:
    return summarise([measure(cwd, *command) for _ in range(runs)])


def summarise(results: list[dict]) -> dict:
    return {
        "median_seconds": round(statistics.median(r["seconds"] for r in results), 3),
        "runs_seconds": [round(r["seconds"], 3) for r in results],
        "median_cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in results), 3),
        "peak_mb": round(max(r["peak_kb"] for r in results) / 1024, 1),
    }


def copy_project(folder: Path) -> Path:
    for name in ("guidance", "docs", "decision_trees"):
        shutil.copytree(PROJECT / name, folder / name)
    shutil.copy(PROJECT / "mkdocs.yml", folder / "mkdocs.yml")
    return folder


def plain_mkdocs_project(folder: Path) -> Path:
    """The generated pages dumped as Markdown, with the same mkdocs.yml minus our plugin (and its nav built in)."""
    sys.path.insert(0, str(PROJECT / "plugins"))
    from working_together.load import load_corpus
    from working_together.publish.citations import resolve_citations
    from working_together.publish.nav import guidance_nav
    from working_together.render import generated_pages
    from working_together.render.abbreviations import abbreviations
    from working_together.render.deadline import HOLIDAYS_SCRIPT, bank_holidays_script

    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    assert not problems, problems
    docs = folder / "docs"
    shutil.copytree(PROJECT / "docs", docs)
    for page in docs.rglob("*.md"):
        src = page.relative_to(docs).as_posix()
        page.write_text(resolve_citations(page.read_text(encoding="utf-8"), corpus, src, src)[0], encoding="utf-8")
    for src, markdown in generated_pages(corpus).items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(markdown, encoding="utf-8")
    assets = docs / "assets" / "working-together"
    shutil.copytree(PROJECT / "plugins/working_together/assets", assets, ignore=shutil.ignore_patterns("*.py"))
    (assets / HOLIDAYS_SCRIPT).write_text(bank_holidays_script(), encoding="utf-8")
    from mkdocs.utils.yaml import yaml_load  # resolves mkdocs.yml's !ENV tags as MkDocs does

    config = yaml_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "working-together" in p)]
    config["nav"] = [config["nav"][0], *guidance_nav(corpus), *config["nav"][1:]]
    config["extra_css"] = ["assets/working-together/working-together.css"]
    config["extra_javascript"] = [
        f"assets/working-together/{name}"
        for name in ("working-together.js", "navigator.js", HOLIDAYS_SCRIPT, "deadline.js")
    ]
    config["theme"]["custom_dir"] = str(PROJECT / "plugins/working_together/templates")
    # The same abbreviation markup our plugin configures, so both builds write the same pages.
    config["markdown_extensions"].append({"abbr": {"glossary": abbreviations(corpus)}})
    config.pop("watch", None)
    config["strict"] = False  # the plain build has no plugin to hide its hand-written extras; we time, not judge
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def _booleans(data: object) -> object:
    """BaseLoader reads everything as text; give back the three words our loader treats specially."""
    if isinstance(data, dict):
        return {key: _booleans(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_booleans(item) for item in data]
    return {"true": True, "false": False, "null": None}.get(data, data) if isinstance(data, str) else data


def _read(path: Path) -> object:
    return _booleans(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader))


class _NoAliases(yaml.SafeDumper):
    """Copies share their versions; our loader refuses aliases, so write each out in full."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _write(path: Path, data: object) -> None:
    text = yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=1_000)
    path.write_text(text, encoding="utf-8")


def synthetic_project(folder: Path, multiplier: int) -> Path:
    """The real project with every provision copied so there are `multiplier` times as many, each placed and
    registered beside its original (chapter pages grow by the same factor; sources and trees stay)."""
    copy_project(folder)
    guidance = folder / "guidance"
    copies = lambda identifier: [f"{identifier}-x{i}" for i in range(1, multiplier)]  # noqa: E731
    for path in (guidance / "provisions").glob("*.yml"):
        data = _read(path)
        provisions = data["provisions"]
        data["provisions"] = [{**p, "id": new} for p in provisions for new in [p["id"], *copies(p["id"])]]
        _write(path, data)
    for path in (guidance / "editions").glob("*.yml"):
        data = _read(path)
        for chapter in data["chapters"]:
            for section in chapter["sections"]:
                section["provisions"] = [new for old in section["provisions"] for new in [old, *copies(old)]]
        # A copy the sources do not describe in this edition is marked as its original is, or it would fail as dropped.
        for entry in data.get("not_described", []):
            entry["provisions"] = [new for old in entry["provisions"] for new in [old, *copies(old)]]
        _write(path, data)
    summary = _read(guidance / "summary.yml")  # every current duty must be in the practitioner summary
    for stage in summary["stages"]:
        stage["provisions"] = [new for old in stage["provisions"] for new in [old, *copies(old)]]
    _write(guidance / "summary.yml", summary)
    registry = _read(guidance / "published-ids.yml")
    registry["published"] = [new for old in registry["published"] for new in [old, *copies(old)]]
    _write(guidance / "published-ids.yml", registry)
    return folder


def count_provisions(project: Path) -> int:
    return sum(len(_read(path)["provisions"]) for path in (project / "guidance/provisions").glob("*.yml"))


def bench_build(runs: int) -> dict:
    """(a) our strict build against plain MkDocs over the same generated Markdown."""
    with tempfile.TemporaryDirectory() as ours, tempfile.TemporaryDirectory() as plain:
        ours_project, plain_project = copy_project(Path(ours)), plain_mkdocs_project(Path(plain))
        # Interleaved, and the ratio is the median of each pair's, so a machine that slows down or speeds up
        # during the runs weighs on both builds alike.
        pairs = [
            (
                measure(ours_project, str(BIN / "mkdocs"), "build", "--strict", "-d", "site"),
                measure(plain_project, str(BIN / "mkdocs"), "build", "-d", "site"),
            )
            for _ in range(runs)
        ]
    ratio = round(statistics.median(real["seconds"] / plain["seconds"] for real, plain in pairs), 3)
    cpu_ratio = round(statistics.median(real["cpu_seconds"] / plain["cpu_seconds"] for real, plain in pairs), 3)
    return {
        "ours": summarise([real for real, _ in pairs]), "plain_mkdocs": summarise([plain for _, plain in pairs]),
        "ratio": ratio, "cpu_ratio": cpu_ratio, "target": TARGETS["overhead_ratio"],
    }  # fmt: skip


def bench_scale(multipliers: list[int], runs: int) -> dict:
    """(b) validate and build time and peak memory at 1× and each multiplier, and growth per provision."""
    results = {}
    for multiplier in [1, *multipliers]:
        with tempfile.TemporaryDirectory() as folder:
            project = synthetic_project(Path(folder), multiplier) if multiplier > 1 else copy_project(Path(folder))
            validate = median_of(runs, project, sys.executable, "-m", "working_together", "validate")
            build = median_of(runs, project, str(BIN / "mkdocs"), "build", "--strict", "-d", "site")
            results[f"{multiplier}x"] = {"provisions": count_provisions(project), "validate": validate, "build": build}
    base = results["1x"]
    for multiplier in multipliers:
        row = results[f"{multiplier}x"]
        for step in ("validate", "build"):
            # Time per multiple of the corpus: 1.0 would be exactly linear, above 1 is worse than linear.
            linear = base[step]["median_seconds"] * multiplier
            row[step]["growth_vs_linear"] = round(row[step]["median_seconds"] / linear, 2)
    return results


def bench_weight() -> dict:
    """(c) gzip bytes per page type: first view (HTML and every asset) and repeat view (HTML only; assets cached)."""
    results = {}
    diagram_libraries = ("mermaid", "d3.", "cytoscape", "dagre", "elk", "vis-network", "jointjs")
    for name, page in PAGES.items():
        first = first_view_bytes(page)
        html = (SITE / page).read_bytes()
        scripts = [s for s in html.decode("utf-8").split('src="')[1:] if ".js" in s.split('"')[0]]
        results[name] = {
            "first_view_gzip_kb": round(first["gzip_bytes"] / 1024, 1),
            "first_view_raw_kb": round(first["bytes"] / 1024, 1),
            "repeat_view_gzip_kb": round(len(gzip.compress(html, 6)) / 1024, 1),
            "files": first["files"],
            "diagram_library": any(lib in s.split('"')[0] for s in scripts for lib in diagram_libraries),
        }
    results["target_chapter_first_view_kb"] = TARGETS["chapter_first_view_kb"]
    return results


STEP_LATENCY = """async (rounds) => {
    const root = document.querySelector('.wt-navigator');
    const step = () => root.querySelector('.wt-navigator__step').textContent;
    const times = [];
    for (let i = 0; i < rounds; i++) {
        let button = root.querySelector('.wt-navigator__answers button');
        if (!button) {  // an outcome: start again (not timed)
            [...root.querySelectorAll('button')].find(b => b.textContent === 'Start again').click();
            await new Promise(r => setTimeout(r, 50));
            button = root.querySelector('.wt-navigator__answers button');
        }
        const before = step();
        const changed = new Promise(resolve => {
            const observer = new MutationObserver(() => {
                if (step() !== before) { observer.disconnect(); resolve(performance.now()); }
            });
            observer.observe(root, {subtree: true, childList: true, characterData: true});
        });
        const start = performance.now();
        button.click();
        times.push((await changed) - start);
        await new Promise(r => setTimeout(r, 20));
    }
    return times;
}"""


def bench_navigator(rounds: int = 60) -> dict:
    """(d) click → next step in the DOM, under 4× CPU throttling, on every tree."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(PROJECT / "tests"))
    from conftest import serve

    server = serve(SITE)
    base_url = next(server)
    times: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(base_url=base_url)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        for tree in sorted((PROJECT / "decision_trees").glob("*.yml")):
            page.goto(f"/trees/{tree.stem}/")
            page.wait_for_selector(".wt-navigator__answers button")
            times += page.evaluate(STEP_LATENCY, rounds // 6 or 1)
        browser.close()
    server.close()
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {
        "steps": len(times), "median_ms": round(statistics.median(times), 2), "p95_ms": round(p95, 2),
        "max_ms": round(times[-1], 2), "cpu_throttling": 4, "target_ms": TARGETS["step_ms"],
    }  # fmt: skip


def bench_lighthouse(runs: int, pages: list[str]) -> dict:
    """(e) Lighthouse mobile (its default), median of `runs` per page type, served locally as a host would."""
    from static_host import GzipHandler

    sys.path.insert(0, str(PROJECT / "tests"))
    from conftest import serve

    server = serve(SITE, GzipHandler)
    base_url = next(server)
    results = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for name, page in PAGES.items():
        if name not in pages:
            continue
        url = f"{base_url}/{page.removesuffix('index.html')}"
        scores: dict[str, list[float]] = {"performance": [], "accessibility": [], "best-practices": []}
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as out:
                report = Path(out) / "report.json"
                subprocess.run(
                    [str(PROJECT / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json",
                     f"--output-path={report}", "--only-categories=performance,accessibility,best-practices",
                     "--chrome-flags=--headless=new --no-sandbox"],
                    check=True, env=env, capture_output=True,
                )  # fmt: skip
                categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
                for key in scores:
                    scores[key].append(categories[key]["score"])
        results[name] = {key: statistics.median(values) for key, values in scores.items()}
        results[name]["runs"] = scores
    server.close()
    results["targets"] = {"performance": 0.97, "accessibility": 1.0, "best-practices": 1.0}
    return results


def summary(results: dict) -> str:
    """RESULTS.md: every figure beside its target."""
    lines = ["# Benchmark results", "", f"Written by `benchmarks/run.py` (`make bench`) on {results['machine']}.", ""]
    if build := results.get("build"):
        ok = "met" if build["ratio"] <= build["target"] else "MISSED"
        lines += [
            "## (a) Build time: our strict build against plain MkDocs over the same generated pages",
            f"- ours {build['ours']['median_seconds']} s, plain MkDocs {build['plain_mkdocs']['median_seconds']} s "
            f"(medians of {len(build['ours']['runs_seconds'])}); ratio **{build['ratio']}**, "
            f"target ≤ {build['target']}: {ok}",
            f"- CPU time (user + system, which other work on the machine barely changes): ours "
            f"{build['ours']['median_cpu_seconds']} s, plain MkDocs {build['plain_mkdocs']['median_cpu_seconds']} s; "
            f"ratio **{build['cpu_ratio']}**",
            "",
        ]
    if scale := results.get("scale"):
        lines += ["## (b) Synthetic corpora", "", "| corpus | provisions | validate s | build s | peak MB (build) | "
                  "build time ÷ linear |", "|---|---|---|---|---|---|"]  # fmt: skip
        for name, row in scale.items():
            if name == "multipliers":
                continue
            growth = row["build"].get("growth_vs_linear", "—")
            lines.append(
                f"| {name} | {row['provisions']} | {row['validate']['median_seconds']} | "
                f"{row['build']['median_seconds']} | {row['build']['peak_mb']} | {growth} |"
            )
        lines += ["", "Target: linear growth (÷ linear near or below 1.0).", ""]
    if weight := results.get("weight"):
        lines += ["## (c) Bytes per page type (gzip)", "",
                  "| page | first view KB | repeat view KB | diagram library |", "|---|---|---|---|"]  # fmt: skip
        for name, row in weight.items():
            if isinstance(row, dict):
                lines.append(
                    f"| {name} | {row['first_view_gzip_kb']} | {row['repeat_view_gzip_kb']} | "
                    f"{'yes' if row['diagram_library'] else 'no'} |"
                )
        lines += ["", f"Target: chapter ≤ {weight['target_chapter_first_view_kb']} KB first view; "
                  "no diagram library anywhere (flowcharts: SVG laid out by Graphviz at build time).", ""]  # fmt: skip
    if nav := results.get("navigator"):
        ok = "met" if nav["median_ms"] < nav["target_ms"] else "MISSED"
        lines += [
            "## (d) Navigator step latency (click → next step in the DOM, 4× CPU throttling)",
            f"- {nav['steps']} steps: median **{nav['median_ms']} ms**, p95 {nav['p95_ms']} ms, "
            f"max {nav['max_ms']} ms; "
            f"target < {nav['target_ms']} ms: {ok}",
            "",
        ]
    if lighthouse := results.get("lighthouse"):
        lines += ["## (e) Lighthouse mobile (median of runs)", "",
                  "| page | performance | accessibility | best practices |", "|---|---|---|---|"]  # fmt: skip
        for name, row in lighthouse.items():
            if name != "targets":
                lines.append(f"| {name} | {row['performance']} | {row['accessibility']} | {row['best-practices']} |")
        lines += ["", "Targets: performance ≥ 0.97, accessibility 1.00, best practices 1.00.", ""]
    notes = HERE / "notes.md"
    return "\n".join(lines) + ("\n" + notes.read_text(encoding="utf-8") if notes.exists() else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multipliers", type=int, nargs="*", default=[10, 100], help="synthetic corpus sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (the median is kept)")
    names = ["build", "scale", "weight", "navigator", "lighthouse"]
    parser.add_argument("--skip", nargs="*", default=[], choices=names, help="benchmarks not to run")
    parser.add_argument(
        "--pages", nargs="*", default=list(PAGES), choices=list(PAGES), help="page types Lighthouse measures"
    )
    arguments = parser.parse_args()
    out = HERE / "results.json"
    results = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    results["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(), "date": time.strftime("%F")}
    steps = {
        "build": lambda: bench_build(arguments.runs),
        "scale": lambda: {"multipliers": arguments.multipliers, **bench_scale(arguments.multipliers, 1)},
        "weight": bench_weight,
        "navigator": bench_navigator,
        # Measuring some page types keeps the figures last recorded for the others.
        "lighthouse": lambda: {**results.get("lighthouse", {}), **bench_lighthouse(arguments.runs, arguments.pages)},
    }
    for name, step in steps.items():
        if name in arguments.skip:
            continue
        print(f"benchmark: {name} ...", flush=True)
        results[name] = step()
        out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (HERE / "RESULTS.md").write_text(summary(results), encoding="utf-8")
        print(json.dumps(results[name], indent=2), flush=True)


if __name__ == "__main__":
    main()
