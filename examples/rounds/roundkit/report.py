"""A grade: which parts pass, the first failure of each part that does not."""

from __future__ import annotations

import textwrap
from dataclasses import asdict, dataclass, field
from typing import Any

from .testrun import Outcome


@dataclass(frozen=True)
class PartResult:
    title: str
    passed: bool
    failure: str = ""  # the first failing test and what happened, when the part fails


@dataclass(frozen=True)
class Grade:
    parts: list[PartResult]
    notes: list[str] = field(default_factory=list)  # sentences shown after the parts

    @property
    def passed(self) -> int:
        return sum(part.passed for part in self.parts)

    @property
    def complete(self) -> bool:
        return self.passed == len(self.parts)

    def render(self) -> str:
        lines = []
        for number, part in enumerate(self.parts, 1):
            lines.append(f"Part {number}  {'pass' if part.passed else 'FAIL'}  {part.title}")
            if part.failure:
                lines.append(textwrap.indent(part.failure, " " * 14))
        lines.append(f"{self.passed} of {len(self.parts)} parts pass")
        lines.extend(self.notes)
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """What the browser shows: the same facts as ``render``, as data."""
        return {"passed": self.passed, "total": len(self.parts), **asdict(self)}


def part_from(title: str, outcomes: list[Outcome]) -> PartResult:
    """A part passes when it ran tests and every one passed."""
    failed = next((outcome for outcome in outcomes if not outcome.passed), None)
    if not outcomes:
        return PartResult(title, False, "no tests ran")
    if failed is None:
        return PartResult(title, True)
    return PartResult(title, False, describe(failed))


def describe(outcome: Outcome) -> str:
    return f"{outcome.description}\n{outcome.detail}" if outcome.detail else outcome.description
