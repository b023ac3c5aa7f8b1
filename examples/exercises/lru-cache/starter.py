"""A least-recently-used (LRU) cache: fill in the three methods.

Rules:
- `LRUCache(capacity)` holds at most `capacity` items. capacity must be an int
  (a bool or a float raises TypeError) of at least 1 (otherwise ValueError).
- Keys are any hashable values, as for a dict (an unhashable key raises
  TypeError); values are anything, None included.
- `get(key, default=None)` returns the stored value, or `default` when the key
  is missing. A hit, even on a stored None, makes the key the most recently
  used; a miss changes nothing (it stores nothing).
- `put(key, value)` stores the value and makes the key the most recently used.
  Updating a key that is already there never evicts anything. Adding a new key
  to a full cache first evicts the least recently used key.
- `len(cache)` is the number of items stored.
- get and put must be O(1), whatever the capacity: a hidden check runs them on
  a cache of thousands of items.
"""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, default: Any = None) -> Any:
        raise NotImplementedError("return the value and mark the key as recently used")

    def put(self, key: Hashable, value: Any) -> None:
        raise NotImplementedError("store the value; evict the least recently used key if full")

    def __len__(self) -> int:
        return len(self._items)


if __name__ == "__main__":
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")  # "a" is now the most recently used
    cache.put("c", 3)  # evicts "b"
    print(cache.get("b"), cache.get("a"), cache.get("c"), len(cache))  # expect None 1 3 2
