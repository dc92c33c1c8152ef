"""The command-line contract of shared/ARCHITECTURE.md, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import HQ, ROOT

CONTRACT = {"id", "question", "standalone_question", "answer", "refused", "citations", "retrieved", "timings_ms"}


def rag(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rag.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for w in words:
        assert w in lines[0]


def test_user_mistakes_give_one_line(tmp_path: Path, seed_settings: Any) -> None:
    assert_one_line_error(rag("ask", "Where?", "--index", str(tmp_path / "none")), "No index", "rag index")
    assert_one_line_error(rag("ask", "  ", "--index", str(seed_settings.index_dir)), "empty")
    assert_one_line_error(
        rag("ask", HQ, "--index", str(seed_settings.index_dir), "--model", str(tmp_path / "x.gguf")), "not found"
    )
    assert_one_line_error(
        rag("index", str(tmp_path / "missing-folder"), "--index", str(tmp_path / "i")), "does not exist"
    )
    (tmp_path / "empty").mkdir()
    assert rag("index", str(tmp_path / "empty"), "--index", str(tmp_path / "e")).returncode == 0
    assert_one_line_error(rag("ask", "Where?", "--index", str(tmp_path / "e")), "no documents", "rag index PATH")
    verbose = rag("-v", "ask", "Where?", "--index", str(tmp_path / "none"))
    assert "Traceback" in verbose.stderr


@pytest.mark.slow
def test_ask_json_has_every_contract_field(seed_settings: Any) -> None:
    result = rag("ask", HQ, "--index", str(seed_settings.index_dir), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == CONTRACT
    assert out["refused"] is False
    for c in out["citations"]:
        assert {"n", "source", "start", "end", "quote"} <= set(c)
        assert open(c["source"], encoding="utf-8").read()[c["start"] : c["end"]] == c["quote"]
    assert {"source", "start", "end", "score"} <= set(out["retrieved"][0])
    assert {"retrieve", "generate", "total"} <= set(out["timings_ms"])


@pytest.mark.slow
def test_a_reader_that_stops_early_gets_no_traceback(seed_settings: Any) -> None:
    """`rag ask ... | head -1`: the pipe is closed before the answer is written."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "ask", HQ, "--index", str(seed_settings.index_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(timeout=300)
    assert "Traceback" not in err and "Error" not in err, err
    assert proc.returncode == 141


@pytest.mark.slow
def test_batch_keeps_order_and_ids(tmp_path: Path, seed_settings: Any) -> None:
    batch = tmp_path / "q.jsonl"
    lines = [
        {"id": "b", "question": "What is the capital of Australia?"},
        {"id": "a", "question": HQ},
        {"id": 7, "turns": ["Where is the HQ?", "And when does it move to London?"]},
        {"id": "bad"},
    ]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    result = rag("ask", "--batch", str(batch), "--index", str(seed_settings.index_dir), "--json")
    assert result.returncode == 0, result.stderr
    outs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in outs] == ["b", "a", 7, "bad"]
    assert outs[0]["refused"] and not outs[1]["refused"]
    assert outs[2]["standalone_question"] == "When does the HQ move to London?"
    assert "error" in outs[3]


@pytest.mark.slow
def test_terminal_chat_follows_up(seed_settings: Any) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rag.cli", "chat", "--index", str(seed_settings.index_dir)],
        input="Where is the HQ?\nAnd when does it move to London?\nWhich Italian units are in Odesa?\n/quit\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Paris" in result.stdout
    assert "(answering: When does the HQ move to London?)" in result.stdout
    assert "12 months" in result.stdout
    # A refusal says why and offers the closest passages.
    assert "(why: the documents never mention " in result.stdout and "Closest passages" in result.stdout


def test_judge_needs_every_fact_group_and_a_clean_refusal() -> None:
    from rag.evaluate import judge

    item = {"answerable": True, "facts": [["Paris"], ["12 months", "a year"]], "sources": ["a.txt"]}
    assert judge(item, "In Paris, for a year [1].", False, ["x/a.txt"], ["x/a.txt"])["grounded"]
    assert not judge(item, "In Paris [1].", False, ["x/a.txt"], ["x/a.txt"])["correct"]
    assert not judge(item, "In Paris for 12 months [1].", False, ["x/b.txt"], ["x/a.txt"])["grounded"]
    unanswerable = {"answerable": False, "forbidden": ["helicopters will"]}
    assert judge(unanswerable, "The documents do not say.", True, [], [])["correct"]
    assert not judge(unanswerable, "Ten helicopters will go.", True, [], [])["correct"]


@pytest.mark.slow
def test_eval_reports_the_figures(tmp_path: Path, seed_settings: Any) -> None:
    qa = tmp_path / "qa.jsonl"
    items = [
        {
            "id": "a",
            "question": HQ,
            "answerable": True,
            "facts": [["Paris"], ["London"]],
            "sources": ["000_1a0718c33b4ffa2a.txt", "001_bb6512d91f2ca345.txt", "004_343fc0e0e2615a75.txt"],
        },
        {"id": "u", "question": "What is the capital of Australia?", "answerable": False, "forbidden": ["Canberra"]},
        {
            "id": "f",
            "turns": ["Where is the HQ?", "And when does it move to London?"],
            "answerable": True,
            "facts": [["12 months"]],
            "sources": ["000_1a0718c33b4ffa2a.txt", "004_343fc0e0e2615a75.txt"],
        },
    ]
    qa.write_text("\n".join(json.dumps(x) for x in items) + "\n")
    result = rag("eval", str(qa), "--index", str(seed_settings.index_dir), "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["questions"] == 3 and figures["answerable"] == 2 and figures["unanswerable"] == 1
    assert figures["answer_accuracy"] == 1.0 and figures["grounded_accuracy"] == 1.0
    assert figures["refusal_accuracy"] == 1.0 and figures["recall_at_k"] == 1.0
    assert figures["p50_ms"] > 0 and figures["median_answer_words"] > 0 and "llm_written_answers" in figures
    table = rag("eval", str(qa), "--index", str(seed_settings.index_dir), "--table")
    assert table.stdout.count("ok ") == 3, table.stdout


def test_a_quote_with_line_breaks_reads_as_one_line() -> None:
    from rag.answer import Answer, Citation
    from rag.cli import format_answer

    quote = "All\nthree have been made safe; the Department for\nEducation will pay."
    cited = Citation(1, "report.pdf", 10, 10 + len(quote), quote, page=1)
    answer = Answer("q", "q", "All three have been made safe [1].", False, (cited,), (), {}, None, "quoted")
    # Shown as it reads; the JSON keeps the exact span, line breaks and all.
    assert "\u201cAll three have been made safe; the Department for Education will pay.\u201d" in format_answer(answer)
