"""Speed benchmark of the temporal tagger alone (no spaCy), for ``dateline bench``."""

from __future__ import annotations

import datetime as dt
import time

from dateline.dates.tagger import tag

_DCT = dt.date(2020, 10, 25)


def tagger_words_per_second(texts: list[str]) -> float:
    """Words per second of :func:`dateline.dates.tagger.tag` over ``texts`` on one core.

    One warm-up pass builds the compiled patterns; the timed pass tags every text with a fixed
    DCT. Words are whitespace-separated tokens.
    """
    if not texts:
        return 0.0
    tag(texts[0], _DCT)
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for text in texts:
        tag(text, _DCT)
    elapsed = time.perf_counter() - t0
    return words / elapsed if elapsed > 0 else float("inf")
