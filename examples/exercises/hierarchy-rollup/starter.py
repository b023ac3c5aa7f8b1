"""Roll payment volume up a hierarchy of accounts: each account with everything below it.

Rules:
- `accounts` is a list of rows, each a tuple `(account, parent, volume)`. A row
  that is not a tuple of three items raises TypeError.
- `account` is a str id. `parent` is None for a top-level account, or the id of
  another account in the list, given before or after it. An id that is not a
  str raises TypeError; an empty id, or one with leading or trailing whitespace
  (as str.strip() sees it), raises ValueError. Ids are compared exactly, case
  included.
- `volume` is an int in minor units (cents), and may be negative: refunds can
  exceed sales. A bool or any other type, a float included, raises TypeError.
- ValueError also for an account listed twice, a parent that is not in the
  list, and a cycle (an account that is its own parent, or its own ancestor).
- Returns a new dict with every account as a key and, as its value, its own
  volume plus the volume of every account below it, at any depth. An empty list
  returns {}. The list passed in is not changed.
- Hierarchies can be wide (thousands of accounts under one parent) and, after
  a bad import, deep (thousands of levels): keep it O(n), and do not recurse
  once per level (Python stops at about 1,000).
"""


def roll_up(accounts: list[tuple[str, str | None, int]]) -> dict[str, int]:
    raise NotImplementedError("return each account's volume plus the volume of all below it")


if __name__ == "__main__":
    rows = [
        ("franchise", None, 0),
        ("brand_a", "franchise", 1_000),
        ("store_1", "brand_a", 250),
        ("store_2", "brand_a", 400),
        ("brand_b", "franchise", 300),
    ]
    print(roll_up(rows))
    # expect {'franchise': 1950, 'brand_a': 1650, 'store_1': 250, 'store_2': 400, 'brand_b': 300}
