"""Time and peak memory of every hostile-input case of tests/hostile/, for a given rdgraph source tree.

    python bench/bench_hostile.py                               # this checkout
    python bench/bench_hostile.py --src /path/to/old/src --memory-mb 3000 --timeout 60   # a reference

Each case runs ``python -m rdgraph ...`` in a subprocess under RLIMIT_AS and a timeout, on a temporary
copy of the project (so data/ is never touched); the table shows exit code, wall time, peak RSS and the
first line of the message. Run it on an older checkout and on this one to compare.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile_support import HostileEndpoint, argv_for, load_cases, materialize, run_bounded  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=str(ROOT / "src"), help="the rdgraph source tree to run (PYTHONPATH)")
    ap.add_argument("--home", default=str(ROOT), help="project folder to copy ontology/data/shapes/queries from")
    ap.add_argument("--memory-mb", type=int, default=3000)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--cases", nargs="*", help="only these case names")
    args = ap.parse_args()
    cases = [c for c in load_cases() if not args.cases or c.name in args.cases]
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        for d in ("ontology", "data", "shapes", "queries", "context"):
            if (Path(args.home) / d).exists():
                shutil.copytree(Path(args.home) / d, home / d)
        inputs = Path(tmp) / "inputs"
        inputs.mkdir()
        env = dict(os.environ, PYTHONPATH=args.src, RDGRAPH_HOME=str(home),
                   RDGRAPH_CACHE=os.environ.get("RDGRAPH_CACHE", str(Path(tmp) / "cache")))
        env.pop("RDGRAPH_DEBUG", None)
        run_bounded(["stats"], env, memory_bytes=args.memory_mb << 20, timeout=600)  # warm the cache
        print(f"{'case':28} {'exit':>4} {'seconds':>8} {'peak MB':>8}  message")
        for c in cases:
            path = materialize(c, inputs)
            cenv = dict(env, **c.env)
            if c.endpoint:
                with HostileEndpoint(c.endpoint) as ep:
                    o = run_bounded(argv_for(c, path, ep.url), cenv, memory_bytes=args.memory_mb << 20,
                                    timeout=args.timeout)
            else:
                o = run_bounded(argv_for(c, path), cenv, memory_bytes=args.memory_mb << 20, timeout=args.timeout,
                                cwd=tmp)
            msg = (o.stderr or o.stdout).decode("utf-8", "replace").strip().splitlines()
            first = msg[-1] if msg and "Traceback" in msg[0] else (msg[0] if msg else "")
            code = "kill" if o.timed_out else str(o.returncode)
            print(f"{c.name:28} {code:>4} {o.seconds:8.1f} {o.peak_rss_mb:8.0f}  {first[:110]!r}", flush=True)


if __name__ == "__main__":
    main()
