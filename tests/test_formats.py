"""PDF, Word and HTML fixtures made by the tests themselves, read as a user's files would be."""

from pathlib import Path

import pytest

from rag.documents import read_document


def make_pdf(path: Path, pages: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        c.drawString(72, 750, text)
        c.showPage()
    c.save()


def test_pdf_text_per_page(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    make_pdf(path, ["The headquarters will be in Paris for the first year.", "It then rotates to London."])
    doc = read_document(path, "brief.pdf", 10**7)
    at = doc.text.index("rotates to London")
    assert doc.page_at(at) == 2
    assert doc.page_at(doc.text.index("Paris")) == 1
    from rag.chunk import chunk_document
    from rag.clean import clean

    pages = [c.page for c in chunk_document(doc, clean(doc.text))]
    assert pages == [1, 2]  # short pages, yet one passage each: a citation has one page


def test_pdf_table_rows_read_with_their_column_names(tmp_path: Path) -> None:
    """A PDF's table, which pypdf's plain text gives one cell a line, is read row by row with its
    column names, as a Word file's is; the prose around it is left as it is."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    path = tmp_path / "report.pdf"
    rows = [["Consultee", "Response"], ["Natural England", "Objection withdrawn"]]
    rows.append(["Highways Authority", "No objection"])
    body = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("Officers recommend approval.", body), Table(rows)])
    doc = read_document(path, "report.pdf", 10**7)
    assert doc.text.splitlines() == [
        "Officers recommend approval.",
        "Consultee: Natural England; Response: Objection withdrawn.",
        "Consultee: Highways Authority; Response: No objection.",
    ]


def test_pdf_prose_in_two_columns_is_no_table(tmp_path: Path) -> None:
    """Two columns of prose side by side look like a table's rows in pypdf's layout mode, but its
    plain text reads one column and then the other: the text stays as that reads it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    left = ["The council met on Tuesday", "to discuss the bridge and", "agreed to close it."]
    right = ["Residents asked for a ferry", "service while the bridge is", "being repaired next year."]
    from pypdf import PdfReader

    # Drawn a column at a time (the plain text reads one, then the other) and a line at a time.
    for name, order in (("columns.pdf", [(x, i) for x in (72, 320) for i in range(3)]), ("lines.pdf", None)):
        path = tmp_path / name
        c = canvas.Canvas(str(path), pagesize=A4)
        for x, i in order or [(x, i) for i in range(3) for x in (72, 320)]:
            c.drawString(x, 750 - 14 * i, (left if x == 72 else right)[i])
        c.save()
        plain = PdfReader(str(path)).pages[0].extract_text().strip()
        doc = read_document(path, name, 10**7)
        assert doc.text == plain and ";" not in doc.text, name


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    """A Word table is read where it stands, each row with its column names."""
    import docx

    d = docx.Document()
    d.add_paragraph("Coordination cell planned in Kyiv, led by a two-star officer.")
    table = d.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Item", "Budget"), ("Force", "EUR 40 billion")], strict=True):
        row.cells[0].text, row.cells[1].text = cells
    d.add_paragraph("The budget is reviewed every year.")
    path = tmp_path / "memo.docx"
    d.save(str(path))
    doc = read_document(path, "memo.docx", 10**7)
    assert doc.text.split("\n\n") == [
        "Coordination cell planned in Kyiv, led by a two-star officer.",
        "Item: Force; Budget: EUR 40 billion.",
        "The budget is reviewed every year.",
    ]


def test_html_table_rows_read_with_their_column_names(tmp_path: Path) -> None:
    body = " ".join(["Two water companies set out their hosepipe bans this week after a dry summer."] * 3)
    html = f"""<html><body><article><h1>Hosepipe bans</h1><p>{body}</p>
    <table><tr><th>Company</th><th>Ban starts</th></tr><tr><td>Eastbrook Water</td><td>4 September</td></tr>
    <tr><td>Hollins | Dale</td><td></td></tr></table><p>{body}</p></article></body></html>"""
    path = tmp_path / "bans.html"
    path.write_text(html, encoding="utf-8")
    lines = read_document(path, "bans.html", 10**7).text.splitlines()
    assert "Company: Eastbrook Water; Ban starts: 4 September." in lines
    assert "Company: Hollins | Dale." in lines  # an empty cell is left out, a cell's bar kept
    assert not any("---" in line or line.startswith("|") for line in lines)


def test_html_main_text_only(tmp_path: Path) -> None:
    body = " ".join(["The coalition agreed a headquarters in Paris that rotates to London after a year."] * 3)
    html = f"""<html><head><title>Coalition news</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
    <article><h1>Coalition agrees headquarters</h1><p>{body}</p>
    <p>Officials said planning involved more than two hundred planners from thirty countries.</p></article>
    <div class="share">Share on Facebook Share on X</div>
    <footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = read_document(path, "page.html", 10**7)
    assert "rotates to London" in doc.text
    for furniture in ("cookies", "Share on Facebook", "All rights reserved", "Sport"):
        assert furniture not in doc.text


@pytest.mark.parametrize("name,data", [("broken.pdf", b"%PDF-1.4 not really"), ("broken.docx", b"PK\x03\x04junk")])
def test_damaged_files_are_skipped(tmp_path: Path, name: str, data: bytes) -> None:
    from rag.documents import Skip

    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(Skip, match=r"cannot be parsed|no text"):
        read_document(path, name, 10**7)
