"""Our fee contract with the card processor (README.md, "Fees").

Per card charge: a percentage of the amount plus a fixed fee, and a further
percentage when the card was issued outside the merchant's country. Refunds
cost nothing, and the processor keeps the original charge's fee.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .money import percent_of, round_minor


@dataclass(frozen=True)
class FeeSchedule:
    percent: Decimal = Decimal("2.9")
    fixed: int = 30  # minor units
    international_percent: Decimal = Decimal("1.5")

    def fee_for(self, amount: int, *, international: bool) -> int:
        """The fee on a charge of ``amount`` minor units."""
        if amount <= 0:
            raise ValueError(f"a charge amount must be positive, not {amount}")
        percent = self.percent + (self.international_percent if international else 0)
        return round_minor(percent_of(amount, percent)) + self.fixed


STANDARD = FeeSchedule()
