"""Benchmark: validating one entry against graphs of growing size, next to pySHACL on the full graph.

For the real graph and synthetic graphs of about 10k, 100k and 1M triples (bench/synthetic.py, plus the
ontology for the class hierarchy), it times:

* entry: rdgraph's entry validation (context extraction from the store + pySHACL on entry+context +
  rdgraph's own checks), first call and the median of warm calls;
* full: pySHACL on the whole merged graph (graph + entry), once, for sizes up to --full-max;

and checks that both find the same SHACL results on the entry's nodes.

    .venv/bin/python bench/bench_entries.py [--sizes 10000,100000,1000000] [--full-max 100000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import deal_triples, generate  # noqa: E402

from rdgraph.entries import Entry, GraphIndex, check_entries, shape_findings  # noqa: E402
from rdgraph.loading import parse_file  # noqa: E402
from rdgraph.paths import turtle_files  # noqa: E402
from rdgraph.store import ASSERTED  # noqa: E402


def synthetic_kg(n: int):
    store = ox.Store()
    quads = []
    for f in turtle_files(ROOT / "ontology"):
        quads.extend(parse_file(f, ASSERTED))
    quads.extend(ox.Quad(t.subject, t.predicate, t.object, ASSERTED) for t in generate(n, seed=1))
    store.bulk_extend(quads)
    return SimpleNamespace(store=store, root=ROOT), len(store)


def real_kg():
    import rdgraph

    kg = rdgraph.load()
    return kg, kg.info.asserted


def _key(f):
    return (f.focus, f.path, f.value, f.constraint, f.shape, f.severity, f.message)


def full_pyshacl(kg, entry):
    from rdgraph.convert import to_rdflib, to_rdflib_graph
    from rdgraph.validate import run_pyshacl, shapes_graph

    t0 = time.perf_counter()
    quads = kg.store.quads_for_pattern(None, None, None, ASSERTED)
    g = to_rdflib_graph((q.subject, q.predicate, q.object) for q in quads)
    for s, p, o in entry:
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    t1 = time.perf_counter()
    found = run_pyshacl(g, shapes_graph(kg.root), lang="en")
    return found, t1 - t0, time.perf_counter() - t1


def bench(name, kg, size, entry_triples, full_max, runs=7, nominal=None):
    entry = Entry(Path(f"<{name}-entry>"), entry_triples)
    t0 = time.perf_counter()
    check_entries(kg, [entry])
    first = time.perf_counter() - t0
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        rep = check_entries(kg, [entry])
        times.append(time.perf_counter() - t0)
    row = {"graph": name, "triples": size, "entry_triples": len(entry_triples),
           "entry_first_s": round(first, 3), "entry_median_s": round(statistics.median(times), 3),
           "entry_max_s": round(max(times), 3), "entry_findings": len(rep.findings)}
    if (nominal or size) <= full_max:
        found, t_conv, t_val = full_pyshacl(kg, entry_triples)
        subj = {s.value for s, _p, _o in entry_triples if isinstance(s, ox.NamedNode)}
        mine = {_key(f) for f in shape_findings(GraphIndex(kg.store), kg.root, entry_triples, lang="en")}
        on_entry = {_key(f) for f in found if f.focus in subj}
        row.update(full_pyshacl_s=round(t_val, 2), full_convert_s=round(t_conv, 2),
                   full_findings_total=len(found), full_findings_on_entry=len(on_entry),
                   same_results_on_entry={k for k in mine if k[0] in subj} == on_entry)
    return row


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--full-max", type=int, default=100_000, help="largest graph to run full pySHACL on")
    ap.add_argument("--json", help="also write the rows as JSON to this file")
    a = ap.parse_args(argv)
    rows = []
    kg, n = real_kg()
    real_entry = Entry(ROOT / "tests/entries/valid/zaanstreek.ttl", [])
    real_entry.triples = [(q.subject, q.predicate, q.object) for q in parse_file(real_entry.path)]
    rows.append(bench("real", kg, n, real_entry.triples, a.full_max))
    print(json.dumps(rows[-1]), flush=True)
    # an entry shaped like the synthetic deals (all its references exist there)
    syn_entry = [(t.subject, t.predicate, t.object) for t in deal_triples(10**7, random.Random(7))]
    for size in [int(s) for s in a.sizes.split(",") if s]:
        t0 = time.perf_counter()
        kg, n = synthetic_kg(size)
        build = time.perf_counter() - t0
        row = bench(f"synthetic-{size}", kg, n, syn_entry, a.full_max, nominal=size)
        row["build_s"] = round(build, 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
        del kg
    print()
    print(f"{'graph':<20}{'triples':>10}{'entry first':>13}{'entry median':>14}{'full pySHACL':>14}{'same':>6}")
    for r in rows:
        full = f"{r['full_pyshacl_s']:.2f} s" if "full_pyshacl_s" in r else "-"
        same = {True: "yes", False: "NO"}.get(r.get("same_results_on_entry"), "-")
        print(f"{r['graph']:<20}{r['triples']:>10}{r['entry_first_s'] * 1000:>10.0f} ms"
              f"{r['entry_median_s'] * 1000:>11.0f} ms{full:>14}{same:>6}")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
