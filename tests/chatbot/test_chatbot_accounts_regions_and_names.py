"""Who owns what: configurations belong to the account, in every region, under one
name space; ARNs carry no region and the caller's partition."""

from __future__ import annotations

import pytest
from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    OTHER_ACCOUNT,
    OTHER_SLACK_CHANNEL_ID,
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    TEAMS_TEAM_ID,
    TEAMS_TEAM_NAME,
    TEAMS_TENANT_ID,
    create_action,
    create_chime,
    create_slack,
    create_teams,
    raises_service_error,
    slack_configurations,
)

PARTITIONS = [
    ("us-east-1", "aws"),
    ("eu-west-1", "aws"),
    ("cn-north-1", "aws-cn"),
    ("us-gov-west-1", "aws-us-gov"),
]


# -- names ------------------------------------------------------------------------------------------


def test_a_name_in_use_conflicts(chatbot, slack_configuration):
    with raises_service_error("ConflictException", 409, "slack-alerts", DEFAULT_ACCOUNT):
        create_slack(chatbot, channel_id=OTHER_SLACK_CHANNEL_ID)


@pytest.mark.parametrize(
    "make_second",
    [
        pytest.param(lambda client: create_teams(client, name="shared"), id="teams-after-slack"),
        pytest.param(lambda client: create_chime(client, name="shared"), id="chime-after-slack"),
    ],
)
def test_names_are_unique_across_configuration_kinds(chatbot, workspace, team, make_second):
    create_slack(chatbot, name="shared")

    with raises_service_error("ConflictException", 409, "shared"):
        make_second(chatbot)


def test_a_name_in_use_conflicts_when_created_from_another_region(chatbot_mock, client_for, workspace):
    create_slack(client_for(region="us-east-2"), name="alerts")

    with raises_service_error("ConflictException", 409, "alerts"):
        create_slack(client_for(region="eu-west-1"), name="alerts", channel_id=OTHER_SLACK_CHANNEL_ID)


def test_a_name_kept_by_a_failed_slack_create_blocks_other_kinds_too(chatbot, team):
    with raises_service_error("InvalidRequestException", 400, "is not authorized"):
        create_slack(chatbot, name="kept")

    with raises_service_error("ConflictException", 409, "kept"):
        create_teams(chatbot, name="kept")


def test_the_same_name_is_free_in_another_account(chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)
    create_slack(client_for(DEFAULT_ACCOUNT), name="alerts")

    theirs = create_slack(client_for(OTHER_ACCOUNT), name="alerts")

    assert theirs["ChatConfigurationArn"] == f"arn:aws:chatbot::{OTHER_ACCOUNT}:chat-configuration/slack-channel/alerts"


def test_the_same_slack_channel_can_be_configured_by_two_accounts(chatbot_mock, client_for):
    for account_id in (DEFAULT_ACCOUNT, OTHER_ACCOUNT):
        chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=account_id)

    create_slack(client_for(DEFAULT_ACCOUNT), name="ours")
    create_slack(client_for(OTHER_ACCOUNT), name="theirs")

    assert [c["ConfigurationName"] for c in slack_configurations(client_for(OTHER_ACCOUNT))] == ["theirs"]


# -- regions ------------------------------------------------------------------------------------------


def test_a_configuration_made_in_one_region_is_seen_from_every_region(chatbot_mock, client_for, workspace):
    created = create_slack(client_for(region="us-west-2"))

    assert slack_configurations(client_for(region="ap-southeast-1")) == [created]


def test_a_configuration_made_in_one_region_is_deleted_from_another(chatbot_mock, client_for, workspace):
    created = create_slack(client_for(region="us-west-2"))

    client_for(region="eu-west-1").delete_slack_channel_configuration(
        ChatConfigurationArn=created["ChatConfigurationArn"]
    )

    assert slack_configurations(client_for(region="us-west-2")) == []


# -- accounts -------------------------------------------------------------------------------------------


def test_an_account_cannot_see_another_accounts_configurations(chatbot_mock, client_for, workspace):
    create_slack(client_for(DEFAULT_ACCOUNT))

    assert slack_configurations(client_for(OTHER_ACCOUNT)) == []


def test_an_account_cannot_delete_another_accounts_configuration(chatbot_mock, client_for, workspace):
    arn = create_slack(client_for(DEFAULT_ACCOUNT))["ChatConfigurationArn"]

    with raises_service_error("ResourceNotFoundException", 404):
        client_for(OTHER_ACCOUNT).delete_slack_channel_configuration(ChatConfigurationArn=arn)

    assert [c["ChatConfigurationArn"] for c in slack_configurations(client_for(DEFAULT_ACCOUNT))] == [arn]


def test_a_workspace_authorised_in_another_account_cannot_be_configured(chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)

    with raises_service_error("InvalidRequestException", 400, f"is not authorized with AWS account {DEFAULT_ACCOUNT}"):
        create_slack(client_for(DEFAULT_ACCOUNT))


def test_calls_inside_as_account_act_in_that_account(chatbot_mock, client_for):
    with chatbot_mock.as_account(OTHER_ACCOUNT):
        chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)
        arn = create_slack(client_for())["ChatConfigurationArn"]

    assert arn.startswith(f"arn:aws:chatbot::{OTHER_ACCOUNT}:")


# -- ARNs and partitions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("region", "partition"), PARTITIONS)
def test_slack_configuration_arns_carry_the_partition_and_no_region(chatbot_mock, client_for, region, partition):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)

    configuration = create_slack(client_for(region=region), name="alerts")

    assert configuration["ChatConfigurationArn"] == (
        f"arn:{partition}:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/alerts"
    )
    assert configuration["GuardrailPolicyArns"] == [f"arn:{partition}:iam::aws:policy/AdministratorAccess"]


@pytest.mark.parametrize(("region", "partition"), PARTITIONS)
def test_teams_configuration_arns_carry_the_partition_and_no_region(chatbot_mock, client_for, region, partition):
    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, TEAMS_TEAM_NAME, TEAMS_TENANT_ID)

    configuration = create_teams(client_for(region=region), name="alerts")

    assert configuration["ChatConfigurationArn"] == (
        f"arn:{partition}:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/microsoft-teams-channel/alerts"
    )
    assert configuration["GuardrailPolicyArns"] == [f"arn:{partition}:iam::aws:policy/AdministratorAccess"]


@pytest.mark.parametrize(("region", "partition"), PARTITIONS)
def test_chime_configuration_arns_carry_the_partition_and_no_region(chatbot_mock, client_for, region, partition):
    configuration = create_chime(client_for(region=region), name="room")

    assert configuration["ChatConfigurationArn"] == (
        f"arn:{partition}:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/chime-webhook/room"
    )


@pytest.mark.parametrize(("region", "partition"), PARTITIONS)
def test_custom_action_arns_carry_the_partition_and_no_region(chatbot_mock, client_for, region, partition):
    assert create_action(client_for(region=region), name="whoami") == (
        f"arn:{partition}:chatbot::{DEFAULT_ACCOUNT}:custom-action/whoami"
    )


@pytest.mark.parametrize(("region", "_partition"), PARTITIONS[2:])
def test_resources_with_partitioned_arns_work_through_every_operation(chatbot_mock, client_for, region, _partition):
    client = client_for(region=region)
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)
    arn = create_slack(client)["ChatConfigurationArn"]
    action = create_action(client)

    client.associate_to_configuration(Resource=action, ChatConfiguration=arn)
    client.tag_resource(ResourceARN=arn, Tags=[{"TagKey": "k", "TagValue": "v"}])

    assert client.list_associations(ChatConfiguration=arn)["Associations"] == [{"Resource": action}]
    assert client.list_tags_for_resource(ResourceARN=arn)["Tags"] == [{"TagKey": "k", "TagValue": "v"}]
    client.delete_slack_channel_configuration(ChatConfigurationArn=arn)
    client.delete_custom_action(CustomActionArn=action)
