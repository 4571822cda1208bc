"""Prompts are files in prompts/: loaded, rendered with string.Template, and checked.

render() raises when a variable is missing or when one is given that the template does not use, so a
prompt and its caller cannot drift apart silently. Sentinels the parser relies on are defined here, once.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"

NOT_FOUND = "NOT IN THE DOCUMENTS."  # the model's reply when the passages do not answer
CITATION = r"\[(P|F)(\d+)\]"  # how the model cites: [P3] for passage 3, [F1] for figure 1

PROMPTS = ("system", "answer", "condense", "draft", "check")


class PromptError(ValueError):
    pass


@lru_cache(maxsize=16)
def load(name: str, folder: str | None = None) -> string.Template:
    path = Path(folder or PROMPTS_DIR) / f"{name}.md"
    if not path.is_file():
        raise PromptError(f"no prompt file {path}")
    return string.Template(path.read_text(encoding="utf-8"))


def variables(name: str, folder: str | None = None) -> set[str]:
    """The $names a prompt uses."""
    t = load(name, folder)
    return {m.group("named") or m.group("braced") for m in t.pattern.finditer(t.template)
            if m.group("named") or m.group("braced")}


def render(name: str, folder: str | None = None, **values: object) -> str:
    """The prompt with every variable filled; extra or missing variables are errors."""
    needed = variables(name, folder)
    missing = needed - set(values)
    unused = set(values) - needed
    if missing:
        raise PromptError(f"prompt '{name}' needs {sorted(missing)}")
    if unused:
        raise PromptError(f"prompt '{name}' does not use {sorted(unused)}")
    return load(name, folder).substitute({k: str(v) for k, v in values.items()})
