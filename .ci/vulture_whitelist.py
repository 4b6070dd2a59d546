# Names vulture (the dead-code check in .ci/run) cannot see used: read by a library or framework, or the
# public notebook API. Every entry says who uses it; do not add dead code here, remove it.
# (The HTTP handlers registered with @route are skipped through ignore_decorators in pyproject.toml.)

_.queryType  # SPARQLWrapper reads it (endpoint.py: say which kind of query is sent)
_.install_signal_handlers  # uvicorn.Server reads it (server/serving.py)
_.should_exit  # uvicorn.Server reads it (server/serving.py)
_.data_type  # openpyxl cell attribute (xlsx.py)
_.quotePrefix  # openpyxl cell style attribute (xlsx.py)
_.number_format  # openpyxl cell attribute (xlsx.py)
_.answered_here  # server/executor.py: light queries answered in the server process (a diagnostic counter; tests/test_sparql_fastpath.py)
_.early  # server/fastpath.py: light requests answered in the protocol (a diagnostic counter; tests/test_sparql_fastpath.py)
message_event  # server/fastpath.py: _Answered.message_event.set(), called by uvicorn's protocol when the connection ends

# public API: rdgraph.load() in notebooks, documented in README.md and docs/, tested
_.to_dataframe  # Result (results.py)
_.to_csv  # Result
_.to_tsv  # Result
_.to_xml  # Result
_.to_table  # Result
_.to_markdown  # Result
_.construct  # KnowledgeGraph.construct (store.py)
_.ask  # Endpoint.ask (endpoint.py, docs/linked-data.md)
_.n3  # IRI.n3 (terms.py): an IRI in a result row in N3/Turtle syntax, as rdflib terms have it
check_consistency  # reasoning.py: the OWL consistency check of the graph (tests/test_ontology.py)
owlrl_inferred  # reasoning.py: the reference reasoner (owlrl) the own reasoner is tested and benchmarked against
__getattr__  # rdgraph/__init__.py: Python calls the module's __getattr__ for a name not yet imported (PEP 562)
__dir__  # rdgraph/__init__.py: dir(rdgraph) lists the lazily imported names (PEP 562)
_._get_formatter  # cli/__init__.py: argparse calls it for every add_argument and for help
