"""The project's terms as an rdflib ``DefinedNamespace``, for code that works with rdflib graphs.

The same closed list as :data:`rdgraph.namespaces.RDG` (which gives pyoxigraph terms and is what the
library uses): a misspelt term fails, ``RDG.rijksbijdrag`` raises AttributeError.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from .namespaces import DEF
from .vocabularies import TERMS

RDG = type("RDG", (DefinedNamespace,), {
    "_fail": True,
    "_NS": Namespace(DEF),
    "__annotations__": {name: URIRef for name in sorted(TERMS["rdg"])},
})

__all__ = ["RDG"]
