"""Every notebook also runs as a plain script, from any working directory."""

import os
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # before pyplot: the notebooks draw, nothing shows
import guide
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from support import ROOT

NOTEBOOKS = sorted(
    path
    for path in (ROOT / "examples").glob("*/*.py")
    if path.parent.name not in {"exercises", "guide"}
)


def test_notebooks_found() -> None:
    assert NOTEBOOKS, "no notebook under examples/<topic>/"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_runs_as_script(notebook: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(notebook)],
        cwd=tmp_path,  # not the repository: datasets are found from the guide package
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


LAPTOP_ROUND = ROOT / "examples/applied-ml/fraud_laptop_round.py"
TEST_REPORT = "# ## 9. The test period, once"  # everything before it is selection


def choose_in_laptop_round(monkeypatch: pytest.MonkeyPatch, shuffled_ids: set[str]) -> dict:
    """Run the fraud notebook up to its test report, with the labels of `shuffled_ids`
    shuffled; return its variables."""
    load = guide.load_dataset

    def load_with_shuffled_labels(name: str) -> pd.DataFrame:
        frame = load(name)
        rows = frame["transaction_id"].isin(shuffled_ids).to_numpy()
        labels = frame.loc[rows, "is_fraud"].to_numpy().copy()
        frame.loc[rows, "is_fraud"] = np.random.default_rng(0).permutation(labels)
        return frame

    monkeypatch.setattr(guide, "load_dataset", load_with_shuffled_labels)
    source = LAPTOP_ROUND.read_text(encoding="utf-8")
    selection = source[: source.index(TEST_REPORT)]
    namespace: dict = {"__name__": "__main__"}
    try:
        exec(compile(selection, str(LAPTOP_ROUND), "exec"), namespace)
    finally:
        plt.close("all")
    return namespace


def test_the_laptop_round_chooses_without_reading_the_test_labels(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = LAPTOP_ROUND.read_text(encoding="utf-8")
    assert TEST_REPORT in source, "the test report's heading moved: update TEST_REPORT"
    report = source[source.index(TEST_REPORT) :]
    assert not re.search(r"^(chosen|threshold)\b\s*=", report, re.MULTILINE), (
        "the model or threshold is chosen again after the test report"
    )
    honest = choose_in_laptop_round(monkeypatch, set())
    test_ids = set(honest["test"]["transaction_id"])
    shuffled = choose_in_laptop_round(monkeypatch, test_ids)
    assert not shuffled["test"]["is_fraud"].equals(honest["test"]["is_fraud"])  # it took effect
    assert (shuffled["chosen"], shuffled["threshold"]) == (honest["chosen"], honest["threshold"])
