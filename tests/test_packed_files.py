"""Files every host can carry: the archive and the snapshot ship compressed only
(build_scripts/postpass/pack.py), no file is over 20 MiB, and on a host that compresses
nothing the worker fetches the .gz copies and unpacks them itself, a next visit included.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest
from playwright.sync_api import Browser

from build_scripts.dev.bench import STORED
from build_scripts.dev.serve import make_server
from build_scripts.postpass.pack import LIMIT

from .browser_helpers import answer, submit_and_wait
from .test_browser import NOTIFIABLE
from .test_self_healing import recorded_digests

PACKED = ("python.zip", "snapshot.bin")


@pytest.mark.build
def test_a_file_to_pack_that_is_already_gzip_is_refused_in_one_line(tmp_path):
    """The worker tells a copy still packed from an unpacked one by gzip's first two bytes, so
    a file to ship that starts with them would be unpacked twice: the build refuses it."""
    from build_scripts import postpass

    (tmp_path / "snapshot.bin").write_bytes(gzip.compress(b"Python"))
    made = type("Made", (), {"packed": lambda self: ["snapshot.bin"]})()
    with pytest.raises(postpass.PostpassError) as caught:
        postpass.ship_packed(tmp_path, made)
    assert str(caught.value) == "post-pass: snapshot.bin starts as a gzip file would"


def test_no_file_is_over_20_mib_and_each_packed_file_unpacks_to_its_digest(site):
    largest = max(site.dir.rglob("*"), key=lambda p: p.stat().st_size if p.is_file() else 0)
    assert largest.stat().st_size <= LIMIT == 20 * 1024 * 1024, largest
    digests = recorded_digests(site)
    for name in PACKED:
        (url,) = [u for u in digests if u.endswith("/" + name)]
        path = site.dir / url.removeprefix(site.url)
        assert not path.exists(), "shipped compressed only"
        for suffix, unpack in ((".gz", gzip.decompress), (".br", brotli.decompress)):
            data = unpack(path.with_name(name + suffix).read_bytes())
            assert hashlib.sha256(data).hexdigest() == digests[url], (name, suffix)
            assert not data.startswith(b"\x1f\x8b")  # the worker tells packed bytes by this


def serve(folder: Path, plain: bool) -> tuple[object, str]:
    server = make_server(folder, plain=plain)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def fetch(url: str, encodings: str) -> tuple[int, str | None, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encodings})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers["Content-Encoding"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, None, b""


def test_make_serve_sends_a_copy_for_a_file_shipped_only_as_copies_and_plain_sends_none(
    tmp_path,
):
    data = b"the file's own bytes " * 100
    (tmp_path / "x.bin.br").write_bytes(brotli.compress(data))
    (tmp_path / "x.bin.gz").write_bytes(gzip.compress(data))
    (tmp_path / "404.html").write_text("missing", encoding="utf-8")
    server, url = serve(tmp_path, plain=False)
    try:
        status, encoding, body = fetch(url + "x.bin", "gzip, deflate, br")
        assert (status, encoding, brotli.decompress(body)) == (200, "br", data)
        status, encoding, body = fetch(url + "x.bin", "gzip")
        assert (status, encoding, gzip.decompress(body)) == (200, "gzip", data)
        assert fetch(url + "x.bin", "identity")[0] == 404
    finally:
        server.shutdown()
    server, url = serve(tmp_path, plain=True)
    try:
        assert fetch(url + "x.bin", "gzip, br")[0] == 404
        status, encoding, body = fetch(url + "x.bin.gz", "gzip, br")
        assert (status, encoding, gzip.decompress(body)) == (200, None, data)
    finally:
        server.shutdown()


@pytest.mark.browser
def test_on_a_host_that_compresses_nothing_the_checkers_start_and_come_back_offline(
    browser: Browser, site
):
    """The site as a host with no compression serves it (GitHub Pages' raw files, a bucket):
    the archive's address is missing, so its .gz copy is fetched and unpacked in the worker;
    the snapshot is kept as its .gz copy; the next visit starts from it, offline too."""
    server, url = serve(site.dir, plain=True)
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        sent: dict[str, int] = {}
        page.on("response", lambda r: sent.setdefault(r.url.rsplit("/", 1)[1], r.status))
        page.goto(url + "draft-and-final/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.goto(url + "notifiable-incidents/")
        answer(page, "notifiable-incident", NOTIFIABLE)
        assert submit_and_wait(page, "notifiable-incident") == "notifiable"
        assert page.evaluate("document.documentElement.dataset.pythonStart") == "normal"
        assert (sent.get("python.zip"), sent.get("python.zip.gz")) == (404, 200)
        address = page.locator("form[data-checker]").first.get_attribute("data-snapshot")
        snapshot = url + address
        page.wait_for_function(f"() => caches.match({snapshot + '.gz'!r})", timeout=60_000)
        assert not page.evaluate(STORED, snapshot)
        for offline in (False, True):
            context.set_offline(offline)
            page = context.new_page()
            page.goto(url + "notifiable-incidents/")
            answer(page, "notifiable-incident", NOTIFIABLE)
            assert submit_and_wait(page, "notifiable-incident") == "notifiable"
            assert page.evaluate("document.documentElement.dataset.pythonStart") == "snapshot"
    finally:
        context.close()
        server.shutdown()
