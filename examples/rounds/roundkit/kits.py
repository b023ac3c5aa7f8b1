"""Tasks in the repository, kit folders on disk, and reading the round.json that names a kit.

``scripts/rounds.py new`` writes round.json; grading reads it here.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# One folder per kind of kit, one folder per task inside it: examples/rounds in the
# repository; the browser's wheel (scripts/build_wheel.py) ships them as roundkit/rounds.
_PACKAGED = Path(__file__).resolve().parent / "rounds"
ROUNDS = _PACKAGED if _PACKAGED.is_dir() else _PACKAGED.parent.parent
ROUND_FILE = "round.json"
IGNORED = ("__pycache__", "*.pyc", ".pytest_cache")  # never copied into or out of a kit


class KitError(Exception):
    """A mistake the reader can fix (a wrong folder, an unknown task): said in one sentence."""


@dataclass(frozen=True)
class Task:
    kind: str
    name: str
    folder: Path
    meta: dict[str, Any]

    @property
    def title(self) -> str:
        return self.meta["title"]


def tasks(kind: str, root: Path = ROUNDS) -> dict[str, Task]:
    """Every task of a kind, by name, in their task.toml's ``order``."""
    found = [
        Task(kind, toml.parent.name, toml.parent, tomllib.loads(toml.read_text(encoding="utf-8")))
        for toml in (root / kind).glob("*/task.toml")
    ]
    return {task.name: task for task in sorted(found, key=lambda task: task.meta["order"])}


def find_task(kind: str, name: str | None, root: Path = ROUNDS) -> Task:
    available = tasks(kind, root)
    if name is None:
        return next(iter(available.values()))
    if name not in available:
        raise KitError(f"no {kind} task named {name!r}; choose one of: {', '.join(available)}")
    return available[name]


def add_task_arguments(parser: argparse.ArgumentParser, reference_help: str) -> None:
    """The options every kind of kit takes after ``new KIND DIR``."""
    parser.add_argument("--task", help="which task (default: the first one)")
    parser.add_argument("--reference", action="store_true", help=reference_help)


def new_kit(
    kind: str, create: Callable[..., None], folder: Path, args: argparse.Namespace
) -> dict[str, Any]:
    """Make a kit of ``kind`` in ``folder``; returns what round.json records about it."""
    task = find_task(kind, args.task)
    create(task, folder, reference=args.reference)
    return {"task": task.name, "title": task.title, "reference": args.reference}


def task_of(kind: str, info: dict[str, Any]) -> Task:
    """The task a kit's round.json names."""
    name = info.get("task")
    if not isinstance(name, str):
        raise KitError("round.json names no task; make the kit again with `rounds.py new`")
    return find_task(kind, name)


def prepare_folder(folder: Path) -> None:
    """Create the kit's folder; refuse one that already has files, so nothing is overwritten."""
    if folder.exists() and not folder.is_dir():
        raise KitError(f"{folder} is a file; give a new folder for the kit")
    if folder.is_dir() and any(folder.iterdir()):
        raise KitError(f"{folder} already has files in it; give a new or empty folder")
    folder.mkdir(parents=True, exist_ok=True)


def copy_files(source: Path, target: Path) -> None:
    """Copy a folder's files into ``target``, replacing files of the same name."""
    shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*IGNORED))


def read_round(folder: Path) -> dict[str, Any]:
    path = folder / ROUND_FILE
    if not path.is_file():
        raise KitError(f"{folder} has no {ROUND_FILE}: it is not a kit made by `rounds.py new`")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise KitError(f"{path} is not valid JSON ({error}); restore it from a new kit") from None
    if not isinstance(data, dict) or "kind" not in data:
        raise KitError(f"{path} does not say which kind of kit this is")
    return data
