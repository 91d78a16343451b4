"""Fixtures for the AWS Chatbot tests; plain helpers live in chatbot_helpers.py
(importable because pyproject.toml puts tests/chatbot on pytest's ``pythonpath``)."""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest
from chatbot_helpers import (
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
