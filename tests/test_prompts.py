"""Prompts are files; every one renders with exactly its variables; sentinels are shared with the parser."""

from __future__ import annotations

import pytest

from assistant.prompts import NOT_FOUND, PROMPTS, PromptError, render, variables


def test_every_prompt_renders_with_its_declared_variables() -> None:
    for name in PROMPTS:
        values = {v: f"<{v}>" for v in variables(name)}
        text = render(name, **values)
        assert "$" not in text.replace("$$", "")
        for v in values.values():
            assert v in text


def test_missing_and_unused_variables_are_errors() -> None:
    with pytest.raises(PromptError, match="needs"):
        render("answer", question="q")
    values = {v: "x" for v in variables("answer")}
    with pytest.raises(PromptError, match="does not use"):
        render("answer", **values, surplus="y")


def test_sentinel_is_inserted_not_retyped() -> None:
    values = {v: "x" for v in variables("answer")}
    values["not_found"] = NOT_FOUND
    assert NOT_FOUND in render("answer", **values)
    assert "not_found" in variables("answer")
