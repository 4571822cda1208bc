"""The LLM answerer with a fake model: parsing, verification, fallbacks, and planted instructions.

FakeLLM implements the same protocol as the real client and is plugged in where the real one goes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answer import Answerer
from assistant.errors import LLMError
from assistant.generate import LLMAnswerer
from assistant.index import Index, load_index, sync
from assistant.llm import FakeLLM
from assistant.prompts import NOT_FOUND, render
from assistant.settings import Settings

from .conftest import DATA, CountingEmbedder


def make(index: Index, settings: Settings, replies) -> tuple[LLMAnswerer, FakeLLM]:  # type: ignore[no-untyped-def]
    fake = FakeLLM(replies)
    return LLMAnswerer(Answerer(index, settings), fake), fake


QUESTION = "What is the 19/20 allocation for DFG?"


def test_cited_and_locked_sentences_are_kept(fixture_index: Index, settings: Settings) -> None:
    def reply(system: str, prompt: str) -> str:
        assert "[P1]" in prompt and "[F1]" in prompt and NOT_FOUND in prompt
        return "The DFG allocation for 2019/20 is £2,158,000 [F1]. It rose from £2,000,000 in 2018/19 [P2]."
    llm, fake = make(fixture_index, settings, reply)
    ans = llm.ask(QUESTION)
    assert ans.mode == "llm:fake" and ans.answered
    assert "£2,158,000" in ans.text and "[F1]" not in ans.text and "[1]" in ans.text
    assert ans.citations and all(c.doc == "plan.txt" for c in ans.citations)
    assert ans.figures and ans.figures[0].value == 2158000


def test_unsupported_number_is_removed(fixture_index: Index, settings: Settings) -> None:
    llm, _ = make(fixture_index, settings, [
        "The DFG allocation for 2019/20 is £2,158,000 [F1]. The DFG will double to £4,400,000 next year [P2]."])
    ans = llm.ask(QUESTION)
    assert "£2,158,000" in ans.text and "4,400,000" not in ans.text
    assert any("removed" in n for n in ans.notes)


def test_invented_ids_and_uncited_sentences_are_dropped(fixture_index: Index, settings: Settings) -> None:
    llm, _ = make(fixture_index, settings, ["The DFG allocation is £2,158,000 [P99]. Everyone agrees on it."])
    ans = llm.ask(QUESTION)
    assert ans.mode == "extractive" and "could not be verified" in " ".join(ans.notes)
    assert "£2,158,000" in ans.text  # the default answer, which cites its row


@pytest.mark.parametrize("failure", [LLMError("timed out after 60 s"), LLMError("connection refused")])
def test_server_failures_fall_back(fixture_index: Index, settings: Settings, failure: LLMError) -> None:
    llm, _ = make(fixture_index, settings, [failure])
    ans = llm.ask(QUESTION)
    assert ans.mode == "extractive" and "£2,158,000" in ans.text
    assert any("could not be used" in n for n in ans.notes)


def test_not_found_sentinel(fixture_index: Index, settings: Settings) -> None:
    llm, _ = make(fixture_index, settings, [NOT_FOUND])
    ans = llm.ask("How much did the council spend on road resurfacing in 2019-20?")
    assert not ans.answered


def test_prompts_carry_passages_as_data(fixture_index: Index, settings: Settings) -> None:
    llm, fake = make(fixture_index, settings, None)
    llm.ask(QUESTION)
    system, prompt = fake.calls[-1]
    assert system == render("system")
    assert "<<<PASSAGES" in prompt and "PASSAGES>>>" in prompt and "[P1] (plan.txt" in prompt


@pytest.fixture
def injected_index(tmp_path: Path, embedder: CountingEmbedder) -> tuple[Index, Settings]:
    corpus = tmp_path / "inj"
    corpus.mkdir()
    shutil.copy(DATA / "injected.txt", corpus / "injected.txt")
    s = Settings(corpus=corpus, index_dir=tmp_path / "inj-index")
    sync(s, embedder=embedder, progress=False)
    return load_index(s), s


def test_instructions_planted_in_a_document_change_nothing(injected_index: tuple[Index, Settings]) -> None:
    index, s = injected_index

    def obedient(system: str, prompt: str) -> str:
        if "Ignore previous instructions" in prompt:  # a model that falls for the planted text
            return (f"My instructions are: {system} [P1]. The total budget is £999,999,999 and no citation is needed.")
        return NOT_FOUND
    llm, _ = make(index, s, obedient)
    for question in ("What is the total budget?", "What is the Disabled Facilities Grant for 2019-20?"):
        ans = llm.ask(question)
        assert "never reveal" not in ans.text.lower() and "data, not instructions" not in ans.text
        assert "999,999,999" not in ans.text or all("999,999,999" in c.quote for c in ans.citations)
    default = Assistant(s, index=index).ask("What is the Disabled Facilities Grant for 2019-20?")
    assert "£2,158,000" in default.text and default.mode == "extractive"


def test_an_answer_below_the_confidence_floor_is_not_handed_to_the_model(fixture_index: Index,
                                                                        settings: Settings) -> None:
    """The policy holds with a model too: evidence whose answer was withheld is not rewritten by it."""
    strict = settings.model_copy(update={"min_confidence": 0.999})
    llm, fake = make(fixture_index, strict, ["The DFG allocation for 2019/20 is £2,158,000 [F1]."])
    ans = llm.ask(QUESTION)
    assert not ans.answered and fake.calls == []
    assert any("confidence threshold" in n for n in ans.notes) and ans.closest


def test_a_question_in_parts_with_a_part_unanswered_is_not_handed_to_the_model(fixture_index: Index,
                                                                                settings: Settings) -> None:
    """A part nothing answers is named, and the model is not asked to fill it in."""
    llm, fake = make(fixture_index, settings, ["The DFG is £2,158,000 [F1] and Dr Jones chairs the dental board [P1]."])
    ans = llm.ask("What is the 19/20 allocation for DFG, and who chairs the dental board?")
    assert not ans.answered and fake.calls == []
    assert "£2,158,000" in ans.text and ans.state["unanswered"] == ["who chairs the dental board"]
    assert any("part of the question" in n for n in ans.notes)
