"""Hostile HTTP input for `rdgraph serve`: one JSON file per case in tests/hostile_server/.

Each case says what to send (method, path, headers, body; long values as ``{"parts": [[text, times], ...]}``,
bytes as ``{"hex": ...}``) and what must come back: one of ``status``, a body containing ``contains``
(case-insensitive) and, when given, the ``content_type``. Never a 500 (but for the engine abort of
the order-by-mixed-kinds cases: a worker dies and is restarted), and after every case the
server still answers (the refusal costs it nothing). The server and its workers run under an
address-space limit (RLIMIT_AS), so a case that made them allocate without bound fails.
"""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest

from test_server import start_server, stop_server

CASES = sorted((Path(__file__).parent / "hostile_server").glob("*.json"))
MEMORY = 1 << 30  # address space of the server and of each worker: hostile input must not need more


def _expand(spec) -> bytes:
    if spec is None:
        return b""
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    return "".join(text * times for text, times in spec["parts"]).encode("utf-8")


@pytest.fixture(scope="module")
def served():
    s = start_server("--timeout", "3", "--workers", "1", memory_limit=MEMORY)
    yield s
    stop_server(s)
    log = s.log.read_text(errors="replace")
    assert "internal error" not in log and "Traceback" not in log, log[-3000:]


def send(served, case: dict) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(served.host, served.port, timeout=30)
    try:
        path = _expand(case["path"]).decode("utf-8")
        conn.putrequest(case.get("method", "GET"), path, skip_host=True, skip_accept_encoding=True)
        headers = {"Host": f"{served.host}:{served.port}", **case.get("headers", {})}
        body = _expand(case.get("body"))
        for k, v in headers.items():
            conn.putheader(k, _expand(v).decode("utf-8"))
        if body or case.get("method") in ("POST", "PUT"):
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body:
            try:
                conn.send(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may refuse before reading it all
        resp = conn.getresponse()
        headers = {k.lower(): v for k, v in resp.getheaders()}
        if case.get("cut"):  # the answer must end in an error, never look whole
            try:
                resp.read()
            except http.client.IncompleteRead as e:
                return resp.status, {**headers, "x-test-cut": "yes"}, e.partial[:1000]
            return resp.status, headers, b""
        return resp.status, headers, resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_hostile_request(served, path):
    case = json.loads(path.read_text(encoding="utf-8"))
    status, headers, body = send(served, case)
    assert status in case["status"], (case["about"], status, body[:300])
    assert case.get("contains", "").lower() in body.decode("utf-8", "replace").lower(), (case["about"], body[:300])
    if case.get("cut"):
        assert headers.get("x-test-cut") == "yes", (case["about"], "the answer looked complete")
    if case.get("content_type"):
        assert headers.get("content-type", "").startswith(case["content_type"]), headers
    # the server is still there, and answers the next client promptly
    ok, _, _ = send(served, {"path": "/sparql?query=ASK%7B%7D"})
    assert ok == 200


def test_allow_host_option():
    """--allow-host adds a name; the loopback names stay allowed, others stay refused."""
    s = start_server("--timeout", "3", "--workers", "1", "--allow-host", "regiodeals.test")
    try:
        for host, ok in (("regiodeals.test", True), ("localhost", True), (f"127.0.0.1:{s.port}", True),
                         ("other.test", False)):
            st, _, body = send(s, {"path": "/", "headers": {"Host": host}})
            assert (st == 200) == ok, (host, st, body[:200])
    finally:
        stop_server(s)
