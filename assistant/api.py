"""Assistant: wires the stages together; holds no logic of its own."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from .answer import Answerer
from .audit import audit as run_audit
from .check import Checker, format_checks
from .draft import Draft, Drafter
from .errors import AssistantError, IngestError, NotFoundError
from .generate import LLMAnswerer
from .index import Index, IngestReport, current_build, load_index, read_manifest, sync
from .ingest import discover, file_hash, free_name, read, unindexable_name
from .llm import LLM, make_llm
from .retrieve import Retriever, make_retriever, retrieve_in_context
from .settings import Settings, get_settings
from .types import Answer, AuditFinding, Citation, ClaimCheck, Hit, Table


def sample_settings(settings: Settings) -> Settings | None:
    """Settings over the sample documents when the corpus folder holds no document of its own (a new
    user's first `make run`), with their own index folder; None when there are documents, or no samples."""
    if settings.samples is None or not Path(settings.samples).is_dir():
        return None
    if Path(settings.corpus).is_dir() and discover([settings.corpus], settings)[0]:
        return None
    if not discover([settings.samples], settings)[0]:
        return None
    return settings.model_copy(update={"corpus": Path(settings.samples), "index_dir": Path(settings.index_dir) / "samples"})


class Assistant:
    """The library's front door.

    >>> from assistant import Assistant, get_settings
    >>> assistant = Assistant.from_settings(get_settings({"corpus": "corpus", "index_dir": "index"}))
    >>> hits = assistant.retrieve("How much DFG went to Wycombe in 2019-20?", k=3)  # doctest: +SKIP

    Collaborators are injected (`index`, `llm`); missing ones are built from settings on first use.
    """

    def __init__(self, settings: Settings, index: Index | None = None, llm: Any = None) -> None:
        self.settings = settings
        self._index = index
        self._llm = llm
        self._retriever: Retriever | None = None
        self._answerer: Answerer | LLMAnswerer | None = None

    @property
    def showing_samples(self) -> bool:
        """Is this the sample set (settings.samples), shown because the corpus folder has no documents?"""
        return self.settings.samples is not None and Path(self.settings.corpus).resolve() == Path(
            self.settings.samples).resolve()

    def use_settings(self, settings: Settings) -> None:
        """Answer from another corpus and index from now on (the app leaves the samples for the user's own)."""
        self.settings = settings
        self._reload()

    @classmethod
    def from_settings(cls, settings: Settings | dict[str, Any] | str | Path | None = None) -> Assistant:
        return cls(get_settings(settings))

    # ------------------------------------------------------------------ index

    @property
    def index(self) -> Index:
        self._follow_switch()
        if self._index is None:
            self._index = load_index(self.settings)
        return self._index

    def _follow_switch(self) -> None:
        """Another process (the CLI, another app worker) may have rebuilt the index folder since this one
        was loaded: answer from the build it points to now, never from a replaced one."""
        if self._index is None:
            return
        folder = Path(self.settings.index_dir).resolve()
        if self._index.path.resolve().parent != folder:
            return  # an index injected from elsewhere is kept as given
        now = current_build(folder)
        if now is not None and now.resolve() != self._index.path.resolve():
            self._reload()

    @property
    def retriever(self) -> Retriever:
        self._follow_switch()
        if self._retriever is None:
            self._retriever = make_retriever(self.index, self.settings.retrieval)
        return self._retriever

    def _reload(self) -> None:
        if self._index is not None:
            self._index.close()
        self._index = None
        self._retriever = None
        self._answerer = None

    def ingest(self, paths: list[str | Path] | None = None, progress: bool = True) -> IngestReport:
        """Index files and folders (default: the corpus folder); unchanged documents cost nothing."""
        report = sync(self.settings, paths, progress=progress)
        if report.wrote:
            self._reload()
        return report

    def add_document(self, path: str | Path, progress: bool = False, name: str | None = None) -> IngestReport:
        """Copy a file into the corpus folder (as `name`, default its own) and index it. A file that cannot
        be read, or whose name would never be indexed (hidden, README, unsupported type), changes nothing
        and raises IngestError with the reason. A different file already there under that name is never
        overwritten: the new one is kept as 'name (2).ext' and the report's notes say so."""
        src = Path(path)
        name = name or src.name
        why = unindexable_name(name, self.settings)
        if why is not None:
            raise IngestError(name, why)
        read(src, name, self.settings)  # raises IngestError before anything is copied
        corpus = Path(self.settings.corpus)
        corpus.mkdir(parents=True, exist_ok=True)
        dest = corpus / name
        notes = []
        if dest.exists() and src.resolve() != dest.resolve():
            if file_hash(dest.read_bytes()) == file_hash(src.read_bytes()):
                notes.append(f"{name} is already in the corpus, unchanged")
            else:
                dest = free_name(dest)
                notes.append(f"a different {name} is already in the corpus; this one is kept as {dest.name}")
        if not dest.exists():
            shutil.copyfile(src, dest)
        report = self.ingest([corpus], progress=progress)
        report.notes.extend(notes)
        report.stored_as = dest.name
        return report

    def remove_document(self, name: str) -> IngestReport:
        """Take a document out of the index. Its file is moved to `<corpus>/.removed/` (hidden folders are not
        indexed), so a removal can be undone by moving it back; nothing is deleted."""
        if self.showing_samples:
            raise AssistantError("the sample plans are not removed: add your own documents and they replace them")
        doc = self.resolve_docs([name])[0]
        meta = self.index.manifest["docs"][doc]
        path = Path(meta["path"])
        corpus = Path(self.settings.corpus).resolve()
        if not path.resolve().is_relative_to(corpus):
            raise IngestError(str(path), "is not in the corpus folder; remove it there yourself")
        if path.exists():
            bin_ = corpus / ".removed"
            bin_.mkdir(exist_ok=True)
            dest = bin_ / path.name
            n = 1
            while dest.exists():
                dest = bin_ / f"{path.stem}.{n}{path.suffix}"
                n += 1
            shutil.move(str(path), dest)
        return self.ingest([corpus], progress=False)

    def documents(self) -> list[dict[str, Any]]:
        """Indexed documents: name, title (its cover title or first heading; the name when none), format,
        pages/lines, chunks, tables, hash."""
        manifest = read_manifest(self.settings) if self._index is None else self.index.manifest
        if manifest is None:
            return []
        index = self.index if manifest.get("docs") else None
        return [{"name": name, "title": index.title(name) if index is not None else name, "format": d["format"],
                 "pages": d.get("n_pages"), "lines": d["n_lines"], "chunks": d["passages"], "tables": d["tables"],
                 "sha256": d["sha256"], "path": d["path"]}
                for name, d in sorted(manifest.get("docs", {}).items())]

    def failed_documents(self) -> list[dict[str, str]]:
        """Files of the corpus that could not be indexed, with why (skipped until they change)."""
        manifest = read_manifest(self.settings) if self._index is None else self.index.manifest
        return [{"path": path, "error": d["error"]} for path, d in sorted((manifest or {}).get("failed", {}).items())]

    def resolve_docs(self, names: list[str] | None) -> list[str]:
        """Map user-given names ('000', 'wiltshire.pdf', a full name) to indexed document names."""
        if not names:
            return []
        known = self.index.docs
        out = []
        for n in names:
            if n in known:
                out.append(n)
                continue
            matches = [k for k in known if k.startswith(n) or Path(k).stem == n or n.lower() in k.lower()]
            if len(matches) != 1:
                raise NotFoundError(f"no single document matches '{n}' (indexed: {', '.join(known) or 'none'})")
            out.append(matches[0])
        return out

    # ------------------------------------------------------------------ retrieval and tables

    def retrieve(self, query: str, k: int | None = None, docs: list[str] | None = None) -> list[Hit]:
        """Hybrid retrieval: the k best passages for a query, optionally within some documents, each with
        its context window (`Hit.context`, see settings.retrieval.context_chars)."""
        return retrieve_in_context(self.retriever, self.index, self.settings.retrieval, query,
                                   k or self.settings.retrieval.k, self.resolve_docs(docs) or None)

    def tables(self, doc: str | None = None) -> list[Table]:
        """Tables found in the indexed documents (tables of contents included, kind 'contents')."""
        tables = self.index.tables()
        if doc:
            name = self.resolve_docs([doc])[0]
            tables = [t for t in tables if t.doc == name]
        return tables

    def table(self, table_id: str) -> Table:
        t = self.index.table(table_id)
        if t is None:
            raise NotFoundError(f"no table with id '{table_id}' (list them with `assistant tables`)")
        return t

    @property
    def llm(self) -> LLM | None:
        if self._llm is None and self.settings.llm.backend != "none":
            self._llm = make_llm(self.settings.llm)
        return self._llm

    @property
    def answerer(self) -> Answerer | LLMAnswerer:
        """The default answerer, or the verified LLM answerer when a backend is configured."""
        self._follow_switch()
        if self._answerer is None:
            default = Answerer(self.index, self.settings, self.retriever)  # type: ignore[arg-type]
            llm = self.llm
            self._answerer = LLMAnswerer(default, llm) if llm is not None else default
        return self._answerer

    def ask(self, question: str, history: list[Any] | None = None, docs: list[str] | None = None) -> Answer:
        """Answer a question from the documents: cited sentences, computed figures, or 'the documents
        don't say'. `history` holds earlier turns (Answers, or dicts with 'question') for follow-ups."""
        self._within(question, self.settings.max_question_chars, "a question", "ask a shorter question")
        return self.answerer.ask(question, history, self.resolve_docs(docs) or None)

    @staticmethod
    def _within(text: str, limit: int, what: str, instead: str) -> None:
        """Refuse an input longer than its limit, before any work: one huge request must not hold the
        queue for everyone."""
        if len(text) > limit:
            raise AssistantError(f"{what} of {len(text):,} characters is longer than the {limit:,} accepted; {instead}")

    @property
    def default_answerer(self) -> Answerer:
        a = self.answerer
        return a.default if isinstance(a, LLMAnswerer) else a

    def check(self, text: str, docs: list[str] | None = None) -> list[ClaimCheck]:
        """Split a text into claims and mark each supported, contradicted (with the correct value) or
        unverifiable, with its evidence."""
        if not text.strip():
            return []
        self._within(text, self.settings.max_check_chars, "a text to check", "check it in parts")
        return Checker(self.default_answerer, self.llm).check(text, self.resolve_docs(docs) or None)

    def check_file(self, path: str | Path, docs: list[str] | None = None) -> tuple[list[ClaimCheck], str]:
        """Check every claim of a draft (.md, .txt, .docx or .pdf); returns the checks and a Markdown report."""
        doc = read(Path(path), Path(path).name, self.settings)
        text = "\n".join(ln.text for ln in doc.lines if ln.text.strip() and not ln.text.lstrip().startswith("#"))
        checks = self.check(text, docs)
        return checks, format_checks(checks, f"Claims checked in {Path(path).name}")

    def draft(self, request: str, docs: list[str] | None = None, outline: list[str] | None = None,
              length_words: int | None = None) -> Draft:
        """A narrative section for a request: cited sentences, key figures from the figure engine, gaps."""
        if not request.strip():
            raise AssistantError("say what to draft, e.g. 'a 200-word summary of the 2019-20 funding allocations'")
        self._within(request, self.settings.max_question_chars, "a draft request", "say it more briefly")
        return Drafter(self.default_answerer, self.llm).draft(request, self.resolve_docs(docs) or None, outline,
                                                              length_words)

    def context(self, c: Citation, around: int = 2) -> tuple[tuple[str, ...], list[tuple[int, str, bool]]]:
        """A citation in its context: the heading path of its passage, and the lines around it as
        (line number, text, cited?)."""
        i = self.index.by_id.get(c.passage_id)
        heading = self.index.passages[i].heading if i is not None else ()
        lines = self.index.lines(c.doc, c.page, max(1, c.line_start - around), c.line_end + around)
        return heading, [(ln.no, ln.text, c.line_start <= ln.no <= c.line_end) for ln in lines]

    def table_csv(self, table_id: str) -> str:
        """One table as CSV with typed values (numbers without £, commas or brackets)."""
        import csv
        import io

        t = self.table(table_id)
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["line", *(c or f"column {i + 1}" for i, c in enumerate(t.columns))])
        for r in t.rows:
            w.writerow([r.lines[0], *(c.text if c.value is None else format(c.value, "f") for c in r.cells)])
        return buf.getvalue()

    def audit(self, doc: str | None = None) -> list[AuditFinding]:
        """Recompute totals, changes and restated figures; report what does not add up."""
        names = self.resolve_docs([doc]) if doc else self.index.docs
        docs = [self.index.source_doc(n) for n in names]
        return run_audit(docs, [t for t in self.index.tables() if t.doc in names])
