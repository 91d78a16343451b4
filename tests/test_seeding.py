"""The seeding plumbing: a console step refused raises the service's error, which only the
consoles' methods (the Python edge) turn into the ClientError boto3 users catch."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from chatbot_mock import interception, mock_chatbot
from chatbot_mock._seeding import at_edge
from chatbot_mock.protocol.errors import ServiceError
from chatbot_mock.support_app.console import SupportAppConsole, create_organization

ACCOUNT = "111111111111"


def refuse() -> None:
    raise ServiceError("no such thing", "ResourceNotFoundException")


def test_at_the_python_edge_a_service_error_is_the_client_error_boto3_raises() -> None:
    with pytest.raises(ClientError) as refused:
        at_edge("support-app", "StartLiveChat", refuse)

    assert refused.value.operation_name == "StartLiveChat"
    assert refused.value.response == {
        "Error": {"Code": "ResourceNotFoundException", "Message": "no such thing"},
        "ResponseMetadata": {"HTTPStatusCode": 404},
    }


def test_off_the_python_edge_the_service_error_stays_as_it_is() -> None:
    with pytest.raises(ServiceError, match="no such thing"):
        at_edge("support-app", "StartLiveChat", refuse, client_errors=False)


def test_a_console_for_the_admin_calls_raises_the_services_error_with_its_status() -> None:
    with mock_chatbot():
        state = interception.active_state()
        assert state is not None
        console = SupportAppConsole(lambda: state, client_errors=False)
        with pytest.raises(ServiceError) as refused:
            console.start_live_chat("T1", "C1", account_id=ACCOUNT)

    assert (refused.value.code, refused.value.status) == ("ResourceNotFoundException", 404)


def test_create_organization_for_the_admin_calls_raises_the_services_error() -> None:
    with mock_chatbot():
        state = interception.active_state()
        assert state is not None
        create_organization(state, ACCOUNT, [])
        with pytest.raises(ServiceError) as refused:
            create_organization(state, ACCOUNT, [], client_errors=False)
        with pytest.raises(ClientError) as in_process:
            create_organization(state, ACCOUNT, [])

    assert (refused.value.code, refused.value.status) == ("ConflictException", 409)
    assert in_process.value.response["Error"]["Code"] == "ConflictException"


def test_a_seeded_value_the_model_forbids_is_refused_as_bad_input_with_the_steps_code() -> None:
    with mock_chatbot() as mock, pytest.raises(ClientError) as refused:
        mock.chatbot.authorize_slack_workspace("not a team id", "acme")

    assert refused.value.response["Error"]["Code"] == "InvalidParameterException"
    assert "SlackTeamId" in refused.value.response["Error"]["Message"]
