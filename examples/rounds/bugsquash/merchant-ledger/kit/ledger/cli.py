"""``python -m ledger statement EXPORT --month 2024-03`` and ``python -m ledger audit EXPORT``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .audit import audit_fees
from .audit import render as render_audit
from .journal import Journal
from .pricing import STANDARD
from .records import ExportError, read_export
from .statements import StatementError, monthly_statement
from .statements import render as render_statement


def parse_month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month like 2024-03") from None
    if not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(f"{text!r}: the month must be 01 to 12")
    return year, month


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ledger", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    statement = commands.add_parser("statement", help="a month's statement")
    statement.add_argument("export", type=Path, help="the processor's balance export (CSV)")
    statement.add_argument("--month", type=parse_month, required=True, help="e.g. 2024-03")
    audit = commands.add_parser("audit", help="check every charge's fee against the contract")
    audit.add_argument("export", type=Path, help="the processor's balance export (CSV)")
    audit.add_argument("--country", default="US", help="the merchant's country (default US)")
    args = parser.parse_args(argv)

    try:
        with open(args.export, newline="", encoding="utf-8") as file:
            entries = read_export(file)
    except OSError as error:
        parser.exit(2, f"cannot read {args.export}: {error.strerror}\n")
    except ExportError as error:
        parser.exit(2, f"{args.export}, {error}\n")

    if args.command == "audit":
        charges = sum(entry.is_charge for entry in entries)
        print(render_audit(audit_fees(entries, STANDARD, args.country), charges))
        return 0
    journal = Journal(entries)
    year, month = args.month
    try:
        for currency in journal.currencies():
            print(render_statement(monthly_statement(journal, year, month, currency)))
    except StatementError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
