"""The Chatbot steps that happen in the console or in chat, never through the API.

They work on the backend's store, as its operations do, but take what the console or a
chat user gives (an account id, a configuration's ARN) instead of an API caller and the
request's members, so they live apart from the operations: ``ChatbotBackend`` holds
the API, ``ChatbotSteps`` what ``mock.chatbot`` seeds (chatbot/console.py).
"""

from __future__ import annotations

from typing import Optional

from chatbot_mock.chatbot.backend import ChatbotBackend
from chatbot_mock.chatbot.models import (
    DISABLED,
    ENABLED,
    ChatbotAccount,
    ConfiguredTeam,
    SlackChannel,
    SlackUserIdentity,
    SlackWorkspace,
    TeamsUserIdentity,
    account_of,
)
from chatbot_mock.core.accounts import AccountStore
from chatbot_mock.core.refusals import InvalidInput, NotAllowedNow, NotFound
from chatbot_mock.core.slack import authorize_workspace


class ChatbotSteps:
    """The console-only steps, over one backend's accounts."""

    def __init__(self, backend: ChatbotBackend) -> None:
        self._accounts: AccountStore[ChatbotAccount] = backend.accounts

    # -- Slack and Microsoft Teams authorisations ---------------------------------------------

    def authorize_slack_workspace(self, account_id: str, team_id: str, team_name: str) -> SlackWorkspace:
        """The console's OAuth authorisation; authorising again renames the workspace."""
        workspaces = self._accounts[account_id].workspaces
        return authorize_workspace(workspaces, team_id, team_name, lambda: SlackWorkspace(team_id, team_name))

    def add_slack_channel(
        self, account_id: str, team_id: str, channel_id: str, channel_name: str, private: bool
    ) -> SlackChannel:
        """What Slack tells the service about a channel; declaring it again replaces it
        (configurations keep the name they were made with, as they would in AWS)."""
        channel = SlackChannel(team_id, channel_id, channel_name, private)
        self._accounts[account_id].slack_channel_directory.put((team_id, channel_id), channel)
        return channel

    def authorize_microsoft_teams_team(
        self, account_id: str, team_id: str, team_name: str, tenant_id: str
    ) -> ConfiguredTeam:
        """The console's Microsoft Teams authorisation; authorising again updates the team."""
        account = self._accounts[account_id]
        team = account.teams.get(team_id)
        if team is None:
            team = ConfiguredTeam(team_id, team_name, tenant_id)
            account.teams.put(team_id, team)
        else:
            team.team_name = team_name
            team.tenant_id = tenant_id
        return team

    # -- user identities ----------------------------------------------------------------------

    def add_slack_user_identity(
        self,
        chat_configuration_arn: str,
        slack_team_id: str,
        slack_user_id: str,
        iam_role_arn: str,
        aws_user_identity: Optional[str] = None,
    ) -> SlackUserIdentity:
        """A Slack user picks a role in a configured channel; picking again replaces it."""
        account = self._owner(chat_configuration_arn)
        configuration = account.slack.get(chat_configuration_arn) if account else None
        if account is None or configuration is None:
            raise NotFound(f"No Slack channel configuration with ARN {chat_configuration_arn} exists")
        if configuration.team.team_id != slack_team_id:
            raise NotAllowedNow(
                f"Slack channel configuration {chat_configuration_arn} is in Slack team "
                f"{configuration.team.team_id}, not {slack_team_id}"
            )
        identity = SlackUserIdentity(configuration, slack_user_id, iam_role_arn, aws_user_identity)
        account.slack_identities.put(configuration.arn, identity.key, identity)
        return identity

    def add_microsoft_teams_user_identity(
        self,
        chat_configuration_arn: str,
        user_id: str,
        iam_role_arn: str,
        aws_user_identity: Optional[str] = None,
    ) -> TeamsUserIdentity:
        """A Microsoft Teams user picks a role in a configured channel; picking again replaces it."""
        account = self._owner(chat_configuration_arn)
        configuration = account.microsoft_teams.get(chat_configuration_arn) if account else None
        if account is None or configuration is None:
            raise NotFound(
                f"No Microsoft Teams channel configuration with ARN {chat_configuration_arn} exists"
            )
        identity = TeamsUserIdentity(configuration, user_id, iam_role_arn, aws_user_identity)
        account.teams_identities.put(configuration.arn, identity.key, identity)
        return identity

    # -- an organization's policy -------------------------------------------------------------

    def set_configuration_state(self, chat_configuration_arn: str, state: str, reason: Optional[str]) -> None:
        """An organization's chat-applications policy disables a configuration (or no
        longer does): it answers that State and StateReason until set again."""
        if state not in (ENABLED, DISABLED):
            raise InvalidInput(f"state must be {ENABLED} or {DISABLED}, not {state!r}")
        if state == ENABLED and reason is not None:
            raise InvalidInput("an ENABLED configuration has no state reason")
        if state == DISABLED and not reason:
            raise InvalidInput("a DISABLED configuration needs the reason the service gives (StateReason)")
        account = self._owner(chat_configuration_arn)
        configuration = None if account is None else account.configuration(chat_configuration_arn)
        if configuration is None:
            raise NotFound(f"No chat configuration with ARN {chat_configuration_arn} exists")
        configuration.state = state
        configuration.state_reason = reason

    def _owner(self, arn: str) -> Optional[ChatbotAccount]:
        """The state of the account an ARN names, without creating one for a stranger."""
        account_id = account_of(arn)
        return None if account_id is None else self._accounts.peek(account_id)
