import pytest

from rag.conversation import is_follow_up, standalone
from rag.question import analyze_question, type_candidates


@pytest.mark.parametrize(
    "question,kind",
    [
        ("How many troops will France send?", "count"),
        ("How much is the pledge?", "amount"),
        ("When was the coalition announced?", "date"),
        ("In which year did it begin?", "date"),
        ("Who leads the forward cell?", "person"),
        ("Who is Alexus Grynkewich?", "other"),
        ("Where is the HQ?", "place"),
        ("What did Putin agree to?", "other"),
    ],
)
def test_answer_kinds(question: str, kind: str) -> None:
    assert analyze_question(question).kind == kind


def test_terms_expand_abbreviations_and_keep_names() -> None:
    info = analyze_question("Which UK officer leads the HQ in Kyiv?")
    assert "headquart" in info.terms and "kingdom" in info.terms
    assert info.names == ("kyiv",)
    assert info.asked == "uk"


def test_count_candidates_need_the_counted_thing() -> None:
    assert type_candidates("count", "The HQ rotates after 12 months.", "staff") == []
    assert type_candidates("count", "About 200 planners from 30 countries met.", "countri") == ["30 countries"]


def test_follow_ups() -> None:
    assert not is_follow_up("Where is the multinational headquarters based?")
    assert is_follow_up("And when does it move?")
    assert standalone("Who co-leads it?", ["Where is the HQ and when does it rotate?"]) == "Who co-leads the HQ?"
    assert standalone("Where is the HQ?", []) == "Where is the HQ?"
