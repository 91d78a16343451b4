"""The Support App steps that happen in the AWS Support Center console, not the API."""

from __future__ import annotations

from typing import List, Optional

from chatbot_mock._seeding import ServiceConsole, WorldAccess, at_edge, run_seeding_step
from chatbot_mock.core.identity import check_account_id
from chatbot_mock.core.organizations import AccountAlreadyInOrganization
from chatbot_mock.core.refusals import Conflict
from chatbot_mock.support_app.steps import SupportAppSteps


def create_organization(
    state: WorldAccess, management_account_id: str, member_account_ids: List[str], *, client_errors: bool = True
) -> None:
    """``mock.create_organization``: accounts in one AWS Organizations organization, which
    RegisterSlackWorkspaceForOrganization needs (the only rule that reads organizations).
    A refusal raises ``ClientError``, or with ``client_errors=False`` (the server's admin
    call) the service's error."""
    for account_id in [management_account_id, *member_account_ids]:
        check_account_id(account_id, "account ids")

    def create() -> None:
        try:
            state.organizations.create(management_account_id, member_account_ids)
        except AccountAlreadyInOrganization as error:
            raise Conflict(str(error)) from None

    at_edge(
        "support-app",
        "CreateOrganization",
        lambda: run_seeding_step(state, "support-app", "CreateOrganization", create),
        client_errors=client_errors,
    )


class SupportAppConsole(ServiceConsole):
    """``mock.support_app``: seed what only the console can create.

    ``account_id=None`` means the account API calls would use right now. A step that
    breaks a rule raises ``botocore.exceptions.ClientError`` with the service's code.
    """

    service = "support-app"
    steps = SupportAppSteps
    account_kind = "SupportAppAccount"
    view_kinds = {
        "slack_workspaces": "SlackWorkspace",
        "channel_configurations": "SlackChannelConfiguration",
        "live_chats": "LiveChat",
    }

    def authorize_slack_workspace(self, team_id: str, team_name: str, account_id: Optional[str] = None) -> None:
        """The console's OAuth authorisation of a Slack workspace (counts toward the 5 per account)."""
        checks = [("SlackWorkspaceConfiguration", {"teamId": team_id, "teamName": team_name})]
        self._step_in_account("AuthorizeSlackWorkspace", account_id, team_id, team_name, checks=checks)

    def start_live_chat(self, team_id: str, channel_id: str, account_id: Optional[str] = None) -> None:
        """An AWS Support agent joins the configured channel: its configuration and
        workspace cannot be deleted until :meth:`end_live_chat`."""
        self._step_in_account("StartLiveChat", account_id, team_id, channel_id)

    def end_live_chat(self, team_id: str, channel_id: str, account_id: Optional[str] = None) -> None:
        """The live chat ends; ending one that is not active does nothing."""
        self._step_in_account("EndLiveChat", account_id, team_id, channel_id)
