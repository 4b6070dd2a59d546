"""Benchmark: build (parse, reason, index) and every named query, through rdgraph, raw pyoxigraph and raw rdflib.

    python bench/bench_queries.py                      # real graph + synthetic 10k, 100k, 1M
    python bench/bench_queries.py --sizes 10000 --repeat 5 --rdflib-max 100000

Prints one table per graph: for each named query the warm median time through rdgraph (``kg.query``) and of
the same bound text on a raw pyoxigraph store holding the same quads (the two run by turns), and on a raw
rdflib Graph (skipped above --rdflib-max triples, where rdflib takes minutes to parse), plus the rows returned.
Then build times, owlrl's time on the real graph for reference, and the time of `rdgraph query NAME` as a new
process with a warm cache.
Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import rdgraph  # noqa: E402
from rdgraph.store import ASSERTED, INFERRED, KnowledgeGraph  # noqa: E402


def paired_median_ms(fa, fb, repeat: int) -> tuple[float, float]:
    """Median times of ``fa`` and ``fb``, run by turns (a busy machine slows both alike)."""
    fa()  # warm-up
    fb()
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(repeat):
        for fn, times in ((fa, ta), (fb, tb)):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(ta), statistics.median(tb)


def median_ms(fn, repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def synthetic_home(size: int, tmp: Path) -> Path:
    from synthetic import generate

    home = tmp / f"syn-{size}"
    (home / "data").mkdir(parents=True)
    shutil.copytree(ROOT / "ontology", home / "ontology")
    shutil.copytree(ROOT / "queries", home / "queries")
    shutil.copytree(ROOT / "shapes", home / "shapes")
    ox.serialize(generate(size), output=str(home / "data" / "synthetic.nt"), format=ox.RdfFormat.N_TRIPLES)
    return home


def bench_graph(name: str, home: Path | None, repeat: int, rdflib_max: int, only: list[str] | None = None) -> None:
    t = time.perf_counter()
    kg = KnowledgeGraph.build(home, use_cache=False)
    build_s = time.perf_counter() - t
    n = kg.info.asserted
    print(f"\n## {name}: {n} asserted + {kg.info.inferred} inferred triples; "
          f"build (parse + reason + index) {build_s:.2f} s")

    t = time.perf_counter()
    from rdgraph.reasoning import reason

    reason(list(kg.triples(ASSERTED)))
    print(f"   reasoning alone: {time.perf_counter() - t:.2f} s")

    raw = ox.Store()
    raw.extend(kg.store.quads_for_pattern(None, None, None, None))
    rl = None
    if n <= rdflib_max:
        import rdflib

        from rdgraph.convert import to_rdflib_graph

        t = time.perf_counter()
        rl = to_rdflib_graph(kg.triples(ASSERTED))
        for tr in to_rdflib_graph(kg.triples(INFERRED)):
            rl.add(tr)
        assert isinstance(rl, rdflib.Graph)
        print(f"   rdflib graph built in {time.perf_counter() - t:.2f} s")

    print(f"   {'query':34s} {'rdgraph ms':>11s} {'pyoxigraph ms':>14s} {'ratio':>6s} {'rdflib ms':>10s} {'rows':>6s}")
    for q in kg.catalogue.all():
        if only and q.name not in only:
            continue
        text = q.bind({})
        rows = len(kg.query(q.name))
        t_rd, t_ox = paired_median_ms(lambda name=q.name: kg.query(name),
                                      lambda t=text: list(raw.query(t, use_default_graph_as_union=True)), repeat)
        t_rl = median_ms(lambda t=text: list(rl.query(t)), max(1, repeat // 3)) if rl is not None else None
        rl_s = f"{t_rl:10.1f}" if t_rl is not None else f"{'skipped':>10s}"
        print(f"   {q.name:34s} {t_rd:11.2f} {t_ox:14.2f} {t_rd / max(t_ox, 1e-6):6.2f} {rl_s} {rows:6d}")


def bench_incremental(home: Path, tmp: Path) -> None:
    """Full build into an empty cache, then `rdgraph add`-style: one new file, reasoned incrementally."""
    os.environ["RDGRAPH_CACHE"] = str(tmp / "cache")
    t = time.perf_counter()
    KnowledgeGraph.build(home)
    full = time.perf_counter() - t
    (home / "data" / "deals").mkdir(exist_ok=True)
    shutil.copy(ROOT / "tests" / "entries" / "valid" / "zaanstreek.ttl", home / "data" / "deals" / "nieuw.ttl")
    t = time.perf_counter()
    KnowledgeGraph.build(home)
    inc = time.perf_counter() - t
    t = time.perf_counter()
    KnowledgeGraph.build(home)
    warm = time.perf_counter() - t
    print(f"   after adding one entry file: full build {full:.2f} s, incremental rebuild {inc:.2f} s, "
          f"warm load from cache {warm:.2f} s")


def bench_owlrl() -> None:
    from rdgraph.reasoning import owlrl_inferred

    kg = rdgraph.load()
    g = kg.asserted_rdflib()
    t = time.perf_counter()
    owlrl_inferred(g)
    print(f"\nowlrl (reference) on the real graph: {time.perf_counter() - t:.2f} s")


def bench_cli(repeat: int) -> None:
    env = dict(os.environ)
    exe = [sys.executable, "-m", "rdgraph"]
    subprocess.run(exe + ["stats"], capture_output=True, env=env)  # make sure the cache is warm
    for args in (["query", "opgaven-per-tranche"], ["query", "feedbackladder", "-f", "json"], ["--version"]):
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(exe + args, capture_output=True, env=env, check=True)
            times.append(time.perf_counter() - t)
        print(f"new process, warm cache: rdgraph {' '.join(args):40s} median {statistics.median(times):.3f} s")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import rdflib"], check=True)
    print(f"for reference: python -c 'import rdflib' {time.perf_counter() - t:.3f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--rdflib-max", type=int, default=150_000)
    ap.add_argument("--skip-real", action="store_true")
    ap.add_argument("--queries", nargs="*", metavar="NAME", help="only these named queries (default: all)")
    ap.add_argument("--skip-incremental", action="store_true")
    args = ap.parse_args()
    print(f"rdgraph {rdgraph.__version__}, pyoxigraph {ox.__version__}, {os.cpu_count()} cores")
    if not args.skip_real:
        bench_graph("real graph", None, args.repeat, args.rdflib_max, args.queries)
        bench_owlrl()
        bench_cli(args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            home = synthetic_home(size, Path(tmp))
            bench_graph(f"synthetic ~{size}", home, args.repeat, args.rdflib_max, args.queries)
            if not args.skip_incremental:
                bench_incremental(home, Path(tmp) / f"c{size}")
            shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
