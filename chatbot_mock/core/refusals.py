"""What a backend raises when it refuses a request: the kind of refusal, not its code.

A backend does not know which wire code its operation answers (Chatbot's create answers
too many SNS topics with LimitExceededException, its update with
InvalidParameterException, because that is what each operation models). The protocol
layer reads the operation's model and answers the code it models for the kind, in one
function the dispatcher, the console steps and the admin calls share
(``protocol/refusals.py``).
"""

from __future__ import annotations

from typing import Optional


class Refusal(Exception):
    """A request the service refuses.

    ``message`` is what the caller reads, in the service's words where they are known.
    ``advice`` is the mock's own help (which seeding call or quota setting applies, why a
    name stays reserved): it never goes into the answer, where a test might come to
    depend on words AWS never says, but to the ``chatbot_mock`` logger at WARNING, which
    pytest shows beside a failing test.
    """

    def __init__(self, message: str, advice: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.advice = advice


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


def console_first(what: str, console: str, step: str) -> str:
    """Advice for a refusal a console step would have prevented: which seeding call
    stands for it."""
    return f"{what} first, as the {console} console would: {step}."
