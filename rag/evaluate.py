"""`rag eval`: answer accuracy, grounding, refusals, retrieval recall and speed on a QA file.

The QA format is shared/eval/README.md's: answerable lines carry `facts` (groups of alternatives,
each group must appear in the answer) and `sources`; unanswerable ones carry `forbidden` strings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.config import Settings
from rag.errors import InputError

REFUSAL_WORDS = re.compile(
    r"do(?:es)? not (?:say|answer|mention|contain|provide)|no information|not (?:mentioned|stated)"
    r"|cannot answer|can't answer",
    re.I,
)


@dataclass(frozen=True)
class Outcome:
    id: str
    answerable: bool
    correct: bool
    grounded: bool
    cited_gold: bool
    recalled: bool
    refused: bool
    ms: float
    words: int
    answer: str
    llm_wrote: bool = False  # the answer is the LLM's checked sentence, not a quote


def load_qa(path: Path, limit: int | None) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"QA file {path} not found", hint="give a JSONL file in the shared/eval format")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return items[:limit] if limit else items


def judge(item: dict[str, Any], answer: str, refused: bool, cited: list[str], retrieved: list[str]) -> dict[str, bool]:
    text = answer.lower()
    gold = {Path(s).name for s in item.get("sources", [])}
    if item.get("answerable", True):
        correct = not refused and all(any(alt.lower() in text for alt in group) for group in item["facts"])
        cited_gold = any(Path(c).name in gold for c in cited)
        return {
            "correct": correct,
            "grounded": correct and cited_gold,
            "cited_gold": cited_gold,
            "recalled": any(Path(r).name in gold for r in retrieved),
        }
    correct = refused and not any(f.lower() in text for f in item.get("forbidden", []))
    return {"correct": correct, "grounded": correct, "cited_gold": False, "recalled": False}


def summarize(outcomes: list[Outcome], peak_mb: float) -> dict[str, Any]:
    ans = [o for o in outcomes if o.answerable]
    una = [o for o in outcomes if not o.answerable]
    answered = [o for o in ans if not o.refused]
    ms = sorted(o.ms for o in outcomes)

    def rate(xs: list[bool]) -> float | None:
        return round(sum(xs) / len(xs), 3) if xs else None

    return {
        "questions": len(outcomes),
        "answerable": len(ans),
        "unanswerable": len(una),
        "answer_accuracy": rate([o.correct for o in ans]),
        "grounded_accuracy": rate([o.grounded for o in ans]),
        "citation_hit_rate": rate([o.cited_gold for o in answered]),
        "false_refusals": rate([o.refused for o in ans]),
        "refusal_accuracy": rate([o.correct for o in una]),
        "recall_at_k": rate([o.recalled for o in ans]),
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1) if ms else None,
        "median_answer_words": statistics.median([o.words for o in answered]) if answered else None,
        "llm_written_answers": sum(o.llm_wrote for o in outcomes),
        "peak_rss_mb": round(peak_mb, 1),
    }


def _eval_index_dir(corpus: Path) -> Path:
    key = hashlib.sha1(str(corpus.resolve()).encode()).hexdigest()[:10]
    return Path(tempfile.gettempdir()) / f"rag-eval-{corpus.name}-{key}"


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import replace

    from rag.answer import WRITTEN
    from rag.cli import open_assistant
    from rag.embed import SentenceTransformerEmbedder
    from rag.indexer import build_index

    items = load_qa(Path(args.qa), args.limit)
    embedder = SentenceTransformerEmbedder()  # one model for indexing and answering
    if args.corpus:
        index_dir = settings.index_dir if args.index_dir else _eval_index_dir(args.corpus)
        settings = replace(settings, index_dir=index_dir)
        build_index([args.corpus], settings, embedder)
    assistant = open_assistant(settings, embedder=embedder)
    outcomes: list[Outcome] = []
    for item in items:
        turns = item.get("turns") or [item["question"]]
        t = time.perf_counter()
        if args.baseline:
            answer, refused, cited, retrieved = _baseline(assistant, turns[-1])
            llm_wrote = True  # every baseline answer is the model's own text
        else:
            a = assistant.ask(turns[-1], turns[:-1], item.get("id"))
            answer, refused = a.answer, a.refused
            llm_wrote = a.reason == WRITTEN
            cited = [c.source for c in a.citations]
            retrieved = [r.source for r in a.retrieved]
        ms = (time.perf_counter() - t) * 1000
        verdict = judge(item, answer, refused, cited, retrieved)
        o = Outcome(
            str(item.get("id")),
            bool(item.get("answerable", True)),
            verdict["correct"],
            verdict["grounded"],
            verdict["cited_gold"],
            verdict["recalled"],
            refused,
            ms,
            len(answer.split()),
            answer,
            llm_wrote,
        )
        outcomes.append(o)
        if args.table:
            mark = "ok " if o.correct else "BAD"
            kind = "ans" if o.answerable else "una"
            print(f"{mark} {kind} {o.id:>26} {o.ms:7.0f} ms  {' '.join(turns)[:70]!r} -> {answer[:110]!r}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = summarize(outcomes, peak_mb)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for k, v in figures.items():
            print(f"{k:22} {v}")
    return 0


def _baseline(assistant: Any, question: str) -> tuple[str, bool, list[str], list[str]]:
    """Same models, same passages, a plain prompt: what the LLM says, unchecked."""
    from rag.prompt import plain_messages

    qvec = assistant.embedder.embed_query(question)
    hits = assistant.retriever.retrieve(question, qvec, 4, assistant.settings.candidates)
    text = (
        assistant.generator.chat(plain_messages(question, [h.chunk.text for h in hits]), 128)
        if assistant.generator
        else ""
    )
    cited = [hits[int(n) - 1].chunk.source for n in re.findall(r"\[(\d+)\]", text) if 0 < int(n) <= len(hits)]
    return text, bool(REFUSAL_WORDS.search(text)), cited, [h.chunk.source for h in hits]
