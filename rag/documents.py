"""Reading files: plain text out of .txt/.md/.html/.pdf/.docx, one Document per file.

Offsets everywhere in the project index `Document.text`. For .txt/.md that is the file as
`open(path, encoding=doc.encoding).read()` returns it (universal newlines), so a citation's
`[start:end]` can be checked against the file on disk; for converted formats it is the extracted text.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.errors import InputError
from rag.tables import labelled_tables, table_lines

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    source: str  # path as shown to the user and written in citations
    title: str
    text: str
    sha256: str  # of the file's bytes
    encoding: str = "utf-8"
    pages: tuple[Page, ...] = ()

    def page_at(self, offset: int) -> int | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None


class Skip(InputError):
    """A file that is not indexed, with the reason shown on its line."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text as `open(..., encoding=enc).read()` would give it: (text, enc).

    >>> decode("caf\\u00e9\\r\\nbar".encode("cp1252"))[0]
    'café\\nbar'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        enc = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
    elif b"\x00" in data:
        raise Skip("binary content (NUL bytes)", hint="convert it to text, PDF or Word first")
    else:
        try:
            data.decode("utf-8")
            enc = "utf-8"
        except UnicodeDecodeError:
            enc = _western(data) or _detect(data)
    text = data.decode(enc, errors="replace")
    # Universal newlines, as open() in text mode does.
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc


def _western(data: bytes) -> str | None:
    """cp1252 for mostly-ASCII text whose few other bytes are Latin letters or punctuation there.

    Detectors cannot tell code pages apart on a short sample ("café" fits a dozen); Western
    documents are mostly ASCII, while Cyrillic or Greek ones are mostly not, and go to detection.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    other = [c for c in text if ord(c) > 127]
    if letters and len(other) <= 0.5 * len(letters):
        return "cp1252"
    return None


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise Skip("binary content (no text encoding fits)", hint="convert it to text first")
    return str(matches[0].encoding)


def _title(text: str, path: Path) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if len(line.split()) >= 3:
            return line[:200]
    return path.stem


def _read_pdf(path: Path) -> tuple[str, tuple[Page, ...]]:
    from pypdf import PdfReader

    parts: list[str] = []
    pages: list[Page] = []
    pos = 0
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        text = (page.extract_text() or "").strip()
        if text:
            text = pdf_tables(text, _layout_text(page))
        pages.append(Page(number, pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 2  # the "\n\n" join below
    return "\n\n".join(parts), tuple(pages)


# A gap of three spaces or more between two cells of a row in pypdf's layout mode; a cell of one
# character ends at the gap after it ("6           £130" is two cells).
_COLUMN_GAP = re.compile(r"\S(?:.*?\S)??(?=\s{3,}|\s*$)")


def _layout_text(page: Any) -> str:
    """A PDF page's text as pypdf lays it out, or "" if its layout mode fails on the page (the plain
    text is read anyway)."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's layout mode raises what it meets in a page's content stream
        log.debug("no layout text", exc_info=True)
        return ""


def pdf_tables(text: str, layout: str) -> str:
    """A page's text with its tables read row by row, as a Word file's are (`table_lines`).

    pypdf's plain text gives a table one cell a line, so a row's cells no longer go together;
    its layout mode keeps a row on one line, with wide gaps between the cells. A run of two or
    more layout lines whose cells start at the same columns is a table, if the plain text has
    those cells one a line in the same order and no cell below the first row starts in lower case:
    two columns of prose are not (the plain text reads one column, then the other, and a line goes
    on in the next), nor is a cell that wraps. Everything else is the plain text.

    >>> plain = "Responses\\n Consultee\\nResponse\\nNatural England\\nObjection withdrawn\\nDone."
    >>> layout = "Responses\\n   Consultee          Response\\n   Natural England    Objection withdrawn\\nDone."
    >>> print(pdf_tables(plain, layout))
    Responses
    Consultee: Natural England; Response: Objection withdrawn.
    Done.
    >>> plain = "Type\\nNumber\\nRent\\nStandard stall\\n30\\n£105\\nCorner stall\\n6\\n£130"
    >>> layout = "Type             Number   Rent\\nStandard stall   30       £105\\nCorner stall     6        £130"
    >>> print(pdf_tables(plain, layout))
    Type: Standard stall; Number: 30; Rent: £105.
    Type: Corner stall; Number: 6; Rent: £130.
    """
    rows: list[list[tuple[int, str]]] = []
    blocks: list[list[list[tuple[int, str]]]] = []
    for line in [*layout.splitlines(), ""]:
        cells = [(m.start(), m.group()) for m in _COLUMN_GAP.finditer(line)]
        aligned = (
            rows
            and len(cells) == len(rows[0])
            and all(abs(start - first) <= 2 for (start, _), (first, _) in zip(cells, rows[0], strict=True))
        )
        if len(cells) >= 2 and (not rows or aligned):
            rows.append(cells)
            continue
        if len(rows) >= 2:
            blocks.append(rows)
        rows = [cells] if len(cells) >= 2 else []
    lines = text.split("\n")
    for block in blocks:
        table = [[cell for _, cell in row] for row in block]
        # A line of a column of prose goes on in the one under it ("to discuss the bridge and" |
        # "agreed to close it."); a table's cell ends in its row.
        if any(below[:1].islower() for row in table[1:] for below in row):
            continue
        said = [cell for row in table for cell in row]
        plain = [line.strip() for line in lines]
        at = next((i for i in range(len(plain)) if plain[i : i + len(said)] == said), None)
        if at is not None:
            lines[at : at + len(said)] = table_lines(table[0], table[1:])
    return "\n".join(lines)


def _read_docx(path: Path) -> str:
    import docx
    from docx.table import Table

    document = docx.Document(str(path))
    blocks: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables in reading order
        if isinstance(block, Table):
            rows = [[cell.text.strip() for cell in _distinct(row.cells)] for row in block.rows]
            blocks.extend(table_lines(rows[0], rows[1:]) if len(rows) > 1 else table_lines([], rows))
        else:
            blocks.append(block.text)
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def _distinct(cells: Any) -> list[Any]:
    """A row's cells, a merged cell once (python-docx repeats it for each grid column it spans)."""
    out: list[Any] = []
    for cell in cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def _read_html(data: bytes) -> str:
    import trafilatura

    html, _ = decode(data)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    return labelled_tables(text or "")


def read_document(path: Path, source: str, max_bytes: int) -> Document:
    """Read one file; raises Skip with the reason when it cannot or should not be indexed."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise Skip(f"unknown extension {suffix or '(none)'}", hint="supported: " + " ".join(sorted(SUPPORTED)))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise Skip(
                f"over the size limit ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB)",
                hint="raise it with --max-file-mb or RAG_MAX_FILE_MB",
            )
        data = path.read_bytes()
    except OSError as err:
        raise Skip(f"unreadable ({err.strerror or err})", hint="check the file's permissions") from None
    if not data.strip():
        raise Skip("empty file", hint="nothing to index")
    encoding = "utf-8"
    pages: tuple[Page, ...] = ()
    try:
        if suffix == ".pdf":
            text, pages = _read_pdf(path)
        elif suffix == ".docx":
            text = _read_docx(path)
        elif suffix in HTML_SUFFIXES:
            text = _read_html(data)
        else:
            text, encoding = decode(data)
    except Skip:
        raise
    except Exception as err:  # a damaged PDF/DOCX raises whatever its parser raises
        log.debug("parse failure in %s", path, exc_info=True)
        raise Skip(f"cannot be parsed as {suffix} ({type(err).__name__})", hint="re-save or re-export it") from None
    if not re.search(r"\w", text):
        raise Skip("no text in it (whitespace only, or a scanned PDF without a text layer)", hint="nothing to index")
    return Document(source, _title(text, path), text, sha256_bytes(data), encoding, pages)


def document_text(source: str, max_bytes: int = 200_000_000) -> str:
    """The text that a citation's offsets index, read again from the file (for showing it whole)."""
    return read_document(Path(source), source, max_bytes).text
