"""What the installed hooks read on every call: which state answers, if any."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from chatbot_mock._state import MockState
    from chatbot_mock.interception.botocore_defaults import Defaults

#: The state answering the two services, or ``None`` while every mock is off.
active: Optional[MockState] = None
#: The credentials and region botocore gets while on, or ``None`` (``fake_credentials=False``).
defaults: Optional[Defaults] = None
