"""Quotation marks: pair opening and closing marks into quoted spans.

Curly marks say which side they are on; straight double quotes alternate, and a straight mark
glued to the preceding word (``word"``) closes. A quotation still open at a paragraph break is
closed there unless the next paragraph reopens it (the multi-paragraph convention).
"""

from __future__ import annotations

OPEN = "“„«"
CLOSE = "”»"
STRAIGHT = '"'


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every quotation, marks included: ``text[start]`` is the opening mark."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\n" and start is not None and i + 1 < n and text[i + 1] == "\n":
            # Paragraph break inside an open quotation: close it at the end of the paragraph.
            end = i
            while end > start + 1 and text[end - 1].isspace():
                end -= 1
            spans.append((start, end))
            start = None
            continue
        if ch in OPEN:
            start = i
        elif ch in CLOSE:
            if start is not None:
                spans.append((start, i + 1))
                start = None
        elif ch == STRAIGHT:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if prev.isalpha() and nxt.isalpha():
                continue  # a straight mark used as an apostrophe (``country"s``)
            opening = start is None
            if start is None and (prev.isalnum() or prev in ".,!?;:") and not nxt.isalnum():
                opening = False  # a stray closing mark
            if opening:
                start = i
            elif start is not None:
                spans.append((start, i + 1))
                start = None
    if start is not None:
        end = n
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return [(s, e) for s, e in spans if e - s > 2]
