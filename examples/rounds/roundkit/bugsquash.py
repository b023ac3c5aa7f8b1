"""Bug-squash kits: an unfamiliar codebase and a bug report; the fix proved by a test.

A task lives in ``examples/rounds/bugsquash/<task>/``: ``task.toml`` (title,
the package that holds the code), ``kit/`` (the codebase, its tests and
BUG_REPORT.md), ``reference/`` (the fixed files and a regression test) and
``hidden/`` (tests of the fix). A kit passes three parts:

1. a test the reader added to ``tests/`` fails on the original code;
2. the hidden tests pass on the reader's code;
3. every test in ``tests/`` passes on the reader's code.

A fix without part 1 is incomplete: nothing would catch the bug coming back.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import tempfile
import unittest
from pathlib import Path
from typing import Any

from . import kits, testrun
from .kits import IGNORED, Task, copy_files, prepare_folder
from .report import Grade, PartResult, part_from

KIND = "bugsquash"
LABEL = "Bug squash"
PARTS = (
    "Reproduced: a test you added fails on the original code",
    "Fixed: the hidden tests pass on your code",
    "No regressions: every test in tests/ passes on your code",
)
# A new test that fails on the original code only because it calls something the
# fix added does not reproduce the bug.
NOT_A_REPRODUCTION = (ImportError, AttributeError, NameError)
INCOMPLETE = (
    "Incomplete: the fix has no test that fails without it, so nothing would catch the bug "
    "coming back. Add a test to tests/ that reproduces the bug report."
)
COMPLETE = "Complete: reproduced by a test, fixed, and nothing else broke."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kits.add_task_arguments(parser, "write the reference fix and its regression test instead")


def part_titles(task: Task) -> list[str]:
    return list(PARTS)


def new(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    return kits.new_kit(KIND, create, folder, args)


def create(task: Task, folder: Path, *, reference: bool = False) -> None:
    prepare_folder(folder)
    copy_files(task.folder / "kit", folder)
    if reference:
        copy_files(task.folder / "reference", folder)


def grade(folder: Path, info: dict[str, Any]) -> Grade:
    task = kits.task_of(KIND, info)
    with testrun.importing_from(folder):
        suite = testrun.discover(folder)
        new_ids = {test.id() for test in testrun.tests_of(suite)} - _original_ids(task.folder)
        yours = testrun.run(suite, folder)
    with testrun.importing_from(task.folder / "hidden", folder):
        hidden = testrun.run(testrun.load_modules(_hidden_modules(task)), folder)

    parts = [
        _reproduced(task, folder, new_ids),
        part_from(PARTS[1], hidden),
        part_from(PARTS[2], yours),
    ]
    if parts[1].passed and not parts[0].passed:
        notes = [INCOMPLETE]
    else:
        notes = [COMPLETE] if all(part.passed for part in parts) else []
    return Grade(parts, notes)


@functools.cache
def _original_ids(task_folder: Path) -> frozenset[str]:
    """The ids of the tests the kit ships with (they never change while the grader runs)."""
    original = task_folder / "kit"
    with testrun.importing_from(original):
        return frozenset(test.id() for test in testrun.tests_of(testrun.discover(original)))


def _reproduced(task: Task, folder: Path, new_ids: set[str]) -> PartResult:
    """Run the reader's new tests on the original code: at least one must fail."""
    if not new_ids:
        return PartResult(
            PARTS[0],
            False,
            "no new test in tests/: add a test method that reproduces the bug report "
            "(a changed existing test does not count)",
        )
    package = task.meta["package"]
    with tempfile.TemporaryDirectory() as scratch:
        before = Path(scratch) / "kit"
        shutil.copytree(folder, before, ignore=shutil.ignore_patterns(package, *IGNORED))
        copy_files(task.folder / "kit" / package, before / package)
        with testrun.importing_from(before):
            suite = unittest.TestSuite(
                test for test in testrun.tests_of(testrun.discover(before)) if test.id() in new_ids
            )
            outcomes = testrun.run(suite, before)
    reproducing = [
        outcome
        for outcome in outcomes
        if outcome.status == "fail"
        or (outcome.status == "error" and not _calls_the_fix(outcome.exception))
    ]
    if reproducing:
        return PartResult(PARTS[0], True)
    return PartResult(
        PARTS[0],
        False,
        f"your {len(new_ids)} new test{'s' * (len(new_ids) > 1)} pass on the original code "
        "(or fail only because they call code your fix added): they do not reproduce the bug",
    )


def _calls_the_fix(exception: type[BaseException] | None) -> bool:
    return exception is not None and issubclass(exception, NOT_A_REPRODUCTION)


def _hidden_modules(task: Task) -> list[str]:
    return sorted(path.stem for path in (task.folder / "hidden").glob("test_*.py"))
