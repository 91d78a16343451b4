"""AWS Support App in Slack, as the rest of the mock sees it (see chatbot_mock/services.py)."""

from chatbot_mock.services import ServiceDeclaration
from chatbot_mock.support_app.backend import DEFAULT_SETTINGS, SupportAppBackend
from chatbot_mock.support_app.console import SupportAppConsole

SERVICE = ServiceDeclaration(
    name="support-app",
    default_settings=DEFAULT_SETTINGS,
    backend=SupportAppBackend,
    console=SupportAppConsole,
)
