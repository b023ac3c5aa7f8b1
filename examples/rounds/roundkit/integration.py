"""Integration kits: a small codebase that calls the sandbox API, graded part by part.

A task lives in ``examples/rounds/integration/<task>/``: ``task.toml`` (title,
scenario, seed, parts), ``kit/`` (what the reader starts from, on top of
``common/kit``), ``reference/`` (the files a reference solution replaces) and
``hidden/`` (one test module per part, run against the guide's own sandbox).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import sandbox

from . import kits, testrun
from .kits import ROUNDS, Task, copy_files, prepare_folder
from .report import Grade, part_from

KIND = "integration"
LABEL = "Integration"
COMMON = ROUNDS / KIND / "common"
SANDBOX = Path(sandbox.__file__).parent
# Grading imports the guide's sandbox, whatever the reader's folder holds.
KEEP = frozenset({"sandbox"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kits.add_task_arguments(parser, "write the reference solution instead")


def part_titles(task: Task) -> list[str]:
    return [part["title"] for part in task.meta["parts"]]


def new(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    return kits.new_kit(KIND, create, folder, args)


def create(task: Task, folder: Path, *, reference: bool = False) -> None:
    prepare_folder(folder)
    layers = [COMMON / "kit", task.folder / "kit"]
    if reference:
        layers += [COMMON / "reference", task.folder / "reference"]
    for layer in layers:
        copy_files(layer, folder)
    copy_files(SANDBOX, folder / "sandbox")
    (folder / "sandbox" / "API.md").replace(folder / "API.md")
    settings = {"scenario": task.meta["scenario"], "seed": task.meta["seed"]}
    (folder / "sandbox" / "settings.json").write_text(json.dumps(settings) + "\n")
    scenario = sandbox.scenarios.SCENARIOS[settings["scenario"]](settings["seed"])
    for name, text in scenario.files.items():
        (folder / name).write_text(text, encoding="utf-8")


def grade(folder: Path, info: dict[str, Any]) -> Grade:
    """Run each part's hidden tests against the reader's code.

    The reader's modules are imported once per grade, not once per part:
    Pyodide keeps no bytecode cache, so every import compiles again.
    """
    task = kits.task_of(KIND, info)
    parts = []
    with testrun.importing_from(task.folder / "hidden", folder, keep=KEEP):
        for part in task.meta["parts"]:
            outcomes = testrun.run(testrun.load_modules([Path(part["tests"]).stem]), folder)
            parts.append(part_from(part["title"], outcomes))
    return Grade(parts)
