"""User identities: seeded (chat users create them), listed and deleted through the API."""

from __future__ import annotations

from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    OTHER_ROLE_ARN,
    OTHER_SLACK_CHANNEL_ID,
    OTHER_TEAMS_CHANNEL_ID,
    ROLE_ARN,
    SLACK_TEAM_ID,
    SLACK_USER_ID,
    TEAMS_CHANNEL_ID,
    TEAMS_TEAM_ID,
    TEAMS_TENANT_ID,
    TEAMS_USER_ID,
    all_items,
    create_slack,
    create_teams,
    raises_service_error,
    uuid_for,
)

AWS_USER = f"arn:aws:iam::{DEFAULT_ACCOUNT}:user/alice"


def slack_identities(client, **request):
    return all_items(client, "describe_slack_user_identities", "SlackUserIdentities", **request)


def teams_identities(client, **request):
    return all_items(client, "list_microsoft_teams_user_identities", "TeamsUserIdentities", **request)


# -- Slack ------------------------------------------------------------------------------------------


def test_a_seeded_slack_identity_is_described_with_its_configuration(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN, AWS_USER)

    assert slack_identities(chatbot) == [
        {
            "ChatConfigurationArn": slack_arn,
            "SlackTeamId": SLACK_TEAM_ID,
            "SlackUserId": SLACK_USER_ID,
            "IamRoleArn": ROLE_ARN,
            "AwsUserIdentity": AWS_USER,
        }
    ]


def test_a_slack_identity_without_an_aws_user_identity_omits_it(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)

    assert "AwsUserIdentity" not in slack_identities(chatbot)[0]


def test_seeding_a_slack_identity_again_replaces_its_role(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, OTHER_ROLE_ARN)

    assert [identity["IamRoleArn"] for identity in slack_identities(chatbot)] == [OTHER_ROLE_ARN]


def test_describe_slack_identities_filters_by_configuration(chatbot, chatbot_mock, workspace):
    first = create_slack(chatbot, name="first")["ChatConfigurationArn"]
    second = create_slack(chatbot, name="second", channel_id=OTHER_SLACK_CHANNEL_ID)["ChatConfigurationArn"]
    chatbot_mock.chatbot.add_slack_user_identity(first, SLACK_TEAM_ID, "U1", ROLE_ARN)
    chatbot_mock.chatbot.add_slack_user_identity(second, SLACK_TEAM_ID, "U2", ROLE_ARN)
    chatbot_mock.chatbot.add_slack_user_identity(first, SLACK_TEAM_ID, "U3", ROLE_ARN)

    assert [i["SlackUserId"] for i in slack_identities(chatbot)] == ["U1", "U2", "U3"]
    assert [i["SlackUserId"] for i in slack_identities(chatbot, ChatConfigurationArn=first)] == ["U1", "U3"]


def test_describe_slack_identities_of_an_unknown_configuration_answers_an_empty_list(chatbot):
    unknown = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope"

    assert chatbot.describe_slack_user_identities(ChatConfigurationArn=unknown)["SlackUserIdentities"] == []


def test_delete_slack_identity_answers_204_and_removes_it(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)

    answer = chatbot.delete_slack_user_identity(
        ChatConfigurationArn=slack_arn, SlackTeamId=SLACK_TEAM_ID, SlackUserId=SLACK_USER_ID
    )

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert slack_identities(chatbot) == []


def test_delete_of_an_unknown_slack_identity_is_not_found(chatbot, slack_arn):
    with raises_service_error("ResourceNotFoundException", 404, SLACK_USER_ID, slack_arn):
        chatbot.delete_slack_user_identity(
            ChatConfigurationArn=slack_arn, SlackTeamId=SLACK_TEAM_ID, SlackUserId=SLACK_USER_ID
        )


def test_delete_of_a_slack_identity_needs_its_own_team(chatbot, chatbot_mock, slack_arn):
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)

    with raises_service_error("ResourceNotFoundException", 404):
        chatbot.delete_slack_user_identity(
            ChatConfigurationArn=slack_arn, SlackTeamId="TOTHER", SlackUserId=SLACK_USER_ID
        )

    assert len(slack_identities(chatbot)) == 1


def test_another_account_cannot_see_or_delete_a_slack_identity(chatbot, chatbot_mock, client_for, slack_arn):
    chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)
    theirs = client_for("111122223333")

    assert slack_identities(theirs) == []
    with raises_service_error("ResourceNotFoundException", 404):
        theirs.delete_slack_user_identity(
            ChatConfigurationArn=slack_arn, SlackTeamId=SLACK_TEAM_ID, SlackUserId=SLACK_USER_ID
        )


# -- Microsoft Teams -------------------------------------------------------------------------------------


def test_a_seeded_teams_identity_is_listed_with_its_team_tenant_and_channel(chatbot, chatbot_mock, teams_arn):
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN, AWS_USER)

    assert teams_identities(chatbot) == [
        {
            "ChatConfigurationArn": teams_arn,
            "TeamId": TEAMS_TEAM_ID,
            "TeamsTenantId": TEAMS_TENANT_ID,
            "TeamsChannelId": TEAMS_CHANNEL_ID,
            "UserId": TEAMS_USER_ID,
            "IamRoleArn": ROLE_ARN,
            "AwsUserIdentity": AWS_USER,
        }
    ]


def test_a_teams_identity_follows_its_configuration_to_another_channel(chatbot, chatbot_mock, teams_arn):
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN)
    assert teams_identities(chatbot)[0]["TeamsChannelId"] == TEAMS_CHANNEL_ID

    chatbot.update_microsoft_teams_channel_configuration(
        ChatConfigurationArn=teams_arn, ChannelId=OTHER_TEAMS_CHANNEL_ID
    )

    assert teams_identities(chatbot)[0]["TeamsChannelId"] == OTHER_TEAMS_CHANNEL_ID


def test_a_teams_identity_shows_its_teams_new_tenant(chatbot, chatbot_mock, teams_arn):
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN)
    assert teams_identities(chatbot)[0]["TeamsTenantId"] == TEAMS_TENANT_ID
    new_tenant = "11111111-2222-4333-8444-555555555555"

    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, "Operations", new_tenant)

    assert teams_identities(chatbot)[0]["TeamsTenantId"] == new_tenant


def test_list_teams_identities_filters_by_configuration(chatbot, chatbot_mock, team):
    first = create_teams(chatbot, name="first")["ChatConfigurationArn"]
    second = create_teams(chatbot, name="second", channel_id=OTHER_TEAMS_CHANNEL_ID)["ChatConfigurationArn"]
    for index, arn in enumerate([first, second, first]):
        chatbot_mock.chatbot.add_teams_user_identity(arn, uuid_for(index), ROLE_ARN)

    assert [i["UserId"] for i in teams_identities(chatbot, ChatConfigurationArn=first)] == [uuid_for(0), uuid_for(2)]
    assert len(teams_identities(chatbot)) == 3


def test_list_teams_identities_of_an_unknown_configuration_answers_an_empty_list(chatbot):
    unknown = f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/microsoft-teams-channel/nope"

    assert chatbot.list_microsoft_teams_user_identities(ChatConfigurationArn=unknown)["TeamsUserIdentities"] == []


def test_delete_teams_identity_answers_204_and_removes_it(chatbot, chatbot_mock, teams_arn):
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN)

    answer = chatbot.delete_microsoft_teams_user_identity(ChatConfigurationArn=teams_arn, UserId=TEAMS_USER_ID)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert teams_identities(chatbot) == []


def test_delete_of_an_unknown_teams_identity_is_not_found(chatbot, teams_arn):
    with raises_service_error("ResourceNotFoundException", 404, TEAMS_USER_ID, teams_arn):
        chatbot.delete_microsoft_teams_user_identity(ChatConfigurationArn=teams_arn, UserId=TEAMS_USER_ID)
