"""The Support App steps that happen in the AWS Support Center console, never through the API.

They work on the backend's store, as its operations do, but take an account id instead
of an API caller and the request's members, so they live apart from the operations:
``SupportAppBackend`` holds the API, ``SupportAppSteps`` what ``mock.support_app`` seeds.
"""

from __future__ import annotations

from chatbot_mock.core.refusals import NotFound
from chatbot_mock.core.slack import authorize_workspace
from chatbot_mock.support_app.backend import SupportAppBackend, check_workspace_quota
from chatbot_mock.support_app.models import SlackWorkspace


class SupportAppSteps:
    """The console-only steps, over one backend's accounts and settings."""

    def __init__(self, backend: SupportAppBackend) -> None:
        self._accounts = backend.accounts
        self._settings = backend.settings

    def authorize_slack_workspace(self, account_id: str, team_id: str, team_name: str) -> SlackWorkspace:
        """The console's OAuth authorisation of a workspace; counts toward the account's 5."""
        account = self._accounts[account_id]

        def new() -> SlackWorkspace:
            check_workspace_quota(self._settings, account)
            return SlackWorkspace(team_id, team_name)

        return authorize_workspace(account.workspaces, team_id, team_name, new)

    def start_live_chat(self, account_id: str, team_id: str, channel_id: str) -> None:
        account = self._accounts[account_id]
        if (team_id, channel_id) not in account.channels:
            raise NotFound(
                f"No Slack channel configuration for channel {channel_id} in workspace {team_id} "
                f"in account {account_id}: configure the channel before starting a live chat in it"
            )
        account.live_chats.add((team_id, channel_id))

    def end_live_chat(self, account_id: str, team_id: str, channel_id: str) -> None:
        self._accounts[account_id].live_chats.discard((team_id, channel_id))
