"""RegisterSlackWorkspaceForOrganization: a management account opens a workspace it
authorised to its organization; member accounts then register it for themselves."""

from __future__ import annotations

from typing import Any

import pytest
from support_app_helpers import (
    MANAGEMENT_ACCOUNT,
    MEMBER_ACCOUNT,
    OTHER_ACCOUNT,
    OTHER_TEAM_ID,
    TEAM_ID,
    TEAM_NAME,
    create_channel,
    raises_service_error,
    team_ids,
    workspace_configurations,
)

SECOND_MEMBER = "777788889999"


@pytest.fixture
def organization(chatbot_mock):
    """MANAGEMENT_ACCOUNT manages MEMBER_ACCOUNT and SECOND_MEMBER; it authorised TEAM_ID in the console."""
    chatbot_mock.create_organization(MANAGEMENT_ACCOUNT, [MEMBER_ACCOUNT, SECOND_MEMBER])
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=MANAGEMENT_ACCOUNT)


@pytest.fixture
def management(client_for, organization):
    return client_for(MANAGEMENT_ACCOUNT)


@pytest.fixture
def member(client_for, organization):
    return client_for(MEMBER_ACCOUNT)


@pytest.fixture
def registered(management):
    """TEAM_ID registered for the organization by the management account."""
    management.register_slack_workspace_for_organization(teamId=TEAM_ID)


def body(response):
    return {key: value for key, value in response.items() if key != "ResponseMetadata"}


# -- the management account -----------------------------------------------------------------


def test_management_registration_answers_account_type_management(management):
    response = management.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert body(response) == {"teamId": TEAM_ID, "teamName": TEAM_NAME, "accountType": "management"}


def test_management_registration_opens_the_workspace_to_member_accounts(management):
    management.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert workspace_configurations(management) == [
        {"teamId": TEAM_ID, "teamName": TEAM_NAME, "allowOrganizationMemberAccount": True}
    ]


def test_management_registration_twice_answers_the_same(management):
    first = management.register_slack_workspace_for_organization(teamId=TEAM_ID)
    second = management.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert body(first) == body(second)
    assert team_ids(management) == [TEAM_ID]


def test_management_registration_of_a_workspace_it_never_authorised_is_not_found(management):
    with raises_service_error(
        "ResourceNotFoundException", 404, OTHER_TEAM_ID, advice=["m.support_app.authorize_slack_workspace"]
    ):
        management.register_slack_workspace_for_organization(teamId=OTHER_TEAM_ID)


# -- member accounts ------------------------------------------------------------------------


def test_member_registration_answers_account_type_member_with_the_management_team_name(member, registered):
    response = member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert body(response) == {"teamId": TEAM_ID, "teamName": TEAM_NAME, "accountType": "member"}


def test_member_registration_adds_the_workspace_to_the_member_account(member, registered):
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert workspace_configurations(member) == [
        {"teamId": TEAM_ID, "teamName": TEAM_NAME, "allowOrganizationMemberAccount": False}
    ]


def test_registered_member_can_configure_channels_in_the_workspace(member, registered):
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    create_channel(member)

    assert [c["teamId"] for c in member.list_slack_channel_configurations()["slackChannelConfigurations"]] == [TEAM_ID]


def test_member_registration_twice_adds_the_workspace_once(member, registered):
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert team_ids(member) == [TEAM_ID]


def test_member_registration_does_not_add_the_workspace_to_other_members(client_for, member, registered):
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert team_ids(client_for(SECOND_MEMBER)) == []


def test_member_registration_counts_toward_the_members_five_workspaces(chatbot_mock, member, registered):
    for index in range(4):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index}", f"team {index}", account_id=MEMBER_ACCOUNT)
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)  # the fifth

    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 5 Slack workspaces"):
        chatbot_mock.support_app.authorize_slack_workspace("T5", "one too many", account_id=MEMBER_ACCOUNT)


def test_member_registration_beyond_five_workspaces_is_refused(chatbot_mock, member, registered):
    for index in range(5):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index}", f"team {index}", account_id=MEMBER_ACCOUNT)

    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 5 Slack workspaces"):
        member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert TEAM_ID not in team_ids(member)


def test_member_that_already_has_the_workspace_can_register_at_its_quota(chatbot_mock, member, registered):
    for index in range(4):
        chatbot_mock.support_app.authorize_slack_workspace(f"T{index}", f"team {index}", account_id=MEMBER_ACCOUNT)
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    response = member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert response["accountType"] == "member"
    assert len(team_ids(member)) == 5


# -- conflicts ----------------------------------------------------------------------------------


def test_registration_from_an_account_outside_any_organization_is_a_conflict(support_app, workspace):
    with raises_service_error("ConflictException", 409, "doesn't belong to an organization"):
        support_app.register_slack_workspace_for_organization(teamId=TEAM_ID)


def test_registration_from_an_account_outside_this_organization_is_a_conflict(client_for, registered):
    with raises_service_error("ConflictException", 409, OTHER_ACCOUNT, "doesn't belong to an organization"):
        client_for(OTHER_ACCOUNT).register_slack_workspace_for_organization(teamId=TEAM_ID)


def test_member_registration_before_the_management_account_registered_is_a_conflict(member):
    with raises_service_error("ConflictException", 409, MANAGEMENT_ACCOUNT, "hasn't registered", TEAM_ID):
        member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert team_ids(member) == []


def test_member_registration_of_a_workspace_the_management_never_had_is_a_conflict(member, registered):
    with raises_service_error("ConflictException", 409, "hasn't registered", OTHER_TEAM_ID):
        member.register_slack_workspace_for_organization(teamId=OTHER_TEAM_ID)


def test_member_registration_after_the_management_deleted_the_workspace_is_a_conflict(management, member, registered):
    management.delete_slack_workspace_configuration(teamId=TEAM_ID)

    with raises_service_error("ConflictException", 409, "hasn't registered"):
        member.register_slack_workspace_for_organization(teamId=TEAM_ID)


def test_a_deleted_workspace_authorised_again_is_closed_to_members_until_registered_again(
    chatbot_mock: Any, management: Any, member: Any, registered: None
) -> None:
    management.delete_slack_workspace_configuration(teamId=TEAM_ID)
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=MANAGEMENT_ACCOUNT)

    assert workspace_configurations(management) == [
        {"teamId": TEAM_ID, "teamName": TEAM_NAME, "allowOrganizationMemberAccount": False}
    ]
    with raises_service_error("ConflictException", 409, MANAGEMENT_ACCOUNT, "hasn't registered", TEAM_ID):
        member.register_slack_workspace_for_organization(teamId=TEAM_ID)
    assert team_ids(member) == []

    management.register_slack_workspace_for_organization(teamId=TEAM_ID)
    response = member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    assert body(response) == {"teamId": TEAM_ID, "teamName": TEAM_NAME, "accountType": "member"}
    assert team_ids(member) == [TEAM_ID]


def test_a_member_keeps_its_workspace_when_the_management_deletes_its_own(management, member, registered):
    member.register_slack_workspace_for_organization(teamId=TEAM_ID)

    management.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert team_ids(member) == [TEAM_ID]


ARABIC_INDIC_DIGITS = "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662"


@pytest.mark.parametrize("account_id", ["12345", ARABIC_INDIC_DIGITS])
def test_an_organization_of_accounts_that_are_not_twelve_ascii_digits_is_refused(chatbot_mock, account_id):
    # str.isdigit() takes Arabic-Indic digits; AWS, and the models' ARN patterns, do not.
    with pytest.raises(ValueError, match="12 digits"):
        chatbot_mock.create_organization(MANAGEMENT_ACCOUNT, [account_id])
