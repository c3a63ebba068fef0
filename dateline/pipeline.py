"""The pipeline: stages composed over a stream of articles.

Every stage is a callable ``(Iterable[Article]) -> Iterator[Article]``; its docstring says what it
needs and what it adds. The CLI, the API and the Dask runner all call :class:`Pipeline`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence

from dateline.model import Article

Stage = Callable[[Iterable[Article]], Iterator[Article]]

#: Stage name -> "module:function". Order matters: each stage needs the ones before it.
STAGES: dict[str, str] = {
    "clean": "dateline.clean:stage",
    "nlp": "dateline.nlp:stage",
    "entities": "dateline.entities:stage",
    "places": "dateline.places:stage",
    "dates": "dateline.dates:stage",
    "events": "dateline.events:stage",
    "quotes": "dateline.quotes:stage",
}
DEFAULT_STAGES: tuple[str, ...] = tuple(STAGES)


def load_stage(name: str) -> Stage:
    """Import the stage function registered under ``name``."""
    from dateline.errors import DatelineError

    if name not in STAGES:
        raise DatelineError(f"unknown stage '{name}'", fix=f"choose among: {', '.join(STAGES)}")
    module, func = STAGES[name].split(":")
    stage: Stage = getattr(importlib.import_module(module), func)
    return stage


class Pipeline:
    """A sequence of stages run lazily over an iterable of articles."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES) -> None:
        self.names = tuple(stages)
        self.stages = [load_stage(n) for n in self.names]

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        stream: Iterable[Article] = articles
        for stage in self.stages:
            stream = stage(stream)
        yield from stream

    def run_one(self, article: Article) -> Article:
        """Run the pipeline on a single article and return it."""
        return next(iter(self([article])))


def extract(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
) -> Article:
    """Run the whole pipeline on one text and return the extracted :class:`Article`.

    ``published`` (ISO date) anchors relative dates; without it they stay unresolved.
    """
    from dateline.ingest import make_article

    article = make_article(text, published=published, source=source, url=url, title=title)
    return Pipeline(stages).run_one(article)
