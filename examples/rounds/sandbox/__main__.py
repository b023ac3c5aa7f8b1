"""Serve this kit's sandbox on 127.0.0.1 until Ctrl-C: ``python -m sandbox [--port 8787]``."""

from __future__ import annotations

import argparse

from . import kit_sandbox
from .server import make_server

# A first request worth trying, per scenario.
TRY = {"payouts": "/v1/payouts?limit=3", "disputes": "/v1/disputes?limit=3"}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=8787, help="port on 127.0.0.1 (default 8787)")
    args = parser.parse_args()
    api, scenario = kit_sandbox()
    try:
        server = make_server(api, args.port)
    except OSError as error:
        parser.exit(2, f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}; try --port\n")
    url = f"http://127.0.0.1:{server.server_address[1]}"
    print(
        f"The {scenario.name} sandbox (seed {scenario.seed}) is serving on {url}. Try:", flush=True
    )
    print(f"  curl -H 'Authorization: Bearer sk_test_kit' '{url}{TRY[scenario.name]}'")
    print("Ctrl-C stops it.", flush=True)
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("\nstopped")


if __name__ == "__main__":
    main()
