"""The hostile-input cases of ``tests/hostile/``: loading, building their inputs, running them bounded.

Used by ``tests/test_hostile.py`` (each case through the CLI, under an address-space limit and a
timeout) and by ``bench/bench_hostile.py`` (time and peak memory of each case, e.g. before and after a
change). The case format is documented in ``tests/hostile/README.md``.
"""

from __future__ import annotations

import http.server
import json
import os
import resource
import socketserver
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "tests" / "hostile"


@dataclass
class Case:
    name: str
    description: str = ""
    command: list[str] | None = None
    request: dict | None = None
    input: dict | None = None
    env: dict = field(default_factory=dict)
    endpoint: str | None = None
    exit: int = 2
    message: str = ""
    json: bool = False
    not_in_output: str | None = None
    stdout_lines: int | None = None
    status: int | None = None


def load_cases(kind: str = "command") -> list[Case]:
    """The cases of the folder; ``kind`` 'command' (CLI cases) or 'request' (HTTP server cases)."""
    out = []
    for p in sorted(CASES_DIR.glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        case = Case(name=p.stem, **data)
        if (kind == "command" and case.command is not None) or (kind == "request" and case.request is not None):
            out.append(case)
    return out


def build_bytes(parts: list) -> bytes:
    """The bytes a recipe describes: each part is a string, or [string, count] for a repetition."""
    chunks = []
    for part in parts:
        if isinstance(part, str):
            chunks.append(part)
        else:
            text, count = part
            chunks.append(text * int(count))
    return "".join(chunks).encode("utf-8")


def materialize(case: Case, folder: Path) -> Path | None:
    if not case.input:
        return None
    path = folder / case.input["name"]
    if not path.exists():
        path.write_bytes(build_bytes(case.input["parts"]))
    return path


# ---------------------------------------------------------------- hostile endpoints

class _Handler(http.server.BaseHTTPRequestHandler):
    mode = "endless"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _answer(self) -> None:
        if self.command == "POST":
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        try:
            if self.server.mode == "endless":  # type: ignore[attr-defined]
                self.wfile.write(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
                row = b'{"s": {"type": "literal", "value": "' + b"x" * 200 + b'"}},'
                chunk = row * 500
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline:
                    self.wfile.write(chunk)
            else:  # trickle: one byte every half second
                deadline = time.monotonic() + 120
                for b in b'{"head": {"vars": ["s"]}, "results": {"bindings": [' + b" " * 10_000:
                    if time.monotonic() > deadline:
                        break
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()
                    time.sleep(0.5)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass

    do_GET = _answer
    do_POST = _answer


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class HostileEndpoint:
    """A SPARQL endpoint on 127.0.0.1 that answers every query with an endless or a trickling response."""

    def __init__(self, mode: str) -> None:
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.mode = mode  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/query"

    def __enter__(self) -> HostileEndpoint:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------- running a case

@dataclass
class Outcome:
    returncode: int
    stdout: bytes
    stderr: bytes
    seconds: float
    peak_rss_mb: float
    timed_out: bool = False


def argv_for(case: Case, input_path: Path | None, endpoint_url: str | None = None) -> list[str]:
    out = []
    for a in case.command or []:
        if a == "{input_text}" and input_path is not None:
            a = input_path.read_text(encoding="utf-8")
        elif input_path is not None:
            a = a.replace("{input}", str(input_path))
        if endpoint_url:
            a = a.replace("{endpoint}", endpoint_url)
        out.append(a)
    return out


def run_bounded(argv: list[str], env: dict[str, str], *, memory_bytes: int = 1 << 30, timeout: float = 60,
                python: str = sys.executable, cwd: str | Path | None = None) -> Outcome:
    """``python -m rdgraph ARGV`` in a subprocess under RLIMIT_AS and a timeout; time and peak RSS."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))

    t0 = time.monotonic()
    proc = subprocess.Popen([python, "-m", "rdgraph", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, preexec_fn=limit, cwd=cwd, start_new_session=True)
    out: list[bytes] = []
    err: list[bytes] = []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(_read_capped(s)), daemon=True)
               for s, b in ((proc.stdout, out), (proc.stderr, err))]
    for r in readers:
        r.start()
    timed_out = False
    deadline = t0 + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            timed_out = True
            os.killpg(proc.pid, 9)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    seconds = time.monotonic() - t0
    for r in readers:
        r.join(5)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Outcome(proc.returncode, b"".join(out), b"".join(err), seconds, usage.ru_maxrss / 1024, timed_out)


def _read_capped(stream, cap: int = 64 << 20) -> bytes:
    """Read a pipe to its end, keeping the first ``cap`` bytes and counting lines of the rest."""
    kept = bytearray()
    while True:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        if len(kept) < cap:
            kept += chunk[: cap - len(kept)]
    return bytes(kept)
