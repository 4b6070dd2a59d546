"""Timings of rdgraph diff and its pieces on two real states of the project, beside raw pyoxigraph.

    python bench/bench_diff.py [OLD] [NEW]      (default: 385f875^ 385f875, before/after the public records)

Prints, side by side: reading both states (git archive + parse + blank nodes by content) against a raw
pyoxigraph parse of the same files, the triple difference, the changelog in words (which runs the
named query claims-in-conflict on both states), writing the RDF patch and applying it.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rdgraph.release.changelog import build_changelog  # noqa: E402
from rdgraph.release.diff import apply_patch, diff_states, extract_revision, load_state, project_files, render_patch  # noqa: E402


def timed(fn, repeat: int = 3):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, statistics.median(times)


def raw_parse(rev: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        extract_revision(ROOT, subprocess.run(["git", "-C", str(ROOT), "rev-parse", rev], capture_output=True,
                                              text=True, check=True).stdout.strip(), Path(tmp))
        n = 0
        for f in project_files(Path(tmp)):
            n += sum(1 for _ in ox.parse(f.read_bytes(), format=ox.RdfFormat.TURTLE, base_iri=f.as_uri()))
        return n


def main() -> None:
    old_rev, new_rev = (sys.argv[1:3] + ["385f875^", "385f875"][len(sys.argv[1:3]):])[:2]
    (old, t_old) = timed(lambda: load_state(old_rev, ROOT))
    (new, t_new) = timed(lambda: load_state(new_rev, ROOT))
    (n_raw, t_raw) = timed(lambda: raw_parse(old_rev) + raw_parse(new_rev))
    (d, t_diff) = timed(lambda: diff_states(old, new))
    (cl, t_cl) = timed(lambda: build_changelog(d, root=ROOT))
    (patch, t_patch) = timed(lambda: render_patch(d))
    (result, t_apply) = timed(lambda: apply_patch(old.triples, patch))
    assert result == new.triples
    print(f"states {old_rev} ({len(old)} triples) -> {new_rev} ({len(new)}): +{len(d.added)} -{len(d.removed)}, "
          f"level {cl.level}; patch {len(patch) / 1e6:.1f} MB")
    print(f"{'step':44} {'rdgraph':>9} {'reference':>10}")
    print(f"{'read both states (git archive, parse, bnodes)':44} {t_old + t_new:8.2f}s {t_raw:9.2f}s  "
          f"(raw pyoxigraph parse of the same files, {n_raw} triples)")
    print(f"{'triple difference':44} {t_diff:8.3f}s")
    print(f"{'changelog in words (+ claims-in-conflict x2)':44} {t_cl:8.2f}s")
    print(f"{'RDF patch written':44} {t_patch:8.2f}s")
    print(f"{'RDF patch applied (relabel old, check)':44} {t_apply:8.2f}s")


if __name__ == "__main__":
    main()
