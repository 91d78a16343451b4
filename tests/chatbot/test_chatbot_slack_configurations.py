"""Slack channel configurations: create, describe, update, delete."""

from __future__ import annotations

from chatbot_helpers import (
    ADMINISTRATOR_ACCESS,
    DEFAULT_ACCOUNT,
    OTHER_ROLE_ARN,
    OTHER_SLACK_CHANNEL_ID,
    OTHER_SLACK_TEAM_ID,
    OTHER_TOPIC_ARN,
    READ_ONLY_POLICY,
    ROLE_ARN,
    SLACK_CHANNEL_ID,
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    SLACK_USER_ID,
    TOPIC_ARN,
    all_items,
    create_action,
    create_slack,
    raises_service_error,
    slack_configurations,
    tags,
)

# -- create ----------------------------------------------------------------------------------------


def test_create_answers_201_with_the_configuration(chatbot, workspace):
    answer = chatbot.create_slack_channel_configuration(
        ConfigurationName="alerts", SlackTeamId=SLACK_TEAM_ID, SlackChannelId=SLACK_CHANNEL_ID, IamRoleArn=ROLE_ARN
    )

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert answer["ChannelConfiguration"]["ChatConfigurationArn"] == (
        f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/alerts"
    )


def test_create_fills_in_the_documented_defaults(chatbot, workspace):
    configuration = create_slack(chatbot, name="alerts")

    assert configuration == {
        "ChatConfigurationArn": f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/alerts",
        "ConfigurationName": "alerts",
        "SlackTeamId": SLACK_TEAM_ID,
        "SlackTeamName": SLACK_TEAM_NAME,
        "SlackChannelId": SLACK_CHANNEL_ID,
        # No SlackChannelName: the request gave none and Slack named none
        # (tests/chatbot/test_chatbot_slack_channel_names.py).
        "IamRoleArn": ROLE_ARN,
        "SnsTopicArns": [],
        "LoggingLevel": "NONE",
        "GuardrailPolicyArns": [ADMINISTRATOR_ACCESS],
        "UserAuthorizationRequired": False,
        "Tags": [],
        "State": "ENABLED",
    }


def test_create_keeps_every_member_given(chatbot, workspace):
    configuration = create_slack(
        chatbot,
        SlackChannelName="ops-alerts",
        SnsTopicArns=[TOPIC_ARN, OTHER_TOPIC_ARN],
        LoggingLevel="ERROR",
        GuardrailPolicyArns=[READ_ONLY_POLICY],
        UserAuthorizationRequired=True,
        Tags=tags(team="ops", cost="42"),
    )

    assert configuration["SlackChannelName"] == "ops-alerts"
    assert configuration["SnsTopicArns"] == [TOPIC_ARN, OTHER_TOPIC_ARN]
    assert configuration["LoggingLevel"] == "ERROR"
    assert configuration["GuardrailPolicyArns"] == [READ_ONLY_POLICY]
    assert configuration["UserAuthorizationRequired"] is True
    assert configuration["Tags"] == tags(team="ops", cost="42")


def test_an_empty_guardrail_list_means_administrator_access(chatbot, workspace):
    assert create_slack(chatbot, GuardrailPolicyArns=[])["GuardrailPolicyArns"] == [ADMINISTRATOR_ACCESS]


def test_create_in_a_workspace_not_authorized_is_refused(chatbot):
    with raises_service_error(
        "InvalidRequestException",
        400,
        # The service's words, as users quote them.
        f"AWS Chatbot can't create the configuration because Slack workspace {SLACK_TEAM_ID} "
        f"is not authorized with AWS account {DEFAULT_ACCOUNT}",
        advice=["m.chatbot.authorize_slack_workspace", "reserved"],
    ):
        create_slack(chatbot)

    assert slack_configurations(chatbot) == []


def test_a_create_refused_for_an_unauthorized_workspace_keeps_the_name(chatbot, chatbot_mock):
    with raises_service_error("InvalidRequestException", 400):
        create_slack(chatbot, name="alerts")
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)

    with raises_service_error(
        "ConflictException", 409, f"A chat configuration named alerts already exists in AWS account {DEFAULT_ACCOUNT}",
        advice=["failed because its Slack workspace was not authorized", "m.reset()"],
    ):
        create_slack(chatbot, name="alerts")


def test_repeating_a_create_refused_for_an_unauthorized_workspace_conflicts(chatbot):
    with raises_service_error("InvalidRequestException", 400):
        create_slack(chatbot, name="alerts")

    with raises_service_error("ConflictException", 409, "alerts"):
        create_slack(chatbot, name="alerts")


def test_a_second_configuration_for_the_same_channel_is_refused(chatbot, slack_configuration):
    with raises_service_error(
        "InvalidRequestException",
        400,
        f"Slack channel with ID {SLACK_CHANNEL_ID} in Slack team {SLACK_TEAM_ID} has already been configured "
        f"for AWS account {DEFAULT_ACCOUNT}.",
    ):
        create_slack(chatbot, name="second")


def test_the_same_channel_id_in_another_workspace_is_another_channel(chatbot, chatbot_mock, slack_configuration):
    chatbot_mock.chatbot.authorize_slack_workspace(OTHER_SLACK_TEAM_ID, "other")

    configuration = create_slack(chatbot, name="second", team_id=OTHER_SLACK_TEAM_ID)

    assert configuration["SlackTeamName"] == "other"


def test_a_deleted_configuration_frees_its_channel_and_name(chatbot, slack_arn):
    chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)

    assert create_slack(chatbot)["ChatConfigurationArn"] == slack_arn


def test_a_renamed_workspace_shows_its_new_name_in_its_configurations(chatbot, chatbot_mock, slack_configuration):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, "acme-renamed")

    assert slack_configurations(chatbot)[0]["SlackTeamName"] == "acme-renamed"


# -- describe --------------------------------------------------------------------------------------


def test_describe_lists_configurations_in_creation_order(chatbot, workspace):
    names = ["zulu", "alpha", "mike"]
    for index, name in enumerate(names):
        create_slack(chatbot, name=name, channel_id=f"C{index}")

    assert [c["ConfigurationName"] for c in slack_configurations(chatbot)] == names


def test_describe_answers_what_create_answered(chatbot, workspace):
    created = create_slack(chatbot, Tags=tags(team="ops"), SnsTopicArns=[TOPIC_ARN])

    assert slack_configurations(chatbot) == [created]


def test_describe_by_arn_answers_only_that_configuration(chatbot, workspace):
    create_slack(chatbot, name="one", channel_id="C1")
    second = create_slack(chatbot, name="two", channel_id="C2")

    assert slack_configurations(chatbot, ChatConfigurationArn=second["ChatConfigurationArn"]) == [second]


def test_describe_by_an_unknown_arn_answers_an_empty_list(chatbot, slack_configuration):
    unknown = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"

    answer = chatbot.describe_slack_channel_configurations(ChatConfigurationArn=unknown)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert answer["SlackChannelConfigurations"] == []


def test_describe_does_not_list_other_kinds_of_configuration(chatbot, slack_configuration, teams_configuration):
    assert slack_configurations(chatbot) == [slack_configuration]


def test_describe_of_an_empty_account_answers_an_empty_list(chatbot):
    assert chatbot.describe_slack_channel_configurations()["SlackChannelConfigurations"] == []


# -- update ----------------------------------------------------------------------------------------


def test_update_changes_the_members_given(chatbot, slack_arn):
    updated = chatbot.update_slack_channel_configuration(
        ChatConfigurationArn=slack_arn,
        SlackChannelId=SLACK_CHANNEL_ID,
        SlackChannelName="renamed",
        SnsTopicArns=[OTHER_TOPIC_ARN],
        IamRoleArn=OTHER_ROLE_ARN,
        LoggingLevel="INFO",
        GuardrailPolicyArns=[READ_ONLY_POLICY],
        UserAuthorizationRequired=True,
    )["ChannelConfiguration"]

    assert {key: updated[key] for key in ("SlackChannelName", "SnsTopicArns", "IamRoleArn", "LoggingLevel")} == {
        "SlackChannelName": "renamed",
        "SnsTopicArns": [OTHER_TOPIC_ARN],
        "IamRoleArn": OTHER_ROLE_ARN,
        "LoggingLevel": "INFO",
    }
    assert updated["GuardrailPolicyArns"] == [READ_ONLY_POLICY]
    assert updated["UserAuthorizationRequired"] is True
    assert slack_configurations(chatbot) == [updated]


def test_update_keeps_the_members_it_does_not_give(chatbot, workspace):
    created = create_slack(
        chatbot,
        SlackChannelName="ops",
        SnsTopicArns=[TOPIC_ARN],
        LoggingLevel="ERROR",
        GuardrailPolicyArns=[READ_ONLY_POLICY],
        UserAuthorizationRequired=True,
        Tags=tags(team="ops"),
    )

    updated = chatbot.update_slack_channel_configuration(
        ChatConfigurationArn=created["ChatConfigurationArn"], SlackChannelId=SLACK_CHANNEL_ID
    )["ChannelConfiguration"]

    assert updated == created


def test_update_can_move_the_configuration_to_another_channel(chatbot, slack_arn):
    updated = chatbot.update_slack_channel_configuration(
        ChatConfigurationArn=slack_arn, SlackChannelId=OTHER_SLACK_CHANNEL_ID
    )["ChannelConfiguration"]

    assert updated["SlackChannelId"] == OTHER_SLACK_CHANNEL_ID
    # The channel it left is free again.
    assert create_slack(chatbot, name="newcomer")["SlackChannelId"] == SLACK_CHANNEL_ID


def test_update_cannot_move_onto_a_channel_that_is_already_configured(chatbot, workspace):
    first = create_slack(chatbot, name="first")
    create_slack(chatbot, name="second", channel_id=OTHER_SLACK_CHANNEL_ID)

    with raises_service_error("InvalidRequestException", 400, f"Slack channel with ID {OTHER_SLACK_CHANNEL_ID}"):
        chatbot.update_slack_channel_configuration(
            ChatConfigurationArn=first["ChatConfigurationArn"], SlackChannelId=OTHER_SLACK_CHANNEL_ID
        )


def test_update_of_an_unknown_configuration_is_not_found(chatbot):
    unknown = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"

    with raises_service_error("ResourceNotFoundException", 404, unknown):
        chatbot.update_slack_channel_configuration(ChatConfigurationArn=unknown, SlackChannelId=SLACK_CHANNEL_ID)


def test_update_of_a_teams_configuration_through_the_slack_operation_is_not_found(chatbot, teams_arn):
    with raises_service_error("ResourceNotFoundException", 404, "Slack channel configuration"):
        chatbot.update_slack_channel_configuration(ChatConfigurationArn=teams_arn, SlackChannelId=SLACK_CHANNEL_ID)


# -- delete ----------------------------------------------------------------------------------------


def test_delete_answers_204_and_removes_the_configuration(chatbot, slack_arn):
    answer = chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert slack_configurations(chatbot) == []


def test_delete_of_an_unknown_configuration_is_not_found(chatbot):
    unknown = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"

    with raises_service_error("ResourceNotFoundException", 404, unknown):
        chatbot.delete_slack_channel_configuration(ChatConfigurationArn=unknown)


def test_delete_twice_is_not_found_the_second_time(chatbot, slack_arn):
    chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)

    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)


def test_delete_removes_the_user_identities_associations_and_tags(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)
    action = create_action(chatbot)
    chatbot.associate_to_configuration(Resource=action, ChatConfiguration=slack_arn)
    chatbot.tag_resource(ResourceARN=slack_arn, Tags=tags(team="ops"))

    chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)

    assert chatbot.describe_slack_user_identities()["SlackUserIdentities"] == []
    assert all_items(chatbot, "list_associations", "Associations", ChatConfiguration=slack_arn) == []
    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.list_tags_for_resource(ResourceARN=slack_arn)
    # A configuration made again under the same name starts bare.
    again = create_slack(chatbot)
    assert again["Tags"] == []
    assert chatbot.describe_slack_user_identities(ChatConfigurationArn=slack_arn)["SlackUserIdentities"] == []
    # The custom action itself stays.
    assert chatbot.get_custom_action(CustomActionArn=action)["CustomAction"]["CustomActionArn"] == action


def test_an_update_of_the_topics_alone_shows_in_the_next_describe(chatbot, slack_arn):
    slack_configurations(chatbot)  # the answer is built, and kept

    chatbot.update_slack_channel_configuration(
        ChatConfigurationArn=slack_arn, SlackChannelId=SLACK_CHANNEL_ID, SnsTopicArns=[OTHER_TOPIC_ARN]
    )

    assert slack_configurations(chatbot)[0]["SnsTopicArns"] == [OTHER_TOPIC_ARN]
