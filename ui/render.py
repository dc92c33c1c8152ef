"""HTML for the chat: answers with clickable [n] markers, and source cards with the passage marked."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from rag.documents import document_text
from rag.errors import RagError

CONTEXT_CHARS = 280  # text shown around a quote in its card


def answer_html(answer: dict[str, Any], turn: int) -> str:
    """The chat bubble: rewrite note, then the answer (refusals styled apart), markers linked."""
    parts = []
    if answer.get("standalone_question") and answer["standalone_question"] != answer.get("question"):
        parts.append(f'<div class="rewrite">Answering: {html.escape(answer["standalone_question"])}</div>')
    text = html.escape(answer.get("answer", ""))
    if answer.get("refused"):
        closest = ", ".join(sorted({Path(r["source"]).name for r in answer.get("retrieved", [])[:3]}))
        note = f"<br><small>Closest passages, which do not answer it: {html.escape(closest)}</small>" if closest else ""
        why = f'<br><small class="why">Why: {html.escape(answer["why"])}</small>' if answer.get("why") else ""
        parts.append(f'<div class="refusal">{text}{why}{note}</div>')
    else:
        linked = re.sub(r"\[(\d+)\]", lambda m: f'<a class="cite" href="#src-{turn}-{m[1]}">[{m[1]}]</a>', text)
        parts.append(f'<div class="answer">{linked}</div>')
    return "\n".join(parts)


def _marked(text: str, start: int, end: int) -> str:
    return f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"


def sources_html(turns: list[tuple[str, dict[str, Any]]]) -> str:
    """Source cards of every answer in the chat, newest first; each card id matches its marker."""
    if not turns:
        return '<div class="sources-empty">Sources of the answers appear here.</div>'
    cards = []
    for turn in range(len(turns) - 1, -1, -1):
        question, answer = turns[turn]
        citations = answer.get("citations", [])
        if not citations:
            continue
        cards.append(f'<div class="turn-head">{html.escape(question)}</div>')
        for c in citations:
            cards.append(_card(turn, c))
    return "\n".join(cards) or '<div class="sources-empty">No sources: the documents did not answer.</div>'


@lru_cache(maxsize=64)
def _text_of(source: str, mtime_ns: int, size: int) -> str:
    """A file's text, cached per version: every answer re-renders every card of the chat."""
    return document_text(source)


def _card(turn: int, c: dict[str, Any]) -> str:
    try:
        try:
            stat = Path(c["source"]).stat()
        except OSError:
            raise RagError("the file is gone") from None
        full = _text_of(c["source"], stat.st_mtime_ns, stat.st_size)
        if full[c["start"] : c["end"]] != c["quote"]:
            raise RagError("the file changed since it was indexed")
        lo, hi = max(0, c["start"] - CONTEXT_CHARS), min(len(full), c["end"] + CONTEXT_CHARS)
        context = (
            ("…" if lo else "") + _marked(full[lo:hi], c["start"] - lo, c["end"] - lo) + ("…" if hi < len(full) else "")
        )
        whole = _marked(full, c["start"], c["end"])
        article = f'<details><summary>Open the whole article</summary><div class="article">{whole}</div></details>'
    except RagError as err:  # the file moved or changed: show the quote as indexed, and say so
        context = f"<mark>{html.escape(c['quote'])}</mark>"
        article = f'<div class="stale">{html.escape(str(err))}; run <code>rag index</code>.</div>'
    page = f", page {c['page']}" if c.get("page") else ""
    head = f"[{c['n']}] {html.escape(Path(c['source']).name)} · characters {c['start']}–{c['end']}{page}"
    title = html.escape(c["source"])
    return (
        f'<div class="src" id="src-{turn}-{c["n"]}"><div class="src-head" title="{title}">{head}</div>'
        f'<div class="src-context">{context}</div>{article}</div>'
    )
