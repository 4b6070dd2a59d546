"""Text for terminals and reports: control characters in data shown escaped, never emitted raw.

A literal in data/ or in an entry can hold ``ESC[...`` sequences (which rewrite a terminal), other C0/C1
control characters, or Unicode bidi overrides (which reorder what a reader sees). :func:`safe_text`
shows each as a visible escape (``\\x1b``, ``\\u202e``); every human-facing output (tables, text
reports, validation text) passes data through it. HTML escaping is separate (``html.escape`` after
``safe_text``).
"""

from __future__ import annotations

import re

# C0 (but tab and newline when kept), DEL, C1, bidi embeddings/overrides/isolates and marks,
# line/paragraph separators, the BOM/zero-width no-break space and the interlinear annotation marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\u2028\u2029\ufeff\ufff9-\ufffb]")
_UNSAFE_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                         "\u2028\u2029\ufeff\ufff9-\ufffb]")


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    o = ord(c)
    if c == "\n":
        return "\\n"
    if c == "\t":
        return "\\t"
    if c == "\r":
        return "\\r"
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def safe_text(value: object, *, keep_newlines: bool = False) -> str:
    """``value`` as text with every control character and bidi override shown as an escape.

    ``keep_newlines`` keeps newlines and tabs (multi-line text reports); otherwise they are escaped too
    (table cells, one-line messages).
    """
    s = value if isinstance(value, str) else str(value)
    pattern = _UNSAFE if keep_newlines else _UNSAFE_ALL
    if pattern.search(s) is None:
        return s
    return pattern.sub(_escape, s)


def has_unsafe(value: str) -> bool:
    return _UNSAFE_ALL.search(value) is not None


__all__ = ["safe_text", "has_unsafe"]
