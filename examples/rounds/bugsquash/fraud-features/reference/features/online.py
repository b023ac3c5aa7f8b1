"""The streaming scorer behind the payments API: one payment at a time, as payments arrive.

The API calls ``Scorer.score`` once per payment attempt. It retries a call
that timed out with the same payment, and must get the first decision back:
a retry must never count as a second payment.
"""

from __future__ import annotations

from collections.abc import Iterable

from .events import Payment, in_time_order
from .features import compute
from .model import FRAUD_MODEL, Model, decide
from .offline import Scored
from .state import FeatureState


class Scorer:
    def __init__(self, model: Model = FRAUD_MODEL) -> None:
        self.model = model
        self.state = FeatureState()
        self._decided: dict[str, Scored] = {}

    def score(self, payment: Payment) -> Scored:
        decided = self._decided.get(payment.id)
        if decided is not None:  # a retry: the same answer, and no second count
            return decided
        features = compute(payment, self.state)
        score = self.model.score(features)
        result = Scored(payment.id, features, score, decide(score))
        # Only now add the payment to the history: its features describe what came before
        # it, as in the backtest the model was trained on (features.py).
        self.state.observe(payment)
        self._decided[payment.id] = result
        return result


def replay(payments: Iterable[Payment], model: Model = FRAUD_MODEL) -> list[Scored]:
    """Feed a day's payments to a new scorer in time order, as the API would have."""
    scorer = Scorer(model)
    return [scorer.score(payment) for payment in in_time_order(payments)]
