"""The graders' figures in `make test`'s output: mutant kill rates and CPython/Pyodide agreement.

The grading tests record what they saw in the pytest config's stash; the
terminal-summary hook (tests/conftest.py) prints one table from it.
"""

from dataclasses import dataclass, field

import pytest


@dataclass
class ExerciseFigures:
    mutants: int = 0  # mutants beside the exercise
    killed_in_cpython: int | None = None  # None: that runtime graded none of them in this run
    killed_in_pyodide: int | None = None
    verdicts_compared: int = 0  # (candidate, check) pairs graded in both runtimes
    verdicts_differing: int = 0


@dataclass
class GradingFigures:
    exercises: dict[str, ExerciseFigures] = field(default_factory=dict)

    def of(self, slug: str, mutants: int) -> ExerciseFigures:
        row = self.exercises.setdefault(slug, ExerciseFigures())
        row.mutants = mutants
        return row


FIGURES = pytest.StashKey[GradingFigures]()


def figures(config: pytest.Config) -> GradingFigures:
    return config.stash.setdefault(FIGURES, GradingFigures())


def _share(part: int | None, whole: int) -> str:
    if part is None or not whole:
        return "-"
    return f"{part}/{whole} ({100 * part / whole:.0f} %)"


def _add(total: int | None, part: int | None) -> int | None:
    return total if part is None else (total or 0) + part


def write(terminal: pytest.TerminalReporter) -> None:
    """One table, if this run graded anything."""
    recorded = terminal.config.stash.get(FIGURES, None)
    if recorded is None or not recorded.exercises:
        return
    terminal.section("graders: mutants killed, and CPython/Pyodide agreement")
    columns = ("exercise", "killed in CPython", "killed in Pyodide", "same verdict")
    terminal.write_line(f"{columns[0]:<24}{columns[1]:>20}{columns[2]:>20}{columns[3]:>22}")
    total = ExerciseFigures()
    rows = [*sorted(recorded.exercises.items()), ("all", total)]
    for slug, row in rows:
        if row is not total:
            total.mutants += row.mutants
            total.killed_in_cpython = _add(total.killed_in_cpython, row.killed_in_cpython)
            total.killed_in_pyodide = _add(total.killed_in_pyodide, row.killed_in_pyodide)
            total.verdicts_compared += row.verdicts_compared
            total.verdicts_differing += row.verdicts_differing
        same = row.verdicts_compared - row.verdicts_differing
        terminal.write_line(
            f"{slug:<24}{_share(row.killed_in_cpython, row.mutants):>20}"
            f"{_share(row.killed_in_pyodide, row.mutants):>20}"
            f"{_share(same, row.verdicts_compared):>22}"
        )
