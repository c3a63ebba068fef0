"""``dateline bench``: words per second of the whole pipeline next to a bare spaCy pass.

Both run in the same process on the same texts, after a warm-up, so the ratio says what dateline
adds on top of the parser; per-stage times say where it goes.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field

from dateline.model import Article
from dateline.nlp import load_model
from dateline.pipeline import DEFAULT_STAGES, load_stage


@dataclass
class BenchResult:
    """Timings of one benchmark run."""

    articles: int
    words: int
    pipeline_seconds: float
    spacy_seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def pipeline_wps(self) -> float:
        """Words per second of the whole pipeline."""
        return self.words / max(self.pipeline_seconds, 1e-9)

    @property
    def spacy_wps(self) -> float:
        """Words per second of bare ``nlp.pipe``."""
        return self.words / max(self.spacy_seconds, 1e-9)

    def as_row(self) -> dict[str, object]:
        """The headline figures as one table row."""
        return {
            "articles": self.articles,
            "words": self.words,
            "pipeline words/s": round(self.pipeline_wps),
            "bare spaCy words/s": round(self.spacy_wps),
            "pipeline / spaCy": round(self.pipeline_wps / max(self.spacy_wps, 1e-9), 3),
            "ms/article": round(1000 * self.pipeline_seconds / max(self.articles, 1), 1),
        }


def run_benchmark(articles: list[Article], repeat: int = 1) -> BenchResult:
    """Time every stage over ``articles`` (``repeat`` passes) and a bare spaCy pass over them."""
    nlp = load_model()
    nlp("Warm-up sentence for the parser.")
    stages = {name: load_stage(name) for name in DEFAULT_STAGES}
    seconds = dict.fromkeys(stages, 0.0)
    words = 0
    spacy_seconds = 0.0
    # Warm caches (lexicons, gazetteer) outside the timed passes.
    warm = [copy.deepcopy(a) for a in articles[:1]]
    for stage in stages.values():
        warm = list(stage(warm))
    for _ in range(repeat):
        batch = [copy.deepcopy(a) for a in articles]
        for name, stage in stages.items():
            t0 = time.perf_counter()
            batch = list(stage(batch))
            seconds[name] += time.perf_counter() - t0
        texts = [a.text for a in batch]
        words += sum(len(t.split()) for t in texts)
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        spacy_seconds += time.perf_counter() - t0
    return BenchResult(
        articles=len(articles) * repeat,
        words=words,
        pipeline_seconds=sum(seconds.values()),
        spacy_seconds=spacy_seconds,
        stage_seconds=seconds,
    )
