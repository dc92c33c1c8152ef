"""Chunking: sentence-aware passages with offsets into the document text and stable ids."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rag.clean import ENDED, LIST_ITEM, MID_SENTENCE, Span
from rag.documents import Document


@dataclass(frozen=True)
class Chunk:
    id: str  # content hash of the passage text
    source: str
    start: int
    end: int
    text: str  # == document text[start:end]
    sentences: tuple[Span, ...]  # absolute offsets, inside [start, end)
    page: int | None = None

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start - self.start : s.end - self.start] for s in self.sentences]


def leads_in(text: str) -> bool:
    """A sentence ending in a colon leads into what follows ("..., saying:", "... and will:")."""
    return text.rstrip().endswith(":")


def chunk_id(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# Raise when the rules below cut sentences or passages differently, or a format is read into other
# text (rag.documents): indexed files are re-chunked.
CHUNKING_VERSION = 12
PRINTED_WIDTH = 120  # characters: no printed line is longer
FULL_LINE = 0.8  # of the longest line: a line this long runs to the edge of the page


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _units(text: str, span: Span) -> Iterator[Span]:
    """Lines of a span that stand alone; a hard-wrapped line continues into the next.

    >>> t = "The repairs will cost 6.8 million pounds, of which the Department for\\nEducation will pay 5.1 million."
    >>> [t[u.start : u.end] for u in _units(t, Span(0, len(t)))] == [t]
    True
    >>> t = "Hedges shrank by half after the war, the report says. The Rural Policy\\nInstitute estimates 390,000 km."
    >>> len(list(_units(t, Span(0, len(t)))))
    1
    """
    pos = span.start
    unit_start = span.start
    region = text[span.start : span.end]
    lines = region.split("\n")
    # Lines no longer than a printed page's are laid out (a PDF, a hard-wrapped file): one that runs
    # to the width without an end mark stops where the page does ("The Rural Policy" | "Institute
    # estimates ..."). A file with a paragraph a line has far longer lines, and titles among them.
    width = max(len(line) for line in lines)
    laid_out = width <= PRINTED_WIDTH
    for i, line in enumerate(lines):
        end = pos + len(line)
        nxt = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
        full = laid_out and len(line) >= FULL_LINE * width
        wrapped = (
            len(line) >= 50
            and not ENDED.search(line)
            and (nxt[:1].islower() or (nxt[:1].isalnum() and (full or MID_SENTENCE.search(line) is not None)))
        )
        if not wrapped:
            if text[unit_start:end].strip():
                yield Span(unit_start, end)
            unit_start = end + 1
        pos = end + 1


def split_sentences(text: str, span: Span) -> list[Span]:
    """Sentence spans (whitespace-trimmed) covering the text of `span`.

    >>> t = "Paris is first. London follows after 12 months.\\nA new line."
    >>> [t[s.start:s.end] for s in split_sentences(t, Span(0, len(t)))]
    ['Paris is first.', 'London follows after 12 months.', 'A new line.']
    >>> t = "It was the coldest phase, ca. 22,000 years ago. Then it warmed."
    >>> [t[s.start:s.end] for s in split_sentences(t, Span(0, len(t)))]
    ['It was the coldest phase, ca. 22,000 years ago.', 'Then it warmed.']
    """
    out: list[Span] = []
    for unit in _units(text, span):
        pos = 0
        # A unit's line breaks are wraps, not ends: the segmenter sees spaces (offsets unchanged).
        flat = text[unit.start : unit.end].replace("\n", " ")
        for sentence in _segmenter().segment(flat):
            piece = sentence.strip()
            if not piece:
                continue
            found = flat.find(piece, pos)
            if found < 0:  # the segmenter altered the text; fall back to the whole unit
                out.append(Span(unit.start, unit.end))
                break
            at = unit.start + found
            if out and out[-1].start >= unit.start and _continues(text[out[-1].start : out[-1].end], piece):
                out[-1] = Span(out[-1].start, at + len(piece))
            else:
                out.append(Span(at, at + len(piece)))
            pos = found + len(piece)
    return out


def _continues(before: str, piece: str) -> bool:
    """Whether the segmenter cut a sentence after an abbreviation ("during the maximum, ca." |
    "22,000 yr BP"): the piece starts in lower case, or with a number after a short lower-case
    abbreviation."""
    if piece[:1].islower():
        return True
    return piece[:1].isdigit() and re.search(r"(?:^|\s)[a-z]{1,3}\.$", before) is not None


def _split_at_pages(spans: list[Span], doc: Document) -> list[Span]:
    """Spans cut where a page begins, so that a passage (and its citations) has one page."""
    if not doc.pages:
        return spans
    cuts = [p.start for p in doc.pages[1:]]
    out: list[Span] = []
    for span in spans:
        start = span.start
        for cut in cuts:
            if start < cut < span.end:
                out.append(Span(start, cut))
                start = cut
        out.append(Span(start, span.end))
    return [s for s in out if doc.text[s.start : s.end].strip()]


def chunk_document(doc: Document, spans: list[Span], max_chars: int = 700) -> list[Chunk]:
    """Pack whole sentences into passages of about `max_chars`, never across a dropped span.

    Consecutive passages share one sentence so that an answer on a boundary is in one passage.
    """
    chunks: list[Chunk] = []
    for span in _split_at_pages(spans, doc):
        sentences = split_sentences(doc.text, span)
        i = 0
        while i < len(sentences):
            j = i + 1
            while j < len(sentences) and sentences[j].end - sentences[i].start <= max_chars:
                j += 1
            group = sentences[i:j]
            start, end = group[0].start, group[-1].end
            text = doc.text[start:end]
            chunks.append(Chunk(chunk_id(text), doc.source, start, end, text, tuple(group), doc.page_at(start)))
            if j >= len(sentences):
                break
            i = _list_start(doc.text, sentences, i, j) or (j - 1 if j - i >= 3 else j)
    return chunks


def _list_start(text: str, sentences: list[Span], i: int, j: int) -> int | None:
    """Where the passage after sentences[i:j] starts when j falls inside a list: at the list's
    lead-in, so that the list is whole in one passage ("The mission will:" and its items)."""
    if not LIST_ITEM.match(text[sentences[j].start : sentences[j].end]):
        return None
    k = j - 1
    while k > i and LIST_ITEM.match(text[sentences[k].start : sentences[k].end]):
        k -= 1
    return k if k > i and leads_in(text[sentences[k].start : sentences[k].end]) else None
