"""The comment criterion the corpus and the golden cases share: every comment of the input is in the output."""

from __future__ import annotations

import io
import tokenize
from collections import Counter


def comments(source: str) -> Counter[str]:
    """The comments of a Python source, as Python's tokenizer reads them, with how often each occurs."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return Counter(token.string for token in tokens if token.type == tokenize.COMMENT)


def lost_comments(source: str, converted: str) -> list[str]:
    """The input's comments the output lacks (the converter's own `# g2l: ...` lines are extra, and allowed)."""
    return sorted((comments(source) - comments(converted)).elements())
