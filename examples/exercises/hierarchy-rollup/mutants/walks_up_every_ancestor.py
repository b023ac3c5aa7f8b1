"""Adds each account's volume to every ancestor in turn: O(depth) per account, O(n^2) on a chain."""


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
    """Each account's own volume plus the volume of every account below it."""
    parent_of: dict[str, str | None] = {}
    volume_of: dict[str, int] = {}
    for row in accounts:
        account, parent, volume = _checked(row)
        if account in parent_of:
            raise ValueError(f"account {account!r} is listed twice")
        parent_of[account] = parent
        volume_of[account] = volume
    for account, parent in parent_of.items():
        if parent is not None and parent not in parent_of:
            raise ValueError(f"account {account!r} has parent {parent!r}, which is not in the list")

    totals = dict(volume_of)
    for account, volume in volume_of.items():
        ancestor, steps = parent_of[account], 0
        while ancestor is not None:
            if ancestor == account or steps > len(parent_of):
                raise ValueError(f"account {account!r} is its own ancestor (a cycle)")
            totals[ancestor] += volume
            ancestor, steps = parent_of[ancestor], steps + 1
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
