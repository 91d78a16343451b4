"""Threads racing against a rule, shared by both services' concurrency tests (a pytest
plugin of the suite's: tests/conftest.py loads it, so its fixtures need no import).

Every write to a collection is slowed (a test hook on the store, not a sleep in the
product), so the window between a rule's check and its write is wide: without the
state's lock the races overshoot, which each service's tests show too."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, Iterator, List

import pytest
from botocore.exceptions import ClientError
from service_checks import error_of

from chatbot_mock.core.collection import OrderedCollection
from chatbot_mock.interception import active_state


@pytest.fixture
def wide_race_window(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every write waits a moment after its rule's checks passed."""
    put = OrderedCollection.put

    def slow_put(collection: Any, key: Any, value: Any) -> None:
        time.sleep(0.002)
        put(collection, key, value)

    monkeypatch.setattr(OrderedCollection, "put", slow_put)
    yield


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: Any) -> None:
        return None


@pytest.fixture
def without_the_state_lock(chatbot_mock: Any) -> None:
    """The defect the concurrency tests guard against: the state's lock taken away."""
    state = active_state()
    assert state is not None
    state.lock = _NoLock()  # type: ignore[assignment]


def race(actions: List[Callable[[], Any]]) -> Dict[str, int]:
    """Run every action in its own thread, all released at once; count outcomes by error code."""
    barrier = threading.Barrier(len(actions))

    def run(action: Callable[[], Any]) -> str:
        barrier.wait()
        try:
            action()
        except ClientError as error:
            outcome = error_of(error)
            return f"{outcome['code']} {outcome['status']}"
        return "ok"

    with ThreadPoolExecutor(max_workers=len(actions)) as pool:
        outcomes = list(pool.map(run, actions))
    return {outcome: outcomes.count(outcome) for outcome in set(outcomes)}
