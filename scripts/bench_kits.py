"""Time every practice kit: making it (`new`) and grading it, fresh and solved.

    python scripts/bench_kits.py [--runs 3]

In process, through the same functions `rounds.py` calls, so interpreter
start-up is left out: what is timed is what the browser will run. Prints the
median of the runs and their range, per kit; `make bench` adds the same rows
to its table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from roundkit import KINDS, kits

STEPS = ("new", "grade fresh", "grade reference")


def _seconds(action: Callable[..., object], *args: object, **options: object) -> float:
    start = time.perf_counter()
    action(*args, **options)
    return time.perf_counter() - start


def timings(runs: int) -> dict[str, dict[str, list[float]]]:
    """Seconds per kit and step, one value per run."""
    found: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for kind, module in KINDS.items():
            for name, task in kits.tasks(kind).items():
                steps = found.setdefault(f"{kind}/{name}", {step: [] for step in STEPS})
                for run in range(runs):
                    fresh, solved = (Path(scratch) / f"{name}-{run}-{i}" for i in (1, 2))
                    steps["new"].append(_seconds(module.create, task, fresh))
                    module.create(task, solved, reference=True)
                    info = {"task": name}
                    steps["grade fresh"].append(_seconds(module.grade, fresh, info))
                    steps["grade reference"].append(_seconds(module.grade, solved, info))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each timing")
    args = parser.parse_args(argv)
    print(f"{'kit':<36}" + "".join(f"{step:>24}" for step in STEPS))
    for kit, steps in timings(args.runs).items():
        cells = [
            f"{statistics.median(v) * 1000:.0f} ms ({min(v) * 1000:.0f}-{max(v) * 1000:.0f})"
            for v in steps.values()
        ]
        print(f"{kit:<36}" + "".join(f"{cell:>24}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
