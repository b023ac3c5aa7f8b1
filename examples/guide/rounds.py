"""The interview rounds as data: rubrics (docs/_data/rubrics.yml) and phase
plans (docs/_data/rounds.yml), read and checked in one place.

The build hooks render every rubric and plan table from here, executed blocks
compute their prose from it, and the tests read it. A mistake in either file
raises RoundDataError naming the file and the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from guide import REPO_ROOT

DATA_DIR = REPO_ROOT / "docs" / "_data"
ROUND_IDS = ("coding", "laptop", "system_design", "communication")
LEVELS = ("weak", "acceptable", "strong")  # scored 1, 2 and 3


class RoundDataError(ValueError):
    """rubrics.yml or rounds.yml is not what the site expects."""


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    weak: str
    acceptable: str
    strong: str
    trains: tuple[str, ...]  # page paths under docs/


@dataclass(frozen=True)
class Phase:
    name: str
    minutes: int
    do: str
    checkpoint: str
    long: int | None  # minutes in the long session, for rounds that have one


@dataclass(frozen=True)
class BehaviouralPrompt:
    id: str
    text: str
    page: str


@dataclass(frozen=True)
class Round:
    id: str
    title: str
    minutes: int
    criteria: tuple[Criterion, ...]
    phases: tuple[Phase, ...]
    long_session: int | None
    prompt_pages: tuple[str, ...]  # globs of pages whose prompt the mock draws
    prompts: tuple[BehaviouralPrompt, ...]  # prompts with no page of their own

    def checkpoints(self) -> list[int]:
        """The minute at which each phase ends."""
        return list(accumulate(phase.minutes for phase in self.phases))


def _fields(
    entry: Any, where: str, required: set[str], optional: frozenset[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RoundDataError(f"{where}: expected a mapping, got {entry!r}")
    missing, unknown = required - entry.keys(), entry.keys() - required - optional
    if missing or unknown:
        raise RoundDataError(
            f"{where}: missing {sorted(missing) or 'no field'}, "
            f"unknown {sorted(unknown) or 'no field'}"
        )
    return entry


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RoundDataError(f"{where}: expected text, got {value!r}")
    return value.strip()


def _minutes(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise RoundDataError(f"{where}: expected a positive whole number of minutes, got {value!r}")
    return value


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise RoundDataError(f"{where}: expected a non-empty list, got {value!r}")
    return tuple(_text(item, f"{where}[{i}]") for i, item in enumerate(value))


def _unique(ids: list[str], where: str) -> None:
    if len(set(ids)) != len(ids):
        raise RoundDataError(f"{where}: ids must be unique, got {ids}")


def _rounds_of(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RoundDataError(f"{path}: {error}") from error
    rounds = _fields(data, str(path), {"rounds"})["rounds"]
    if not isinstance(rounds, dict) or sorted(rounds) != sorted(ROUND_IDS):
        found = sorted(rounds) if isinstance(rounds, dict) else rounds
        raise RoundDataError(f"{path}: 'rounds' must have exactly {list(ROUND_IDS)}, got {found}")
    return rounds


def _criterion(entry: Any, where: str) -> Criterion:
    fields = {"id", "name", *LEVELS, "trains"}
    entry = _fields(entry, where, fields)
    return Criterion(
        **{key: _text(entry[key], f"{where}.{key}") for key in fields - {"trains"}},
        trains=_texts(entry["trains"], f"{where}.trains"),
    )


def _phases(entries: Any, where: str, minutes: int, long_session: int | None) -> tuple[Phase, ...]:
    if not isinstance(entries, list) or not entries:
        raise RoundDataError(f"{where}: expected a non-empty list of phases")
    phases = []
    for i, entry in enumerate(entries):
        at = f"{where}[{i}]"
        entry = _fields(entry, at, {"name", "minutes", "do", "checkpoint"}, frozenset({"long"}))
        long = entry.get("long")
        if (long is None) != (long_session is None):
            raise RoundDataError(f"{at}: 'long' minutes go with the round's 'long_session'")
        phases.append(
            Phase(
                name=_text(entry["name"], f"{at}.name"),
                minutes=_minutes(entry["minutes"], f"{at}.minutes"),
                do=_text(entry["do"], f"{at}.do"),
                checkpoint=_text(entry["checkpoint"], f"{at}.checkpoint"),
                long=None if long is None else _minutes(long, f"{at}.long"),
            )
        )
    for total, key in ((minutes, "minutes"), (long_session, "long")):
        if total is not None and (planned := sum(getattr(p, key) for p in phases)) != total:
            raise RoundDataError(f"{where}: the phases' {key} add up to {planned}, not {total}")
    return tuple(phases)


def _prompt(entry: Any, where: str) -> BehaviouralPrompt:
    entry = _fields(entry, where, {"id", "text", "page"})
    return BehaviouralPrompt(**{key: _text(entry[key], f"{where}.{key}") for key in entry})


def load_rounds(data_dir: Path = DATA_DIR) -> dict[str, Round]:
    """Every round, in ROUND_IDS order, with its rubric and its phase plan."""
    rubric_file, plan_file = data_dir / "rubrics.yml", data_dir / "rounds.yml"
    rubrics, plans = _rounds_of(rubric_file), _rounds_of(plan_file)
    rounds = {}
    for round_id in ROUND_IDS:
        at_rubric, at_plan = f"{rubric_file}: rounds.{round_id}", f"{plan_file}: rounds.{round_id}"
        rubric = _fields(rubrics[round_id], at_rubric, {"title", "minutes", "criteria"})
        plan = _fields(
            plans[round_id],
            at_plan,
            {"phases"},
            frozenset({"long_session", "prompt_pages", "prompts"}),
        )
        if not isinstance(rubric["criteria"], list) or not rubric["criteria"]:
            raise RoundDataError(f"{at_rubric}.criteria: expected a non-empty list")
        criteria = tuple(
            _criterion(entry, f"{at_rubric}.criteria[{i}]")
            for i, entry in enumerate(rubric["criteria"])
        )
        _unique([c.id for c in criteria], f"{at_rubric}.criteria")
        minutes = _minutes(rubric["minutes"], f"{at_rubric}.minutes")
        long_session = plan.get("long_session")
        if long_session is not None:
            long_session = _minutes(long_session, f"{at_plan}.long_session")
        prompts = tuple(
            _prompt(entry, f"{at_plan}.prompts[{i}]")
            for i, entry in enumerate(plan.get("prompts", []))
        )
        _unique([p.id for p in prompts], f"{at_plan}.prompts")
        rounds[round_id] = Round(
            id=round_id,
            title=_text(rubric["title"], f"{at_rubric}.title"),
            minutes=minutes,
            criteria=criteria,
            phases=_phases(plan["phases"], f"{at_plan}.phases", minutes, long_session),
            long_session=long_session,
            prompt_pages=(
                _texts(plan["prompt_pages"], f"{at_plan}.prompt_pages")
                if "prompt_pages" in plan
                else ()
            ),
            prompts=prompts,
        )
    return rounds
