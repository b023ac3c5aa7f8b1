"""The reconciliation as text, for finance."""

from __future__ import annotations

from reconcile import PayoutReconciliation, Reconciliation

ZERO_DECIMAL = {"jpy"}  # currencies without a minor unit (API.md, "Money")


def money(amount: int, currency: str) -> str:
    """``123456, "usd"`` -> ``1,234.56 USD``, in integers: no float rounding."""
    if currency in ZERO_DECIMAL:
        return f"{amount:,} {currency.upper()}"
    sign = "-" if amount < 0 else ""
    units, cents = divmod(abs(amount), 100)
    return f"{sign}{units:,}.{cents:02d} {currency.upper()}"


def render_payout(payout: PayoutReconciliation) -> list[str]:
    state = "balanced" if payout.balanced else "OFF BY " + money(payout.difference, payout.currency)
    lines = [
        f"{payout.payout_id}  {money(payout.payout_amount, payout.currency):>16}  "
        f"{len(payout.by_order):>3} orders  {state}"
    ]
    if payout.unmatched:
        lines.append(f"    no order: {', '.join(payout.unmatched)}")
    return lines


def render(reconciliation: Reconciliation) -> str:
    lines = [f"{len(reconciliation.payouts)} payouts"]
    for payout in reconciliation.payouts:
        lines.extend(render_payout(payout))
    return "\n".join(lines)
