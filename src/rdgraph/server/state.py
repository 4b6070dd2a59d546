"""What the routes share (:class:`State`): the graph (read only), its view and search index, the page and
answer caches, and the query workers (SPARQL runs there, with a deadline; see :mod:`.executor`)."""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool

from ..errors import ParameterError
from ..messages import msg
from ..paths import cache_dir
from .executor import Answer, Busy, QueryPool, QueryTimeout, WorkerDied
from .graph_view import GraphView
from .search import SearchIndex


class State:
    """What the routes share: the graph (read only), its view and search index, caches, the query workers."""

    def __init__(self, kg, *, timeout: float = 30.0, max_bytes: int = 1 << 30, workers: int = 2,
                 quiet: bool = False, limits=None) -> None:
        from ..limits import current

        self.limits = limits or current()
        if timeout <= 0 or max_bytes <= 0 or workers <= 0:
            raise ParameterError("--timeout, --max-bytes and --workers must be positive")
        self.kg = kg
        self.timeout = float(timeout)
        self.max_bytes = int(max_bytes)
        self.quiet = quiet
        self.view = GraphView(kg.store)
        self.search = SearchIndex(self.view)
        self.catalogue = kg.catalogue
        self._lock = threading.Lock()
        self._pages: OrderedDict[tuple, bytes] = OrderedDict()
        self._answers: OrderedDict[tuple, Answer] = OrderedDict()
        self._tmp = Path(tempfile.mkdtemp(prefix="rdgraph-serve-"))
        cached = cache_dir() / f"graph-{kg.info.key[:32]}.db"
        if cached.is_dir():  # written by load() when it built the graph, or read from it
            # The very database the CLI opens (read-only, shared by every worker): the same quads in the
            # same order, so queries whose answer depends on evaluation order answer as the CLI does.
            source = cached
        else:
            source = self._tmp / "graph.nq"
            kg.store.dump(str(source), format=ox.RdfFormat.N_QUADS)
        self.pool = QueryPool(source, workers=workers, limits=self.limits)

    def log(self, message: str) -> None:
        if not self.quiet:
            sys.stderr.write(message.rstrip("\n") + "\n")

    async def page(self, key: tuple, render) -> bytes:
        """A rendered page from the cache, or rendered off the event loop and kept (512 most recent)."""
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        body = await run_in_threadpool(render)
        with self._lock:
            self._pages[key] = body
            while len(self._pages) > 512:
                self._pages.popitem(last=False)
        return body

    async def run(self, job: dict) -> Answer:
        """A query job on a worker; 503 answers for a timeout or busy workers (before any byte was sent), in the
        language ``job["lang"]`` (English when the job does not say)."""
        job = {"max_bytes": self.max_bytes, **job}
        lang, seconds = job.get("lang") or "en", f"{self.timeout:g}"
        try:
            return await self.pool.run(job, self.timeout)
        except QueryTimeout:
            return _text_answer(503, msg("server.timeout", lang, seconds=seconds), {"Retry-After": "1"})
        except Busy:
            return _text_answer(503, msg("server.busy", lang, seconds=seconds), {"Retry-After": "2"})
        except WorkerDied:  # a query that sorts: most likely pyoxigraph's ORDER BY abort (rdgraph.engine_guard)
            from ..engine_guard import wanted

            sorts = wanted(job.get("query") or "")
            return _text_answer(500, msg("server.worker_died_sort" if sorts else "server.worker_died", lang,
                                         version=ox.__version__))

    async def run_cached(self, job: dict) -> Answer:
        """Named queries: an answer of at most 256 KiB is kept (256 most recent) and served again."""
        key = (job["query"], job.get("kind"), job.get("accept"), tuple(job.get("formats") or ()), job.get("rows"))
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        ans = await self.run(job)
        if ans.status == 200 and ans.done and len(ans.first) <= 256 * 1024:
            with self._lock:
                self._answers[key] = ans
                while len(self._answers) > 256:
                    self._answers.popitem(last=False)
        return ans

    def close(self) -> None:
        self.pool.close()
        shutil.rmtree(self._tmp, ignore_errors=True)


def _text_answer(status: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", headers or {}, (message.rstrip("\n") + "\n").encode(), True)


