"""Tables: a row read with its column names, so that one row says what each of its figures is.

A web page's and a Word file's tables are read into the document text that way (`rag.documents`).
A Markdown file's text is the file itself, so its pipe-table rows stay as written and are read
with their header for scoring and answering only (`row_reading`); citations keep the exact row.
"""

from __future__ import annotations

import re

# Markdown: "| a | b |" rows, a "|---|---|" rule under the header.
PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
PIPE_RULE = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")
# A column name in a row as `table_lines` reads it: "Company: Marches Water; Customers: 640,000".
ROW_LABEL = re.compile(r"(?:^|;\s)([^:;]{1,40}):\s")


def table_lines(header: list[str], rows: list[list[str]]) -> list[str]:
    """A table as lines that read alone: each row with its column names.

    >>> header = ["Company", "Customers", "Ban from"]
    >>> table_lines(header, [["Marches Water", "640,000", "29 August"], ["Dee", "", "none"]])
    ['Company: Marches Water; Customers: 640,000; Ban from: 29 August.', 'Company: Dee; Ban from: none.']
    >>> table_lines(["", "2024", "2025"], [["Leaks", "180", "172"]]), table_lines([], [["Budget", "EUR 40 billion"]])
    (['Leaks; 2024: 180; 2025: 172.'], ['Budget; EUR 40 billion.'])
    """
    lines = []
    for row in rows:
        names = (header + [""] * len(row))[: len(row)]
        pairs = zip(names, row, strict=True)
        cells = [f"{name}: {cell}" if name and name != cell else cell for name, cell in pairs if cell]
        if cells:
            line = "; ".join(cells)
            lines.append(line if line.endswith((".", "!", "?")) else line + ".")
    return lines


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a Markdown table row ("\\\\|" is a bar inside a cell), or None for any other line.

    >>> pipe_cells("| Hollins \\\\| Dale | 4 September |"), pipe_cells("|---|---|"), pipe_cells("Text.")
    (['Hollins | Dale', '4 September'], None, None)
    """
    row = PIPE_ROW.match(line)
    if not row or PIPE_RULE.match(line):
        return None
    return [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", row.group(1))]


def labelled_tables(text: str) -> str:
    """Each Markdown table in `text` as `table_lines` gives it, the header row being the names.

    >>> print(labelled_tables("Bans\\n| Company | From |\\n|---|---|\\n| Marches | 29 August |\\nEnd."))
    Bans
    Company: Marches; From: 29 August.
    End.
    """
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = pipe_cells(lines[i])
        if cells is None:
            out.append(lines[i])
            i += 1
            continue
        header: list[str] = []
        if i + 1 < len(lines) and PIPE_RULE.match(lines[i + 1]):
            header, i = cells, i + 2
        rows = []
        while i < len(lines) and (row := pipe_cells(lines[i])) is not None:
            rows.append(row)
            i += 1
        out.extend(table_lines(header, rows) if rows or not header else table_lines([], [header]))
    return "\n".join(out)


def row_reading(lines: list[str], i: int) -> str | None:
    """Line `i`, a Markdown table row, read with the column names of the header above it (the
    row before the rule), when the lines in between are rows too; None otherwise.

    >>> lines = ["| Library | Visits a week |", "|---|---|", "| Ashby Road | 410 |", "| Millgate | 285 |"]
    >>> row_reading(lines, 3), row_reading(lines, 0), row_reading(["| a | b |"], 0)
    ('Library: Millgate; Visits a week: 285.', None, None)
    """
    cells = pipe_cells(lines[i])
    if cells is None:
        return None
    for j in range(i - 1, 0, -1):
        if PIPE_RULE.match(lines[j]):
            header = pipe_cells(lines[j - 1])
            read = table_lines(header, [cells]) if header else []
            return read[0] if read else None
        if pipe_cells(lines[j]) is None:
            return None
    return None


def row_labels(sentence: str) -> list[tuple[int, int]]:
    """The spans of a table row's column names, when the sentence is a row: cells split by "; ",
    every one after the first named.

    >>> s = "Company: Marches Water; Customers: 640,000; Ban from: 29 August."
    >>> [s[a:b] for a, b in row_labels(s)], row_labels("Mr Osei said: Leaks fell.")
    (['Company', 'Customers', 'Ban from'], [])
    """
    cells = sentence.split("; ")
    if len(cells) < 2 or not all(": " in cell for cell in cells[1:]):
        return []
    return [m.span(1) for m in ROW_LABEL.finditer(sentence)]


def first_cell(row: str) -> tuple[str, str]:
    """A row's first column name and its cell, what the row is about ("", cell when unnamed).

    >>> first_cell("Stock: Haddock; 2027 TAC (tonnes): 41,000."), first_cell("Leaks; 2024: 180.")
    (('Stock', 'Haddock'), ('Leaks', ''))
    """
    column, _, label = row.split("; ")[0].partition(": ")
    return column, label


def is_table_row(sentence: str) -> bool:
    """A table row as `table_lines` reads it: a record of its own, which no sentence next to it
    continues."""
    return bool(row_labels(sentence))
