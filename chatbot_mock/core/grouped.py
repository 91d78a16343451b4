"""A creation-ordered collection that can also be paged one group at a time."""

from __future__ import annotations

from typing import Dict, Generic, Hashable, Iterator, List, Optional, Tuple, TypeVar

from chatbot_mock.core.collection import OrderedCollection, StampSource

G = TypeVar("G", bound=Hashable)
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class GroupedCollection(Generic[G, K, V]):
    """Items in creation order, plus the same items per group (a workspace's or a
    team's configurations, a configuration's user identities).

    Listings filtered by group page through that group's own collection, so a
    filtered page costs the same as an unfiltered one instead of scanning every item.
    """

    def __init__(self, stamps: Optional[StampSource] = None) -> None:
        self.everything: OrderedCollection[K, V] = OrderedCollection(stamps)
        # group -> (its items for paging, its keys for removal in one go)
        self._groups: Dict[G, Tuple[OrderedCollection[K, V], Dict[K, None]]] = {}
        self._group_of: Dict[K, G] = {}

    def __len__(self) -> int:
        return len(self.everything)

    def __contains__(self, key: object) -> bool:
        return key in self.everything

    def __iter__(self) -> Iterator[V]:
        return iter(self.everything)

    def get(self, key: K) -> Optional[V]:
        return self.everything.get(key)

    def put(self, group: G, key: K, value: V, stamp: Optional[int] = None) -> int:
        """Add a new item to ``group``, or replace an item already in that group;
        answers its creation stamp (``stamp``, when a restore gives it)."""
        current = self._group_of.get(key)
        if current is not None and current != group:
            raise ValueError(f"{key!r} belongs to group {current!r}, not {group!r}")
        stamp = self.everything.put(key, value, stamp)
        entry = self._groups.get(group)
        if entry is None:
            entry = self._groups[group] = (OrderedCollection(self.everything.stamps), {})
        members, keys = entry
        members.put(key, value, stamp)
        keys[key] = None
        self._group_of[key] = group
        return stamp

    def pop(self, key: K) -> Optional[V]:
        group = self._group_of.pop(key, None)
        if group is None:
            return None
        members, keys = self._groups[group]
        # An emptied group stays (each listed collection does): harmless, since stamps
        # are never reused.
        members.pop(key)
        del keys[key]
        return self.everything.pop(key)

    def pop_group(self, group: G) -> List[V]:
        """Remove every item of ``group``; returns them in creation order."""
        entry = self._groups.get(group)
        if entry is None:
            return []
        removed = [self.pop(key) for key in list(entry[1])]
        return [value for value in removed if value is not None]

    def of_group(self, group: Optional[G]) -> OrderedCollection[K, V]:
        """What a listing filtered by ``group`` pages through: everything without a
        filter, else the group's items."""
        return self.everything if group is None else self.group(group)

    def group(self, group: G) -> OrderedCollection[K, V]:
        """The group's items (an empty collection for an unknown group); read only."""
        entry = self._groups.get(group)
        return entry[0] if entry is not None else OrderedCollection()

    def group_size(self, group: G) -> int:
        entry = self._groups.get(group)
        return 0 if entry is None else len(entry[1])
