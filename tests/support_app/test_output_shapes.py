"""Every successful answer of the 10 operations matches its output shape in botocore's model.

(Every client of this suite also checks this on each call through an ``after-call`` hook,
see conftest.py; these tests make the check explicit, operation by operation, with answers
that carry every optional member.)"""

from __future__ import annotations

import botocore.session
import pytest
from botocore.exceptions import ClientError
from support_app_helpers import MANAGEMENT_ACCOUNT, TEAM_ID, TEAM_NAME, create_channel

from chatbot_mock.protocol.validation import ShapeValidator

MODEL = botocore.session.get_session().get_service_model("support-app")


def populate(mock, client):
    """A workspace registered for an organization, 11 channels (so lists page), an alias."""
    mock.create_organization(MANAGEMENT_ACCOUNT, [])
    mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=MANAGEMENT_ACCOUNT)
    for index in range(11):
        create_channel(client, channel_id=f"C{index:02d}", channelName=f"channel-{index}")
    client.put_account_alias(accountAlias="acme")


CALLS = {
    "CreateSlackChannelConfiguration": lambda c: create_channel(
        c, channel_id="C-new", notifyOnCaseSeverity="all", notifyOnResolveCase=True
    ),
    "DeleteAccountAlias": lambda c: c.delete_account_alias(),
    "DeleteSlackChannelConfiguration": lambda c: c.delete_slack_channel_configuration(teamId=TEAM_ID, channelId="C00"),
    "DeleteSlackWorkspaceConfiguration": lambda c: c.delete_slack_workspace_configuration(teamId=TEAM_ID),
    "GetAccountAlias": lambda c: c.get_account_alias(),
    "ListSlackChannelConfigurations": lambda c: c.list_slack_channel_configurations(),
    "ListSlackWorkspaceConfigurations": lambda c: c.list_slack_workspace_configurations(),
    "PutAccountAlias": lambda c: c.put_account_alias(accountAlias="acme-2"),
    "RegisterSlackWorkspaceForOrganization": lambda c: c.register_slack_workspace_for_organization(teamId=TEAM_ID),
    "UpdateSlackChannelConfiguration": lambda c: c.update_slack_channel_configuration(
        teamId=TEAM_ID, channelId="C01", channelName="renamed"
    ),
}


def test_the_table_covers_every_operation_of_the_model():
    assert sorted(CALLS) == sorted(MODEL.operation_names)
    assert len(CALLS) == 10


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_a_successful_answer_matches_the_output_shape(chatbot_mock, client_for, operation):
    client = client_for(MANAGEMENT_ACCOUNT)
    populate(chatbot_mock, client)

    response = CALLS[operation](client)

    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    body = {key: value for key, value in response.items() if key != "ResponseMetadata"}
    assert ShapeValidator().problems(MODEL.operation_model(operation).output_shape, body) == []


def test_list_answers_carry_their_optional_members(chatbot_mock, client_for):
    client = client_for(MANAGEMENT_ACCOUNT)
    populate(chatbot_mock, client)
    client.register_slack_workspace_for_organization(teamId=TEAM_ID)

    channels = client.list_slack_channel_configurations()
    workspaces = client.list_slack_workspace_configurations()

    assert "nextToken" in channels
    assert set(channels["slackChannelConfigurations"][0]) == set(MODEL.shape_for("SlackChannelConfiguration").members)
    assert set(workspaces["slackWorkspaceConfigurations"][0]) == set(
        MODEL.shape_for("SlackWorkspaceConfiguration").members
    )


def test_every_answer_carries_a_request_id(support_app):
    first = support_app.get_account_alias()["ResponseMetadata"]["RequestId"]
    second = support_app.get_account_alias()["ResponseMetadata"]["RequestId"]

    assert first and second and first != second


def test_an_error_answer_carries_the_error_type_header_and_a_request_id(support_app):
    with pytest.raises(ClientError) as excinfo:
        support_app.delete_account_alias()

    metadata = excinfo.value.response["ResponseMetadata"]
    assert metadata["HTTPHeaders"]["x-amzn-errortype"] == "ResourceNotFoundException"
    assert metadata["RequestId"]
