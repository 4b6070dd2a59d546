"""The one catalogue of rdgraph's user-facing texts, in Dutch and English.

``msg("entry.unknown_ref", "en", value="opgave:99")`` gives the text of a key in a language, with its
``{placeholders}`` filled in. The texts live in one package per language (:mod:`.nl`, :mod:`.en`), a
module per part of rdgraph (entries, server, releases); tests/test_messages.py checks that both have
every key with the same placeholders. The CLI, validation, entries, report and server all say things
through here.
"""

from __future__ import annotations

from . import en, nl

LANGS = ("nl", "en")
DEFAULT_LANG = "nl"
CATALOGUES: dict[str, dict[str, str]] = {"nl": nl.MESSAGES, "en": en.MESSAGES}


def msg(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The text of ``key`` in ``lang`` (Dutch for an unknown language), placeholders filled from ``values``."""
    text = CATALOGUES.get(lang, CATALOGUES[DEFAULT_LANG])[key]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in CATALOGUES[DEFAULT_LANG]


__all__ = ["CATALOGUES", "DEFAULT_LANG", "LANGS", "has", "msg"]
