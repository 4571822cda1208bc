"""Build, update and load the persistent index: FAISS + BM25 + passages + DuckDB store + manifest.

Layout of the index folder:
    CURRENT                 name of the live build (replaced atomically)
    build-<stamp>/          one complete build
        manifest.json       embedding model, chunking settings, every document's content hash
        passages.jsonl      the chunk store, one Passage per line, aligned with vectors.npy
        vectors.npy         unit-length embeddings (float32)
        dense.faiss         FAISS inner-product index over the vectors
        bm25/               bm25s keyword index over the same passages
        store.duckdb        documents, source lines, tables, rows, cells
        terms.json          term statistics the answerer needs on its first question (term_stats)

Incremental: a document whose bytes did not change keeps its passages and tables; a passage whose id
(content-derived) already has a vector is never embedded again. Nothing changed -> nothing is written.
Atomic: a new build is written beside the live one and CURRENT is switched with os.replace; a crash
mid-ingest leaves the previous build live. This is the only module that imports faiss.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .chunking import analyse, embedding_text
from .embedding import DIM, Embedder, NumpyEmbedder, SentenceTransformerEmbedder, TokenCounter
from .errors import IndexMissingError, IngestError, StaleIndexError
from .ingest import discover, file_hash, read, too_large
from .query import content_terms, years_in
from .settings import Settings
from .store import Store, write_store
from .text import acronyms_of, expand_acronyms, index_terms
from .types import Line, Passage, SourceDoc, Table

MANIFEST_VERSION = 1


@dataclass
class IngestReport:
    documents: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    chunks: int = 0
    tables: int = 0
    embedded: int = 0
    word_pieces: int = 0
    seconds: float = 0.0
    wrote: bool = False
    errors: list[str] = field(default_factory=list)
    rebuilt_because: str = ""
    notes: list[str] = field(default_factory=list)  # what a user should know (a file kept under another name)
    stored_as: str = ""  # the name a document added by `Assistant.add_document` is indexed under

    def summary(self) -> str:
        s = (f"{self.documents} documents ({self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
             f"{self.removed} removed), {self.chunks} chunks, {self.tables} tables, "
             f"{self.embedded} chunks embedded, {self.seconds:.1f} s")
        if self.errors:
            s += f"; {len(self.errors)} file(s) could not be indexed"
        return s


# --------------------------------------------------------------------------- paths and manifest


def current_build(index_dir: Path) -> Path | None:
    """The build the index folder points to now (another process may have switched it)."""
    ptr = index_dir / "CURRENT"
    if not ptr.is_file():
        return None
    build = index_dir / ptr.read_text(encoding="utf-8").strip()
    return build if (build / "manifest.json").is_file() else None


def _shape(settings: Settings) -> dict[str, Any]:
    """What the vectors depend on: a mismatch means no vector can be reused."""
    return {"embedding_model": settings.embedding.model, "embedding_window": settings.embedding.max_tokens}


_PIPELINE_MODULES = ("ingest.py", "pdf_layout.py", "layout.py", "tables.py", "values.py", "text.py", "chunking.py")


def _pipeline(settings: Settings) -> dict[str, Any]:
    """What passages and tables depend on: the chunking settings and the code that reads documents.
    A mismatch means every document is read again (vectors of unchanged passages are still reused)."""
    here = Path(__file__).parent
    code = hashlib.sha256(b"".join((here / m).read_bytes() for m in _PIPELINE_MODULES)).hexdigest()[:12]
    return {"chunking": settings.chunking.model_dump(), "code": code}


def index_hash(manifest: dict[str, Any]) -> str:
    docs = sorted((k, v["sha256"]) for k, v in manifest.get("docs", {}).items())
    blob = json.dumps({"shape": manifest.get("shape"), "pipeline": manifest.get("pipeline"), "docs": docs},
                      sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


def read_manifest(settings: Settings) -> dict[str, Any] | None:
    build = current_build(Path(settings.index_dir))
    if build is None:
        return None
    return json.loads((build / "manifest.json").read_text(encoding="utf-8"))


@contextmanager
def _lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- staleness


def _same_failure(path: Path, before: dict[str, Any] | None) -> bool:
    """Is this the file that failed before, unchanged (same size, and same content when it was read)?"""
    if before is None or path.stat().st_size != before["size"]:
        return False
    return before["sha256"] is None or file_hash(path.read_bytes()) == before["sha256"]


def stale_reasons(settings: Settings, manifest: dict[str, Any] | None = None) -> list[str]:
    """Why the live index no longer matches the settings or the files it was built from ([] = fresh)."""
    manifest = manifest if manifest is not None else read_manifest(settings)
    if manifest is None:
        return ["no index has been built"]
    reasons = []
    if manifest.get("version") != MANIFEST_VERSION:
        reasons.append("index format changed")
    if manifest.get("shape") != _shape(settings):
        reasons.append("embedding settings changed")
    if manifest.get("pipeline") != _pipeline(settings):
        reasons.append("chunking settings or document reading changed")
    for name, d in manifest.get("docs", {}).items():
        p = Path(d["path"])
        if not p.is_file():
            reasons.append(f"{name} was removed")
        elif p.stat().st_size != d.get("size") or file_hash(p.read_bytes()) != d["sha256"]:
            reasons.append(f"{name} changed")
    known = {d["path"] for d in manifest.get("docs", {}).values()}
    for root in manifest.get("roots", []):
        if Path(root).is_dir():
            found, _ = discover([root], settings)
            failed = manifest.get("failed", {})
            reasons.extend(f"{f.name} is new" for f in found
                           if str(f.path) not in known and not _same_failure(f.path, failed.get(str(f.path))))
    return reasons


# --------------------------------------------------------------------------- building


def sync(settings: Settings, paths: list[str | Path] | None = None, embedder: Embedder | None = None,
         progress: bool = True) -> IngestReport:
    """Bring the index in line with `paths` (default: the corpus folder): add new and changed documents,
    drop documents that disappeared from a synced folder, reuse every vector that is still valid."""
    t0 = time.perf_counter()
    index_dir = Path(settings.index_dir)
    roots = [Path(p) for p in (paths if paths else [settings.corpus])]
    report = IngestReport()
    with _lock(index_dir):
        old = current_build(index_dir)
        old_manifest = json.loads((old / "manifest.json").read_text()) if old else None
        reuse = old_manifest is not None and old_manifest.get("shape") == _shape(settings) and \
            old_manifest.get("version") == MANIFEST_VERSION
        reread = reuse and old_manifest is not None and old_manifest.get("pipeline") != _pipeline(settings)
        if old_manifest is not None and not reuse:
            report.rebuilt_because = "embedding settings changed: rebuilding from scratch"
        elif reread:
            report.rebuilt_because = "chunking settings or document reading changed: every document is read again"
        old_docs: dict[str, Any] = old_manifest.get("docs", {}) if reuse and old_manifest else {}

        found, errors = discover(roots, settings)
        report.errors.extend(str(e) for e in errors)
        # files that failed before, by path: skipped while unchanged, so one bad file does not rebuild the
        # index at every start (their errors are kept in the manifest and shown by `assistant docs`)
        old_failed: dict[str, dict[str, Any]] = (old_manifest or {}).get("failed", {}) if reuse and not reread else {}
        failed: dict[str, dict[str, Any]] = {}
        dir_roots = [r.resolve() for r in roots if r.is_dir()]

        # which documents to keep, re-read, or drop
        keep: dict[str, dict[str, Any]] = {}
        for name, d in old_docs.items():
            under_synced = any(_is_under(Path(d["path"]), r) for r in dir_roots) or any(
                Path(d["path"]) == r.resolve() for r in roots if r.is_file())
            if not under_synced:
                keep[name] = d  # ingested from elsewhere: untouched by this sync
        to_read: list[tuple[str, Path, bytes]] = []
        seen_names: set[str] = set()
        for f in found:
            if f.name in seen_names:
                report.errors.append(f"{f.path}: another file is already indexed as {f.name}; skipped")
                continue
            seen_names.add(f.name)
            # a document of this name kept from elsewhere (the folder moved, or the index was copied beside
            # another copy of it): the file synced now is that document
            keep.pop(f.name, None)
            size = f.path.stat().st_size
            big = too_large(f.path, settings)
            if big is not None:  # refused before a byte is read: a huge file never lands in memory
                report.errors.append(str(big))
                failed[str(f.path)] = {"size": size, "sha256": None, "error": str(big)}
                continue
            try:
                data = f.path.read_bytes()
            except OSError as e:
                report.errors.append(f"{f.path}: cannot read ({e.strerror})")
                continue
            before = old_failed.get(str(f.path))
            if before is not None and before["size"] == size and before["sha256"] == file_hash(data):
                report.errors.append(f"{before['error']} (unchanged since it failed; skipped)")
                failed[str(f.path)] = before
                continue
            prev = old_docs.get(f.name)
            if prev and not reread and prev["sha256"] == file_hash(data) and prev["path"] == str(f.path):
                keep[f.name] = prev
                report.unchanged += 1
            else:
                to_read.append((f.name, f.path, data))
                if prev:
                    report.changed += 1
                else:
                    report.new += 1
        report.removed = sum(1 for n in old_docs if n not in keep and n not in {t[0] for t in to_read})
        root_strs = sorted({str(r.resolve()) for r in dir_roots} | set(old_manifest.get("roots", []) if old_manifest else []))

        same_roots = old_manifest is not None and sorted(old_manifest.get("roots", [])) == root_strs
        if not to_read and not report.removed and reuse and not reread and old is not None and same_roots and \
                set(failed) == set(old_failed):
            report.documents = len(keep)
            report.chunks = sum(d["passages"] for d in keep.values())
            report.tables = sum(d["tables"] for d in keep.values())
            report.seconds = time.perf_counter() - t0
            return report

        count = TokenCounter(settings.embedding)
        window = count.window
        # documents read afresh
        new_docs: list[SourceDoc] = []
        new_passages: list[Passage] = []
        new_tables: list[Table] = []
        iterator = _progress(to_read, "reading", progress)
        for name, path, _data in iterator:
            try:
                doc = read(path, name, settings)
            except IngestError as e:
                report.errors.append(str(e))
                if _data:
                    failed[str(path)] = {"size": len(_data), "sha256": file_hash(_data), "error": str(e)}
                if name in old_docs:  # a changed file that no longer reads: drop it, say so
                    report.changed -= 1
                    report.removed += 1
                else:
                    report.new -= 1
                continue
            passages, tables = analyse(doc, count, settings.chunking, window)
            new_docs.append(doc)
            new_passages.extend(passages)
            new_tables.extend(tables)

        # carried over from the old build
        if reread:  # documents not under the synced folders are read again from where they were
            for name, meta in list(keep.items()):
                if Path(meta["path"]).is_file():
                    to_read.append((name, Path(meta["path"]), b""))
                    del keep[name]
        old_store = Store(old / "store.duckdb") if (old and keep and reuse) else None
        kept_passages: list[Passage] = []
        kept_docs: list[SourceDoc] = []
        kept_tables: list[Table] = []
        old_vectors: dict[str, np.ndarray] = {}
        if old is not None and reuse:
            old_p = _read_passages(old / "passages.jsonl")
            vecs = np.load(old / "vectors.npy")
            old_vectors = {p.id: vecs[i] for i, p in enumerate(old_p)}
            kept_passages = [p for p in old_p if p.doc in keep]
        if old_store is not None:
            for name in keep:
                meta = keep[name]
                kept_docs.append(SourceDoc(name, meta["path"], meta["sha256"], meta["format"],
                                           tuple(old_store.all_lines(name)), meta.get("n_pages")))
                kept_tables.extend(old_store.tables(name))
            old_store.close()

        passages = kept_passages + new_passages
        docs = kept_docs + new_docs
        tables = kept_tables + new_tables
        texts_to_embed = [(i, embedding_text(p, count, settings.chunking.heading_tokens))
                          for i, p in enumerate(passages) if p.id not in old_vectors]
        vectors = np.zeros((len(passages), DIM), dtype=np.float32)
        for i, p in enumerate(passages):
            if p.id in old_vectors:
                vectors[i] = old_vectors[p.id]
        if texts_to_embed:
            embedder = embedder or SentenceTransformerEmbedder(settings.embedding, progress=progress)
            report.word_pieces = sum(count.many([t for _, t in texts_to_embed]))
            # one call: the model sorts all texts by length, so batches carry little padding
            vectors[[i for i, _ in texts_to_embed]] = embedder.embed([t for _, t in texts_to_embed])
        report.embedded = len(texts_to_embed)

        manifest = {
            "version": MANIFEST_VERSION, "shape": _shape(settings), "pipeline": _pipeline(settings),
            "built_at": time.time(),
            "roots": root_strs,
            "failed": failed,
            "docs": {d.name: {"path": d.path, "sha256": d.sha256, "format": d.format, "size": Path(d.path).stat().st_size
                              if Path(d.path).exists() else None, "n_pages": d.n_pages, "n_lines": len(d.lines),
                              "passages": sum(1 for p in passages if p.doc == d.name),
                              "tables": sum(1 for t in tables if t.doc == d.name and t.kind != "contents")}
                     for d in docs},
        }
        manifest["index_hash"] = index_hash(manifest)
        acronyms = acronyms_of(["\n".join(ln.text for ln in d.lines) for d in docs],
                               [(r.label, r.cells[1].text) for t in tables for r in t.rows if len(r.cells) >= 2])
        _write_build(index_dir, manifest, passages, vectors, docs, tables, acronyms)
        report.documents = len(docs)
        report.chunks = len(passages)
        report.tables = sum(1 for t in tables if t.kind != "contents")
        report.wrote = True
        report.seconds = time.perf_counter() - t0
        return report


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except ValueError:
        return False


def _progress(items: Any, desc: str, on: bool, total: int | None = None) -> Any:
    if not on:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, total=total, unit="doc" if desc == "reading" else "batch", leave=False)


def _write_build(index_dir: Path, manifest: dict[str, Any], passages: list[Passage], vectors: np.ndarray,
                 docs: list[SourceDoc], tables: list[Table], acronyms: dict[str, str]) -> None:
    import faiss

    name = f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{int(time.time() * 1000) % 100000}"
    old = current_build(index_dir)
    tmp = index_dir / f".{name}.tmp"
    tmp.mkdir(parents=True)
    try:
        with open(tmp / "passages.jsonl", "w", encoding="utf-8") as fh:
            for p in passages:
                fh.write(json.dumps(dataclasses.asdict(p), ensure_ascii=False) + "\n")
        np.save(tmp / "vectors.npy", vectors)
        dense = faiss.IndexFlatIP(DIM)
        if len(vectors):
            dense.add(vectors)
        faiss.write_index(dense, str(tmp / "dense.faiss"))
        if passages:
            import bm25s

            bm25 = bm25s.BM25()
            corpus = [index_terms(expand_acronyms(embedding_text(p), acronyms)) or ["∅"] for p in passages]
            bm25.index(corpus, show_progress=False)
            bm25.save(str(tmp / "bm25"), show_progress=False)
        write_store(tmp / "store.duckdb", docs, tables)
        (tmp / "acronyms.json").write_text(json.dumps(acronyms, indent=0, sort_keys=True), encoding="utf-8")
        (tmp / "terms.json").write_text(json.dumps(term_stats(
            passages, {d.name: (ln.text for ln in d.lines) for d in docs}, acronyms), sort_keys=True),
                                        encoding="utf-8")
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        final = index_dir / name
        os.replace(tmp, final)
        ptr_tmp = index_dir / ".CURRENT.tmp"
        ptr_tmp.write_text(name, encoding="utf-8")
        os.replace(ptr_tmp, index_dir / "CURRENT")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    # older builds and leftovers of interrupted ones go; the build just replaced stays until the next switch,
    # so that a process still answering from it (the app, while the CLI ingests) finishes its request
    keep = {name, old.name if old is not None else name}
    for other in index_dir.iterdir():
        if other.is_dir() and other.name not in keep and (other.name.startswith("build-") or other.name.endswith(".tmp")):
            shutil.rmtree(other, ignore_errors=True)


def term_stats(passages: list[Passage], lines: dict[str, Iterable[str]], acronyms: dict[str, str]) -> dict[str, Any]:
    """What the answerer needs on its first question, worked out once per build (seconds on a few hundred
    documents): the document frequency of each term over the text and row passages (tableqa.Matcher), the
    documents each term of any source line is in (Answerer.term_docs), and the lower-case spellings of
    acronyms the documents never write in lower case (Answerer.acronyms_written). `lines`: each document's
    source lines."""
    df: dict[str, int] = {}
    texts = [p.text for p in passages if p.kind in ("text", "row")]
    for text in texts:
        for term in set(content_terms(text, acronyms)):
            df[term] = df.get(term, 0) + 1
    where: dict[str, set[str]] = {}
    spelt = {k.lower(): k for k in acronyms}
    for doc, texts_of_doc in lines.items():
        for text in texts_of_doc:
            for t in content_terms(text):
                where.setdefault(t, set()).add(doc)
            if spelt:
                for w in re.findall(r"\b[a-z][a-z&]+\b", text):
                    spelt.pop(w, None)
    return {"df": df, "n_texts": len(texts), "docs": {t: sorted(v) for t, v in where.items()}, "spelt": spelt}


def _read_passages(path: Path) -> list[Passage]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            d["heading"] = tuple(d["heading"])
            out.append(Passage(**d))
    return out


# --------------------------------------------------------------------------- loading


# a cover sheet's row that gives the title: 'Title | Corporate Objectives 2018/19', 'Report title | ...'
_TITLE_ROW = re.compile(r"(?i)^(?:(?:report|paper|document) )?(?:title|subject)\t")


class Index:
    """A loaded build: passages, dense and keyword indexes, and the table/line store."""

    def __init__(self, build: Path, settings: Settings) -> None:
        import faiss

        self.path = build
        self.settings = settings
        self.manifest: dict[str, Any] = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
        self.passages = _read_passages(build / "passages.jsonl")
        self.by_id = {p.id: i for i, p in enumerate(self.passages)}
        self.dense_index = faiss.read_index(str(build / "dense.faiss"))
        self._bm25 = None
        self.store = Store(build / "store.duckdb")
        self.acronyms: dict[str, str] = json.loads((build / "acronyms.json").read_text(encoding="utf-8"))
        self._tables: list[Table] | None = None
        self._table_by_id: dict[str, Table] | None = None
        self._lines: dict[str, dict[int | None, list[Line]]] = {}
        self._years: dict[str, frozenset[int]] = {}
        self._embedder: NumpyEmbedder | None = None
        self._query_vectors: dict[str, np.ndarray] = {}  # the last questions' embeddings (retrieval, confidence)
        self._term_stats: dict[str, Any] | None = None
        rows: dict[str, list[int]] = {}
        self._table_chunks: dict[str, list[Passage]] = {}
        self._by_table: dict[str, list[Passage]] = {}
        for i, p in enumerate(self.passages):
            rows.setdefault(p.doc, []).append(i)
            if p.table_id:
                self._by_table.setdefault(p.table_id, []).append(p)
                if p.kind == "table":
                    self._table_chunks.setdefault(p.table_id, []).append(p)
        self._doc_rows = {k: np.asarray(v, dtype=np.int64) for k, v in rows.items()}
        self._load_bm25()  # now, not on first use: the build's folder may be gone by then

    @property
    def hash(self) -> str:
        return str(self.manifest.get("index_hash", ""))

    def term_stats(self) -> dict[str, Any]:
        """The build's term statistics (see `term_stats`), read from it; worked out here for a build written
        before they were."""
        if self._term_stats is None:
            path = self.path / "terms.json"
            self._term_stats = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else term_stats(
                self.passages, {d: (ln.text for page in self.lines_by_page(d).values() for ln in page)
                                for d in self.docs}, self.acronyms)
        return self._term_stats

    @property
    def docs(self) -> list[str]:
        return sorted(self.manifest.get("docs", {}))

    def tables(self) -> list[Table]:
        if self._tables is None:
            self._tables = self.store.tables()
        return self._tables

    def table(self, table_id: str) -> Table | None:
        if self._table_by_id is None:
            self._table_by_id = {t.id: t for t in self.tables()}
        return self._table_by_id.get(table_id)

    def lines(self, doc: str, page: int | None, start: int, end: int) -> list[Line]:
        """Lines start..end of a page (cached per document: answering reads them often)."""
        page_lines = self.lines_by_page(doc).get(page, [])
        # lines are numbered from 1 without gaps within a page
        return page_lines[max(0, start - 1):max(0, end)]

    def lines_on(self, doc: str, page: int | None, start: int, count: int) -> list[Line]:
        """`count` lines from line `start` of a page, going on to the next pages (a list whose lead-in ends
        a page goes on at the top of the next one)."""
        by_page = self.lines_by_page(doc)
        out = self.lines(doc, page, start, start + count - 1)
        while page is not None and len(out) < count and (page := page + 1) in by_page:
            out += by_page[page][:count - len(out)]
        return out

    def title_lines(self, doc: str) -> list[Line]:
        """The lines that name a document for readers: its first lines of text (a cover title such as
        'Bath and North East Somerset / Better Care Fund / 2017-2019'), up to six words or more; not a table's rows
        (a report's cover sheet over its title)."""
        first_page = min(self.lines_by_page(doc), key=lambda p: (p is not None, p or 0), default=None)
        out: list[Line] = []
        for ln in self.lines_by_page(doc).get(first_page, [])[:12]:
            text = ln.text.strip()
            if not text:
                continue
            if "\t" in text and not _TITLE_ROW.match(text):
                # a row of a table (a cover sheet's 'Report to | Board') is no part of a title, unless it gives it
                if out:
                    break
                continue
            if out and len(text.split()) >= 4 and text[-1] in ".:;":
                break  # a sentence of body text after a short title is not part of it
            top = out[0].heading_level if out else None
            if top is not None and (ln.heading_level is None or ln.heading_level > top):
                break  # nor, after a title the document sets as one (a Word style, large type), a line set smaller
            out.append(ln)
            if text.startswith("#") or sum(len(x.text.split()) for x in out) >= 6:
                break  # a Markdown heading is a whole title
        return out

    def title(self, doc: str) -> str:
        """A document's title for readers (see `title_lines`), the file name when it has none."""
        text = " ".join(" ".join(_TITLE_ROW.sub("", ln.text).replace("\t", " ").lstrip("#").split())
                        for ln in self.title_lines(doc))
        return text or doc

    def lines_by_page(self, doc: str) -> dict[int | None, list[Line]]:
        by_page = self._lines.get(doc)
        if by_page is None:
            by_page = {}
            for ln in self.store.all_lines(doc):
                by_page.setdefault(ln.page, []).append(ln)
            self._lines[doc] = by_page
        return by_page

    def years(self, doc: str) -> frozenset[int]:
        """Every year a document mentions ('2019', 'FY19', '2018-19', '18/19'): the periods it can speak of."""
        got = self._years.get(doc)
        if got is None:
            text = "\n".join(ln.text for lines in self.lines_by_page(doc).values() for ln in lines)
            got = frozenset(years_in(text))
            self._years[doc] = got
        return got

    def source_doc(self, name: str) -> SourceDoc:
        """A document as it was indexed (lines from the store)."""
        meta = self.manifest["docs"][name]
        return SourceDoc(name, meta["path"], meta["sha256"], meta["format"], tuple(self.store.all_lines(name)),
                         meta.get("n_pages"))

    def passages_for_table(self, table_id: str) -> list[Passage]:
        """Every passage (caption, table, row views) of a table."""
        return self._by_table.get(table_id, [])

    def table_chunks(self, table_id: str) -> list[Passage]:
        """The table-view passages of a table, in row order."""
        return self._table_chunks.get(table_id, [])

    def embedder(self) -> NumpyEmbedder:
        if self._embedder is None:
            self._embedder = NumpyEmbedder(self.settings.embedding)
        return self._embedder

    def embed_query(self, text: str) -> np.ndarray:
        vec = self._query_vectors.get(text)
        if vec is None:
            vec = self.embedder().embed([expand_acronyms(text, self.acronyms)])[0]
            if len(self._query_vectors) >= 64:
                self._query_vectors.pop(next(iter(self._query_vectors)))
            self._query_vectors[text] = vec
        return vec

    def dense(self, qvec: np.ndarray, k: int, docs: list[str] | None = None) -> list[tuple[int, float]]:
        """(passage row, cosine) best first, optionally only within some documents."""
        if not self.passages:
            return []
        import faiss

        params = None
        if docs:
            rows = np.concatenate([self._doc_rows.get(d, np.zeros(0, dtype=np.int64)) for d in docs])
            if not len(rows):
                return []
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(rows))  # type: ignore[call-arg]
            k = min(k, len(rows))
        k = min(k, len(self.passages))
        scores, ids = self.dense_index.search(qvec.reshape(1, -1).astype(np.float32), k, params=params)
        # cosines to 5 places, ties by passage: the CPU embedding's last bits vary from run to run (threaded
        # sums), and an answer must not depend on them
        got = [(int(i), round(float(s), 5)) for i, s in zip(ids[0], scores[0], strict=False) if i >= 0]
        return sorted(got, key=lambda x: (-x[1], x[0]))

    def keyword(self, query: str, k: int, docs: list[str] | None = None) -> list[tuple[int, float]]:
        """(passage row, BM25 score) best first."""
        terms = index_terms(expand_acronyms(query, self.acronyms))
        if not self.passages or not terms:
            return []
        bm25 = self._load_bm25()
        mask = None
        if docs:
            mask = np.zeros(len(self.passages), dtype=np.float32)
            for d in docs:
                mask[self._doc_rows.get(d, np.zeros(0, dtype=np.int64))] = 1
            if not mask.any():
                return []
        k = min(k, len(self.passages))
        ids, scores = bm25.retrieve([terms], k=k, show_progress=False, weight_mask=mask)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=False) if s > 0]

    def _load_bm25(self):  # type: ignore[no-untyped-def]
        if self._bm25 is None:
            import bm25s

            self._bm25 = bm25s.BM25.load(str(self.path / "bm25"), show_progress=False) if (
                self.path / "bm25").exists() else None
        return self._bm25

    def close(self) -> None:
        self.store.close()


def load_index(settings: Settings, embedder: Embedder | None = None, progress: bool = False) -> Index:
    """The live index; rebuilt first when it is missing or stale and settings.on_stale is 'rebuild',
    otherwise a clear error naming what is wrong."""
    index_dir = Path(settings.index_dir)
    manifest = read_manifest(settings)
    reasons = stale_reasons(settings, manifest)
    if reasons:
        if settings.on_stale != "rebuild":
            if manifest is None:
                raise IndexMissingError(f"no index in {index_dir}: run `assistant ingest` first")
            raise StaleIndexError("the index is stale (" + "; ".join(reasons[:5]) + "): run `assistant ingest`")
        roots = manifest.get("roots") if manifest else None
        sync(settings, roots or None, embedder=embedder, progress=progress)
    build = current_build(index_dir)
    if build is None:
        raise IndexMissingError(f"no index in {index_dir}: run `assistant ingest` first")
    return Index(build, settings)
