"""AWS Support App in Slack, as the rest of the mock sees it (listed in chatbot_mock/services.py)."""

from chatbot_mock.service_declaration import ServiceDeclaration
from chatbot_mock.support_app.backend import DEFAULT_SETTINGS, SupportAppBackend

SERVICE = ServiceDeclaration(name="support-app", default_settings=DEFAULT_SETTINGS, backend=SupportAppBackend)
