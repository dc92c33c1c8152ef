from pathlib import Path

from ui.render import answer_html, sources_html


def test_answer_markers_link_to_cards_and_html_is_escaped() -> None:
    html = answer_html(
        {"question": "q", "standalone_question": "q", "answer": "<b>Paris</b> [1][2].", "refused": False}, 3
    )
    assert '<a class="cite" href="#src-3-1">[1]</a><a class="cite" href="#src-3-2">[2]</a>' in html
    assert "&lt;b&gt;Paris&lt;/b&gt;" in html and "<b>" not in html


def test_refusal_and_rewrite_look_different() -> None:
    answer = {
        "question": "And when?",
        "standalone_question": "When does the HQ move?",
        "answer": "The documents do not say.",
        "refused": True,
        "retrieved": [{"source": "seeds/000_x.txt"}],
        "why": "the documents never mention <Odesa>",
    }
    html = answer_html(answer, 0)
    assert 'class="refusal"' in html and "000_x.txt" in html
    assert "Why: the documents never mention &lt;Odesa&gt;" in html
    assert 'class="rewrite">Answering: When does the HQ move?' in html


def test_source_card_marks_the_passage_and_notices_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Intro text. The HQ is in Paris. Outro text.")
    citation = {"n": 1, "source": str(path), "start": 12, "end": 31, "quote": "The HQ is in Paris."}
    html = sources_html([("Where is the HQ?", {"citations": [citation]})])
    assert 'id="src-0-1"' in html and "<mark>The HQ is in Paris.</mark>" in html
    assert "Open the whole article" in html
    path.write_text("Completely different text now, longer than before.")
    assert "rag index" in sources_html([("Where is the HQ?", {"citations": [citation]})])
