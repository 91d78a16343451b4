"""Shared plumbing for the console-only steps the mock offers as a seeding API.

A seeding step runs under the state's lock like an API call, checks its values against
the members the API will later answer them in (else a list or describe would hand botocore
a value the model forbids), and answers a refusal with the service's error, made by the
one function the dispatcher uses too (``protocol/refusals.py``). Only the consoles'
methods, the Python edge a user calls, turn that error into the ``ClientError`` a boto3
user would catch; the server's admin calls answer it over HTTP instead.
"""

from __future__ import annotations

import functools
import html
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    ContextManager,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    TypeVar,
)

from botocore import xform_name
from botocore.exceptions import ClientError

from chatbot_mock.core.refusals import InvalidInput, Refusal
from chatbot_mock.protocol.errors import ServiceError
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.refusals import service_error
from chatbot_mock.protocol.validation import ShapeValidator, summarize
from chatbot_mock.views import Quota, View, account_view, html_table, rows

if TYPE_CHECKING:
    from chatbot_mock.chime.rooms import ChimeRooms
    from chatbot_mock.core.organizations import Organizations
    from chatbot_mock.core.settings import Settings

T = TypeVar("T")

#: (output shape name, {member name: seeded value}); ``None`` is refused only where the
#: shape requires the member.
ValueCheck = Tuple[str, Mapping[str, Optional[str]]]

_validator = ShapeValidator()


class WorldAccess(Protocol):
    """What the consoles need of the active mock's state (a ``World``). A protocol,
    not an import of ``_world``: the consoles sit beside the state, not on top of it."""

    @property
    def lock(self) -> ContextManager[Any]: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def organizations(self) -> Organizations: ...

    @property
    def chime(self) -> ChimeRooms: ...

    def backend(self, service: str) -> Any: ...

    def account_for_seeding(self, account_id: Optional[str]) -> str: ...


def at_edge(service: str, operation_name: str, call: Callable[[], T], *, client_errors: bool = True) -> T:
    """``call()``; with ``client_errors``, its service error raised as the ``ClientError``
    boto3 would raise (the Python edge), else as it is (the server's admin calls)."""
    if not client_errors:
        return call()
    try:
        return call()
    except ServiceError as error:
        raise client_error(service, operation_name, error) from None


def client_error(service: str, operation_name: str, error: ServiceError) -> ClientError:
    """The ``ClientError`` a boto3 user would catch for the same refusal."""
    status = service_specs()[service].status_for(error)
    return ClientError(
        {"Error": {"Code": error.code, "Message": error.message}, "ResponseMetadata": {"HTTPStatusCode": status}},
        operation_name,
    )


@functools.cache
def _shape(service: str, shape_name: str) -> Any:
    # Looked up once: botocore builds a new Shape on every shape_for, and the validator
    # keeps what it reads of a shape for as long as the shape lives.
    return service_specs()[service].model.shape_for(shape_name)


def _check_values(service: str, check: ValueCheck) -> None:
    shape_name, values = check
    shape = _shape(service, shape_name)
    # Member by member: the answer's other required members are the API's to fill in.
    problems: List[str] = []
    for member, value in values.items():
        if value is not None:
            problems.extend(_validator.problems(shape.members[member], value, member))
        elif member in shape.required_members:
            problems.append(f"Value null at '{member}' failed to satisfy constraint: Member must not be null")
    if problems:
        # Bad input, refused as a backend refuses it: the step answers its validation code.
        raise InvalidInput(summarize(problems))


def run_seeding_step(
    state: WorldAccess,
    service: str,
    operation_name: str,
    step: Callable[..., T],
    *args: Any,
    checks: Sequence[ValueCheck] = (),
    validation_error: str = "ValidationException",
) -> T:
    """Check ``checks``, then run ``step(*args)`` under the state's lock. A refusal raises
    the service's :class:`ServiceError`: bad seeded values ``validation_error``, a refusal
    of the step what the service answers everywhere (no model describes a console step)."""
    with state.lock:
        try:
            for check in checks:
                _check_values(service, check)
            return step(*args)
        except Refusal as refused:
            spec = service_specs()[service]
            codes = spec.console_step_codes(validation_error)
            raise service_error(spec, codes, refused, f"seeding step {operation_name}") from None


class ServiceConsole:
    """A service's console (``mock.chatbot``, ``mock.support_app``): the steps that happen
    in the AWS console or in chat, never through the API, offered for seeding.

    Each step is a method of the service's steps class (``chatbot/steps.py``,
    ``support_app/steps.py``) over the backend's store, run by :func:`run_seeding_step`
    under this service's name and with its code for bad seeded values. A refused step
    raises ``ClientError``, as boto3 would, unless the console serves the server's admin
    calls (``client_errors=False``), which answer the service's error over HTTP.
    """

    #: botocore's name of the service whose backend the steps run on.
    service: ClassVar[str]
    #: The service's console steps over a backend of the state (one is made per step).
    steps: ClassVar[type]
    #: The code a seeded value the model forbids answers.
    validation_error: ClassVar[str] = "ValidationException"
    #: What an account's view is called, and the record kind of each of its lists.
    account_kind: ClassVar[str]
    view_kinds: ClassVar[Mapping[str, str]]

    def __init__(self, state: Callable[[], WorldAccess], *, client_errors: bool = True) -> None:
        self._state = state
        self._client_errors = client_errors

    def __repr__(self) -> str:
        state = self._state_if_active()
        if state is None:
            return f"<{type(self).__name__}: no mock is active>"
        counts = dict(state.backend(self.service).summary())
        accounts = counts.pop("accounts")
        if not accounts:
            return f"<{type(self).__name__}: empty>"
        held = ", ".join(f"{kind}: {count}" for kind, count in counts.items() if count)
        return f"<{type(self).__name__}: {accounts} account(s) holding {held}>"

    # -- looking without boto3 ----------------------------------------------------------------

    def account(self, account_id: Optional[str] = None) -> View:
        """A read-only view of one account of this service (``None``: the account an API
        call would use now): every resource as a record with attribute access, and
        ``quotas``, each per-account quota setting with what the account uses of it."""
        state = self._state()
        account_id = state.account_for_seeding(account_id)
        with state.lock:
            return self._view(state, account_id, state.backend(self.service).export_account(account_id))

    @property
    def accounts(self) -> Mapping[str, View]:
        """A view of every account that holds anything, by account id."""
        state = self._state()
        with state.lock:
            held = state.backend(self.service).export_state()["accounts"]
            views = {account_id: self._view(state, account_id, data) for account_id, data in held.items()}
        return MappingProxyType(views)

    def _view(self, state: WorldAccess, account_id: str, exported: Mapping[str, Any]) -> View:
        """An account's export as a view, with its quota use (under the state's lock)."""
        use = state.backend(self.service).quota_use(account_id)
        quotas = tuple(Quota(name, used, state.settings[name]) for name, used in use.items())
        return account_view(self.account_kind, account_id, exported, self.view_kinds, quotas)

    def _html_rows(self) -> List[Tuple[str, str, str, str]]:
        return list(rows(self.accounts, self.service))

    def _repr_html_(self) -> str:
        if self._state_if_active() is None:
            return f"<p>{html.escape(type(self).__name__)}: no mock is active</p>"
        return html_table(self._html_rows(), f"{self.service}: one row per resource")

    def _state_if_active(self) -> Optional[WorldAccess]:
        try:
            return self._state()
        except RuntimeError:  # no mock is active
            return None

    def _step(self, operation_name: str, *args: Any, checks: Sequence[ValueCheck] = ()) -> Any:
        """Run the step named after ``operation_name`` (``xform_name``) with ``args``."""
        state = self._state()
        steps = type(self).steps
        method_name = xform_name(operation_name)

        def step(*given: Any) -> Any:
            # Under the state's lock: a reset or a restore replaces the backends.
            return getattr(steps(state.backend(self.service)), method_name)(*given)

        return at_edge(
            self.service,
            operation_name,
            lambda: run_seeding_step(
                state, self.service, operation_name, step, *args, checks=checks, validation_error=self.validation_error
            ),
            client_errors=self._client_errors,
        )

    def _step_in_account(
        self, operation_name: str, account_id: Optional[str], *args: Any, checks: Sequence[ValueCheck] = ()
    ) -> Any:
        """A step in ``account_id``; ``None`` is the account API calls would use now."""
        return self._step(operation_name, self._state().account_for_seeding(account_id), *args, checks=checks)
