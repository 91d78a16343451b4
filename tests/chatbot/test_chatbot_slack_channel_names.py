"""SlackChannelName: what Slack tells the service, never invented.

The real service asks Slack for a channel's name. Slack names a public channel; for a
private channel the AWS Chatbot app was not invited to, no name comes back, and the
answer carries no SlackChannelName at all (botocore's model marks the member required
all the same). Seeding declares what Slack knows: ``m.chatbot.add_slack_channel``.
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    OTHER_ACCOUNT,
    OTHER_SLACK_CHANNEL_ID,
    SLACK_CHANNEL_ID,
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    create_slack,
    slack_configurations,
)


def test_a_public_channel_answers_the_name_slack_gives(chatbot_mock, chatbot, workspace):
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "ops-alerts")

    created = create_slack(chatbot)

    assert created["SlackChannelName"] == "ops-alerts"
    assert slack_configurations(chatbot)[0]["SlackChannelName"] == "ops-alerts"


def test_a_private_channel_answers_no_name(chatbot_mock, chatbot, workspace):
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "secret-project", private=True)

    created = create_slack(chatbot)

    assert "SlackChannelName" not in created
    assert "SlackChannelName" not in slack_configurations(chatbot)[0]


def test_a_channel_slack_was_never_asked_about_answers_no_name(chatbot, workspace):
    created = create_slack(chatbot)

    assert "SlackChannelName" not in created
    assert created["SlackChannelId"] == SLACK_CHANNEL_ID


def test_a_name_given_in_the_request_is_kept_whatever_slack_says(chatbot_mock, chatbot, workspace):
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "ops-alerts")
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, OTHER_SLACK_CHANNEL_ID, "hidden", private=True)

    public = create_slack(chatbot, name="public", SlackChannelName="my-name")
    private = create_slack(chatbot, name="private", channel_id=OTHER_SLACK_CHANNEL_ID, SlackChannelName="mine")

    assert (public["SlackChannelName"], private["SlackChannelName"]) == ("my-name", "mine")


def test_moving_to_another_channel_answers_that_channels_name(chatbot_mock, chatbot, workspace):
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, OTHER_SLACK_CHANNEL_ID, "deployments")
    arn = create_slack(chatbot, SlackChannelName="ops")["ChatConfigurationArn"]

    moved = chatbot.update_slack_channel_configuration(ChatConfigurationArn=arn, SlackChannelId=OTHER_SLACK_CHANNEL_ID)

    assert moved["ChannelConfiguration"]["SlackChannelName"] == "deployments"


def test_moving_to_a_channel_slack_names_not_drops_the_old_name(chatbot, workspace):
    arn = create_slack(chatbot, SlackChannelName="ops")["ChatConfigurationArn"]

    moved = chatbot.update_slack_channel_configuration(ChatConfigurationArn=arn, SlackChannelId=OTHER_SLACK_CHANNEL_ID)

    # The old name would describe the channel it left.
    assert "SlackChannelName" not in moved["ChannelConfiguration"]


def test_an_update_on_the_same_channel_without_a_name_keeps_the_name(chatbot_mock, chatbot, workspace):
    arn = create_slack(chatbot, SlackChannelName="ops")["ChatConfigurationArn"]
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "renamed-in-slack")

    updated = chatbot.update_slack_channel_configuration(ChatConfigurationArn=arn, SlackChannelId=SLACK_CHANNEL_ID)

    assert updated["ChannelConfiguration"]["SlackChannelName"] == "ops"


def test_declaring_a_channel_again_replaces_what_slack_says(chatbot_mock, chatbot, workspace):
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "ops-alerts")
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "ops-alerts", private=True)

    assert "SlackChannelName" not in create_slack(chatbot)


def test_channels_are_declared_per_account(chatbot_mock, client_for, workspace):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)
    chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "theirs", account_id=OTHER_ACCOUNT)

    ours = create_slack(client_for(DEFAULT_ACCOUNT))
    theirs = create_slack(client_for(OTHER_ACCOUNT))

    assert "SlackChannelName" not in ours
    assert theirs["SlackChannelName"] == "theirs"


def test_a_channel_name_the_model_forbids_is_refused_when_seeded(chatbot_mock):
    with pytest.raises(ClientError) as refused:
        chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "x" * 256)

    assert refused.value.response["Error"]["Code"] == "InvalidParameterException"
    assert "SlackChannelName" in refused.value.response["Error"]["Message"]


def test_private_must_be_a_bool(chatbot_mock):
    with pytest.raises(TypeError, match="private must be True or False"):
        chatbot_mock.chatbot.add_slack_channel(SLACK_TEAM_ID, SLACK_CHANNEL_ID, "ops", private="yes")
