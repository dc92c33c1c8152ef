from pathlib import Path

from rag.sessions import SessionStore

ANSWER = {
    "answer": "Paris, then London after 12 months [1].",
    "standalone_question": "Where is the HQ?",
    "citations": [
        {"n": 1, "source": "seeds/000.txt", "start": 5, "end": 40, "quote": "HQ in Paris, London after 12 months."}
    ],
}


def test_sessions_persist_list_delete_and_export(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    store = SessionStore(db)
    first = store.create()
    second = store.create()
    store.add_turn(first, "Where is the HQ?", ANSWER)
    store.add_turn(first, "And when does it move?", {**ANSWER, "standalone_question": "When does the HQ move?"})
    refusal = {"answer": "The documents do not say.", "refused": True, "citations": [], "why": "no passage answers it"}
    store.add_turn(first, "Who pays for it?", refusal)

    reopened = SessionStore(db)  # a restart
    listed = {s.id: s for s in reopened.list()}
    assert listed[first].title == "Where is the HQ?" and listed[first].turns == 3
    assert [q for q, _ in reopened.turns(first)] == ["Where is the HQ?", "And when does it move?", "Who pays for it?"]

    markdown = reopened.export_markdown(first)
    assert "## Where is the HQ?" in markdown
    assert "*Answering: When does the HQ move?*" in markdown
    assert "[1] seeds/000.txt, characters 5–40:" in markdown
    assert "> HQ in Paris, London after 12 months." in markdown
    assert "The documents do not say.\n\n*Why: no passage answers it*" in markdown

    reopened.delete(first)
    assert [s.id for s in reopened.list()] == [second]
    assert reopened.turns(first) == []
