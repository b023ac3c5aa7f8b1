"""The grade as a reader sees it: where they stand, what is wrong, what was planted."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from laptop_round.scenarios import Round

ROOT = Path(__file__).resolve().parents[2]
RUBRICS = ROOT / "docs" / "_data" / "rubrics.yml"
RUBRIC_PAGE = "docs/applied-ml/index.md (Self-assessment rubric)"
WIDTH = 78  # fits a terminal, and a code block on the kit's page


@dataclass(frozen=True)
class Grade:
    round_: Round
    score: float
    interval: tuple[float, float]
    random: float
    reference: float
    oracle: float
    leak_evidence: float | None  # set when the hand-in follows the leaking column
    problems: list[str]
    minutes: float
    time_limit: int
    rubric: list[dict[str, Any]] | str  # the criteria, or why there are none

    @property
    def all_problems(self) -> list[str]:
        if self.leak_evidence is None:
            return self.problems
        column = self.round_.leak_column
        if self.round_.scenario.binary:
            evidence = (
                f"within each class your scores rank rows by it with a ROC-AUC of "
                f"{self.leak_evidence:.2f}, where a model that does not read it scores about 0.5"
            )
        else:
            evidence = (
                f"where it disagrees with the label you predict its class "
                f"{self.leak_evidence:.0%} of the time"
            )
        leak = (
            f"Too good to be true: your predictions follow `{column}` ({evidence}). That column "
            "is written with or after the label, so nothing has it when a prediction is made: "
            "drop it and retrain."
        )
        return [leak, *self.problems]

    @property
    def passed(self) -> bool:
        return self.interval[1] >= self.reference and not self.all_problems


def read_rubric(path: Path | None = None) -> list[dict[str, Any]] | str:
    """The laptop round's criteria from the guide's one rubric file, or where to find them."""
    path = path or RUBRICS
    fallback = f"the rubric on {RUBRIC_PAGE}"
    if not path.is_file():
        return fallback
    try:
        criteria = yaml.safe_load(path.read_text(encoding="utf-8"))["rounds"]["laptop"]["criteria"]
    except (yaml.YAMLError, KeyError, TypeError) as error:
        return f"{fallback} ({path.name} has no rounds.laptop.criteria: {error!s})"
    return criteria


def _lines(text: str, indent: str = "  ", hanging: int = 2) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent + " " * hanging
    )


def _planted(round_: Round) -> list[str]:
    scenario = round_.scenario
    planted = round_.spec.planted()
    if scenario.binary:
        planted.insert(
            1,
            f"the {scenario.label} rate is {round_.train[scenario.label].mean():.1%} in "
            f"train.csv and {round_.labels.mean():.1%} in the holdout "
            f"({scenario.holdout_is})",
        )
    replays = sum(
        int(frame[scenario.id_column].duplicated().sum())
        for frame in (round_.train, round_.holdout)
    )
    if replays:
        planted.append(f"{replays:,} replayed rows (a repeated `{scenario.id_column}`)")
    return planted


def format_report(grade: Grade) -> str:
    round_, scenario = grade.round_, grade.round_.scenario
    low, high = grade.interval
    rows = [
        ("yours", grade.score, f"95 % interval {low:.3f} to {high:.3f}"),
        ("random", grade.random, "the mean of 20 random hand-ins"),
        ("reference", grade.reference, scenario.reference_summary),
        (
            "oracle",
            grade.oracle,
            "the generator's own prediction from all it drew except the label: the ceiling",
        ),
    ]
    lines = [
        *_lines(
            f"Laptop round: {scenario.title.lower()} (seed {round_.seed}), graded on "
            f"{len(round_.labels):,} holdout ids.",
            indent="",
        ),
        "",
        f"{scenario.metric}",
    ]
    for name, value, note in rows:
        lines += _lines(f"{name:<10} {value:.3f}   {note}", hanging=19)
    verdict = "PASS" if grade.passed else "NOT YET"
    lines += [
        "",
        f"Result: {verdict}.",
        *_lines(
            "The rule: the upper end of your interval reaches the reference model's score, and "
            "no problem is listed below.",
            indent="",
        ),
        "",
        "Problems found" if grade.all_problems else "Problems found: none.",
    ]
    for problem in grade.all_problems:
        lines += _lines(f"- {problem}")
    over = grade.minutes - grade.time_limit
    timing = (
        f"{grade.minutes:.0f} minutes from `new` to the last write of predictions.csv, "
        f"{'within' if over <= 0 else f'{over:.0f} minutes over'} the {grade.time_limit}-minute "
        "limit (reported, not part of the rule: you may have paused)."
    )
    lines += ["", *_lines(f"Time: {timing}", indent=""), "", "What this round planted"]
    for planted in _planted(round_):
        lines += _lines(f"- {planted}")
    lines += ["", "What no program can judge: the framing, the split, the metric, the story."]
    if isinstance(grade.rubric, str):
        lines += _lines(f"Score yourself with {grade.rubric}.")
    else:
        for criterion in grade.rubric:
            lines += _lines(f"- {criterion['name']}")
            for level in ("weak", "acceptable", "strong"):
                lines += _lines(f"{level}: {criterion[level]}", indent="      ")
    return "\n".join(lines)
