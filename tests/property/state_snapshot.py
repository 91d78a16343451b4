"""A comparable picture of everything a mock state holds.

``snapshot(state)`` walks the backends' objects (dataclasses, collections, plain
containers, whatever they are made of) into nested tuples and lists of plain values,
keeping insertion order (it decides pagination). Two snapshots are equal exactly when
every record, index, counter and set is the same, so it catches a change no listing
would show. Accounts that hold nothing but defaults are left out: reading an account
may create it empty, which no call can observe.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Set

_SCALARS = (type(None), bool, int, float, str, bytes)


def snapshot(state: Any, forget_reserved_name: Optional[str] = None) -> Any:
    """The state of both backends and the organizations, as plain values.

    ``forget_reserved_name`` leaves that name out of every ``reserved_names`` set (the
    one documented trace a refused Chatbot Slack create leaves).
    """
    walker = _Walker(forget_reserved_name)
    return {
        "support_app": walker.plain(state.backend("support-app")),
        "chatbot": walker.plain(state.backend("chatbot")),
        "organizations": walker.plain(state.organizations),
        "settings": walker.plain(state.settings),
    }


class _Walker:
    def __init__(self, forget_reserved_name: Optional[str]) -> None:
        self._forget = forget_reserved_name
        self._path: Set[int] = set()
        self._empty_accounts: Dict[type, Any] = {}

    def plain(self, value: Any, name: str = "") -> Any:
        if isinstance(value, _SCALARS):
            return value
        if id(value) in self._path:
            return ("<cycle>", type(value).__name__)
        self._path.add(id(value))
        try:
            return self._plain(value, name)
        finally:
            self._path.discard(id(value))

    def _plain(self, value: Any, name: str) -> Any:
        if isinstance(value, dict):
            return ("dict", [(self.plain(key), self.plain(item, str(key))) for key, item in value.items()])
        if isinstance(value, (list, tuple)):
            return (type(value).__name__, [self.plain(item) for item in value])
        if isinstance(value, (set, frozenset)):
            items = set(value)
            if name == "reserved_names" and self._forget is not None:
                items.discard(self._forget)
            return ("set", sorted((self.plain(item) for item in items), key=repr))
        if callable(value) and not hasattr(value, "__dict__"):
            return ("callable", type(value).__name__)
        attributes: Dict[str, Any] = {}
        for slot in getattr(type(value), "__slots__", ()):
            if hasattr(value, slot):
                attributes[slot] = getattr(value, slot)
        attributes.update(getattr(value, "__dict__", {}))
        if not attributes:
            return ("object", type(value).__name__)
        if type(value).__name__ == "AccountStore":
            return ("AccountStore", self._accounts(value))
        return (
            type(value).__name__,
            [(key, self.plain(item, key)) for key, item in sorted(attributes.items()) if not callable(item)],
        )

    def _accounts(self, store: Any) -> Any:
        """An AccountStore's accounts, less those that are still exactly as made."""
        empty = self.plain(store._factory())
        return [
            (account_id, picture)
            for account_id, account in store.items()
            if (picture := self.plain(account)) != empty
        ]
