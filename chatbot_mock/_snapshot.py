"""A state snapshot: every account's resources, the organizations and the settings as
plain JSON, and back (docs/inspecting.md describes the format).

It sits above both the state and the protocol layer: a restored record is checked against
the service's model, so that nothing a snapshot brings back answers a value botocore
would refuse to parse.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Mapping

from chatbot_mock._world import World
from chatbot_mock.core.identity import is_account_id
from chatbot_mock.core.organizations import AccountAlreadyInOrganization
from chatbot_mock.core.settings import Settings
from chatbot_mock.core.snapshot import FORMAT, VERSION, Fields, SnapshotError, Stamps
from chatbot_mock.core.tokens import PageTokens
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.validation import ShapeValidator
from chatbot_mock.services import default_settings, setting_minimums

_validator = ShapeValidator()


def take(state: World) -> Dict[str, Any]:
    """Every account's resources and the settings, as plain JSON."""
    with state.lock:
        return {
            "format": FORMAT,
            "version": VERSION,
            "settings": state.settings.as_dict(),
            "organizations": [
                {
                    "management_account_id": organization.management_account_id,
                    "member_account_ids": sorted(organization.member_account_ids),
                }
                for organization in state.organizations.all()
            ],
            # Page tokens are signed with it: kept, so a token issued before the
            # snapshot, and every NextToken answered after the restore, is the same.
            "page_token_key": state.page_tokens.key.hex(),
            "services": {name: backend.export_state() for name, backend in sorted(state.backends().items())},
        }


def load(state: World, snapshot: Any) -> None:
    """Replace everything ``state`` holds with what ``snapshot`` holds; a snapshot that
    cannot be read raises :class:`SnapshotError` and changes nothing."""
    document = Fields(dict(snapshot) if isinstance(snapshot, Mapping) else snapshot, "snapshot")
    if document.json("format") != FORMAT:
        raise SnapshotError(f"this is not a chatbot_mock state snapshot: its 'format' is not {FORMAT!r}")
    version = document.json("version")
    if type(version) is not int or version != VERSION:
        raise SnapshotError(
            f"this snapshot is in format version {version!r}; this chatbot_mock reads version {VERSION} only. "
            f"Take a new snapshot with m.state() from a mock of this version."
        )
    settings = _settings_of(document.object("settings"))
    try:
        key = bytes.fromhex(document.optional_text("page_token_key") or "") or None
    except ValueError:
        raise SnapshotError("snapshot.page_token_key must be hexadecimal") from None
    with state.lock:
        tokens = PageTokens(key)
        organizations, backends = state.empty_world(tokens)
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
        state.settings.replace_all(settings)
        state.replace_world(tokens, organizations, backends)


def _settings_of(fields: Fields) -> Dict[str, int]:
    """Every setting: as the snapshot gives it, else its default (not whatever the state
    held before, so one snapshot always makes the same world)."""
    values = {name: fields.number(name) for name in default_settings()}
    fields.finish()
    given = {name: value for name, value in values.items() if value is not None}
    try:
        return Settings(default_settings(), given, setting_minimums()).as_dict()
    except ValueError as error:
        raise SnapshotError(f"snapshot.settings: {error}") from None


def _model_problems(service: str, shape_name: str, wire: Dict[str, Any], partial: bool = False) -> List[str]:
    """What in a restored record's answer breaks its shape in the service's model
    (``partial``: only the members given, for a record no answer shows whole)."""
    shape = service_specs()[service].model.shape_for(shape_name)
    given = {name: value for name, value in wire.items() if value is not None}
    if not partial:
        return _validator.problems(shape, given)
    members = shape.members
    return [problem for name, value in given.items() for problem in _validator.problems(members[name], value, name)]
