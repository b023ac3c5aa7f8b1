"""Practice kits for the integration and bug-squash rounds: make one, grade it.

Pure standard library, with no subprocess and no thread on the grading path,
so the same grader runs in CPython and in Pyodide:

    from roundkit import grade_folder
    print(grade_folder("/path/to/kit").render())
"""

from __future__ import annotations

from pathlib import Path

from . import bugsquash, integration
from .kits import KitError, read_round
from .report import Grade

__all__ = ["KINDS", "Grade", "KitError", "bugsquash", "grade_folder", "integration"]

# The kinds of kit this package makes and grades, by the name round.json uses.
KINDS = {integration.KIND: integration, bugsquash.KIND: bugsquash}


def grade_folder(folder: str | Path) -> Grade:
    """Grade the kit in ``folder``, whichever kind its round.json names."""
    folder = Path(folder).resolve()
    info = read_round(folder)
    if info["kind"] not in KINDS:
        raise KitError(f"this grader knows {', '.join(KINDS)} kits, not {info['kind']!r}")
    return KINDS[info["kind"]].grade(folder, info)
