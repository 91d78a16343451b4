"""Chat rooms, their incoming webhooks, and what a webhook URL answers a POST.

The rules are those of Amazon Chime's webhook guide: at most 10 webhooks per room; a
JSON payload with one key, ``Content``; 1 request per second per webhook (429); a
payload over the size limit (413); the URL of a regenerated or deleted webhook (404);
any other URL or token (403); the service unavailable (503). Time is the test's own
clock, so a rate-limit test never sleeps.
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
import uuid
from dataclasses import dataclass
from typing import Dict, List, NamedTuple, Optional, Set, Tuple
from urllib.parse import parse_qs, urlsplit

from chatbot_mock.core.settings import Settings

HOST = "hooks.chime.aws"
WEBHOOKS_PER_ROOM = 10
#: Callouts that alert every member, or those present.
CALLOUTS = ("@All", "@Present")
#: An @mention: a callout, or a member's alias, alone or as a full email address
#: (``@alias`` or ``@alias@domain.com``); not the middle of a word or an address.
_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9._+-]+?)(@[A-Za-z0-9.-]+)?(?![\w@])")


class ChimeError(ValueError):
    """A step the Chime client would refuse (an 11th webhook, a deleted webhook)."""


class Clock:
    """The time webhooks are rate-limited by: starts at 0 and moves only when told.

    It counts whole microseconds, so ten advances of 0.1 s make exactly one second.
    """

    def __init__(self) -> None:
        self._microseconds = 0

    @property
    def now(self) -> float:
        """Seconds since the mock's state began."""
        return self._microseconds / 1_000_000

    @property
    def microseconds(self) -> int:
        return self._microseconds

    def advance(self, seconds: float) -> None:
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
            raise ValueError(f"the clock advances by a finite number of seconds, not {seconds!r}")
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self._microseconds += round(seconds * 1_000_000)

    def __repr__(self) -> str:
        return f"<Clock now={self.now}>"


@dataclass(frozen=True)
class Member:
    name: str
    present: bool


@dataclass(frozen=True)
class ChimeMessage:
    """A message a webhook posted to a room."""

    content: str
    #: The name of the webhook that posted it (the room shows "<name> (Webhook)").
    webhook: str
    #: Its @mentions, in order: "@All" alerts every member, "@Present" those present,
    #: "@alias" (or "@alias@domain") the member of that alias.
    mentions: Tuple[str, ...]
    #: The members those callouts alert.
    alerted: Tuple[str, ...]
    #: The clock's time when it arrived.
    time: float


class Answer(NamedTuple):
    status: int
    body: Dict[str, str]


class Webhook:
    """An incoming webhook of a room. ``url`` is what code posts to."""

    def __init__(self, rooms: ChimeRooms, room: Room, name: str) -> None:
        self._rooms = rooms
        self.room = room
        self.name = name
        self._id = str(uuid.uuid4())
        self._token = _new_token()
        self.deleted = False
        #: When the webhook last accepted a message, in the clock's microseconds.
        self.last_post: Optional[int] = None

    @property
    def url(self) -> str:
        return f"https://{HOST}/incomingwebhooks/{self._id}?token={self._token}"

    def regenerate(self) -> str:
        """A new URL; the old one answers 404 from now on. Answers the new URL."""
        with self._rooms.lock:
            self._rooms.check_open()
            self._check_not_deleted()
            self._rooms.retire(self._id, self._token)
            self._id, self._token = str(uuid.uuid4()), _new_token()
            self._rooms.register(self)
            return self.url

    def delete(self) -> None:
        """Remove the webhook from its room; its URL answers 404 from now on."""
        with self._rooms.lock:
            self._rooms.check_open()
            self._check_not_deleted()
            self._rooms.retire(self._id, self._token)
            self.room._webhooks.remove(self)
            self.deleted = True

    def _check_not_deleted(self) -> None:
        if self.deleted:
            raise ChimeError(f"webhook {self.name!r} was deleted from chat room {self.room.name!r}")

    @property
    def key(self) -> Tuple[str, str]:
        return self._id, self._token

    def __repr__(self) -> str:
        state = " deleted" if self.deleted else ""
        return f"<Webhook {self.name!r} of room {self.room.name!r}{state}>"


class Room:
    """A chat room: its webhooks, its members, and the messages webhooks posted."""

    def __init__(self, rooms: ChimeRooms, name: str) -> None:
        self._rooms = rooms
        self.name = name
        self._webhooks: List[Webhook] = []
        self._members: List[Member] = []
        self._messages: List[ChimeMessage] = []

    def create_webhook(self, name: str) -> Webhook:
        """A new incoming webhook; a room holds at most 10."""
        with self._rooms.lock:
            self._rooms.check_open()
            if len(self._webhooks) >= WEBHOOKS_PER_ROOM:
                raise ChimeError(
                    f"chat room {self.name!r} already has {WEBHOOKS_PER_ROOM} webhooks, the most a room can "
                    "have: delete one first"
                )
            webhook = Webhook(self._rooms, self, name)
            self._webhooks.append(webhook)
            self._rooms.register(webhook)
            return webhook

    def add_member(self, name: str, present: bool = True) -> None:
        """A member of the room, by alias: ``@alias`` (or ``@alias@domain``) alerts them,
        ``@All`` every member, ``@Present`` only members who are present."""
        with self._rooms.lock:
            self._rooms.check_open()
            self._members = [member for member in self._members if member.name != name]
            self._members.append(Member(name, present))

    @property
    def webhooks(self) -> Tuple[Webhook, ...]:
        with self._rooms.lock:
            return tuple(self._webhooks)

    @property
    def members(self) -> Tuple[Member, ...]:
        with self._rooms.lock:
            return tuple(self._members)

    @property
    def messages(self) -> Tuple[ChimeMessage, ...]:
        with self._rooms.lock:
            return tuple(self._messages)

    def _receive(self, content: str, webhook: Webhook, time: float) -> ChimeMessage:
        members = {member.name: member for member in self._members}
        mentions: List[str] = []
        named: Set[str] = set()
        for alias, domain in _MENTION.findall(content):
            if not domain and f"@{alias}" in CALLOUTS:
                mentions.append(f"@{alias}")
            elif alias in members:
                mentions.append(f"@{alias}{domain}")
                named.add(alias)
        alerted = [
            member.name
            for member in self._members
            if "@All" in mentions or ("@Present" in mentions and member.present) or member.name in named
        ]
        message = ChimeMessage(content, webhook.name, tuple(mentions), tuple(alerted), time)
        self._messages.append(message)
        return message

    def __repr__(self) -> str:
        return f"<Room {self.name!r}: {len(self._webhooks)} webhook(s), {len(self._messages)} message(s)>"


class ChimeRooms:
    """Every simulated room of one mock state, and the answer of each webhook URL."""

    def __init__(self, lock: threading.RLock, settings: Settings, clock: Optional[Clock] = None) -> None:
        self.lock = lock
        self._settings = settings
        #: Kept across a reset: a test holding the clock keeps moving the one in use.
        self.clock = clock or Clock()
        self.unavailable = False
        #: Set when the state is reset: its rooms and webhooks are gone.
        self.closed = False
        self._rooms: List[Room] = []
        self._live: Dict[Tuple[str, str], Webhook] = {}
        #: (id, token) of every regenerated or deleted webhook URL: 404, not 403.
        self._retired: Set[Tuple[str, str]] = set()

    @property
    def in_use(self) -> bool:
        """Whether the test made a room: until then the mock leaves Chime URLs alone, so
        code that mocks Chime itself (with ``responses``, say) keeps working."""
        return bool(self._rooms)

    def check_open(self) -> None:
        if self.closed:
            raise ChimeError("this room belongs to a mock state that was reset or stopped: create a new room")

    def create_room(self, name: str) -> Room:
        with self.lock:
            self.check_open()
            room = Room(self, name)
            self._rooms.append(room)
            return room

    @property
    def rooms(self) -> Tuple[Room, ...]:
        with self.lock:
            return tuple(self._rooms)

    def register(self, webhook: Webhook) -> None:
        self._live[webhook.key] = webhook

    def retire(self, webhook_id: str, token: str) -> None:
        self._live.pop((webhook_id, token), None)
        self._retired.add((webhook_id, token))

    def webhook_for(self, url: str) -> Optional[Webhook]:
        """The live webhook ``url`` posts to, if any."""
        return self._live.get(_key_of(url) or ("", ""))

    def post(self, url: str, body: bytes) -> Answer:
        """What a POST of ``body`` to ``url`` answers, and the message it leaves in a room."""
        with self.lock:
            if self.unavailable:
                return Answer(503, {"Code": "ServiceUnavailable", "Message": "Amazon Chime is unavailable"})
            key = _key_of(url)
            if key is not None and key in self._retired:
                return Answer(404, {"Code": "NotFound", "Message": "The webhook was regenerated or deleted"})
            webhook = self._live.get(key) if key is not None else None
            if webhook is None:
                return Answer(403, {"Code": "Forbidden", "Message": "Invalid webhook URL"})
            limit = self._settings["chime_webhook_payload_limit_bytes"]
            if len(body) > limit:
                too_large = f"The payload is {len(body)} bytes; the limit is {limit}"
                return Answer(413, {"Code": "PayloadTooLarge", "Message": too_large})
            now = self.clock.microseconds
            if webhook.last_post is not None and now - webhook.last_post < 1_000_000:
                return Answer(429, {"Code": "TooManyRequests", "Message": "1 request per second per webhook"})
            content = _content_of(body)
            if content is None:
                return Answer(400, {"Code": "BadRequest", "Message": 'The payload must be JSON: {"Content": "..."}'})
            webhook.last_post = now
            webhook.room._receive(content, webhook, self.clock.now)
            return Answer(200, {"MessageId": str(uuid.uuid4()), "RoomId": webhook.room.name})


def _new_token() -> str:
    return os.urandom(18).hex()


def _key_of(url: str) -> Optional[Tuple[str, str]]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if (parts.hostname or "").lower().rstrip(".") != HOST or not parts.path.startswith("/incomingwebhooks/"):
        return None
    tokens = parse_qs(parts.query).get("token")
    if not tokens:
        return None
    return parts.path[len("/incomingwebhooks/") :], tokens[0]


def _content_of(body: bytes) -> Optional[str]:
    try:
        payload = json.loads(body)
    except ValueError:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("Content"), str):
        return None
    return str(payload["Content"])
