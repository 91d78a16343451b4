"""What the console authorises: Slack workspaces and Microsoft Teams teams.

The API can only list and delete them; the mock seeds them through ``mock.chatbot``.
"""

from __future__ import annotations

from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    OTHER_ACCOUNT,
    OTHER_SLACK_TEAM_ID,
    OTHER_TEAMS_TEAM_ID,
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    TEAMS_TEAM_ID,
    TEAMS_TEAM_NAME,
    TEAMS_TENANT_ID,
    all_items,
    create_slack,
    create_teams,
    raises_service_error,
)


def workspaces(client):
    return all_items(client, "describe_slack_workspaces", "SlackWorkspaces")


def configured_teams(client):
    return all_items(client, "list_microsoft_teams_configured_teams", "ConfiguredTeams")


# -- Slack workspaces ----------------------------------------------------------------------------


def test_a_new_account_has_no_workspaces(chatbot):
    assert chatbot.describe_slack_workspaces()["SlackWorkspaces"] == []


def test_describe_lists_authorised_workspaces_in_authorisation_order(chatbot, chatbot_mock):
    chatbot_mock.chatbot.authorize_slack_workspace(OTHER_SLACK_TEAM_ID, "zeta")
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)

    assert workspaces(chatbot) == [
        {"SlackTeamId": OTHER_SLACK_TEAM_ID, "SlackTeamName": "zeta", "State": "ENABLED"},
        {"SlackTeamId": SLACK_TEAM_ID, "SlackTeamName": SLACK_TEAM_NAME, "State": "ENABLED"},
    ]


def test_authorising_a_workspace_again_renames_it_in_place(chatbot, chatbot_mock, workspace):
    chatbot_mock.chatbot.authorize_slack_workspace(OTHER_SLACK_TEAM_ID, "zeta")
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, "acme-renamed")

    assert [(w["SlackTeamId"], w["SlackTeamName"]) for w in workspaces(chatbot)] == [
        (SLACK_TEAM_ID, "acme-renamed"),
        (OTHER_SLACK_TEAM_ID, "zeta"),
    ]


def test_a_workspace_belongs_to_the_account_that_authorised_it(chatbot, chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)

    assert workspaces(chatbot) == []
    assert [w["SlackTeamId"] for w in workspaces(client_for(OTHER_ACCOUNT))] == [SLACK_TEAM_ID]


def test_deleting_an_authorisation_removes_the_workspace(chatbot, workspace):
    answer = chatbot.delete_slack_workspace_authorization(SlackTeamId=SLACK_TEAM_ID)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert workspaces(chatbot) == []


def test_deleting_an_authorisation_that_never_existed_succeeds(chatbot):
    answer = chatbot.delete_slack_workspace_authorization(SlackTeamId=SLACK_TEAM_ID)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204


def test_deleting_an_authorisation_with_configured_channels_is_refused(chatbot, slack_configuration):
    with raises_service_error(
        "InvalidParameterException", 400, SLACK_TEAM_ID, "delete every channel configuration in the workspace"
    ):
        chatbot.delete_slack_workspace_authorization(SlackTeamId=SLACK_TEAM_ID)

    assert [w["SlackTeamId"] for w in workspaces(chatbot)] == [SLACK_TEAM_ID]


def test_deleting_an_authorisation_works_once_its_channels_are_gone(chatbot, slack_arn):
    chatbot.delete_slack_channel_configuration(ChatConfigurationArn=slack_arn)

    chatbot.delete_slack_workspace_authorization(SlackTeamId=SLACK_TEAM_ID)

    assert workspaces(chatbot) == []


def test_channels_of_another_workspace_do_not_hold_a_workspace_back(chatbot, chatbot_mock, slack_configuration):
    chatbot_mock.chatbot.authorize_slack_workspace(OTHER_SLACK_TEAM_ID, "zeta")

    chatbot.delete_slack_workspace_authorization(SlackTeamId=OTHER_SLACK_TEAM_ID)

    assert [w["SlackTeamId"] for w in workspaces(chatbot)] == [SLACK_TEAM_ID]


def test_a_deleted_workspace_can_no_longer_be_configured(chatbot, workspace):
    chatbot.delete_slack_workspace_authorization(SlackTeamId=SLACK_TEAM_ID)

    with raises_service_error("InvalidRequestException", 400, "is not authorized with AWS account"):
        create_slack(chatbot)


# -- Microsoft Teams teams -----------------------------------------------------------------------------


def test_a_new_account_has_no_configured_teams(chatbot):
    assert chatbot.list_microsoft_teams_configured_teams()["ConfiguredTeams"] == []


def test_list_answers_the_configured_teams_with_their_tenant(chatbot, team):
    assert configured_teams(chatbot) == [
        {"TeamId": TEAMS_TEAM_ID, "TeamName": TEAMS_TEAM_NAME, "TenantId": TEAMS_TENANT_ID, "State": "ENABLED"}
    ]


def test_a_team_belongs_to_the_account_that_configured_it(chatbot, chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, TEAMS_TEAM_NAME, TEAMS_TENANT_ID, account_id=OTHER_ACCOUNT)

    assert configured_teams(chatbot) == []
    assert [t["TeamId"] for t in configured_teams(client_for(OTHER_ACCOUNT))] == [TEAMS_TEAM_ID]


def test_deleting_a_configured_team_removes_it(chatbot, team):
    answer = chatbot.delete_microsoft_teams_configured_team(TeamId=TEAMS_TEAM_ID)

    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert configured_teams(chatbot) == []


def test_deleting_a_team_that_was_never_configured_is_not_found(chatbot):
    with raises_service_error("ResourceNotFoundException", 404, "No Team found for the team id", TEAMS_TEAM_ID):
        chatbot.delete_microsoft_teams_configured_team(TeamId=TEAMS_TEAM_ID)


def test_deleting_a_team_with_configured_channels_is_refused(chatbot, teams_configuration):
    with raises_service_error("InvalidParameterException", 400, TEAMS_TEAM_ID, "delete every channel configuration"):
        chatbot.delete_microsoft_teams_configured_team(TeamId=TEAMS_TEAM_ID)

    assert [t["TeamId"] for t in configured_teams(chatbot)] == [TEAMS_TEAM_ID]


def test_deleting_a_team_works_once_its_channels_are_gone(chatbot, teams_arn):
    chatbot.delete_microsoft_teams_channel_configuration(ChatConfigurationArn=teams_arn)

    chatbot.delete_microsoft_teams_configured_team(TeamId=TEAMS_TEAM_ID)

    assert configured_teams(chatbot) == []


def test_channels_of_another_team_do_not_hold_a_team_back(chatbot, chatbot_mock, teams_configuration):
    chatbot_mock.chatbot.authorize_teams_team(OTHER_TEAMS_TEAM_ID, "Platform", TEAMS_TENANT_ID)

    chatbot.delete_microsoft_teams_configured_team(TeamId=OTHER_TEAMS_TEAM_ID)

    assert [t["TeamId"] for t in configured_teams(chatbot)] == [TEAMS_TEAM_ID]


def test_a_deleted_team_can_no_longer_be_configured(chatbot, team):
    chatbot.delete_microsoft_teams_configured_team(TeamId=TEAMS_TEAM_ID)

    with raises_service_error("InvalidRequestException", 400, "team id you are using is not configured"):
        create_teams(chatbot)


def test_configured_team_names_are_answered_as_seeded_although_the_model_expects_a_uuid(chatbot, team):
    # botocore's model gives ConfiguredTeam.TeamName a team id's UUID pattern; a user
    # listing teams expects the name the console showed, which is what the mock answers.
    assert configured_teams(chatbot)[0]["TeamName"] == TEAMS_TEAM_NAME


def test_an_account_with_nothing_authorised_does_not_see_another_accounts_workspace(chatbot, client_for, workspace):
    assert workspaces(client_for(OTHER_ACCOUNT)) == []
    assert [w["SlackTeamId"] for w in workspaces(client_for(DEFAULT_ACCOUNT))] == [SLACK_TEAM_ID]
