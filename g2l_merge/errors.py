"""The one user-facing error type; entry.py and cli.py turn it into a message and an exit code."""

from __future__ import annotations

BAD_INPUT = 2
REFUSED = 3


class G2lError(Exception):
    """A problem the user can fix: the message says what to do; `code` is the exit code."""

    def __init__(self, message: str, code: int = BAD_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def refused(message: str) -> G2lError:
    """A refusal for safety (exit 3): nothing was changed."""
    return G2lError(message, REFUSED)
