"""Shared fixtures: the project's own test articles and a helper to run the pipeline on them."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from dateline.ingest import make_article
from dateline.model import Article
from dateline.pipeline import DEFAULT_STAGES, Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
needs_shared = pytest.mark.skipif(
    not (SHARED / "datasets").exists(), reason="../shared is not here"
)


def fixture_text(name: str) -> str:
    """The text of a fixture file in tests/fixtures."""
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def run() -> Callable[..., Article]:
    """Run the pipeline (all stages, or the given ones) on a text."""

    def _run(
        text: str,
        published: str | None = "2021-06-14",
        stages: Sequence[str] = DEFAULT_STAGES,
        source: str | None = "Test Wire",
    ) -> Article:
        return Pipeline(stages).run_one(make_article(text, published=published, source=source))

    return _run


@pytest.fixture(scope="session")
def scraped(run: Callable[..., Article]) -> Article:
    """Our scraped-article fixture through clean, nlp and entities."""
    return run(fixture_text("scraped_article.txt"), stages=("clean", "nlp", "entities"))
