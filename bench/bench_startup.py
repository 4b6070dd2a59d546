"""Benchmark: start-up of ``rdgraph query NAME`` as a new process (cache warm) against importing pyoxigraph.

    python bench/bench_startup.py                 # 9 runs of each, opgaven-per-tranche
    python bench/bench_startup.py --runs 15 --query evaluaties --importtime

Prints, from one run of this script, the median wall time of ``python -c "import pyoxigraph"`` (the floor: any
rdgraph command needs the engine), of ``python -c "import rdgraph"`` and of ``rdgraph query NAME`` with the
output thrown away, and the ratio of the query to the pyoxigraph import (the budget is 5). The runs alternate,
so a busy machine slows all of them alike. ``--importtime`` adds the ten slowest imports of the query
process (``python -X importtime``). Figures only: nothing is asserted (tests/test_startup.py checks which
modules the plain query path imports).

Caches warm means the bytecode cache too: an installed rdgraph has its modules compiled (pip writes the .pyc
files, as it did for pyoxigraph and the standard library). So the runs write and read bytecode in a folder of
the rdgraph cache (``PYTHONPYCACHEPREFIX``), also when the environment sets ``PYTHONDONTWRITEBYTECODE``; one more
line shows the query with rdgraph's sources compiled on every run (``PYTHONDONTWRITEBYTECODE=1``, no cache),
for comparison with figures taken that way.
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


def timed(cmd: list[str], env: dict) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - t


def slowest_imports(cmd: list[str], env: dict, n: int = 10) -> list[tuple[int, str]]:
    proc = subprocess.run([sys.executable, "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=env)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _self, cumulative, name = (x.strip() for x in line[len("import time:"):].split("|"))
            rows.append((int(cumulative), name))
    top = [r for r in rows if not r[1].startswith(" ")]  # top-level imports only
    return sorted(top, reverse=True)[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--query", default="opgaven-per-tranche")
    ap.add_argument("--importtime", action="store_true")
    args = ap.parse_args()
    env = dict(os.environ)
    env.setdefault("RDGRAPH_CACHE", str(ROOT / ".cache" / "rdgraph"))
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(env["RDGRAPH_CACHE"]) / "bytecode")
    no_bytecode = dict(env, PYTHONDONTWRITEBYTECODE="1")
    no_bytecode.pop("PYTHONPYCACHEPREFIX")
    query = f"rdgraph query {args.query}"
    compiled = f"{query} (no bytecode)"
    commands = {
        "import pyoxigraph": ([sys.executable, "-c", "import pyoxigraph"], env),
        "import rdgraph": ([sys.executable, "-c", "import rdgraph"], env),
        query: ([sys.executable, "-m", "rdgraph", "query", args.query], env),
        compiled: ([sys.executable, "-m", "rdgraph", "query", args.query], no_bytecode),
    }
    for cmd, cmd_env in commands.values():  # warm the caches (graph, query registry, bytecode) and the file system
        timed(cmd, cmd_env)
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(args.runs):
        for name, (cmd, cmd_env) in commands.items():
            times[name].append(timed(cmd, cmd_env))
    med = {k: statistics.median(v) for k, v in times.items()}
    floor = med["import pyoxigraph"]
    print(f"start-up, median of {args.runs} runs (python {sys.version.split()[0]}, {os.cpu_count()} cpus, "
          f"load {os.getloadavg()[0]:.1f})")
    for name, m in med.items():
        print(f"  {name:<55} {m * 1000:7.1f} ms   {m / floor:5.2f}x import pyoxigraph"
              f"   (min {min(times[name]) * 1000:.1f} ms)")
    print(f"ratio {query} / import pyoxigraph: {med[query] / floor:.2f} (budget 5); "
          f"with rdgraph's sources compiled on every run: {med[compiled] / floor:.2f}")
    if args.importtime:
        print(f"slowest imports of {query} (cumulative, us):")
        for us, name in slowest_imports(commands[query][0], env):
            print(f"  {us:8d}  {name}")


if __name__ == "__main__":
    main()
