"""Practice rounds on your own machine: create one, do it, grade it.

    python scripts/rounds.py new laptop DIR [--scenario fraud|merchants|churn] [--seed N]
                                            [--reference]
    python scripts/rounds.py new integration DIR [--task NAME] [--reference]
    python scripts/rounds.py new bugsquash DIR [--task NAME] [--reference]
    python scripts/rounds.py grade DIR

`new KIND DIR` makes the folder DIR with a round.json that says what it holds;
`grade DIR` reads round.json and hands the folder to its kind. A kind is a
module with add_arguments(parser), create(folder, args) -> dict (more fields
for round.json) and grade(folder, meta) -> exit status. Either raises
SystemExit("one sentence") for a mistake the reader can fix.

Exit status of grade: 0 pass, 1 not yet, 2 could not grade.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

import laptop_round
from kit_rounds import BUGSQUASH, INTEGRATION

KINDS: dict[str, Any] = {"laptop": laptop_round, "integration": INTEGRATION, "bugsquash": BUGSQUASH}
ROUND_FILE = "round.json"


def new_round(kind: str, folder: Path, args: argparse.Namespace) -> int:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SystemExit(f"{folder} already exists and is not an empty folder: choose a new one.")
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    meta: dict[str, Any] = {"kind": kind, "created": int(time.time())}
    try:
        meta |= KINDS[kind].create(folder, args)
    except BaseException:
        if made:  # leave nothing half made behind
            shutil.rmtree(folder)
        raise
    (folder / ROUND_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return 0


def read_round(folder: Path) -> dict[str, Any]:
    path = folder / ROUND_FILE
    if not path.is_file():
        raise SystemExit(
            f"{folder} has no {ROUND_FILE}, so it is not a round folder: make one with "
            "`python scripts/rounds.py new laptop DIR`."
        )
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise SystemExit(f"{path} is not valid JSON ({error}): start a new round.") from None
    if not isinstance(meta, dict) or meta.get("kind") not in KINDS:
        raise SystemExit(f"{path} names no known kind of round ({', '.join(KINDS)}).")
    if not isinstance(meta.get("created"), int | float):
        raise SystemExit(f"{path} has no creation time: start a new round.")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="make a round folder")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    for name, kind in KINDS.items():
        kind_parser = kinds.add_parser(name, help=kind.__doc__.splitlines()[0])
        kind_parser.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder")
        kind.add_arguments(kind_parser)
    grade = commands.add_parser("grade", help="grade a round folder")
    grade.add_argument("dir", type=Path, metavar="DIR")
    args = parser.parse_args(argv)
    try:
        if args.command == "new":
            return new_round(args.kind, args.dir, args)
        meta = read_round(args.dir)
        return KINDS[meta["kind"]].grade(args.dir, meta)
    except SystemExit as stop:
        if not isinstance(stop.code, str):
            raise
        print(stop.code, file=sys.stderr)
        return 2


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader stopped reading (`| head`): exit as a shell's own tools do, and
        # point stdout at /dev/null so the interpreter's last flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(128 + signal.SIGPIPE)
