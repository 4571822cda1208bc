"""Library errors. Shells map these to one clean line and a non-zero exit."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: the message is meant for the user, one line, naming what went wrong."""


class IngestError(AssistantError):
    """A file could not be read; the message names the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IndexMissingError(AssistantError):
    """There is no built index where the settings point."""


class StaleIndexError(AssistantError):
    """The index no longer matches the corpus or the settings, and rebuilding was not allowed."""


class NotFoundError(AssistantError):
    """A named document, table or item does not exist."""


class LLMError(AssistantError):
    """The language-model server failed: timeout, connection error or malformed reply."""
