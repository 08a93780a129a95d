"""Serve the built site on 127.0.0.1 exactly as production should (deploy/nginx does the same):

- the headers of build_scripts/host/headers.py on every response: the Content-Security-Policy
  (made from the built pages, as the meta tag is), nosniff, no referrer, the permissions,
  cross-origin and framing rules, and Cache-Control (a year, immutable, for versioned or hashed
  files; revalidated for everything else);
- `.wasm` as application/wasm (needed for streaming compilation);
- the .br or .gz copy the build made, when the browser accepts it (with Vary: Accept-Encoding),
  whether or not the file itself is there (the archive and the snapshot ship as copies only);
  with --plain, as a host that compresses nothing: every file as it is, a missing one 404;
- the site's 404 page for a missing file, never cached (Cache-Control: no-store).

python -m build_scripts.dev.serve [--port 8000] [--dir site] [--plain]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import ClassVar

from build_scripts.host import headers


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **headers.CONTENT_TYPES,
    }

    status = 200

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status = code
        super().send_response(code, message)

    def end_headers(self) -> None:
        for name, value in self.server.site_headers.items():  # type: ignore[attr-defined]
            self.send_header(name, value)
        # A missing file is never cached: under an immutable address a 404 would otherwise be
        # kept for a year, and the file, once there, never fetched.
        cache = "no-store" if self.status >= 400 else headers.cache_control(self.path.split("?")[0])
        self.send_header("Cache-Control", cache)
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirects to the address with "/"
            path = path / "index.html"
        if path.name.startswith("."):
            return self.send_not_found()
        if path.suffix in headers.COMPRESSIBLE and self.server.negotiates:  # type: ignore[attr-defined]
            # (the archive and the snapshot exist only as such copies: postpass/pack.py)
            accepted = self.headers.get("Accept-Encoding", "")
            for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
                packed = path.with_name(path.name + suffix)
                if encoding in accepted and packed.is_file():
                    return self.send_packed(path, packed, encoding)
        if not path.is_file():
            return self.send_not_found()  # never a directory listing
        return super().send_head()

    def send_packed(self, original: Path, packed: Path, encoding: str):  # type: ignore[no-untyped-def]
        body = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(original)))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
        self.end_headers()
        return body

    def send_not_found(self):  # type: ignore[no-untyped-def]
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404)
            return None
        body = page.open("rb")
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
        self.end_headers()
        return body

    def log_message(self, format: str, *args: object) -> None:  # quiet by default
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    verbose = False
    negotiates = True  # sends a .br or .gz copy in place of a file
    site_headers: ClassVar[dict[str, str]] = {}

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser closing a connection early (a page left mid-download) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def make_server(
    directory: Path, port: int = 0, verbose: bool = False, plain: bool = False
) -> Server:
    handler = functools.partial(Handler, directory=str(directory))
    server = Server(("127.0.0.1", port), handler)
    server.verbose = verbose
    server.negotiates = not plain
    server.site_headers = headers.for_every_response(headers.site_hashes(directory))
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=Path("site"))
    parser.add_argument("--plain", action="store_true",
                        help="serve as a host that compresses nothing would")  # fmt: skip
    args = parser.parse_args()
    server = make_server(args.dir, args.port, verbose=True, plain=args.plain)
    print(f"Serving {args.dir} at http://127.0.0.1:{args.port}/ (Ctrl-C to stop)")
    with suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
