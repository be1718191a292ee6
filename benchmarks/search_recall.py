"""Search quality, measured the way a person searches: practitioners' queries typed into Material's real search box
in Chromium (tests/search_queries.py), and the keyword table of tests/test_search.py through the Python mirror.

Run after `make build`: `.venv/bin/python benchmarks/search_recall.py`. Writes benchmarks/search_recall.json: recall at
5 and mean reciprocal rank of the typed queries, the queries missed and those not answered first, and the mirror's
recall at 5 on the keyword table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the query tables, the search mirror and the browser helpers live there

from browser_search import measure  # noqa: E402
from conftest import CHROMIUM, serve  # noqa: E402
from material_search import MaterialSearch  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from search_queries import NATURAL_QUERIES  # noqa: E402
from test_search import QUERIES, RANK, found  # noqa: E402


def main() -> None:
    site = ROOT / "site"
    server = serve(site)
    base = next(server)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        typed = measure(browser.new_page(base_url=base), base, NATURAL_QUERIES, RANK)
        browser.close()
    engine = MaterialSearch(site / "search" / "search_index.json")
    misses = [query for query, targets in QUERIES if not found(engine.search(query)[:RANK], targets)]
    results = {
        "typed_in_chromium": typed,
        "keyword_table_mirror": {
            f"recall_at_{RANK}": round(1 - len(misses) / len(QUERIES), 3),
            "queries": len(QUERIES),
            "missed": misses,
        },
    }
    out = Path(__file__).with_name("search_recall.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(
        f"typed in Chromium: recall@{RANK} {typed[f'recall_at_{RANK}']}, MRR {typed['mrr']} over {typed['queries']} "
        f"queries, missed {typed['missed']}; keyword table (mirror): recall@{RANK} "
        f"{results['keyword_table_mirror'][f'recall_at_{RANK}']} over {len(QUERIES)}, missed {misses}"
    )


if __name__ == "__main__":
    main()
