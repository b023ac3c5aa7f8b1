"""Practice kits for the practical rounds: make one in a folder, then grade it.

    python scripts/rounds.py new integration DIR [--task NAME] [--reference]
    python scripts/rounds.py new bugsquash DIR [--task NAME] [--reference]
    python scripts/rounds.py grade DIR

`new` writes the kit and a round.json saying what it is; `grade` reads
round.json and prints "k of n parts pass", with the first failure of each
part. The kits and their hidden tests live in examples/rounds/.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "examples" / "rounds"))

from roundkit import KitError, bugsquash, integration, read_round  # noqa: E402

# Each kind makes its kits (`add_arguments`, `new`) and grades them (`grade`).
KINDS = {"integration": integration, "bugsquash": bugsquash}
ROUND_FILE = "round.json"


def write_round(folder: Path, kind: str, info: dict) -> None:
    data = {"kind": kind, "created": int(time.time()), **info}
    (folder / ROUND_FILE).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rounds.py", description=__doc__.splitlines()[0], epilog=__doc__.split("\n\n")[1]
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="make a kit in a new folder")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    for name, kind in KINDS.items():
        made = kinds.add_parser(name, help=kind.__doc__.splitlines()[0])
        made.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")
        kind.add_arguments(made)
    grade = commands.add_parser("grade", help="grade the kit in a folder")
    grade.add_argument("folder", type=Path, metavar="DIR", help="a folder made by `new`")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        if args.command == "new":
            info = KINDS[args.kind].new(args.folder, args)
            write_round(args.folder, args.kind, info)
            print(f"Made the {info['title']} kit in {args.folder}: start with its README.md.")
            print(f"Grade it with: python {os.path.relpath(__file__)} grade {args.folder}")
            return 0
        info = read_round(args.folder)
        if info["kind"] not in KINDS:
            raise KitError(f"this script grades {', '.join(KINDS)} kits, not {info['kind']!r}")
        grade = KINDS[info["kind"]].grade(args.folder.resolve(), info)
    except KitError as error:
        print(f"rounds.py: {error}", file=sys.stderr)
        return 2
    print(grade.render())
    return 0 if grade.complete else 1


if __name__ == "__main__":
    sys.exit(main())
