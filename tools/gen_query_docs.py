"""Regenerate docs/queries.md from the headers of queries/*.rq: python tools/gen_query_docs.py [--check]"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rdgraph.queries import Catalogue  # noqa: E402


def render() -> str:
    cat = Catalogue(ROOT / "queries")
    out = ["# Named queries", "",
           "Generated from the `#+` headers of `queries/*.rq` by `tools/gen_query_docs.py`; do not edit by hand.",
           "Run one with `rdgraph query NAME [--param key=value ...]`, from Python with `kg.query('NAME', key=value)`,",
           "over HTTP at `/api/queries/NAME`, or paste the file into any SPARQL 1.1 tool (parameters are ordinary",
           "variables: bind them with VALUES).", ""]
    by_rq: dict[str, list[dict]] = {}
    for q in cat.all():
        d = q.to_dict()  # the one model of a named query, as the CLI, the REST API and OpenAPI describe it
        by_rq.setdefault(d["rq"], []).append(d)
    for rq in ("rq1", "rq2", "rq3", "data"):
        if rq not in by_rq:
            continue
        out += [f"## {by_rq[rq][0]['research_question']}", ""]
        for q in by_rq[rq]:
            out += [f"### `{q['name']}`", "", q["summary"] + ".", "", q["description"], "",
                    f"Columns: {', '.join(f'`{c}`' for c in q['columns'])}.", ""]
            if q["params"]:
                out += ["| parameter | type | default | allowed | meaning |", "|---|---|---|---|---|"]
                for p in q["params"]:
                    allowed = ", ".join(str(e) for e in p["enum"]) if p["enum"] else ""
                    default = "" if p["default"] is None else str(p["default"])
                    out.append(f"| `{p['name']}` | {p['type']} | {default} | {allowed} | {p['description']} |")
                out.append("")
            if q["tags"]:
                out += [f"Tags: {', '.join(q['tags'])}.", ""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    target = ROOT / "docs" / "queries.md"
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if target.exists() and target.read_text(encoding="utf-8") == text else 1)
    target.write_text(text, encoding="utf-8")
