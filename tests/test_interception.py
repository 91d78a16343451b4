"""Which botocore requests the mock answers, and which it leaves alone."""

from typing import Any, Iterator

import boto3
import botocore.session
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError
from moto import mock_aws

from chatbot_mock import _interception, mock_chatbot
from chatbot_mock._interception import _before_send

TEAM = "T012ABCDEFG"
# One attempt: a refused connection must fail at once, not after retries.
NO_RETRIES = Config(retries={"total_max_attempts": 1})


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What a developer's shell has: credentials the mock must never need to use."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    yield


def team_ids(client: Any) -> list:
    return [w["teamId"] for w in client.list_slack_workspace_configurations()["slackWorkspaceConfigurations"]]


def test_a_client_created_before_the_mock_started_is_answered(credentials: None) -> None:
    client = boto3.client("support-app", region_name="us-east-1")
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        assert team_ids(client) == [TEAM]


def test_a_session_made_before_the_mock_started_is_answered(credentials: None) -> None:
    session = boto3.Session(region_name="eu-west-1")
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        assert team_ids(session.client("support-app")) == [TEAM]


def test_a_client_without_the_handler_is_answered_through_the_send_fallback(credentials: None) -> None:
    # Clients of sessions made before chatbot_mock was imported lack its before-send
    # handler; removing it reproduces them.
    client = botocore.session.get_session().create_client("support-app", region_name="us-east-1")
    client.meta.events.unregister("before-send.support-app", _before_send)
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        assert team_ids(client) == [TEAM]


def test_other_services_are_left_alone(credentials: None) -> None:
    # Port 1 on loopback refuses at once: the request really went to the HTTP layer.
    s3 = boto3.client("s3", region_name="us-east-1", endpoint_url="http://127.0.0.1:1", config=NO_RETRIES)
    with mock_chatbot(), pytest.raises(EndpointConnectionError):
        s3.list_buckets()


def test_the_mocked_services_are_not_answered_after_stop(credentials: None) -> None:
    client = boto3.client("support-app", region_name="us-east-1", endpoint_url="http://127.0.0.1:1", config=NO_RETRIES)
    with mock_chatbot():
        assert team_ids(client) == []
    with pytest.raises(EndpointConnectionError):
        team_ids(client)


def test_stop_restores_botocore_exactly() -> None:
    from botocore.endpoint import Endpoint

    original = Endpoint._send
    with mock_chatbot():
        assert Endpoint._send is not original
    assert Endpoint._send is original
    assert _interception.active_state() is None


@pytest.mark.parametrize("moto_outside", [True, False], ids=["moto outside", "moto inside"])
def test_moto_and_chatbot_mock_each_answer_their_own_services(moto_outside: bool) -> None:
    outer, inner = (mock_aws(), mock_chatbot()) if moto_outside else (mock_chatbot(), mock_aws())
    with outer, inner:
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="chatops-artifacts")
        support = boto3.client("support-app", region_name="us-east-1")
        support.put_account_alias(accountAlias="ops")
        assert support.get_account_alias()["accountAlias"] == "ops"
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["chatops-artifacts"]
