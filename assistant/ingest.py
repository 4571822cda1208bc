"""Path -> SourceDoc: text with provenance (line, or page and line within the page).

Formats: .txt/.md (UTF-8), .pdf (pypdf, text per page), .docx (python-docx: paragraphs and tables in
document order, those inside content controls too, table rows as tab-separated lines, list items with the
bullet or number Word prints, headings by style or outline level). This is the only module that imports pypdf
or docx. A PDF's page furniture (a running header or footer printed in the margins of many pages, a page
number) is left out of its text and tables (`pdf_layout.furniture`): it is no part of what the page says, and
beside a table at the top of a page it would be read as the table's header. A PDF's headings are known by
their type size (`_heading_sizes`), as a Word document's by their style.

The clean-up applied to every line (`clean_line`) is documented here and is the only transformation
between a source line and the text we index and quote:
  * HTML fragments become plain text: tags are removed (<p>, <ul>, <ol>, <li>, <i>, <b>, ...), a closing
    </p> or </li> followed by more text becomes a space, checkbox inputs become "[x]" / "[ ]", and the
    entities &amp; &lt; &gt; &nbsp; &#NN; are decoded;
  * entities decoded into a tag (&lt;img onerror=...&gt;) are removed like any other tag: markup in a
    document never becomes live markup;
  * a markdown image (![alt](url)) becomes its alt text, and a markdown link ([text](url)) "text (url)":
    nothing in a document makes a reader's browser fetch anything;
  * a line shaped like a chat role or an instruction to a model ("Assistant: ...", "SYSTEM: ...",
    "<|im_start|>", "ignore previous instructions") becomes empty: it is evidence of nothing, so it can
    never be quoted as an answer or a correct value (the raw line is kept, and line numbers do not move);
  * markdown bold markers (**...**) are removed;
  * non-breaking spaces become spaces, runs of spaces become one, and spaces around cells and at the
    end of the line are dropped (tabs are kept, trailing ones too: they are the cells of tables);
  * typeset ligatures become their letters ('ﬁ' -> 'fi': PDF text layers hold them, 'proﬁts'), soft hyphens
    and zero-width marks are dropped, and non-breaking hyphens become '-' (`text.plain_letters`);
  * a row of a markdown table ('| Short breaks | £410,000 |') becomes its cells separated by tabs, as every
    table is written here; the line under its header ('|---|---:|') becomes a line of empty cells (it stays in
    the table, and line numbers do not move). An escaped '\\|' in a cell is a '|';
  * a list item's bullet printed as a symbol ('▪', '➢', '●', or the Symbol or Wingdings font's bullet that a
    PDF made by Word holds as a private-use character) becomes '•', the bullet every list reader knows: a
    list reads as a list whatever font printed it.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import IngestError
from .settings import Settings
from .text import plain_letters, superscript_digits
from .types import Line, SourceDoc

if TYPE_CHECKING:
    from .pdf_layout import Words

TEXT_FORMATS = {".txt": "txt", ".md": "md"}
SKIP_NAMES = {"README.md", "README.txt", "README"}  # a corpus folder's own README is not a document

_CHECKED = re.compile(r"<input\b[^>]*\bchecked\b[^>]*/?>", re.I)
_CHECKBOX = re.compile(r"<input\b[^>]*/?>", re.I)
_BREAK_TAGS = re.compile(r"</(p|li|div|h\d)> *(?=[^\t\n])|<br\s*/?>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_ROLE_LINE = re.compile(
    r"^\s*(?:[-*>]\s*)?(?:(?i:assistant|ai assistant|chatbot|chatgpt)|SYSTEM|USER|HUMAN)\s*:"  # a chat turn
    r"|^\s*(?i:system|user|human)\s*:\s*(?i:you are|ignore|disregard|answer|respond|from now on)"
    r"|<\|[a-z_]+\|>|\[/?INST\]|<</?SYS>>"  # chat-template tokens
    r"|(?i:\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier|preceding)\s+"
    r"(?:instructions|prompts?|rules|messages))")


# a bullet printed as a symbol, at the start of a line (see the module docstring)
_BULLET_GLYPH = re.compile(r"^(\s*)(?:[‣◦▪●○■➢➤►▶◆◇❖]|[\ue000-\uf8ff])[ \t\u00a0]*(?=\S)")


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_RULE_CELL = re.compile(r"\s*:?-{3,}:?\s*")


def _pipe_cells(line: str) -> str | None:
    """A markdown table's row ('| a | b |', two cells or more) as tab-separated cells, and the rule under its
    header ('|---|:---:|') as empty cells; None for any other line."""
    t = line.strip()
    if len(t) < 3 or t[0] != "|" or t[-1] != "|" or t.endswith("\\|"):
        return None
    cells = _UNESCAPED_PIPE.split(t[1:-1])
    if all(_RULE_CELL.fullmatch(c) for c in cells):
        return "\t" * (len(cells) - 1)
    if len(cells) < 2:
        return None
    return "\t".join(c.strip().replace("\\|", "|") for c in cells)


def clean_line(raw: str) -> str:
    """The documented clean-up of one line (see the module docstring)."""
    s = _BULLET_GLYPH.sub(r"\1• ", raw)
    if "|" in s and "\t" not in s and (cells := _pipe_cells(s)) is not None:
        s = cells
    if _ROLE_LINE.search(s):
        return ""
    if "<" in s:
        s = _CHECKED.sub("[x]", s)
        s = _CHECKBOX.sub("[ ]", s)
        s = _BREAK_TAGS.sub(" ", s)
        s = _TAG.sub("", s)
    if "&" in s:
        s = html.unescape(s)
        if "<" in s:
            s = _TAG.sub("", s)  # a tag that was entity-encoded is still a tag
    if _ROLE_LINE.search(s):
        return ""
    if "](" in s:
        s = _MD_LINK.sub(r"\1 (\2)", _MD_IMAGE.sub(r"\1", s))
    if "**" in s:
        s = _BOLD.sub(r"\1", s)
    s = plain_letters(s.replace("\u00a0", " ").replace("\r", ""))
    # collapse runs of spaces left by removed tags, but never touch tabs
    s = re.sub(r" {2,}", " ", s)
    s = "\t".join(part.strip(" ") for part in s.split("\t")) if "\t" in s else s.strip(" ")
    return s.rstrip(" \n")


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Found:
    """A file found under an ingest root, with the name it will be indexed under."""

    path: Path
    name: str


def discover(paths: Iterable[str | Path], settings: Settings) -> tuple[list[Found], list[IngestError]]:
    """Expand files and folders (recursively) into supported files; report what cannot be used."""
    found: list[Found] = []
    errors: list[IngestError] = []
    exts = {e.lower() for e in settings.ingest.extensions}
    for p in paths:
        path = Path(p)
        if not path.exists():
            errors.append(IngestError(str(path), "no such file or folder"))
            continue
        if path.is_file():
            if path.suffix.lower() not in exts:
                errors.append(IngestError(str(path), f"unsupported file type '{path.suffix or '(none)'}'"
                                          f" (supported: {', '.join(sorted(exts))})"))
            else:
                found.append(Found(path.resolve(), path.name))
            continue
        for f in sorted(path.rglob("*")):
            rel = f.relative_to(path)
            if not f.is_file() or any(part.startswith(".") for part in rel.parts):
                continue
            if len(rel.parts) == 1 and f.name in SKIP_NAMES:
                continue
            if f.suffix.lower() not in exts:
                errors.append(IngestError(str(f), f"unsupported file type '{f.suffix or '(none)'}'"))
                continue
            found.append(Found(f.resolve(), rel.as_posix()))
    return found, errors


def unindexable_name(name: str, settings: Settings) -> str | None:
    """Why a file added under this name would never be indexed (None when it would be)."""
    if name.startswith("."):
        return "names starting with '.' are hidden and never indexed; rename the file"
    if name in SKIP_NAMES:
        return f"a file named {name} is the corpus folder's own notes and is never indexed; rename the file"
    exts = {e.lower() for e in settings.ingest.extensions}
    if Path(name).suffix.lower() not in exts:
        return f"unsupported file type '{Path(name).suffix or '(none)'}' (supported: {', '.join(sorted(exts))})"
    return None


def free_name(dest: Path) -> Path:
    """`dest`, or 'name (2).ext', 'name (3).ext'... the first that no file has."""
    n = 2
    out = dest
    while out.exists():
        out = dest.with_name(f"{dest.stem} ({n}){dest.suffix}")
        n += 1
    return out


def too_large(path: Path, settings: Settings) -> IngestError | None:
    """The error for a file over the size limit, found from its size alone (nothing is read)."""
    size = path.stat().st_size
    if size <= settings.ingest.max_file_mb * 1024 * 1024:
        return None
    return IngestError(str(path), f"file is {size / 1048576:.1f} MB, over the {settings.ingest.max_file_mb:g} MB "
                                  "limit (setting ingest.max_file_mb)")


def read(path: str | Path, name: str | None = None, settings: Settings | None = None) -> SourceDoc:
    """Read one file into a SourceDoc, or raise IngestError naming the file and the reason."""
    settings = settings or Settings()
    path = Path(path)
    name = name or path.name
    if not path.is_file():
        raise IngestError(str(path), "no such file")
    big = too_large(path, settings)
    if big is not None:
        raise big
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(str(path), "file is empty")
    suffix = path.suffix.lower()
    sha = file_hash(data)
    if suffix in TEXT_FORMATS:
        lines = _text_lines(data, str(path))
        return SourceDoc(name, str(path.resolve()), sha, TEXT_FORMATS[suffix], tuple(lines))
    if suffix == ".pdf":
        lines, n_pages = _pdf_lines(data, str(path))
        return SourceDoc(name, str(path.resolve()), sha, "pdf", tuple(lines), n_pages)
    if suffix == ".docx":
        lines, n_pages = _docx_lines(data, str(path))
        return SourceDoc(name, str(path.resolve()), sha, "docx", tuple(lines), n_pages)
    raise IngestError(str(path), f"unsupported file type '{suffix or '(none)'}'")


def _make_lines(texts: Iterable[str], page: int | None) -> Iterator[Line]:
    for i, raw in enumerate(texts, 1):
        yield Line(page, i, raw, clean_line(raw))


def _text_lines(data: bytes, where: str) -> list[Line]:
    if b"\x00" in data[:4096]:
        raise IngestError(where, "looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError(where, f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
                          "save it as UTF-8 and ingest again") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = list(_make_lines(text.split("\n"), None))
    if lines and lines[-1].raw == "" and text.endswith("\n"):
        lines.pop()  # a final newline does not start another line
    if not any(ln.text.strip() for ln in lines):
        raise IngestError(where, "file has no text")
    return lines


def _pdf_lines(data: bytes, where: str) -> tuple[list[Line], int]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError(where, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))  # (PasswordType.NOT_DECRYPTED is 0)
            except Exception:  # noqa: BLE001 - any decryption failure means the same thing here
                ok = False
            if not ok:
                raise IngestError(where, "PDF is encrypted with a password; save an unprotected copy")
        pages = list(reader.pages)
        texts = [(p.extract_text() or "") for p in pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise IngestError(where, f"not a readable PDF ({type(e).__name__}: {str(e)[:80]})") from None
    except Exception as e:  # noqa: BLE001 - pypdf raises many types on corrupt input
        raise IngestError(where, f"not a readable PDF ({type(e).__name__}: {str(e)[:80]})") from None
    if not pages:
        raise IngestError(where, "PDF has no pages")
    if not any(t.strip() for t in texts):
        raise IngestError(where, "PDF has no text layer (scanned images?); run OCR on it first")
    from .pdf_layout import mark_superscripts

    tables, laid_out, furniture, sizes, marks, bold = _pdf_tables(data, texts)
    texts = ["\n".join(mark_superscripts(x, marks[no]) for x in text.split("\n")) if no in marks else text
             for no, text in enumerate(texts, 1)]
    known = _known_words(texts)
    levels = _heading_sizes(sizes)
    # a short line set in bold where the text is not is a heading below those set larger ('Our finances' in the
    # body's size): the last level
    bold_level = len(levels) + 1
    lines: list[Line] = []
    for no, text in enumerate(texts, 1):
        page_lines = _without_furniture(text.replace("\r", "").split("\n"), furniture.get(no, set()))
        for rows, printed in tables.get(no, []):
            page_lines = _merge_table(page_lines, rows, printed)
        if no in laid_out:  # tables set apart by white space only, read from where the words sit
            page_lines = laid_out[no]
        for ln in _make_lines((_glyphs(x) for x in _dehyphenated(page_lines, known)), no):
            size = sizes.get(no, {}).get(_size_key(ln.text)) if "\t" not in ln.text else None
            if size in levels:
                ln = replace(ln, heading_level=levels.get(size))
            elif "\t" not in ln.text and _size_key(ln.text) in bold.get(no, set()) and 0 < len(ln.text.split()) <= 14:
                ln = replace(ln, heading_level=bold_level)
            lines.append(ln)
    return lines, len(pages)


# a line set this much larger than the body text is a heading (when its words are a heading's: layout.py)
HEADING_SIZE = 1.15


def _size_key(text: str) -> str:
    return " ".join(plain_letters(text).split()).lower()


def _heading_sizes(sizes: dict[int, dict[str, float]]) -> dict[float, int]:
    """The font sizes of a PDF's headings, each with its level (the largest 1): sizes at least `HEADING_SIZE`
    times the body text's (the size most of its letters are printed in) that short lines of words are set in. A PDF
    has no heading styles; its type sizes say what a Word document's styles do ('Our finances' over
    'Spending' over the text)."""
    letters: Counter[float] = Counter()
    for page in sizes.values():
        for key, size in page.items():
            letters[size] += len(key)
    if not letters:
        return {}
    body = letters.most_common(1)[0][0]
    bigger = sorted({size for page in sizes.values() for key, size in page.items()
                     if size >= HEADING_SIZE * body and 0 < len(key.split()) <= 14  # words, not a figure set large
                     and 2 * sum(c.isalpha() for c in key) >= len(key.replace(" ", ""))}, reverse=True)
    return {size: level for level, size in enumerate(bigger[:4], 1)}


_HYPHEN_END = re.compile(r"(?<![\w-])([A-Za-z]{2,})-$")
_WORD_START = re.compile(r"^([a-z]{2,})([.,;:)!?]*)(?:\s+|$)")


def _dehyphenated(lines: list[str], known: set[str]) -> list[str]:
    """Running text a typesetter hyphenated at line ends ('leaving the com-' / 'munity hospitals'): the word is
    made whole on the first line and the rest of the second line stays where it is, so that line numbers do
    not move. A compound broken at its own hyphen ('Well-' / 'being', 'step-' / 'down') keeps it: both halves
    are known words (the document writes them unbroken elsewhere, or they are in the embedding model's
    vocabulary of whole words) and the whole is not. Lines of tables (tab-separated) are left alone."""
    out = list(lines)
    for i in range(len(out) - 1):
        a, b = out[i].rstrip(), out[i + 1].lstrip()
        if "\t" in a or "\t" in b:
            continue
        end, start = _HYPHEN_END.search(a), _WORD_START.match(b)
        if end is None or start is None or start.group(1) in ("and", "or", "nor", "to"):
            continue  # ('pre- and post-operative': a hyphen left hanging on purpose)
        head, tail = end.group(1), start.group(1)
        compound = head.lower() in known and tail in known and (head + tail).lower() not in known
        joined = f"{head}-{tail}" if compound else head + tail
        out[i] = a[:end.start()] + joined + start.group(2)
        out[i + 1] = b[start.end():]
    return out


def _known_words(texts: list[str]) -> set[str]:
    """Words a hyphen at a line's end may be taken out of: those the document writes whole, and the embedding
    model's vocabulary of whole words (an English dictionary shipped with it)."""
    own = {w.lower() for t in texts for w in re.findall(r"(?<![\w-])[A-Za-z]{3,}(?![\w-])", t)}
    return own | _model_words()


@functools.lru_cache(maxsize=1)
def _model_words() -> frozenset[str]:
    try:
        from .embedding import model_dir
        from .settings import EmbeddingSettings

        vocab = model_dir(EmbeddingSettings()) / "vocab.txt"
        return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and len(w) >= 3)
    except Exception:  # noqa: BLE001 - without it, the document's own words decide
        return frozenset()


def _without_furniture(lines: list[str], keys: set[str]) -> list[str]:
    """A page's text lines less its running header and footer (pdf_layout.furniture: lines printed in the
    margins of many pages, and page numbers), looked for among its first and last few lines."""
    if not keys:
        return lines
    from .pdf_layout import furniture_key

    filled = [i for i, x in enumerate(lines) if x.strip()]
    ends = set(filled[:3] + filled[-3:])
    outer = set(filled[:1] + filled[-1:])

    def furniture(i: int) -> bool:
        key = furniture_key(lines[i])
        if key not in keys:
            return False
        # a page number alone ('12') only as the page's first or last line: elsewhere it may be a figure
        return bool(re.search(r"[a-z]", key)) or i in outer

    return [x for i, x in enumerate(lines) if i not in ends or not furniture(i)]


_CID = re.compile(r"\(cid:(\d+)\)")


def _glyphs(line: str) -> str:
    """Glyphs a PDF's font does not map to text come out as '(cid:N)': 127 is the bullet of the standard
    fonts; any other is dropped rather than read as words and numbers."""
    if "(cid:" not in line:
        return line
    return _CID.sub(lambda m: "\u2022" if m.group(1) == "127" else " ", line).replace("  ", " ")


def _pdf_tables(data: bytes, texts: list[str]) -> tuple[dict[int, list[tuple[list[list[str]], str]]],
                                                        dict[int, list[str]], dict[int, set[str]],
                                                        dict[int, dict[str, float]], dict[int, dict[str, str]],
                                                        dict[int, set[str]]]:
    """Ruled tables pdfplumber finds on each page, as rows of cell texts (with the text as printed, cut words
    and all, that the page's text layer spells them with); for a page without any, its
    lines rebuilt from its words' positions when it has a table set apart by white space alone
    (pdf_layout.py); each page's furniture (running header and footer, page number), left out of both; the
    type size of each of its lines; and the words with a footnote mark set as a superscript, as the text layer
    runs them together, each with the word as printed (`pdf_layout.superscripts`); and the lines every word of
    which is set in a bold face, where most of the text is not (`_bold_lines`).
    A PDF pdfplumber cannot read still ingests, as text only."""
    try:
        import pdfplumber

        from .pdf_layout import (
            Words,
            furniture,
            join_wrapped,
            line_sizes,
            margin_lines,
            mark_superscripts,
            page_lines,
            superscripts,
            without_furniture,
        )

        words = Words.of(texts)  # (a word a narrow column cut over two lines of a cell is mended by these)
        out: dict[int, list[tuple[list[list[str]], str]]] = {}
        laid_out: dict[int, list[str]] = {}
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            every = [page.extract_words(x_tolerance=1.5, y_tolerance=2) for page in pdf.pages]
            # footnote marks set as superscripts, as printed ('2019/20¹', not '2019/201'), in every reading
            marks = {no: m for no, (page, w) in enumerate(zip(pdf.pages, every, strict=True), 1)
                     if (m := superscripts(page.chars, w))}
            for no, m in marks.items():
                every[no - 1] = [{**w, "text": mark_superscripts(w["text"], m)} for w in every[no - 1]]
            margins = [margin_lines(w, float(page.height)) for w, page in zip(every, pdf.pages, strict=True)]
            furnished = {no: keys for no, keys in enumerate(furniture(margins), 1) if keys}
            ruled: dict[int, list[tuple[list[list[str]], str]]] = {}
            for no, page in enumerate(pdf.pages, 1):
                for table in page.find_tables():
                    grid = [[mark_superscripts(cell or "", marks.get(no, {})) for cell in row] for row in table.extract()]
                    printed = " ".join(c for r in grid for c in r)
                    bx0, btop, bx1, bbottom = table.bbox
                    letters = [c for c in page.chars if c["x0"] >= bx0 - 1 and c["x1"] <= bx1 + 1
                               and c["top"] >= btop - 1 and c["bottom"] <= bbottom + 1]
                    grid = [[_uncut(letters, box, cell, words) if box and "\n" in cell else cell
                             for box, cell in zip(row.cells, cells, strict=False)] + cells[len(row.cells):]
                            for row, cells in zip(table.rows, grid, strict=False)]
                    raw = [r for r in grid if any(c.strip() for c in r)]
                    # one row alone is a table only at the foot of the page (a header whose rows go on
                    # overleaf) or at its top (the rest of a row broken by the page break, or a long table's
                    # one row on this page)
                    one = len(raw) == 1
                    foot = one and table.bbox[3] > 0.8 * float(page.height)
                    head = one and table.bbox[1] < 0.15 * float(page.height) and len(raw[0]) >= 2
                    filled = max((sum(1 for c in r if c.strip()) for r in raw), default=0)
                    if (len(raw) >= 2 or foot or head) and (filled >= 2 or head and filled == 1):
                        ruled.setdefault(no, []).append((raw, printed))
                        for row in raw:
                            for cell in row:
                                words.add_cuts(cell)
            # a page without ruled tables: a first reading of its unruled tables counts the words at their
            # cells' line breaks; the words of a page that has such a table are kept for the reading for good
            unruled: dict[int, list[dict[str, Any]]] = {}
            words.recording = True
            for no, page in enumerate(pdf.pages, 1):
                if no not in ruled:
                    page_words = without_furniture(every[no - 1], float(page.height), furnished.get(no, set()))
                    if page_lines(page_words, words) is not None:
                        unruled[no] = [{k: w[k] for k in ("text", "x0", "x1", "top", "bottom")} for w in page_words]
            words.recording = False
            for no, tables in ruled.items():
                out[no] = [([[" ".join(functools.reduce(lambda a, b: join_wrapped(a, b, words), cell.split("\n"), "")
                                        .split()) for cell in row] for row in raw], printed) for raw, printed in tables]
            for no, page_words in unruled.items():
                rebuilt = page_lines(page_words, words)
                if rebuilt is not None:
                    laid_out[no] = rebuilt
            # each line's type size (its words' height, to the half point), by its text
            sizes = {no: {_size_key(ln.text): round(2 * ln.size) / 2 for ln in line_sizes(page_words)}
                     for no, page_words in enumerate(every, 1)}
            bold = _bold_lines(every, [page.chars for page in pdf.pages])
        return out, laid_out, furnished, sizes, marks, bold
    except Exception:  # noqa: BLE001 - table detection is a bonus on top of the text layer
        return {}, {}, {}, {}, {}, {}


_BOLD_FACE = re.compile(r"(?i)bold|black|heavy|demi")
BOLD_BODY_SHARE = 0.3  # a document with more of its letters than this in bold has no bold headings to tell apart


def _bold_lines(pages: list[list[dict[str, Any]]], chars: list[list[dict[str, Any]]]) -> dict[int, set[str]]:
    """Per page, the lines (by `_size_key`) every word of which is set in a bold face (the face of its first letter,
    from the page's characters); none where bold is the body's face."""
    from .pdf_layout import line_sizes

    letters = [c for page in chars for c in page if str(c.get("text", "")).strip()]
    bold = sum(1 for c in letters if _BOLD_FACE.search(str(c.get("fontname", ""))))
    if not letters or bold > BOLD_BODY_SHARE * len(letters):
        return {}
    out: dict[int, set[str]] = {}
    for no, (words, page_chars) in enumerate(zip(pages, chars, strict=True), 1):
        at = {(round(float(c["x0"]), 1), round(float(c["top"]), 1)): str(c.get("fontname", "")) for c in page_chars}
        face = {(str(w["text"]), round(float(w["x0"]), 1)): at.get((round(float(w["x0"]), 1), round(float(w["top"]), 1)), "")
                for w in words}
        for ln in line_sizes(words):
            if ln.words and all(_BOLD_FACE.search(face.get((c.text, round(c.x0, 1)), "")) for c in ln.words):
                out.setdefault(no, set()).add(_size_key(ln.text))
    return out


_TOKEN = re.compile(r"[A-Za-z0-9£%]+")


def _uncut(chars: list[dict[str, Any]], box: tuple[float, float, float, float], text: str, words: Words) -> str:
    """A ruled cell's text with the words its column was too narrow for joined again. A line break is a cut
    when the line is one word that fills the cell, so that even the next line's first letter would not have
    fitted beside it, and the next line goes on with a digit or a sign ('186' / '9', '201' / '5/1' / '6'), or
    with a small letter when the document prints the joined word somewhere ('Tar' / 'get'; not 'Protection' /
    'of', a word that filled its line before a space). Read from where the cell's letters sit (pdfplumber's
    chars); the text as it was when they cannot be matched to its lines. `words`: the document's Words."""
    x0, top, x1, bottom = box
    inside = [c for c in chars if c["x0"] >= x0 - 0.5 and c["x1"] <= x1 + 0.5 and c["top"] >= top - 0.5
              and c["bottom"] <= bottom + 0.5 and c["text"].strip()]
    rows: list[list[dict[str, Any]]] = []
    for c in sorted(inside, key=lambda c: (c["top"], c["x0"])):
        if rows and abs(rows[-1][0]["top"] - c["top"]) <= 1.5:
            rows[-1].append(c)
        else:
            rows.append([c])
    parts = text.split("\n")
    if len(rows) != len(parts) or not rows:
        return text
    pad = min(min(min(c["x0"] for c in r) - x0, x1 - max(c["x1"] for c in r)) for r in rows)
    room = (x1 - x0) - 2 * max(0.0, pad)
    out = parts[0]
    for k in range(1, len(parts)):
        line, nxt = rows[k - 1], sorted(rows[k], key=lambda c: c["x0"])
        width = max(c["x1"] for c in line) - min(c["x0"] for c in line)
        one_word = len(parts[k - 1].split()) == 1
        following = parts[k][:1]
        cut = one_word and width + (nxt[0]["x1"] - nxt[0]["x0"]) > room + 0.5 and following != "" and (
            following.isdigit() or following in "%/.)" or following.islower() and words.known(
                re.sub(r"[^A-Za-z]", "", parts[k - 1].split()[-1]) + re.findall(r"^[a-z]*", parts[k])[0]))
        out += ("" if cut else "\n") + parts[k]
    return out


def _merge_table(lines: list[str], rows: list[list[str]], printed: str = "") -> list[str]:
    """Replace the text lines that spell a table with its rows as tab-separated lines (so the table
    pipeline sees cells); when no line matches, the rows are added at the end of the page. `printed`: the
    table's text as printed (a word a narrow column cut in two is two words in the lines)."""
    vocab = {w.lower() for r in rows for c in r for w in _TOKEN.findall(c)} | {
        w.lower() for w in _TOKEN.findall(printed)}
    inside = []
    for ln in lines:
        toks = [w.lower() for w in _TOKEN.findall(ln)]
        inside.append(bool(toks) and sum(w in vocab for w in toks) >= 0.8 * len(toks))
    best: tuple[int, int] | None = None
    i = 0
    while i < len(lines):
        if inside[i]:
            j = i
            while j + 1 < len(lines) and inside[j + 1]:
                j += 1
            if best is None or j - i > best[1] - best[0]:
                best = (i, j)
            i = j + 1
        else:
            i += 1
    tsv = ["\t".join(r) for r in rows]
    if best is None or best[1] - best[0] + 1 < max(1, len(rows) // 2):
        return lines + [""] + tsv
    return lines[:best[0]] + tsv + lines[best[1] + 1:]


def _docx_lines(data: bytes, where: str) -> tuple[list[Line], int]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise IngestError(where, f"not a readable DOCX ({type(e).__name__})") from None
    except Exception as e:  # noqa: BLE001 - zipfile/lxml raise many types on corrupt input
        raise IngestError(where, f"not a readable DOCX ({type(e).__name__})") from None

    page = 1
    per_page: dict[int, list[tuple[str, int | None]]] = {1: []}
    marker = _ListMarkers(document)

    def emit(text: str, level: int | None = None) -> None:
        per_page.setdefault(page, []).append((text, level))

    for child in _docx_blocks(document.element.body):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            xml = child.xml
            if 'w:pageBreakBefore' in xml and per_page.get(page):
                page += 1
            text = _docx_text(child)
            level = _docx_heading_level(para)
            emit(marker.of(para) + text if text.strip() and level is None else text, level)
            if 'w:type="page"' in xml or "lastRenderedPageBreak" in xml:
                page += 1
        elif tag == "tbl":
            table = DocxTable(child, document)
            for row in table.rows:
                cells = list(row.cells)
                emit("\t".join(_dedupe_merged([" ".join(_docx_text(c._tc).split()) for c in cells],
                                               [id(c._tc) for c in cells])))
            emit("")  # a table ends a block
    lines: list[Line] = []
    for pg in sorted(per_page):
        for i, (raw, level) in enumerate(per_page[pg], 1):
            lines.append(Line(pg, i, raw, clean_line(raw), level))
    if not any(ln.text.strip() for ln in lines):
        raise IngestError(where, "DOCX has no text")
    return lines, max(per_page)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of a document's body in order, those inside content controls (a template's
    fill-in sections, `w:sdt`) and custom XML too: python-docx's own walk skips them, and a plan written in
    its template would lose most of what it says."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _docx_blocks(content)
        elif tag == f"{_W}customXml":
            yield from _docx_blocks(child)


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_text(element: Any) -> str:
    """The text a paragraph (or a table cell) prints, on one line: its runs' text wherever they sit (in a
    hyperlink, a content control, a tracked insertion, a text box, a nested table's cell), tabs and line
    breaks as spaces; deleted text (`w:delText`), field codes and the second copy of a text box that Word
    keeps for older readers (`mc:Fallback`) are no part of it. A cell's paragraphs are joined by spaces."""
    out: list[str] = []
    stack = [element]
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == _FALLBACK:
            continue
        if tag == f"{_W}t":
            out.append(_superscript(el.text or "") if _raised(el.getparent()) else el.text or "")
        elif tag == f"{_W}noBreakHyphen":
            out.append("-")
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr") or (tag == f"{_W}p" and out):
            out.append(" ")
        stack.extend(reversed(list(el.iterchildren())))
    return " ".join("".join(out).split()) if element.tag != f"{_W}p" else "".join(out)


def _raised(run: Any) -> bool:
    """Is a run set as a superscript (a footnote mark typed so: '2019/20' then '1' raised)?"""
    align = run.find(f"{_W}rPr/{_W}vertAlign") if run is not None else None
    return align is not None and align.get(f"{_W}val") == "superscript"


def _superscript(text: str) -> str:
    """The digits of a run set as a superscript as superscript digits ('2019/20¹', not '2019/201', a year that
    is no period); letters so set ('1st') as they are."""
    return superscript_digits(text) if text.strip().isdigit() else text


class _ListMarkers:
    """The marker Word prints before an item of a bulleted or numbered list, which the paragraph's text
    leaves out: '• ' for a bullet, '1. ', '2. ' ... for a number, 'a) ' for a letter (counted per list and
    level; a deeper level starts again under each item of the one above). Without it an item reads as a
    paragraph of its own, and a list question gets the lead-in alone. The list is the paragraph's own
    numbering or its style's ('List Bullet', 'List Number')."""

    def __init__(self, document: Any) -> None:
        self.counts: dict[tuple[str, int], int] = {}
        try:
            self.numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # a document with no list at all
            self.numbering = None

    def of(self, para: Any) -> str:
        if self.numbering is None:
            return ""
        num_pr, style = None, para.style
        ppr = para._p.pPr
        if ppr is not None and ppr.numPr is not None:
            num_pr = ppr.numPr
        while num_pr is None and style is not None:
            sppr = style.element.pPr
            num_pr = sppr.numPr if sppr is not None else None
            style = style.base_style
        if num_pr is None or num_pr.numId is None or num_pr.numId.val in (None, 0):
            return ""
        num_id, level = str(num_pr.numId.val), int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        fmt = self.numbering.xpath(f'./w:abstractNum[@w:abstractNumId=string(//w:num[@w:numId="{num_id}"]'
                                   f'/w:abstractNumId/@w:val)]/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val')
        kind = fmt[0] if fmt else "bullet"
        for key in [k for k in self.counts if k[0] == num_id and k[1] > level]:
            del self.counts[key]  # a deeper level starts again under the next item of this one
        n = self.counts[(num_id, level)] = self.counts.get((num_id, level), 0) + 1
        if kind == "decimal":
            return f"{n}. "
        if kind in ("lowerLetter", "upperLetter") and n <= 26:
            return f"{chr(ord('a') + n - 1)}) "
        return "• " if kind != "none" else ""


def _dedupe_merged(cells: list[str], ids: list[int]) -> list[str]:
    """python-docx repeats a horizontally merged cell once per grid column (the same cell each time): keep
    the first. Two cells that only say the same thing ('£57,000' in two years, '$'000' over two columns) are
    two cells."""
    return ["" if i and ids[i] == ids[i - 1] else c for i, c in enumerate(cells)]


def _docx_heading_level(para: Any) -> int | None:
    """A paragraph's heading level: its style's ('Heading 2'), or that of the style it is based on (a template's
    'Plan Heading 2' based on 'Heading 2'), or the outline level Word gives it or its style (the level a
    document's navigation pane shows); 0 for a title; None for body text."""
    def outline(ppr: Any) -> int | None:
        lvl = ppr.find(f"{_W}outlineLvl") if ppr is not None else None
        val = lvl.get(f"{_W}val") if lvl is not None else None
        return int(val) + 1 if val is not None and val.isdigit() and int(val) < 9 else None  # 9: body text

    level = outline(para._p.pPr)
    if level is not None:
        return level
    style = getattr(para, "style", None)
    for _ in range(10):  # (a chain of styles based on each other; a loop in a broken file ends here)
        if style is None:
            return None
        name = style.name or ""
        m = re.match(r"(?i)heading (\d)", name)
        if m:
            return int(m.group(1))
        if name.lower() == "title":
            return 0
        level = outline(style.element.pPr)
        if level is not None:
            return level
        style = style.base_style
    return None
