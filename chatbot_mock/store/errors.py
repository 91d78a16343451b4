"""What a backend raises when it refuses a request: the kind of refusal, not its code.

A backend does not know which wire code its operation answers (Chatbot's create answers
too many SNS topics with LimitExceededException, its update with
InvalidParameterException, because that is what each operation models). The protocol
layer reads the operation's model and answers the code it models for the kind
(``protocol/model.py``, ``OperationSpec.code_for``); the seeding path does the same.
"""

from __future__ import annotations


class Refusal(Exception):
    """A request the service refuses; ``message`` is what the caller reads."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(Refusal, ValueError):
    """Input refused for a reason of the backend's own (a bad page token, a tag key
    given twice, a workspace that still has channels): answered as the operation's
    validation error, like a pattern the model refuses."""


class NotFound(Refusal):
    """The request names something that does not exist."""


class Conflict(Refusal):
    """The request conflicts with what exists (a name taken, a live chat open)."""


class QuotaExceeded(Refusal):
    """The request would take something past a quota setting."""


class NotAllowedNow(Refusal):
    """A well-formed request the current state does not allow (a workspace not yet
    authorised, a channel already configured): Chatbot's InvalidRequestException."""
