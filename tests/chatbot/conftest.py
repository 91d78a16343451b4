"""Fixtures for the AWS Chatbot tests; plain helpers live in chatbot_helpers.py.

The suite runs in pytest's importlib import mode, which leaves ``sys.path`` alone, and
this directory is deliberately not a package; so it goes on ``sys.path`` here, before
pytest imports any test module in it, and ``import chatbot_helpers`` works everywhere.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from chatbot_helpers import (  # noqa: E402 - needs the sys.path entry above
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    TEAMS_TEAM_ID,
    TEAMS_TEAM_NAME,
    TEAMS_TENANT_ID,
    create_action,
    create_chime,
    create_slack,
    create_teams,
    new_client,
)


@pytest.fixture
def chatbot(chatbot_mock: Any) -> Any:
    """A client acting in the mock's default account, in us-east-1."""
    return new_client()


@pytest.fixture
def unvalidated(chatbot_mock: Any) -> Any:
    """A client that skips botocore's own checks, so only the mock's validation stands."""
    return new_client(validate_parameters=False)


@pytest.fixture
def client_for(chatbot_mock: Any) -> Callable[..., Any]:
    """``client_for("111122223333", region="eu-west-1")``: a client acting in that account."""
    return new_client


@pytest.fixture
def workspace(chatbot_mock: Any) -> str:
    """SLACK_TEAM_ID authorised in the default account, as the console would do it."""
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)
    return SLACK_TEAM_ID


@pytest.fixture
def team(chatbot_mock: Any) -> str:
    """TEAMS_TEAM_ID configured in the default account, as the console would do it."""
    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, TEAMS_TEAM_NAME, TEAMS_TENANT_ID)
    return TEAMS_TEAM_ID


@pytest.fixture
def slack_configuration(chatbot: Any, workspace: str) -> Dict[str, Any]:
    return create_slack(chatbot)


@pytest.fixture
def teams_configuration(chatbot: Any, team: str) -> Dict[str, Any]:
    return create_teams(chatbot)


@pytest.fixture
def chime_configuration(chatbot: Any) -> Dict[str, Any]:
    return create_chime(chatbot)


@pytest.fixture
def slack_arn(slack_configuration: Dict[str, Any]) -> str:
    return slack_configuration["ChatConfigurationArn"]  # type: ignore[no-any-return]


@pytest.fixture
def teams_arn(teams_configuration: Dict[str, Any]) -> str:
    return teams_configuration["ChatConfigurationArn"]  # type: ignore[no-any-return]


@pytest.fixture
def chime_arn(chime_configuration: Dict[str, Any]) -> str:
    return chime_configuration["ChatConfigurationArn"]  # type: ignore[no-any-return]


@pytest.fixture
def action_arn(chatbot: Any) -> str:
    return create_action(chatbot)
