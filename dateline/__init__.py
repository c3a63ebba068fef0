"""dateline: news reports in, a structured, source-attributed, geocoded event database out.

The public API::

    import dateline
    doc = dateline.extract(text, published="2020-10-25", source="Arab News")
"""

from __future__ import annotations

from dateline.errors import DatelineError
from dateline.model import SCHEMA_VERSION, Article
from dateline.pipeline import Pipeline, extract

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Article", "DatelineError", "Pipeline", "__version__", "extract"]
