from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rag.chunk import chunk_document
from rag.clean import clean
from rag.documents import Document, read_document
from tests.conftest import SEEDS


def test_seed_chunks_point_into_the_file() -> None:
    seen: set[str] = set()
    for path in sorted(SEEDS.iterdir()):
        doc = read_document(path, str(path), 10**7)
        on_disk = open(path, encoding=doc.encoding).read()
        chunks = chunk_document(doc, clean(doc.text, seen))
        assert chunks
        for c in chunks:
            assert on_disk[c.start : c.end] == c.text
            for s in c.sentences:
                assert c.start <= s.start < s.end <= c.end
                assert on_disk[s.start : s.end].strip() == on_disk[s.start : s.end]


def test_chunk_ids_are_stable_content_hashes(tmp_path: Path) -> None:
    path = SEEDS / "000_1a0718c33b4ffa2a.txt"
    a = chunk_document(read_document(path, "a", 10**7), clean(path.read_text()))
    b = chunk_document(read_document(path, "a", 10**7), clean(path.read_text()))
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a)


words = st.sampled_from(["Paris", "London", "will", "host", "the", "HQ.", "12", "months!", "It", "rotates?", "—", "é"])
lines = st.lists(words, min_size=0, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(lines, min_size=1, max_size=12).map("\n".join), st.integers(min_value=20, max_value=400))
def test_offsets_rebuild_the_text(text: str, max_chars: int) -> None:
    doc = Document("x.txt", "x", text, "0")
    for c in chunk_document(doc, clean(text), max_chars):
        assert text[c.start : c.end] == c.text
        assert c.sentences[0].start == c.start and c.sentences[-1].end == c.end
        assert all(a.end <= b.start for a, b in zip(c.sentences, c.sentences[1:], strict=False))


def test_a_pdf_line_that_stops_mid_sentence_joins_the_next() -> None:
    """PDF text comes a line at a time: a line that stops on a small word or a comma goes on in
    the next, capitalized or not; a short heading line stays a sentence of its own."""
    from rag.chunk import split_sentences
    from rag.clean import Span

    text = (
        "4. Buildings\n"
        "Surveys found concrete in the roofs of three schools. All\n"
        "three have been made safe; the repairs will cost 6.8 million pounds, of which the Department for\n"
        "Education will pay 5.1 million pounds. Pupil numbers are expected to peak at\n"
        "30,900 in 2029."
    )
    sentences = [text[s.start : s.end] for s in split_sentences(text, Span(0, len(text)))]
    assert sentences[0] == "4. Buildings"
    assert sentences[2].endswith("Department for\nEducation will pay 5.1 million pounds.")
    assert sentences[3] == "Pupil numbers are expected to peak at\n30,900 in 2029."


def test_a_list_starts_a_passage_with_its_lead_in() -> None:
    """A passage that ends inside a list: the next one starts at the list's lead-in, so that
    "What will the mission do?" finds the lead-in and every item in one passage."""
    text = (
        "The mission was announced in Helsinki on 14 January by the leaders of eight countries.\n\n"
        "It will be commanded from Northwood by a rear admiral of the Swedish Navy.\n\n"
        "The mission will:\n"
        "- patrol the routes of the main power and data cables;\n"
        "- track ships of the shadow fleet and report them;\n"
        "- share radar and satellite data between navies.\n\n"
        "It will run for three months and be reviewed in April.\n"
    )
    doc = Document("m.txt", "m", text, "0")
    chunks = chunk_document(doc, clean(text), max_chars=260)
    whole = [c for c in chunks if "The mission will:" in c.text and "share radar" in c.text]
    assert whole, [c.text for c in chunks]
    assert all("- track" in c.text for c in whole)
