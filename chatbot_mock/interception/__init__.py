"""The feeds: every kind of client's request for the two services reaches the one
dispatch path, and nothing else is touched.

- :mod:`.botocore_feed` answers the ``before-send`` event of botocore clients, sync
  (boto3) and async (aiobotocore, aioboto3) alike.
- :mod:`.botocore_defaults` gives botocore fake credentials and a default region while a
  mock is on, without touching ``os.environ``.
- :mod:`.requests_feed` answers ``requests`` sessions sending to the services' endpoints.
- :mod:`.hooks` is how each of them puts its hooks in, once, and back only when needed.

The hooks go in on the first start and stay for the life of the process. Starting and
stopping a mock only flips :mod:`.switch`, so no order of starts, stops, moto's mocks and
other libraries' patches can stack them, unwind them wrongly or leave one behind. Each
outermost start checks, with a probe call, that calls still reach every hook, and puts
one back only if another library unwinding its own patch took it away. Switched off, the
``emit`` hook costs one plain function call per botocore event; the others sit on cold
paths (a client's credential and region lookups, a ``requests`` session choosing its
adapter).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Optional

from chatbot_mock.interception import switch

if TYPE_CHECKING:
    from chatbot_mock._world import World

_installing = threading.Lock()


def activate(state: World, fake_credentials: bool) -> None:
    """Answer the two services from ``state`` until :func:`deactivate`; with
    ``fake_credentials``, botocore gets fake credentials and a default region meanwhile."""
    switch.fake_credentials = fake_credentials
    switch.active = state
    with _installing:
        from chatbot_mock.interception import botocore_defaults, botocore_feed, requests_feed

        botocore_feed.ensure_installed()
        botocore_defaults.ensure_installed()
        requests_feed.ensure_installed()


def deactivate() -> None:
    switch.active = None
    switch.fake_credentials = False


def active_state() -> Optional[World]:
    return switch.active
