"""How a request's language is chosen, and the explorer's texts from the one message catalogue.

The texts themselves live in :mod:`rdgraph.messages` under ``ui.`` (pages), ``ui.form.`` (the entry form),
``ui.releases.`` (release pages) and ``sparql.`` (the SPARQL protocol's refusals).

Order: an explicit ``?lang=nl|en`` (which the server then remembers in a cookie), the ``lang``
cookie, the ``Accept-Language`` header, Dutch.
"""

from __future__ import annotations

from functools import cache

from ..messages import CATALOGUES, DEFAULT_LANG, msg

LANGS = ("nl", "en")
COOKIE = "rdgraph_lang"


@cache
def texts(lang: str, prefix: str = "ui.") -> dict[str, str]:
    """The catalogue's texts under ``prefix`` (one level: ``ui.`` holds ``ui.site``, not ``ui.form.title``),
    keyed without the prefix, in ``lang`` (Dutch for an unknown language): what the templates see as ``ui``."""
    cat = CATALOGUES.get(lang, CATALOGUES[DEFAULT_LANG])
    n = len(prefix)
    return {k[n:]: v for k, v in cat.items() if k.startswith(prefix) and "." not in k[n:]}


def ui(lang: str) -> dict[str, str]:
    return texts(lang, "ui.")


def from_accept_language(header: str | None) -> str | None:
    """The first of nl/en by the q-values of an Accept-Language header (``en-GB`` counts as ``en``)."""
    best: tuple[float, int] | None = None
    chosen = None
    for pos, part in enumerate((header or "").split(",")):
        bits = [b.strip() for b in part.split(";")]
        tag = bits[0].lower().split("-", 1)[0]
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if tag in LANGS and q > 0 and (best is None or (q, -pos) > best):
            best, chosen = (q, -pos), tag
    return chosen


def choose(query_lang: str | None, cookie: str | None, accept_language: str | None) -> tuple[str, bool]:
    """(language, explicit): explicit when the query string asked for it (then the cookie is set)."""
    if query_lang in LANGS:
        return query_lang, True
    if cookie in LANGS:
        return cookie, False
    return from_accept_language(accept_language) or "nl", False


def stated(query_lang: str | None, cookie: str | None, accept_language: str | None) -> str | None:
    """The language the client stated (query string, cookie, Accept-Language), or None when it said nothing."""
    if query_lang in LANGS:
        return query_lang
    if cookie in LANGS:
        return cookie
    return from_accept_language(accept_language)


__all__ = ["COOKIE", "LANGS", "choose", "from_accept_language", "msg", "stated", "texts", "ui"]
