"""What a backend raises for input it refuses on grounds of its own."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input a backend refuses for a reason of its own (a bad page token, a tag key given
    twice, a workspace that still has channels). The backend does not know which code
    its operation answers for bad input; the dispatcher (and the seeding path) answer it
    as the operation's validation error, like a pattern the model refuses."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
