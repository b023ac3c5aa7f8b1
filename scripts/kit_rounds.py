"""The integration and bug-squash kinds of rounds.py: roundkit's kits, in a folder.

roundkit also grades in the browser, so it reports mistakes as KitError and
returns a Grade; here they become the CLI's one-sentence SystemExit and a
printed report with an exit status.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from roundkit import KitError, bugsquash, integration


class KitKind:
    """A roundkit kind (integration or bugsquash) behind the rounds.py kind protocol."""

    def __init__(self, kit: ModuleType) -> None:
        self.kit = kit
        self.__doc__ = kit.__doc__

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        self.kit.add_arguments(parser)

    def create(self, folder: Path, args: argparse.Namespace) -> dict[str, Any]:
        try:
            info = self.kit.new(folder, args)
        except KitError as error:
            raise SystemExit(str(error)) from None
        print(f"Made the {info['title']} kit in {folder}: start with its README.md.")
        print(
            f"Grade it with: python {os.path.relpath(Path(__file__).with_name('rounds.py'))} "
            f"grade {folder}"
        )
        return info

    def grade(self, folder: Path, meta: dict[str, Any]) -> int:
        try:
            grade = self.kit.grade(folder.resolve(), meta)
        except KitError as error:
            raise SystemExit(str(error)) from None
        print(grade.render())
        return 0 if grade.complete else 1


INTEGRATION = KitKind(integration)
BUGSQUASH = KitKind(bugsquash)
