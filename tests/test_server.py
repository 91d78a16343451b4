"""Server mode: both services over HTTP on one port, driven by boto3, raw HTTP and the
command line, through the same dispatch path and account rules as the in-process mock."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from typing import Any, Dict, Iterator, List, Optional

import boto3
import pytest

from chatbot_mock import _snapshot
from chatbot_mock.server import MAX_BODY_BYTES, ThreadedServer

ACCOUNT = "123456789012"
OTHER = "111122223333"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/r"


@pytest.fixture
def server() -> Iterator[ThreadedServer]:
    with ThreadedServer(port=0) as started:
        yield started


def client(server: ThreadedServer, service: str, account: str = ACCOUNT) -> Any:
    return boto3.client(
        service, region_name="us-east-1", endpoint_url=server.url, aws_access_key_id=account,
        aws_secret_access_key="x",
    )


def admin(server: ThreadedServer, path: str, document: Optional[Dict[str, Any]] = None, method: str = "POST") -> Any:
    data = json.dumps(document or {}).encode() if method == "POST" else None
    request = urllib.request.Request(f"{server.url}/_chatbot_mock/{path}", data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return {"status": refused.code, **json.loads(refused.read())}


def raw(server: ThreadedServer, payload: bytes) -> bytes:
    host, port = server.url[len("http://"):].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(payload)
        connection.shutdown(socket.SHUT_WR)
        return b"".join(iter(lambda: connection.recv(65536), b""))


def test_one_port_serves_both_services(server: ThreadedServer) -> None:
    admin(server, "support-app/authorize_slack_workspace", {"team_id": "T012ABCDEFG", "team_name": "acme"})
    admin(server, "chatbot/authorize_slack_workspace", {"team_id": "T012ABCDEFG", "team_name": "acme"})

    support = client(server, "support-app").list_slack_workspace_configurations()
    chatbot = client(server, "chatbot").describe_slack_workspaces()

    assert support["slackWorkspaceConfigurations"][0]["teamName"] == "acme"
    assert chatbot["SlackWorkspaces"][0]["SlackTeamName"] == "acme"


def test_the_signatures_access_key_chooses_the_account(server: ThreadedServer) -> None:
    ours = client(server, "chatbot").create_custom_action(ActionName="a", Definition={"CommandText": "x"})
    theirs = client(server, "chatbot", OTHER).list_custom_actions()

    assert ours["CustomActionArn"] == f"arn:aws:chatbot::{ACCOUNT}:custom-action/a"
    assert theirs["CustomActions"] == []


def test_errors_arrive_as_botocore_reads_them(server: ThreadedServer) -> None:
    chatbot = client(server, "chatbot")
    with pytest.raises(chatbot.exceptions.ResourceNotFoundException):
        chatbot.get_custom_action(CustomActionArn=f"arn:aws:chatbot::{ACCOUNT}:custom-action/missing")


def test_pagination_works_through_the_server(server: ThreadedServer) -> None:
    chatbot = client(server, "chatbot")
    for number in range(5):
        chatbot.create_custom_action(ActionName=f"a{number}", Definition={"CommandText": "x"})

    pages = chatbot.get_paginator("list_custom_actions").paginate(PaginationConfig={"PageSize": 2})

    assert [len(page["CustomActions"]) for page in pages] == [2, 2, 1]


def test_an_unsigned_request_is_refused(server: ThreadedServer) -> None:
    connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=5)
    connection.request("POST", "/list-custom-actions", body=b"{}", headers={"Content-Type": "application/json"})
    answer = connection.getresponse()
    assert (answer.status, answer.getheader("x-amzn-ErrorType")) == (403, "MissingAuthenticationTokenException")


SIGNED = {"Content-Type": "application/json",
          "Authorization": f"AWS4-HMAC-SHA256 Credential={ACCOUNT}/20260101/us-east-1/chatbot/aws4_request"}


def test_keep_alive_serves_many_requests_on_one_connection(server: ThreadedServer) -> None:
    connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=5)
    sockets = set()
    for _ in range(3):
        connection.request("POST", "/list-custom-actions", body=b"{}", headers=SIGNED)
        answer = connection.getresponse()
        assert answer.status == 200 and json.loads(answer.read()) == {"CustomActions": []}
        sockets.add(id(connection.sock))
    assert len(sockets) == 1  # http.client would have opened a new socket had the server closed it


def test_a_burst_of_clients_is_queued_not_reset(server: ThreadedServer) -> None:
    failures: list = []

    def one_call() -> None:
        try:
            connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=10)
            connection.request("POST", "/list-custom-actions", body=b"{}", headers=SIGNED)
            assert connection.getresponse().status == 200
        except Exception as error:  # noqa: BLE001 - every failure is counted
            failures.append(error)

    threads = [threading.Thread(target=one_call) for _ in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_stop_ends_open_keep_alive_connections() -> None:
    server = ThreadedServer(port=0).start()
    connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=5)
    connection.request("POST", "/list-custom-actions", body=b"{}", headers=SIGNED)
    assert connection.getresponse().read()
    server.stop()
    connection.auto_open = 0  # reuse the connection the server had open, or fail
    with pytest.raises((ConnectionError, http.client.HTTPException, OSError)):
        connection.request("POST", "/create-custom-action", headers=SIGNED,
                           body=b'{"ActionName": "late", "Definition": {"CommandText": "x"}}')
        connection.getresponse()
    assert _snapshot.take(server.state)["services"]["chatbot"]["accounts"] == {}


def test_expect_100_continue_is_answered_before_the_body(server: ThreadedServer) -> None:
    body = b'{"ActionName": "a", "Definition": {"CommandText": "x"}}'
    host, port = server.url[len("http://"):].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(
            b"POST /create-custom-action HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
            + b"".join(f"{name}: {value}\r\n".encode() for name, value in SIGNED.items())
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        assert connection.recv(1024).startswith(b"HTTP/1.1 100")
        connection.sendall(body)
        assert connection.recv(65536).startswith(b"HTTP/1.1 201")


def test_a_chunked_body_is_refused_not_dropped(server: ThreadedServer) -> None:
    connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=5)
    body = iter([b'{"TrainingDataCollectionEnabled": ', b"true}"])
    connection.request("POST", "/update-account-preferences", body=body, headers=SIGNED, encode_chunked=True)
    answer = connection.getresponse()
    assert (answer.status, answer.getheader("x-amzn-ErrorType")) == (411, "LengthRequired")
    preferences = client(server, "chatbot").get_account_preferences()["AccountPreferences"]
    assert preferences["TrainingDataCollectionEnabled"] is False


def test_a_client_still_writing_a_refused_body_reads_the_refusal_not_a_broken_pipe(server: ThreadedServer) -> None:
    # The refusal goes out as soon as the headers are read; a client that goes on writing its
    # chunks (http.client does, one send each) must still be able to, and then read it.
    def slow_chunks() -> Iterator[bytes]:
        yield b'{"TrainingDataCollectionEnabled": '
        time.sleep(0.3)  # the refusal has been sent by now
        yield b"true}"

    connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=5)
    connection.request("POST", "/update-account-preferences", body=slow_chunks(), headers=SIGNED,
                       encode_chunked=True)

    assert connection.getresponse().status == 411


def test_a_signature_for_another_service_is_refused(server: ThreadedServer) -> None:
    connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=5)
    headers = {**SIGNED, "Authorization": SIGNED["Authorization"].replace("/chatbot/", "/sts/")}
    connection.request("POST", "/list-custom-actions", body=b"{}", headers=headers)
    answer = connection.getresponse()
    assert (answer.status, answer.getheader("x-amzn-ErrorType")) == (403, "InvalidSignatureException")


def test_a_body_over_the_limit_is_413_and_the_server_keeps_serving(server: ThreadedServer) -> None:
    answer = raw(server, b"POST /list-custom-actions HTTP/1.1\r\nHost: x\r\n"
                 + f"Content-Length: {MAX_BODY_BYTES + 1}\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 413")
    assert client(server, "chatbot").list_custom_actions()["CustomActions"] == []


def test_a_body_of_exactly_the_limit_is_read_and_one_byte_more_is_413(server: ThreadedServer) -> None:
    document = b'{"TrainingDataCollectionEnabled": true}'
    connection = http.client.HTTPConnection(server.url[len("http://"):], timeout=10)
    connection.request("POST", "/update-account-preferences", headers=SIGNED,
                       body=document + b" " * (MAX_BODY_BYTES - len(document)))
    assert connection.getresponse().status == 200
    preferences = client(server, "chatbot").get_account_preferences()["AccountPreferences"]
    assert preferences["TrainingDataCollectionEnabled"] is True

    over = raw(server, b"POST /update-account-preferences HTTP/1.1\r\nHost: x\r\n"
               + f"Content-Length: {MAX_BODY_BYTES + 1}\r\n\r\n".encode())
    assert over.startswith(b"HTTP/1.1 413")


def test_a_head_answer_has_headers_only_and_the_connection_serves_the_next_request(server: ThreadedServer) -> None:
    # Both requests on one connection, read byte for byte: http.client would hide a stray body
    # (it reads ahead into the HEAD response's buffer and drops what is left there).
    request = b"".join(f"{name}: {value}\r\n".encode() for name, value in SIGNED.items())
    answer = raw(server, b"HEAD /list-custom-actions HTTP/1.1\r\nHost: x\r\n" + request + b"\r\n"
                 + b"POST /list-custom-actions HTTP/1.1\r\nHost: x\r\n" + request + b"Content-Length: 2\r\n\r\n{}")

    head, _, rest = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 404") and b"Content-Length: 0" not in head  # a GET's length, no body
    assert rest.startswith(b"HTTP/1.1 200")
    assert rest.endswith(b"\r\n\r\n" + b'{"CustomActions":[]}')


@pytest.mark.parametrize("garbage", [b"\x00\xff garbage \r\n\r\n", b"GET\r\n\r\n", b"POST / HTTP/9.9\r\n\r\n", b""])
def test_garbage_on_the_socket_leaves_the_server_and_its_state_intact(server: ThreadedServer, garbage: bytes) -> None:
    client(server, "chatbot").create_custom_action(ActionName="kept", Definition={"CommandText": "x"})

    raw(server, garbage)

    assert client(server, "chatbot").list_custom_actions()["CustomActions"] == [
        f"arn:aws:chatbot::{ACCOUNT}:custom-action/kept"]


def test_concurrent_clients_never_overshoot_a_quota(server: ThreadedServer) -> None:
    admin(server, "quotas", {"chatbot_custom_actions_per_account": 10})
    outcomes: list = []

    def create(number: int) -> None:
        try:
            client(server, "chatbot").create_custom_action(ActionName=f"a{number}", Definition={"CommandText": "x"})
            outcomes.append("created")
        except Exception as refused:  # noqa: BLE001 - counted below
            outcomes.append(type(refused).__name__)

    threads = [threading.Thread(target=create, args=(number,)) for number in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("created") == 10
    assert len(client(server, "chatbot").list_custom_actions()["CustomActions"]) == 10


# -- admin calls ----------------------------------------------------------------------------


def test_admin_state_snapshot_restore_and_reset(server: ThreadedServer) -> None:
    client(server, "chatbot").create_custom_action(ActionName="a", Definition={"CommandText": "x"})
    snapshot = admin(server, "state", method="GET")

    assert admin(server, "reset") == {}
    assert client(server, "chatbot").list_custom_actions()["CustomActions"] == []
    assert admin(server, "state", snapshot) == {}
    assert client(server, "chatbot").list_custom_actions()["CustomActions"] == [
        f"arn:aws:chatbot::{ACCOUNT}:custom-action/a"]


def test_admin_publish_and_deliveries(server: ThreadedServer) -> None:
    topic = f"arn:aws:sns:us-east-1:{ACCOUNT}:alerts"
    admin(server, "chatbot/authorize_slack_workspace", {"team_id": "T012ABCDEFG", "team_name": "acme"})
    client(server, "chatbot").create_slack_channel_configuration(
        ConfigurationName="a", SlackTeamId="T012ABCDEFG", SlackChannelId="C1", IamRoleArn=ROLE, SnsTopicArns=[topic])
    custom = json.dumps({"version": "1.0", "source": "custom", "content": {"description": "hello"}})

    [published] = admin(server, "chatbot/publish", {"topic_arn": topic, "message": custom})

    assert (published["channel"], published["text"], published["delivered"]) == ("C1", "hello", True)
    assert admin(server, "chatbot/deliveries", method="GET") == [published]


def test_admin_refusals_answer_the_services_error(server: ThreadedServer) -> None:
    for number in range(5):
        admin(server, "support-app/authorize_slack_workspace", {"team_id": f"T{number}", "team_name": "w"})

    refused = admin(server, "support-app/authorize_slack_workspace", {"team_id": "T5", "team_name": "w"})
    unknown = admin(server, "chatbot/no_such_step")
    private = admin(server, "chatbot/_step")
    bad = admin(server, "chatbot/authorize_slack_workspace", {"team": "T1"})
    missing = admin(server, "organizations", {"management_account_id": ACCOUNT})
    text_not_list = admin(server, "organizations", {"management_account_id": ACCOUNT, "member_account_ids": OTHER})

    assert (refused["status"], refused["Code"]) == (402, "ServiceQuotaExceededException")
    assert (unknown["status"], unknown["Code"]) == (404, "UnknownAdminCall")
    assert (private["status"], private["Code"]) == (404, "UnknownAdminCall")
    assert (bad["status"], bad["Code"]) == (400, "InvalidArguments")
    assert (missing["status"], text_not_list["status"]) == (400, 400)


@pytest.mark.parametrize("service", ["chatbot", "support-app"])
@pytest.mark.parametrize("helper", ["account", "accounts"])
def test_the_consoles_read_only_helpers_are_not_admin_steps(server: ThreadedServer, service: str, helper: str) -> None:
    refused = admin(server, f"{service}/{helper}", {})
    assert (refused["status"], refused["Code"]) == (404, "UnknownAdminCall")


def test_an_admin_body_nested_too_deep_is_a_400(server: ThreadedServer) -> None:
    request = urllib.request.Request(f"{server.url}/_chatbot_mock/quotas", data=b"[" * 50_000 + b"]" * 50_000,
                                     method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 400


def test_a_server_can_share_an_in_process_mocks_state() -> None:
    from chatbot_mock import mock_chatbot
    from chatbot_mock.interception import active_state

    with mock_chatbot() as m, ThreadedServer(share_with=m) as shared:
        assert shared.state is active_state()
        m.chatbot.authorize_slack_workspace("T012ABCDEFG", "acme")
        document = admin(shared, "state", method="GET")
        admin(shared, "support-app/authorize_slack_workspace", {"team_id": "TSHARED", "team_name": "shared"})
        assert m.support_app.account().slack_workspaces[0].team_id == "TSHARED"
    assert document["services"]["chatbot"]["accounts"][ACCOUNT]["slack_workspaces"][0]["team_name"] == "acme"


def test_sharing_needs_an_active_mock() -> None:
    from chatbot_mock import mock_chatbot

    with pytest.raises(RuntimeError, match="not active"):
        ThreadedServer(share_with=mock_chatbot())


def test_the_fixture_yields_a_started_server(chatbot_mock_server: ThreadedServer) -> None:
    assert client(chatbot_mock_server, "chatbot").list_custom_actions()["CustomActions"] == []


# -- the command -----------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="SIGINT cannot be sent to a process on Windows")
def test_the_command_listens_on_loopback_starts_from_a_snapshot_and_stops_on_ctrl_c(tmp_path: Any) -> None:
    snapshot = {"format": "chatbot_mock state", "version": 1, "services": {"chatbot": {"accounts": {
        ACCOUNT: {"slack_workspaces": [{"team_id": "T012ABCDEFG", "team_name": "seeded"}]}}}}}
    state_file = tmp_path / "world.json"
    state_file.write_text(json.dumps(snapshot), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "chatbot_mock", "server", "--port", "0", "--state", str(state_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("chatbot_mock serving AWS Chatbot and AWS Support App on http://127.0.0.1:")
        url = line.rsplit(" ", 1)[1].strip()
        chatbot = boto3.client("chatbot", region_name="us-east-1", endpoint_url=url,
                               aws_access_key_id=ACCOUNT, aws_secret_access_key="x")
        assert chatbot.describe_slack_workspaces()["SlackWorkspaces"][0]["SlackTeamName"] == "seeded"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
        assert process.returncode == 0, err
        assert "chatbot_mock server stopped" in out
    finally:
        if process.poll() is None:
            process.kill()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--state", "/nonexistent/world.json"], "No such file or directory"),
        (["--port", "70000"], "--port must be from 0 to 65535"),
        (["--host", "nosuchhost.invalid"], "cannot listen on nosuchhost.invalid"),
    ],
)
def test_a_command_line_mistake_is_one_line_not_a_traceback(arguments: List[str], message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "chatbot_mock", "server", "--port", "0", *arguments],
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_state_file_that_is_no_snapshot_is_a_clear_error(tmp_path: Any) -> None:
    for name, content in (("broken.json", "{not json"), ("list.json", "[]")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "chatbot_mock", "server", "--port", "0", "--state", str(path)],
                                capture_output=True, text=True, timeout=30, check=False)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr


def test_the_aws_cli_drives_the_server(server: ThreadedServer) -> None:
    pytest.importorskip("awscli")
    environment = {**os.environ, "AWS_ACCESS_KEY_ID": ACCOUNT, "AWS_SECRET_ACCESS_KEY": "x",
                   "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": os.devnull,
                   "AWS_SHARED_CREDENTIALS_FILE": os.devnull}

    def aws(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "awscli", "--endpoint-url", server.url, *arguments],
                              capture_output=True, text=True, env=environment, timeout=60, check=False)

    for number in range(3):
        assert aws("chatbot", "create-custom-action", "--action-name", f"a{number}",
                   "--definition", "CommandText=echo").returncode == 0
    first = aws("chatbot", "list-custom-actions", "--max-items", "2")
    page = json.loads(first.stdout)
    assert len(page["CustomActions"]) == 2 and page["NextToken"]
    rest = json.loads(aws("chatbot", "list-custom-actions", "--starting-token", page["NextToken"]).stdout)
    assert len(rest["CustomActions"]) == 1
    missing = aws("support-app", "delete-account-alias")
    assert missing.returncode != 0 and "ResourceNotFoundException" in missing.stderr


def _every_operation(account: str) -> list:
    """(service, operation, request) for every operation of both models, in an order in
    which each one succeeds."""
    role = f"arn:aws:iam::{account}:role/r"
    slack = f"arn:aws:chatbot::{account}:chat-configuration/slack-channel/slack"
    teams = f"arn:aws:chatbot::{account}:chat-configuration/microsoft-teams-channel/teams"
    chime = f"arn:aws:chatbot::{account}:chat-configuration/chime-webhook/chime"
    action = f"arn:aws:chatbot::{account}:custom-action/restart"
    team, tenant, user = ("6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b", "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
                          "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e")
    channel = "19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2"
    return [
        ("chatbot", "CreateSlackChannelConfiguration", {"ConfigurationName": "slack", "SlackTeamId": "T012ABCDEFG",
                                                        "SlackChannelId": "C1", "IamRoleArn": role}),
        ("chatbot", "CreateMicrosoftTeamsChannelConfiguration", {
            "ConfigurationName": "teams", "TeamId": team, "TenantId": tenant, "ChannelId": channel,
            "IamRoleArn": role}),
        ("chatbot", "CreateChimeWebhookConfiguration", {
            "ConfigurationName": "chime", "WebhookDescription": "room", "IamRoleArn": role, "SnsTopicArns": [],
            "WebhookUrl": "https://hooks.chime.aws/incomingwebhooks/a1?token=b2"}),
        ("chatbot", "CreateCustomAction", {"ActionName": "restart", "Definition": {"CommandText": "echo"}}),
        ("chatbot", "AssociateToConfiguration", {"Resource": action, "ChatConfiguration": slack}),
        ("chatbot", "ListAssociations", {"ChatConfiguration": slack}),
        ("chatbot", "DisassociateFromConfiguration", {"Resource": action, "ChatConfiguration": slack}),
        ("chatbot", "GetCustomAction", {"CustomActionArn": action}),
        ("chatbot", "UpdateCustomAction", {"CustomActionArn": action, "Definition": {"CommandText": "echo 2"}}),
        ("chatbot", "ListCustomActions", {}),
        ("chatbot", "DescribeSlackWorkspaces", {}),
        ("chatbot", "DescribeSlackChannelConfigurations", {}),
        ("chatbot", "DescribeSlackUserIdentities", {"ChatConfigurationArn": slack}),
        ("chatbot", "DeleteSlackUserIdentity", {"ChatConfigurationArn": slack, "SlackTeamId": "T012ABCDEFG",
                                                "SlackUserId": "U01"}),
        ("chatbot", "ListMicrosoftTeamsConfiguredTeams", {}),
        ("chatbot", "ListMicrosoftTeamsChannelConfigurations", {}),
        ("chatbot", "GetMicrosoftTeamsChannelConfiguration", {"ChatConfigurationArn": teams}),
        ("chatbot", "ListMicrosoftTeamsUserIdentities", {"ChatConfigurationArn": teams}),
        ("chatbot", "DeleteMicrosoftTeamsUserIdentity", {"ChatConfigurationArn": teams, "UserId": user}),
        ("chatbot", "DescribeChimeWebhookConfigurations", {}),
        ("chatbot", "UpdateSlackChannelConfiguration", {"ChatConfigurationArn": slack, "SlackChannelId": "C1",
                                                        "LoggingLevel": "ERROR"}),
        ("chatbot", "UpdateMicrosoftTeamsChannelConfiguration", {"ChatConfigurationArn": teams, "ChannelId": channel}),
        ("chatbot", "UpdateChimeWebhookConfiguration", {"ChatConfigurationArn": chime, "WebhookDescription": "r2"}),
        ("chatbot", "TagResource", {"ResourceARN": chime, "Tags": [{"TagKey": "k", "TagValue": "v"}]}),
        ("chatbot", "ListTagsForResource", {"ResourceARN": chime}),
        ("chatbot", "UntagResource", {"ResourceARN": chime, "TagKeys": ["k"]}),
        ("chatbot", "GetAccountPreferences", {}),
        ("chatbot", "UpdateAccountPreferences", {"TrainingDataCollectionEnabled": True}),
        ("chatbot", "DeleteCustomAction", {"CustomActionArn": action}),
        ("chatbot", "DeleteSlackChannelConfiguration", {"ChatConfigurationArn": slack}),
        ("chatbot", "DeleteMicrosoftTeamsChannelConfiguration", {"ChatConfigurationArn": teams}),
        ("chatbot", "DeleteChimeWebhookConfiguration", {"ChatConfigurationArn": chime}),
        ("chatbot", "DeleteSlackWorkspaceAuthorization", {"SlackTeamId": "T012ABCDEFG"}),
        ("chatbot", "DeleteMicrosoftTeamsConfiguredTeam", {"TeamId": team}),
        ("support-app", "RegisterSlackWorkspaceForOrganization", {"teamId": "TSUPPORT"}),
        ("support-app", "ListSlackWorkspaceConfigurations", {}),
        ("support-app", "CreateSlackChannelConfiguration", {
            "teamId": "TSUPPORT", "channelId": "C1", "channelRoleArn": role, "notifyOnCaseSeverity": "high",
            "notifyOnCreateOrReopenCase": True}),
        ("support-app", "UpdateSlackChannelConfiguration", {"teamId": "TSUPPORT", "channelId": "C1",
                                                            "channelName": "ops"}),
        ("support-app", "ListSlackChannelConfigurations", {}),
        ("support-app", "DeleteSlackChannelConfiguration", {"teamId": "TSUPPORT", "channelId": "C1"}),
        ("support-app", "PutAccountAlias", {"accountAlias": "ops"}),
        ("support-app", "GetAccountAlias", {}),
        ("support-app", "DeleteAccountAlias", {}),
        ("support-app", "DeleteSlackWorkspaceConfiguration", {"teamId": "TSUPPORT"}),
    ]


def test_the_aws_cli_answers_every_operation_of_both_services(
    server: ThreadedServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clidriver = pytest.importorskip("awscli.clidriver")
    import botocore.session
    from botocore import xform_name

    for name, value in {"AWS_ACCESS_KEY_ID": ACCOUNT, "AWS_SECRET_ACCESS_KEY": "x", "AWS_DEFAULT_REGION": "us-east-1",
                        "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull}.items():
        monkeypatch.setenv(name, value)
    admin(server, "chatbot/authorize_slack_workspace", {"team_id": "T012ABCDEFG", "team_name": "acme"})
    admin(server, "chatbot/authorize_teams_team", {
        "team_id": "6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b", "team_name": "Ops",
        "tenant_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"})
    admin(server, "support-app/authorize_slack_workspace", {"team_id": "TSUPPORT", "team_name": "support"})
    admin(server, "organizations", {"management_account_id": ACCOUNT, "member_account_ids": [OTHER]})
    steps = _every_operation(ACCOUNT)
    session = botocore.session.get_session()
    modelled = {(service, name) for service in ("chatbot", "support-app")
                for name in session.get_service_model(service).operation_names}
    assert {(service, operation) for service, operation, _ in steps} == modelled
    slack = f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/slack-channel/slack"
    teams = f"arn:aws:chatbot::{ACCOUNT}:chat-configuration/microsoft-teams-channel/teams"

    for service, operation, request in steps:
        if operation == "DescribeSlackUserIdentities":  # identities exist only once a user chose a role
            admin(server, "chatbot/add_slack_user_identity", {
                "chat_configuration_arn": slack, "slack_team_id": "T012ABCDEFG", "slack_user_id": "U01",
                "iam_role_arn": f"arn:aws:iam::{ACCOUNT}:role/r"})
        if operation == "ListMicrosoftTeamsUserIdentities":
            admin(server, "chatbot/add_teams_user_identity", {
                "chat_configuration_arn": teams, "user_id": "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e",
                "iam_role_arn": f"arn:aws:iam::{ACCOUNT}:role/r"})
        command = [service, xform_name(operation, "-"), "--endpoint-url", server.url,
                   "--cli-input-json", json.dumps(request), "--output", "json"]
        assert clidriver.create_clidriver().main(command) == 0, (operation, capsys.readouterr().err)
    captured = capsys.readouterr()
    assert "An error occurred" not in captured.err
