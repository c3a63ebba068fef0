"""Benchmark: what the places stage adds to the per-article pipeline time.

``python -m dateline.places.bench [FILE ...]`` parses each text once (nlp stage), then times the
places stage on the parsed articles (warm: the gazetteer is loaded before timing) and prints
both per-article times and the ratio. Without files it uses generated sample texts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dateline.model import Article

_SAMPLE = (
    "Officials in {a} said on Monday that a convoy was attacked near {b}, about 20 km east "
    "of {c}. Residents of {d} told reporters that police had closed the road to {e}. "
)
_NAMES = ["Kabul", "Ghazni", "Herat", "Lagos", "Kano", "Aleppo", "Homs", "Mosul", "Basra",
          "Springfield", "Portland", "Dayton", "Austin", "Boise", "Tulsa"]


def _samples(n: int) -> list[str]:
    out = []
    for i in range(n):
        k = [_NAMES[(i + j) % len(_NAMES)] for j in range(5)]
        out.append(_SAMPLE.format(a=k[0], b=k[1], c=k[2], d=k[3], e=k[4]) * 4)
    return out


def run(texts: list[str]) -> dict[str, float]:
    """Seconds per article for the nlp stage and for the places stage, and their ratio."""
    from dateline.nlp import stage as nlp_stage
    from dateline.places import stage as places_stage
    from dateline.places.gazetteer import load

    load()
    arts = [Article(raw_text=t) for t in texts]
    t0 = time.perf_counter()
    parsed = list(nlp_stage(arts))
    t1 = time.perf_counter()
    list(places_stage(parsed))
    t2 = time.perf_counter()
    n = max(1, len(texts))
    nlp_s, places_s = (t1 - t0) / n, (t2 - t1) / n
    return {"nlp_s": nlp_s, "places_s": places_s, "places_over_nlp": places_s / nlp_s}


def main(argv: list[str] | None = None) -> None:
    """Print the benchmark for the given files (or generated samples)."""
    args = sys.argv[1:] if argv is None else argv
    texts = [Path(a).read_text(encoding="utf-8") for a in args] or _samples(50)
    res = run(texts)
    print(
        f"articles {len(texts)}  nlp {res['nlp_s'] * 1000:.1f} ms  "
        f"places {res['places_s'] * 1000:.2f} ms  ratio {res['places_over_nlp']:.1%}"
    )


if __name__ == "__main__":
    main()
