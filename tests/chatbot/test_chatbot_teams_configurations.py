"""Microsoft Teams channel configurations: create, get, list, update, delete."""

from __future__ import annotations

from chatbot_helpers import (
    ADMINISTRATOR_ACCESS,
    DEFAULT_ACCOUNT,
    OTHER_ROLE_ARN,
    OTHER_TEAMS_CHANNEL_ID,
    OTHER_TEAMS_TEAM_ID,
    OTHER_TOPIC_ARN,
    READ_ONLY_POLICY,
    ROLE_ARN,
    TEAMS_CHANNEL_ID,
    TEAMS_TEAM_ID,
    TEAMS_TEAM_NAME,
    TEAMS_TENANT_ID,
    TEAMS_USER_ID,
    TOPIC_ARN,
    all_items,
    create_action,
    create_teams,
    raises_service_error,
    tags,
    teams_configurations,
    uuid_for,
)

UNKNOWN_ARN = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/microsoft-teams-channel/nope"

# -- create ----------------------------------------------------------------------------------------


def test_create_answers_201_with_the_documented_defaults(chatbot, team):
    answer = chatbot.create_microsoft_teams_channel_configuration(
        ConfigurationName="alerts",
        TeamId=TEAMS_TEAM_ID,
        TenantId=TEAMS_TENANT_ID,
        ChannelId=TEAMS_CHANNEL_ID,
        IamRoleArn=ROLE_ARN,
    )

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert answer["ChannelConfiguration"] == {
        "ChatConfigurationArn": f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/microsoft-teams-channel/alerts",
        "ConfigurationName": "alerts",
        "TeamId": TEAMS_TEAM_ID,
        "TeamName": TEAMS_TEAM_NAME,
        "TenantId": TEAMS_TENANT_ID,
        "ChannelId": TEAMS_CHANNEL_ID,
        "IamRoleArn": ROLE_ARN,
        "SnsTopicArns": [],
        "LoggingLevel": "NONE",
        "GuardrailPolicyArns": [ADMINISTRATOR_ACCESS],
        "UserAuthorizationRequired": False,
        "Tags": [],
        "State": "ENABLED",
    }


def test_without_a_team_name_a_configuration_shows_the_teams_current_name(chatbot, chatbot_mock, team):
    create_teams(chatbot)
    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, "Operations (renamed)", TEAMS_TENANT_ID)

    [configuration] = chatbot.list_microsoft_teams_channel_configurations()["TeamChannelConfigurations"]
    assert configuration["TeamName"] == "Operations (renamed)"


def test_create_keeps_every_member_given(chatbot, team):
    configuration = create_teams(
        chatbot,
        ChannelName="ops-alerts",
        TeamName="Ops (as named in the request)",
        SnsTopicArns=[TOPIC_ARN],
        LoggingLevel="INFO",
        GuardrailPolicyArns=[READ_ONLY_POLICY],
        UserAuthorizationRequired=True,
        Tags=tags(team="ops"),
    )

    assert configuration["ChannelName"] == "ops-alerts"
    assert configuration["TeamName"] == "Ops (as named in the request)"
    assert configuration["SnsTopicArns"] == [TOPIC_ARN]
    assert configuration["LoggingLevel"] == "INFO"
    assert configuration["GuardrailPolicyArns"] == [READ_ONLY_POLICY]
    assert configuration["UserAuthorizationRequired"] is True
    assert configuration["Tags"] == tags(team="ops")


def test_create_for_a_team_that_is_not_configured_is_refused(chatbot):
    with raises_service_error(
        "InvalidRequestException", 400, "team id you are using is not configured",
        advice=["m.chatbot.authorize_teams_team"],
    ):
        create_teams(chatbot)


def test_a_create_refused_for_an_unconfigured_team_does_not_keep_the_name(chatbot, chatbot_mock):
    with raises_service_error("InvalidRequestException", 400):
        create_teams(chatbot, name="alerts")
    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, TEAMS_TEAM_NAME, TEAMS_TENANT_ID)

    assert create_teams(chatbot, name="alerts")["ConfigurationName"] == "alerts"


def test_create_with_a_tenant_the_team_is_not_in_is_refused(chatbot, team):
    with raises_service_error(
        "InvalidRequestException", 400, "team id you are using is not configured", advice=[TEAMS_TENANT_ID]
    ):
        create_teams(chatbot, tenant_id=uuid_for(1, "e"))


def test_a_second_configuration_for_the_same_channel_is_refused(chatbot, teams_configuration):
    with raises_service_error(
        "InvalidRequestException",
        400,
        f"Microsoft Teams channel with ID {TEAMS_CHANNEL_ID} in team {TEAMS_TEAM_ID} has already been configured "
        f"for AWS account {DEFAULT_ACCOUNT}.",
    ):
        create_teams(chatbot, name="second")


def test_another_channel_of_the_same_team_can_be_configured(chatbot, teams_configuration):
    assert (
        create_teams(chatbot, name="second", channel_id=OTHER_TEAMS_CHANNEL_ID)["ChannelId"] == OTHER_TEAMS_CHANNEL_ID
    )


# -- get and list ----------------------------------------------------------------------------------


def test_get_answers_what_create_answered(chatbot, team):
    created = create_teams(chatbot, Tags=tags(team="ops"))

    answer = chatbot.get_microsoft_teams_channel_configuration(ChatConfigurationArn=created["ChatConfigurationArn"])

    assert answer["ChannelConfiguration"] == created


def test_get_of_an_unknown_configuration_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.get_microsoft_teams_channel_configuration(ChatConfigurationArn=UNKNOWN_ARN)


def test_get_of_a_slack_configuration_is_not_found(chatbot, slack_arn):
    with raises_service_error("ResourceNotFoundException", 404, "Microsoft Teams channel configuration"):
        chatbot.get_microsoft_teams_channel_configuration(ChatConfigurationArn=slack_arn)


def test_list_answers_every_configuration_in_creation_order(chatbot, team):
    first = create_teams(chatbot, name="first")
    second = create_teams(chatbot, name="second", channel_id=OTHER_TEAMS_CHANNEL_ID)

    assert teams_configurations(chatbot) == [first, second]


def test_list_by_team_answers_only_that_teams_configurations(chatbot, chatbot_mock, team):
    chatbot_mock.chatbot.authorize_teams_team(OTHER_TEAMS_TEAM_ID, "Platform", TEAMS_TENANT_ID)
    ours = create_teams(chatbot, name="ours")
    create_teams(chatbot, name="theirs", team_id=OTHER_TEAMS_TEAM_ID)

    assert teams_configurations(chatbot, TeamId=TEAMS_TEAM_ID) == [ours]


def test_list_by_an_unknown_team_answers_an_empty_list(chatbot, teams_configuration):
    assert chatbot.list_microsoft_teams_channel_configurations(TeamId=uuid_for(9))["TeamChannelConfigurations"] == []


# -- update ----------------------------------------------------------------------------------------


def test_update_changes_the_members_given(chatbot, teams_arn):
    updated = chatbot.update_microsoft_teams_channel_configuration(
        ChatConfigurationArn=teams_arn,
        ChannelId=TEAMS_CHANNEL_ID,
        ChannelName="renamed",
        SnsTopicArns=[OTHER_TOPIC_ARN],
        IamRoleArn=OTHER_ROLE_ARN,
        LoggingLevel="ERROR",
        GuardrailPolicyArns=[READ_ONLY_POLICY],
        UserAuthorizationRequired=True,
    )["ChannelConfiguration"]

    assert updated["ChannelName"] == "renamed"
    assert updated["SnsTopicArns"] == [OTHER_TOPIC_ARN]
    assert updated["IamRoleArn"] == OTHER_ROLE_ARN
    assert updated["LoggingLevel"] == "ERROR"
    assert updated["GuardrailPolicyArns"] == [READ_ONLY_POLICY]
    assert updated["UserAuthorizationRequired"] is True
    assert chatbot.get_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)[
        "ChannelConfiguration"
    ] == (updated)


def test_update_keeps_the_members_it_does_not_give(chatbot, team):
    created = create_teams(
        chatbot, ChannelName="ops", SnsTopicArns=[TOPIC_ARN], LoggingLevel="INFO", UserAuthorizationRequired=True
    )

    updated = chatbot.update_microsoft_teams_channel_configuration(
        ChatConfigurationArn=created["ChatConfigurationArn"], ChannelId=TEAMS_CHANNEL_ID
    )["ChannelConfiguration"]

    assert updated == created


def test_update_can_move_the_configuration_to_another_channel_of_its_team(chatbot, teams_arn):
    updated = chatbot.update_microsoft_teams_channel_configuration(
        ChatConfigurationArn=teams_arn, ChannelId=OTHER_TEAMS_CHANNEL_ID
    )["ChannelConfiguration"]

    assert (updated["TeamId"], updated["ChannelId"]) == (TEAMS_TEAM_ID, OTHER_TEAMS_CHANNEL_ID)
    assert create_teams(chatbot, name="newcomer")["ChannelId"] == TEAMS_CHANNEL_ID


def test_update_cannot_move_onto_a_channel_that_is_already_configured(chatbot, team):
    first = create_teams(chatbot, name="first")
    create_teams(chatbot, name="second", channel_id=OTHER_TEAMS_CHANNEL_ID)

    with raises_service_error("InvalidRequestException", 400, "has already been configured"):
        chatbot.update_microsoft_teams_channel_configuration(
            ChatConfigurationArn=first["ChatConfigurationArn"], ChannelId=OTHER_TEAMS_CHANNEL_ID
        )


def test_update_of_an_unknown_configuration_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.update_microsoft_teams_channel_configuration(
            ChatConfigurationArn=UNKNOWN_ARN, ChannelId=TEAMS_CHANNEL_ID
        )


# -- delete ----------------------------------------------------------------------------------------


def test_delete_answers_204_and_removes_the_configuration(chatbot, teams_arn):
    answer = chatbot.delete_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert teams_configurations(chatbot) == []


def test_delete_of_an_unknown_configuration_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, UNKNOWN_ARN):
        chatbot.delete_microsoft_teams_channel_configuration(ChatConfigurationArn=UNKNOWN_ARN)


def test_delete_removes_the_user_identities_associations_and_tags(chatbot, chatbot_mock, teams_arn):
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN)
    action = create_action(chatbot)
    chatbot.associate_to_configuration(Resource=action, ChatConfiguration=teams_arn)

    chatbot.delete_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)

    assert chatbot.list_microsoft_teams_user_identities()["TeamsUserIdentities"] == []
    assert all_items(chatbot, "list_associations", "Associations", ChatConfiguration=teams_arn) == []
    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.list_tags_for_resource(ResourceARN=teams_arn)
