"""CreateSlackChannelConfiguration, ListSlackChannelConfigurations,
UpdateSlackChannelConfiguration and DeleteSlackChannelConfiguration."""

from __future__ import annotations

from support_app_helpers import (
    CHANNEL_ID,
    OTHER_TEAM_ID,
    ROLE_ARN,
    TEAM_ID,
    channel_configuration,
    channel_configurations,
    channel_ids,
    create_channel,
    raises_service_error,
)

OTHER_ROLE_ARN = "arn:aws:iam::123456789012:role/OtherSupportAppRole"


# -- create --------------------------------------------------------------------------------


def test_create_answers_an_empty_200(support_app, workspace):
    response = create_channel(support_app)

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert set(response) == {"ResponseMetadata"}


def test_created_configuration_is_listed_with_every_member_given(support_app, workspace):
    create_channel(
        support_app,
        channelName="support-cases",
        notifyOnCaseSeverity="all",
        notifyOnAddCorrespondenceToCase=True,
        notifyOnCreateOrReopenCase=False,
        notifyOnResolveCase=True,
    )

    assert channel_configurations(support_app) == [
        {
            "teamId": TEAM_ID,
            "channelId": CHANNEL_ID,
            "channelName": "support-cases",
            "channelRoleArn": ROLE_ARN,
            "notifyOnCaseSeverity": "all",
            "notifyOnAddCorrespondenceToCase": True,
            "notifyOnCreateOrReopenCase": False,
            "notifyOnResolveCase": True,
        }
    ]


def test_create_without_notify_flags_stores_them_as_false(support_app, workspace):
    create_channel(support_app, notifyOnCaseSeverity="none")

    configuration = channel_configuration(support_app, TEAM_ID, CHANNEL_ID)
    assert configuration["notifyOnAddCorrespondenceToCase"] is False
    assert configuration["notifyOnCreateOrReopenCase"] is False
    assert configuration["notifyOnResolveCase"] is False


def test_create_without_channel_name_lists_no_channel_name(support_app, workspace):
    create_channel(support_app)

    assert "channelName" not in channel_configuration(support_app, TEAM_ID, CHANNEL_ID)


def test_list_answers_an_empty_list_when_nothing_is_configured(support_app):
    response = support_app.list_slack_channel_configurations()

    assert response["slackChannelConfigurations"] == []
    assert "nextToken" not in response


def test_configurations_are_listed_in_creation_order(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")
    create_channel(support_app, channel_id="C3")
    create_channel(support_app, channel_id="C1", team_id=OTHER_TEAM_ID)
    create_channel(support_app, channel_id="C2")

    assert [(c["teamId"], c["channelId"]) for c in channel_configurations(support_app)] == [
        (TEAM_ID, "C3"),
        (OTHER_TEAM_ID, "C1"),
        (TEAM_ID, "C2"),
    ]


def test_the_same_channel_id_can_be_configured_in_two_workspaces(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")
    create_channel(support_app, team_id=TEAM_ID)
    create_channel(support_app, team_id=OTHER_TEAM_ID)

    assert [(c["teamId"], c["channelId"]) for c in channel_configurations(support_app)] == [
        (TEAM_ID, CHANNEL_ID),
        (OTHER_TEAM_ID, CHANNEL_ID),
    ]


def test_create_before_the_workspace_is_in_the_account_is_a_conflict(support_app):
    with raises_service_error("ConflictException", 409, "before you add the Slack workspace", TEAM_ID):
        create_channel(support_app)


def test_create_of_a_configuration_that_exists_is_a_conflict(support_app, workspace):
    create_channel(support_app)

    with raises_service_error("ConflictException", 409, "already exists", CHANNEL_ID):
        create_channel(support_app, notifyOnCaseSeverity="all", notifyOnResolveCase=True)


def test_refused_duplicate_create_keeps_the_original_configuration(support_app, workspace):
    create_channel(support_app, channelName="original")
    before = channel_configurations(support_app)

    with raises_service_error("ConflictException", 409):
        create_channel(support_app, channelName="replacement")

    assert channel_configurations(support_app) == before


# -- update --------------------------------------------------------------------------------


def test_update_answers_the_whole_configuration_after_the_change(support_app, channel):
    response = support_app.update_slack_channel_configuration(
        teamId=TEAM_ID, channelId=CHANNEL_ID, notifyOnResolveCase=True
    )

    body = {key: value for key, value in response.items() if key != "ResponseMetadata"}
    assert body == {**channel, "notifyOnResolveCase": True}


def test_update_is_visible_in_the_list(support_app, channel):
    support_app.update_slack_channel_configuration(
        teamId=TEAM_ID, channelId=CHANNEL_ID, channelName="renamed", channelRoleArn=OTHER_ROLE_ARN
    )

    configuration = channel_configuration(support_app, TEAM_ID, CHANNEL_ID)
    assert configuration["channelName"] == "renamed"
    assert configuration["channelRoleArn"] == OTHER_ROLE_ARN


def test_update_keeps_channel_name_and_role_when_omitted(support_app, workspace):
    create_channel(support_app, channelName="support-cases")

    response = support_app.update_slack_channel_configuration(
        teamId=TEAM_ID, channelId=CHANNEL_ID, notifyOnCaseSeverity="all", notifyOnResolveCase=True
    )

    assert response["channelName"] == "support-cases"
    assert response["channelRoleArn"] == ROLE_ARN


def test_update_keeps_severity_and_flags_when_omitted(support_app, channel):
    response = support_app.update_slack_channel_configuration(
        teamId=TEAM_ID, channelId=CHANNEL_ID, channelName="renamed"
    )

    assert response["notifyOnCaseSeverity"] == channel["notifyOnCaseSeverity"] == "high"
    assert response["notifyOnCreateOrReopenCase"] is True
    assert response["notifyOnAddCorrespondenceToCase"] is False
    assert response["notifyOnResolveCase"] is False


def test_update_with_only_the_keys_changes_nothing(support_app, channel):
    response = support_app.update_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)

    assert {key: value for key, value in response.items() if key != "ResponseMetadata"} == channel
    assert channel_configuration(support_app, TEAM_ID, CHANNEL_ID) == channel


def test_update_keeps_the_configuration_in_its_place_in_the_list(support_app, workspace):
    for channel_id in ("C1", "C2", "C3"):
        create_channel(support_app, channel_id=channel_id)

    support_app.update_slack_channel_configuration(teamId=TEAM_ID, channelId="C1", channelName="first")

    assert channel_ids(support_app) == ["C1", "C2", "C3"]


def test_update_before_the_workspace_is_in_the_account_is_a_conflict(support_app):
    with raises_service_error("ConflictException", 409, "update a Slack channel configuration", TEAM_ID):
        support_app.update_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)


def test_update_of_an_unknown_configuration_is_not_found(support_app, workspace):
    with raises_service_error("ResourceNotFoundException", 404, "No Slack channel configuration", CHANNEL_ID):
        support_app.update_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID, channelName="x")


# -- delete --------------------------------------------------------------------------------


def test_delete_removes_the_configuration(support_app, channel):
    response = support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert channel_configurations(support_app) == []


def test_delete_keeps_the_other_configurations(support_app, workspace):
    for channel_id in ("C1", "C2", "C3"):
        create_channel(support_app, channel_id=channel_id)

    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId="C2")

    assert channel_ids(support_app) == ["C1", "C3"]


def test_deleted_configuration_can_be_created_again(support_app, channel):
    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)

    create_channel(support_app, channelName="again")

    assert channel_configuration(support_app, TEAM_ID, CHANNEL_ID)["channelName"] == "again"


def test_delete_before_the_workspace_is_in_the_account_is_a_conflict(support_app):
    with raises_service_error("ConflictException", 409, "delete a Slack channel configuration", TEAM_ID):
        support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)


def test_delete_of_an_unknown_configuration_is_not_found(support_app, workspace):
    with raises_service_error("ResourceNotFoundException", 404, "No Slack channel configuration", CHANNEL_ID):
        support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)


def test_delete_twice_is_not_found_the_second_time(support_app, channel):
    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)

    with raises_service_error("ResourceNotFoundException", 404):
        support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)


def test_delete_of_a_channel_with_an_active_live_chat_is_a_conflict(support_app, chatbot_mock, channel):
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)

    with raises_service_error(
        "ConflictException", 409, "active live chat", CHANNEL_ID, advice=["m.support_app.end_live_chat"]
    ):
        support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)

    assert channel_configurations(support_app) == [channel]


def test_delete_succeeds_once_the_live_chat_has_ended(support_app, chatbot_mock, channel):
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)
    chatbot_mock.support_app.end_live_chat(TEAM_ID, CHANNEL_ID)

    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)

    assert channel_configurations(support_app) == []


def test_a_live_chat_in_one_channel_does_not_block_deleting_another(support_app, chatbot_mock, workspace):
    create_channel(support_app, channel_id="C1")
    create_channel(support_app, channel_id="C2")
    chatbot_mock.support_app.start_live_chat(TEAM_ID, "C1")

    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId="C2")

    assert channel_ids(support_app) == ["C1"]


def test_a_live_chat_does_not_block_updating_its_channel(support_app, chatbot_mock, channel):
    chatbot_mock.support_app.start_live_chat(TEAM_ID, CHANNEL_ID)

    response = support_app.update_slack_channel_configuration(
        teamId=TEAM_ID, channelId=CHANNEL_ID, channelName="still-chatting"
    )

    assert response["channelName"] == "still-chatting"

