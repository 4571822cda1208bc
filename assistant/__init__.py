"""plan-assistant: answers, drafts and checks over plan documents, with every number traceable.

Importing this package is cheap: models and indexes load on first use, and gradio is never imported.
"""

from .api import Assistant
from .errors import AssistantError, IndexMissingError, IngestError, NotFoundError, StaleIndexError
from .settings import Settings, get_settings
from .types import Answer, AuditFinding, Cell, CellRef, Citation, Figure, Hit, Line, Passage, Row, SourceDoc, Table

__all__ = [
    "Answer", "Assistant", "AssistantError", "AuditFinding", "Cell", "CellRef", "Citation", "Figure", "Hit",
    "IndexMissingError", "IngestError", "Line", "NotFoundError", "Passage", "Row", "Settings", "SourceDoc",
    "StaleIndexError", "Table", "get_settings",
]
