"""Serve the built site on 127.0.0.1 the way a static host should.

- `.wasm` as application/wasm (needed for streaming compilation);
- files under versioned or hashed folders (assets/pyodide/VERSION/, assets/py/HASH/, Material's
  hashed bundles) cached for a year, as immutable; everything else revalidated.

python -m build_scripts.dev.serve [--port 8000] [--dir site]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import sys
from contextlib import suppress
from pathlib import Path
from typing import ClassVar

IMMUTABLE = re.compile(
    r"^/(assets/pyodide/[^/]+/|assets/py/[0-9a-f]+/|assets/(javascripts|stylesheets)/.*\.[0-9a-f]{8}\.min\.)"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".whl": "application/zip",
        ".json": "application/json",
    }

    def end_headers(self) -> None:
        if IMMUTABLE.match(self.path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet by default
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = False

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser closing a connection early (a page left mid-download) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(directory: Path, port: int = 0, verbose: bool = False) -> Server:
    handler = functools.partial(Handler, directory=str(directory))
    server = Server(("127.0.0.1", port), handler)
    server.verbose = verbose
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=Path("site"))
    args = parser.parse_args()
    server = make_server(args.dir, args.port, verbose=True)
    print(f"Serving {args.dir} at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    with suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
