"""``requests`` sent to the two services' endpoints are answered by the same dispatch
path and state as botocore's; every other ``requests`` call goes where it would have."""

import io
import json
import sys
from typing import Any, Dict, Iterator, Optional

import boto3
import pytest
import requests
import responses
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from moto import mock_aws

from chatbot_mock import mock_chatbot

TEAM = "T012ABCDEFG"
LIST_WORKSPACES = "/control/list-slack-workspace-configurations"
#: A SigV4 Authorization header whose key names no account: the call acts in the mock's
#: (a request without one is refused as AWS refuses it).
SIGNED = {"Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/supportapp/aws4_request, "
          "SignedHeaders=host, Signature=0"}


@pytest.fixture
def offline() -> Iterator[None]:
    """Whatever the mock does not answer is refused here instead of reaching the network
    (the mock's adapter overrides ``HTTPAdapter.send``, which this patches)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False):
        yield


def signed_post(
    url: str,
    body: Optional[Dict[str, Any]] = None,
    access_key: str = "AKIAIOSFODNN7EXAMPLE",
    region: str = "us-east-1",
    service: str = "supportapp",
    session: Optional[requests.Session] = None,
) -> requests.Response:
    """POST a JSON body signed with SigV4, as any SDK-less client of the service would."""
    data = json.dumps(body or {})
    request = AWSRequest("POST", url, data=data, headers={"Content-Type": "application/json"})
    SigV4Auth(Credentials(access_key, "secret"), service, region).add_auth(request)
    return (session or requests.Session()).post(url, data=data, headers=dict(request.headers.items()))


@pytest.mark.parametrize(
    "host, region",
    [
        ("supportapp.us-east-1.amazonaws.com", "us-east-1"),
        ("supportapp.cn-north-1.amazonaws.com.cn", "cn-north-1"),
        ("supportapp.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
        ("supportapp-fips.us-east-1.amazonaws.com", "us-east-1"),
        ("supportapp.us-east-1.api.aws", "us-east-1"),
    ],
)
def test_a_signed_request_to_a_service_endpoint_is_answered_from_the_mocks_state(
    offline: None, host: str, region: str
) -> None:
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        response = signed_post(f"https://{host}{LIST_WORKSPACES}", region=region)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["x-amzn-RequestId"]
    assert [w["teamId"] for w in response.json()["slackWorkspaceConfigurations"]] == [TEAM]


def test_requests_and_boto3_share_one_state_and_the_account_comes_from_the_signature(offline: None) -> None:
    with mock_chatbot():
        created = signed_post(
            "https://chatbot.us-east-1.amazonaws.com/create-custom-action",
            {"ActionName": "restart", "Definition": {"CommandText": "echo restart"}},
            access_key="111122223333",
            service="chatbot",
        )
        assert created.status_code == 201, created.text
        assert created.json()["CustomActionArn"] == "arn:aws:chatbot::111122223333:custom-action/restart"
        boto = boto3.client(
            "chatbot", region_name="us-east-1", aws_access_key_id="111122223333", aws_secret_access_key="x"
        )
        assert boto.list_custom_actions()["CustomActions"] == [created.json()["CustomActionArn"]]
        # Another account sees nothing.
        assert boto3.client("chatbot", region_name="us-east-1").list_custom_actions()["CustomActions"] == []


def test_errors_arrive_in_the_services_wire_format(offline: None) -> None:
    with mock_chatbot():
        response = signed_post(
            "https://chatbot.us-east-1.amazonaws.com/delete-custom-action",
            {"CustomActionArn": "arn:aws:chatbot::123456789012:custom-action/missing"},
            service="chatbot",
        )
    assert response.status_code == 404
    assert response.headers["x-amzn-ErrorType"] == "ResourceNotFoundException"
    assert response.json()["__type"] == "ResourceNotFoundException"


def test_session_hooks_and_plain_requests_functions_see_the_mocks_response(offline: None) -> None:
    seen = []
    session = requests.Session()
    session.hooks["response"].append(lambda response, **_: seen.append(response.status_code))
    with mock_chatbot():
        signed_post(f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}", session=session)
        unsigned = requests.post(f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}")
    assert seen == [200]
    assert unsigned.status_code == 403
    assert unsigned.json()["message"] == "Missing Authentication Token"


@pytest.mark.parametrize(
    "url",
    [
        "https://supportapp.us-east-1.amazonaws.com./control/list-slack-workspace-configurations",
        "https://user:secret@supportapp.us-east-1.amazonaws.com/control/list-slack-workspace-configurations",
        "https://SUPPORTAPP.US-EAST-1.AMAZONAWS.COM:443/control/list-slack-workspace-configurations?x=1",
    ],
    ids=["trailing dot", "user info", "upper case, port and query"],
)
def test_every_spelling_of_an_endpoint_is_answered(offline: None, url: str) -> None:
    with mock_chatbot() as mock:
        mock.support_app.authorize_slack_workspace(TEAM, "acme")
        response = requests.post(url, headers=SIGNED)
    assert response.status_code == 200, response.text
    assert [w["teamId"] for w in response.json()["slackWorkspaceConfigurations"]] == [TEAM]


@pytest.mark.parametrize(
    "make_body",
    [
        lambda data: data,
        lambda data: memoryview(data),
        lambda data: bytearray(data),
        lambda data: io.BytesIO(data),
        lambda data: iter([data[:5], data[5:]]),
        lambda data: data.decode(),
    ],
    ids=["bytes", "memoryview", "bytearray", "file", "generator", "str"],
)
def test_every_kind_of_body_reaches_the_mock_whole(offline: None, make_body: Any) -> None:
    data = json.dumps({"accountAlias": "ops"}).encode()
    with mock_chatbot():
        url = "https://supportapp.us-east-1.amazonaws.com/control/put-account-alias"
        response = requests.post(url, data=make_body(data), headers={**SIGNED, "Content-Type": "application/json"})
        assert response.status_code == 200, response.text
        assert boto3.client("support-app", region_name="us-east-1").get_account_alias()["accountAlias"] == "ops"


def test_a_file_body_is_rewound_so_the_same_file_can_be_sent_again(offline: None) -> None:
    body = io.BytesIO(json.dumps({"accountAlias": "ops"}).encode())
    url = "https://supportapp.us-east-1.amazonaws.com/control/put-account-alias"
    headers = {**SIGNED, "Content-Type": "application/json"}
    with mock_chatbot():
        assert requests.post(url, data=body, headers=headers).status_code == 200
        boto3.client("support-app", region_name="us-east-1").delete_account_alias()

        again = requests.post(url, data=body, headers=headers)

        assert again.status_code == 200, again.text
        assert boto3.client("support-app", region_name="us-east-1").get_account_alias()["accountAlias"] == "ops"


@responses.activate
def test_other_hosts_pass_through_to_whatever_is_underneath() -> None:
    # A host that merely starts like a service's (and an S3 bucket named like one) is not taken.
    responses.add(responses.GET, "https://chatbot.example.com/x", body="theirs")
    responses.add(responses.GET, "https://chatbot.s3.amazonaws.com/x", body="bucket")
    responses.add(responses.GET, "https://chatbot.us-east-1.s3.amazonaws.com/x", body="dotted bucket")
    with mock_chatbot():
        assert requests.get("https://chatbot.example.com/x").text == "theirs"
        assert requests.get("https://chatbot.s3.amazonaws.com/x").text == "bucket"
        assert requests.get("https://chatbot.us-east-1.s3.amazonaws.com/x").text == "dotted bucket"


@responses.activate
def test_after_stop_the_services_endpoints_are_left_alone() -> None:
    responses.add(responses.POST, f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}", body="underneath")
    with mock_chatbot():
        pass
    assert signed_post(f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}").text == "underneath"


@pytest.mark.parametrize("moto_outside", [True, False], ids=["moto outside", "moto inside"])
def test_beside_moto_each_answers_its_own_requests_in_either_nesting(moto_outside: bool) -> None:
    # moto answers its services' requests through its own requests mock.
    outer, inner = (mock_aws(), mock_chatbot()) if moto_outside else (mock_chatbot(), mock_aws())
    with outer, inner:
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="chatops")
        listing = requests.get("https://chatops.s3.amazonaws.com/", timeout=5)
        assert listing.status_code == 200 and b"ListBucketResult" in listing.content
        ours = signed_post(f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}")
        assert ours.status_code == 200 and ours.json() == {"slackWorkspaceConfigurations": []}


def test_beside_moto_stopped_out_of_order_both_keep_answering_their_own() -> None:
    moto, ours = mock_aws(), mock_chatbot()
    moto.start()
    ours.start()
    moto.stop()  # out of nesting order
    try:
        assert signed_post(f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}").status_code == 200
    finally:
        ours.stop()
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="chatops")
        assert requests.get("https://chatops.s3.amazonaws.com/", timeout=5).status_code == 200


def test_requests_first_imported_by_responses_while_a_mock_is_on(pytester: pytest.Pytester) -> None:
    # ``responses`` imports ``requests``: the hook that waits for ``requests`` then runs
    # while ``responses`` is half-loaded, and must not need it yet.
    script = pytester.makepyfile(
        check="""
        import sys
        assert "requests" not in sys.modules
        from chatbot_mock import mock_chatbot

        with mock_chatbot():
            import responses
            import requests

            with responses.RequestsMock(assert_all_requests_are_fired=False):  # refuses what escapes
                answer = requests.post(
                    "https://supportapp.us-east-1.amazonaws.com/control/get-account-alias",
                    headers={"Authorization": "AWS4-HMAC-SHA256 "
                             "Credential=AKIDEXAMPLE/20260101/us-east-1/supportapp/aws4_request"},
                )
            print(answer.status_code, answer.json())
        """
    )
    result = pytester.run(sys.executable, str(script))
    assert result.ret == 0, result.stderr.str()
    result.stdout.fnmatch_lines(["200 {}"])


def test_a_head_request_gets_the_status_and_headers_without_a_body(offline: None) -> None:
    with mock_chatbot():
        response = requests.head(f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}", headers=SIGNED)
    assert response.status_code == 404
    assert response.headers["x-amzn-ErrorType"] == "UnknownOperationException"
    assert response.content == b""


def test_a_presigned_url_acts_in_the_account_of_its_credential(offline: None) -> None:
    url = "https://chatbot.us-east-1.amazonaws.com/get-account-preferences"
    request = AWSRequest("POST", url)
    SigV4QueryAuth(Credentials("111122223333", "secret"), "chatbot", "us-east-1").add_auth(request)
    with mock_chatbot():
        boto = boto3.client("chatbot", region_name="us-east-1", aws_access_key_id="111122223333",
                            aws_secret_access_key="x")
        boto.update_account_preferences(TrainingDataCollectionEnabled=True)
        response = requests.post(request.url)
    assert response.status_code == 200, response.text
    assert response.json()["AccountPreferences"]["TrainingDataCollectionEnabled"] is True


def test_the_hook_taken_away_is_put_back_at_the_next_start(offline: None) -> None:
    import inspect
    import unittest.mock

    with mock_chatbot():
        pass  # requests is loaded, so its session is hooked by now
    original = inspect.unwrap(requests.Session.__dict__["get_adapter"])
    with unittest.mock.patch.object(requests.Session, "get_adapter", original), mock_chatbot():
        assert signed_post(f"https://supportapp.us-east-1.amazonaws.com{LIST_WORKSPACES}").status_code == 200
