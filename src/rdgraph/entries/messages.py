"""The entry checks' messages: their keys (``entry.*``) in the one catalogue, :mod:`rdgraph.messages`, and how
a parser's English explanation of a syntax error is put to a steward in Dutch."""

from __future__ import annotations

from .. import messages as catalogue

# The RDF parsers (Oxigraph) explain a syntax error in English; these are the explanations a
# steward meets, in Dutch. An explanation not listed is kept and introduced as the parser's own words.
PARSER_DETAILS: list[tuple[str, str]] = [
    (r"Parser error at line (\d+) between columns (\d+) and (\d+): (.*)", "{3}"),
    (r"A dot is expected at the end of statements", "aan het eind van een uitspraak hoort een punt ('.')"),
    (r"Quads must be followed by a dot", "elke regel hoort met een punt ('.') te eindigen"),
    (r"Triples must be followed by a dot", "elke regel hoort met een punt ('.') te eindigen"),
    (r"Unexpected end of file", "het bestand houdt onverwacht op (een tekst zonder sluitend aanhalingsteken, "
                                "of een ontbrekende '.' aan het eind?)"),
    (r"The prefix (\S+) has not been declared", "het prefix {0} is niet gedeclareerd"),
    (r"Trailing commas are not allowed", "na het laatste element van een lijst of object mag geen komma staan"),
    (r"(\S+) is not a valid RDF object", "{0} is geen geldige waarde (object) van een triple"),
    (r"(@\w+) value must be a string", "de waarde van {0} moet een tekst zijn"),
    (r"cannot tell the RDF format from the extension '(.*)'",
     "kan aan de extensie '{0}' niet zien welk RDF-formaat het bestand heeft"),
]


def parse_detail(detail: str, lang: str) -> str:
    """The parser's explanation of a syntax error in ``lang`` (Oxigraph's own words are English)."""
    import re

    if lang == "en":
        return detail
    for _ in range(2):  # 'Parser error at ...: <explanation>' unwraps to the explanation, then translates
        for pattern, nl in PARSER_DETAILS:
            m = re.fullmatch(pattern, detail.strip())
            if m:
                detail = nl.format(*m.groups())
                break
        else:
            break
    if detail and detail[0].isupper() and detail.isascii():
        return f"de lezer meldt: {detail}"
    return detail


def parse_hint(path: object, fmt: str | None, lang: str) -> str:
    """A hint for a syntax error that fits the file's format (Turtle, N-Triples, JSON-LD)."""
    from pathlib import Path

    ext = (fmt or Path(str(path)).suffix.lstrip(".")).lower()
    if "json" in ext:
        return msg("parse_hint_jsonld", lang)
    if ext in ("nt", "ntriples", "n-triples", "nq"):
        return msg("parse_hint_ntriples", lang)
    return msg("parse_hint", lang)


def msg(key: str, lang: str, **kw: object) -> str:
    """The entry message ``key`` (``entry.<key>`` in the catalogue) in ``lang``."""
    return catalogue.msg("entry." + key, lang, **kw)


def shape_hint(key: str, lang: str, fallback: str | None = None, **values: object) -> str:
    """The hint for a SHACL result (``MinCount``, ``SPARQL:<Shape>`` ...), else ``fallback``'s, else a general one."""
    for k in (key, fallback):
        if k and catalogue.has(f"entry.shape_hint.{k}"):
            return catalogue.msg(f"entry.shape_hint.{k}", lang, **values)
    return catalogue.msg("entry.shape_hint.other", lang, **values)



def hint_in_format(hint: str | None, kind: str) -> str | None:
    """A hint's Turtle snippets in the entry's own syntax: JSON-LD gets ``{"@value": ..., "@type": ...}``
    and ``{"@id": ...}``, N-Triples full IRIs in ``< >``; Turtle (and unknown formats) as written."""
    import re

    from ..namespaces import PREFIXES

    if not hint or kind not in ("json", "nt"):
        return hint

    def iri(pname: str) -> str:
        p, _, local = pname.partition(":")
        return PREFIXES[p] + local if p in PREFIXES else pname

    lit = re.compile(r'"((?:[^"\\]|\\.)*)"(?:\^\^([a-z]+:[A-Za-z]+)|@([a-z]{2}))?')
    pname = re.compile(r"(?<![\w/<#\"])\b(" + "|".join(sorted(PREFIXES, key=len, reverse=True))
                       + r"):([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]|[A-Za-z0-9])")
    if kind == "json":
        def lit_json(m: re.Match) -> str:
            if m.group(2):
                return f'{{"@value": "{m.group(1)}", "@type": "{iri(m.group(2))}"}}'
            if m.group(3):
                return f'{{"@value": "{m.group(1)}", "@language": "{m.group(3)}"}}'
            return m.group(0)
        out = lit.sub(lit_json, hint)
        return pname.sub(lambda m: f'{{"@id": "{iri(m.group(0))}"}}', out) if "@value" not in out else out

    def lit_nt(m: re.Match) -> str:
        if m.group(2):
            return f'"{m.group(1)}"^^<{iri(m.group(2))}>'
        return m.group(0)
    out = lit.sub(lit_nt, hint)
    return pname.sub(lambda m: f"<{iri(m.group(0))}>", out)
