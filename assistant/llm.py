"""Language models: one protocol, the real clients (through llama-index, only here), and FakeLLM.

The model never computes a number and never has the last word: whatever it writes is verified against
the passages and figures it was given (see answer.LLMAnswerer) before anything is shown.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from .errors import LLMError
from .settings import LLMSettings


class LLM(Protocol):
    name: str

    def complete(self, system: str, prompt: str) -> str:
        """The model's reply to one system + user message; raises LLMError on any failure."""
        ...


class LlamaIndexLLM:
    """Any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio) or Ollama, via llama-index."""

    def __init__(self, settings: LLMSettings) -> None:
        self.settings = settings
        self.name = f"{settings.backend}:{settings.model}"
        self._client = None

    def _load(self):  # type: ignore[no-untyped-def]
        if self._client is None:
            s = self.settings
            try:
                if s.backend == "ollama":
                    from llama_index.llms.ollama import Ollama

                    self._client = Ollama(model=s.model, base_url=s.base_url, temperature=s.temperature,
                                          request_timeout=s.timeout)
                else:
                    from llama_index.llms.openai_like import OpenAILike

                    self._client = OpenAILike(
                        model=s.model, api_base=s.base_url, api_key=os.environ.get(s.api_key_env) or "none",
                        is_chat_model=True, timeout=s.timeout, max_retries=0, max_tokens=s.max_tokens,
                        temperature=s.temperature)
            except ImportError as e:
                raise LLMError(f"the '{s.backend}' backend needs the llm extra: pip install -e '.[llm]' ({e})") from None
        return self._client

    def complete(self, system: str, prompt: str) -> str:
        from llama_index.core.llms import ChatMessage

        client = self._load()
        try:
            reply = client.chat([ChatMessage(role="system", content=system), ChatMessage(role="user", content=prompt)])
        except Exception as e:  # noqa: BLE001 - timeouts, refused connections, HTTP errors: all one outcome
            raise LLMError(f"{self.name} at {self.settings.base_url} failed: {type(e).__name__}: {str(e)[:160]}") from None
        text = getattr(reply.message, "content", None)
        if not isinstance(text, str) or not text.strip():
            raise LLMError(f"{self.name} returned an empty or malformed reply")
        return text.strip()


class FakeLLM:
    """A stand-in with the same protocol: replays scripted replies, or cites the first passage it is
    given (like llm's MockModel). For tests and demos; plugged in where the real one goes."""

    name = "fake"

    def __init__(self, replies: Sequence[str | Exception] | Callable[[str, str], str] | None = None) -> None:
        self.replies = replies
        self.calls: list[tuple[str, str]] = []

    def complete(self, system: str, prompt: str) -> str:
        self.calls.append((system, prompt))
        if callable(self.replies):
            return self.replies(system, prompt)
        if self.replies:
            i = min(len(self.calls), len(self.replies)) - 1
            reply = self.replies[i]
            if isinstance(reply, Exception):
                raise reply
            return reply
        m = re.search(r"\[P1\][^\n]*\n?(.*)", prompt)
        first = (m.group(1).strip() if m else "").split(". ")[0]
        return f"{first}. [P1]" if first else "NOT IN THE DOCUMENTS."


def make_llm(settings: LLMSettings) -> LLM | None:
    """The configured backend, or None for the default (no generative model)."""
    factories: dict[str, Callable[[], LLM | None]] = {
        "none": lambda: None,
        "openai": lambda: LlamaIndexLLM(settings),
        "ollama": lambda: LlamaIndexLLM(settings),
    }
    return factories[settings.backend]()
