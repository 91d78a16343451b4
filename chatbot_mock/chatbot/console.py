"""The Chatbot steps that happen in the AWS Chatbot console or in chat, not the API."""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional

from chatbot_mock._seeding import run_seeding_step
from chatbot_mock._state import MockState
from chatbot_mock.chatbot.exceptions import InvalidParameterException
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.validation import ShapeValidator, summarize

_validator = ShapeValidator()


def _check_values(shape_name: str, values: Dict[str, Optional[str]]) -> None:
    """Seeded values must fit the members the API would later answer them in, or a
    describe would hand botocore a value the model forbids.

    Each value is checked against its member alone, so the answer's other required
    members need not be made up here.
    """
    shape = service_specs()["chatbot"].model.shape_for(shape_name)
    problems = []
    for member, value in values.items():
        if value is not None:
            problems.extend(_validator.problems(shape.members[member], value, member))  # type: ignore[attr-defined]
    if problems:
        raise InvalidParameterException(summarize(problems))


def _seed(
    operation: str, shape_name: str, values: Dict[str, Optional[str]], step: Callable[..., Any], *args: Any
) -> None:
    """Check the seeded values, then take the step; a refusal of either is a ClientError."""

    def checked() -> None:
        _check_values(shape_name, values)
        step(*args)

    run_seeding_step("chatbot", operation, checked)


class ChatbotConsole:
    """``mock.chatbot``: seed what only the Chatbot console (or a chat user) can create.

    ``account_id=None`` means the account API calls would use right now. A step that
    breaks a rule raises ``botocore.exceptions.ClientError`` with the service's code.
    """

    def __init__(self, state: Callable[[], MockState]) -> None:
        self._state = state

    def authorize_slack_workspace(self, team_id: str, team_name: str, account_id: Optional[str] = None) -> None:
        """The console's OAuth authorisation of a Slack workspace. Authorising it again
        renames it (configurations show the new SlackTeamName)."""
        state = self._state()
        with state.lock:
            _seed(
                "AuthorizeSlackWorkspace",
                "SlackWorkspace",
                {"SlackTeamId": team_id, "SlackTeamName": team_name},
                state.chatbot.authorize_slack_workspace,
                state.account_for_seeding(account_id),
                team_id,
                team_name,
            )

    def authorize_teams_team(
        self, team_id: str, team_name: str, tenant_id: str, account_id: Optional[str] = None
    ) -> None:
        """The console's Microsoft Teams authorisation of a team in a tenant."""
        state = self._state()
        with state.lock:
            # ConfiguredTeam's model gives TeamName a UUID pattern; the name is checked
            # the way channel configurations answer it instead (docs/chatbot.md).
            _seed(
                "AuthorizeMicrosoftTeamsTeam",
                "TeamsChannelConfiguration",
                {"TeamId": team_id, "TenantId": tenant_id, "TeamName": team_name},
                state.chatbot.authorize_teams_team,
                state.account_for_seeding(account_id),
                team_id,
                team_name,
                tenant_id,
            )

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
        state = self._state()
        with state.lock:
            _seed(
                "AddSlackUserIdentity",
                "SlackUserIdentity",
                {
                    "SlackTeamId": slack_team_id,
                    "SlackUserId": slack_user_id,
                    "IamRoleArn": iam_role_arn,
                    "AwsUserIdentity": aws_user_identity,
                },
                state.chatbot.add_slack_user_identity,
                chat_configuration_arn,
                slack_team_id,
                slack_user_id,
                iam_role_arn,
                aws_user_identity,
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
        state = self._state()
        with state.lock:
            _seed(
                "AddMicrosoftTeamsUserIdentity",
                "TeamsUserIdentity",
                {"UserId": user_id, "IamRoleArn": iam_role_arn, "AwsUserIdentity": aws_user_identity},
                state.chatbot.add_teams_user_identity,
                chat_configuration_arn,
                user_id,
                iam_role_arn,
                aws_user_identity,
            )
