"""In-memory mocks of AWS Chatbot and AWS Support App for botocore and boto3.

    from chatbot_mock import mock_chatbot

    with mock_chatbot() as m:
        m.support_app.authorize_slack_workspace("T012ABCDEFG", "acme")
        ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["DEFAULT_ACCOUNT_ID", "ChatbotMock", "SnapshotError", "__version__", "active_mock", "mock_chatbot"]

if TYPE_CHECKING:
    from chatbot_mock._mock import ChatbotMock, active_mock, mock_chatbot
    from chatbot_mock.core.identity import DEFAULT_ACCOUNT_ID
    from chatbot_mock.core.snapshot import SnapshotError


def __getattr__(name: str) -> Any:
    # The pytest plugin is imported by every pytest run of every project that has this
    # package installed; botocore, the models and the backends load on first use only.
    if name in ("ChatbotMock", "mock_chatbot", "active_mock"):
        from chatbot_mock import _mock

        return getattr(_mock, name)
    if name == "DEFAULT_ACCOUNT_ID":
        from chatbot_mock.core import identity

        return identity.DEFAULT_ACCOUNT_ID
    if name == "SnapshotError":
        from chatbot_mock.core import snapshot

        return snapshot.SnapshotError
    raise AttributeError(f"module 'chatbot_mock' has no attribute {name!r}")
