"""AWS Chatbot backend (operations arrive in a later change)."""

from __future__ import annotations

from chatbot_mock.store.organizations import Organizations
from chatbot_mock.store.settings import Settings
from chatbot_mock.store.tokens import PageTokens

DEFAULT_SETTINGS: dict = {}


class ChatbotBackend:
    def __init__(self, settings: Settings, tokens: PageTokens, organizations: Organizations) -> None:
        self._settings = settings
        self._tokens = tokens
        self._organizations = organizations
