"""A built site served on localhost, and Debian's Chromium to look at it.

Shared by the browser tests and the benchmarks, so both see the site the same way.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shlex
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from playwright.sync_api import Page

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

# Linux's CPU controller (cgroup v1), to give Chromium a slow CPU: DevTools'
# CPU throttling slows a page's main thread but not its workers, where Python runs.
CPU_CGROUPS = Path("/sys/fs/cgroup/cpu")


@contextmanager
def slow_chromium(share: float, scratch: Path) -> Iterator[str]:
    """A Chromium executable (a script in `scratch`) whose processes, together, get
    `share` of one core. OSError where no CPU cgroup can be made (not root, cgroup v2)."""
    group = CPU_CGROUPS / f"slow-chromium-{os.getpid()}"
    group.mkdir()
    try:
        # A short period (1 ms of CPU every 1/share ms) spreads the CPU evenly: a long
        # one would let short work run at full speed.
        (group / "cpu.cfs_period_us").write_text(str(round(1000 / share)))
        (group / "cpu.cfs_quota_us").write_text("1000")
        wrapper = scratch / "chromium-slow-cpu"
        procs = shlex.quote(str(group / "cgroup.procs"))
        wrapper.write_text(f'#!/bin/sh\necho $$ > {procs}\nexec {shlex.quote(CHROMIUM)} "$@"\n')
        wrapper.chmod(0o755)
        yield str(wrapper)
    finally:
        with suppress(OSError):  # a process of a browser left open keeps it
            group.rmdir()


def throttle(page: Page, mbit: float | None) -> None:
    """Emulate a connection of `mbit` Mbit/s (20 ms latency) for `page`; None: as is."""
    if mbit:
        rate = mbit * 1e6 / 8  # bytes per second
        page.context.new_cdp_session(page).send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 20, "downloadThroughput": rate, "uploadThroughput": rate},
        )


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
