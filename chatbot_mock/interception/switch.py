"""What the installed hooks read on every call: which state answers, if any."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Tuple

if TYPE_CHECKING:
    from chatbot_mock._state import MockState

#: The state answering the two services, or ``None`` while every mock is off.
active: Optional[MockState] = None
#: (access key id, secret) for botocore's credential lookup to fall back on, or ``None``.
credentials: Optional[Tuple[str, str]] = None
