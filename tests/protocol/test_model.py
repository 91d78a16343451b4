"""The code each operation answers for each kind of backend refusal, read from its model."""

from __future__ import annotations

import pytest

from chatbot_mock.protocol.model import code_for, service_specs
from chatbot_mock.store.errors import Conflict, InvalidInput, NotAllowedNow, NotFound, QuotaExceeded, Refusal
from chatbot_mock.store.tokens import InvalidToken


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
