"""The README's five-minute tour runs: every `rdgraph` line of it exits 0 and answers (none returns nothing)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tour_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Five-minute tour", 1)[1].split("\n\n", 2)[1]
    out = []
    for line in block.splitlines():
        line = line.strip()
        if line.startswith("rdgraph "):
            out.append(re.sub(r"\s+#\s.*$", "", line).strip())
    return out


LINES = tour_lines()


def test_the_tour_has_the_documented_examples():
    assert any("feedbackpad -p intervention=stallenaanpak" in x for x in LINES)
    assert len(LINES) >= 10


@pytest.mark.parametrize("line", LINES, ids=[x[:60] for x in LINES])
def test_tour_line_runs_and_answers(line, tmp_path):
    args = shlex.split(line)
    redirect = None
    if ">" in args:
        i = args.index(">")
        redirect, args = args[i + 1], args[:i]
    proc = subprocess.run([sys.executable, "-m", "rdgraph", *args[1:]], capture_output=True, cwd=tmp_path,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    produced = proc.stdout
    if redirect:
        (tmp_path / redirect).write_bytes(produced)
    for i, a in enumerate(args):   # files written with -o / --html
        if a in ("-o", "--output", "--html"):
            produced = produced or (tmp_path / args[i + 1]).read_bytes()
            assert (tmp_path / args[i + 1]).stat().st_size > 0
    assert produced.strip(), "no output"
    if args[1] == "query" and "--format" not in args and "-f" not in args:
        assert not re.search(rb"^\(0 rows\)$", produced, re.M), produced.decode()[-300:]
