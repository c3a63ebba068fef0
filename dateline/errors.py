"""Errors. Every error dateline raises derives from :class:`DatelineError` and says how to fix it.

Each class has a stable ``code`` (like spaCy's ``E050``) so users can search for it, and messages
name the file (when there is one) and the fix.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of all dateline errors."""

    code = "DL000"

    def __init__(self, message: str, *, path: str | None = None, fix: str | None = None) -> None:
        self.path = path
        self.fix = fix
        self.message = message
        super().__init__(self.render())

    def render(self) -> str:
        """One line: ``[CODE] path: message. Fix: ...``."""
        where = f"{self.path}: " if self.path else ""
        how = f" Fix: {self.fix}" if self.fix else ""
        return f"[{self.code}] {where}{self.message}.{how}"


class InputError(DatelineError):
    """An input file or record cannot be read as an article."""

    code = "DL100"


class EmptyInputError(InputError):
    """The input has no text."""

    code = "DL101"


class BinaryInputError(InputError):
    """The input looks like a binary file, not text."""

    code = "DL102"


class EncodingError(InputError):
    """The input is not valid in the expected text encoding."""

    code = "DL103"


class InputTooLargeError(InputError):
    """The input exceeds the size limit for one article."""

    code = "DL104"


class HTMLExtractionError(InputError):
    """No article body could be extracted from an HTML page."""

    code = "DL105"


class CorpusFormatError(InputError):
    """A JSONL or CSV corpus is malformed or lacks the text column."""

    code = "DL106"


class UnsupportedInputError(InputError):
    """The file type is not one dateline reads."""

    code = "DL107"


class MetadataError(InputError):
    """Article metadata (publication date, sidecar JSON) is invalid."""

    code = "DL108"


class ModelError(DatelineError):
    """A bundled model or data package is missing or broken."""

    code = "DL200"


class SchemaError(DatelineError):
    """A stored document or database uses a schema this version cannot read."""

    code = "DL300"


class StoreError(DatelineError):
    """The database cannot be opened or written."""

    code = "DL400"


class EvalDataError(DatelineError):
    """Gold data for ``dateline eval`` cannot be found or parsed."""

    code = "DL500"
