"""Quota settings: documented defaults, overridable per mock, read at call time.

AWS publishes no numeric Chatbot quotas; the mock's defaults are generous and every
one can be lowered (or raised) with ``mock_chatbot(quotas={...})``.
"""

from __future__ import annotations

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from chatbot_helpers import (
    OTHER_ACCOUNT,
    OTHER_SLACK_CHANNEL_ID,
    READ_ONLY_POLICY,
    ROLE_ARN,
    SLACK_TEAM_ID,
    TOPIC_ARN,
    account_state,
    create_action,
    create_chime,
    create_slack,
    create_teams,
    raises_service_error,
)

from chatbot_mock import mock_chatbot

TOPICS = [f"arn:aws:sns:us-east-1:123456789012:topic-{i}" for i in range(3)]
POLICIES = [READ_ONLY_POLICY, "arn:aws:iam::aws:policy/AWSSupportAccess"]


def test_the_defaults_are_documented_generous_numbers(chatbot_mock):
    settings = chatbot_mock.quota_settings

    assert {name: value for name, value in settings.items() if name.startswith("chatbot_")} == {
        "chatbot_configurations_per_account": 5000,
        "chatbot_sns_topics_per_configuration": 100,
        "chatbot_guardrail_policies_per_configuration": 50,
        "chatbot_custom_actions_per_account": 1000,
        "chatbot_tags_per_resource": 50,
    }


def test_a_misspelt_quota_is_refused_when_the_mock_is_made():
    with pytest.raises(ValueError, match="chatbot_configurations_per_acount"):
        mock_chatbot(quotas={"chatbot_configurations_per_acount": 1})


# -- configurations per account ----------------------------------------------------------------------


@pytest.mark.chatbot_mock(quotas={"chatbot_configurations_per_account": 2})
@pytest.mark.parametrize(
    "create_third",
    [
        pytest.param(lambda c: create_slack(c, name="third", channel_id=OTHER_SLACK_CHANNEL_ID), id="slack"),
        pytest.param(lambda c: create_teams(c, name="third"), id="teams"),
        pytest.param(lambda c: create_chime(c, name="third"), id="chime"),
    ],
)
def test_configurations_of_every_kind_count_toward_one_account_limit(chatbot, workspace, team, create_third):
    create_slack(chatbot, name="first")
    create_chime(chatbot, name="second")
    before = account_state(chatbot)

    with raises_service_error(
        "LimitExceededException", 403, "limit of 2", advice=["chatbot_configurations_per_account", "m.set_quota"]
    ):
        create_third(chatbot)

    assert account_state(chatbot) == before


@pytest.mark.chatbot_mock(quotas={"chatbot_configurations_per_account": 1})
def test_a_deleted_configuration_makes_room_for_another(chatbot):
    arn = create_chime(chatbot, name="first")["ChatConfigurationArn"]
    chatbot.delete_chime_webhook_configuration(ChatConfigurationArn=arn)

    assert create_chime(chatbot, name="second")["ConfigurationName"] == "second"


@pytest.mark.chatbot_mock(quotas={"chatbot_configurations_per_account": 1})
def test_the_account_limit_is_per_account(chatbot, client_for):
    create_chime(chatbot, name="ours")

    assert create_chime(client_for(OTHER_ACCOUNT), name="theirs")["ConfigurationName"] == "theirs"


@pytest.mark.chatbot_mock(quotas={"chatbot_configurations_per_account": 1})
def test_a_name_kept_by_a_failed_create_does_not_count_toward_the_limit(chatbot):
    with raises_service_error("InvalidRequestException", 400):
        create_slack(chatbot, name="kept")

    assert create_chime(chatbot, name="room")["ConfigurationName"] == "room"


@pytest.mark.chatbot_mock(quotas={"chatbot_configurations_per_account": 1})
def test_a_nested_mock_raising_a_quota_applies_to_the_next_call(chatbot):
    create_chime(chatbot, name="first")

    with mock_chatbot(quotas={"chatbot_configurations_per_account": 2}):
        assert create_chime(chatbot, name="second")["ConfigurationName"] == "second"

    with raises_service_error("LimitExceededException", 403):
        create_chime(chatbot, name="third")


# -- SNS topics and guardrail policies per configuration -----------------------------------------------


@pytest.mark.chatbot_mock(quotas={"chatbot_sns_topics_per_configuration": 2})
@pytest.mark.parametrize(
    "create",
    [
        pytest.param(lambda c: create_slack(c, SnsTopicArns=TOPICS), id="slack"),
        pytest.param(lambda c: create_teams(c, SnsTopicArns=TOPICS), id="teams"),
        pytest.param(lambda c: create_chime(c, SnsTopicArns=TOPICS), id="chime"),
    ],
)
def test_creating_with_too_many_sns_topics_is_limit_exceeded(chatbot, workspace, team, create):
    with raises_service_error("LimitExceededException", 403, "SNS topics", "limit of 2"):
        create(chatbot)


@pytest.mark.chatbot_mock(quotas={"chatbot_sns_topics_per_configuration": 2})
def test_exactly_the_sns_topic_limit_is_allowed(chatbot, workspace):
    assert len(create_slack(chatbot, SnsTopicArns=TOPICS[:2])["SnsTopicArns"]) == 2


@pytest.mark.chatbot_mock(quotas={"chatbot_sns_topics_per_configuration": 2})
@pytest.mark.parametrize(
    "update",
    [
        pytest.param(
            lambda c, arns: c.update_slack_channel_configuration(
                ChatConfigurationArn=arns["slack"], SlackChannelId="C01ABCDEFGH", SnsTopicArns=TOPICS
            ),
            id="slack",
        ),
        pytest.param(
            lambda c, arns: c.update_microsoft_teams_channel_configuration(
                ChatConfigurationArn=arns["teams"],
                ChannelId="19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2",
                SnsTopicArns=TOPICS,
            ),
            id="teams",
        ),
        pytest.param(
            lambda c, arns: c.update_chime_webhook_configuration(
                ChatConfigurationArn=arns["chime"], SnsTopicArns=TOPICS
            ),
            id="chime",
        ),
    ],
)
def test_updating_to_too_many_sns_topics_is_an_invalid_parameter(chatbot, slack_arn, teams_arn, chime_arn, update):
    arns = {"slack": slack_arn, "teams": teams_arn, "chime": chime_arn}
    before = account_state(chatbot)

    # The Update* operations do not model LimitExceededException.
    with raises_service_error("InvalidParameterException", 400, "SNS topics", "limit of 2"):
        update(chatbot, arns)

    assert account_state(chatbot) == before


@pytest.mark.chatbot_mock(quotas={"chatbot_guardrail_policies_per_configuration": 1})
@pytest.mark.parametrize(
    "create",
    [
        pytest.param(lambda c: create_slack(c, GuardrailPolicyArns=POLICIES), id="slack"),
        pytest.param(lambda c: create_teams(c, GuardrailPolicyArns=POLICIES), id="teams"),
    ],
)
def test_creating_with_too_many_guardrail_policies_is_limit_exceeded(chatbot, workspace, team, create):
    with raises_service_error("LimitExceededException", 403, "Guardrail policies", "limit of 1"):
        create(chatbot)


@pytest.mark.chatbot_mock(quotas={"chatbot_guardrail_policies_per_configuration": 1})
def test_updating_to_too_many_guardrail_policies_is_an_invalid_parameter(chatbot, slack_arn):
    with raises_service_error("InvalidParameterException", 400, "Guardrail policies"):
        chatbot.update_slack_channel_configuration(
            ChatConfigurationArn=slack_arn, SlackChannelId="C01ABCDEFGH", GuardrailPolicyArns=POLICIES
        )


@pytest.mark.chatbot_mock(quotas={"chatbot_sns_topics_per_configuration": 0})
def test_a_zero_limit_still_allows_configurations_without_topics(chatbot, workspace):
    assert create_slack(chatbot)["SnsTopicArns"] == []
    with raises_service_error("LimitExceededException", 403):
        create_chime(chatbot, SnsTopicArns=[TOPIC_ARN])


# -- custom actions per account --------------------------------------------------------------------------


@pytest.mark.chatbot_mock(quotas={"chatbot_custom_actions_per_account": 2})
def test_creating_more_custom_actions_than_the_limit_is_limit_exceeded(chatbot):
    create_action(chatbot, name="first")
    create_action(chatbot, name="second")

    with raises_service_error(
        "LimitExceededException", 403, "limit of 2", advice=["chatbot_custom_actions_per_account"]
    ):
        create_action(chatbot, name="third")

    assert len(chatbot.list_custom_actions()["CustomActions"]) == 2


@pytest.mark.chatbot_mock(quotas={"chatbot_custom_actions_per_account": 1})
def test_a_client_token_replay_at_the_limit_still_answers_the_action(chatbot):
    token = "client-token-0123456789abcdef0123456789"
    arn = create_action(chatbot, ClientToken=token)

    assert create_action(chatbot, ClientToken=token) == arn


@pytest.mark.parametrize(
    ("retries", "retried"),
    [({"mode": "standard", "total_max_attempts": 2}, 1), ({"total_max_attempts": 1}, 0), ({"max_attempts": 0}, 0)],
    ids=["standard mode retries it", "no retries", "max_attempts counts retries"],
)
def test_botocore_retries_limit_exceeded_as_throttling_unless_told_not_to(retries, retried):
    # docs/quotas.md: what makes a quota test instant.
    with mock_chatbot(quotas={"chatbot_configurations_per_account": 0}) as mock:
        mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, "acme")
        client = boto3.client("chatbot", region_name="us-east-1", config=Config(retries=retries))
        with pytest.raises(ClientError) as refused:
            client.create_slack_channel_configuration(
                ConfigurationName="c", SlackTeamId=SLACK_TEAM_ID, SlackChannelId="C1", IamRoleArn=ROLE_ARN
            )
    assert refused.value.response["Error"]["Code"] == "LimitExceededException"
    assert refused.value.response["ResponseMetadata"]["RetryAttempts"] == retried
