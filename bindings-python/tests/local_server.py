"""A one-thread HTTP/1.1 server on 127.0.0.1 that records each request as
it arrives on the socket (request line, header lines, body bytes), for the
tests of what httpx and requests really send."""

from __future__ import annotations

import socketserver
import threading
from typing import List, NamedTuple, Tuple


class Arrived(NamedTuple):
    method: str
    target: str
    headers: List[Tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str:
        values = [v for n, v in self.headers if n.lower() == name.lower()]
        assert len(values) == 1, (name, values)
        return values[0]


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        while True:
            line = self.rfile.readline()
            if not line:
                return
            method, target, _version = line.decode("latin-1").rstrip("\r\n").split(" ")
            headers: List[Tuple[str, str]] = []
            while (raw := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = raw.decode("latin-1").rstrip("\r\n").partition(":")
                headers.append((name, value.strip()))
            length = sum(int(v) for n, v in headers if n.lower() == "content-length")
            body = self.rfile.read(length)
            self.server.arrived.append(Arrived(method, target, headers, body))  # type: ignore[attr-defined]
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            self.wfile.flush()


class LocalServer:
    """`with LocalServer() as server:` serves on `server.base_url` until the block ends."""

    def __init__(self) -> None:
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.arrived = []  # type: ignore[attr-defined]
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def arrived(self) -> List[Arrived]:
        return self._server.arrived  # type: ignore[attr-defined, no-any-return]

    def __enter__(self) -> "LocalServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
