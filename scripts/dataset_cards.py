"""The datasets' cards (datasets/README.md), every figure computed from the data.

make_datasets.py renders them from scripts/dataset_cards.md each time it writes
the CSVs, so `--check` (and the test that regenerates the files) fails when a
card no longer matches its data. Rates are over unique rows: replayed rows are
a trap, not data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

TEMPLATE = Path(__file__).with_name("dataset_cards.md")


def _share(value: float) -> str:
    return f"{value:.1%}" if value < 0.1 else f"{value:.0%}"


def _with_and_without(frame: pd.DataFrame, feature: pd.Series, label: str) -> str:
    return (
        f"{_share(frame.loc[feature, label].mean())} fraud against "
        f"{_share(frame.loc[~feature, label].mean())}"
    )


def _listed(names: list[str], last: str = "or") -> str:
    quoted = [f"`{name}`" for name in names]
    return f"{', '.join(quoted[:-1])} {last} {quoted[-1]}"


def transactions_figures(raw: pd.DataFrame, spec: Any) -> dict[str, str]:
    df = raw.drop_duplicates("transaction_id")
    time = pd.to_datetime(df["timestamp"])
    fraud = df["is_fraud"] == 1
    by_category = df.groupby("merchant_category")["is_fraud"].mean().sort_values()
    seen_ip = df["ip_country"].notna()
    late = time > time.max() - pd.Timedelta(days=30)
    fraudster_device = df["device_id"].str[0].isin(["x", "b"])
    per_category = df.groupby("merchant_category")["merchant_id"].nunique()
    assert per_category.min() == per_category.max()
    return {
        "tx_days": str(spec.days),
        "tx_start": f"{pd.Timestamp(spec.start):%-d %B %Y}",
        "tx_rows": f"{len(raw):,}",
        "tx_positive_rate": f"{raw['is_fraud'].mean():.2%}",
        "tx_cards": f"{df['card_id'].nunique():,}",
        "tx_merchants_per_category": str(per_category.iloc[0]),
        "tx_categories": str(len(per_category)),
        "tx_currencies": _listed(sorted(df["currency"].unique())),
        "tx_travel_rate": _share(spec.travel_rate),
        "tx_burst_sizes": f"{spec.burst_sizes[0]} to {spec.burst_sizes[1]}",
        "tx_burst_amounts": f"${spec.burst_amounts[0]:.2f} to ${spec.burst_amounts[1]:.0f}",
        "tx_burst_minutes": f"{spec.burst_window_seconds // 60}",
        "tx_risky_categories": _listed(list(by_category.index[::-1][:4]), "and"),
        "tx_safe_categories": _listed(list(by_category.index[:2]), "or"),
        "tx_mismatch_rates": _with_and_without(
            df[seen_ip],
            df.loc[seen_ip, "ip_country"] != df.loc[seen_ip, "card_country"],
            "is_fraud",
        ),
        "tx_night_rates": _with_and_without(df, time.dt.hour < 6, "is_fraud"),
        "tx_new_device_rates": _with_and_without(df, df["is_new_device"] == 1, "is_fraud"),
        "tx_dispute_rate": _share(df.loc[fraud, "dispute_filed"].mean()),
        "tx_late_ratio": f"{fraud[late].mean() / fraud[~late].mean():.1f}",
        "tx_duplicates": f"{raw['transaction_id'].duplicated().sum():,}",
        "tx_duplicate_share": _share(raw["transaction_id"].duplicated().mean()),
        "tx_missing_ip": _share(raw["ip_country"].isna().mean()),
        "tx_missing_amount": _share(raw["amount"].isna().mean()),
        "tx_huge_amounts": str((df["amount"] == 99_999.99).sum()),
        "tx_negative_amounts": str((df["amount"] < 0).sum()),
        "tx_prefix_fraud": _share(df.loc[fraudster_device, "is_fraud"].mean()),
    }


def merchants_figures(raw: pd.DataFrame, spec: Any) -> dict[str, str]:
    counts = raw["category"].value_counts()
    usual = raw.groupby("mcc")["category"].agg(lambda s: s.value_counts().index[0])
    prefixes = sorted({prefix for prefix in spec.processor_prefixes if prefix})
    return {
        "md_rows": f"{len(raw):,}",
        "md_classes": str(len(counts)),
        "md_example": raw["descriptor"][raw["descriptor"].str.contains(r"\*.* \d{4}")].iloc[0],
        "md_categories": _listed(list(spec.categories)),
        "md_merchants": f"{spec.n_merchants:,}",
        "md_plain_names": _share(spec.plain_name_rate),
        "md_generic_mccs": _listed(list(spec.generic_mccs), "and"),
        "md_mccs": str(raw["mcc"].nunique()),
        "md_mcc_misfiled": _share(spec.generic_mcc_rate + spec.wrong_mcc_rate),
        "md_mcc_agreement": _share((raw["mcc"].map(usual) == raw["category"]).mean()),
        "md_prefixes": ", ".join(f"`{prefix}`" for prefix in prefixes),
        "md_width": str(spec.statement_width),
        "md_largest": counts.index[0],
        "md_smallest": counts.index[-1],
        "md_imbalance": f"{counts.iloc[0] / counts.iloc[-1]:.1f}",
        "md_label_noise": _share(spec.label_noise),
        "md_distinct": f"{raw['descriptor'].nunique():,}",
    }


def user_activity_figures(raw: pd.DataFrame, spec: Any) -> dict[str, str]:
    users = raw.drop_duplicates()
    unit_error = next(trap for trap in spec.traps if hasattr(trap, "factor"))
    return {
        "ua_rows": f"{len(raw):,}",
        "ua_positive_rate": f"{raw['churned'].mean():.1%}",
        "ua_bots": str((users["sessions_last_30d"] > 1_000).sum()),
        "ua_cents": str(unit_error.count),
        "ua_cents_factor": f"{unit_error.factor:g}",
        "ua_sentinels": str((users["days_since_last_login"] == 9_999).sum()),
        "ua_negative_spend": str((users["monthly_spend"] == -1).sum()),
        "ua_missing_minutes": _share(raw["avg_session_minutes"].isna().mean()),
        "ua_missing_spend": _share(raw["monthly_spend"].isna().mean()),
        "ua_missing_country": _share(raw["country"].isna().mean()),
        "ua_duplicates": str(raw["user_id"].duplicated().sum()),
    }


FIGURES: dict[str, Callable[[pd.DataFrame, Any], dict[str, str]]] = {
    "transactions": transactions_figures,
    "merchant_descriptors": merchants_figures,
    "user_activity": user_activity_figures,
}


def render(written: dict[str, tuple[Path, Any]]) -> str:
    """The cards for the CSVs as written (name -> (path, spec))."""
    figures: dict[str, str] = {}
    for name, (path, spec) in written.items():
        figures |= FIGURES[name](pd.read_csv(path), spec)
    return TEMPLATE.read_text(encoding="utf-8").format_map(figures)
