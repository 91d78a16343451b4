"""A configuration an organization's chat-applications policy disables answers DISABLED
with the reason; seeding sets it (the real service does, not an API call)."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from chatbot_helpers import DEFAULT_ACCOUNT, raises_service_error

REASON = "Disabled by AWS Organizations chat applications policy"


def slack(chatbot, arn):
    return chatbot.describe_slack_channel_configurations(ChatConfigurationArn=arn)["SlackChannelConfigurations"][0]


def test_a_new_configuration_is_enabled_with_no_reason(chatbot, slack_arn):
    configuration = slack(chatbot, slack_arn)

    assert configuration["State"] == "ENABLED" and "StateReason" not in configuration


def test_a_disabled_configuration_answers_its_state_and_reason_in_every_answer(
    chatbot, chatbot_mock, slack_arn, teams_arn, chime_arn
):
    for arn in (slack_arn, teams_arn, chime_arn):
        chatbot_mock.chatbot.set_configuration_state(arn, "DISABLED", REASON)

    assert (slack(chatbot, slack_arn)["State"], slack(chatbot, slack_arn)["StateReason"]) == ("DISABLED", REASON)
    teams = chatbot.get_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)["ChannelConfiguration"]
    assert (teams["State"], teams["StateReason"]) == ("DISABLED", REASON)
    listed = chatbot.list_microsoft_teams_channel_configurations()["TeamChannelConfigurations"][0]
    assert listed["State"] == "DISABLED"
    chime = chatbot.describe_chime_webhook_configurations()["WebhookConfigurations"][0]
    assert (chime["State"], chime["StateReason"]) == ("DISABLED", REASON)


def test_enabling_it_again_drops_the_reason(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.set_configuration_state(slack_arn, "DISABLED", REASON)

    chatbot_mock.chatbot.set_configuration_state(slack_arn, "ENABLED")

    configuration = slack(chatbot, slack_arn)
    assert configuration["State"] == "ENABLED" and "StateReason" not in configuration


@pytest.mark.parametrize(
    ("state", "reason", "code", "words"),
    [
        ("PAUSED", None, "InvalidParameterException", "(ENABLED|DISABLED)"),
        ("ENABLED", REASON, "InvalidParameterException", "no state reason"),
        ("DISABLED", None, "InvalidParameterException", "needs the reason"),
        ("DISABLED", "", "InvalidParameterException", "needs the reason"),
    ],
)
def test_a_state_the_service_never_answers_is_refused(chatbot, chatbot_mock, slack_arn, state, reason, code, words):
    before = slack(chatbot, slack_arn)

    with pytest.raises(ClientError) as refused:
        chatbot_mock.chatbot.set_configuration_state(slack_arn, state, reason)

    assert refused.value.response["Error"]["Code"] == code
    assert words in refused.value.response["Error"]["Message"]
    assert slack(chatbot, slack_arn) == before


def test_an_unknown_configuration_is_not_found(chatbot_mock):
    unknown = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"

    with pytest.raises(ClientError) as refused:
        chatbot_mock.chatbot.set_configuration_state(unknown, "DISABLED", REASON)

    assert refused.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_a_disabled_configuration_can_still_be_updated_and_deleted(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.set_configuration_state(slack_arn, "DISABLED", REASON)

    chatbot.update_slack_channel_configuration(ChatConfigurationArn=slack_arn, SlackChannelId="C0NEW")
    assert slack(chatbot, slack_arn)["State"] == "DISABLED"
    chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)
    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)
