"""Benchmark the laptop-round kit: `rounds.py new` and `grade`, per scenario.

    python scripts/bench_rounds.py [--runs N]

Each command runs in a fresh process, as a reader runs it. `grade` grades the
reference model's predictions, written between the two and not timed, so
every part of the grade runs. Run i uses seed i, so every machine times the
same rounds. A benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import laptop_round
from laptop_round.scenarios import SCENARIOS, build

ROUNDS = Path(__file__).with_name("rounds.py")


def _seconds(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROUNDS), *args], check=True, capture_output=True)
    return time.perf_counter() - start


def time_rounds(runs: int) -> dict[str, dict[str, list[float]]]:
    """Seconds for `new` and for `grade`, per scenario, one figure per run."""
    timings: dict[str, dict[str, list[float]]] = {}
    for name, scenario in SCENARIOS.items():
        timings[name] = {"new": [], "grade": []}
        for seed in range(1, runs + 1):
            with tempfile.TemporaryDirectory() as parent:
                folder = Path(parent) / "round"
                timings[name]["new"].append(
                    _seconds("new", "laptop", str(folder), "--scenario", name, "--seed", str(seed))
                )
                round_ = build(scenario, seed)
                laptop_round.write_predictions(
                    folder, round_, round_.reference_predictions().to_numpy()
                )
                timings[name]["grade"].append(_seconds("grade", str(folder)))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="rounds per scenario")
    args = parser.parse_args(argv)
    for name, commands in time_rounds(args.runs).items():
        for command, values in commands.items():
            print(
                f"{name:<10} {command:<6} median {statistics.median(values):6.2f} s  "
                f"(min {min(values):.2f}, max {max(values):.2f})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
