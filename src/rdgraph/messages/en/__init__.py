"""rdgraph's messages in English, one module per part of rdgraph that says them.

Every key is also in the other language (tests/test_messages.py)."""

from . import entries, releases, server

MESSAGES: dict[str, str] = {**entries.MESSAGES, **releases.MESSAGES, **server.MESSAGES}
