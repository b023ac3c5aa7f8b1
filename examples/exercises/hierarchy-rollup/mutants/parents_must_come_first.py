"""Expects each parent's row before its children's: a child listed first is refused as an orphan."""


def _check_id(kind: str, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, got {type(value).__name__}")
    if not value or value != value.strip():
        raise ValueError(f"{kind} must be non-empty, without surrounding whitespace: {value!r}")


def _checked(row: object) -> tuple[str, str | None, int]:
    """The row's fields, once each is what the contract allows."""
    if not isinstance(row, tuple) or len(row) != 3:
        raise TypeError(f"each row must be a tuple (account, parent, volume), got {row!r}")
    account, parent, volume = row
    _check_id("account", account)
    if parent is not None:
        _check_id("parent", parent)
    if isinstance(volume, bool) or not isinstance(volume, int):
        raise TypeError(f"volume must be an int (minor units), got {type(volume).__name__}")
    return account, parent, volume


def roll_up(accounts: list[tuple[str, str | None, int]]) -> dict[str, int]:
    """Each account's own volume plus the volume of every account below it, in one read."""
    parent_of: dict[str, str | None] = {}
    totals: dict[str, int] = {}
    order: list[str] = []  # parents before children, as the rows come
    for row in accounts:
        account, parent, volume = _checked(row)
        if account in parent_of:
            raise ValueError(f"account {account!r} is listed twice")
        if parent is not None and parent not in parent_of:
            raise ValueError(f"account {account!r} has parent {parent!r}, not listed before it")
        parent_of[account] = parent
        totals[account] = volume
        order.append(account)
    for account in reversed(order):  # children come after parents, so add them up backwards
        if parent_of[account] is not None:
            totals[parent_of[account]] += totals[account]
    return totals


if __name__ == "__main__":
    rows = [
        ("franchise", None, 0),
        ("brand_a", "franchise", 1_000),
        ("store_1", "brand_a", 250),
        ("store_2", "brand_a", 400),
        ("brand_b", "franchise", 300),
    ]
    print(roll_up(rows))
    # {'franchise': 1950, 'brand_a': 1650, 'store_1': 250, 'store_2': 400, 'brand_b': 300}
