"""Saved conversations: SQLite, one row per chat and one per answered turn, exportable as Markdown."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,  -- the JSON answer of the command-line contract
    PRIMARY KEY (session_id, pos)
);
"""


@dataclass(frozen=True)
class SessionInfo:
    id: str
    title: str
    updated: float
    turns: int


class SessionStore:
    """Chats that survive restarts. Every call opens its own connection, so threads may share it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(SCHEMA)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA foreign_keys = ON")
        return db

    def create(self, title: str = "New chat") -> str:
        sid = uuid.uuid4().hex[:12]
        now = time.time()
        with self._db() as db:
            db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)", (sid, title, now, now))
        return sid

    def add_turn(self, sid: str, question: str, answer: dict[str, Any]) -> None:
        with self._db() as db:
            pos = db.execute("SELECT COUNT(*) FROM turns WHERE session_id = ?", (sid,)).fetchone()[0]
            db.execute("INSERT INTO turns VALUES (?, ?, ?, ?)", (sid, pos, question, json.dumps(answer)))
            title = question[:60] if pos == 0 else None
            db.execute(
                "UPDATE sessions SET updated = ?, title = COALESCE(?, title) WHERE id = ?", (time.time(), title, sid)
            )

    def turns(self, sid: str) -> list[tuple[str, dict[str, Any]]]:
        with self._db() as db:
            rows = db.execute("SELECT question, answer FROM turns WHERE session_id = ? ORDER BY pos", (sid,))
            return [(q, json.loads(a)) for q, a in rows.fetchall()]

    def list(self) -> list[SessionInfo]:
        with self._db() as db:
            rows = db.execute(
                "SELECT s.id, s.title, s.updated, COUNT(t.pos) FROM sessions s "
                "LEFT JOIN turns t ON t.session_id = s.id GROUP BY s.id ORDER BY s.updated DESC"
            ).fetchall()
        return [SessionInfo(*row) for row in rows]

    def delete(self, sid: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (sid,))

    def export_markdown(self, sid: str) -> str:
        """The chat as Markdown: each question, its answer, and its sources with the quoted passages."""
        title = next((s.title for s in self.list() if s.id == sid), "Chat")
        lines = [f"# {title}", ""]
        for question, answer in self.turns(sid):
            lines += [f"## {question}", ""]
            if answer.get("standalone_question", question) != question:
                lines += [f"*Answering: {answer['standalone_question']}*", ""]
            lines += [answer.get("answer", ""), ""]
            if answer.get("why"):
                lines += [f"*Why: {answer['why']}*", ""]
            for c in answer.get("citations", []):
                page = f", page {c['page']}" if c.get("page") else ""
                lines.append(f"[{c['n']}] {c['source']}, characters {c['start']}–{c['end']}{page}:")
                lines.append(f"> {c['quote']}")
                lines.append("")
        return "\n".join(lines).rstrip() + "\n"
