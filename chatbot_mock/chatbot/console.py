"""The Chatbot steps that happen in the AWS Chatbot console, not the API."""

from __future__ import annotations

from typing import Callable

from chatbot_mock._state import MockState


class ChatbotConsole:
    """``mock.chatbot``: seed what only the Chatbot console can create."""

    def __init__(self, state: Callable[[], MockState]) -> None:
        self._state = state
