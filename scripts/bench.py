"""Speed of the HQ question: cold (a new `rag ask` process) and warm (one process, many asks).

Usage: python scripts/bench.py [--runs N]   (from the repo root, after `make index`)
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HQ = "Where is the HQ and when does it rotate?"


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--index", default="index")
    args = p.parse_args()
    rag = [sys.executable, "-m", "rag.cli"]

    cold = []
    for _ in range(args.runs):
        t = time.perf_counter()
        subprocess.run([*rag, "ask", HQ, "--index", args.index], check=True, capture_output=True)
        cold.append(time.perf_counter() - t)

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for i in range(args.runs * 4):
            f.write(json.dumps({"id": i, "question": HQ}) + "\n")
    t = time.perf_counter()
    out = subprocess.run(
        [*rag, "ask", "--batch", f.name, "--index", args.index, "--json"], check=True, capture_output=True
    )
    batch_total = time.perf_counter() - t
    answers = [json.loads(line) for line in out.stdout.decode().splitlines()]
    warm = [a["timings_ms"]["total"] for a in answers[1:]]  # the first ask warms caches
    Path(f.name).unlink()

    cpu = platform.processor() or platform.machine()
    print(f"machine: {cpu}, {len(__import__('os').sched_getaffinity(0))} cores, Python {platform.python_version()}")
    print(f"cold  (new process, load models, answer): median {statistics.median(cold):.2f} s over {args.runs} runs")
    print(f"warm  (in a batch, per question):         median {statistics.median(warm):.0f} ms, max {max(warm):.0f} ms")
    print(f"batch of {len(answers)} questions, whole process:  {batch_total:.2f} s")


if __name__ == "__main__":
    main()
