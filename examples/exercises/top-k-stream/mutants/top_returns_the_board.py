"""Returns its own board list from top(): a caller that changes the list changes the board."""

from bisect import bisect_left, insort


def _rank(entry: tuple[str, int]) -> tuple[int, str]:
    """Largest total first, then merchant id."""
    merchant, total = entry
    return -total, merchant


class TopMerchants:
    """Running totals per merchant, and the top k as (merchant, total) pairs, best first."""

    def __init__(self, k: int) -> None:
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError(f"k must be an int, got {type(k).__name__}")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        self.k = k
        self._totals: dict[str, int] = {}
        self._board: list[tuple[str, int]] = []

    def add(self, merchant: str, amount: int) -> None:
        if not isinstance(merchant, str):
            raise TypeError(f"merchant must be a str, got {type(merchant).__name__}")
        if not merchant:
            raise ValueError("merchant must not be empty")
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"amount must be an int (minor units), got {type(amount).__name__}")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")
        old = self._totals.get(merchant, 0)
        new = self._totals[merchant] = old + amount
        board = self._board
        if old:
            i = bisect_left(board, (-old, merchant), key=_rank)
            if i < len(board) and board[i] == (merchant, old):
                del board[i]
        if len(board) < self.k or _rank((merchant, new)) < _rank(board[-1]):
            insort(board, (merchant, new), key=_rank)
            del board[self.k :]

    def top(self) -> list[tuple[str, int]]:
        return self._board
