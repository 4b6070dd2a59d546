"""Light queries: a static cost bound on a SPARQL text, so the server can answer it in its own process.

Every query normally runs in a worker process that is killed at its deadline (:mod:`.executor`):
pyoxigraph cannot interrupt a query, so a process is the only thing that can be stopped. The price is
two process hops per request, which dominates a one-pattern lookup. This module recognises the
queries whose cost is bounded *before* they run, and only those skip the hop:

* the text, read with a strict tokenizer that must account for every character, is ``SELECT``
  (``DISTINCT``/``REDUCED``, variables or ``*``) or ``ASK`` over one group of plain triple patterns
  (IRIs, prefixed names, variables, simple literals, ``a``; ``;`` and ``,`` lists), with optional
  ``LIMIT``/``OFFSET`` and ``PREFIX`` lines. Anything else -- ``FILTER``, ``OPTIONAL``, ``UNION``,
  paths, sub-queries, ``ORDER BY`` (pyoxigraph 0.5 aborts the process on some mixed-type sorts),
  expressions, ``GRAPH``, ``FROM``, blank nodes, ``BASE``, escapes -- is not light and goes to a worker,
  and so does a text of more than :data:`MAX_TEXT` characters or :data:`MAX_PATTERNS` triple patterns;
* the number of matches of each triple pattern is bounded from the graph's own counts (the graph is
  read-only, so they are counted once at start): by subject, predicate, object and the pairs,
  the exact count for an IRI the graph has, the largest count of that kind for anything else (a literal,
  an IRI the graph does not have, a prefix resolved differently), all triples for a pattern of three
  variables. Whatever order or join method the engine picks, it never touches more than the product of
  these bounds; a query is light when that product is at most :data:`BUDGET`.

At about 1-2 microseconds a row for evaluation and serialisation on this graph, a light query holds the
event loop for at most a few milliseconds, and its answer is at most ``BUDGET`` rows; every other query
keeps the worker, its deadline and its kill.
"""

from __future__ import annotations

import re
from collections import Counter

from ..namespaces import RDF

BUDGET = 1000  #: rows (product of pattern bounds) a query may touch to be answered in the server process
PATTERNS_REMEMBERED = 4096
MAX_PATTERNS = 8    #: triple patterns at most: the engine's planning of a group grows faster than its size
MAX_TEXT = 8192     #: characters at most in a light query text (a lookup is a line or two)

_RDF_TYPE = RDF.type.value  # the keyword `a`

# Whitespace and comments, then one token (or one character no token starts with, or the end): every
# match starts where the last ended, so every character of the text is accounted for. No alternative
# nests a repetition, so a hostile text costs one linear pass.
_TOKEN = re.compile(r"""
    (?:\s|\#[^\r\n]*)*
    (?:
      ( <[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20]*>          # absolute IRI, no escapes
      | [?$][A-Za-z0-9_]+                                     # variable
      | "[^"\\\r\n]*" | '[^'\\\r\n]*'                         # short string, no escapes
      | @[A-Za-z]+(?:-[A-Za-z0-9]+)*                          # language tag
      | [0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_.:])                 # integer or decimal
      | (?:[A-Za-z][A-Za-z0-9_-]*)?:(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9_-]))*)?  # prefixed name
      | [A-Za-z]+(?![A-Za-z0-9_:-])                           # keyword
      | \^\^ | [{}.;,*]
      )
    | ([\s\S])                                               # anything else: not light
    | $
    )
""", re.VERBOSE)
_KIND = {"<": "iri", "?": "var", "$": "var", '"': "string", "'": "string", "@": "lang", "^": "punct",
         "{": "punct", "}": "punct", ".": "punct", ";": "punct", ",": "punct", "*": "punct"}


class NotLight(Exception):
    """The text is outside the light subset (it goes to a worker; this is no error for the client)."""


def tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each token; NotLight at the first character outside the light subset's tokens."""
    out = []
    for tok, bad in _TOKEN.findall(text):
        if bad:
            raise NotLight()
        if not tok:
            continue  # the end
        kind = _KIND.get(tok[0])
        if kind is None:
            kind = "number" if tok[0].isdigit() else "pname" if ":" in tok else "word"
        out.append((kind, tok))
    return out


_VAR, _OTHER = object(), object()  # a variable; a constant the graph has no exact count for
_KINDS = (("s", (0,)), ("p", (1,)), ("o", (2,)), ("sp", (0, 1)), ("po", (1, 2)), ("so", (0, 2)),
          ("spo", (0, 1, 2)))


class Stats:
    """Counts of the graph's quads by subject, predicate, object and each pair; the largest count of each kind."""

    def __init__(self, store) -> None:
        import pyoxigraph as ox

        quads = [(q.subject, q.predicate, q.object) for q in store]
        self.total = len(quads)
        self.counts = {
            "s": Counter(s for s, _, _ in quads), "p": Counter(p for _, p, _ in quads),
            "o": Counter(o for _, _, o in quads), "sp": Counter((s, p) for s, p, _ in quads),
            "po": Counter((p, o) for _, p, o in quads), "so": Counter((s, o) for s, _, o in quads),
            "spo": Counter(quads),
        }
        self.largest = {kind: max(c.values(), default=0) for kind, c in self.counts.items()}
        # the graph's IRIs by their text: an IRI is matched by its exact text, so these have exact counts
        self.iris = {t.value: t for q in quads for t in q if isinstance(t, ox.NamedNode)}
        self._bounds: dict[tuple, int] = {}  # pattern -> bound, for the patterns clients ask again

    def pattern(self, s, p, o) -> int:
        """Upper bound of the matches of one triple pattern; each term is ``("var", name)``,
        ``("iri", value)``, ``("str", text, language or None)`` (a string without datatype or escapes) or
        ``("lit", text)`` (any other literal).

        Exact counts are used only for terms the graph has and the engine matches by their exact text: IRIs,
        and strings (plain or with a language tag, which pyoxigraph keeps in lower case); other literals
        (the engine matches equal values written differently: "01" and "1" as integers) and terms the graph
        does not have take the largest count of their kind -- a bound whatever the engine makes of them.
        """
        key = (s, p, o)
        found = self._bounds.get(key)
        if found is None:
            found = self._pattern(s, p, o)
            if len(self._bounds) >= PATTERNS_REMEMBERED:
                self._bounds.clear()
            self._bounds[key] = found
        return found

    def _pattern(self, s, p, o) -> int:
        terms = [self._term(t) for t in (s, p, o)]
        bound = self.total
        for kind, at in _KINDS:
            key = []
            other = False
            for i in at:
                t = terms[i]
                if t is _VAR:
                    break
                other = other or t is _OTHER
                key.append(t)
            else:
                n = self.largest[kind] if other else self.counts[kind].get(key[0] if len(key) == 1 else tuple(key), 0)
                bound = min(bound, n)
        return bound

    def _term(self, t):
        if t[0] == "var":
            return _VAR
        if t[0] == "iri":
            return self.iris.get(t[1], _OTHER)
        if t[0] == "str":
            import pyoxigraph as ox

            try:
                lit = ox.Literal(t[1], language=t[2]) if t[2] else ox.Literal(t[1])
            except ValueError:
                return _OTHER
            return lit if lit in self.counts["o"] else _OTHER
        return _OTHER


class _Reader:
    """A recursive-descent reader of the light subset over :func:`tokens`; raises NotLight elsewhere."""

    def __init__(self, toks: list[tuple[str, str]], prefixes: dict[str, str]) -> None:
        self.toks = toks
        self.i = 0
        self.defaults = prefixes
        self.declared: dict[str, str] = {}
        self.default_prefix_used = False
        self.patterns: list[tuple] = []

    def peek(self) -> tuple[str, str]:
        return self.toks[self.i] if self.i < len(self.toks) else ("end", "")

    def take(self) -> tuple[str, str]:
        t = self.peek()
        self.i += 1
        return t

    def word(self, *words: str) -> str | None:
        kind, value = self.peek()
        if kind == "word" and value.upper() in words:
            self.i += 1
            return value.upper()
        return None

    def punct(self, p: str) -> bool:
        if self.peek() == ("punct", p):
            self.i += 1
            return True
        return False

    def read(self) -> tuple[str, bool]:
        while self.word("PREFIX"):
            kind, name = self.take()
            if kind != "pname" or not name.endswith(":"):
                raise NotLight()
            kind, iri = self.take()
            if kind != "iri":
                raise NotLight()
            self.declared[name[:-1]] = iri[1:-1]
        form = self.word("SELECT", "ASK")
        if form is None:
            raise NotLight()
        if form == "SELECT":
            self.word("DISTINCT", "REDUCED")
            if not self.punct("*"):
                n = 0
                while self.peek()[0] == "var":
                    self.i += 1
                    n += 1
                if not n:
                    raise NotLight()
        self.word("WHERE")
        if not self.punct("{"):
            raise NotLight()
        self.triples()
        if not self.punct("}"):
            raise NotLight()
        if form == "SELECT":
            seen = set()
            while (w := self.word("LIMIT", "OFFSET")) and w not in seen:
                seen.add(w)
                kind, value = self.take()
                if kind != "number" or not value.isdigit():
                    raise NotLight()
        if self.i != len(self.toks):
            raise NotLight()
        return form, self.default_prefix_used

    def triples(self) -> None:
        while self.peek() != ("punct", "}"):
            s = self.term(subject=True)
            while True:
                p = self.verb()
                while True:
                    self.patterns.append((s, p, self.term()))
                    if not self.punct(","):
                        break
                if not self.punct(";"):
                    break
                while self.punct(";"):
                    pass
                if self.peek() in (("punct", "."), ("punct", "}")):
                    break
            if not self.punct("."):
                break

    def verb(self):
        if self.peek() == ("word", "a"):  # case-sensitive in SPARQL
            self.i += 1
            return ("iri", _RDF_TYPE)
        t = self.term(subject=True)
        return t

    def term(self, subject: bool = False):
        kind, value = self.take()
        if kind == "var":
            return ("var", value[1:])
        if kind == "iri":
            return ("iri", value[1:-1])
        if kind == "pname":
            return ("iri", self.resolve(value))
        if subject:
            raise NotLight()
        if kind == "number":
            return ("lit", value)
        if kind == "string":
            nxt = self.peek()
            if nxt[0] == "lang":
                self.i += 1
                return ("str", value[1:-1], nxt[1][1:])
            if nxt == ("punct", "^^"):
                self.i += 1
                dkind, dvalue = self.take()
                if dkind == "pname":
                    self.resolve(dvalue)
                elif dkind != "iri":
                    raise NotLight()
                return ("lit", value)
            return ("str", value[1:-1], None)
        raise NotLight()

    def resolve(self, pname: str) -> str:
        prefix, _, local = pname.partition(":")
        if prefix in self.declared:
            return self.declared[prefix] + local
        if prefix in self.defaults:
            self.default_prefix_used = True
            return self.defaults[prefix] + local
        raise NotLight()  # an unknown prefix: the worker words the error


class Planner:
    """``plan(text, limits)``: the bound on the rows a query touches and whether it uses a default prefix,
    or None when the query is not light (then a worker answers it, or refuses it, as for any query)."""

    def __init__(self, store, prefixes: dict[str, str], budget: int = BUDGET) -> None:
        self.stats = Stats(store)
        self.prefixes = dict(prefixes)
        self.budget = budget

    def plan(self, text: str, limits=None) -> tuple[int, bool] | None:
        if len(text) > MAX_TEXT:
            return None
        if limits is not None and (len(text.encode("utf-8")) > limits.query_bytes or limits.query_depth < 1):
            return None  # over the size limit (a light text has one level of braces): the worker refuses it
        try:
            toks = tokens(text)
            reader = _Reader(toks, self.prefixes)
            _form, default_used = reader.read()
        except NotLight:
            return None
        # The workers refuse a text in which rdgraph.queries.keywords finds an update word or SERVICE; in a
        # light text only a prefixed name with an empty prefix (":add") or a language tag ("@add") can show
        # one to it, so only then is the (slower) scan needed, and such a text keeps the worker's answer.
        if any(k == "lang" or (k == "pname" and v[0] == ":") for k, v in toks):
            from ..queries import UPDATE_WORDS, keywords

            if keywords(text) & (UPDATE_WORDS | {"SERVICE"}):
                return None
        if len(reader.patterns) > MAX_PATTERNS:
            return None
        bound = 1
        for s, p, o in reader.patterns:
            bound *= max(1, self.stats.pattern(s, p, o))
            if bound > self.budget:
                return None
        return bound, default_used
