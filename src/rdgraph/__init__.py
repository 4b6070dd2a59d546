"""rdgraph: the Regio Deals knowledge graph.

>>> import rdgraph
>>> kg = rdgraph.load()
>>> kg.query("opgaven-per-domein", lang="en").to_dataframe()
"""

from __future__ import annotations

from .errors import (  # noqa: E402
    EndpointError,
    EntryRefusedError,
    ParameterError,
    ParseError,
    QuerySyntaxError,
    RdgraphError,
    UnknownQueryError,
)
from .results import Result  # noqa: E402
from .store import KnowledgeGraph, load  # noqa: E402
from .version import __version__

__all__ = [
    "EndpointError",
    "EntryRefusedError",
    "KnowledgeGraph",
    "ParameterError",
    "ParseError",
    "QuerySyntaxError",
    "RdgraphError",
    "Result",
    "UnknownQueryError",
    "__version__",
    "load",
]
