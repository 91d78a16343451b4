"""Opaque pagination tokens that only the mock that issued them accepts."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import List, Optional, Tuple, TypeVar

from chatbot_mock.core.collection import OrderedCollection
from chatbot_mock.core.refusals import InvalidInput

V = TypeVar("V")


class InvalidToken(InvalidInput):
    """A token this mock did not issue, issued for another listing, or from an earlier state.
    The dispatcher answers it with the operation's own validation error."""


class PageTokens:
    """Signs (listing, account, position) into a token and checks it on the way back.

    The key is drawn anew for every mock state, so a token kept across a reset, made
    up by hand, or taken from another listing or account is refused instead of
    quietly starting somewhere.
    """

    def __init__(self, key: Optional[bytes] = None) -> None:
        self._key = os.urandom(16) if key is None else key

    @property
    def key(self) -> bytes:
        """Kept in a state snapshot, so tokens issued before it still work after a restore."""
        return self._key

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).hexdigest()[:24].encode("ascii")

    def issue(self, listing: str, account_id: str, position: int) -> str:
        payload = f"{listing}|{account_id}|{position}".encode()
        return base64.urlsafe_b64encode(payload + b"|" + self._mac(payload)).decode("ascii")

    def position(self, token: str, listing: str, account_id: str) -> int:
        try:
            raw = base64.urlsafe_b64decode(token.encode("ascii"))
            payload, mac = raw.rsplit(b"|", 1)
            token_listing, token_account, position = payload.decode().split("|")
        except (ValueError, UnicodeError):
            raise InvalidToken(f"The pagination token {token!r} is not a token this service issued") from None
        # Bytes, not text: a forged signature may hold any byte at all.
        if not hmac.compare_digest(mac, self._mac(payload)):
            raise InvalidToken(f"The pagination token {token!r} is not a token this service issued")
        if token_listing != listing or token_account != account_id:
            raise InvalidToken(f"The pagination token {token!r} was issued for another request")
        return int(position)

    def page(
        self,
        collection: OrderedCollection[object, V],
        listing: str,
        account_id: str,
        next_token: Optional[str],
        limit: int,
    ) -> Tuple[List[V], Optional[str]]:
        """One page of ``collection`` from where ``next_token`` left off, and the token
        for the next page (``None`` on the last). Raises :class:`InvalidToken`, which each
        service answers with its own validation error."""
        after = 0 if next_token is None else self.position(next_token, listing, account_id)
        items, marker = collection.page(after, limit)
        return items, None if marker is None else self.issue(listing, account_id, marker)
