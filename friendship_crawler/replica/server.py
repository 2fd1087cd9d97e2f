"""The replica's HTTP server: threads on 127.0.0.1 (and 127.0.0.2), keep-alive, request log, fault hook.

One `ThreadingHTTPServer` per listening address, all answering from one `ReplicaSite`, so `localhost`
(standing in for `www.`) and `127.0.0.2` (for `tacnghiep.`) serve the same pages as the canonical
`127.0.0.1`. Pages are cached as bytes, so a crawl with many concurrent requests is not held up here.
"""

from __future__ import annotations

import logging
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from friendship_crawler.replica.chrome import Hosts
from friendship_crawler.replica.config import ReplicaConfig
from friendship_crawler.replica.corpus import Corpus
from friendship_crawler.replica.faults import FAULT_MODES, FaultRequest
from friendship_crawler.replica.requestlog import LoggedRequest, RequestLog
from friendship_crawler.replica.site import ReplicaSite, Response, path_kind

logger = logging.getLogger(__name__)
NEWSROOM_ALIAS = "127.0.0.2"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "MasterCMS-replica/1.0"
    server: _Listener

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        response = self.server.replica.handle(self.path, self.headers.get("Host", ""))
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)


class _Listener(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    replica: ReplicaServer


class ReplicaServer:
    """A running replica of the section: `start()`, then crawl `base_url`; `advance(n)` while it runs."""

    def __init__(self, config: ReplicaConfig | None = None, corpus: Corpus | None = None) -> None:
        self.config = config or ReplicaConfig()
        self.corpus = corpus or Corpus(seed=self.config.seed, articles=self.config.articles)
        self.stats = RequestLog()
        self._listeners: list[_Listener] = []
        self._threads: list[threading.Thread] = []
        self._fault_rng = random.Random(self.config.fault_seed)
        self._fault_lock = threading.Lock()
        self.site: ReplicaSite | None = None

    @property
    def base_url(self) -> str:
        if not self._listeners:
            raise RuntimeError("the replica is not started")
        port = self._listeners[0].server_address[1]
        return f"http://{self.config.host}:{port}"

    @property
    def hosts(self) -> Hosts:
        return Hosts(self.base_url)

    def start(self) -> ReplicaServer:
        """Bind (a free port when `config.port` is 0), then serve in background threads."""
        first = _Listener((self.config.host, self.config.port), _Handler)
        self._listeners = [first]
        port = first.server_address[1]
        if self.config.aliases and self.config.host == "127.0.0.1":
            try:
                self._listeners.append(_Listener((NEWSROOM_ALIAS, port), _Handler))
            except OSError as error:
                logger.warning(
                    "Cannot listen on %s:%s (%s); tacnghiep links will fail", NEWSROOM_ALIAS, port, error
                )
        self.site = ReplicaSite(self.corpus, Hosts(self.base_url))
        for listener in self._listeners:
            listener.replica = self
            thread = threading.Thread(
                target=listener.serve_forever, args=(0.05,), name=f"replica-{port}", daemon=True
            )
            thread.start()
            self._threads.append(thread)
        logger.info("Replica serving on %s (%s articles)", self.base_url, len(self.corpus.stories))
        return self

    def stop(self) -> None:
        for listener in self._listeners:
            listener.shutdown()
            listener.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def advance(self, steps: int = 1) -> list[int]:
        """Move the running replica's corpus `steps` days forward; returns the ids added."""
        if self.site is None:
            return self.corpus.advance(steps)
        return self.site.advance(steps)

    def handle(self, raw_path: str, host: str) -> Response:
        """Answer one request: log it, maybe inject a fault, else serve the page."""
        assert self.site is not None
        kind = path_kind(raw_path)
        response = self._maybe_fault(FaultRequest(raw_path, kind, host)) or self.site.respond(raw_path)
        self.stats.record(LoggedRequest(raw_path, kind, host.split(":")[0], response.status))
        return response

    def _maybe_fault(self, request: FaultRequest) -> Response | None:
        """The one place faults are decided: each configured mode fires with its probability."""
        for mode, probability in self.config.faults.items():
            with self._fault_lock:
                fires = self._fault_rng.random() < probability
            if fires:
                return FAULT_MODES[mode](request)
        return None
