"""A keyed collection that remembers creation order, for stable pagination."""

from __future__ import annotations

import itertools
from bisect import bisect_right, insort
from typing import Dict, Generic, Iterator, List, Optional, Tuple, TypeVar

K = TypeVar("K")
V = TypeVar("V")

# One sequence of creation stamps for every collection: an item keeps its stamp in each
# collection it is in (a configuration in the account's list and in its team's), and a
# snapshot that records stamps restores page tokens exactly (see :func:`stamps_after`).
_stamps = itertools.count(1)


def stamps_after(stamp: int) -> None:
    """Make every stamp handed out from now on greater than ``stamp`` (after a restore
    brought back items stamped up to it)."""
    global _stamps
    current = next(_stamps)
    _stamps = itertools.count(max(current, stamp + 1))


class OrderedCollection(Generic[K, V]):
    """Items by key, each with its creation stamp.

    A page starts after the stamp of the last item the previous page returned, found by
    bisection, so a page costs the same however many items the collection holds, and
    deleting items between pages neither skips nor repeats one.
    """

    def __init__(self) -> None:
        self._items: Dict[K, Tuple[int, V]] = {}
        self._sequence: List[int] = []  # ascending; parallel to _keys
        self._keys: List[K] = []

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[V]:
        return (value for _, value in self._items.values())

    def get(self, key: K) -> Optional[V]:
        entry = self._items.get(key)
        return None if entry is None else entry[1]

    def put(self, key: K, value: V, stamp: Optional[int] = None) -> int:
        """Add a new item (with a new stamp, unless ``stamp`` gives the one it already
        has elsewhere), or replace an existing one in place; answers the item's stamp."""
        entry = self._items.get(key)
        if entry is not None:
            self._items[key] = (entry[0], value)
            return entry[0]
        seq = next(_stamps) if stamp is None else stamp
        self._items[key] = (seq, value)
        if not self._sequence or seq > self._sequence[-1]:
            self._sequence.append(seq)
            self._keys.append(key)
        else:  # an older item put back, as a restore does
            index = bisect_right(self._sequence, seq)
            insort(self._sequence, seq)
            self._keys.insert(index, key)
        return seq

    def stamp_of(self, key: K) -> Optional[int]:
        entry = self._items.get(key)
        return None if entry is None else entry[0]

    def stamped(self) -> Iterator[Tuple[int, K, V]]:
        """(stamp, key, item) in creation order."""
        items = self._items
        return ((seq, key, items[key][1]) for seq, key in zip(self._sequence, self._keys))

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
