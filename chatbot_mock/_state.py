"""Everything one outermost mock holds: the backends, the settings, the lock."""

from __future__ import annotations

import threading
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from chatbot_mock.services import SharedStores, declared_services, default_settings, setting_minimums
from chatbot_mock.store.identity import Caller, check_account_id, fallback_account
from chatbot_mock.store.organizations import Organizations
from chatbot_mock.store.settings import Settings
from chatbot_mock.store.tokens import PageTokens


class MockState:
    """The in-memory world of one outermost mock, shared by every mock nested in it.

    One re-entrant lock serialises every backend call, across accounts: rules such
    as "100 accounts per Slack channel" span accounts, and a quota check and the
    write it guards must never interleave with another thread's.
    """

    def __init__(self, quotas: Optional[Mapping[str, int]] = None) -> None:
        self.lock = threading.RLock()
        self.settings = Settings(default_settings(), quotas, setting_minimums())
        # (owner, account id, from as_account?) in the order they were opened.
        self._account_stack: List[Tuple[object, Optional[str], bool]] = []
        #: What current_account() answers, worked out when the stack changes, not on
        #: every request (a mock is entered once and called many times). Starts and
        #: stops change the stack under the mocks' switch, ``as_account`` under ``lock``:
        #: this lock makes each change and its answer one step, whoever makes it.
        self._current_account: Optional[str] = None
        self._account_stack_lock = threading.Lock()
        self._build()

    def _build(self) -> None:
        self.organizations = Organizations()
        shared = SharedStores(self.settings, PageTokens(), self.organizations)
        self._backends: Dict[str, Any] = {service.name: service.backend(shared) for service in declared_services()}

    def reset(self) -> None:
        """Forget every resource (settings and account choices stay)."""
        with self.lock:
            self._build()

    # -- what the dispatcher needs ------------------------------------------------------

    def backend(self, service: str) -> Any:
        """The backend of ``service`` (botocore's name: ``chatbot``, ``support-app``)."""
        return self._backends[service]

    def call(self, function: Callable[..., Any], caller: Caller, arguments: Dict[str, Any]) -> Any:
        with self.lock:
            return function(caller, **arguments)

    def current_account(self) -> Optional[str]:
        """The innermost open ``as_account`` block's account, else the innermost active
        mock's ``account_id``, else ``None``."""
        return self._current_account

    def _find_current_account(self) -> Optional[str]:
        for explicit in (True, False):
            for _, account_id, from_as_account in reversed(self._account_stack):
                if from_as_account is explicit and account_id is not None:
                    return account_id
        return None

    # -- accounts ---------------------------------------------------------------------------

    def push_account(self, owner: object, account_id: Optional[str], explicit: bool) -> None:
        with self._account_stack_lock:
            self._account_stack.append((owner, account_id, explicit))
            self._current_account = self._find_current_account()

    def pop_account(self, owner: object) -> None:
        with self._account_stack_lock:
            for index in range(len(self._account_stack) - 1, -1, -1):
                if self._account_stack[index][0] is owner:
                    del self._account_stack[index]
                    self._current_account = self._find_current_account()
                    return

    def account_for_seeding(self, account_id: Optional[str]) -> str:
        """``account_id=None`` in the seeding API means the account a call would use now."""
        if account_id is not None:
            return check_account_id(account_id)
        return fallback_account(self.current_account())
