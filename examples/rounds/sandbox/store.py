"""The sandbox's data: JSON objects by collection, listed newest first."""

from __future__ import annotations

from typing import Any

JsonObject = dict[str, Any]

# Collection name in the URL -> the prefix of its objects' ids.
PREFIXES = {
    "charges": "ch_",
    "refunds": "re_",
    "balance_transactions": "txn_",
    "payouts": "po_",
    "disputes": "du_",
}


class Store:
    """Objects by collection and id, plus what the API knows but does not show.

    ``payout_of`` maps a balance transaction to the payout that paid it out
    (the ``payout`` filter of ``/v1/balance_transactions``). ``malformed`` names
    the records a scenario damaged on purpose, with what is wrong with each:
    the answer key for tests, never served.
    """

    def __init__(self) -> None:
        self.objects: dict[str, dict[str, JsonObject]] = {name: {} for name in PREFIXES}
        self.payout_of: dict[str, str] = {}
        self.malformed: dict[str, str] = {}
        self._listings: dict[str, list[JsonObject]] = {}
        self._positions: dict[str, dict[str, int]] = {}

    def add(self, collection: str, obj: JsonObject) -> JsonObject:
        objects = self.objects[collection]
        if obj["id"] in objects:
            raise ValueError(f"{collection} already has an object with id {obj['id']!r}")
        objects[obj["id"]] = obj
        self._listings.pop(collection, None)
        self._positions.pop(collection, None)
        return obj

    def get(self, collection: str, object_id: str) -> JsonObject | None:
        return self.objects[collection].get(object_id)

    def position(self, collection: str, object_id: str) -> int | None:
        """Where an object stands in ``listing(collection)``, or None if there is no such object."""
        if collection not in self._positions:
            listing = self.listing(collection)
            self._positions[collection] = {obj["id"]: n for n, obj in enumerate(listing)}
        return self._positions[collection].get(object_id)

    def listing(self, collection: str) -> list[JsonObject]:
        """Every object in the collection, newest first (ties: larger id first)."""
        if collection not in self._listings:
            self._listings[collection] = sorted(
                self.objects[collection].values(), key=sort_key, reverse=True
            )
        return self._listings[collection]


def sort_key(obj: JsonObject) -> tuple[int, str]:
    return obj["created"], obj["id"]
