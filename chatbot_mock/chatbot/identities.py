"""User identities: the IAM role a chat user chose in a channel, by configuration.

Users create them by talking to the bot, never through the API, so the mock seeds
them; the API can only list and delete them.
"""

from __future__ import annotations

from typing import Optional

from chatbot_mock.chatbot.common import ChatbotBackendBase, listing
from chatbot_mock.chatbot.models import (
    ChatbotAccount,
    SlackUserIdentity,
    TeamsUserIdentity,
    account_of,
)
from chatbot_mock.store.errors import NotAllowedNow, NotFound
from chatbot_mock.store.identity import Caller


class IdentityOperations(ChatbotBackendBase):
    # -- console-only steps (seeding) -------------------------------------------------------

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

    def _owner(self, arn: str) -> Optional[ChatbotAccount]:
        """The state of the account an ARN names, without creating one for a stranger."""
        account_id = account_of(arn)
        return None if account_id is None else self._accounts.peek(account_id)

    # -- Slack ------------------------------------------------------------------------------------

    describe_slack_user_identities = listing(
        "DescribeSlackUserIdentities",
        "SlackUserIdentities",
        lambda account, arn: account.slack_identities.of_group(arn),
        filtered_by="chat_configuration_arn",
    )

    def delete_slack_user_identity(
        self, caller: Caller, chat_configuration_arn: str, slack_team_id: str, slack_user_id: str
    ) -> None:
        identities = self._account(caller).slack_identities
        key = (chat_configuration_arn, slack_team_id, slack_user_id)
        if key not in identities:
            raise NotFound(
                f"No Slack user identity for user {slack_user_id} in Slack team {slack_team_id} exists in "
                f"chat configuration {chat_configuration_arn}"
            )
        identities.pop(key)

    # -- Microsoft Teams ---------------------------------------------------------------------------

    list_microsoft_teams_user_identities = listing(
        "ListMicrosoftTeamsUserIdentities",
        "TeamsUserIdentities",
        lambda account, arn: account.teams_identities.of_group(arn),
        filtered_by="chat_configuration_arn",
    )

    def delete_microsoft_teams_user_identity(self, caller: Caller, chat_configuration_arn: str, user_id: str) -> None:
        identities = self._account(caller).teams_identities
        key = (chat_configuration_arn, user_id)
        if key not in identities:
            raise NotFound(
                f"No Microsoft Teams user identity for user {user_id} exists in chat configuration "
                f"{chat_configuration_arn}"
            )
        identities.pop(key)
