"""Fraud rings: accounts linked by the cards, devices and emails they share.

Two accounts that used the same identifier are linked, and a ring is every
account you can reach through such links: a connected component.

Rules:
- `link(account, identifier)` records that `account` used `identifier` (a card
  fingerprint, a device id, an email). Both are str: anything else (None, an
  int, bytes) raises TypeError. An empty str, or one with leading or trailing
  whitespace (as str.strip() sees it, so a no-break space counts), raises
  ValueError. Ids are compared exactly, case included: 'Dev_1' and 'dev_1' are
  two devices. A refused link changes nothing.
- Accounts and identifiers are separate names: an account 'x' and an
  identifier 'x' have nothing to do with each other.
- `link` returns how many accounts the account's ring has after the link
  (identifiers are not counted). Recording the same link twice changes nothing.
- `rings(min_size=2)` returns a new list of the rings with at least `min_size`
  accounts: each ring a list of its accounts in ascending order (as Python
  compares str), larger rings first, rings of equal size by their first
  account. Before any link it returns []. `min_size` is an int >= 1 (1 also
  lists accounts that share nothing): a bool or a non-int raises TypeError,
  below 1 ValueError.
- Many thousands of links, each answered as it arrives: a link must cost
  far less than a walk over its ring.
"""


class RingFinder:
    def __init__(self) -> None:
        self.identifiers: dict[str, set[str]] = {}  # identifier -> accounts that used it

    def link(self, account: str, identifier: str) -> int:
        self.identifiers.setdefault(identifier, set()).add(account)
        raise NotImplementedError("return the number of accounts in the account's ring")

    def rings(self, min_size: int = 2) -> list[list[str]]:
        raise NotImplementedError("return the rings of at least min_size accounts")


if __name__ == "__main__":
    finder = RingFinder()
    for account, identifier in [
        ("acct_1", "card_A"),
        ("acct_2", "card_A"),
        ("acct_3", "device_X"),
        ("acct_2", "device_X"),
        ("acct_4", "email_k"),
    ]:
        print(account, identifier, finder.link(account, identifier))  # expect 1, 2, 1, 3, 1
    print(finder.rings())  # expect [['acct_1', 'acct_2', 'acct_3']]
