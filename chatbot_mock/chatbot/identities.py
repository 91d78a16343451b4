"""User identities: the IAM role a chat user chose in a channel, by configuration.

Users create them by talking to the bot, never through the API, so the mock seeds
them; the API can only list and delete them.
"""

from __future__ import annotations

from chatbot_mock.chatbot.common import OperationGroup, listing
from chatbot_mock.core.identity import Caller
from chatbot_mock.core.refusals import NotFound


class IdentityOperations(OperationGroup):
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
