"""``mock.chime``: simulated Amazon Chime chat rooms and their incoming webhooks."""

from __future__ import annotations

from typing import Callable, Tuple

from chatbot_mock._seeding import WorldAccess
from chatbot_mock.chime.rooms import Clock, Room


class ChimeConsole:
    """What the Amazon Chime client does with rooms and webhooks, for tests.

    Code that posts to a webhook URL with ``requests`` reaches the room while the mock is
    on, and so do AWS Chatbot's Chime configurations whose ``WebhookUrl`` is one of these
    webhooks. Amazon Chime reached its end of support on 2026-02-20; this serves code
    that still carries Chime integrations.
    """

    def __init__(self, state: Callable[[], WorldAccess]) -> None:
        self._state = state

    def create_room(self, name: str) -> Room:
        """A new chat room (``room.create_webhook(name)`` adds up to 10 webhooks)."""
        if not isinstance(name, str) or not name:
            raise ValueError(f"a chat room needs a name, not {name!r}")
        return self._state().chime.create_room(name)

    @property
    def rooms(self) -> Tuple[Room, ...]:
        return self._state().chime.rooms

    @property
    def clock(self) -> Clock:
        """The time webhooks are rate-limited by: ``clock.advance(seconds)`` moves it."""
        return self._state().chime.clock

    @property
    def unavailable(self) -> bool:
        """While true, every webhook answers 503 (the service is unavailable)."""
        return self._state().chime.unavailable

    @unavailable.setter
    def unavailable(self, value: bool) -> None:
        if not isinstance(value, bool):
            raise TypeError(f"unavailable is True or False, not {value!r}")
        chime = self._state().chime
        with chime.lock:
            chime.unavailable = value

    def __repr__(self) -> str:
        try:
            rooms = self._state().chime.rooms
        except RuntimeError:
            return "<ChimeConsole: no mock is active>"
        return f"<ChimeConsole: {len(rooms)} room(s)>"
