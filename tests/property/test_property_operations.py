"""Every operation of both services, driven by generated requests through boto3.

For each operation in botocore's models (so operations are covered as the models
grow), hypothesis draws request members from the input shape, valid-looking or
broken (``shape_strategies``), often pointing at resources that exist, and sends them
through a boto3 client whose own parameter validation is off, so the mock's
validation is what answers. Each answer must be

* a success whose JSON body satisfies the operation's output shape, or
* a ``ClientError`` whose code is one of the service's modeled errors or one of the
  protocol errors any rest-json service answers;

never ``InternalFailure``, never ``NotImplemented``, never any other exception once
the request has reached the mock. And a refused request changes nothing: the whole
state of both backends is the same before and after it.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Set, Tuple

import boto3
import pytest
from botocore import xform_name
from botocore.config import Config
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_checks import CHATBOT_MODEL_DEPARTURES
from shape_strategies import examples, request_bodies
from state_snapshot import snapshot

from chatbot_mock import ChatbotMock, mock_chatbot
from chatbot_mock.interception import active_state
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.protocol.validation import ShapeValidator

ACCOUNT = "123456789012"
MEMBER_ACCOUNT = "111122223333"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/PropertyRole"
TOPIC = f"arn:aws:sns:us-east-1:{ACCOUNT}:property-topic"
SLACK_TEAM = "T012ABCDEFG"
OTHER_SLACK_TEAM = "T098ZYXWVUT"
SLACK_CHANNEL = "C01ABCDEFGH"
SLACK_USER = "U01ABCDEFGH"
TEAMS_TEAM = "6f7d4c2a-1b3e-4d5f-8a9b-0c1d2e3f4a5b"
TEAMS_TENANT = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
TEAMS_CHANNEL = "19%3ab6ef35dc342d56ba5654e6fc6d25a071%40thread.tacv2"
TEAMS_USER = "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"
WEBHOOK = "https://hooks.chime.aws/incomingwebhooks/a1b2c3d4-e5f6?token=abcdefABCDEF123456"

#: What any rest-json service may answer besides its modeled errors.
PROTOCOL_ERRORS = frozenset({"SerializationException", "UnsupportedMediaTypeException", "UnknownOperationException"})

#: Where the mock answers what the service does rather than what botocore's model says.
KNOWN_MODEL_DEFECTS = CHATBOT_MODEL_DEPARTURES

OPERATIONS: List[Tuple[str, str]] = [
    (service, operation)
    for service, spec in sorted(service_specs().items())
    for operation in sorted(spec.model.operation_names)
]

_validator = ShapeValidator()


class Exchange:
    """What the client saw of one call: whether the request reached the mock (after
    botocore serialised it) and the raw response it got back."""

    def __init__(self) -> None:
        self.reached = False
        self.status: Optional[int] = None
        self.body: Optional[bytes] = None

    def sent(self, **_: Any) -> None:
        self.reached = True

    def received(self, response_dict: Dict[str, Any], **_: Any) -> None:
        self.status = response_dict["status_code"]
        self.body = response_dict["body"]


def _client(service: str) -> Any:
    session = boto3.session.Session(
        aws_access_key_id="AKIAPROPERTYTESTS", aws_secret_access_key="secret", region_name="us-east-1"
    )
    return session.client(
        service, config=Config(parameter_validation=False, retries={"max_attempts": 1, "mode": "standard"})
    )


CLIENTS: Dict[str, Any] = {service: _client(service) for service in service_specs()}


def seed(mock: ChatbotMock) -> Dict[str, List[Any]]:
    """A bit of everything in the account, and the values that name it (so generated
    requests often point at things that exist)."""
    support = CLIENTS["support-app"]
    chatbot = CLIENTS["chatbot"]
    mock.create_organization(ACCOUNT, [MEMBER_ACCOUNT])
    mock.support_app.authorize_slack_workspace(SLACK_TEAM, "acme")
    mock.support_app.authorize_slack_workspace(OTHER_SLACK_TEAM, "other")
    support.create_slack_channel_configuration(
        teamId=SLACK_TEAM, channelId=SLACK_CHANNEL, channelRoleArn=ROLE, notifyOnCaseSeverity="high",
        notifyOnCreateOrReopenCase=True,
    )
    support.put_account_alias(accountAlias="property-alias")

    mock.chatbot.authorize_slack_workspace(SLACK_TEAM, "acme")
    mock.chatbot.authorize_teams_team(TEAMS_TEAM, "Operations", TEAMS_TENANT)
    slack = chatbot.create_slack_channel_configuration(
        ConfigurationName="slack-alerts", SlackTeamId=SLACK_TEAM, SlackChannelId=SLACK_CHANNEL, IamRoleArn=ROLE,
        SnsTopicArns=[TOPIC], Tags=[{"TagKey": "team", "TagValue": "ops"}],
    )["ChannelConfiguration"]["ChatConfigurationArn"]
    teams = chatbot.create_microsoft_teams_channel_configuration(
        ConfigurationName="teams-alerts", TeamId=TEAMS_TEAM, TenantId=TEAMS_TENANT, ChannelId=TEAMS_CHANNEL,
        IamRoleArn=ROLE,
    )["ChannelConfiguration"]["ChatConfigurationArn"]
    chime = chatbot.create_chime_webhook_configuration(
        ConfigurationName="chime-alerts", WebhookUrl=WEBHOOK, WebhookDescription="ops", SnsTopicArns=[TOPIC],
        IamRoleArn=ROLE,
    )["WebhookConfiguration"]["ChatConfigurationArn"]
    action = chatbot.create_custom_action(
        ActionName="whoami", Definition={"CommandText": "sts get-caller-identity"}
    )["CustomActionArn"]
    chatbot.associate_to_configuration(Resource=action, ChatConfiguration=slack)
    mock.chatbot.add_slack_user_identity(slack, SLACK_TEAM, SLACK_USER, ROLE)
    mock.chatbot.add_teams_user_identity(teams, TEAMS_USER, ROLE)
    configurations = [slack, teams, chime]
    return {
        # Support App
        "teamId": [SLACK_TEAM, OTHER_SLACK_TEAM],
        "channelId": [SLACK_CHANNEL, TEAMS_CHANNEL],
        "channelRoleArn": [ROLE],
        # Chatbot
        "SlackTeamId": [SLACK_TEAM],
        "SlackChannelId": [SLACK_CHANNEL],
        "SlackUserId": [SLACK_USER],
        "TeamId": [TEAMS_TEAM],
        "TenantId": [TEAMS_TENANT],
        "ChannelId": [TEAMS_CHANNEL],
        "UserId": [TEAMS_USER],
        "ConfigurationName": ["slack-alerts", "teams-alerts", "fresh-name"],
        "ActionName": ["whoami", "fresh-action"],
        "ChatConfigurationArn": configurations,
        "ChatConfiguration": configurations,
        "ResourceARN": [*configurations, action],
        "Resource": [action],
        "CustomActionArn": [action],
        "IamRoleArn": [ROLE],
        "WebhookUrl": [WEBHOOK],
    }


_BODIES: Dict[Tuple[str, str], st.SearchStrategy[Dict[str, Any]]] = {}


def bodies(service: str, operation: str) -> st.SearchStrategy[Dict[str, Any]]:
    """The operation's request strategy, built once (building one walks the shapes)."""
    if (service, operation) not in _BODIES:
        _BODIES[service, operation] = request_bodies(service_specs()[service].operations[operation].input_shape)
    return _BODIES[service, operation]


@st.composite
def requests(draw: st.DrawFn, service: str, operation: str, known: Dict[str, List[Any]]) -> Dict[str, Any]:
    """A generated request, each member that names a resource mostly (3 in 4) swapped
    for one that exists, so valid-looking requests reach the backends' rules."""
    body = dict(draw(bodies(service, operation), label="members"))
    for name in sorted(body):
        if name in known and draw(st.sampled_from([True, True, True, False]), label=f"{name} swapped"):
            body[name] = draw(st.sampled_from(known[name]), label=name)
    return body


def error_codes(service: str) -> Set[str]:
    return {shape.name for shape in service_specs()[service].model.error_shapes} | PROTOCOL_ERRORS


@pytest.mark.parametrize(("service", "operation"), OPERATIONS, ids=[f"{s}:{o}" for s, o in OPERATIONS])
@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_every_answer_is_modeled_and_refusals_change_nothing(service: str, operation: str, data: st.DataObject) -> None:
    spec = service_specs()[service].operations[operation]
    client = CLIENTS[service]
    with mock_chatbot() as mock:
        known = seed(mock)
        request = data.draw(requests(service, operation, known), label="request")
        state = active_state()
        before = snapshot(state)
        exchange = Exchange()
        events = client.meta.events
        events.register(f"before-call.{service}.{operation}", exchange.sent)
        events.register(f"before-parse.{service}.{operation}", exchange.received)
        try:
            answer: Optional[Dict[str, Any]] = getattr(client, xform_name(operation))(**request)
            error: Optional[ClientError] = None
        except ClientError as refused:
            answer, error = None, refused
        except Exception:
            if exchange.reached:
                raise  # the mock's answer broke the client: never acceptable
            # botocore could not serialise a member of the wrong JSON type (a string
            # where a structure goes): the request never left the client.
            return
        finally:
            events.unregister(f"before-call.{service}.{operation}", exchange.sent)
            events.unregister(f"before-parse.{service}.{operation}", exchange.received)
        after = snapshot(state)

    assert exchange.reached and exchange.body is not None and exchange.status is not None
    if error is None:
        assert answer is not None and 200 <= exchange.status < 300
        document = json.loads(exchange.body) if exchange.body else {}
        if spec.output_shape is not None:
            problems = _validator.problems(spec.output_shape, document)
            problems = [problem for problem in problems if not KNOWN_MODEL_DEFECTS.search(problem)]
            assert problems == [], problems
        return
    code = error.response["Error"]["Code"]
    assert code in error_codes(service), f"{code}: {error.response['Error'].get('Message')}"
    assert 400 <= exchange.status < 500, (exchange.status, code)
    if (service, operation, code) == ("chatbot", "CreateSlackChannelConfiguration", "InvalidRequestException"):
        # The one documented refusal that keeps something (docs/chatbot.md): a Slack
        # create in a workspace that is not authorised keeps its configuration name.
        after = snapshot(state, forget_reserved_name=request.get("ConfigurationName"))
    assert after == before, f"{operation} refused with {code} but changed the state"
