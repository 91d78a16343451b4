"""The public face: one mock, switched on by start() and off by stop().

The context manager, the decorator and the pytest fixture are thin wrappers around
that one switch. The outermost start makes a fresh, empty state; mocks started
inside it share that state; the outermost stop throws it away.
"""

from __future__ import annotations

import contextlib
import html
import threading
from types import MappingProxyType, TracebackType
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Type, TypeVar, Union, overload

from chatbot_mock import _snapshot, interception
from chatbot_mock._decorate import decorate
from chatbot_mock._world import World
from chatbot_mock.chatbot.console import ChatbotConsole
from chatbot_mock.chime.console import ChimeConsole
from chatbot_mock.consoles import CONSOLES, console_name
from chatbot_mock.core.identity import check_account_id, fallback_account, moto_account_id
from chatbot_mock.core.settings import Settings
from chatbot_mock.services import default_settings, setting_minimums
from chatbot_mock.support_app.console import SupportAppConsole, create_organization
from chatbot_mock.views import html_table

F = TypeVar("F", bound=Callable[..., Any])

_switch = threading.RLock()
_starts: List[ChatbotMock] = []


def started_mocks() -> List[ChatbotMock]:
    """Every start still in force, outermost first (a mock started twice appears twice)."""
    with _switch:
        return list(_starts)


def active_mock() -> Optional[ChatbotMock]:
    """The innermost mock that is on, or ``None``: how a test under a bare
    ``@mock_chatbot`` reaches the mock to seed it."""
    with _switch:
        return _starts[-1] if _starts else None


def _require_state() -> World:
    state = interception.active_state()
    if state is None:
        raise RuntimeError(
            "no chatbot_mock is active: start one first (with mock_chatbot(): ..., @mock_chatbot, "
            "mock.start(), or the chatbot_mock pytest fixture); see docs/getting-started.md"
        )
    return state


class ChatbotMock:
    """Intercepts botocore requests for AWS Chatbot and AWS Support App.

    :param account_id: the account calls act in when their signature does not name one.
    :param quotas: overrides of the quota settings (see ``docs/quotas.md``).
    :param fake_credentials: while active, botocore sessions hand out fake credentials in
        place of whatever they would find (explicit keys, and environment keys that name
        an account, excepted) and a default region when none is configured, so nothing
        signs with real keys. ``os.environ`` is not touched.
    """

    # Each service's console is set from chatbot_mock/consoles.py; these
    # annotations only tell type checkers and editors what the two are.
    chatbot: ChatbotConsole
    support_app: SupportAppConsole
    #: Simulated Amazon Chime rooms and webhooks (docs/chatops.md).
    chime: ChimeConsole

    def __init__(
        self,
        account_id: Optional[str] = None,
        quotas: Optional[Mapping[str, int]] = None,
        fake_credentials: bool = True,
    ) -> None:
        self._account_id = None if account_id is None else check_account_id(account_id)
        self._quotas = dict(quotas or {})
        self.fake_credentials = fake_credentials
        # Fail on a misspelt quota here, not at the first call.
        Settings(default_settings(), self._quotas, setting_minimums())
        # One console per service, named after it: mock.chatbot, mock.support_app.
        for console in CONSOLES:
            name = console_name(console.service)
            if name in vars(ChatbotMock) and name not in self.__annotations__:
                raise RuntimeError(f"service {console.service!r} names its console {name!r}, "
                                   "which the mock already uses")
            setattr(self, name, console(_require_state))
        self.chime = ChimeConsole(_require_state)

    # -- the switch ---------------------------------------------------------------------

    def start(self) -> ChatbotMock:
        """Switch the mock on. The outermost start makes a fresh, empty state; a mock
        started inside another shares its state and adds its own account and quotas."""
        with _switch:
            if not _starts:
                if self._account_id is None:
                    # A bad MOTO_ACCOUNT_ID is refused now, not at the first call it decides.
                    moto_account_id()
                state = World()
                # The account and quotas are in place before the first call can arrive.
                state.settings.push_layer(self, self._quotas)
                state.push_account(self, self._account_id, explicit=False)
                interception.activate(state, self.fake_credentials)
            else:
                state = _require_state()
                with state.lock:  # not between a quota check and the write it guards
                    state.settings.push_layer(self, self._quotas)
                state.push_account(self, self._account_id, explicit=False)
            _starts.append(self)
        return self

    def stop(self) -> None:
        """Stop this mock; harmless if it is not started."""
        with _switch:
            if self not in _starts:
                return
            state = _require_state()
            # Remove this mock's most recent start (stops normally come in LIFO order).
            del _starts[len(_starts) - 1 - _starts[::-1].index(self)]
            if _starts:
                state.pop_account(self)
                with state.lock:
                    state.settings.pop_layer(self)
                return
            # The last calls answered keep the account until the switch is off.
            interception.deactivate()
            state.pop_account(self)

    def __enter__(self) -> ChatbotMock:
        return self.start()

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.stop()

    @property
    def active(self) -> bool:
        """Whether this mock is started (and not yet stopped)."""
        return self in _starts

    @property
    def account_id(self) -> str:
        """The account a call whose signature names none acts in now: while active, the
        innermost ``as_account`` block's, else the innermost mock's ``account_id``, else
        ``MOTO_ACCOUNT_ID``, else ``123456789012``; while not active, the one this mock
        would start with. A malformed ``MOTO_ACCOUNT_ID``, where it decides, is a
        ``ValueError`` naming it."""
        if self.active:
            return fallback_account(_require_state().current_account())
        return fallback_account(self._account_id)

    @account_id.setter
    def account_id(self, account_id: Optional[str]) -> None:
        if self.active:
            raise AttributeError(
                "this mock is active: its account cannot change under calls in flight; "
                "use `with mock.as_account(account_id):` for a block of calls"
            )
        self._account_id = None if account_id is None else check_account_id(account_id)

    # -- the state ------------------------------------------------------------------------

    def reset(self) -> None:
        """Empty the active state: every resource of every account is forgotten."""
        _require_state().reset()

    def state(self) -> Dict[str, Any]:
        """A snapshot of the active state: every account of both services, the
        organizations and the quota settings, as plain JSON (``json.dumps`` takes it
        as it is). :meth:`load_state` brings it back (docs/inspecting.md)."""
        return _snapshot.take(_require_state())

    def load_state(self, snapshot: Mapping[str, Any]) -> None:
        """Replace everything the active state holds with ``snapshot`` (from
        :meth:`state`, or written by hand). Every list, describe and get then answers
        what it answered when the snapshot was taken, page tokens included. A snapshot
        that cannot be read (another format version, a missing or misspelt member)
        raises ``chatbot_mock.SnapshotError`` naming the place, and changes nothing.

        The snapshot's settings stay in force as its resources do: a mock started
        inside this one does not put back, when it stops, the settings it started with.
        """
        _snapshot.load(_require_state(), snapshot)

    @contextlib.contextmanager
    def as_account(self, account_id: str) -> Iterator[ChatbotMock]:
        """Calls inside the block act in ``account_id`` unless their signature names
        a 12-digit account. Applies to every thread while the block is open."""
        check_account_id(account_id)
        state = _require_state()
        owner = object()
        with state.lock:
            state.push_account(owner, account_id, explicit=True)
        try:
            yield self
        finally:
            with state.lock:
                state.pop_account(owner)

    @property
    def quota_settings(self) -> Dict[str, int]:
        """The quota settings in force now."""
        return _require_state().settings.as_dict()

    @property
    def quotas(self) -> Mapping[str, int]:
        """The quota overrides this mock applies when it starts (read only: see
        :meth:`set_quota`)."""
        return MappingProxyType(self._quotas)

    @quotas.setter
    def quotas(self, quotas: Mapping[str, int]) -> None:
        if self.active:
            raise AttributeError(
                "this mock is active: assigning to quotas would change nothing now; "
                "use mock.set_quota(name, value), which takes effect at once"
            )
        Settings(default_settings(), quotas, setting_minimums())
        self._quotas = dict(quotas)

    def set_quota(self, name: str, value: int) -> None:
        """Change one quota setting, checked as the constructor checks ``quotas``.

        On an active mock it takes effect at once, until this mock stops (a nested
        mock's settings end with it, as its ``quotas`` do; a mock started inside this one
        that overrides the same setting keeps its own value until it stops). On one that
        is not active, it is among the overrides its next start applies.
        """
        Settings(default_settings(), {name: value}, setting_minimums())
        with _switch:
            if not self.active:
                self._quotas[name] = value
                return
            state = _require_state()
            with state.lock:  # not between a quota check and the write it guards
                state.settings.set_in_layer(self, {name: value})

    def create_organization(self, management_account_id: str, member_account_ids: List[str]) -> None:
        """Put accounts in an AWS Organizations organization (for RegisterSlackWorkspaceForOrganization)."""
        create_organization(_require_state(), management_account_id, list(member_account_ids))

    # -- the decorator ----------------------------------------------------------------------

    def __call__(self, target: F) -> F:
        return decorate(self, target)

    def _repr_html_(self) -> str:
        """In Jupyter: one row per resource of both services, every cell escaped."""
        if not self.active:
            return f"<p>{html.escape(repr(self))}</p>"
        consoles = [getattr(self, console_name(console.service)) for console in CONSOLES]
        found = [row for console in consoles for row in console._html_rows()]
        return html_table(found, repr(self))

    def __repr__(self) -> str:
        try:
            account = repr(self.account_id)
        except ValueError:  # a malformed MOTO_ACCOUNT_ID: a repr never raises
            account = "(MOTO_ACCOUNT_ID is not an account id)"
        return f"<ChatbotMock account_id={account} active={self.active}>"


@overload
def mock_chatbot(target: F) -> F: ...


@overload
def mock_chatbot(
    target: None = None,
    *,
    account_id: Optional[str] = None,
    quotas: Optional[Mapping[str, int]] = None,
    fake_credentials: bool = True,
) -> ChatbotMock: ...


def mock_chatbot(
    target: Optional[F] = None,
    *,
    account_id: Optional[str] = None,
    quotas: Optional[Mapping[str, int]] = None,
    fake_credentials: bool = True,
) -> Union[F, ChatbotMock]:
    """Mock AWS Chatbot and AWS Support App.

    ``@mock_chatbot`` decorates a function, method or class; ``mock_chatbot(...)``
    returns a :class:`ChatbotMock` to use as a decorator, a context manager, or with
    ``start()`` / ``stop()``.
    """
    mock = ChatbotMock(account_id=account_id, quotas=quotas, fake_credentials=fake_credentials)
    if target is not None:
        return mock(target)
    return mock
