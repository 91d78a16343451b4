"""What the installed hooks read on every call: which state answers, if any."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from chatbot_mock._world import World

#: The state answering the two services, or ``None`` while every mock is off.
active: Optional[World] = None
#: Whether botocore gets the fake credentials and default region (``fake_credentials``).
fake_credentials = False
