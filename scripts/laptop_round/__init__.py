"""A laptop round: a CSV, a vague question and an hour, graded on labels you never see.

`new` writes train.csv, holdout.csv (no labels), README.md (the prompt and the
rules), starter.py and notes.md; with --reference, the reference model's
predictions.csv too. `grade` regenerates the holdout labels from the round's
seed and prints the score with its interval beside a random hand-in, the
reference model and the oracle; pass or not yet; the problems it can detect;
the time used; and the rubric for what no program can judge.
"""

from __future__ import annotations

import argparse
import secrets
import string
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from make_datasets import LabelCode

from laptop_round.handin import notes_problems, read_predictions
from laptop_round.report import Grade, format_report, read_rubric
from laptop_round.scenarios import CSV_FORMAT, SCENARIOS, Round, build
from laptop_round.scoring import (
    LEAK_AGREEMENT,
    LEAK_AUC,
    average_precision,
    bootstrap_interval,
    leak_agreement,
    leak_auc,
    macro_f1,
    random_score,
)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "examples" / "rounds" / "laptop"
TIME_LIMIT_MINUTES = 60


def _seed(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"a seed is a whole number from 0 up, not {text!r}")
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scenario", choices=list(SCENARIOS), help="which round (default: one at random)"
    )
    parser.add_argument(
        "--seed", type=_seed, help="the seed the data is drawn from (default: a random one)"
    )
    parser.add_argument(
        "--reference",
        action="store_true",
        help="also write the reference model's predictions.csv, a hand-in that passes",
    )


def _render(template: str, **values: object) -> str:
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    return string.Template(text).substitute(values)


def write_predictions(folder: Path, round_: Round, values: np.ndarray) -> None:
    scenario = round_.scenario
    table = {scenario.id_column: round_.labels.index, scenario.prediction: values}
    pd.DataFrame(table).to_csv(folder / "predictions.csv", index=False, lineterminator="\n")


def create(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    scenario = SCENARIOS[args.scenario or secrets.choice(list(SCENARIOS))]
    seed = secrets.randbelow(1_000_000) if args.seed is None else args.seed
    round_ = build(scenario, seed)
    round_.train.to_csv(folder / "train.csv", **CSV_FORMAT)
    (folder / "holdout.csv").write_text(round_.holdout_csv(), encoding="utf-8")
    values = {
        "title": scenario.title,
        "prompt": scenario.prompt,
        "minutes": TIME_LIMIT_MINUTES,
        "train_rows": f"{len(round_.train):,}",
        "holdout_rows": f"{len(round_.holdout):,}",
        "holdout_is": scenario.holdout_is,
        "label": scenario.label,
        "id_column": scenario.id_column,
        "prediction": scenario.prediction,
        "prediction_means": (
            "your model's probability that the row is positive, from 0 to 1"
            if scenario.binary
            else f"the {scenario.label} you predict, spelled as in train.csv"
        ),
    }
    (folder / "README.md").write_text(_render("round-readme.md", **values), encoding="utf-8")
    (folder / "starter.py").write_text(_render("starter.py", **values), encoding="utf-8")
    (folder / "notes.md").write_text(_render("notes.md", **values), encoding="utf-8")
    if args.reference:
        write_predictions(folder, round_, round_.reference_predictions().to_numpy())
    print(
        f"A {TIME_LIMIT_MINUTES}-minute laptop round ({scenario.title.lower()}, seed {seed}) "
        f"is in {folder}: start with its README.md. The clock started now."
    )
    return {
        "scenario": scenario.name,
        "seed": seed,
        "time_limit_minutes": TIME_LIMIT_MINUTES,
        "holdout_sha256": round_.holdout_sha256(),
    }


def _round_of(meta: dict[str, Any]) -> Round:
    scenario, seed = SCENARIOS.get(meta.get("scenario")), meta.get("seed")
    if scenario is None or not isinstance(seed, int) or seed < 0:
        raise SystemExit(
            "round.json names no known scenario and seed: it was edited or is from another "
            "kit; start a new round."
        )
    round_ = build(scenario, seed)
    if round_.holdout_sha256() != meta.get("holdout_sha256"):
        raise SystemExit(
            "This round was made by another version of the guide's data generator, so its "
            "holdout labels cannot be regenerated: start a new round."
        )
    return round_


def grade(folder: Path, meta: dict[str, Any]) -> int:
    result = assess(folder, meta)
    print(format_report(result))
    return 0 if result.passed else 1


def assess(folder: Path, meta: dict[str, Any], rubrics: Path | None = None) -> Grade:
    round_ = _round_of(meta)
    scenario = round_.scenario
    hand_in = read_predictions(folder, round_)
    labels = round_.labels.to_numpy()
    reference = round_.reference_predictions().to_numpy()
    oracle = round_.oracle.to_numpy()
    if scenario.binary:
        metric, handed = average_precision, hand_in.predictions.astype(float)
        leak_evidence = leak_auc(labels, handed, round_.leak.to_numpy())
        leaking = leak_evidence is not None and leak_evidence > LEAK_AUC
    else:
        codes = {name: code for code, name in enumerate(round_.classes)}

        def encode(values: np.ndarray) -> np.ndarray:
            # An unknown class gets a code no label has: always wrong.
            return np.array([codes.get(value, len(codes)) for value in values])

        metric = macro_f1
        leaked = LabelCode.decode(round_.leak, list(round_.spec.categories)).to_numpy()
        labels, handed, reference, oracle, leaked = map(
            encode, (labels, hand_in.predictions, reference, oracle, leaked)
        )
        leak_evidence = leak_agreement(labels, handed, leaked)
        leaking = leak_evidence is not None and leak_evidence > LEAK_AGREEMENT

    return Grade(
        round_=round_,
        score=metric(labels, handed, None),
        interval=bootstrap_interval(metric, labels, handed, seed=round_.seed),
        random=random_score(metric, labels, scenario.binary, seed=round_.seed),
        reference=metric(labels, reference, None),
        oracle=metric(labels, oracle, None),
        leak_evidence=leak_evidence if leaking else None,
        problems=hand_in.problems + notes_problems(folder, scenario.binary),
        minutes=max(0.0, (hand_in.written - meta["created"]) / 60),
        time_limit=int(meta.get("time_limit_minutes", TIME_LIMIT_MINUTES)),
        rubric=read_rubric(rubrics),
    )
