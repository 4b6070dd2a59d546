"""Real SPARQL servers for the tests: the Oxigraph server and OpenLink Virtuoso, on 127.0.0.1 only.

Each runs from a temporary folder on a random free port and is stopped by the fixture that started it.
Virtuoso comes from the Debian package ``virtuoso-opensource`` (listed in .ci/apt-packages.txt); its
Graph Store Protocol endpoint with digest auth is ``/sparql-graph-crud-auth`` (user dba, password dba
in a fresh database).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    name: str
    query_url: str
    gsp_url: str
    proc: subprocess.Popen
    workdir: Path
    user: str | None = None
    password: str | None = None
    log: Path | None = None
    extra: dict = field(default_factory=dict)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def log_tail(self, n: int = 40) -> str:
        if self.log and self.log.exists():
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        return ""


def _wait_http(url: str, proc: subprocess.Popen, timeout: float, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"{what} exited with {proc.returncode} before answering\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status < 500:
                    return
        except urllib.error.HTTPError as e:
            if e.code < 500:
                return
            last = str(e)
        except OSError as e:
            last = str(e)
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not answer on {url} within {timeout:.0f}s ({last})")


# ---------------------------------------------------------------- Oxigraph

def oxigraph_binary() -> str | None:
    venv_bin = Path(sys.executable).parent / "oxigraph"
    if venv_bin.exists():
        return str(venv_bin)
    return shutil.which("oxigraph")


def start_oxigraph(workdir: Path) -> Server:
    binary = oxigraph_binary()
    if not binary:
        raise FileNotFoundError("the oxigraph server CLI is not installed (pip install oxigraph)")
    port = free_port()
    log = workdir / "oxigraph.log"
    (workdir / "db").mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as fh:
        proc = subprocess.Popen([binary, "serve", "--location", str(workdir / "db"), "--bind", f"127.0.0.1:{port}"],
                                stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    server = Server("oxigraph", f"{base}/query", f"{base}/store", proc, workdir, log=log)
    try:
        _wait_http(f"{base}/query?query=ASK%7B%7D", proc, 30, "oxigraph serve", log)
    except Exception:
        server.stop()
        raise
    return server


# ---------------------------------------------------------------- Virtuoso

VIRTUOSO_CANDIDATES = ("/usr/bin/virtuoso-t", "/usr/local/bin/virtuoso-t")
VIRTUOSO_SHARE = Path("/usr/share/virtuoso-opensource-7")


def virtuoso_binary() -> str | None:
    for c in VIRTUOSO_CANDIDATES:
        if os.access(c, os.X_OK):
            return c
    return shutil.which("virtuoso-t")


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., {d}
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
VADInstallDir = {share}/vad/
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxMemPoolSize = 200000000
MaxQueryMem = 1G
VectorSize = 1000
MaxVectorSize = 1000000
AdjustVectorSize = 0
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {vsp}
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
EnabledGzipContent = 0

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[VDB]
ArrayOptimization = 0
NumArrayParameters = 10
VDBDisconnectTimeout = 1000
KeepConnectionOnFixedThread = 0

[Replication]
ServerName = rdgraphtest
ServerEnable = 0

[URIQA]
DynamicLocal = 0
DefaultHost = 127.0.0.1:{http_port}

[SPARQL]
ResultSetMaxRows = 1000000
; 0: no refusal on the optimizer's cost guess (opgaven-per-tranche was estimated at 710 s and runs in
; well under a second); MaxQueryExecutionTime still bounds every query
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 120
"""


def start_virtuoso(workdir: Path, timeout: float = 120) -> Server:
    binary = virtuoso_binary()
    if not binary:
        raise FileNotFoundError("virtuoso-t is not installed (Debian package virtuoso-opensource)")
    d = workdir / "db"
    d.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    vsp = Path("/var/lib/virtuoso-opensource-7/vsp")
    if not vsp.is_dir():
        vsp = d
    ini = workdir / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(d=d, sql_port=sql_port, http_port=http_port, share=VIRTUOSO_SHARE, vsp=vsp))
    log = workdir / "virtuoso.out"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=str(d),
                                stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", f"{base}/sparql", f"{base}/sparql-graph-crud-auth", proc, workdir,
                    user="dba", password="dba", log=d / "virtuoso.log", extra={"sql_port": sql_port})
    try:
        _wait_http(f"{base}/sparql?query=ASK%7B%7D", proc, timeout, "virtuoso-t", d / "virtuoso.log")
    except Exception:
        server.stop()
        raise
    return server


CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def need_browser() -> None:
    """Skip without Debian's chromium and chromium-driver; under CI=true their absence is a failure."""

    if CHROMIUM and Path(CHROMEDRIVER).exists():
        return
    missing("Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")


def missing(reason: str) -> None:
    """A tool a test needs is not here: skip on a developer's machine, fail under CI=true (.ci/run installs
    every tool, so a skip there would hide a missing install step)."""
    import pytest

    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + ", but CI=true: .ci/run must install it and run this test")
    pytest.skip(reason)
