"""The Support App's rule for notification settings, which the API and a restored
snapshot both keep."""

from __future__ import annotations

from typing import Dict, Iterable

from chatbot_mock.core.refusals import InvalidInput

NOTIFY_FLAGS = (
    "notify_on_add_correspondence_to_case",
    "notify_on_create_or_reopen_case",
    "notify_on_resolve_case",
)
_NOTIFY_WIRE_NAMES = {
    "notify_on_add_correspondence_to_case": "notifyOnAddCorrespondenceToCase",
    "notify_on_create_or_reopen_case": "notifyOnCreateOrReopenCase",
    "notify_on_resolve_case": "notifyOnResolveCase",
}


def check_notification_rules(severity: str, effective: Dict[str, bool], given: Iterable[str]) -> None:
    """``high``/``all`` need one notification on; ``none`` refuses any given as on."""
    if severity in ("high", "all") and not any(effective.values()):
        raise InvalidInput(
            f"notifyOnCaseSeverity is '{severity}', so at least one of notifyOnAddCorrespondenceToCase, "
            "notifyOnCreateOrReopenCase or notifyOnResolveCase must be true"
        )
    if severity == "none":
        switched_on = [_NOTIFY_WIRE_NAMES[flag] for flag in given if effective[flag]]
        if switched_on:
            raise InvalidInput(
                f"notifyOnCaseSeverity is 'none', so {', '.join(switched_on)} must be false or omitted"
            )
