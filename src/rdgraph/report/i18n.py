"""The report's words in Dutch and English, from the one message catalogue (rdgraph.messages, keys report.rq.*).

Text the graph holds (labels, the report's statements) comes from the data in the reader's language; only the
words around it live in the catalogue.
"""

from __future__ import annotations

from ..messages import CATALOGUES, msg

PREFIX = "report.rq."

DQ_NAMES: dict[str, dict[str, str]] = {
    lang: {k[len(PREFIX) + 3:]: v for k, v in texts.items() if k.startswith(PREFIX + "dq.")}
    for lang, texts in CATALOGUES.items()
}


def t(lang: str, key: str, **kw) -> str:
    return msg(PREFIX + key, lang, **kw)
