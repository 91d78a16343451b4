"""The Chatbot steps that happen in the AWS Chatbot console or in chat, not the API."""

from __future__ import annotations

from typing import Optional, Tuple

from chatbot_mock._seeding import ServiceConsole
from chatbot_mock.chatbot.deliveries import Delivery
from chatbot_mock.chatbot.steps import ChatbotSteps


class ChatbotConsole(ServiceConsole):
    """``mock.chatbot``: seed what only the Chatbot console (or a chat user) can create.

    ``account_id=None`` means the account API calls would use right now. A step that
    breaks a rule raises ``botocore.exceptions.ClientError`` with the service's code.
    Seeded values are checked against the members the API later answers them in.
    """

    service = "chatbot"
    steps = ChatbotSteps
    #: Seeded values that break the model answer the code Chatbot uses for bad parameters.
    validation_error = "InvalidParameterException"
    account_kind = "ChatbotAccount"
    view_kinds = {
        "slack_workspaces": "SlackWorkspace",
        "teams": "MicrosoftTeamsTeam",
        "slack_channels": "SlackChannel",
        "slack_configurations": "SlackChannelConfiguration",
        "teams_configurations": "TeamsChannelConfiguration",
        "chime_configurations": "ChimeWebhookConfiguration",
        "slack_user_identities": "SlackUserIdentity",
        "teams_user_identities": "TeamsUserIdentity",
        "custom_actions": "CustomAction",
        "client_tokens": "ClientTokenUse",
        "associations": "Association",
    }

    def authorize_slack_workspace(self, team_id: str, team_name: str, account_id: Optional[str] = None) -> None:
        """The console's OAuth authorisation of a Slack workspace. Authorising it again
        renames it (configurations show the new SlackTeamName)."""
        checks = [("SlackWorkspace", {"SlackTeamId": team_id, "SlackTeamName": team_name})]
        self._step_in_account("AuthorizeSlackWorkspace", account_id, team_id, team_name, checks=checks)

    def add_slack_channel(
        self,
        team_id: str,
        channel_id: str,
        channel_name: str,
        private: bool = False,
        account_id: Optional[str] = None,
    ) -> None:
        """Declare a Slack channel as Slack would describe it to AWS Chatbot.

        A configuration created for the channel without a ``SlackChannelName`` answers
        this name when the channel is public, and no ``SlackChannelName`` when it is
        private (Slack does not name a private channel the app was not invited to) or
        was never declared. Declaring it again replaces what Slack says.
        """
        if not isinstance(private, bool):
            raise TypeError(f"private must be True or False, not {private!r}")
        values = {"SlackTeamId": team_id, "SlackChannelId": channel_id, "SlackChannelName": channel_name}
        checks = [("SlackChannelConfiguration", values)]
        self._step_in_account(
            "AddSlackChannel", account_id, team_id, channel_id, channel_name, private, checks=checks
        )

    def authorize_teams_team(
        self, team_id: str, team_name: str, tenant_id: str, account_id: Optional[str] = None
    ) -> None:
        """The console's Microsoft Teams authorisation of a team in a tenant."""
        # ConfiguredTeam's model gives TeamName a UUID pattern; the name is checked the
        # way channel configurations answer it instead (docs/chatbot.md).
        values = {"TeamId": team_id, "TenantId": tenant_id, "TeamName": team_name}
        checks = [("TeamsChannelConfiguration", values)]
        self._step_in_account("AuthorizeMicrosoftTeamsTeam", account_id, team_id, team_name, tenant_id, checks=checks)

    def add_slack_user_identity(
        self,
        chat_configuration_arn: str,
        slack_team_id: str,
        slack_user_id: str,
        iam_role_arn: str,
        aws_user_identity: Optional[str] = None,
    ) -> None:
        """A Slack user chooses an IAM role in a configured channel (in the account
        the configuration ARN names). Choosing again replaces the identity."""
        values = {
            "SlackTeamId": slack_team_id,
            "SlackUserId": slack_user_id,
            "IamRoleArn": iam_role_arn,
            "AwsUserIdentity": aws_user_identity,
        }
        self._step(
            "AddSlackUserIdentity",
            chat_configuration_arn,
            slack_team_id,
            slack_user_id,
            iam_role_arn,
            aws_user_identity,
            checks=[("SlackUserIdentity", values)],
        )

    def add_teams_user_identity(
        self,
        chat_configuration_arn: str,
        user_id: str,
        iam_role_arn: str,
        aws_user_identity: Optional[str] = None,
    ) -> None:
        """A Microsoft Teams user chooses an IAM role in a configured channel (in the
        account the configuration ARN names). Choosing again replaces the identity."""
        values = {"UserId": user_id, "IamRoleArn": iam_role_arn, "AwsUserIdentity": aws_user_identity}
        self._step(
            "AddMicrosoftTeamsUserIdentity",
            chat_configuration_arn,
            user_id,
            iam_role_arn,
            aws_user_identity,
            checks=[("TeamsUserIdentity", values)],
        )

    def publish(self, topic_arn: str, message: str, subject: Optional[str] = None) -> Tuple[Delivery, ...]:
        """Deliver one SNS notification as AWS Chatbot would: to every configuration, in
        any account, whose SnsTopicArns holds ``topic_arn``. Answers this publish's
        deliveries (``deliveries`` keeps them all); a format AWS Chatbot does not deliver,
        or a DISABLED configuration, gives a delivery with ``delivered=False`` and the reason."""
        for name, value in (("topic_arn", topic_arn), ("message", message)):
            if not isinstance(value, str):
                raise TypeError(f"{name} must be a string, not {type(value).__name__}")
        if subject is not None and not isinstance(subject, str):
            raise TypeError(f"subject must be a string or None, not {type(subject).__name__}")
        state = self._state()
        with state.lock:
            return tuple(state.backend(self.service).publish(topic_arn, message, subject, None))

    @property
    def deliveries(self) -> Tuple[Delivery, ...]:
        """Every delivery so far, in order: from ``publish`` and from SNS publishes made
        through botocore while the mock is on."""
        state = self._state()
        with state.lock:
            return state.backend(self.service).deliveries

    def set_configuration_state(self, chat_configuration_arn: str, state: str, reason: Optional[str] = None) -> None:
        """An organization's chat-applications policy disables a configuration
        (``"DISABLED"``, with the reason the service gives) or allows it again
        (``"ENABLED"``), in the account the ARN names. Describe, list and get then answer
        that ``State`` and ``StateReason``."""
        self._step(
            "SetConfigurationState",
            chat_configuration_arn,
            state,
            reason,
            checks=[("SlackChannelConfiguration", {"State": state, "StateReason": reason})],
        )
