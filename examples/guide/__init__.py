"""Helpers shared by the guide's notebooks: where the data lives and how to load it."""

from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[2]
DATASETS_DIR = REPO_ROOT / "datasets"

# Columns each dataset parses as dates; the rest keep pandas' inferred types.
_DATE_COLUMNS = {"transactions": ["timestamp"], "user_activity": ["signup_date"]}


def load_dataset(name: str) -> pd.DataFrame:
    """Read `datasets/<name>.csv`, parsing its date columns."""
    path = DATASETS_DIR / f"{name}.csv"
    if not path.is_file():
        available = sorted(p.stem for p in DATASETS_DIR.glob("*.csv"))
        raise FileNotFoundError(f"no dataset {name!r} in {DATASETS_DIR}; available: {available}")
    return pd.read_csv(path, parse_dates=_DATE_COLUMNS.get(name, []))


MAX_PLAUSIBLE_AMOUNT = 10_000


def load_payments() -> pd.DataFrame:
    """The transactions, cleaned as the laptop-round notebook explains.

    Replayed rows (a repeated transaction_id), missing amounts and impossible
    amounts (not positive, or above MAX_PLAUSIBLE_AMOUNT) are dropped; rows are
    sorted by time.
    """
    return (
        load_dataset("transactions")
        .drop_duplicates("transaction_id")
        .dropna(subset=["amount"])
        .query("0 < amount <= @MAX_PLAUSIBLE_AMOUNT")
        .sort_values("timestamp", kind="stable")
        .reset_index(drop=True)
    )
