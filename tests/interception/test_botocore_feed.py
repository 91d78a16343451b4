"""Which botocore requests the mock answers, and which it leaves alone."""

import inspect
import sys
import unittest.mock
from typing import Any, Iterator

import boto3
import botocore.session
import pytest
from botocore import UNSIGNED
from botocore.awsrequest import AWSResponse
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError
from botocore.hooks import HierarchicalEmitter
from moto import mock_aws

from chatbot_mock import interception, mock_chatbot

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


def canned(status: int, body: bytes) -> Any:
    """A before-send handler answering like moto's stubber does for hosts it does not know."""

    def handler(request: Any, **_: Any) -> AWSResponse:
        calls.append(request.url)
        return AWSResponse(request.url, status, {}, _Raw(body))

    calls: list = []
    handler.calls = calls  # type: ignore[attr-defined]
    return handler


class _Raw:
    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self.body


def test_the_mocks_answer_beats_every_handler_a_client_already_has(credentials: None) -> None:
    # A session made after moto's import but before chatbot_mock's carries moto's
    # before-send handler, which answers unknown hosts with a 404.
    client = botocore.session.get_session().create_client("support-app", region_name="us-east-1")
    moto_like = canned(404, b"Not yet implemented")
    client.meta.events.register_first("before-send.support-app", moto_like)
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        assert team_ids(client) == [TEAM]
    assert len(moto_like.calls) == 1, "the handler still ran; its answer lost"


def test_handlers_that_only_watch_requests_still_see_them(credentials: None) -> None:
    seen: list = []
    client = boto3.client("chatbot", region_name="us-east-1")
    client.meta.events.register("before-send.chatbot", lambda request, **_: seen.append(request.url))
    with mock_chatbot():
        client.get_account_preferences()
    assert seen == ["https://chatbot.us-east-1.amazonaws.com/get-account-preferences"]


def test_a_patch_made_on_top_of_emit_never_makes_botocore_recurse(credentials: None) -> None:
    # Another library wraps emit while a mock is on, and the mock stops and starts again.
    mock = mock_chatbot().start()
    patch = unittest.mock.patch.object(HierarchicalEmitter, "emit", autospec=True, side_effect=HierarchicalEmitter.emit)
    patch.start()
    try:
        mock.stop()
        boto3.client("sts", region_name="us-east-1")  # emits events: must not recurse
        with mock_chatbot():
            assert boto3.client("chatbot", region_name="us-east-1").get_account_preferences()["AccountPreferences"]
            boto3.client("sts", region_name="us-east-1")
    finally:
        patch.stop()
    with mock_chatbot():
        assert boto3.client("chatbot", region_name="us-east-1").get_account_preferences()["AccountPreferences"]


def test_the_hooks_go_in_once_and_stay_however_often_mocks_start_and_stop() -> None:
    with mock_chatbot():
        installed = HierarchicalEmitter.__dict__["emit"]
    for _ in range(3):
        with mock_chatbot(), mock_chatbot():
            assert HierarchicalEmitter.__dict__["emit"] is installed
        assert HierarchicalEmitter.__dict__["emit"] is installed
    assert interception.active_state() is None


class RecordingHttpSession:
    """Stands in for botocore's HTTP session: records what reached the network layer."""

    def __init__(self) -> None:
        self.hosts: list = []

    def send(self, request: Any) -> AWSResponse:
        self.hosts.append(request.url.split("//")[1].split("/")[0])
        return AWSResponse(request.url, 200, {}, _Raw(b""))


def test_another_services_request_is_never_taken_whatever_its_host(credentials: None) -> None:
    # Unsigned S3 requests for buckets named like the mocked services' endpoints.
    s3 = boto3.client("s3", region_name="us-east-1", config=Config(signature_version=UNSIGNED))
    network = RecordingHttpSession()
    s3._endpoint.http_session = network
    with mock_chatbot():
        s3.head_bucket(Bucket="chatbot")
        s3.head_bucket(Bucket="supportapp")
    assert network.hosts == ["chatbot.s3.amazonaws.com", "supportapp.s3.amazonaws.com"]


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


def test_a_hook_taken_away_by_another_librarys_unwinding_is_put_back_at_the_next_start(
    credentials: None,
) -> None:
    # What a library does that wrapped emit before the mock's first start and unwinds its
    # patch after: the class ends up with a function that never reaches the mock.
    botocore_emit = inspect.unwrap(HierarchicalEmitter.__dict__["emit"])
    client = boto3.client("chatbot", region_name="us-east-1", endpoint_url="http://127.0.0.1:1", config=NO_RETRIES)
    with unittest.mock.patch.object(HierarchicalEmitter, "emit", botocore_emit):
        with mock_chatbot():
            assert client.get_account_preferences()["AccountPreferences"]
    with mock_chatbot():
        assert client.get_account_preferences()["AccountPreferences"]


def test_a_patch_around_the_first_start_does_not_take_the_hook_with_it(pytester: pytest.Pytester) -> None:
    # Only a fresh process has a first start.
    script = pytester.makepyfile(
        check="""
        import os, unittest.mock
        import boto3
        from botocore.config import Config
        from botocore.hooks import HierarchicalEmitter
        from chatbot_mock import mock_chatbot

        os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
        patch = unittest.mock.patch.object(
            HierarchicalEmitter, "emit", autospec=True, side_effect=HierarchicalEmitter.emit
        )
        patch.start()
        with mock_chatbot():
            pass
        patch.stop()
        with mock_chatbot():
            client = boto3.client("chatbot", region_name="us-east-1", endpoint_url="http://127.0.0.1:1",
                                  config=Config(retries={"total_max_attempts": 1}))
            print(client.list_custom_actions()["CustomActions"])
        """
    )
    result = pytester.run(sys.executable, str(script))
    assert result.ret == 0, result.stderr.str()
    result.stdout.fnmatch_lines(["[[][]]"])


def test_the_credential_hook_taken_away_is_put_back_at_the_next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    original = inspect.unwrap(botocore.session.Session.__dict__["get_credentials"])
    with unittest.mock.patch.object(botocore.session.Session, "get_credentials", original), mock_chatbot():
        assert botocore.session.get_session().get_credentials().access_key == "CHATBOTMOCKACCESSKEY"


@pytest.mark.parametrize("service", ["chatbot", "support-app"])
def test_an_unsigned_client_is_refused_as_aws_refuses_it(service: str) -> None:
    # signature_version=UNSIGNED is also what the AWS CLI's --no-sign-request sets.
    client = boto3.client(service, region_name="us-east-1", config=Config(signature_version=UNSIGNED))
    with mock_chatbot(), pytest.raises(ClientError) as refused:
        client.get_account_alias() if service == "support-app" else client.list_custom_actions()
    assert refused.value.response["Error"] == {
        "Code": "MissingAuthenticationTokenException",
        "Message": "Missing Authentication Token",
    }
    assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
