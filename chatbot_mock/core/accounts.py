"""Lazily created per-account state."""

from __future__ import annotations

from typing import Callable, Dict, Generic, Iterator, Tuple, TypeVar

T = TypeVar("T")


class AccountStore(Generic[T]):
    """One ``T`` per account id, made on first use. These services keep state per
    account, not per region (Chatbot ARNs carry no region)."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._accounts: Dict[str, T] = {}

    def __getitem__(self, account_id: str) -> T:
        state = self._accounts.get(account_id)
        if state is None:
            state = self._accounts[account_id] = self._factory()
        return state

    def items(self) -> Iterator[Tuple[str, T]]:
        return iter(list(self._accounts.items()))

    def summary(self, held: Callable[[T], Dict[str, int]]) -> Dict[str, int]:
        """How many accounts hold anything, and the sum over them of each count ``held``
        gives (an account a read created, and that holds nothing, is not counted)."""
        totals: Dict[str, int] = {}
        accounts = 0
        for state in list(self._accounts.values()):
            counts = held(state)
            if any(counts.values()):
                accounts += 1
                for kind, count in counts.items():
                    totals[kind] = totals.get(kind, 0) + count
        return {"accounts": accounts, **totals}

    def peek(self, account_id: str) -> T | None:
        """The account's state if it has any, without creating it."""
        return self._accounts.get(account_id)
