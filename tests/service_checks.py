"""Assertions every service test uses: clients that check each answer against the
model's output shape, and the expectation of a service error.

Every client made here checks each successful answer against the operation's output
shape in botocore's model, so every test also proves the mock answers what the model
promises.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import Any, Dict, Iterator, List, Optional, Pattern, Sequence

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from chatbot_mock.protocol.validation import ShapeValidator

_validator = ShapeValidator()

#: Where answering what the real service answers departs from botocore's Chatbot model:
#: it gives ConfiguredTeam.TeamName the pattern of a team *id* (a UUID), and the mock
#: answers the team's name there; and it marks SlackChannelName required, while the
#: service leaves it out when Slack names no channel (a private or unknown channel).
CHATBOT_MODEL_DEPARTURES = re.compile(
    r"at 'ConfiguredTeams\.\d+\.member\.TeamName'"
    r"|^Value null at '(ChannelConfiguration|SlackChannelConfigurations\.\d+\.member)\.SlackChannelName'"
)


def output_shape_problems(model: Any, parsed: Dict[str, Any], ignore: Optional[Pattern[str]] = None) -> List[str]:
    """What in a parsed answer breaks the operation's output shape (``ignore`` names known model defects)."""
    if model.output_shape is None:
        return []
    body = {key: value for key, value in parsed.items() if key != "ResponseMetadata"}
    problems = _validator.problems(model.output_shape, body)
    return [problem for problem in problems if ignore is None or not ignore.search(problem)]


def checked_client(
    service: str,
    account_id: Optional[str] = None,
    region: str = "us-east-1",
    validate_parameters: bool = True,
    ignore: Optional[Pattern[str]] = None,
    **config: Any,
) -> Any:
    """A client of ``service``; with ``account_id`` its 12-digit access key makes it act in that account."""
    keys = {"aws_access_key_id": account_id, "aws_secret_access_key": "not-a-secret"} if account_id else {}
    client = boto3.client(
        service, region_name=region, config=Config(parameter_validation=validate_parameters, **config), **keys
    )

    def check_output_shape(http_response: Any, parsed: Dict[str, Any], model: Any, **_: Any) -> None:
        if http_response.status_code < 300:
            problems = output_shape_problems(model, parsed, ignore)
            assert problems == [], f"{model.name} answered outside its output shape: {problems}"

    client.meta.events.register(f"after-call.{client.meta.service_model.service_id.hyphenize()}", check_output_shape)
    return client


def error_of(error: ClientError) -> Dict[str, Any]:
    return {
        "code": error.response["Error"]["Code"],
        "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        "message": error.response["Error"]["Message"],
    }


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def raises_service_error(code: str, status: int, *fragments: str, advice: Sequence[str] = ()) -> Iterator[Any]:
    """Expect a ``ClientError`` with this code and HTTP status whose message holds every
    fragment; each ``advice`` fragment must be in the mock's warning on the
    ``chatbot_mock`` logger and never in the message the service answers."""
    collected = _Collected()
    logger = logging.getLogger("chatbot_mock")
    logger.addHandler(collected)
    try:
        with pytest.raises(ClientError) as excinfo:
            yield excinfo
    finally:
        logger.removeHandler(collected)
    error = error_of(excinfo.value)
    assert (error["code"], error["status"]) == (code, status), error
    for fragment in fragments:
        assert fragment in error["message"], error
    for fragment in advice:
        assert fragment not in error["message"], error
        assert any(fragment in message for message in collected.messages), collected.messages
