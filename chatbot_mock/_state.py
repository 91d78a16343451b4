"""Everything one outermost mock holds: the backends, the settings, the lock."""

from __future__ import annotations

import functools
import threading
from typing import Any, Dict, List, Mapping, Optional, Tuple

from chatbot_mock.chime.rooms import ChimeRooms
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.validation import ShapeValidator
from chatbot_mock.services import SharedStores, declared_services, default_settings, setting_minimums
from chatbot_mock.store.collection import StampSource
from chatbot_mock.store.identity import Caller, check_account_id, fallback_account, is_account_id
from chatbot_mock.store.organizations import AccountAlreadyInOrganization, Organizations
from chatbot_mock.store.settings import Settings
from chatbot_mock.store.snapshot import FORMAT, VERSION, Fields, SnapshotError, Stamps
from chatbot_mock.store.tokens import PageTokens

_validator = ShapeValidator()


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
        self._tokens = PageTokens()
        #: Simulated Amazon Chime rooms: not an AWS API's state, so no snapshot holds them.
        previous: Optional[ChimeRooms] = getattr(self, "chime", None)
        if previous is not None:
            previous.closed = True
        self.chime = ChimeRooms(self.lock, self.settings, previous.clock if previous is not None else None)
        self.organizations, self._backends = self._empty_world(self._tokens)

    def _empty_world(self, tokens: PageTokens) -> Tuple[Organizations, Dict[str, Any]]:
        organizations = Organizations()
        shared = SharedStores(self.settings, tokens, organizations, self.chime, StampSource())
        return organizations, {service.name: service.backend(shared) for service in declared_services()}

    def reset(self) -> None:
        """Forget every resource (settings and account choices stay)."""
        with self.lock:
            self._build()

    # -- ChatOps ---------------------------------------------------------------------------

    def publish_notification(
        self, topic_arn: str, message: str, subject: Optional[str] = None, message_structure: Optional[str] = None
    ) -> List[Any]:
        """Deliver one SNS notification to AWS Chatbot's subscribed configurations."""
        with self.lock:
            return list(self._backends["chatbot"].publish(topic_arn, message, subject, message_structure))

    # -- snapshot and restore ------------------------------------------------------------

    def snapshot(self) -> Dict[str, Any]:
        """Every account's resources and the settings, as plain JSON (docs/inspecting.md)."""
        with self.lock:
            return {
                "format": FORMAT,
                "version": VERSION,
                "settings": self.settings.as_dict(),
                "organizations": [
                    {
                        "management_account_id": organization.management_account_id,
                        "member_account_ids": sorted(organization.member_account_ids),
                    }
                    for organization in self.organizations.all()
                ],
                # Page tokens are signed with it: kept, so a token issued before the
                # snapshot, and every NextToken answered after the restore, is the same.
                "page_token_key": self._tokens.key.hex(),
                "services": {name: backend.export_state() for name, backend in sorted(self._backends.items())},
            }

    def load(self, snapshot: Any) -> None:
        """Replace everything with what ``snapshot`` holds; a snapshot that cannot be read
        raises :class:`SnapshotError` and changes nothing."""
        document = Fields(dict(snapshot) if isinstance(snapshot, Mapping) else snapshot, "snapshot")
        if document.json("format") != FORMAT:
            raise SnapshotError(f"this is not a chatbot_mock state snapshot: its 'format' is not {FORMAT!r}")
        version = document.json("version")
        if type(version) is not int or version != VERSION:
            raise SnapshotError(
                f"this snapshot is in format version {version!r}; this chatbot_mock reads version {VERSION} only. "
                f"Take a new snapshot with m.state() from a mock of this version."
            )
        settings = self._settings_of(document.object("settings"))
        try:
            key = bytes.fromhex(document.optional_text("page_token_key") or "") or None
        except ValueError:
            raise SnapshotError("snapshot.page_token_key must be hexadecimal") from None
        with self.lock:
            tokens = PageTokens(key)
            organizations, backends = self._empty_world(tokens)
            for item in document.objects("organizations"):
                management, members = item.text("management_account_id"), item.texts("member_account_ids")
                for account_id in (management, *members):
                    if not is_account_id(account_id):
                        raise SnapshotError(f"{item.where}: {account_id!r} is not an account id (12 digits)")
                try:
                    organizations.create(management, members)
                except AccountAlreadyInOrganization as error:
                    raise SnapshotError(f"{item.where}: {error}") from None
                item.finish()
            stamps = Stamps()
            services = document.object("services")
            for name, backend in backends.items():
                backend.restore_state(services.object(name), stamps)
            services.finish()
            document.finish()
            stamps.put_all()
            for name, backend in backends.items():
                backend.check_restored(f"snapshot.services.{name}", functools.partial(_model_problems, name))
            # Every check passed: the new world replaces the old one.
            self.settings.update(settings)
            self._tokens, self.organizations, self._backends = tokens, organizations, backends

    @staticmethod
    def _settings_of(fields: Fields) -> Dict[str, int]:
        """Every setting: as the snapshot gives it, else its default (not whatever the
        state held before, so one snapshot always makes the same world)."""
        values = {name: fields.number(name) for name in default_settings()}
        fields.finish()
        given = {name: value for name, value in values.items() if value is not None}
        try:
            return Settings(default_settings(), given, setting_minimums()).as_dict()
        except ValueError as error:
            raise SnapshotError(f"snapshot.settings: {error}") from None

    # -- what the dispatcher needs ------------------------------------------------------

    def backend(self, service: str) -> Any:
        """The backend of ``service`` (botocore's name: ``chatbot``, ``support-app``)."""
        return self._backends[service]

    def call(self, service: str, method_name: str, caller: Caller, arguments: Dict[str, Any]) -> Any:
        with self.lock:
            return getattr(self._backends[service], method_name)(caller, **arguments)

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


def _model_problems(service: str, shape_name: str, wire: Dict[str, Any], partial: bool = False) -> List[str]:
    """What in a restored record's answer breaks its shape in the service's model
    (``partial``: only the members given, for a record no answer shows whole)."""
    shape = service_specs()[service].model.shape_for(shape_name)
    given = {name: value for name, value in wire.items() if value is not None}
    if not partial:
        return _validator.problems(shape, given)
    members = shape.members
    return [problem for name, value in given.items() for problem in _validator.problems(members[name], value, name)]
