"""``python -m features backtest|replay [--seed N]``: a simulated day, scored two ways.

``backtest`` scores the day as the model was trained (offline.py); ``replay``
feeds the same payments to the streaming scorer (online.py), one at a time.
Both print how many payments each decision got.
"""

from __future__ import annotations

import argparse

from .offline import backtest, decision_rates
from .online import replay
from .simulate import simulate_day


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m features", description=__doc__)
    parser.add_argument("command", choices=("backtest", "replay"))
    parser.add_argument("--seed", type=int, default=7, help="which simulated day (default 7)")
    args = parser.parse_args(argv)
    payments = simulate_day(args.seed)
    results = backtest(payments) if args.command == "backtest" else replay(payments)
    print(f"{args.command}: {len(results):,} payments, simulated day {args.seed}")
    for decision, share in decision_rates(results).items():
        count = sum(result.decision == decision for result in results)
        print(f"  {decision:<7}{count:>6,}  {share:6.1%}")
    return 0
