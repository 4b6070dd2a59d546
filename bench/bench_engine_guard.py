"""Benchmark: the cost of the engine guard (rdgraph.engine_guard) on ad-hoc queries with ORDER BY.

    python bench/bench_engine_guard.py [--repeat 21]

For each query, the warm median time of the whole answer (every row read) through the in-process path
(``run_local``, as before the guard), through the guard (forked child, answer serialised through a pipe) and
on raw pyoxigraph (the same store, ``list(store.query(...))``), the three run by turns. Then `rdgraph sparql
--format csv` as a new process (median of a few runs), with and without the guard. Figures only: nothing is
asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rdgraph.namespaces import PREFIXES  # noqa: E402
from rdgraph.store import load  # noqa: E402

QUERIES = {
    "small (10 rows)": "SELECT ?s ?l { ?s rdfs:label ?l } ORDER BY STR(?l) LIMIT 10",
    "labels (all)": "SELECT ?s ?l { ?s rdfs:label ?l } ORDER BY STR(?l)",
    "every triple": "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p STR(?o)",
}


def timed(f) -> float:
    t = time.perf_counter()
    f()
    return (time.perf_counter() - t) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=21)
    ap.add_argument("--cli-repeat", type=int, default=7)
    args = ap.parse_args()
    kg = load(ROOT)

    def drain(stream) -> int:
        try:
            return sum(1 for _ in stream.rows)
        finally:
            stream.close()

    print(f"{'query':<18} {'rows':>6} {'in-process ms':>14} {'guarded ms':>11} {'raw pyoxigraph ms':>18}")
    for label, text in QUERIES.items():
        runs = {
            "in": lambda t=text: drain(kg._stream(t, None, None, True)),
            "guard": lambda t=text: drain(kg.stream(t)),
            "raw": lambda t=text: len(list(kg.store.query(t, prefixes=PREFIXES, use_default_graph_as_union=True))),
        }
        rows = runs["in"]()
        times: dict[str, list[float]] = {k: [] for k in runs}
        for _ in range(args.repeat):
            for k, f in runs.items():
                times[k].append(timed(f))
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"{label:<18} {rows:>6} {med['in']:>14.1f} {med['guard']:>11.1f} {med['raw']:>18.1f}")

    env = dict(os.environ)
    print("\nrdgraph sparql as a new process, median ms (guard off: engine_guard.wanted patched to say no):")
    for label, text in QUERIES.items():
        med = {}
        for guard in (False, True):
            code = ("import sys; from rdgraph import engine_guard; from rdgraph.cli import main; "
                    + ("" if guard else "engine_guard.wanted = lambda text: False; ") + "sys.exit(main(sys.argv[1:]))")
            argv = [sys.executable, "-c", code, "sparql", "--format", "csv", text]
            med[guard] = statistics.median(timed(lambda a=argv: subprocess.run(a, capture_output=True, env=env,
                                                                                 check=True))
                                           for _ in range(args.cli_repeat))
        print(f"  {label:<18} guard off {med[False]:8.1f}   guard on {med[True]:8.1f}")

if __name__ == "__main__":
    main()
