"""The laptop-round kit: `rounds.py new` and `grade`, on every scenario and two seeds."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import laptop_round
import numpy as np
import pandas as pd
import pytest
import rounds
from laptop_round.scenarios import SCENARIOS
from laptop_round.scoring import average_precision, macro_f1
from make_datasets import LabelCode
from sklearn.metrics import average_precision_score, f1_score
from support import ROOT

SEEDS = (11, 12)  # two rounds whose leaking columns differ in every scenario
CASES = [(scenario, seed) for scenario in SCENARIOS for seed in SEEDS]
GRADE_BUDGET_SECONDS = 30


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int], Path]:
    """One round folder per scenario and seed, made once by the CLI."""
    folders = {}
    for scenario, seed in CASES:
        folder = tmp_path_factory.mktemp("rounds") / f"{scenario}-{seed}"
        args = ["new", "laptop", str(folder), "--scenario", scenario, "--seed", str(seed)]
        assert rounds.main(args) == 0
        folders[scenario, seed] = folder
    return folders


def copy_of(made: dict, case: tuple[str, int], tmp_path: Path) -> Path:
    return Path(shutil.copytree(made[case], tmp_path / "round"))


def meta(folder: Path) -> dict:
    return json.loads((folder / "round.json").read_text())


def holdout_ids(folder: Path) -> pd.Series:
    scenario = SCENARIOS[meta(folder)["scenario"]]
    return pd.read_csv(folder / "holdout.csv")[scenario.id_column].drop_duplicates()


def hand_in(folder: Path, values: object) -> None:
    scenario = SCENARIOS[meta(folder)["scenario"]]
    ids = holdout_ids(folder)
    pd.DataFrame({scenario.id_column: ids, scenario.prediction: values}).to_csv(
        folder / "predictions.csv", index=False
    )


def grade(folder: Path, capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    status = rounds.main(["grade", str(folder)])
    out, err = capsys.readouterr()
    return status, out, err


def assert_one_sentence(err: str) -> None:
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.rstrip().endswith("."), err


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case[0]}-{case[1]}")
def test_the_starters_empty_hand_in_is_refused_clearly(
    made: dict, case: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = copy_of(made, case, tmp_path)
    starter = subprocess.run(
        [sys.executable, str(folder / "starter.py")],
        cwd=tmp_path,  # not the round's folder: the starter finds its files itself
        capture_output=True,
        text=True,
        check=False,
    )
    assert starter.returncode == 0, starter.stderr
    status, out, err = grade(folder, capsys)
    assert status == 2 and out == ""
    assert_one_sentence(err)
    assert "has its header but no rows" in err


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case[0]}-{case[1]}")
def test_reference_passes_and_random_does_not(
    made: dict, case: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = copy_of(made, case, tmp_path)
    laptop_round.write_predictions(
        folder,
        (round_ := laptop_round.scenarios.build(SCENARIOS[case[0]], case[1])),
        round_.reference_predictions().to_numpy(),
    )
    status, out, _ = grade(folder, capsys)
    assert status == 0, out
    assert "Result: PASS." in out and "Problems found: none." in out

    rng = np.random.default_rng(0)
    if round_.scenario.binary:
        hand_in(folder, rng.random(len(round_.labels)))
    else:
        hand_in(folder, rng.choice(round_.classes, len(round_.labels)))
    result = laptop_round.assess(folder, meta(folder))
    assert not result.passed
    assert abs(result.score - result.random) < 0.25 * (result.reference - result.random)
    status, out, _ = grade(folder, capsys)
    assert status == 1 and "Result: NOT YET." in out


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case[0]}-{case[1]}")
def test_a_hand_in_that_reads_the_leak_is_flagged(
    made: dict, case: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = copy_of(made, case, tmp_path)
    round_ = laptop_round.scenarios.build(SCENARIOS[case[0]], case[1])
    holdout = pd.read_csv(folder / "holdout.csv").drop_duplicates(round_.scenario.id_column)
    leak = holdout[round_.leak_column]
    if round_.scenario.binary:  # the leak first, the reference's ranking within it
        values = 0.5 * leak.to_numpy() + 0.5 * round_.reference_predictions().to_numpy()
    else:
        values = LabelCode.decode(leak, list(round_.spec.categories))
    hand_in(folder, values)
    status, out, _ = grade(folder, capsys)
    assert status == 1
    assert "Too good to be true" in out and f"`{round_.leak_column}`" in out


def test_two_seeds_make_different_rounds(made: dict) -> None:
    for scenario in SCENARIOS:
        first, second = (made[scenario, seed] for seed in SEEDS)
        assert (first / "train.csv").read_bytes() != (second / "train.csv").read_bytes()
        columns = [set(pd.read_csv(f / "holdout.csv", nrows=1).columns) for f in (first, second)]
        leaks = [(c - c_other) for c, c_other in (columns, columns[::-1])]
        assert leaks[0] and leaks[1] and leaks[0] != leaks[1], (scenario, columns)


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case[0]}-{case[1]}")
def test_the_holdout_labels_are_not_in_the_folder(made: dict, case: tuple[str, int]) -> None:
    folder = made[case]
    scenario = SCENARIOS[case[0]]
    assert scenario.label not in pd.read_csv(folder / "holdout.csv").columns
    assert scenario.label in pd.read_csv(folder / "train.csv").columns
    assert set(meta(folder)) == {
        "kind",
        "created",
        "scenario",
        "seed",
        "time_limit_minutes",
        "holdout_sha256",
    }


MALFORMED = {
    "wrong header": "id,prediction\nt1,0.5\n",
    "text in the score column": None,  # built from the holdout ids below
    "an empty file": "",
    "ids repeated a million times": None,
    "not a CSV": 'transaction_id,score\n"t1,0.5\n',
    "not UTF-8": b"transaction_id,score\n\xff\xfe,0.5\n",
}


@pytest.mark.parametrize("kind", MALFORMED)
def test_a_malformed_hand_in_gets_one_sentence(
    made: dict, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = copy_of(made, ("fraud", SEEDS[0]), tmp_path)
    ids = holdout_ids(folder)
    path = folder / "predictions.csv"
    content = MALFORMED[kind]
    if kind == "text in the score column":
        scores = ["0.1"] * len(ids)
        scores[17] = "high"
        content = "transaction_id,score\n" + "".join(
            f"{i},{s}\n" for i, s in zip(ids, scores, strict=True)
        )
    elif kind == "ids repeated a million times":
        content = "transaction_id,score\n" + f"{ids.iloc[0]},0.5\n" * 1_000_000
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)

    start = time.perf_counter()
    status, out, err = grade(folder, capsys)
    assert time.perf_counter() - start < GRADE_BUDGET_SECONDS
    assert status == 2 and out == ""
    assert_one_sentence(err)
    expected = {
        "wrong header": "header is `id,prediction`; expected `transaction_id,score`",
        "text in the score column": "Row 19 of predictions.csv has the score `high`",
        "an empty file": "predictions.csv is empty",
        "ids repeated a million times": "1,000,000 times",
        "not a CSV": "not a CSV pandas can read",
        "not UTF-8": "not UTF-8",
    }[kind]
    assert expected in err


def test_problems_that_still_let_it_be_scored_are_listed(
    made: dict, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = copy_of(made, ("churn", SEEDS[0]), tmp_path)
    ids = holdout_ids(folder)
    table = pd.DataFrame({"user_id": ids, "score": np.linspace(0, 2, len(ids))})
    extra = pd.DataFrame({"user_id": [ids.iloc[0], "nobody"], "score": [0.3, 0.3]})
    pd.concat([table, extra]).to_csv(folder / "predictions.csv", index=False)
    (folder / "notes.md").write_text("PR-AUC 0.4; recall is 80 % and precision 30 %.\n")
    status, out, _ = grade(folder, capsys)
    assert status == 1
    for problem in (
        "1 ids appear more than once",
        "1 ids are not in holdout.csv (for example `nobody`)",
        "scores are outside [0, 1]",
        "notes.md reports recall but no threshold",
    ):
        assert problem in out, problem

    hand_in(folder, 0.5)
    (folder / "notes.md").write_text("Recall 80 % at a threshold of 0.3.\n")
    status, out, _ = grade(folder, capsys)
    assert "Every score is 0.5" in out and "notes.md" not in out


def test_time_used_is_measured_against_the_limit(
    made: dict, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = copy_of(made, ("churn", SEEDS[1]), tmp_path)
    hand_in(folder, 0.5)
    info = meta(folder)
    info["created"] = (folder / "predictions.csv").stat().st_mtime - 75 * 60
    (folder / "round.json").write_text(json.dumps(info))
    _, out, _ = grade(folder, capsys)
    words = " ".join(out.split())
    assert "Time: 75 minutes" in words and "15 minutes over the 60-minute limit" in words


def test_the_rubric_comes_from_the_guides_rubric_file(made: dict, tmp_path: Path) -> None:
    folder = copy_of(made, ("merchants", SEEDS[0]), tmp_path)
    hand_in(folder, "retail")
    absent = laptop_round.assess(folder, meta(folder), rubrics=tmp_path / "missing.yml")
    assert "docs/applied-ml/index.md" in laptop_round.format_report(absent)

    rubrics = tmp_path / "rubrics.yml"
    rubrics.write_text(
        "rounds:\n  laptop:\n    title: Laptop\n    minutes: 60\n    criteria:\n"
        "      - {id: split, name: Split by time, weak: random split, "
        "acceptable: a time split, strong: a time split with a reason, trains: []}\n"
    )
    present = laptop_round.format_report(laptop_round.assess(folder, meta(folder), rubrics))
    assert "- Split by time" in present and "strong: a time split with a reason" in present


def test_folders_it_cannot_use_get_one_sentence(
    made: dict, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "mine.txt").write_text("keep me")
    assert rounds.main(["new", "laptop", str(occupied), "--scenario", "fraud"]) == 2
    assert_one_sentence(capsys.readouterr().err)
    assert [p.name for p in occupied.iterdir()] == ["mine.txt"]

    assert rounds.main(["grade", str(tmp_path)]) == 2
    assert "has no round.json" in capsys.readouterr().err

    folder = copy_of(made, ("fraud", SEEDS[1]), tmp_path)
    info = meta(folder)
    info["holdout_sha256"] = "0" * 64  # as if another generator had made it
    (folder / "round.json").write_text(json.dumps(info))
    assert rounds.main(["grade", str(folder)]) == 2
    err = capsys.readouterr().err
    assert_one_sentence(err)
    assert "another version of the guide's data generator" in err


def test_the_command_line_end_to_end(tmp_path: Path) -> None:
    folder = tmp_path / "round"
    command = [sys.executable, str(ROOT / "scripts" / "rounds.py")]
    env = {**os.environ, "PYTHONPATH": ""}  # the script finds its own modules
    made = subprocess.run(
        # Seed 7 plants gaps in an integer column, which once broke the reference model.
        [
            *command,
            "new",
            "laptop",
            str(folder),
            "--scenario",
            "churn",
            "--seed",
            "7",
            "--reference",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    graded = subprocess.run(
        [*command, "grade", str(folder)], capture_output=True, text=True, env=env, check=False
    )
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert "Result: PASS." in graded.stdout
    # Into a reader that stops at once (`| true`): no traceback, a shell's exit status.
    piped = subprocess.Popen(
        [*command, "grade", str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    piped.stdout.close()
    assert piped.stderr.read() == b""
    assert piped.wait() == 128 + signal.SIGPIPE
    piped.stderr.close()


def test_the_fast_metrics_agree_with_scikit_learn() -> None:
    rng = np.random.default_rng(1)
    for _ in range(200):
        n = int(rng.integers(5, 300))
        labels = (rng.random(n) < rng.uniform(0.05, 0.5)).astype(int)
        labels[0] = 1
        scores = np.round(rng.random(n), int(rng.integers(1, 4)))  # with ties
        counts = np.bincount(rng.integers(0, n, n), minlength=n)
        resampled = np.repeat(np.arange(n), counts)
        assert average_precision(labels, scores) == pytest.approx(
            average_precision_score(labels, scores), abs=1e-12
        )
        if labels[resampled].any():
            assert average_precision(labels, scores, counts) == pytest.approx(
                average_precision_score(labels[resampled], scores[resampled]), abs=1e-12
            )
        classes, predicted = rng.integers(0, 5, n), rng.integers(0, 6, n)
        assert macro_f1(classes, predicted) == pytest.approx(
            f1_score(classes, predicted, average="macro", labels=np.unique(classes)), abs=1e-12
        )
