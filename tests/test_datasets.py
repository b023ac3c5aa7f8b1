"""The synthetic datasets: reproducible, true to their cards, with their planted signal."""

import re
import shutil
from pathlib import Path

import make_datasets
import pandas as pd
import pytest
from support import ROOT

DATASETS = ROOT / "datasets"
CARDS = (DATASETS / "README.md").read_text(encoding="utf-8")


NAMES = list(make_datasets.DATASETS)


def card(name: str) -> str:
    """The section of datasets/README.md that describes `<name>.csv`."""
    match = re.search(rf"^## {name}\.csv\n(.*?)(?=^## |\Z)", CARDS, re.MULTILINE | re.DOTALL)
    assert match, f"datasets/README.md has no card for {name}.csv"
    return match.group(1)


def card_figure(name: str, label: str) -> float:
    match = re.search(rf"\*\*{label}\*\*: ([\d,.]+)", card(name))
    assert match, f"the card of {name}.csv states no {label}"
    return float(match.group(1).replace(",", ""))


def frame(name: str) -> pd.DataFrame:
    return pd.read_csv(DATASETS / f"{name}.csv")


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    """The CSVs, and the cards whose figures are computed from them."""
    assert make_datasets.main(["--out", str(tmp_path)]) == 0
    for name in [*(f"{name}.csv" for name in NAMES), "README.md"]:
        assert (tmp_path / name).read_bytes() == (DATASETS / name).read_bytes(), name


def test_check_flags_a_stale_file(tmp_path: Path) -> None:
    for name in [*(f"{name}.csv" for name in NAMES), "README.md"]:
        shutil.copy(DATASETS / name, tmp_path)
    assert make_datasets.main(["--check", "--out", str(tmp_path)]) == 0
    with (tmp_path / "transactions.csv").open("a") as stale:
        stale.write("\n")
    assert make_datasets.main(["--check", "--out", str(tmp_path)]) == 1
    shutil.copy(DATASETS / "transactions.csv", tmp_path)
    with (tmp_path / "README.md").open("a") as edited:
        edited.write("A figure typed by hand.\n")
    assert make_datasets.main(["--check", "--out", str(tmp_path)]) == 1


@pytest.mark.parametrize("name", NAMES)
def test_columns_match_card(name: str) -> None:
    documented = re.findall(r"^\| `(\w+)` \|", card(name), re.MULTILINE)
    assert list(frame(name).columns) == documented


@pytest.mark.parametrize("name", NAMES)
def test_row_count_matches_card(name: str) -> None:
    assert len(frame(name)) == card_figure(name, "Rows")


@pytest.mark.parametrize(
    ("name", "label"), [("transactions", "is_fraud"), ("user_activity", "churned")]
)
def test_positive_rate_matches_card(name: str, label: str) -> None:
    rate = frame(name)[label].mean() * 100
    assert rate == pytest.approx(card_figure(name, "Positive rate"), abs=0.05)


def test_files_stay_small() -> None:
    total = sum((DATASETS / f"{name}.csv").stat().st_size for name in NAMES)
    assert total < 5_000_000


def test_transactions_carry_planted_signal_and_traps() -> None:
    df = frame("transactions")
    fraud_rate = df["is_fraud"].mean()
    by_category = df.groupby("merchant_category")["is_fraud"].mean()
    assert by_category["gift_cards"] > 1.5 * fraud_rate > by_category["grocery"]
    mismatch = df["card_country"] != df["ip_country"]
    assert df.loc[mismatch, "is_fraud"].mean() > 10 * df.loc[~mismatch, "is_fraud"].mean()
    night = pd.to_datetime(df["timestamp"]).dt.hour < 6
    assert df.loc[night, "is_fraud"].mean() > 3 * df.loc[~night, "is_fraud"].mean()
    assert (df["dispute_filed"] == df["is_fraud"]).mean() > 0.99  # the leak
    last_month = pd.to_datetime(df["timestamp"]) >= "2026-04-01"
    assert df.loc[last_month, "is_fraud"].mean() > 1.5 * df.loc[~last_month, "is_fraud"].mean()
    assert df["transaction_id"].duplicated().any()
    assert df["ip_country"].isna().any() and df["amount"].isna().any()
    assert (df["amount"] < 0).any() and (df["amount"] > 10_000).any()


def test_user_activity_carries_planted_signal_and_traps() -> None:
    df = frame("user_activity")
    idle = df["days_since_last_login"].between(30, 180)
    assert df.loc[idle, "churned"].mean() > 2 * df["churned"].mean()
    assert (df["sessions_last_30d"] > 1_000).sum() == 25
    assert (df["days_since_last_login"] == 9_999).sum() >= 30
    assert df["user_id"].duplicated().sum() == 12
    assert df["avg_session_minutes"].isna().any()


def test_descriptors_are_imbalanced_and_noisy() -> None:
    counts = frame("merchant_descriptors")["category"].value_counts()
    assert len(counts) == 8
    assert counts.max() > 2 * counts.min()
