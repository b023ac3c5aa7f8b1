"""Accepts True as a volume of 1 cent (bool is a subclass of int)."""


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
    if not isinstance(volume, int):
        raise TypeError(f"volume must be an int (minor units), got {type(volume).__name__}")
    return account, parent, volume


def roll_up(accounts: list[tuple[str, str | None, int]]) -> dict[str, int]:
    """Each account's own volume plus the volume of every account below it.

    Children are added to their parent before the parent is added to its own:
    an account is ready once all its children are done (Kahn's algorithm, on the
    tree upside down). Every account is handled once, so this is O(n) at any
    width or depth, with no recursion. Accounts never ready sit on a cycle.
    """
    parent_of: dict[str, str | None] = {}
    totals: dict[str, int] = {}
    for row in accounts:
        account, parent, volume = _checked(row)
        if account in parent_of:
            raise ValueError(f"account {account!r} is listed twice")
        parent_of[account] = parent
        totals[account] = volume

    children_left = dict.fromkeys(parent_of, 0)  # children not yet added to each account
    for account, parent in parent_of.items():
        if parent is None:
            continue
        if parent not in parent_of:
            raise ValueError(f"account {account!r} has parent {parent!r}, which is not in the list")
        children_left[parent] += 1

    ready = [account for account, left in children_left.items() if left == 0]
    done = 0
    while ready:
        account = ready.pop()
        done += 1
        parent = parent_of[account]
        if parent is not None:
            totals[parent] += totals[account]
            children_left[parent] -= 1
            if children_left[parent] == 0:
                ready.append(parent)
    if done < len(parent_of):
        stuck = sorted(account for account, left in children_left.items() if left)
        raise ValueError(f"these accounts are their own ancestors (a cycle): {stuck[:5]}")
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
