"""The site as Apache and Caddy send it, each from its configuration made from the one header
set (build_scripts/host/): Debian's apache2 with the build's own `.htaccess`, and Debian's
caddy with deploy/caddy/Caddyfile, each started on a loopback port and serving the built site.

Each sends what nginx and `make serve` send (tests/test_host.py): the security headers on every
kind of file (the worker's script and the 404 page included), versioned files cached for a
year and everything else revalidated, WebAssembly as application/wasm, the build's Brotli and
gzip copies when accepted, and a checker answers in Chromium through it.

Cloudflare Pages' own local server (npm wrangler, `pages dev`) serves the site with the
build's `_headers` as Cloudflare reads it: its headers, the packed files as their .gz copies,
and a checker answering, are checked the same way.
"""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import brotli
import pytest
from playwright.sync_api import Page

from build_scripts.host import apache, caddy, headers, nginx

from .answers import example_answers
from .browser_helpers import answer, submit_and_wait
from .conftest import ROOT, free_port
from .test_host import check_packed_files, get, runtime_paths

APACHE = "/usr/sbin/apache2"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
CADDY = "/usr/bin/caddy"
# npm's wrangler on npm's Node 22, installed by setup from tests/hosts/ (not the build's Node)
HOST_TOOLS = ROOT / ".cache" / "hosts" / "node_modules" / ".bin"
SHIPPED_CADDYFILE = ROOT / "deploy" / "caddy" / "Caddyfile"

# Apache as a test runs it: the few modules the .htaccess needs, the site's folder allowed to
# override, nothing else.
HTTPD_CONF = """\
ServerRoot {tmp}
PidFile {tmp}/httpd.pid
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
{modules}
TypesConfig /etc/mime.types
User www-data
Group www-data
ErrorLog {tmp}/error.log
LogLevel warn
ServerTokens Prod
ServerSignature Off
DocumentRoot {docroot}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {docroot}>
    AllowOverride All
    Require all granted
</Directory>
"""
MODULES = ["mpm_event", "authz_core", "dir", "mime", "headers", "rewrite"]


def missing(tool: str) -> None:
    message = f"{tool} is missing (make setup installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def wait_for(port: int, server: subprocess.Popen, log: Path, seconds: float = 10) -> None:
    for _ in range(int(seconds / 0.05)):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if server.poll() is not None:
                raise AssertionError(log.read_text(errors="replace")[-3000:]) from None
            time.sleep(0.05)
    raise AssertionError(f"nothing answers on port {port}")


def start_apache(site_dir: Path, tmp: Path, under: str = "") -> tuple[subprocess.Popen, str]:
    """Debian's apache2 on a loopback port serving `site_dir` from /`under`/ with the build's
    .htaccess: (the server, the site's address). Apache drops root for www-data, which cannot
    read pytest's private temporary folders: it serves a hard-linked copy in `tmp`, a folder
    it can read."""
    if not Path(APACHE).exists():
        missing("apache2")
    docroot = tmp / "www"
    served = docroot / under if under else docroot
    served.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-al", str(site_dir), str(served)], check=True)
    port = free_port()
    modules = "\n".join(f"LoadModule {m}_module {APACHE_MODULES / f'mod_{m}.so'}" for m in MODULES)
    (tmp / "httpd.conf").write_text(
        HTTPD_CONF.format(tmp=tmp, port=port, docroot=docroot, modules=modules), encoding="utf-8"
    )
    server = subprocess.Popen(
        [APACHE, "-f", str(tmp / "httpd.conf"), "-DFOREGROUND"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    wait_for(port, server, tmp / "error.log")
    return server, f"http://127.0.0.1:{port}/" + (f"{under}/" if under else "")


def start_caddy(site_dir: Path, tmp: Path, docroot: Path) -> tuple[subprocess.Popen, int]:
    """Debian's caddy on a loopback port with the Caddyfile made for `site_dir`, serving files
    from `docroot`: (the server, its port)."""
    if not Path(CADDY).exists():
        missing("caddy")
    port = free_port()
    conf = caddy.render(site_dir, root=str(docroot), address=f"http://127.0.0.1:{port}")
    (tmp / "Caddyfile").write_text(conf, encoding="utf-8")
    log = tmp / "caddy.log"
    env = {**os.environ, "HOME": str(tmp), "XDG_DATA_HOME": str(tmp), "XDG_CONFIG_HOME": str(tmp)}
    with open(log, "w") as out:
        server = subprocess.Popen(
            [CADDY, "run", "--config", str(tmp / "Caddyfile"), "--adapter", "caddyfile"],
            stdout=out, stderr=subprocess.STDOUT, env=env, cwd=tmp,
        )  # fmt: skip
    wait_for(port, server, log)
    return server, port


def start_host_tool(
    name: str, args: list[str], tmp: Path, env: dict[str, str]
) -> tuple[subprocess.Popen, int]:
    """One of the hosts' local servers from tests/hosts/ (`name`, run with `args` and
    `--port`), with npm's Node 22 first on its PATH and its state in `tmp`: (it, its port)."""
    tool = HOST_TOOLS / name
    if not tool.exists():
        missing(f"{name} (tests/hosts/)")
    port = free_port()
    log = tmp / f"{name}.log"
    env = {**os.environ, "PATH": f"{HOST_TOOLS}:{os.environ['PATH']}", "HOME": str(tmp),
           "XDG_CONFIG_HOME": str(tmp), **env}  # fmt: skip
    with open(log, "w") as out:
        server = subprocess.Popen([str(tool), *args, "--port", str(port)], stdout=out,
                                  stderr=subprocess.STDOUT, env=env, cwd=tmp)  # fmt: skip
    wait_for(port, server, log, seconds=90)
    return server, port


def start_wrangler(folder: Path, tmp: Path) -> tuple[subprocess.Popen, int]:
    """Cloudflare Pages' own local server (`wrangler pages dev`) publishing `folder`, which
    reads its `_headers` as Cloudflare does, compresses by itself and ignores the .br/.gz
    copies. It runs offline: the one request it makes out (workers.cloudflare.com) fails, and
    it serves all the same."""
    args = ["pages", "dev", str(folder), "--ip", "127.0.0.1", "--inspector-port", str(free_port())]
    return start_host_tool("wrangler", args, tmp, {"WRANGLER_SEND_METRICS": "false"})


def start_netlify(folder: Path, tmp: Path) -> tuple[subprocess.Popen, int]:
    """Netlify's own local server (`netlify dev --offline`) publishing `folder`: it reads
    `_headers` as Netlify does, but in development it sends `Cache-Control: public, max-age=0`
    on every file whatever the file says, and compresses nothing."""
    args = ["dev", "--offline", "--dir", str(folder), "--staticServerPort", str(free_port()),
            "--no-open"]  # fmt: skip
    return start_host_tool("netlify", args, tmp, {"NETLIFY_TELEMETRY_DISABLED": "1"})


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=10)


def served_at(name: str, url: str, folder: Path) -> object:
    return type("Host", (), {"name": name, "url": url, "dir": folder})


@pytest.fixture(scope="module")
def apache_site(site):
    tmp = Path(tempfile.mkdtemp(prefix="wt2015-apache-"))
    tmp.chmod(0o755)
    server, url = start_apache(site.dir, tmp)
    yield served_at("apache", url, tmp / "www")
    stop(server)
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def caddy_site(site, tmp_path_factory):
    server, port = start_caddy(site.dir, tmp_path_factory.mktemp("caddy"), site.dir)
    yield served_at("caddy", f"http://127.0.0.1:{port}/", site.dir)
    stop(server)


@pytest.fixture(scope="module")
def wrangler_site(site, tmp_path_factory):
    server, port = start_wrangler(site.dir, tmp_path_factory.mktemp("wrangler"))
    yield served_at("wrangler", f"http://127.0.0.1:{port}/", site.dir)
    stop(server)


@pytest.fixture(scope="module")
def netlify_site(site, tmp_path_factory):
    server, port = start_netlify(site.dir, tmp_path_factory.mktemp("netlify"))
    yield served_at("netlify", f"http://127.0.0.1:{port}/", site.dir)
    stop(server)


@pytest.fixture(params=["apache", "caddy"])
def host(request, site):  # `site` named, so that conftest marks the tests as needing a build
    """A host whose configuration is ours in full (compression, types, every header)."""
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture(params=["apache", "caddy", "wrangler", "netlify"])
def any_host(request, site):
    """Every host served here, Cloudflare Pages' and Netlify's local servers included."""
    return request.getfixturevalue(f"{request.param}_site")


def test_the_build_writes_the_htaccess_for_its_address(site):
    expected = apache.render(headers.site_hashes(site.dir), site.url)
    assert (site.dir / ".htaccess").read_text(encoding="utf-8") == expected


def test_the_shipped_caddyfile_is_what_the_build_gives(site):
    """deploy/caddy/ is made from the same headers and pages as the site: regenerate it with
    `make deploy-config` when this fails."""
    assert SHIPPED_CADDYFILE.read_text() == caddy.render(site.dir), "run make deploy-config"


def test_every_header_on_every_kind_of_file(host):
    expected = headers.for_every_response(headers.site_hashes(host.dir))
    for path, cache in runtime_paths(host.dir).items():
        status, found, _ = get(host.url, path)
        assert status == 200, (host.name, path)
        for name, value in expected.items():
            assert found.get(name.lower()) == value, (host.name, path, name)
        assert found["cache-control"] == cache, (host.name, path)
        assert "strict-transport-security" not in found  # plain HTTP
    # A missing page gets the site's 404 page, with the same protection, never cached; under
    # an immutable address too (a year-long 404 would hide a file once it is there).
    for path in ("/no-such-page/", "/assets/py/0123456789abcdef/python.zip"):
        status, found, body = get(host.url, path)
        assert status == 404 and b"<html" in body, (host.name, path)
        assert found["content-security-policy"] == expected["Content-Security-Policy"]
        assert found["x-frame-options"] == "DENY"
        assert found["cache-control"] == "no-store", (host.name, path)


def test_types_and_compression(host):
    wasm = next(p for p in runtime_paths(host.dir) if p.endswith(".wasm"))
    original = (host.dir / wasm.lstrip("/")).read_bytes()
    for encoding, unpack in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        status, found, body = get(host.url, wasm, encoding)
        assert status == 200 and found["content-type"] == "application/wasm", host.name
        assert found["content-encoding"] == encoding and "Accept-Encoding" in found["vary"]
        assert unpack(body) == original
        assert len(body) < len(original) * 0.4
    status, found, body = get(host.url, wasm)
    assert "content-encoding" not in found and body == original
    _, found, _ = get(host.url, "/allegations/", "br")
    assert found["content-encoding"] == "br" and found["content-type"].startswith("text/html")
    for script in ("/js/checker-worker.js", "/" + next(
            host.dir.glob("assets/pyodide/*/pyodide.mjs")).relative_to(host.dir).as_posix()):  # fmt: skip
        _, found, _ = get(host.url, script, "br")
        assert found["content-type"].startswith("text/javascript"), (host.name, script)


def test_it_sends_what_make_serve_sends(host, site):
    compared = ["content-security-policy", "cache-control", "content-encoding",
                *[name.lower() for name in headers.SECURITY]]  # fmt: skip
    for path in runtime_paths(site.dir):
        for encoding in ("br", "gzip", None):
            _, from_host, body_host = get(host.url, path, encoding)
            _, from_serve, body_serve = get(site.url, path, encoding)
            for name in compared:
                if name == "content-encoding" and path.endswith(".gz"):
                    continue  # Apache adds gzip to a .gz file: the same bytes (below)
                assert from_host.get(name) == from_serve.get(name), (host.name, path, name)
            assert body_host == body_serve, (host.name, path, encoding)


# Caddy's precompressed copies stand in only for a file that is there: for the archive and the
# snapshot it answers 404, and the worker fetches their .gz copies.
SENDS_COPIES_IN_PLACE = {"apache": True, "caddy": False, "wrangler": False, "netlify": False}


def test_the_packed_files_arrive_compressed_whatever_is_asked(any_host):
    # (netlify dev sets its own Cache-Control on everything: checked from the file below)
    immutable = any_host.name != "netlify"
    check_packed_files(
        any_host.url, any_host.dir, SENDS_COPIES_IN_PLACE[any_host.name], immutable=immutable
    )


def test_netlify_sends_the_headers_from_the_file(netlify_site):
    """What `_headers` gives on Netlify, as its local server applies it: every header on each
    kind of file and on a 404, WebAssembly as application/wasm. Its development server sends
    `Cache-Control: public, max-age=0` on every file, so the immutable rule is read from the
    file instead, by the tests that read `_headers` as the hosts do."""
    host = netlify_site
    expected = headers.for_every_response(headers.site_hashes(host.dir))
    for path in [*runtime_paths(host.dir), "/no-such-page/"]:
        status, found, _ = get(host.url, path, "br")
        assert status == (404 if path == "/no-such-page/" else 200), path
        for name, value in expected.items():
            assert found.get(name.lower()) == value, (path, name)
        assert found["cache-control"] == "public, max-age=0", path
    wasm = next(p for p in runtime_paths(host.dir) if p.endswith(".wasm"))
    _, found, body = get(host.url, wasm, "br")
    assert found["content-type"] == "application/wasm" and "content-encoding" not in found
    assert body == (host.dir / wasm.lstrip("/")).read_bytes()


def test_cloudflare_pages_sends_the_headers_from_the_file(wrangler_site):
    """What `_headers` gives on Cloudflare Pages, as its local server applies it: every header
    on each kind of file and on a 404, the immutable rule on the versioned files, WebAssembly
    as application/wasm, its own compression (it sends no .br copy as such)."""
    host = wrangler_site
    expected = headers.for_every_response(headers.site_hashes(host.dir))
    for path, cache in runtime_paths(host.dir).items():
        status, found, _ = get(host.url, path, "br")
        assert status == 200, path
        for name, value in expected.items():
            assert found.get(name.lower()) == value, (path, name)
        if cache == headers.IMMUTABLE:
            assert found["cache-control"] == cache, path
        else:  # its own default, revalidated on every use (the file sets none)
            assert found["cache-control"] == "public, max-age=0, must-revalidate", path
        assert found["strict-transport-security"] == "max-age=31536000"  # the host is HTTPS
    status, found, body = get(host.url, "/no-such-page/")
    assert status == 404 and b"<html" in body
    assert found["content-security-policy"] == expected["Content-Security-Policy"]
    assert found["cache-control"] == "no-store"
    wasm = next(p for p in runtime_paths(host.dir) if p.endswith(".wasm"))
    status, found, body = get(host.url, wasm, "br")
    assert found["content-type"] == "application/wasm" and found["content-encoding"] == "br"
    assert brotli.decompress(body) == (host.dir / wasm.lstrip("/")).read_bytes()


@pytest.mark.browser
def test_a_checker_answers_through_it_and_its_worker_cannot_leave(page: Page, any_host):
    host = any_host
    origin = urlparse(host.url).netloc
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    workers = []
    page.on("worker", lambda w: workers.append(w))
    page.goto(host.url + "allegations/")
    answer(page, "allegations", example_answers("allegations"))
    assert submit_and_wait(page, "allegations") == "allegation"
    worker = next(w for w in workers if w.url.endswith("checker-worker.js"))
    said = worker.evaluate(
        """() => fetch("http://127.0.0.2:9/collect").then(() => "sent", () => "refused")"""
    )
    assert said == "refused"
    assert [u for u in requests if urlparse(u).netloc not in (origin, "")] == []


def test_a_sub_path_site_gets_its_paths_in_every_configuration(tmp_path):
    """A site built for https://example.org/wt2015/ is served under /wt2015/: each host's 404
    page and immutable paths carry it (read from the built sitemap, or the build's address)."""
    (tmp_path / "sitemap.xml").write_text(
        "<urlset><url><loc>https://example.org/wt2015/</loc></url></urlset>", encoding="utf-8"
    )
    (tmp_path / "index.html").write_text("<html><script>1</script></html>", encoding="utf-8")
    hashes = headers.site_hashes(tmp_path)
    made = {
        "nginx": nginx.render(tmp_path),
        "caddy": caddy.render(tmp_path),
        "apache": apache.render(hashes, "https://example.org/wt2015/"),
    }
    for name, conf in made.items():
        assert "/wt2015/404.html" in conf, name
        assert conf.count("^/wt2015/assets/") == len(headers.IMMUTABLE_PATHS), name
        assert "^/assets/" not in conf, name


def immutable_files(site_dir: Path) -> set[str]:
    """Every file of the built site the header set caches for a year."""
    return {
        "/" + p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*")
        if p.is_file()
        and headers.cache_control("/" + p.relative_to(site_dir).as_posix()) == headers.IMMUTABLE
    }


def headers_rules(text: str) -> dict[str, dict[str, str]]:
    """`_headers` read as Netlify and Cloudflare Pages read it: a path, then its headers."""
    rules: dict[str, dict[str, str]] = {}
    path = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            path = line.strip()
            assert path not in rules, f"{path} twice"
            rules[path] = {}
        else:
            name, _, value = line.strip().partition(": ")
            rules[path][name] = value
    return rules


def covered(rule: str, address: str) -> bool:
    return address.startswith(rule[:-1]) if rule.endswith("*") else address == rule


def test_the_build_writes_headers_for_netlify_and_cloudflare_pages(site):
    """Every response gets the header set; the versioned files, and only they, are immutable;
    Cache-Control is set by one rule at most for any file (Cloudflare would merge two)."""
    rules = headers_rules((site.dir / "_headers").read_text(encoding="utf-8"))
    everything = rules.pop("/*")
    expected = headers.for_every_response(headers.site_hashes(site.dir))
    assert everything == {**expected, "Strict-Transport-Security": "max-age=31536000"}
    assert all(set(r) == {"Cache-Control"} for r in rules.values())
    assert {r["Cache-Control"] for r in rules.values()} == {headers.IMMUTABLE}
    # (Not the .br/.gz copies: these hosts compress by themselves and never serve them.)
    every_file = {"/" + p.relative_to(site.dir).as_posix() for p in site.dir.rglob("*")
                  if p.is_file() and p.suffix not in (".br", ".gz")}  # fmt: skip
    for address in every_file:
        matching = [rule for rule in rules if covered(rule, address)]
        assert len(matching) <= 1, address
        assert bool(matching) == (address in immutable_files(site.dir)), address


def test_the_build_writes_a_web_config_for_iis(site):
    """Not served here (no IIS on Debian): read as IIS would read it."""
    import xml.etree.ElementTree as ET

    root = ET.parse(site.dir / "web.config").getroot()
    web = root.find("system.webServer")
    sent = {a.get("name"): a.get("value") for a in web.iter("add")}
    assert sent == {**headers.for_every_response(headers.site_hashes(site.dir)),
                    "Cache-Control": headers.REVALIDATE}  # fmt: skip
    types = {m.get("fileExtension"): m.get("mimeType") for m in web.iter("mimeMap")}
    assert types == headers.CONTENT_TYPES
    folders = {loc.get("path") for loc in root.findall("location")}
    for address in immutable_files(site.dir):
        assert any(address.lstrip("/").startswith(f) for f in folders), address
    for loc in root.findall("location"):
        assert [a.get("value") for a in loc.iter("add")] == [headers.IMMUTABLE]
    assert web.find("httpErrors/error").get("path") == "/404.html"


def test_the_netlify_toml_publishes_the_site_and_sets_no_header_itself():
    text = (ROOT / "deploy" / "netlify" / "netlify.toml").read_text(encoding="utf-8")
    import tomllib

    assert tomllib.loads(text) == {"build": {"publish": "site"}}
