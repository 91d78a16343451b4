"""Reading and writing the parts of a state snapshot that every service shares.

A snapshot is plain JSON (``m.state()``), meant to be kept in a file, diffed, and even
written by hand to start a server from a seeded world. So reading one checks it as a
user would want: every object names where it is in the document when something is
missing, of the wrong type, or not a member the format has.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Callable, Dict, Iterator, List, Optional, Set, Tuple, Type, TypeVar

from chatbot_mock.core.collection import GREATEST_STAMP, OrderedCollection
from chatbot_mock.core.identity import is_account_id
from chatbot_mock.core.records import FrozenDict, JsonList, JsonObject, Record, freeze, thaw

#: What ``"format"`` says, and the version this mock writes and reads.
FORMAT = "chatbot_mock state"
VERSION = 1

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R", bound=Record)


class SnapshotError(ValueError):
    """A snapshot this mock cannot load; the message says where and why."""


class Fields:
    """One JSON object of a snapshot, read member by member.

    Each reader names the member's place (``services.chatbot.accounts.111122223333.
    slack_configurations[2].arn``) in its error; :meth:`finish` refuses members the
    format does not have, so a misspelt one is not silently dropped.
    """

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise SnapshotError(f"{where} must be a JSON object, not {type(data).__name__}")
        self._data: Dict[str, Any] = data
        self.where = where
        self._read: Set[str] = set()

    def _get(self, name: str, required: bool) -> Any:
        self._read.add(name)
        if name not in self._data:
            if required:
                raise SnapshotError(f"{self.where} has no {name!r}")
            return None
        return self._data[name]

    def _typed(self, name: str, value: Any, kind: Tuple[type, ...], what: str) -> Any:
        if not isinstance(value, kind) or (bool not in kind and isinstance(value, bool)):
            raise SnapshotError(f"{self.where}.{name} must be {what}, not {value!r}")
        return value

    def text(self, name: str) -> str:
        return str(self._typed(name, self._get(name, True), (str,), "a string"))

    def optional_text(self, name: str) -> Optional[str]:
        value = self._get(name, False)
        return None if value is None else str(self._typed(name, value, (str,), "a string or null"))

    def flag(self, name: str, default: bool = False) -> bool:
        value = self._get(name, False)
        return default if value is None else bool(self._typed(name, value, (bool,), "true or false"))

    def number(self, name: str) -> Optional[int]:
        value = self._get(name, False)
        return None if value is None else int(self._typed(name, value, (int,), "a whole number"))

    def texts(self, name: str) -> List[str]:
        values = self._get(name, False) or []
        self._typed(name, values, (list,), "a list of strings")
        for value in values:
            self._typed(name, value, (str,), "a list of strings")
        return list(values)

    def text_mapping(self, name: str) -> Dict[str, str]:
        values = self._get(name, False) or {}
        self._typed(name, values, (dict,), "an object of strings")
        for value in values.values():
            self._typed(name, value, (str,), "an object of strings")
        return dict(values)

    def json(self, name: str) -> Any:
        """A member kept as the JSON it is (a custom action's wire-shaped definition)."""
        return self._get(name, False)

    def object(self, name: str) -> Fields:
        return Fields(self._get(name, False) or {}, f"{self.where}.{name}")

    def objects(self, name: str) -> Iterator[Fields]:
        values = self._get(name, False) or []
        self._typed(name, values, (list,), "a list of objects")
        return (Fields(value, f"{self.where}.{name}[{index}]") for index, value in enumerate(values))

    def accounts(self, name: str = "accounts") -> Iterator[Tuple[str, Fields]]:
        """An object of accounts: each key a 12-digit account id."""
        values = self._get(name, False) or {}
        self._typed(name, values, (dict,), "an object")
        for key in values:
            if not is_account_id(key):
                raise SnapshotError(f"{self.where}.{name}: {key!r} is not an account id (12 digits)")
        return ((key, Fields(value, f"{self.where}.{name}.{key}")) for key, value in values.items())

    def finish(self) -> None:
        unknown = sorted(set(self._data) - self._read)
        if unknown:
            raise SnapshotError(f"{self.where} has members this format does not: {', '.join(unknown)}")


#: The greatest ``order`` a snapshot may give: the greatest stamp a state hands out, so
#: every snapshot a state writes loads again.
GREATEST_ORDER = GREATEST_STAMP


class Stamps:
    """Creation stamps while a snapshot is read: those it gives (each once: a stamp
    names one item), then new ones after the greatest seen, for items written by hand
    without one."""

    def __init__(self) -> None:
        self.greatest = 0
        self._seen: Set[int] = set()
        self._given: List[Tuple[int, Callable[..., Any], Tuple[Any, ...]]] = []
        self._missing: List[Tuple[Callable[..., Any], Tuple[Any, ...]]] = []

    def later(self, fields: Fields, put: Callable[..., Any], *args: Any) -> None:
        """Call ``put(*args, stamp)`` once every stamp is known (:meth:`put_all`): items
        go back in the order they were created, whatever order the snapshot lists them in."""
        stamp = fields.number("order")
        if stamp is None:
            self._missing.append((put, args))
        elif not 1 <= stamp <= GREATEST_ORDER:
            raise SnapshotError(f"{fields.where}.order must be from 1 to {GREATEST_ORDER}, not {stamp}")
        elif stamp in self._seen:
            raise SnapshotError(f"{fields.where}.order {stamp} is given to another item too")
        else:
            self._seen.add(stamp)
            self.greatest = max(self.greatest, stamp)
            self._given.append((stamp, put, args))

    def put_all(self) -> None:
        for stamp, put, args in sorted(self._given, key=lambda entry: entry[0]):
            put(*args, stamp)
        if self._missing and self.greatest + len(self._missing) > GREATEST_ORDER:
            raise SnapshotError(f"items without an order need orders after {self.greatest}, and none is left")
        for put, args in self._missing:
            self.greatest += 1
            put(*args, self.greatest)


class Keys:
    """The keys one list of a snapshot has given so far: each names one item."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._seen: Set[Any] = set()

    def once(self, key: Any, fields: Fields) -> None:
        if key in self._seen:
            raise SnapshotError(f"{fields.where}: a second {self._what} {key}")
        self._seen.add(key)


def stamped(collection: OrderedCollection[K, V], write: Callable[[V], Dict[str, Any]]) -> List[Dict[str, Any]]:
    """A collection's items as ``write`` gives them, each with its creation stamp."""
    return [{"order": stamp, **write(item)} for stamp, _, item in collection.stamped()]


# -- records: each field a member of the record's object, under its own name ----------------------


def export_record(record: Any) -> Dict[str, Any]:
    """A record's fields as plain JSON, each under its name; a field holding another
    record as the member its ``reference`` names (``team_id`` for a workspace)."""
    members: Dict[str, Any] = {}
    for item in dataclasses.fields(record):
        value = getattr(record, item.name)
        reference = item.metadata.get("reference")
        if reference is None:
            members[item.name] = thaw(value)
        else:
            members[reference[0]] = getattr(value, reference[1])
    return members


#: Finds the record a reference names: (the object read, the kind of record read, the
#: field, the key the object gives).
Find = Callable[[Fields, type, str, str], Any]


def read_record(kind: Type[R], item: Fields, find: Find) -> R:
    """A ``kind`` record from a snapshot object: each field read and checked as its type
    says; a field holding another record read as the key its ``reference`` names, and
    looked up with ``find``. (The values' rules are the model's, checked after the
    restore: see ``check_restored``.)"""
    members: Dict[str, Any] = {}
    for item_field, hint in _fields_of(kind):
        reference = item_field.metadata.get("reference")
        if reference is None:
            members[item_field.name] = _read(item, item_field, hint)
        else:
            members[item_field.name] = find(item, kind, item_field.name, item.text(reference[0]))
    return kind(**members)


_hinted_fields: Dict[type, Tuple[Tuple[dataclasses.Field[Any], Any], ...]] = {}


def _fields_of(kind: type) -> Tuple[Tuple[dataclasses.Field[Any], Any], ...]:
    """A record class's fields, each with its type (resolved once: they are text)."""
    found = _hinted_fields.get(kind)
    if found is None:
        hints = typing.get_type_hints(kind)
        found = _hinted_fields[kind] = tuple((item, hints[item.name]) for item in dataclasses.fields(kind))
    return found


def _read(item: Fields, field: dataclasses.Field[Any], hint: Any) -> Any:
    name = field.name
    when_missing = field.metadata.get("when_missing", dataclasses.MISSING)
    if hint is str:
        return item.text(name) if when_missing is dataclasses.MISSING else item.optional_text(name) or when_missing
    if hint == Optional[str]:
        return item.optional_text(name)
    if hint is bool:
        return item.flag(name)
    if hint == Tuple[str, ...]:
        return tuple(item.texts(name))
    if hint == FrozenDict[str, str]:
        return FrozenDict(item.text_mapping(name))
    if hint == JsonObject:
        value = item.json(name)
        if not isinstance(value, dict):
            raise SnapshotError(f"{item.where}.{name} must be an object")
        return freeze(value)
    if hint == Optional[JsonList]:
        value = item.json(name)
        if value is not None and not isinstance(value, list):
            raise SnapshotError(f"{item.where}.{name} must be a list or null")
        return freeze(value)
    raise TypeError(f"a snapshot has no reader for {name}: {hint}")
