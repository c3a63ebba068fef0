"""Quotation marks: pair opening and closing marks into quoted spans.

Curly marks say which side they are on; straight double quotes alternate, and a straight mark
glued to the preceding word (``word"``) closes. Two apostrophes (``''``, a typewriter convention
of some newspapers) count as one straight double mark. A quotation still open at a paragraph break is
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
    skip = False
    for i, ch in enumerate(text):
        if skip:
            skip = False
            continue
        if ch == "'" and text[i + 1 : i + 3] == "''" and start is not None:
            continue  # ",'''": an inner quotation's closing mark right before the outer one's
        if ch == "'" and text[i + 1 : i + 2] == "'":
            ch, skip = STRAIGHT, True
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
            elif (i == 0 or text[i - 1].isspace()) and text[i + 1 : i + 2].isalnum():
                start = i  # a closing mark typed for an opening one ("”Fear. ...”")
        elif ch == STRAIGHT:
            prev = text[i - 1] if i else " "
            j = i + (2 if skip else 1)
            nxt = text[j] if j < n else " "
            if prev.isalpha() and nxt.isalpha():
                continue  # a straight mark used as an apostrophe (``country"s``)
            opening = start is None
            if start is None and (prev.isalnum() or prev in ".,!?;:") and not nxt.isalnum():
                opening = False  # a stray closing mark
            if opening:
                start = i
            elif start is not None:
                spans.append((start, i + (2 if skip else 1)))
                start = None
    if start is not None:
        end = n
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return [(s, e) for s, e in spans if e - s > 2]


def before_close(text: str, span: tuple[int, int]) -> str:
    """The character just inside a quotation's closing mark (``,`` in ``"Yes,"``)."""
    end = span[1] - (2 if text[span[1] - 2 : span[1]] == "''" else 1)
    while end - 1 > span[0] and text[end - 1] in "'’\"”":
        end -= 1  # an inner quotation closing with the outer one: '... do you need?’”'
    return text[end - 1] if end > span[0] else ""
