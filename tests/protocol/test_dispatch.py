"""The one dispatch path: HTTP request in, AWS-shaped HTTP response out."""

import json
from collections import ChainMap, UserDict
from types import MappingProxyType
from typing import Any, Dict, List, Optional

import pytest

from chatbot_mock._world import World
from chatbot_mock.core.identity import Caller
from chatbot_mock.operations import build_table
from chatbot_mock.protocol import dispatch
from chatbot_mock.protocol.errors import ServiceError
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.support_app.steps import SupportAppSteps

SUPPORT_APP = "https://supportapp.us-east-1.amazonaws.com"
CHATBOT = "https://chatbot.us-east-1.amazonaws.com"
UNSIGNED_JSON = {"Content-Type": "application/json"}


def signed(access_key: str = "AKIDEXAMPLE", region: str = "us-west-2", service: str = "chatbot") -> Dict[str, str]:
    return {
        **UNSIGNED_JSON,
        "Authorization": f"AWS4-HMAC-SHA256 Credential={access_key}/20260101/{region}/{service}/aws4_request, "
        "SignedHeaders=host;x-amz-date, Signature=abc",
    }


#: Signed JSON requests whose access key names no account: they act in the mock's account.
JSON = signed(region="us-east-1")
SUPPORT_JSON = signed(region="us-east-1", service="supportapp")
#: Signed, but with no credential scope to read an account or region from.
SCOPELESS = {**UNSIGNED_JSON, "Authorization": "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc"}


class RecordingBackend:
    """Answers with whatever the test sets, and remembers how it was called."""

    def __init__(self) -> None:
        self.calls: List[Any] = []
        self.answer: Any = None
        self.raises: Optional[BaseException] = None

    def _record(self, caller: Caller, **arguments: Any) -> Any:
        self.calls.append((caller, arguments))
        if self.raises is not None:
            raise self.raises
        return self.answer

    get_account_preferences = _record
    create_custom_action = _record
    delete_custom_action = _record
    list_custom_actions = _record
    describe_slack_channel_configurations = _record


class NoOperations:
    pass


class StubState:
    """A state whose Chatbot backend is a RecordingBackend, called through an operation
    table as World calls the real backends (Support App answers nothing)."""

    backend_class: type = RecordingBackend

    def __init__(self) -> None:
        self.backend_object = self.backend_class()
        self.account: Optional[str] = None
        specs = service_specs()
        self.tables = {
            "chatbot": build_table(specs["chatbot"], self.backend_class),
            "support-app": build_table(specs["support-app"], NoOperations),
        }

    def call(self, service: str, operation_name: str, caller: Caller, arguments: Dict[str, Any]) -> Any:
        return self.tables[service].handlers[operation_name](self.backend_object, caller, **arguments)

    def current_account(self) -> Optional[str]:
        return self.account


@pytest.fixture
def state() -> StubState:
    return StubState()


def body_of(response: Any) -> Dict[str, Any]:
    return json.loads(response.body) if response.body else {}


@pytest.mark.parametrize(
    ("method", "url", "headers", "body", "status", "code"),
    [
        ("POST", f"{CHATBOT}/no-such-operation", JSON, b"{}", 404, "UnknownOperationException"),
        ("GET", f"{CHATBOT}/get-account-preferences", JSON, b"", 404, "UnknownOperationException"),
        ("POST", f"{SUPPORT_APP}/control/put-account-alias", SUPPORT_JSON, b"{not json", 400, "SerializationException"),
        ("POST", f"{SUPPORT_APP}/control/put-account-alias", SUPPORT_JSON, b"[1, 2]", 400, "SerializationException"),
        ("POST", f"{SUPPORT_APP}/control/put-account-alias", SUPPORT_JSON, b"\xff\xfe", 400, "SerializationException"),
        ("POST", f"{SUPPORT_APP}/control/put-account-alias", {**SUPPORT_JSON, "Content-Type": "text/xml"}, b"<a/>", 415,
         "UnsupportedMediaTypeException"),
        ("POST", f"{SUPPORT_APP}/control/put-account-alias", SUPPORT_JSON, b"{}", 400, "ValidationException"),
        ("POST", f"{CHATBOT}/list-custom-actions", JSON, b'{"MaxResults": 0}', 400, "InvalidRequestException"),
        ("POST", f"{CHATBOT}/describe-slack-channel-configurations", JSON, b'{"MaxResults": 0}', 400,
         "InvalidParameterException"),
        ("POST", f"{CHATBOT}/list-associations", JSON, b"{}", 400, "InvalidRequestException"),
        ("POST", f"{CHATBOT}/list-custom-actions", {**JSON, "Content-Type": 5}, b"{}", 400, "SerializationException"),
        ("POST", f"{CHATBOT}/list-custom-actions", {**JSON, "Authorization": 5}, b"{}", 400,
         "SerializationException"),
    ],
    ids=[
        "unknown path", "wrong method", "malformed JSON", "JSON that is not an object", "bytes that are not UTF-8",
        "wrong content type", "support app validation", "chatbot op without InvalidParameterException",
        "chatbot op with InvalidParameterException", "chatbot op with no modeled errors",
        "a content type that is not text", "an authorization that is not text",
    ],
)
def test_bad_requests_answer_an_aws_error_in_the_rest_json_format(
    state: StubState, method: str, url: str, headers: Dict[str, str], body: bytes, status: int, code: str
) -> None:
    service = "support-app" if "supportapp" in url else "chatbot"
    response = dispatch(service, method, url, headers, body, state)
    assert response.status == status
    assert response.headers["x-amzn-ErrorType"] == code
    assert body_of(response)["__type"] == code
    assert body_of(response)["message"]
    assert response.headers["x-amzn-RequestId"]
    assert state.backend_object.calls == [], "a rejected request must not reach the backend"


def test_an_operation_the_backend_lacks_answers_not_implemented() -> None:
    response = dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", JSON, b"", StubStateWithout())
    assert response.status == 501
    assert body_of(response)["__type"] == "NotImplemented"
    assert "GetAccountPreferences" in body_of(response)["message"]


class StubStateWithout(StubState):
    backend_class = NoOperations


def test_a_defect_in_a_backend_answers_internal_failure_not_a_traceback(state: StubState) -> None:
    state.backend_object.raises = KeyError("oops")
    response = dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", JSON, b"", state)
    assert response.status == 500
    assert body_of(response)["__type"] == "InternalFailure"
    assert "GetAccountPreferences" in body_of(response)["message"]


def test_service_errors_take_status_and_message_member_from_the_model(state: StubState) -> None:
    class ResourceNotFoundException(ServiceError):
        code = "ResourceNotFoundException"

    class LimitExceededException(ServiceError):
        code = "LimitExceededException"

    state.backend_object.raises = ResourceNotFoundException("gone")
    body = b'{"CustomActionArn": "arn:aws:chatbot::1:custom-action/a"}'
    response = dispatch("chatbot", "POST", f"{CHATBOT}/delete-custom-action", JSON, body, state)
    assert (response.status, body_of(response)) == (404, {"__type": "ResourceNotFoundException", "Message": "gone"})

    state.backend_object.raises = LimitExceededException("too many")
    response = dispatch("chatbot", "POST", f"{CHATBOT}/create-custom-action", JSON,
                        b'{"ActionName": "a", "Definition": {"CommandText": "x"}}', state)
    assert (response.status, body_of(response)) == (403, {"__type": "LimitExceededException", "message": "too many"})


@pytest.mark.parametrize(
    ("path", "body", "status", "response_body"),
    [
        ("/create-custom-action", b'{"ActionName": "a", "Definition": {"CommandText": "x"}}', 201,
         {"CustomActionArn": "arn:aws:chatbot::123456789012:custom-action/a"}),
        ("/delete-custom-action", b'{"CustomActionArn": "arn:aws:chatbot::1:custom-action/a"}', 204, None),
        ("/get-account-preferences", b"", 200, {"AccountPreferences": {"UserAuthorizationRequired": False}}),
    ],
)
def test_success_answers_the_models_status_and_only_the_output_shapes_members(
    state: StubState, path: str, body: bytes, status: int, response_body: Any
) -> None:
    state.backend_object.answer = {
        "CustomActionArn": "arn:aws:chatbot::123456789012:custom-action/a",
        "AccountPreferences": {"UserAuthorizationRequired": False, "TrainingDataCollectionEnabled": None},
        "NotInTheModel": "dropped",
    }
    response = dispatch("chatbot", "POST", CHATBOT + path, JSON, body, state)
    assert response.status == status
    assert response.headers["x-amzn-RequestId"]
    if response_body is None:
        assert response.body == b""
    else:
        assert body_of(response) == {key: value for key, value in response_body.items()}


def test_members_reach_the_backend_as_snake_case_keywords(state: StubState) -> None:
    state.backend_object.answer = {}
    dispatch("chatbot", "POST", f"{CHATBOT}/list-custom-actions", JSON, b'{"MaxResults": 5, "Unknown": 1}', state)
    [(_, arguments)] = state.backend_object.calls
    assert arguments == {"max_results": 5}


@pytest.mark.parametrize(
    ("headers", "mock_account", "environment", "expected"),
    [
        (signed("111122223333"), "444455556666", "777788889999", "111122223333"),
        (signed("AKIDEXAMPLE"), "444455556666", "777788889999", "444455556666"),
        (signed("AKIDEXAMPLE"), None, "777788889999", "777788889999"),
        (signed("AKIDEXAMPLE"), None, None, "123456789012"),
        (SCOPELESS, None, None, "123456789012"),
    ],
    ids=["12-digit access key", "mock's account", "MOTO_ACCOUNT_ID", "default", "no credential scope"],
)
def test_the_calling_account_is_resolved_in_order(
    state: StubState, monkeypatch: pytest.MonkeyPatch, headers: Dict[str, str],
    mock_account: Optional[str], environment: Optional[str], expected: str,
) -> None:
    if environment is None:
        monkeypatch.delenv("MOTO_ACCOUNT_ID", raising=False)
    else:
        monkeypatch.setenv("MOTO_ACCOUNT_ID", environment)
    state.account = mock_account
    state.backend_object.answer = {}
    dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", headers, b"", state)
    [(caller, _)] = state.backend_object.calls
    assert caller.account_id == expected


@pytest.mark.parametrize(
    ("url", "headers", "region", "partition"),
    [
        (CHATBOT, signed(region="cn-north-1"), "cn-north-1", "aws-cn"),
        (CHATBOT, signed(region="us-gov-west-1"), "us-gov-west-1", "aws-us-gov"),
        ("https://chatbot.eu-west-1.amazonaws.com", SCOPELESS, "eu-west-1", "aws"),
        ("http://localhost:5000", SCOPELESS, "us-east-1", "aws"),
    ],
)
def test_the_region_comes_from_the_signature_else_the_host(
    state: StubState, url: str, headers: Dict[str, str], region: str, partition: str
) -> None:
    state.backend_object.answer = {}
    dispatch("chatbot", "POST", f"{url}/get-account-preferences", headers, b"", state)
    [(caller, _)] = state.backend_object.calls
    assert (caller.region, caller.partition) == (region, partition)


@pytest.mark.parametrize(
    ("url", "headers"),
    [
        (f"{CHATBOT}/get-account-preferences", UNSIGNED_JSON),
        (f"{CHATBOT}/get-account-preferences", {**UNSIGNED_JSON, "Authorization": ""}),
        # AWS checks the signature before it looks for an operation.
        (f"{CHATBOT}/no-such-operation", UNSIGNED_JSON),
    ],
    ids=["no Authorization header", "an empty one", "an unknown path"],
)
def test_an_unsigned_request_is_refused_as_aws_refuses_it(state: StubState, url: str, headers: Dict[str, str]) -> None:
    state.backend_object.answer = {}
    response = dispatch("chatbot", "POST", url, headers, b"", state)
    assert response.status == 403
    assert response.headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
    assert body_of(response)["message"] == "Missing Authentication Token"
    assert state.backend_object.calls == []


def test_a_signature_scoped_to_another_service_is_refused(state: StubState) -> None:
    response = dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", signed(service="sts"), b"", state)
    assert (response.status, response.headers["x-amzn-ErrorType"]) == (403, "InvalidSignatureException")
    assert body_of(response)["message"] == "Credential should be scoped to correct service: 'chatbot'. "
    assert state.backend_object.calls == []


def test_a_presigned_url_counts_as_signed(state: StubState) -> None:
    state.backend_object.answer = {}
    credential = "111122223333%2F20260101%2Feu-west-1%2Fchatbot%2Faws4_request"
    url = f"{CHATBOT}/get-account-preferences?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={credential}"
    assert dispatch("chatbot", "POST", url, UNSIGNED_JSON, b"", state).status == 200
    [(caller, _)] = state.backend_object.calls
    assert caller == Caller("111122223333", "eu-west-1")


def test_headers_are_matched_without_regard_to_case(state: StubState) -> None:
    headers = {key.lower(): value for key, value in signed("111122223333").items()}
    state.backend_object.answer = {}
    dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", headers, b"", state)
    assert state.backend_object.calls[0][0].account_id == "111122223333"


@pytest.mark.parametrize("content_type", ["Application/JSON", "APPLICATION/JSON; charset=utf-8"])
def test_a_json_body_is_taken_whatever_the_case_of_its_media_type(state: StubState, content_type: str) -> None:
    state.backend_object.answer = {}
    headers = {**JSON, "Content-Type": content_type}
    response = dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", headers, b"{}", state)
    assert response.status == 200
    assert len(state.backend_object.calls) == 1


def test_a_real_state_serves_the_support_app_end_to_end() -> None:
    state = World()
    SupportAppSteps(state.backend("support-app")).authorize_slack_workspace("123456789012", "T1", "acme")
    response = dispatch(
        "support-app", "POST", f"{SUPPORT_APP}/control/list-slack-workspace-configurations", SUPPORT_JSON, b"", state
    )
    assert response.status == 200
    assert body_of(response)["slackWorkspaceConfigurations"][0]["teamName"] == "acme"


@pytest.mark.parametrize("wrap", [dict, MappingProxyType, UserDict, ChainMap], ids=lambda t: t.__name__)
def test_header_names_match_without_regard_to_case_in_any_mapping(state: StubState, wrap: Any) -> None:
    headers = wrap({"AUTHORIZATION": signed("111122223333")["Authorization"], "content-TYPE": "text/plain"})
    state.backend_object.answer = {}
    assert dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", headers, b"{}", state).status == 415
    dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", headers, b"", state)
    assert state.backend_object.calls[0][0].account_id == "111122223333"


def test_case_insensitive_header_mappings_are_read_as_they_are(state: StubState) -> None:
    from botocore.awsrequest import HeadersDict

    headers = HeadersDict({"authorization": signed("111122223333")["Authorization"], "content-type": "text/xml"})
    state.backend_object.answer = {}
    response = dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", headers, b"<a/>", state)
    assert response.status == 415
    dispatch("chatbot", "POST", f"{CHATBOT}/get-account-preferences", headers, b"", state)
    assert state.backend_object.calls[0][0].account_id == "111122223333"
