"""Reading a hand-in: predictions.csv and notes.md.

A file that cannot be graded stops the grader with one sentence that says what
to fix (raised as SystemExit, which scripts/rounds.py prints); anything that
can still be scored is kept and listed as a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.errors import EmptyDataError, ParserError

from laptop_round.scenarios import Round

MAX_BYTES = 100_000_000  # a hundred times what one row per holdout id needs
THRESHOLD_METRICS = re.compile(
    r"\b(precision|recall|f1|f-score|f-beta|accuracy|(?:false|true)[- ]positive rate|[ft]pr)\b",
    re.IGNORECASE,
)
A_THRESHOLD = re.compile(r"\b(threshold|cut-?off|operating point)\b[^.\n]{0,40}?\d", re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class HandIn:
    predictions: np.ndarray  # one per holdout id, in the order of Round.labels
    problems: list[str]  # wrong, but it can still be scored
    written: float  # when predictions.csv was last written (Unix seconds)


def _example(values: pd.Index | list[str]) -> str:
    return f"for example `{values[0]}`"


def read_predictions(folder: Path, round_: Round) -> HandIn:
    scenario = round_.scenario
    id_column, column = scenario.id_column, scenario.prediction
    header = f"`{id_column},{column}`"
    path = folder / "predictions.csv"
    if not path.is_file():
        raise SystemExit(
            f"There is no predictions.csv in {folder}: run starter.py, or write one with the "
            f"header {header} and one row per id in holdout.csv."
        )
    size = path.stat().st_size
    if size == 0:
        raise SystemExit(
            f"predictions.csv is empty: it needs the header {header} and one row per id in "
            "holdout.csv."
        )
    if size > MAX_BYTES:
        raise SystemExit(
            f"predictions.csv is {size / 1e6:,.0f} MB, far more than one row per id in "
            f"holdout.csv ({len(round_.labels):,} ids) needs."
        )
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SystemExit("predictions.csv is not UTF-8 text: save it as a plain CSV.") from None
    except (ParserError, EmptyDataError) as error:
        reason = str(error).strip().splitlines()[-1].removeprefix("Error tokenizing data. ")
        raise SystemExit(f"predictions.csv is not a CSV pandas can read ({reason}).") from None

    found = [str(name).strip() for name in table.columns]
    if found != [id_column, column]:
        raise SystemExit(f"predictions.csv's header is `{','.join(found)}`; expected {header}.")
    if table.empty:
        raise SystemExit(
            f"predictions.csv has its header but no rows: write one row per id in holdout.csv "
            f"({len(round_.labels):,} ids)."
        )
    ids = table.iloc[:, 0].str.strip()
    raw = table.iloc[:, 1].str.strip()
    if scenario.binary:
        values = pd.to_numeric(raw, errors="coerce")
        unusable = ~np.isfinite(values.to_numpy(dtype=float))
    else:
        values = raw
        unusable = (raw == "").to_numpy()
    if unusable.any():
        row = int(np.flatnonzero(unusable)[0])
        others = int(unusable.sum()) - 1
        problem = (
            f"has the score `{raw.iloc[row]}`, which is not a number"
            if scenario.binary
            else f"has no {column}"
        )
        more = f", and {others:,} more rows have the same problem" if others else ""
        raise SystemExit(f"Row {row + 2} of predictions.csv {problem}{more}.")

    counts = ids.value_counts()
    missing = round_.labels.index.difference(counts.index)
    if len(missing):
        repeated = (
            f", and repeats `{counts.index[0]}` {counts.iloc[0]:,} times"
            if counts.iloc[0] > 1
            else ""
        )
        raise SystemExit(
            f"predictions.csv has no row for {len(missing):,} of the {len(round_.labels):,} ids "
            f"in holdout.csv ({_example(missing)}){repeated}: write one row per id."
        )

    problems = []
    repeated = counts[counts > 1]
    if len(repeated):
        problems.append(
            f"{len(repeated):,} ids appear more than once ({_example(repeated.index)}, "
            f"{repeated.iloc[0]:,} times): holdout.csv has replayed rows, so keep one row per id. "
            "The first row of each was graded."
        )
    unknown = counts.index.difference(round_.labels.index)
    if len(unknown):
        problems.append(
            f"{len(unknown):,} ids are not in holdout.csv ({_example(unknown)}); they were ignored."
        )
    first = pd.Series(values.to_numpy(), index=ids.to_numpy())
    first = first[~first.index.duplicated()]
    predictions = first.loc[round_.labels.index].to_numpy()
    problems += _value_problems(predictions, round_)
    return HandIn(predictions, problems, path.stat().st_mtime)


def _value_problems(predictions: np.ndarray, round_: Round) -> list[str]:
    if round_.scenario.binary:
        outside = (predictions < 0) | (predictions > 1)
        if outside.any():
            return [
                f"{int(outside.sum()):,} scores are outside [0, 1] (for example "
                f"{predictions[outside][0]:g}): hand in probabilities, which a threshold and a "
                "cost can be applied to."
            ]
        if np.ptp(predictions) == 0:
            return [f"Every score is {predictions[0]:g}: a constant score ranks nothing."]
        return []
    unknown = sorted(set(predictions) - set(round_.classes))
    if unknown:
        return [
            f"{np.isin(predictions, unknown).sum():,} rows predict a {round_.scenario.label} that "
            f"is not in train.csv (for example `{unknown[0]}`); those rows count as wrong."
        ]
    if len(set(predictions)) == 1:
        return [f"Every row predicts `{predictions[0]}`: one class for everything is not a model."]
    return []


def notes_problems(folder: Path, binary: bool) -> list[str]:
    """What a program can check in notes.md: a threshold-dependent metric needs its threshold."""
    path = folder / "notes.md"
    if not binary or not path.is_file():
        return []
    text = COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
    metric = THRESHOLD_METRICS.search(text)
    if metric and not A_THRESHOLD.search(text):
        return [
            f"notes.md reports {metric.group(0)} but no threshold: {metric.group(0)} depends on "
            "where you cut the score, so state the threshold (for example `threshold 0.3`)."
        ]
    return []
