"""Search quality: recall at 5 of the practitioner queries in tests/test_search.py, on the built site's index.

Run after `make build`: `.venv/bin/python benchmarks/search_recall.py`. Writes benchmarks/search_recall.json with
the figure, the number of queries and the queries whose expected page is not in the first five results.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the query table and the Material search mirror live with the tests

from material_search import MaterialSearch  # noqa: E402
from test_search import QUERIES, RANK, found  # noqa: E402


def main() -> None:
    engine = MaterialSearch(ROOT / "site" / "search" / "search_index.json")
    misses = [query for query, targets in QUERIES if not found(engine.search(query)[:RANK], targets)]
    results = {
        f"recall_at_{RANK}": round(1 - len(misses) / len(QUERIES), 3),
        "queries": len(QUERIES),
        "missed": misses,
    }
    out = Path(__file__).with_name("search_recall.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"recall@{RANK} {results[f'recall_at_{RANK}']} over {len(QUERIES)} queries; missed: {misses}")


if __name__ == "__main__":
    main()
