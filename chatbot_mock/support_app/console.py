"""The Support App steps that happen in the AWS Support Center console, not the API."""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional

from chatbot_mock._seeding import run_seeding_step
from chatbot_mock._state import MockState
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.validation import ShapeValidator, summarize
from chatbot_mock.support_app.exceptions import ValidationException

_validator = ShapeValidator()


def _checked(shape_name: str, values: Dict[str, Optional[str]], step: Callable[..., Any]) -> Callable[..., Any]:
    """``step``, after checking the seeded values against the members the API would
    later answer them in (else a list would hand botocore a value the model forbids)."""

    def run(*args: Any) -> Any:
        shape = service_specs()["support-app"].model.shape_for(shape_name)
        problems = _validator.problems(shape, values)
        if problems:
            raise ValidationException(summarize(problems))
        return step(*args)

    return run


class SupportAppConsole:
    """``mock.support_app``: seed what only the console can create.

    ``account_id=None`` means the account API calls would use right now. A step that
    breaks a rule raises ``botocore.exceptions.ClientError`` with the service's code.
    """

    def __init__(self, state: Callable[[], MockState]) -> None:
        self._state = state

    def authorize_slack_workspace(self, team_id: str, team_name: str, account_id: Optional[str] = None) -> None:
        """The console's OAuth authorisation of a Slack workspace (counts toward the 5 per account)."""
        state = self._state()
        with state.lock:
            run_seeding_step(
                "support-app",
                "AuthorizeSlackWorkspace",
                _checked(
                    "SlackWorkspaceConfiguration",
                    {"teamId": team_id, "teamName": team_name},
                    state.support_app.authorize_slack_workspace,
                ),
                state.account_for_seeding(account_id),
                team_id,
                team_name,
            )

    def start_live_chat(self, team_id: str, channel_id: str, account_id: Optional[str] = None) -> None:
        """An AWS Support agent joins the configured channel: its configuration and
        workspace cannot be deleted until :meth:`end_live_chat`."""
        state = self._state()
        with state.lock:
            run_seeding_step(
                "support-app",
                "StartLiveChat",
                state.support_app.start_live_chat,
                state.account_for_seeding(account_id),
                team_id,
                channel_id,
            )

    def end_live_chat(self, team_id: str, channel_id: str, account_id: Optional[str] = None) -> None:
        state = self._state()
        with state.lock:
            state.support_app.end_live_chat(state.account_for_seeding(account_id), team_id, channel_id)
