"""The named queries as a REST API: the list, and an OpenAPI 3 description made from the query headers."""

from __future__ import annotations

from ..version import __version__
from .pages import catalogue_entries

PARAM_SCHEMAS = {
    "iri": {"type": "string"},
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "date": {"type": "string", "format": "date"},
    "boolean": {"type": "boolean"},
    "lang": {"type": "string", "pattern": "^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$"},
}
RESULT_MEDIA = {
    "application/sparql-results+json": {"schema": {"$ref": "#/components/schemas/SparqlResults"}},
    "application/sparql-results+xml": {"schema": {"type": "string"}},
    "text/csv": {"schema": {"type": "string"}},
    "text/tab-separated-values": {"schema": {"type": "string"}},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string",
                                                                                     "format": "binary"}},
}
FORMAT_PARAM = {
    "name": "format", "in": "query", "required": False,
    "description": "result format; overrides the Accept header (xlsx: an Excel workbook; html: the query's page)",
    "schema": {"type": "string", "enum": ["json", "xml", "csv", "tsv", "xlsx", "html"], "default": "json"},
}


def query_list(catalogue) -> list[dict]:
    out = []
    for name, nq, err in catalogue_entries(catalogue):
        href = f"/api/queries/{name}"
        if nq is None:
            out.append({"name": name, "error": err, "href": href})
            continue
        out.append({**nq.to_dict(), "href": href})
    return out


def _error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def parameter(p: dict) -> dict:
    """An OpenAPI query parameter from a parameter of the query model (``Param.to_dict``)."""
    schema = dict(PARAM_SCHEMAS.get(p["type"], {"type": "string"}))
    if p["enum"] is not None:
        schema["enum"] = list(p["enum"])
    if p["default"] not in (None, ""):
        schema["default"] = p["default"]
    desc = p["description"]
    if p["type"] == "iri" and p.get("base"):
        desc = (desc + " " if desc else "") + f"(a full IRI, or a reference after {p['base']})"
    return {"name": p["name"], "in": "query", "required": bool(p["required"]), "description": desc, "schema": schema}


def openapi(catalogue, server_url: str | None = None) -> dict:
    paths: dict[str, dict] = {
        "/api/queries": {"get": {
            "operationId": "listQueries", "summary": "The named queries with summary, research question, parameters",
            "tags": ["catalogue"],
            "responses": {"200": {"description": "the list",
                                  "content": {"application/json": {"schema": {"type": "array",
                                                                              "items": {"type": "object"}}}}}}}},
        "/api/search": {"get": {
            "operationId": "search", "summary": "Search things by label, alternative label and description (nl, en)",
            "tags": ["catalogue"],
            "parameters": [
                {"name": "q", "in": "query", "required": True, "schema": {"type": "string", "maxLength": 200},
                 "description": "words; accent- and case-insensitive, each matched as a word prefix"},
                {"name": "limit", "in": "query", "required": False,
                 "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}},
                {"name": "class", "in": "query", "required": False, "schema": {"type": "string"},
                 "description": "only things of this class (rdg local name such as RegioDeal, or a full IRI)"},
                {"name": "lang", "in": "query", "required": False, "schema": {"type": "string", "enum": ["nl", "en"]},
                 "description": "language of the labels in the answer"}],
            "responses": {"200": {"description": "ranked results: iri, label, href, kind, score",
                                  "content": {"application/json": {"schema": {"type": "object"}}}},
                          "400": _error("the search text is too long or limit is not a number")}}},
        "/sparql": {"get": {
            "operationId": "sparqlQuery", "summary": "SPARQL 1.1 Protocol query (read-only)", "tags": ["sparql"],
            "parameters": [{"name": "query", "in": "query", "required": True, "schema": {"type": "string"}},
                           {"name": "default-graph-uri", "in": "query", "required": False,
                            "schema": {"type": "array", "items": {"type": "string"}}},
                           {"name": "named-graph-uri", "in": "query", "required": False,
                            "schema": {"type": "array", "items": {"type": "string"}}}],
            "responses": {
                "200": {"description": "results (SELECT/ASK) or a graph (CONSTRUCT/DESCRIBE)",
                        "content": {**RESULT_MEDIA, "text/turtle": {"schema": {"type": "string"}},
                                    "application/ld+json": {"schema": {"type": "object"}}}},
                "400": {"description": "syntax error or bad request"},
                "403": {"description": "update or SERVICE refused"},
                "503": {"description": "the query did not finish before the server's timeout"}}}},
    }
    tags = set()
    for name, nq, _err in catalogue_entries(catalogue):
        if nq is None:
            continue
        q = nq.to_dict()  # the one model of a named query (queries.NamedQuery), as the CLI and the list give it
        tag = q["rq"] or "other"
        tags.add((tag, q["research_question"] if q["rq"] else "other"))
        paths[f"/api/queries/{name}"] = {"get": {
            "operationId": name, "summary": q["summary"], "description": q["description"],
            "tags": [tag], "parameters": [parameter(p) for p in q["params"]] + [FORMAT_PARAM],
            "responses": {"200": {"description": "SPARQL results" + (
                f"; columns: {', '.join(q['columns'])}" if q["columns"] else ""), "content": RESULT_MEDIA},
                "400": _error("a parameter is unknown or not a valid value"),
                "503": _error("the query did not finish before the server's timeout")}}}
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "rdgraph: Regio Deals knowledge graph", "version": __version__,
                 "description": "Named SPARQL queries of the Regio Deals graph as a REST API, generated from "
                                "the #+ headers of queries/*.rq, and the SPARQL 1.1 endpoint. Read-only."},
        "tags": [{"name": t, "description": d} for t, d in sorted(tags)]
                + [{"name": "catalogue"}, {"name": "sparql"}],
        "paths": paths,
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error", "status"],
                      "properties": {"error": {"type": "string"}, "hint": {"type": "string"},
                                     "status": {"type": "integer"}}},
            "SparqlResults": {"type": "object", "description": "W3C SPARQL 1.1 Query Results JSON Format",
                              "properties": {"head": {"type": "object"}, "results": {"type": "object"},
                                             "boolean": {"type": "boolean"}}}}},
    }
    if server_url:
        doc["servers"] = [{"url": server_url}]
    return doc
