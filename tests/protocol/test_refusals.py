"""The one way a backend's refusal becomes the service's error, and the three edges that
use it: the dispatcher (a rest-json answer), the consoles (a ClientError) and the server's
admin calls (JSON over HTTP) answer one refusal with one code, message and status."""

from __future__ import annotations

import json
import logging
from typing import Dict

import pytest
from botocore.exceptions import ClientError

from chatbot_mock import interception, mock_chatbot
from chatbot_mock.core.refusals import NotFound, QuotaExceeded
from chatbot_mock.protocol.dispatch import dispatch
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.refusals import service_error
from chatbot_mock.server_admin import answer_admin

ACCOUNT, MEMBER = "111111111111", "222222222222"


def test_a_refusal_becomes_the_code_its_operation_models_with_that_codes_status() -> None:
    spec = service_specs()["chatbot"]
    operation = spec.operations["CreateCustomAction"]

    error = service_error(spec, operation.refusal_codes, QuotaExceeded("too many"), "chatbot CreateCustomAction")

    assert (error.code, error.message, error.status) == ("LimitExceededException", "too many", 403)


def test_a_console_step_answers_the_services_everywhere_code() -> None:
    spec = service_specs()["support-app"]

    error = service_error(spec, spec.console_step_codes("ValidationException"), NotFound("gone"), "a step")

    assert (error.code, error.status) == ("ResourceNotFoundException", 404)


def test_the_mocks_advice_goes_to_the_log_never_into_the_answer(caplog: pytest.LogCaptureFixture) -> None:
    spec = service_specs()["support-app"]
    refused = QuotaExceeded("Your AWS account already has the maximum", advice="raise the quota setting")

    with caplog.at_level(logging.WARNING, logger="chatbot_mock"):
        error = service_error(spec, spec.console_step_codes("ValidationException"), refused, "seeding step X")

    assert "raise the quota" not in error.message
    assert "seeding step X refused (Your AWS account already has the maximum). raise the quota setting" in caplog.text


REGISTER = "https://supportapp.us-east-1.amazonaws.com/control/register-slack-workspace-for-organization"


def signed_by(account_id: str) -> Dict[str, str]:
    return {
        "Authorization": f"AWS4-HMAC-SHA256 Credential={account_id}/20260101/us-east-1/supportapp/aws4_request, "
        "SignedHeaders=host, Signature=abc",
        "Content-Type": "application/json",
    }


def test_dispatch_the_consoles_and_the_admin_calls_answer_one_refusal_alike() -> None:
    # Accounts at a quota of one workspace each: one more is refused by the console step,
    # by the admin call that runs the same step, and by the API operation that adds one.
    with mock_chatbot(account_id=ACCOUNT, quotas={"support_app_workspaces_per_account": 1}) as mock:
        state = interception.active_state()
        assert state is not None
        mock.create_organization(ACCOUNT, [MEMBER])
        mock.support_app.authorize_slack_workspace("T1", "one", account_id=ACCOUNT)
        mock.support_app.authorize_slack_workspace("T2", "two", account_id=MEMBER)
        assert dispatch("support-app", "POST", REGISTER, signed_by(ACCOUNT), b'{"teamId": "T1"}', state).status == 200

        with pytest.raises(ClientError) as in_process:
            mock.support_app.authorize_slack_workspace("T3", "three", account_id=ACCOUNT)
        step = {"team_id": "T3", "team_name": "three", "account_id": ACCOUNT}
        admin = answer_admin(state, "POST", "support-app/authorize_slack_workspace", json.dumps(step).encode())
        api = dispatch("support-app", "POST", REGISTER, signed_by(MEMBER), b'{"teamId": "T1"}', state)

    code, message = "ServiceQuotaExceededException", "Your AWS account already has the maximum of 1 Slack workspaces"
    assert in_process.value.response["Error"] == {"Code": code, "Message": message}
    assert in_process.value.response["ResponseMetadata"]["HTTPStatusCode"] == 402
    assert (admin.status, json.loads(admin.body)) == (402, {"Code": code, "Message": message})
    assert (api.status, json.loads(api.body)) == (402, {"__type": code, "message": message})
