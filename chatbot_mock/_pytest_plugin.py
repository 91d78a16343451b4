"""The pytest plugin, registered through the ``pytest11`` entry point.

    def test_it(chatbot_mock):
        chatbot_mock.support_app.authorize_slack_workspace("T012ABCDEFG", "acme")

    @pytest.mark.chatbot_mock(account_id="111122223333", quotas={...})
    def test_configured(chatbot_mock): ...
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from chatbot_mock._mock import ChatbotMock


def pytest_configure(config: Any) -> None:
    config.addinivalue_line(
        "markers",
        "chatbot_mock(account_id=None, quotas=None, fake_credentials=True): "
        "configure the chatbot_mock fixture for this test",
    )


@pytest.fixture
def chatbot_mock(request: Any) -> Iterator[ChatbotMock]:
    """A started mock of AWS Chatbot and AWS Support App, with fresh state."""
    marker = request.node.get_closest_marker("chatbot_mock")
    options = dict(marker.kwargs) if marker is not None else {}
    with ChatbotMock(**options) as mock:
        yield mock
