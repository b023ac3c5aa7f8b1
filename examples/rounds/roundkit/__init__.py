"""Practice kits for the integration and bug-squash rounds: make one, grade it.

Pure standard library, with no subprocess and no thread on the grading path,
so the same grader runs in CPython and in Pyodide:

    from roundkit import grade_folder, run_kit_tests
    print(grade_folder("/path/to/kit").render())
    outcomes = run_kit_tests("/path/to/kit")  # the kit's own tests/, as unittest runs them
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from . import bugsquash, integration, testrun
from .kits import KitError, Task, read_round
from .report import Grade
from .testrun import Outcome

__all__ = [
    "KINDS",
    "Grade",
    "KitError",
    "Outcome",
    "bugsquash",
    "grade_folder",
    "integration",
    "kit_files",
    "run_kit_tests",
]

# The kinds of kit this package makes and grades, by the name round.json uses.
KINDS = {integration.KIND: integration, bugsquash.KIND: bugsquash}


def grade_folder(folder: str | Path) -> Grade:
    """Grade the kit in ``folder``, whichever kind its round.json names."""
    folder = Path(folder).resolve()
    info = read_round(folder)
    if info["kind"] not in KINDS:
        raise KitError(f"this grader knows {', '.join(KINDS)} kits, not {info['kind']!r}")
    return KINDS[info["kind"]].grade(folder, info)


def run_kit_tests(folder: str | Path) -> list[Outcome]:
    """The kit's own tests (``tests/``), as ``python -m unittest`` run in the kit finds them."""
    folder = Path(folder).resolve()
    with testrun.importing_from(folder, keep=integration.KEEP):
        return testrun.run(testrun.discover(folder), folder)


def kit_files(task: Task, *, reference: bool = False) -> dict[str, str]:
    """Every file of a new kit of ``task`` (its reference with ``reference``), by path in the kit.

    What a kit's page holds in the browser. Raises UnicodeDecodeError for a file
    that is not UTF-8 text.
    """
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / task.name
        KINDS[task.kind].create(task, folder, reference=reference)
        paths = sorted(path for path in folder.rglob("*") if path.is_file())
        return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in paths}
