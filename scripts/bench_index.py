"""Index speed: a first build of a folder, and a re-run on the unchanged folder.

Usage: python scripts/bench_index.py [--files N]   (from the repo root)
Each file is a paragraph of sentences drawn at random from the SQuAD slice
(../shared/bench/squad2/corpus), so that no two files repeat a paragraph.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "squad2" / "corpus"


def timed(command: list[str]) -> tuple[float, str]:
    t = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - t, out.stdout.strip().splitlines()[-1]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--files", type=int, default=200)
    args = p.parse_args()
    import random

    rng = random.Random(0)
    text = " ".join(f.read_text() for f in sorted(CORPUS.glob("*.txt")))
    sentences = [s.strip() + "." for s in text.replace("\n", " ").split(". ") if len(s) > 40]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i in range(args.files):
            body = "\n\n".join(" ".join(rng.sample(sentences, 4)) for _ in range(3))
            (folder / f"doc_{i:04d}.txt").write_text(f"Document number {i} of the benchmark\n\n{body}\n")
        size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        rag = [sys.executable, "-m", "rag.cli", "index", str(folder), "--index", f"{tmp}/index"]
        first, summary1 = timed(rag)
        again, summary2 = timed(rag)
        (folder / "doc_0000.txt").write_text("Document 0\n\nA changed file about the Rhine and the Normans today.\n")
        one, summary3 = timed(rag)
    print(f"{args.files} files, {size:.2f} MB")
    print(f"first build:        {first:6.1f} s   ({summary1})")
    print(f"unchanged re-run:   {again:6.1f} s   ({summary2})")
    print(f"one file changed:   {one:6.1f} s   ({summary3})")


if __name__ == "__main__":
    main()
