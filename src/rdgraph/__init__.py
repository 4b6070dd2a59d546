"""rdgraph: the Regio Deals knowledge graph.

>>> import rdgraph
>>> kg = rdgraph.load()
>>> kg.query("opgaven-per-domein", lang="en").to_dataframe()

The names below are imported when first used (PEP 562), so ``import rdgraph`` and the ``rdgraph`` command
load only the modules their path needs (``rdgraph query`` never imports the entry, export or server code).
"""

from __future__ import annotations

from .version import __version__

#: public name -> the module that defines it
_EXPORTS = {
    "EndpointError": "errors",
    "EntryRefusedError": "errors",
    "ParameterError": "errors",
    "ParseError": "errors",
    "QuerySyntaxError": "errors",
    "RdgraphError": "errors",
    "UnknownQueryError": "errors",
    "Result": "results",
    "KnowledgeGraph": "store",
    "load": "store",
}

__all__ = ["EndpointError", "EntryRefusedError", "KnowledgeGraph", "ParameterError", "ParseError", "QuerySyntaxError",
           "RdgraphError", "Result", "UnknownQueryError", "__version__", "load"]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rdgraph' has no attribute {name!r}")
    import sys

    __import__(f"{__name__}.{module}")  # a plain import (python -X importtime sees it)
    value = getattr(sys.modules[f"{__name__}.{module}"], name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
