"""`make pdf`: the PDF writer prints each edition of the real site, and the PDFs hold its text and the stamp."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import PROJECT
from playwright.sync_api import Browser
from pypdf import PdfReader
from working_together.load import load_corpus
from working_together.publish.pdf import pdf_pages, write_pdfs

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
COMMIT = subprocess.run(
    ["git", "-C", str(PROJECT), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True
).stdout.strip()


def squeezed(text: str) -> str:
    """Text without whitespace, so line breaks and spacing chosen by the PDF's layout do not matter."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdfs(site: Path, browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfReader]:
    """Every PDF `make pdf` writes, printed from the session's site and opened with pypdf."""
    out_dir = tmp_path_factory.mktemp("pdf")
    written = write_pdfs(site, out_dir, pdf_pages(CORPUS), browser)
    return {path.stem: PdfReader(path) for path in written}


def test_there_is_one_pdf_per_edition(pdfs: dict[str, PdfReader]) -> None:
    """Each edition becomes one PDF, named after it."""
    assert {f"working-together-{edition.id}" for edition in CORPUS.editions} <= set(pdfs)


@pytest.mark.parametrize("edition", CORPUS.editions, ids=lambda edition: edition.id)
def test_an_edition_pdf_holds_its_title_its_provisions_and_the_stamp_on_every_sheet(
    pdfs: dict[str, PdfReader], edition
) -> None:  # noqa: ANN001 - an Edition
    """The title opens the PDF, a provision's wording is in it, and every sheet carries the stamp and its number."""
    reader = pdfs[f"working-together-{edition.id}"]
    sheets = [page.extract_text() for page in reader.pages]
    assert len(sheets) > 1
    assert squeezed(edition.title) in squeezed(sheets[0])
    whole = squeezed(" ".join(sheets))
    first, last = edition.chapters[0].provision_ids[0], edition.chapters[-1].provision_ids[-1]
    for provision_id in (first, last):
        wording = CORPUS.provisions[provision_id].version_in(edition.id).text.split("[[")[0]
        assert squeezed(" ".join(wording.split()[:12])) in whole, provision_id
    for number, sheet in enumerate(sheets, start=1):
        assert squeezed("Valid as of") in squeezed(sheet), number
        assert squeezed(f"{edition.title}") in squeezed(sheet), number
        assert squeezed(f"Built from commit {COMMIT}") in squeezed(sheet), number
        assert squeezed(f"Page {number} of {len(sheets)}") in squeezed(sheet), number


def test_the_summary_pdf_holds_every_current_duty_on_a_few_stamped_sheets(pdfs: dict[str, PdfReader]) -> None:
    """The practitioner summary prints on a few sheets, each stamped, with the title of every current "must"."""
    sheets = [page.extract_text() for page in pdfs["practitioner-summary"].pages]
    assert 1 < len(sheets) <= 8
    whole = squeezed(" ".join(sheets))
    current = CORPUS.current_edition
    duties = [pid for pid in current.placements if CORPUS.provisions[pid].version_in(current.id).strength == "must"]
    assert duties
    for provision_id in duties:
        assert squeezed(CORPUS.provisions[provision_id].title) in whole, provision_id
    for number, sheet in enumerate(sheets, start=1):
        assert squeezed("Valid as of") in squeezed(sheet), number
        assert squeezed(f"Page {number} of {len(sheets)}") in squeezed(sheet), number
