"""The sandbox as a real HTTP server on 127.0.0.1, for a kit's own command and for curl.

Threads live here and only here: tests and the browser reach the sandbox in
process (``InProcessTransport``) and never import this module.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .api import Sandbox


def make_server(sandbox: Sandbox, port: int = 0) -> http.server.ThreadingHTTPServer:
    """An HTTP server for ``sandbox`` on 127.0.0.1 (port 0: any free port)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else ""
            response = sandbox.handle(self.command, self.path, dict(self.headers.items()), body)
            if response is None:  # the response is lost: hang up without one
                self.close_connection = True
                return
            payload = response.body.encode("utf-8")
            self.send_response(response.status)
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass  # the sandbox keeps its own log (Sandbox.log)

    return http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)


@contextmanager
def serve(sandbox: Sandbox, port: int = 0) -> Iterator[str]:
    """Serve ``sandbox`` in a background thread; yields its base URL, stops on exit."""
    server = make_server(sandbox, port)
    # A short poll interval: stopping waits for at most one poll.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
