"""Benchmark: validating the whole shipped graph, rdgraph beside pySHACL alone and pyrudof alone.

In one run, on the same asserted triples (the project's ontology + data) and the same shapes:

* ``rdgraph validate`` (the command, as a steward runs it) cold: no kept result (a fresh cache folder,
  the graph's own cache already built, so the figure is validation, not parsing and reasoning);
* ``rdgraph validate`` warm: nothing changed since the kept result;
* ``rdgraph validate`` after one data file changed (a fact appended to data/deals.ttl in a copy):
  only that file's nodes and the nodes pointing at them are re-validated;
* pySHACL alone: ``pyshacl.validate`` on an rdflib graph already parsed (the call only);
* pyrudof alone: ``Rudof.validate_shacl`` on the same triples (data and shapes already read), if
  pyrudof is installed (it is a test dependency).

The commands are timed end to end (process start, imports, loading the cached graph): what the user
waits for. Figures are medians of ``--repeat`` runs (cold: one run each, the kept result is removed
before every run).

    .venv/bin/python bench/bench_validate.py [--repeat 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _cmd(home: Path, cache: Path, *args: str) -> float:
    env = dict(os.environ, RDGRAPH_HOME=str(home), RDGRAPH_CACHE=str(cache))
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "rdgraph", *args], env=env, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if r.returncode not in (0, 1):
        raise SystemExit(f"rdgraph {' '.join(args)} failed: {r.stderr}")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="rdgraph-bench-validate-"))
    home = tmp / "home"
    for d in ("ontology", "data", "shapes", "queries"):
        shutil.copytree(ROOT / d, home / d)
    cache = tmp / "cache"
    _cmd(home, cache, "stats")  # build the graph's own cache once: the figures below are validation
    kept = cache / "validation"

    cold = []
    for _ in range(args.repeat):
        shutil.rmtree(kept, ignore_errors=True)
        cold.append(_cmd(home, cache, "validate"))
    warm = [_cmd(home, cache, "validate") for _ in range(args.repeat)]
    changed = []
    target = home / "data" / "deals.ttl"
    original = target.read_text(encoding="utf-8")
    for i in range(args.repeat):
        target.write_text(original + f'\n<https://w3id.org/rdgraph/id/regiodeal/twente> '
                          f'<http://www.w3.org/2004/02/skos/core#altLabel> "Twente {i}"@nl .\n', encoding="utf-8")
        _cmd(home, cache, "stats")  # the graph's cache for the changed file (not validation)
        changed.append(_cmd(home, cache, "validate"))
    target.write_text(original, encoding="utf-8")

    # the engines alone, on the same triples and shapes
    os.environ["RDGRAPH_CACHE"] = str(cache)
    import pyshacl

    from rdgraph.store import load
    from rdgraph.validate import shapes_graph

    kg = load(home)
    data = kg.asserted_rdflib()
    shapes = shapes_graph(home)
    n = len(data)
    ps = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
        ps.append(time.perf_counter() - t)
    rudof = None
    try:
        import pyrudof
    except ImportError:
        pyrudof = None
    if pyrudof is not None:
        r = pyrudof.Rudof(pyrudof.RudofConfig())
        r.read_data(data.serialize(format="turtle"))
        r.read_shacl(shapes.serialize(format="turtle"))
        rudof = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            r.validate_shacl()
            rudof.append(time.perf_counter() - t)

    med = statistics.median
    fig = {"triples": n, "rdgraph_validate_cold_s": med(cold), "rdgraph_validate_warm_s": med(warm),
           "rdgraph_validate_one_file_changed_s": med(changed), "pyshacl_alone_s": med(ps),
           "pyrudof_alone_s": med(rudof) if rudof else None}
    print(f"whole graph: {n} asserted triples, shapes/ ({args.repeat} runs each, median)")
    print(f"  rdgraph validate, cold (no kept result)        {fig['rdgraph_validate_cold_s']:7.2f} s")
    print(f"  rdgraph validate, warm (nothing changed)       {fig['rdgraph_validate_warm_s']:7.2f} s  "
          f"= {fig['rdgraph_validate_warm_s'] / fig['pyshacl_alone_s']:.2f} x pySHACL")
    print(f"  rdgraph validate, one data file changed        {fig['rdgraph_validate_one_file_changed_s']:7.2f} s  "
          f"= {fig['rdgraph_validate_one_file_changed_s'] / fig['pyshacl_alone_s']:.2f} x pySHACL")
    print(f"  pySHACL alone (validate call only)             {fig['pyshacl_alone_s']:7.2f} s")
    if rudof:
        print(f"  pyrudof alone (validate_shacl only)            {fig['pyrudof_alone_s']:7.2f} s")
    else:
        print("  pyrudof alone                                  (pyrudof not installed)")
    if args.json:
        Path(args.json).write_text(json.dumps(fig, indent=1), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
