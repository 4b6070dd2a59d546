"""Bounded load test of `rdgraph serve` on 127.0.0.1: throughput and p50/p99 latency.

Targets: a named query through the REST API and a linked-data HTML page (both answered from the
server's caches after the first request: the graph never changes while it runs), and the same
named query sent to /sparql (never cached: every request runs in a query worker process).

Starts its own server (``rdgraph serve --port 0 --quiet``) on the loopback address, then for each
target runs N client threads with keep-alive connections until a fixed number of requests is done
or the time limit passes, whichever comes first, and stops the server. Prints requests/s, p50, p99
and max latency, and the number of errors (non-200 answers or failed connections); exits 1 if
there was any error.

    .venv/bin/python bench/load_server.py                 # 8 threads, 2000 requests per target, <= 20 s
    .venv/bin/python bench/load_server.py --threads 4 --requests 500 --seconds 10

Only loopback addresses are ever contacted: the script refuses any other --host.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NAMED = "opgaven-per-tranche"
TARGETS = {
    "named query (JSON)": (f"/api/queries/{NAMED}?lang=nl", "application/sparql-results+json"),
    "HTML page": ("/doc/regiodeal/noordoost-brabant", "text/html"),
}


def sparql_target() -> tuple[str, str]:
    """The same named query sent to /sparql: never cached, so every request runs in a query worker."""
    import urllib.parse

    from rdgraph.paths import artefact_dir
    from rdgraph.queries import Catalogue

    text = Catalogue(artefact_dir("queries")).get(NAMED).bind({"lang": "nl"})
    return "/sparql?query=" + urllib.parse.quote(text), "application/sparql-results+json"


def start_server(host: str, workers: int) -> tuple[subprocess.Popen, int, Path]:
    exe = ROOT / ".venv" / "bin" / "rdgraph"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "rdgraph"]
    log = Path(tempfile.mkdtemp(prefix="rdgraph-load-")) / "serve.log"
    fh = open(log, "wb")  # noqa: SIM115 - kept open for the server's lifetime
    proc = subprocess.Popen([*cmd, "serve", "--host", host, "--port", "0", "--quiet", "--workers", str(workers)],
                            stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        m = re.search(r"serving http://\S+:(\d+)/", log.read_text(errors="replace"))
        if m:
            return proc, int(m.group(1)), log
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    sys.exit(f"the server did not start:\n{log.read_text(errors='replace')}")


def run_target(host: str, port: int, path: str, accept: str, threads: int, requests: int,
               seconds: float) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    stop_at = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        mine: list[float] = []
        try:
            while time.monotonic() < stop_at:
                with lock:
                    if next(counter, None) is None:
                        break
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

    return {"requests": len(latencies), "seconds": wall, "rps": len(latencies) / wall if wall else 0.0,
            "p50": pct(0.50), "p99": pct(0.99), "max": latencies[-1] * 1000 if latencies else float("nan"),
            "errors": len(errors), "error_kinds": sorted(set(errors))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1", help="loopback address to serve and load (default 127.0.0.1)")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000, help="requests per target (default 2000)")
    ap.add_argument("--seconds", type=float, default=20.0, help="time limit per target (default 20)")
    ap.add_argument("--workers", type=int, default=2, help="the server's query workers (default 2)")
    args = ap.parse_args(argv)
    try:
        if not ipaddress.ip_address(args.host).is_loopback:
            raise ValueError
    except ValueError:
        ap.error("--host must be a loopback address (127.0.0.0/8 or ::1): this script loads only this machine")
    if not (1 <= args.threads <= 64 and 1 <= args.requests <= 100_000 and 0 < args.seconds <= 120):
        ap.error("bounds: 1-64 threads, 1-100000 requests, 0-120 seconds")

    proc, port, log = start_server(args.host, args.workers)
    total_errors = 0
    try:
        print(f"rdgraph serve on {args.host}:{port}; {args.threads} threads, up to {args.requests} requests "
              f"or {args.seconds:g} s per target")
        print(f"{'target':22} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
        targets = {**TARGETS, "same via /sparql": sparql_target()}
        for name, (path, accept) in targets.items():
            run_target(args.host, port, path, accept, 2, 20, 10)  # warm up
            r = run_target(args.host, port, path, accept, args.threads, args.requests, args.seconds)
            total_errors += r["errors"]
            print(f"{name:22} {r['requests']:8d} {r['rps']:8.1f} {r['p50']:8.1f} {r['p99']:8.1f} {r['max']:8.1f} "
                  f"{r['errors']:7d}" + (f"  {', '.join(r['error_kinds'])}" if r["errors"] else ""))
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"errors: {total_errors}")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main())
