"""Load test of `rdgraph serve`, side by side with `oxigraph serve-read-only` on the same triples.

Both servers run on 127.0.0.1 in one run: `rdgraph serve --port 0 --quiet` and the Oxigraph server
(the ``oxigraph`` pip package, a test extra) over a database loaded from the very quads rdgraph
serves (asserted + inferred, their union as Oxigraph's default graph, which is what rdgraph's
default graph is). Then, for
each target, N client threads with keep-alive connections send requests until a fixed number is done
or the time limit passes. Every SPARQL request is a distinct query text (a numbered comment, or a
different subject), so no cache can answer it.

Targets:

- ``aggregation``: the ``opgaven-per-tranche`` named query's text, to /sparql and to Oxigraph's /query
- ``label lookup``: ``SELECT ?l { <thing> rdfs:label ?l }`` over every labelled thing, both servers
- ``named query (REST)``: ``/api/queries/opgaven-per-tranche`` (rdgraph only; cached after the first)
- ``HTML page``: the Noordoost-Brabant deal page (rdgraph only; cached after the first)

Prints requests/s, p50/p99/max latency, errors (non-200 answers or failed connections) and the
ratio rdgraph/Oxigraph; exits 1 on any error. The targets run one after another in each of
``--rounds`` rounds; a ratio is taken within one round (the two servers measured back to back, under
the same background load) and the median round is printed.

    .venv/bin/python bench/load_server.py                 # 8 threads, 3000 requests per target, <= 8 s, 3 rounds
    .venv/bin/python bench/load_server.py --threads 4 --requests 500 --seconds 10 --rounds 1

Only loopback addresses are ever contacted: the script refuses any other --host.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import itertools
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMED = "opgaven-per-tranche"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
JSON = "application/sparql-results+json"


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def start_rdgraph(host: str, workers: int, src: str | None = None,
                  processes: int | None = None) -> tuple[subprocess.Popen, int]:
    """`rdgraph serve` of this checkout, or of the package sources in ``src`` (an older version, to
    compare before and after on the same data: the artefacts stay this checkout's)."""
    import os

    exe = ROOT / ".venv" / "bin" / "rdgraph"
    cmd = [str(exe)] if exe.exists() and not src else [sys.executable, "-m", "rdgraph"]
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = str(Path(src).resolve())
        env["RDGRAPH_HOME"] = str(ROOT)
    log = Path(tempfile.mkdtemp(prefix="rdgraph-load-")) / "serve.log"
    fh = open(log, "wb")  # noqa: SIM115 - kept open for the server's lifetime
    extra = ["--processes", str(processes)] if processes else []  # older versions have no --processes
    proc = subprocess.Popen([*cmd, "serve", "--host", host, "--port", "0", "--quiet", "--workers", str(workers),
                             *extra],
                            stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        m = re.search(r"serving http://\S+:(\d+)/", log.read_text(errors="replace"))
        if m:
            return proc, int(m.group(1))
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    sys.exit(f"rdgraph serve did not start:\n{log.read_text(errors='replace')}")


def start_oxigraph(host: str, workdir: Path) -> tuple[subprocess.Popen, int]:
    """`oxigraph serve-read-only` over a database loaded from rdgraph's own quads."""
    import pyoxigraph as ox

    import rdgraph

    exe = Path(sys.executable).parent / "oxigraph"
    binary = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not binary:
        sys.exit("the oxigraph server is not installed (pip install oxigraph; it is in rdgraph's test extras)")
    kg = rdgraph.load()
    db = workdir / "db"
    store = ox.Store(str(db))  # the union of rdgraph's graphs, as Oxigraph's default graph
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in kg.store)
    store.flush()
    del store
    port = free_port(host)
    proc = subprocess.Popen([binary, "serve-read-only", "--location", str(db), "--bind", f"{host}:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return proc, port
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    proc.kill()
    sys.exit("oxigraph serve-read-only did not start")


def labelled_things() -> list[str]:
    import pyoxigraph as ox

    import rdgraph

    kg = rdgraph.load()
    return sorted({q.subject.value for q in kg.store.quads_for_pattern(None, ox.NamedNode(RDFS_LABEL), None, None)
                   if isinstance(q.subject, ox.NamedNode)})


def aggregation_text() -> str:
    from rdgraph.paths import artefact_dir
    from rdgraph.queries import Catalogue

    return Catalogue(artefact_dir("queries")).get(NAMED).bind({"lang": "nl"})


def run_target(host: str, port: int, paths, accept: str, threads: int, requests: int, seconds: float) -> dict:
    """``paths`` is a callable i -> request path: request i of the run (distinct texts by i)."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = itertools.count()
    stop_at = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        mine: list[float] = []
        try:
            while time.monotonic() < stop_at:
                with lock:
                    i = next(counter)
                if i >= requests:
                    break
                path = paths(i)
                t0 = time.perf_counter()
                try:
                    conn.request("GET", path, headers={"Accept": accept})
                    resp = conn.getresponse()
                    body = resp.read()
                    if resp.status != 200 or not body:
                        with lock:
                            errors.append(f"HTTP {resp.status}")
                except (OSError, http.client.HTTPException) as e:
                    with lock:
                        errors.append(type(e).__name__)
                    conn.close()
                    conn = http.client.HTTPConnection(host, port, timeout=30)
                mine.append(time.perf_counter() - t0)
        finally:
            conn.close()
            with lock:
                latencies.extend(mine)

    t0 = time.perf_counter()
    pool = [threading.Thread(target=client) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    return {"requests": len(latencies), "rps": len(latencies) / wall if wall else 0.0,
            "p50": pct(0.50), "p99": pct(0.99), "max": latencies[-1] * 1000 if latencies else float("nan"),
            "errors": len(errors), "error_kinds": sorted(set(errors))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1", help="loopback address to serve and load (default 127.0.0.1)")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--requests", type=int, default=3000, help="requests per target and round (default 3000)")
    ap.add_argument("--seconds", type=float, default=8.0, help="time limit per target and round (default 8)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds over all targets (default 3); the machine's other load changes from one "
                         "second to the next, so each ratio is taken within a round and the median is shown")
    ap.add_argument("--workers", type=int, default=2, help="rdgraph's query workers (default 2)")
    ap.add_argument("--processes", type=int, default=None,
                    help="rdgraph's server processes (default: rdgraph serve's own default)")
    ap.add_argument("--only", default="", help="run only the targets whose name contains this text")
    ap.add_argument("--src", default=None,
                    help="serve with the rdgraph package in this folder (e.g. an older version's src/, "
                         "from `git archive REV src`) instead of this checkout's")
    args = ap.parse_args(argv)
    try:
        if not ipaddress.ip_address(args.host).is_loopback:
            raise ValueError
    except ValueError:
        ap.error("--host must be a loopback address (127.0.0.0/8 or ::1): this script loads only this machine")
    if not (1 <= args.threads <= 64 and 1 <= args.requests <= 100_000 and 0 < args.seconds <= 120
            and 1 <= args.rounds <= 20):
        ap.error("bounds: 1-64 threads, 1-100000 requests, 0-120 seconds, 1-20 rounds")

    agg = aggregation_text()
    things = labelled_things()

    def agg_q(i: int) -> str:
        return urllib.parse.quote(f"{agg}\n# request {i}")

    def lookup_q(i: int) -> str:
        return urllib.parse.quote(f"SELECT ?l WHERE {{ <{things[i % len(things)]}> <{RDFS_LABEL}> ?l }} # {i}")

    workdir = Path(tempfile.mkdtemp(prefix="rdgraph-load-ox-"))
    rd_proc, rd_port = start_rdgraph(args.host, args.workers, args.src, args.processes)
    ox_proc, ox_port = start_oxigraph(args.host, workdir)
    total_errors = 0
    rounds: list[dict[str, dict]] = []
    try:
        print(f"rdgraph serve on {args.host}:{rd_port}, oxigraph serve-read-only on {args.host}:{ox_port}; "
              f"{args.threads} threads, up to {args.requests} requests or {args.seconds:g} s per target; "
              f"distinct query texts; {args.rounds} round(s), the targets interleaved in each "
              "(figures: the median round, req/s range in brackets)")
        targets = [
            ("aggregation /sparql (rdgraph)", rd_port, lambda i: "/sparql?query=" + agg_q(i), JSON),
            ("aggregation /query (oxigraph)", ox_port, lambda i: "/query?query=" + agg_q(i), JSON),
            ("label lookup /sparql (rdgraph)", rd_port, lambda i: "/sparql?query=" + lookup_q(i), JSON),
            ("label lookup /query (oxigraph)", ox_port, lambda i: "/query?query=" + lookup_q(i), JSON),
            ("named query REST (rdgraph)", rd_port, lambda i: f"/api/queries/{NAMED}?lang=nl", JSON),
            ("HTML deal page (rdgraph)", rd_port, lambda i: "/doc/regiodeal/noordoost-brabant", "text/html"),
        ]
        targets = [t for t in targets if args.only in t[0]]
        for _name, port, paths, accept in targets:  # warm up
            run_target(args.host, port, lambda i, p=paths: p(10**7 + i), accept, 2, 20, 10)
        for r in range(args.rounds):
            results: dict[str, dict] = {}
            for name, port, paths, accept in targets:
                # distinct texts across rounds too: request i of round r is number r * 10**6 + i
                res = run_target(args.host, port, lambda i, p=paths, r=r: p(r * 10**6 + i), accept,
                                 args.threads, args.requests, args.seconds)
                results[name] = res
                total_errors += res["errors"]
            rounds.append(results)
        print(f"{'target':34} {'requests':>8} {'req/s':>8} {'(range)':>15} {'p50 ms':>7} {'p99 ms':>7} "
              f"{'max ms':>7} {'errors':>6}")
        for name, *_ in targets:
            runs = sorted((rd[name] for rd in rounds), key=lambda x: x["rps"])
            mid = runs[len(runs) // 2]
            errors = sum(x["errors"] for x in runs)
            kinds = sorted({k for x in runs for k in x["error_kinds"]})
            spread = f"({runs[0]['rps']:.0f}-{runs[-1]['rps']:.0f})"
            print(f"{name:34} {sum(x['requests'] for x in runs):8d} {mid['rps']:8.1f} {spread:>15} "
                  f"{mid['p50']:7.1f} {mid['p99']:7.1f} {max(x['max'] for x in runs):7.1f} {errors:6d}"
                  + (f"  {', '.join(kinds)}" if errors else ""))
        for what, goal in (("aggregation", 0.9), ("label lookup", 0.7)):
            rd_name, ox_name = f"{what} /sparql (rdgraph)", f"{what} /query (oxigraph)"
            if not rounds or rd_name not in rounds[0] or ox_name not in rounds[0]:
                continue
            # the ratio of each round (rdgraph and Oxigraph measured one after the other), then their median
            ratios = sorted(rd[rd_name]["rps"] / rd[ox_name]["rps"] if rd[ox_name]["rps"] else float("nan")
                            for rd in rounds)
            print(f"{what}: rdgraph/oxigraph = {ratios[len(ratios) // 2]:.2f}x (goal >= {goal}x; rounds: "
                  + ", ".join(f"{x:.2f}" for x in ratios) + ")")
    finally:
        for proc in (rd_proc, ox_proc):
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"errors: {total_errors}")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main())
