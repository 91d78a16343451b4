"""TagResource, UntagResource and ListTagsForResource on configurations and custom actions."""

from __future__ import annotations

import pytest
from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    create_action,
    create_slack,
    raises_service_error,
    slack_configurations,
    tags,
)

TAGGABLE = ["slack_arn", "teams_arn", "chime_arn", "action_arn"]
UNKNOWN_ARN = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"


def tags_of(client, arn):
    return client.list_tags_for_resource(ResourceARN=arn)["Tags"]


@pytest.fixture(params=TAGGABLE)
def resource(request):
    """The ARN of each kind of resource that takes tags."""
    return request.getfixturevalue(request.param)


def test_an_untagged_resource_lists_no_tags(chatbot, resource):
    assert tags_of(chatbot, resource) == []


def test_tag_resource_adds_tags_in_the_order_given(chatbot, resource):
    answer = chatbot.tag_resource(ResourceARN=resource, Tags=tags(team="ops", cost="42"))

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert tags_of(chatbot, resource) == tags(team="ops", cost="42")


def test_tagging_an_existing_key_replaces_its_value_in_place(chatbot, resource):
    chatbot.tag_resource(ResourceARN=resource, Tags=tags(team="ops", cost="42"))

    chatbot.tag_resource(ResourceARN=resource, Tags=tags(team="platform", owner="alice"))

    assert tags_of(chatbot, resource) == tags(team="platform", cost="42", owner="alice")


def test_untag_resource_removes_the_keys_given(chatbot, resource):
    chatbot.tag_resource(ResourceARN=resource, Tags=tags(team="ops", cost="42", owner="alice"))

    answer = chatbot.untag_resource(ResourceARN=resource, TagKeys=["cost", "team"])

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert tags_of(chatbot, resource) == tags(owner="alice")


def test_untagging_keys_the_resource_does_not_have_is_harmless(chatbot, resource):
    chatbot.tag_resource(ResourceARN=resource, Tags=tags(team="ops"))

    chatbot.untag_resource(ResourceARN=resource, TagKeys=["missing"])

    assert tags_of(chatbot, resource) == tags(team="ops")


def test_tags_given_at_create_are_listed(chatbot, workspace):
    arn = create_slack(chatbot, Tags=tags(team="ops"))["ChatConfigurationArn"]

    assert tags_of(chatbot, arn) == tags(team="ops")


def test_tags_added_later_show_in_describe(chatbot, slack_arn):
    chatbot.tag_resource(ResourceARN=slack_arn, Tags=tags(team="ops"))

    configuration = chatbot.describe_slack_channel_configurations(ChatConfigurationArn=slack_arn)
    assert configuration["SlackChannelConfigurations"][0]["Tags"] == tags(team="ops")


def test_tags_added_later_show_in_get_teams_configuration(chatbot, teams_arn):
    chatbot.tag_resource(ResourceARN=teams_arn, Tags=tags(team="ops"))

    configuration = chatbot.get_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)
    assert configuration["ChannelConfiguration"]["Tags"] == tags(team="ops")


def test_an_empty_tag_value_is_a_value(chatbot, resource):
    chatbot.tag_resource(ResourceARN=resource, Tags=tags(flag=""))

    assert tags_of(chatbot, resource) == tags(flag="")


# -- refusals --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.tag_resource(ResourceARN=UNKNOWN_ARN, Tags=tags(k="v")), id="TagResource"),
        pytest.param(lambda c: c.untag_resource(ResourceARN=UNKNOWN_ARN, TagKeys=["k"]), id="UntagResource"),
        pytest.param(lambda c: c.list_tags_for_resource(ResourceARN=UNKNOWN_ARN), id="ListTagsForResource"),
    ],
)
def test_tagging_an_unknown_resource_is_not_found(chatbot, call):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        call(chatbot)


def test_another_accounts_resource_is_not_found(chatbot, client_for, action_arn):
    with raises_service_error("ResourceNotFoundException", 404):
        client_for("111122223333").list_tags_for_resource(ResourceARN=action_arn)


def test_a_key_given_twice_in_one_request_is_refused(chatbot, resource):
    duplicated = [{"TagKey": "team", "TagValue": "ops"}, {"TagKey": "team", "TagValue": "platform"}]

    with raises_service_error("InvalidRequestException", 400, "given more than once: team"):
        chatbot.tag_resource(ResourceARN=resource, Tags=duplicated)

    assert tags_of(chatbot, resource) == []


def test_a_key_given_twice_at_create_is_refused_with_the_operations_validation_error(chatbot, workspace):
    duplicated = [{"TagKey": "team", "TagValue": "ops"}, {"TagKey": "team", "TagValue": "platform"}]

    with raises_service_error("InvalidParameterException", 400, "given more than once: team"):
        create_slack(chatbot, Tags=duplicated)


def test_a_key_given_twice_when_creating_a_custom_action_is_refused(chatbot):
    duplicated = [{"TagKey": "team", "TagValue": "ops"}, {"TagKey": "team", "TagValue": "platform"}]

    with raises_service_error("InvalidRequestException", 400, "given more than once: team"):
        create_action(chatbot, Tags=duplicated)


@pytest.mark.chatbot_mock(quotas={"chatbot_tags_per_resource": 3})
def test_tagging_past_the_limit_is_too_many_tags(chatbot, resource):
    chatbot.tag_resource(ResourceARN=resource, Tags=tags(a="1", b="2"))

    with raises_service_error("TooManyTagsException", 400, "limit of 3", advice=["chatbot_tags_per_resource"]):
        chatbot.tag_resource(ResourceARN=resource, Tags=tags(c="3", d="4"))

    assert tags_of(chatbot, resource) == tags(a="1", b="2")


@pytest.mark.chatbot_mock(quotas={"chatbot_tags_per_resource": 3})
def test_replacing_values_does_not_count_against_the_limit(chatbot, resource):
    chatbot.tag_resource(ResourceARN=resource, Tags=tags(a="1", b="2", c="3"))

    chatbot.tag_resource(ResourceARN=resource, Tags=tags(a="10", b="20", c="30"))

    assert tags_of(chatbot, resource) == tags(a="10", b="20", c="30")


@pytest.mark.chatbot_mock(quotas={"chatbot_tags_per_resource": 2})
def test_too_many_tags_at_create_is_limit_exceeded(chatbot, workspace):
    with raises_service_error("LimitExceededException", 403, "limit of 2", advice=["chatbot_tags_per_resource"]):
        create_slack(chatbot, Tags=tags(a="1", b="2", c="3"))


@pytest.mark.chatbot_mock(quotas={"chatbot_tags_per_resource": 2})
def test_too_many_tags_when_creating_a_custom_action_is_limit_exceeded(chatbot):
    with raises_service_error("LimitExceededException", 403, "limit of 2"):
        create_action(chatbot, Tags=tags(a="1", b="2", c="3"))


def test_untagging_shows_in_the_next_describe(chatbot, slack_arn):
    chatbot.tag_resource(ResourceARN=slack_arn, Tags=tags(team="ops", cost="42"))
    slack_configurations(chatbot)  # the answer is built, and kept

    chatbot.untag_resource(ResourceARN=slack_arn, TagKeys=["cost"])

    assert slack_configurations(chatbot)[0]["Tags"] == tags(team="ops")
