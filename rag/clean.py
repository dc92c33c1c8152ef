"""Cleaning: keep the article, drop page furniture and repeated paragraphs.

Cleaning never rewrites text. It returns the spans of the original text worth indexing, so every
offset downstream still points into the file as it is on disk.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from rag.tables import PIPE_ROW, PIPE_RULE

# Lines that are page furniture wherever they appear (share bars, forms, appeals, tickers).
BOILERPLATE = re.compile(
    r"leave a (comment|reply)|your email address will not be published|required fields are marked"
    r"|newsletter|explore further|read more|related (articles|posts|stories)"
    r"|follow us|cookies?\b|all rights reserved|copyright ©|^advertisement$|become a patron"
    r"|join our community|click here|latest market prices|you may also like"
    # Words that are a call to the reader only as one ("Subscribe to Blog via Email", "Share on X",
    # "Enter your email address to subscribe"): "About 19,000 households subscribe to the service"
    # and "Residents can sign up for the scheme" are text.
    r"|^(?:subscribe (to|via|for)|sign up for|share (this|on)|support us|donate\b)"
    r"|\byour\b.*\b(?:subscribe (to|via|for)|sign up for|donate\b)",
    re.IGNORECASE,
)
# A short line that opens the page's tail: everything after it is furniture too.
TAIL_MARKER = re.compile(
    r"^(leave a (comment|reply)|explore further|related( articles| posts| stories)?|you may also like"
    r"|subscribe.*|latest market prices|comments?|more from .*|read next)\W*$",
    re.IGNORECASE,
)
# A list's item: "- ...", "• ...", "2. ..." (`rag.chunk` keeps a list with its lead-in).
LIST_ITEM = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s+\S")
# The first lines of a file, where a short title is text, not furniture.
TITLE_LINES = 3
MONEY_OR_PERCENT = re.compile(r"[$€£¥]\s?\d|\d\s?%")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A line that ends on one of these marks may end its sentence.
ENDED = re.compile(r"[.!?:;\"”’)]\s*$")
# A line that stops on a comma or a small word ("... the Department for" | "Education will pay")
# stops mid-sentence, whatever the next line starts with: a PDF's lines end where the page does.
MID_SENTENCE = re.compile(
    r"(?:,|\b(?:a|an|the|of|for|to|in|on|at|by|with|from|and|or|but|than|as|into|per|that|which|who|whose"
    r"|is|are|was|were|be|been|will|would|has|have|had|its|their|his|her|our|this|these|those))\s*$"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _key(line: str) -> str:
    return hashlib.sha1(" ".join(line.lower().split()).encode()).hexdigest()


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture rather than article text.

    >>> [is_furniture(x) for x in ["$123,048.88", "BTC 0.56%", "Vue lecture", "zelenskyy-starmer-macron"]]
    [True, True, True, True]
    >>> is_furniture("The headquarters will be in Paris and rotate to London after 12 months.")
    False
    >>> is_furniture("Service: Libraries; 2026-27: £6.2 million; 2027-28: £4.7 million.")
    False
    """
    words = WORD.findall(line)
    if not words:
        return True
    if " " not in line.strip() and re.search(r"[-_/]", line):
        return True  # an image or URL slug
    if len(words) <= 6 and MONEY_OR_PERCENT.search(line) and not line.rstrip().endswith("."):
        return True  # a price ticker row (a table's row, read as a sentence, ends on a full stop)
    if len(words) <= 40 and BOILERPLATE.search(line):
        return True
    # A lower-case keyword dump (a teaser or tag cloud) has no end mark; a list's item ("- patrol
    # the routes of the cables on the seabed;") has its marker or a clause's end.
    if len(words) >= 8 and line == line.lower() and not (re.search(r"[.!?;:,]\W*$", line) or LIST_ITEM.match(line)):
        return True
    return len(words) < 3 and not re.search(r"[.!?:]\W*$", line.strip())


def _titled(line: str) -> bool:
    """Whether the line is a title: two words or more, each capitalized ("PLANNING COMMITTEE").

    >>> _titled("PLANNING COMMITTEE"), _titled("Planning Committee"), _titled("Home"), _titled("£1.00 off")
    (True, True, False, False)
    """
    words = line.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _goes_on(before: str, line: str) -> bool:
    """Whether `line` continues the sentence `before` breaks off: no end mark before, and a
    lower-case start or a break on a small word.

    >>> _goes_on("opening a new 1,200-place", "secondary school at Fenwick Park."), _goes_on("Overview", "Eastvale has")
    (True, False)
    >>> _goes_on("conditions: no work on Sundays;", "panels no higher than 3 metres; and a new hedge along the")
    True
    """
    if before.rstrip().endswith(";"):  # the next clause of a list run into one sentence
        return line[:1].islower()
    if ENDED.search(before):
        return False
    return line[:1].islower() or MID_SENTENCE.search(before) is not None


def clean(text: str, seen: set[str] | None = None) -> list[Span]:
    """Spans of `text` to index: one per run of kept lines with nothing dropped between them.

    `seen` holds keys of paragraphs already kept (in this file or earlier files of the same
    corpus); a paragraph seen before is dropped, and new ones are added to it.

    >>> t = "A title of the piece\\nThe body says one thing.\\nBitcoin\\n$1.00\\nThe body says one thing."
    >>> [t[s.start:s.end] for s in clean(t)]
    ['A title of the piece\\nThe body says one thing.']
    """
    seen = set() if seen is None else seen
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append((start, start + len(stripped), stripped))
        pos += len(raw) + 1

    # The tail: a short marker line in the second half of the page ends the article.
    cut = len(lines)
    for i, (_, _, line) in enumerate(lines):
        if i >= len(lines) // 2 and TAIL_MARKER.match(line):
            cut = i
            break

    spans: list[Span] = []
    open_span: Span | None = None
    for i, (start, end, line) in enumerate(lines):
        # A line that goes on with the sentence of the kept line before (a PDF's or a hard-wrapped
        # file's next line) is text, however it looks alone: "council plans to ... secondary".
        wrapped = open_span is not None and _goes_on(lines[i - 1][2], line) and not BOILERPLATE.search(line)
        # A Markdown table, however short its cells: the header over its rule ("|---|---|"), and
        # the rule and rows under a kept header.
        header = (
            PIPE_ROW.match(line) is not None and i + 1 < len(lines) and PIPE_RULE.match(lines[i + 1][2]) is not None
        )
        tabled = (
            open_span is not None and PIPE_ROW.match(line) is not None and PIPE_ROW.match(lines[i - 1][2]) is not None
        )
        # A file's title block is text, however short its lines: "WEALDSHIRE DISTRICT COUNCIL" |
        # "PLANNING COMMITTEE" | "Minutes of the meeting ..." names the body the minutes are of.
        title = i < TITLE_LINES and _titled(line)
        keep = i < cut and (wrapped or header or tabled or title or not is_furniture(line))
        if keep and len(WORD.findall(line)) >= 5:
            key = _key(line)
            keep = key not in seen
            seen.add(key)
        if not keep:
            if open_span:
                spans.append(open_span)
            open_span = None
        else:
            open_span = Span(open_span.start if open_span else start, end)
    if open_span:
        spans.append(open_span)
    return spans
