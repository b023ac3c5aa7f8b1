"""Benchmark every exercise's Check in Pyodide under Node, and what its time budgets mean.

    python scripts/bench_checks.py [--runs N] [--naive-scale K] [SLUG ...]

In one Node process started from the site's memory snapshot (scripts/grading.py):

- the whole Check of each reference solution, warm (after one untimed Check),
  the median of N: what a reader waits for after pressing Check;
- for each check with a time budget, the reference's time inside it (median of
  N) and the budget: the budget should be at least 5 times the reference's time,
  so a slow phone or a busy machine does not fail a right answer;
- each mutant that runs out of a budget (the naive answers), run again with its
  budgets K times larger: its time, or "> K x budget" when even that runs out.

Budgets count CPU time here, as in the tests (the Node runner gives the harness
Node's CPU clock), and the whole Check is shown both ways: wall clock, and CPU
time, which is what it costs on an idle machine. A benchmark, not a test: the
figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass, field

import grading

AIM_CHECK_SECONDS = 0.5  # issue 19: a warm Check in under half a second
AIM_BUDGET_RATIO = 5  # issue 18: a budget at least 5 times the reference's time
NAIVE_SCALE = 10  # how far past its budget a naive answer may run before it is cut off


@dataclass
class Budget:
    check: str
    seconds: float  # median budget (each Check measures its own)
    reference: float  # median time the reference spends inside the budget
    naive: dict[str, float | None] = field(default_factory=dict)  # mutant -> time; None: over

    @property
    def ratio(self) -> float:
        return self.seconds / self.reference


@dataclass
class ExerciseTiming:
    slug: str
    check: float  # whole Check of the reference, warm, median (wall clock)
    check_cpu: float  # the same in CPU time: the wall clock of an idle machine
    budgets: list[Budget]


def _too_slow(got: str) -> bool:
    return got.startswith("too slow")


def measure(slugs: list[str], runs: int, naive_scale: float) -> list[ExerciseTiming]:
    solutions = {slug: grading.Job(grading.candidates(slug)[0], repeat=runs + 1) for slug in slugs}
    mutants = {m: grading.Job(m) for slug in slugs for m in grading.mutants(slug)}
    graded = grading.grade_in_pyodide([*solutions.values(), *mutants.values()])
    timings = {}
    for slug, job in solutions.items():
        warm = graded[job][1:]  # the first Check of a fresh interpreter pays for warming up
        budgets = []
        for name, result in warm[0].results.items():
            if result["budget"] is None:
                continue
            assert all(run.results[name]["passed"] for run in warm), f"{slug}: fails {name!r}"
            budget = statistics.median(run.results[name]["budget"] for run in warm)
            used = statistics.median(run.results[name]["budget_used"] for run in warm)
            budgets.append(Budget(name, budget, used))
        timings[slug] = ExerciseTiming(
            slug,
            statistics.median(r.seconds for r in warm),
            statistics.median(r.cpu_seconds for r in warm),
            budgets,
        )
    # The naive answers: mutants that ran out of a budget, given K times the time.
    slow = {
        mutant: [name for name, (_, got) in graded[job][0].checks.items() if _too_slow(got)]
        for mutant, job in mutants.items()
    }
    slow = {mutant: names for mutant, names in slow.items() if names}
    rerun = {m: grading.Job(m, budget_scale=naive_scale) for m in slow}
    for mutant, runs_ in grading.grade_in_pyodide(list(rerun.values())).items():
        verdict = runs_[0]
        for budget in timings[mutant.candidate.slug].budgets:
            if budget.check in slow[mutant.candidate]:
                result = verdict.results[budget.check]
                over = _too_slow(result["got"])
                budget.naive[mutant.candidate.name] = None if over else result["budget_used"]
    return [timings[slug] for slug in slugs]


def table(timings: list[ExerciseTiming], naive_scale: float) -> list[str]:
    lines = [
        "| exercise | whole Check, warm: wall (CPU) | timed check | reference | budget "
        "| budget / reference | naive answers (mutants) |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for timing in timings:
        rows = timing.budgets or [None]
        for index, budget in enumerate(rows):
            check = f"{timing.check:.3f} s ({timing.check_cpu:.3f} s)" if index == 0 else ""
            name = timing.slug if index == 0 else ""
            if budget is None:
                lines.append(f"| {name} | {check} | (none) | | | | |")
                continue
            naive = ", ".join(
                f"{mutant.removeprefix('mutants/')}: "
                + (f"> {naive_scale:g} x budget" if seconds is None else f"{seconds:.2f} s")
                for mutant, seconds in budget.naive.items()
            )
            lines.append(
                f"| {name} | {check} | {budget.check} | {budget.reference:.3f} s "
                f"| {budget.seconds:.3f} s | {budget.ratio:.1f} | {naive or '(none)'} |"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm Checks of each reference")
    parser.add_argument(
        "--naive-scale", type=float, default=NAIVE_SCALE, help="budget multiple for naive"
    )
    parser.add_argument("slugs", nargs="*", help="only these exercises (default: all)")
    args = parser.parse_args(argv)
    timings = measure(args.slugs or grading.slugs(), args.runs, args.naive_scale)
    print("\n".join(table(timings, args.naive_scale)))
    checks = [t.check for t in timings]
    cpu = [t.check_cpu for t in timings]
    budgets = [b for t in timings for b in t.budgets]
    print(
        f"\nwhole Check, warm: median {statistics.median(checks):.3f} s, max {max(checks):.3f} s; "
        f"in CPU time median {statistics.median(cpu):.3f} s, max {max(cpu):.3f} s "
        f"(aim < {AIM_CHECK_SECONDS} s); smallest budget / reference "
        f"{min(b.ratio for b in budgets):.1f} (aim >= {AIM_BUDGET_RATIO})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
