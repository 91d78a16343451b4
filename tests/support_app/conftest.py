"""Fixtures for the AWS Support App tests; plain helpers live in support_app_helpers.py
(importable because pyproject.toml puts tests/support_app on pytest's ``pythonpath``)."""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest
from support_app_helpers import (
    CHANNEL_ID,
    TEAM_ID,
    TEAM_NAME,
    channel_configuration,
    create_channel,
    new_client,
)


@pytest.fixture
def support_app(chatbot_mock: Any) -> Any:
    """A client acting in the mock's default account."""
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
    """TEAM_ID authorised in the default account, as the console would do it."""
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)
    return TEAM_ID


@pytest.fixture
def channel(support_app: Any, workspace: str) -> Dict[str, Any]:
    """CHANNEL_ID configured in TEAM_ID with severity ``high`` and one notification on."""
    create_channel(support_app, notifyOnCaseSeverity="high", notifyOnCreateOrReopenCase=True)
    return channel_configuration(support_app, TEAM_ID, CHANNEL_ID)
