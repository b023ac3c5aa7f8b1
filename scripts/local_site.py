"""A built site served on localhost, and Debian's Chromium to look at it.

Shared by the browser tests and the benchmarks, so both see the site the same way.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

# Playwright cannot download its own browser here: use the system's, or the one
# the CHROMIUM environment variable names (a Chrome elsewhere, say).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
INSTALL_CHROMIUM = "install Debian's 'chromium', or set CHROMIUM to a Chromium or Chrome binary"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# What a static host such as GitHub Pages gzips: text, scripts, data, SVG.
_COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


@functools.lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6)


class _StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    # Module scripts and WebAssembly are refused under the wrong MIME type.
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
    }

    def do_GET(self) -> None:
        # Compressed, as the site is served for real, so byte counts are honest.
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path /= "index.html"  # a directory without its slash is left to redirect
        kind = self.guess_type(path)
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not kind.startswith(_COMPRESSED_TYPES)
            or not path.is_file()
        ):
            super().do_GET()
            return
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A download the browser abandons (a lost race, a closed page) is normal.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on an ephemeral localhost port; yield its base URL."""
    handler = functools.partial(_StaticHostHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
