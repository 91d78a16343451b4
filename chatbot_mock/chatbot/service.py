"""AWS Chatbot, as the rest of the mock sees it (listed in chatbot_mock/services.py)."""

from chatbot_mock.chatbot.backend import DEFAULT_SETTINGS, ChatbotBackend
from chatbot_mock.service_declaration import ServiceDeclaration

SERVICE = ServiceDeclaration(name="chatbot", default_settings=DEFAULT_SETTINGS, backend=ChatbotBackend)
