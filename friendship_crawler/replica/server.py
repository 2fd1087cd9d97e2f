"""The replica's HTTP server: threads on 127.0.0.1 (and 127.0.0.2), keep-alive, request log, fault hook.

One `ThreadingHTTPServer` per listening address, all answering from one `ReplicaSite`, so `localhost`
(standing in for `www.`) and `127.0.0.2` (for `tacnghiep.`) serve the same pages as the canonical
`127.0.0.1`. Pages are cached as bytes, so a crawl with many concurrent requests is not held up here.
"""

from __future__ import annotations

import logging
import re
import socket
import struct
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from friendship_crawler.replica.chrome import Hosts
from friendship_crawler.replica.config import ReplicaConfig
from friendship_crawler.replica.corpus import SECTION, Corpus
from friendship_crawler.replica.faults import (
    ARTICLE_KINDS,
    FAULT_MODES,
    LISTING_TRAPS,
    FaultRequest,
    FaultResponse,
    fault_key,
    selects,
)
from friendship_crawler.replica.requestlog import LoggedRequest, RequestLog
from friendship_crawler.replica.site import ReplicaSite, Response, path_kind

logger = logging.getLogger(__name__)
NEWSROOM_ALIAS = "127.0.0.2"
_ABSOLUTE_FORM = re.compile(r"^https?://(?P<host>[^/]+)")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "MasterCMS-replica/1.0"
    disable_nagle_algorithm = True
    """Headers and body go out in two writes: with Nagle on, each answer waits for a delayed ACK (40 ms)."""
    server: _Listener

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        path, host = self.path, self.headers.get("Host", "")
        absolute = _ABSOLUTE_FORM.match(path)
        if absolute:  # a client using the replica as its HTTP proxy (security tests of proxy credentials)
            path, host = path[absolute.end() :] or "/", absolute["host"]
            self.server.replica.proxied.append(self.headers.get("Proxy-Authorization", ""))
        response = self.server.replica.handle(path, host)
        wire = response if isinstance(response, FaultResponse) else FaultResponse(response.status)
        if wire.reset:
            self._reset()
            return
        if wire.delay:
            time.sleep(wire.delay)
        length = len(response.body) if wire.declared_length is None else wire.declared_length
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(length))
            for name, value in response.headers:
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(response.body)
        except OSError as error:  # the client gave up (a timeout fault) before the answer was sent
            logger.debug("Client went away from %s: %s", self.path, error)
            self.close_connection = True
        if length != len(response.body):
            self.close_connection = True

    def _reset(self) -> None:
        """Abort the connection with a TCP reset (linger 0), as an overloaded proxy does."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("%s " + format, self.address_string(), *args)


class _Listener(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    replica: ReplicaServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a timeout, an oversized page it refused) is no server error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            logger.debug("Client %s hung up", client_address)
            return
        super().handle_error(request, client_address)


class ReplicaServer:
    """A running replica of the section: `start()`, then crawl `base_url`; `advance(n)` while it runs."""

    def __init__(self, config: ReplicaConfig | None = None, corpus: Corpus | None = None) -> None:
        self.config = config or ReplicaConfig()
        self.corpus = corpus or Corpus(self.config.seed, self.config.articles, self.config.generations)
        self.stats = RequestLog()
        self._listeners: list[_Listener] = []
        self._threads: list[threading.Thread] = []
        self._fault_lock = threading.Lock()
        self._fault_attempts: Counter[tuple[str, str]] = Counter()
        self.faults_injected: Counter[str] = Counter()
        """Faulty answers served, per mode."""
        self.proxied: list[str] = []
        """`Proxy-Authorization` of each request that came through as to a proxy (absolute URL)."""
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
        corpus = self.corpus
        logger.info(
            "Replica serving on %s (%s stories, and %s copies of them under other ids)",
            self.base_url,
            len(corpus.stories) - len(corpus.duplicates),
            len(corpus.duplicates),
        )
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
        response = self._maybe_fault(FaultRequest(raw_path, kind, host)) if self.config.faults else None
        response = response or self.site.respond(raw_path)
        self.stats.record(LoggedRequest(raw_path, kind, host.split(":")[0], response.status))
        return response

    def _maybe_fault(self, request: FaultRequest) -> Response | None:
        """The one place faults are decided: the first configured mode that selects the page answers."""
        assert self.site is not None
        site, raw = self.site, request.path
        for mode, probability in self.config.faults.items():
            spec = FAULT_MODES[mode]
            if request.kind not in spec.kinds:
                continue
            key = fault_key(raw, request.kind, spec.per_listing)
            if not self._selected(mode, key, probability):
                continue
            with self._fault_lock:
                self._fault_attempts[mode, key] += 1
                attempt = self._fault_attempts[mode, key]
                if spec.attempts is not None and attempt > spec.attempts:
                    continue
                self.faults_injected[mode] += 1
            if mode in LISTING_TRAPS:
                return site.respond(raw, trap=mode)  # type: ignore[arg-type]
            return spec.answer(
                FaultRequest(
                    raw,
                    request.kind,
                    request.host,
                    attempt,
                    original=lambda: site.respond(raw),
                    canonical=self.base_url,
                    slow_seconds=self.config.fault_slow_seconds,
                    oversize_bytes=self.config.fault_oversize_bytes,
                )
            )
        return None

    def _selected(self, mode: str, key: str, probability: float) -> bool:
        spec = FAULT_MODES[mode]
        if spec.per_listing and key == f"listing:{SECTION.path}":
            return False  # the section's own listing stays sound: it lists every subsection's articles
        if not spec.recoverable and key.removeprefix("article:") not in self._plain_keys():
            return False
        return selects(mode, key, probability, self.config.fault_seed)

    def _plain_keys(self) -> set[str]:
        """Ids (as text) that unrecoverable modes may take: stories outside every planted duplicate pair."""
        corpus = self.corpus
        paired = set(corpus.duplicates) | set(corpus.duplicates.values())
        return {str(i) for i in corpus.stories if i not in paired}

    def faulted_ids(self, mode: str) -> set[int]:
        """Ids of the article pages `mode` answers for (on every request, or on its first attempts).

        A page several modes select is answered by the first permanent one in config order; transient
        modes come first while their attempts last, so they are counted here regardless.
        """
        spec = FAULT_MODES[mode]
        if mode not in self.config.faults or not spec.kinds & ARTICLE_KINDS:
            return set()
        ids = {*self.corpus.stories, *self.corpus.specials}
        if spec.transient:
            return {i for i in ids if self._selected(mode, f"article:{i}", self.config.faults[mode])}
        return {i for i in ids if self._first_permanent(f"article:{i}") == mode}

    def _first_permanent(self, key: str) -> str | None:
        for mode, probability in self.config.faults.items():
            spec = FAULT_MODES[mode]
            if spec.transient or not spec.kinds & ARTICLE_KINDS:
                continue
            if self._selected(mode, key, probability):
                return mode
        return None

    def lost_ids(self) -> set[int]:
        """Article ids no crawl can export: those whose first permanent fault is unrecoverable."""
        return {
            int(key)
            for key in self._plain_keys()
            if (mode := self._first_permanent(f"article:{key}")) and not FAULT_MODES[mode].recoverable
        }

    def expected_ids(self) -> set[int]:
        """Ids of the records a perfect crawl of this faulty replica exports: ground truth minus lost."""
        return {article.article_id for article in self.corpus.truth()} - self.lost_ids()
