"""A keyed collection that remembers creation order, for stable pagination."""

from __future__ import annotations

import dataclasses
import threading
from bisect import bisect_right, insort
from typing import Any, Callable, Dict, Generic, Iterator, List, Optional, Tuple, TypeVar

K = TypeVar("K")
V = TypeVar("V")

#: The greatest creation stamp: page tokens carry stamps and snapshots keep them, and a
#: signed 64-bit integer is what other tools reading a snapshot can hold.
GREATEST_STAMP = 2**63 - 1


class StampSource:
    """Creation stamps for every collection of one state, ascending.

    An item keeps its stamp in each collection it is in (a configuration in the
    account's list and in its team's), and a snapshot keeps the stamps, so a restore
    brings page tokens back exactly. One source per state, not per process: a snapshot
    loaded into one state must not move another's stamps. A stamp a restore puts back
    raises the source past it (:meth:`seen`), so later items come after it.
    """

    def __init__(self) -> None:
        self._last = 0
        self._lock = threading.Lock()

    def next(self) -> int:
        with self._lock:
            if self._last >= GREATEST_STAMP:
                # Only a snapshot written by hand gets here: every stamp the state hands
                # out must load again from its own snapshots.
                raise OverflowError(f"no creation stamp is left after {GREATEST_STAMP}")
            self._last += 1
            return self._last

    def seen(self, stamp: int) -> None:
        """An item came back with ``stamp``: every later stamp is greater."""
        with self._lock:
            if stamp > self._last:
                self._last = stamp


class OrderedCollection(Generic[K, V]):
    """Items by key, each with its creation stamp.

    A page starts after the stamp of the last item the previous page returned, found by
    bisection, so a page costs the same however many items the collection holds, and
    deleting items between pages neither skips nor repeats one.
    """

    def __init__(self, stamps: Optional[StampSource] = None) -> None:
        #: The state's stamps (a collection of its own when none is given, as in tests).
        self.stamps = StampSource() if stamps is None else stamps
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
        if stamp is None:
            seq = self.stamps.next()
        else:
            seq = stamp
            self.stamps.seen(stamp)
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


def collection_field(kind: Callable[[StampSource], Any]) -> Any:
    """A dataclass field holding a ``kind`` of collection made with its owner's
    ``stamps`` (by :func:`make_collections`, from the owner's ``__post_init__``)."""
    return dataclasses.field(init=False, repr=False, metadata={"collection": kind})


def make_collections(owner: Any) -> None:
    """Fill every :func:`collection_field` of ``owner`` with a new collection."""
    stamps: StampSource = owner.stamps
    for item in dataclasses.fields(owner):
        kind = item.metadata.get("collection")
        if kind is not None:
            setattr(owner, item.name, kind(stamps))
