"""Read-only views of what the mock holds, for tests and notebooks that look without boto3.

A view is a copy taken under the state's lock: plain records with attribute access
(``view.slack_configurations[0].channel_name``), that never change and never change the
state. They are built from the same export as a state snapshot, so a view shows
exactly what a snapshot keeps.
"""

from __future__ import annotations

import html
from typing import Any, Dict, Iterator, List, Mapping, NamedTuple, Tuple


class Quota(NamedTuple):
    """A per-account quota setting, and how much of it an account uses."""

    name: str
    used: int
    limit: int


class ReadOnlyMapping(Mapping[str, Any]):
    """A JSON object in a view: read like a dict, never written (and, unlike a
    ``MappingProxyType``, copied and pickled like any value)."""

    def __init__(self, items: Dict[str, Any]) -> None:
        self._items = items

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return repr(self._items)


def frozen(value: Any) -> Any:
    """JSON as read-only Python: objects as mappings, lists as tuples."""
    if isinstance(value, dict):
        return ReadOnlyMapping({key: frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(frozen(item) for item in value)
    return value


class View:
    """One record of the state, read only: its members as attributes.

    ``as_dict()`` gives a plain, mutable copy; ``==`` compares kind and members.
    """

    __slots__ = ("_kind", "_members")

    def __init__(self, kind: str, members: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_members", dict(members))

    def __getattr__(self, name: str) -> Any:
        members = object.__getattribute__(self, "_members")
        try:
            return members[name]
        except KeyError:
            kind = object.__getattribute__(self, "_kind")
            raise AttributeError(f"{kind} has no member {name!r}; its members: {', '.join(members)}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._kind} is a read-only view of the mock's state")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{self._kind} is a read-only view of the mock's state")

    def __reduce__(self) -> Tuple[Any, Tuple[str, Dict[str, Any]]]:
        # Copies and pickles go through the constructor, which __setattr__ would refuse.
        return View, (self._kind, self._members)

    def __dir__(self) -> List[str]:
        return list(self._members)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, View) and (self._kind, self._members) == (other._kind, other._members)

    def __hash__(self) -> int:
        return hash(self._kind)

    def __repr__(self) -> str:
        members = ", ".join(f"{name}={value!r}" for name, value in self._members.items())
        return f"{self._kind}({members})"

    def as_dict(self) -> Dict[str, Any]:
        return {name: _thawed(value) for name, value in self._members.items()}


def _thawed(value: Any) -> Any:
    if isinstance(value, View):
        return value.as_dict()
    if isinstance(value, Mapping):
        return {key: _thawed(item) for key, item in value.items()}
    if isinstance(value, tuple) and not isinstance(value, Quota):
        return [_thawed(item) for item in value]
    return value


def account_view(
    kind: str, account_id: str, exported: Mapping[str, Any], kinds: Mapping[str, str], quotas: Tuple[Quota, ...]
) -> View:
    """An account's export as a view: each list named in ``kinds`` becomes a tuple of
    records of that kind; ``order`` (the creation stamp) is the snapshot's business."""
    members: Dict[str, Any] = {"account_id": account_id}
    for name, value in exported.items():
        if name in kinds:
            members[name] = tuple(
                View(kinds[name], {key: frozen(item) for key, item in entry.items() if key != "order"})
                for entry in value
            )
        else:
            members[name] = frozen(value)
    members["quotas"] = quotas
    return View(kind, members)


# -- a table for notebooks ----------------------------------------------------------------------


def rows(accounts: Mapping[str, View], service: str) -> Iterator[Tuple[str, str, str, str]]:
    """(service, account, kind, what) for every record of every account view."""
    for account_id, account in accounts.items():
        for value in account._members.values():
            if isinstance(value, tuple) and value and isinstance(value[0], View):
                for record in value:
                    yield service, account_id, record._kind, _summary(record)


def _summary(record: View) -> str:
    return ", ".join(f"{name}={value}" for name, value in record.as_dict().items() if value not in (None, [], {}))


def html_table(found: List[Tuple[str, str, str, str]], caption: str) -> str:
    """One row per resource, every cell escaped."""
    head = "".join(f"<th>{html.escape(title)}</th>" for title in ("service", "account", "kind", "resource"))
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in found)
    caption = html.escape(caption)
    return f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
