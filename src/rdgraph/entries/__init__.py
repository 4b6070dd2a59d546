"""New entries (a new Regio Deal, its interventions, money, sources): validate and add.

An entry is one RDF file (Turtle, N-Triples or JSON-LD) written by a programme officer. It is
validated *in the context of the current graph* without re-validating the graph:

* the SHACL shapes run (pySHACL, the reference engine) on the entry's own nodes only, over a small
  data graph: the entry, plus from the store exactly what the shapes need about the nodes the entry
  touches (see :func:`context_triples`);
* rdgraph's own checks add what SHACL cannot say well: references to things the graph does not hold
  and terms the ontology does not define (both with the closest existing names as suggestions),
  duplicate deals (same name or alternative name in the same tranche, or the same IRI), and literals
  whose datatype or language tag is not the one the ontology expects.

:func:`add_entries` validates the same way and, only without violations, writes each deal's entry
into ``data/deals/<slug>.ttl`` (sorted, deterministic Turtle) with a temporary file and a rename,
under a lock file so that two ``add`` runs cannot interleave.

The JSON rendering (``EntryReport.to_dict``) is a stable, documented schema; see
``docs/entries.md`` or :data:`JSON_SCHEMA_DOC`.
"""

from ..namespaces import short
from .checks import own_checks
from .index import GraphIndex, context_triples
from .parse import Entry, read_entries
from .report import JSON_SCHEMA_DOC, EntryFinding, EntryReport
from .shapes import shape_findings
from .template import new_deal_template
from .turtle import to_turtle
from .validate import check_entries, validate_entries
from .write import LockBusyError, add_entries

__all__ = ["EntryReport", "EntryFinding", "Entry", "validate_entries", "add_entries", "check_entries",
           "read_entries", "context_triples", "shape_findings", "own_checks", "GraphIndex", "JSON_SCHEMA_DOC",
           "to_turtle", "new_deal_template", "short", "LockBusyError"]
