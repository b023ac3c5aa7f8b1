"""The k merchants with the largest total volume, live, as payments stream in.

Rules:
- `TopMerchants(k)`: k is an int >= 1. A bool or a non-int raises TypeError,
  k < 1 raises ValueError.
- `add(merchant, amount)` adds a payment to the merchant's running total.
  `merchant` is a non-empty str; `amount` a positive int in minor units (cents).
  Non-str merchant or non-int amount (bools and floats included): TypeError.
  An empty merchant or an amount <= 0: ValueError.
- `top()` returns a new list of up to k `(merchant, total)` pairs: largest total
  first; equal totals in ascending merchant id order, as Python compares str
  ('acct_a' before 'acct_b'); [] before any payment. Changing the returned list
  changes nothing in the board.
- A refused payment changes nothing.
- The dashboard calls `top()` after every payment: with thousands of merchants,
  both calls must stay fast, far cheaper than sorting every merchant.
"""

import heapq


class TopMerchants:
    def __init__(self, k: int) -> None:
        self.k = k
        self.totals: dict[str, int] = {}

    def add(self, merchant: str, amount: int) -> None:
        self.totals[merchant] = self.totals.get(merchant, 0) + amount

    def top(self) -> list[tuple[str, int]]:
        raise NotImplementedError("return the k largest totals, best first")


if __name__ == "__main__":
    board = TopMerchants(k=2)
    for merchant, amount in [("acct_b", 500), ("acct_a", 300), ("acct_c", 200), ("acct_a", 200)]:
        board.add(merchant, amount)
    print(board.top())  # expect [('acct_a', 500), ('acct_b', 500)]
    print(heapq.nlargest(2, board.totals.values()))
