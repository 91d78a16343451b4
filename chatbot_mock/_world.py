"""The world of one outermost mock: its backends, settings, accounts and lock."""

from __future__ import annotations

import threading
from typing import Any, Dict, List, Optional, Tuple

from chatbot_mock.chime.rooms import ChimeRooms
from chatbot_mock.core.collection import StampSource
from chatbot_mock.core.identity import Caller, check_account_id, fallback_account
from chatbot_mock.core.organizations import Organizations
from chatbot_mock.core.settings import Settings
from chatbot_mock.core.tokens import PageTokens
from chatbot_mock.operations import operation_tables
from chatbot_mock.service_declaration import SharedStores
from chatbot_mock.services import declared_services, default_settings, setting_minimums


class World:
    """The in-memory world of one outermost mock, shared by every mock nested in it.

    One re-entrant lock serialises every backend call, across accounts: rules such
    as "100 accounts per Slack channel" span accounts, and a quota check and the
    write it guards must never interleave with another thread's.
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()
        #: The defaults; each mock that is on adds its own layer (core/settings.py).
        self.settings = Settings(default_settings(), minimums=setting_minimums())
        # (owner, account id, from as_account?) in the order they were opened.
        self._account_stack: List[Tuple[object, Optional[str], bool]] = []
        #: What current_account() answers, worked out when the stack changes, not on
        #: every request (a mock is entered once and called many times). Starts and
        #: stops change the stack under the mocks' switch, ``as_account`` under ``lock``:
        #: this lock makes each change and its answer one step, whoever makes it.
        self._current_account: Optional[str] = None
        self._account_stack_lock = threading.Lock()
        #: service -> operation name -> handler, built and checked once per process.
        self._tables = operation_tables()
        self._build()

    def _build(self) -> None:
        #: Page tokens are signed with its key, which a snapshot keeps.
        self.page_tokens = PageTokens()
        #: Simulated Amazon Chime rooms: not an AWS API's state, so no snapshot holds them.
        previous: Optional[ChimeRooms] = getattr(self, "chime", None)
        if previous is not None:
            previous.closed = True
        self.chime = ChimeRooms(self.lock, self.settings, previous.clock if previous is not None else None)
        self.organizations, backends = self.empty_world(self.page_tokens)
        self._use(backends)

    def reset(self) -> None:
        """Forget every resource (settings and account choices stay)."""
        with self.lock:
            self._build()

    # -- a new world, for a snapshot to fill -------------------------------------------------

    def empty_world(self, tokens: PageTokens) -> Tuple[Organizations, Dict[str, Any]]:
        """Organizations and one backend per service, empty, sharing this state's
        settings, its Chime rooms and ``tokens``: :func:`chatbot_mock._snapshot.load`
        fills them and, when every check passed, hands them to :meth:`replace_world`."""
        organizations = Organizations()
        shared = SharedStores(self.settings, tokens, organizations, self.chime, StampSource())
        return organizations, {service.name: service.backend(shared) for service in declared_services()}

    def replace_world(self, tokens: PageTokens, organizations: Organizations, backends: Dict[str, Any]) -> None:
        """Make what :meth:`empty_world` gave, now filled, the world every call sees."""
        with self.lock:
            self.page_tokens, self.organizations = tokens, organizations
            self._use(backends)

    def _use(self, backends: Dict[str, Any]) -> None:
        self._backends = backends
        #: Each service's handlers, bound to the backend (or its group) that answers them.
        self._handlers = {service: self._tables[service].bind(backend) for service, backend in backends.items()}

    # -- what the dispatcher needs ------------------------------------------------------

    def backend(self, service: str) -> Any:
        """The backend of ``service`` (botocore's name: ``chatbot``, ``support-app``)."""
        return self._backends[service]

    def backends(self) -> Dict[str, Any]:
        """Every service's backend, by service name (take the lock to read them together)."""
        return dict(self._backends)

    def call(self, service: str, operation_name: str, caller: Caller, arguments: Dict[str, Any]) -> Any:
        with self.lock:
            # Looked up under the lock: a reset or a load replaces the backends.
            return self._handlers[service][operation_name](caller, **arguments)

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
