"""A keyed collection that remembers creation order, for stable pagination."""

from __future__ import annotations

from bisect import bisect_right
from typing import Dict, Generic, Iterator, List, Optional, Tuple, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class OrderedCollection(Generic[K, V]):
    """Items by key, each stamped with a creation sequence number.

    A page starts after the sequence number of the last item the previous page
    returned, found by bisection, so a page costs the same however many items the
    collection holds, and deleting items between pages neither skips nor repeats one.
    """

    def __init__(self) -> None:
        self._items: Dict[K, Tuple[int, V]] = {}
        self._sequence: List[int] = []  # ascending; parallel to _keys
        self._keys: List[K] = []
        self._next = 1

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[V]:
        return (value for _, value in self._items.values())

    def get(self, key: K) -> Optional[V]:
        entry = self._items.get(key)
        return None if entry is None else entry[1]

    def put(self, key: K, value: V) -> None:
        """Add a new item at the end, or replace an existing one in place."""
        entry = self._items.get(key)
        if entry is not None:
            self._items[key] = (entry[0], value)
            return
        seq = self._next
        self._next += 1
        self._items[key] = (seq, value)
        self._sequence.append(seq)
        self._keys.append(key)

    def pop(self, key: K) -> Optional[V]:
        entry = self._items.pop(key, None)
        if entry is None:
            return None
        index = bisect_right(self._sequence, entry[0]) - 1
        del self._sequence[index]
        del self._keys[index]
        return entry[1]

    def page(self, after: int, limit: int) -> Tuple[List[V], Optional[int]]:
        """Up to ``limit`` items created after sequence number ``after``.

        Returns the items and, when more remain, the marker to pass as ``after``
        for the next page (else ``None``).
        """
        start = bisect_right(self._sequence, after)
        end = start + limit
        items = self._items
        found = [items[key][1] for key in self._keys[start:end]]
        return found, (self._sequence[end - 1] if end < len(self._keys) else None)
