"""The site as a real web server sends it: Debian's nginx, started on a loopback port with the
configuration in deploy/nginx/, serving the built site — and `make serve` sending the same.

Every response carries the security headers (the worker's script too, so the policy covers
Python's worker); versioned files are cached for a year and everything else revalidated;
WebAssembly has its type; the build's Brotli and gzip copies are sent when accepted; a checker
answers in Chromium through it, and its worker cannot reach another origin.
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import brotli
import pytest
from playwright.sync_api import Page

from build_scripts.host import headers, nginx
from build_scripts.postpass.pack import unpacked

from .answers import example_answers
from .browser_helpers import answer, submit_and_wait
from .conftest import ROOT, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SHIPPED = ROOT / "deploy" / "nginx" / "working-together-2015.conf"

MAIN = """\
load_module {module};
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    include {tmp}/site.conf;
}}
"""

# Paths that stand for each kind of file, with the Cache-Control each must have.
PATHS = {
    "/": headers.REVALIDATE,
    "/allegations/": headers.REVALIDATE,
    "/js/checker-worker.js": headers.REVALIDATE,
    "/search/search_index.json": headers.REVALIDATE,
    "/sw.js": headers.REVALIDATE,
}


def packed_paths(site_dir: Path) -> list[str]:
    """The archive's and the snapshot's own addresses, which have no file of their own: each
    ships as NAME.gz and NAME.br only (build_scripts/postpass/pack.py)."""
    return sorted("/" + path.relative_to(site_dir).as_posix().removesuffix(".gz")
                  for name in ("python.zip", "snapshot.bin")
                  for path in site_dir.glob(f"assets/py/*/{name}.gz"))  # fmt: skip


def runtime_paths(site_dir: Path) -> dict[str, str]:
    """A file of every kind the site ships, with the Cache-Control each must arrive with (the
    archive and the snapshot as their .gz copies, which every host serves as files)."""
    wasm = next(site_dir.glob("assets/pyodide/*/pyodide.asm.wasm"))
    python = [site_dir / (path.lstrip("/") + ".gz") for path in packed_paths(site_dir)]
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js"))
    return {
        **PATHS,
        **{"/" + path.relative_to(site_dir).as_posix(): headers.IMMUTABLE
           for path in (wasm, *python, bundle)},
    }  # fmt: skip


def start_nginx(site_dir: Path, tmp: Path, port: int, conf: str) -> subprocess.Popen:
    """Debian's nginx on a loopback port with `conf` as its one site, once it answers."""
    if not Path(NGINX).exists() or not BROTLI_MODULE.exists():
        message = "nginx or its Brotli module is missing (make setup installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    (tmp / "site.conf").write_text(conf)
    user = "user root;" if os.geteuid() == 0 else ""  # the site is in a private temp folder
    (tmp / "nginx.conf").write_text(MAIN.format(module=BROTLI_MODULE, tmp=tmp, user=user))
    check = subprocess.run([NGINX, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                           capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return server


@pytest.fixture(scope="module")
def nginx_site(site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = nginx.render(site.dir, root=str(site.dir), listen=f"127.0.0.1:{port}")
    server = start_nginx(site.dir, tmp, port, conf)
    yield type("Nginx", (), {"url": f"http://127.0.0.1:{port}/", "port": port, "dir": site.dir})
    server.terminate()
    server.wait(timeout=10)


def get(url: str, path: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urlparse(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    response = connection.getresponse()
    body = response.read()
    found = {k.lower(): v for k, v in response.getheaders()}
    connection.close()
    return response.status, found, body


def test_the_shipped_configuration_is_what_the_build_gives(site):
    """deploy/nginx/ is made from the same headers and pages as the site: regenerate it with
    `make deploy-config` when this fails."""
    assert SHIPPED.read_text() == nginx.render(site.dir), "run make deploy-config"


def test_nginx_sends_every_header_on_every_kind_of_file(nginx_site):
    expected = headers.for_every_response(headers.site_hashes(nginx_site.dir))
    for path, cache in runtime_paths(nginx_site.dir).items():
        status, found, _ = get(nginx_site.url, path)
        assert status == 200, path
        for name, value in expected.items():
            assert found.get(name.lower()) == value, (path, name)
        assert found["cache-control"] == cache, path
    # A missing page gets the site's 404 page, with the same protection.
    status, found, body = get(nginx_site.url, "/no-such-page/")
    assert status == 404 and b"<html" in body
    assert found["content-security-policy"] == expected["Content-Security-Policy"]
    assert "server" not in found or "nginx/" not in found["server"]  # no version given away


def test_the_policy_is_the_meta_tag_plus_framing(nginx_site):
    """The header and the meta tag come from the same data, so they never disagree; the header
    adds what only a header can say, and neither allows inline scripts or other origins."""
    _, found, body = get(nginx_site.url, "/allegations/")
    policy = found["content-security-policy"]
    meta = body.decode().split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    assert policy == meta + "; frame-ancestors 'none'"
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "connect-src 'self'" in policy and "worker-src 'self'" in policy


def check_packed_files(
    url: str, site_dir: Path, sends_copies_in_place: bool, immutable: bool = True
) -> None:
    """The archive and the snapshot, as a host sends them: at their own addresses, the .br or
    .gz copy in their place where the host does that (else 404, and the worker fetches the .gz
    copy); the .gz copy itself always, whose bytes unpack to the file (a host may add
    Content-Encoding: gzip to it, as Apache does: the bytes sent are the same)."""
    for path in packed_paths(site_dir):
        original = unpacked(site_dir / path.lstrip("/"))
        for encoding, unpack in (("br", brotli.decompress), ("gzip", gzip.decompress)):
            status, found, body = get(url, path, encoding)
            if not sends_copies_in_place:
                assert status == 404, (path, encoding)
                continue
            assert (status, found.get("content-encoding")) == (200, encoding), path
            assert unpack(body) == original
            assert found["cache-control"] == headers.IMMUTABLE or not immutable
        status, found, body = get(url, path + ".gz", "br, gzip")
        assert status == 200 and gzip.decompress(body) == original, path
        assert found["cache-control"] == headers.IMMUTABLE or not immutable
        assert len(body) < len(original) * 0.4  # 31.5 MB of snapshot goes as 4.3 MB


def test_nginx_sends_the_packed_files_compressed_whatever_is_asked(nginx_site):
    check_packed_files(nginx_site.url, nginx_site.dir, sends_copies_in_place=True)


def test_make_serve_sends_the_packed_files_compressed_whatever_is_asked(site):
    check_packed_files(site.url, site.dir, sends_copies_in_place=True)


def test_nginx_types_and_compression(nginx_site):
    wasm = next(p for p in runtime_paths(nginx_site.dir) if p.endswith(".wasm"))
    original = (nginx_site.dir / wasm.lstrip("/")).read_bytes()
    for encoding, unpack in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        status, found, body = get(nginx_site.url, wasm, encoding)
        assert status == 200 and found["content-type"] == "application/wasm"
        assert found["content-encoding"] == encoding and "Accept-Encoding" in found["vary"]
        assert unpack(body) == original
        assert len(body) < len(original) * 0.4  # 9.6 MB of WebAssembly goes as 2.7–3.5 MB
    status, found, body = get(nginx_site.url, wasm)
    assert "content-encoding" not in found and body == original
    _, found, _ = get(nginx_site.url, "/allegations/", "br")
    assert found["content-encoding"] == "br"
    assert found["content-type"].startswith("text/html")
    _, found, _ = get(nginx_site.url, "/" + next(
        nginx_site.dir.glob("assets/pyodide/*/pyodide.mjs")).relative_to(nginx_site.dir).as_posix())  # fmt: skip
    assert found["content-type"].startswith("text/javascript")


def test_make_serve_sends_what_nginx_sends(nginx_site, site):
    """The development server is production in miniature: same headers, types, encodings."""
    compared = ["content-security-policy", "cache-control", "content-encoding",
                *[name.lower() for name in headers.SECURITY]]  # fmt: skip
    for path in runtime_paths(site.dir):
        for encoding in ("br", "gzip", None):
            _, from_nginx, body_nginx = get(nginx_site.url, path, encoding)
            _, from_serve, body_serve = get(site.url, path, encoding)
            for name in compared:
                assert from_serve.get(name) == from_nginx.get(name), (path, encoding, name)
            assert (
                from_serve["content-type"].split(";")[0] == from_nginx["content-type"].split(";")[0]
            )
            assert body_serve == body_nginx, (path, encoding)
    assert get(site.url, "/no-such-page/")[0] == get(nginx_site.url, "/no-such-page/")[0] == 404


@pytest.mark.browser
def test_a_checker_answers_through_nginx_and_its_worker_cannot_leave(page: Page, nginx_site):
    origin = urlparse(nginx_site.url).netloc
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    workers = []
    page.on("worker", lambda w: workers.append(w))
    page.goto(nginx_site.url + "allegations/")
    answer(page, "allegations", example_answers("allegations"))
    assert submit_and_wait(page, "allegations") == "allegation"
    assert page.evaluate("document.documentElement.dataset.pythonStart") == "normal"
    worker = next(w for w in workers if w.url.endswith("checker-worker.js"))
    # The worker's script came with the policy, so the worker cannot reach another origin.
    said = worker.evaluate(
        """() => fetch("http://127.0.0.2:9/collect").then(() => "sent", () => "refused")"""
    )
    assert said == "refused"
    assert [u for u in requests if urlparse(u).netloc not in (origin, "")] == []
    # Framing is refused: another origin's page cannot show the site inside itself.
    other = page.context.new_page()
    other.goto(nginx_site.url.replace("127.0.0.1", "localhost") + "no-such-page/")
    other.set_content(f'<iframe src="{nginx_site.url}allegations/"></iframe>')
    other.wait_for_timeout(1000)
    framed = other.frames[1]
    assert framed.url == "chrome-error://chromewebdata/"  # Chromium's page for a refused frame
    other.close()


def test_the_dev_server_never_caches_a_missing_file(tmp_path):
    """Under an address served as immutable, a 404 kept for a year would hide the file for
    good once it is there (a Pyodide file missing from a half-made build, say)."""
    import threading

    from build_scripts.dev.serve import make_server

    (tmp_path / "404.html").write_text("<html>not here</html>", encoding="utf-8")
    (tmp_path / "assets" / "py" / "abc123").mkdir(parents=True)
    (tmp_path / "assets" / "py" / "abc123" / "python.zip").write_bytes(b"PK")
    server = make_server(tmp_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        for path, status, cache in [
            ("/assets/py/abc123/missing.wasm", 404, "no-store"),
            ("/no-such-page/", 404, "no-store"),
            ("/assets/py/abc123/python.zip", 200, headers.IMMUTABLE),
        ]:
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert (response.status, response.getheader("Cache-Control")) == (status, cache), path
            connection.close()
    finally:
        server.shutdown()


def raw_request(port: int, request: bytes) -> tuple[int, dict[str, str]]:
    """What nginx answers to bytes no browser would send: its status and headers."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    found = dict(line.split(": ", 1) for line in head[1:])
    return int(head[0].split()[1]), {k.lower(): v for k, v in found.items()}


def test_nginx_sends_its_headers_on_its_own_error_pages(nginx_site):
    """A request too long or malformed is answered by nginx itself, outside every location:
    it still carries the policy, the framing ban and the rest, and is never cached."""
    expected = headers.for_every_response(headers.site_hashes(nginx_site.dir))
    too_long = b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    two_hosts = b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"
    for request, status in ((too_long, 414), (two_hosts, 400)):
        got, found = raw_request(nginx_site.port, request)
        assert got == status
        for name, value in expected.items():
            assert found.get(name.lower()) == value, (status, name)
        assert found["cache-control"] == "no-store"
        assert "strict-transport-security" not in found  # plain HTTP


def test_a_missing_file_under_an_immutable_address_is_not_cached_by_nginx(nginx_site):
    status, found, _ = get(nginx_site.url, "/assets/py/0123456789abcdef/python.zip")
    assert status == 404
    assert found["cache-control"] == headers.REVALIDATE


def start_https_nginx(
    site_dir: Path, tmp: Path, root: Path, name: str
) -> tuple[subprocess.Popen, int]:
    """nginx with the site's configuration over HTTPS on a loopback port, with a self-signed
    certificate for `name`, serving from `root`: (the server, its port)."""
    key, cert = tmp / "key.pem", tmp / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         f"/CN={name}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    conf = nginx.render(site_dir, root=str(root), listen=f"127.0.0.1:{port} ssl")
    tls = f"    ssl_certificate {cert};\n    ssl_certificate_key {key};\n"
    conf = conf.replace("    server_name _;\n", "    server_name _;\n" + tls)
    return start_nginx(site_dir, tmp, port, conf), port


def test_nginx_sends_strict_transport_security_over_https(site, tmp_path):
    """Over HTTPS (a self-signed certificate here) every response carries HSTS; over plain
    HTTP none does (the other tests)."""
    server, port = start_https_nginx(site.dir, tmp_path, site.dir, "127.0.0.1")
    try:
        context = ssl._create_unverified_context()  # self-signed, on loopback
        for path in (
            "/",
            "/assets/py/0123456789abcdef/python.zip",
            runtime_paths(site.dir).popitem()[0],
        ):
            connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert response.getheader("Strict-Transport-Security") == nginx.HSTS, path
            connection.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
