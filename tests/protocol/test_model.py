"""What the protocol layer reads from botocore's models: the code each operation answers for
each kind of backend refusal, and whether the model speaks the protocol the mock speaks."""

from __future__ import annotations

import copy
from typing import Any, Callable, Dict

import botocore.loaders
import pytest
from botocore.model import ServiceModel

from chatbot_mock.core.refusals import Conflict, InvalidInput, NotAllowedNow, NotFound, QuotaExceeded, Refusal
from chatbot_mock.core.tokens import InvalidToken
from chatbot_mock.protocol.model import ServiceSpec, UnsupportedModel, check_protocol, code_for, service_specs


@pytest.mark.parametrize(
    ("service", "operation", "refusal", "code"),
    [
        # Chatbot's creates model LimitExceededException; its updates do not, and call
        # too long a list bad input (their validation code).
        ("chatbot", "CreateSlackChannelConfiguration", QuotaExceeded, "LimitExceededException"),
        ("chatbot", "UpdateSlackChannelConfiguration", QuotaExceeded, "InvalidParameterException"),
        ("chatbot", "UpdateChimeWebhookConfiguration", QuotaExceeded, "InvalidParameterException"),
        ("chatbot", "CreateCustomAction", QuotaExceeded, "LimitExceededException"),
        ("chatbot", "TagResource", QuotaExceeded, "TooManyTagsException"),
        # Bad input: InvalidParameterException where modeled, else InvalidRequestException.
        ("chatbot", "CreateSlackChannelConfiguration", InvalidInput, "InvalidParameterException"),
        ("chatbot", "ListCustomActions", InvalidInput, "InvalidRequestException"),
        ("chatbot", "CreateSlackChannelConfiguration", NotAllowedNow, "InvalidRequestException"),
        ("chatbot", "DeleteSlackChannelConfiguration", NotFound, "ResourceNotFoundException"),
        ("chatbot", "CreateCustomAction", Conflict, "ConflictException"),
        # Support App answers ServiceQuotaExceededException for every quota.
        ("support-app", "CreateSlackChannelConfiguration", QuotaExceeded, "ServiceQuotaExceededException"),
        ("support-app", "RegisterSlackWorkspaceForOrganization", QuotaExceeded, "ServiceQuotaExceededException"),
        ("support-app", "UpdateSlackChannelConfiguration", InvalidInput, "ValidationException"),
        ("support-app", "UpdateSlackChannelConfiguration", NotAllowedNow, "ValidationException"),
        ("support-app", "DeleteSlackChannelConfiguration", Conflict, "ConflictException"),
        ("support-app", "DeleteAccountAlias", NotFound, "ResourceNotFoundException"),
    ],
)
def test_an_operation_answers_the_code_its_model_gives_the_refusal(
    service: str, operation: str, refusal: type, code: str
) -> None:
    assert service_specs()[service].operations[operation].code_for(refusal("no")) == code


def test_a_bad_page_token_answers_as_bad_input() -> None:
    operation = service_specs()["chatbot"].operations["DescribeSlackChannelConfigurations"]

    assert operation.code_for(InvalidToken("stale")) == "InvalidParameterException"


@pytest.mark.parametrize(
    ("service", "refusal", "code"),
    [
        ("chatbot", QuotaExceeded, "InvalidParameterException"),
        ("chatbot", NotAllowedNow, "InvalidRequestException"),
        ("support-app", QuotaExceeded, "ServiceQuotaExceededException"),
    ],
)
def test_a_console_step_answers_what_the_service_answers_everywhere(service: str, refusal: type, code: str) -> None:
    codes = service_specs()[service].refusal_codes(frozenset(), "InvalidParameterException")

    assert code_for(codes, refusal("no")) == code


def test_a_refusal_of_no_known_kind_is_a_defect() -> None:
    class Unheard(Refusal):
        pass

    with pytest.raises(TypeError, match="Unheard"):
        service_specs()["chatbot"].operations["TagResource"].code_for(Unheard("no"))


# -- the protocol, checked at load ---------------------------------------------------------------


def _doctored(service: str, change: Callable[[Dict[str, Any]], None]) -> ServiceModel:
    """The installed model of ``service``, as a dict ``change`` edits in place."""
    document = copy.deepcopy(botocore.loaders.create_loader().load_service_model(service, "service-2"))
    change(document)
    return ServiceModel(document, service_name=service)


def _input_members(document: Dict[str, Any], operation: str) -> Dict[str, Any]:
    shape_name = document["operations"][operation]["input"]["shape"]
    members: Dict[str, Any] = document["shapes"][shape_name]["members"]
    return members


@pytest.mark.parametrize("service", ["chatbot", "support-app"])
def test_the_installed_models_speak_rest_json_in_the_body_only(service: str) -> None:
    check_protocol(service, _doctored(service, lambda document: None))


@pytest.mark.parametrize("protocol", ["json", "rest-xml", "smithy-rpc-v2-cbor"])
def test_a_model_of_another_protocol_fails_to_load(protocol: str) -> None:
    def change(document: Dict[str, Any]) -> None:
        document["metadata"]["protocol"] = protocol
        document["metadata"]["protocols"] = [protocol]

    with pytest.raises(UnsupportedModel, match=f"chatbot model speaks '{protocol}'.*rest-json only"):
        ServiceSpec("chatbot", _doctored("chatbot", change))


def test_a_model_whose_clients_would_choose_another_protocol_fails_to_load() -> None:
    # botocore clients speak the first protocol they support from "protocols", json before rest-json.
    def change(document: Dict[str, Any]) -> None:
        document["metadata"]["protocols"] = ["rest-json", "json"]

    with pytest.raises(UnsupportedModel, match=r"speaks 'json' \(protocols \['rest-json', 'json'\]\)"):
        ServiceSpec("chatbot", _doctored("chatbot", change))


@pytest.mark.parametrize("location", ["header", "headers", "querystring", "uri"])
def test_an_input_member_bound_outside_the_body_fails_to_load(location: str) -> None:
    def change(document: Dict[str, Any]) -> None:
        members = _input_members(document, "ListSlackChannelConfigurations")
        members["nextToken"] = {**members["nextToken"], "location": location, "locationName": "x-next-token"}

    with pytest.raises(
        UnsupportedModel,
        match=f"binds ListSlackChannelConfigurations's input member 'nextToken' to '{location}'",
    ):
        ServiceSpec("support-app", _doctored("support-app", change))


def test_an_output_member_bound_to_a_header_fails_to_load() -> None:
    def change(document: Dict[str, Any]) -> None:
        shape_name = document["operations"]["GetAccountAlias"]["output"]["shape"]
        member = document["shapes"][shape_name]["members"]["accountAlias"]
        member.update(location="header", locationName="x-alias")

    with pytest.raises(UnsupportedModel, match="GetAccountAlias's output member 'accountAlias' to 'header'"):
        ServiceSpec("support-app", _doctored("support-app", change))


def test_a_payload_member_fails_to_load() -> None:
    def change(document: Dict[str, Any]) -> None:
        shape_name = document["operations"]["PutAccountAlias"]["input"]["shape"]
        document["shapes"][shape_name]["payload"] = "accountAlias"

    with pytest.raises(UnsupportedModel, match="PutAccountAlias's input member 'accountAlias' as the whole body"):
        ServiceSpec("support-app", _doctored("support-app", change))
