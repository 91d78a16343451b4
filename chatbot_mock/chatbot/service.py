"""AWS Chatbot, as the rest of the mock sees it (see chatbot_mock/services.py)."""

from chatbot_mock.chatbot.backend import DEFAULT_SETTINGS, ChatbotBackend
from chatbot_mock.chatbot.console import ChatbotConsole
from chatbot_mock.services import ServiceDeclaration

SERVICE = ServiceDeclaration(
    name="chatbot",
    default_settings=DEFAULT_SETTINGS,
    backend=ChatbotBackend,
    console=ChatbotConsole,
)
