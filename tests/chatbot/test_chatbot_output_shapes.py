"""Every successful answer of every one of the 34 operations fits its output shape.

(Every client in this suite checks that on each answer; this tour makes sure each
operation is answered at least once, with lists that hold items and a NextToken, in
the commercial partition and in the others.)
"""

from __future__ import annotations

from typing import Any, Dict, List

import botocore.session
import pytest
from chatbot_helpers import (
    KNOWN_MODEL_DEFECTS,
    OTHER_SLACK_CHANNEL_ID,
    OTHER_TEAMS_CHANNEL_ID,
    ROLE_ARN,
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    SLACK_USER_ID,
    TEAMS_TEAM_ID,
    TEAMS_TEAM_NAME,
    TEAMS_TENANT_ID,
    TEAMS_USER_ID,
    TOPIC_ARN,
    create_slack,
    create_teams,
    new_client,
    tags,
    uuid_for,
)

from chatbot_mock.protocol.validation import ShapeValidator

ALL_OPERATIONS = set(botocore.session.get_session().get_service_model("chatbot").operation_names)
AWS_USER = "arn:aws:iam::123456789012:user/alice"
ATTACHMENTS = [
    {
        "NotificationType": "CloudWatch",
        "ButtonText": "Logs",
        "Criteria": [{"Operator": "HAS_VALUE", "VariableName": "alarm"}],
        "Variables": {"alarm": "event.detail.alarmName"},
    }
]


class Recorder:
    """Every successful answer's raw shape problems, by operation."""

    def __init__(self) -> None:
        self.problems: Dict[str, List[str]] = {}
        self._validator = ShapeValidator()

    def __call__(self, http_response: Any, parsed: Dict[str, Any], model: Any, **_: Any) -> None:
        if http_response.status_code >= 300:
            return
        assert parsed["ResponseMetadata"]["RequestId"], model.name
        body = {key: value for key, value in parsed.items() if key != "ResponseMetadata"}
        found = self._validator.problems(model.output_shape, body) if model.output_shape is not None else []
        self.problems.setdefault(model.name, []).extend(found)


def tour(mock: Any, client: Any) -> None:
    """Call every operation successfully, with well-filled answers."""
    mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)
    mock.chatbot.authorize_slack_workspace("T0SECOND", "second")
    mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, TEAMS_TEAM_NAME, TEAMS_TENANT_ID)
    mock.chatbot.authorize_teams_team(uuid_for(2), "Spare", TEAMS_TENANT_ID)
    # Slack names public channels, so configurations made without a name show one.
    mock.chatbot.add_slack_channel(SLACK_TEAM_ID, OTHER_SLACK_CHANNEL_ID, "deployments")
    mock.chatbot.add_slack_channel(SLACK_TEAM_ID, "C0MOVED", "moved-here")
    full = {"SnsTopicArns": [TOPIC_ARN], "LoggingLevel": "INFO", "Tags": tags(team="ops")}

    slack = create_slack(client, SlackChannelName="ops", UserAuthorizationRequired=True, **full)
    create_slack(client, name="slack-2", channel_id=OTHER_SLACK_CHANNEL_ID)
    teams = create_teams(client, ChannelName="ops", TeamName="Ops", **full)
    create_teams(client, name="teams-2", channel_id=OTHER_TEAMS_CHANNEL_ID)
    chime = client.create_chime_webhook_configuration(
        ConfigurationName="chime",
        WebhookUrl="https://hooks.chime.aws/incomingwebhooks/abc-123?token=tok-456",
        WebhookDescription="room/hook",
        IamRoleArn=ROLE_ARN,
        **full,
    )["WebhookConfiguration"]
    client.create_chime_webhook_configuration(
        ConfigurationName="chime-2",
        WebhookUrl="https://hooks.chime.aws/incomingwebhooks/def-123?token=tok-789",
        WebhookDescription="room/hook2",
        SnsTopicArns=[],
        IamRoleArn=ROLE_ARN,
    )
    slack_arn, teams_arn, chime_arn = (c["ChatConfigurationArn"] for c in (slack, teams, chime))
    mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN, AWS_USER)
    mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, "U0SECOND", ROLE_ARN)
    mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN, AWS_USER)
    mock.chatbot.add_teams_user_identity(teams_arn, uuid_for(3), ROLE_ARN)

    action = client.create_custom_action(
        ActionName="logs",
        AliasName="logs",
        Definition={"CommandText": "logs tail $alarm"},
        Attachments=ATTACHMENTS,
        Tags=tags(team="ops"),
        ClientToken="client-token-0123456789abcdef0123456789",
    )["CustomActionArn"]
    other_action = client.create_custom_action(
        ActionName="whoami", Definition={"CommandText": "sts get-caller-identity"}
    )["CustomActionArn"]
    for arn in (action, other_action):
        client.associate_to_configuration(Resource=arn, ChatConfiguration=slack_arn)

    page = {"MaxResults": 1}
    client.describe_slack_workspaces(**page)
    client.list_microsoft_teams_configured_teams(**page)
    client.describe_slack_channel_configurations(**page)
    client.list_microsoft_teams_channel_configurations(**page)
    client.describe_chime_webhook_configurations(**page)
    client.describe_slack_user_identities(**page)
    client.list_microsoft_teams_user_identities(**page)
    client.list_custom_actions(**page)
    client.list_associations(ChatConfiguration=slack_arn, **page)
    client.get_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)
    client.get_custom_action(CustomActionArn=action)
    client.get_account_preferences()

    client.update_account_preferences(UserAuthorizationRequired=True)
    client.update_slack_channel_configuration(
        ChatConfigurationArn=slack_arn, SlackChannelId="C0MOVED", LoggingLevel="ERROR"
    )
    client.update_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn, ChannelId=teams["ChannelId"])
    client.update_chime_webhook_configuration(ChatConfigurationArn=chime_arn, WebhookDescription="room/renamed")
    client.update_custom_action(CustomActionArn=action, Definition={"CommandText": "logs tail"})
    client.tag_resource(ResourceARN=chime_arn, Tags=tags(room="ops"))
    client.list_tags_for_resource(ResourceARN=chime_arn)
    client.untag_resource(ResourceARN=chime_arn, TagKeys=["room"])

    client.disassociate_from_configuration(Resource=other_action, ChatConfiguration=slack_arn)
    client.delete_slack_user_identity(
        ChatConfigurationArn=slack_arn, SlackTeamId=SLACK_TEAM_ID, SlackUserId=SLACK_USER_ID
    )
    client.delete_microsoft_teams_user_identity(ChatConfigurationArn=teams_arn, UserId=TEAMS_USER_ID)
    client.delete_custom_action(CustomActionArn=action)
    client.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)
    client.delete_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)
    client.delete_chime_webhook_configuration(ChatConfigurationArn=chime_arn)
    client.delete_slack_workspace_authorization(SlackTeamId="T0SECOND")
    client.delete_microsoft_teams_configured_team(TeamId=uuid_for(2))


@pytest.mark.parametrize("region", ["us-east-1", "cn-north-1", "us-gov-west-1"])
def test_every_operation_answers_inside_its_output_shape(chatbot_mock, region):
    client = new_client(region=region)
    recorder = Recorder()
    client.meta.events.register("after-call.chatbot", recorder)

    tour(chatbot_mock, client)

    assert set(recorder.problems) == ALL_OPERATIONS
    unexpected = {
        name: [problem for problem in problems if not KNOWN_MODEL_DEFECTS.search(problem)]
        for name, problems in recorder.problems.items()
    }
    assert {name: problems for name, problems in unexpected.items() if problems} == {}


def test_the_only_known_model_defect_is_the_configured_team_name(chatbot_mock):
    client = new_client()
    recorder = Recorder()
    client.meta.events.register("after-call.chatbot", recorder)

    tour(chatbot_mock, client)

    defects = {name: problems for name, problems in recorder.problems.items() if problems}
    assert list(defects) == ["ListMicrosoftTeamsConfiguredTeams"]
    assert all(
        "ConfiguredTeams.1.member.TeamName" in problem for problem in defects["ListMicrosoftTeamsConfiguredTeams"]
    )
