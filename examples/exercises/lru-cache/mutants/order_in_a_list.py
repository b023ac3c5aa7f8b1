"""Keeps the recency order in a list: list.remove makes get and put O(capacity)."""

from collections.abc import Hashable
from typing import Any


class LRUCache:
    """Hold at most `capacity` items; when full, a new key evicts the least recently used one."""

    def __init__(self, capacity: int) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int):
            raise TypeError(f"capacity must be an int, got {type(capacity).__name__}")
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity!r}")
        self.capacity = capacity
        self._values: dict[Hashable, Any] = {}
        self._order: list[Hashable] = []  # least recently used first

    def get(self, key: Hashable, default: Any = None) -> Any:
        if key not in self._values:
            return default
        self._order.remove(key)
        self._order.append(key)
        return self._values[key]

    def put(self, key: Hashable, value: Any) -> None:
        if key in self._values:
            self._order.remove(key)
        elif len(self._values) >= self.capacity:
            del self._values[self._order.pop(0)]
        self._values[key] = value
        self._order.append(key)

    def __len__(self) -> int:
        return len(self._values)
