"""A build for publishing, end to end: made for https://example.org/wt2015/ (`make build
SITE_URL=…`), served under that path by nginx over HTTPS (a self-signed certificate on
loopback, and Chromium told that example.org is this machine), it answers a check there, and
every address it prints or encodes is the production one: canonical links, the sitemap, the
charts' credit lines, and every QR code, read back from its pixels.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from .browser_helpers import answer, submit_and_wait
from .conftest import CHROMIUM, CHROMIUM_ARGS, build_site
from .test_browser import NOTIFIABLE
from .test_host import start_https_nginx
from .test_other_hosts import start_apache, start_caddy, start_wrangler, stop

ADDRESS = "https://example.org/wt2015/"
TEXT = (".html", ".xml", ".svg", ".txt", ".json", ".js", ".mjs", ".css")

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published") / "site"
    build_site(out, ADDRESS)
    return out


def test_every_address_it_prints_is_the_production_one(published):
    sitemap = re.findall(r"<loc>([^<]+)</loc>", (published / "sitemap.xml").read_text())
    assert len(sitemap) > 10 and all(url.startswith(ADDRESS) for url in sitemap), sitemap[:3]
    for url in sitemap:  # each page's canonical link is its own production address
        html = (published / url.removeprefix(ADDRESS) / "index.html").read_text()
        assert f'<link rel="canonical" href="{url}"' in html, url
    charts = sorted((published / "assets" / "flowcharts").glob("*.svg"))
    assert charts and all(ADDRESS in chart.read_text() for chart in charts)
    for path in published.rglob("*"):
        if path.suffix in TEXT:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "127.0.0.1" not in text and "Preview build" not in text, path


@pytest.fixture(scope="module")
def served(published, tmp_path_factory):
    """nginx over HTTPS on a loopback port, the site under /wt2015/ of its root."""
    tmp = tmp_path_factory.mktemp("nginx-published")
    root = tmp / "www"
    root.mkdir()
    (root / "wt2015").symlink_to(published)
    server, port = start_https_nginx(published, tmp, root, "example.org")
    yield port
    server.terminate()
    server.wait()


@pytest.fixture(scope="module")
def production_browser(browser_type, served):
    """Chromium for which example.org is the loopback nginx (its certificate is self-signed:
    the one error it is told to overlook)."""
    browser = browser_type.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, f"--host-resolver-rules=MAP example.org:443 127.0.0.1:{served}",
        "--ignore-certificate-errors",
    ])  # fmt: skip
    yield browser
    browser.close()


@pytest.mark.browser
def test_every_qr_code_reads_as_a_production_address(production_browser, published):
    handouts = sorted((published / "handouts").rglob("index.html"))
    assert handouts
    page = production_browser.new_page()
    read = 0
    for path in handouts:
        page.goto(ADDRESS + path.parent.relative_to(published).as_posix() + "/")
        codes = page.locator("svg[data-qr]")
        for i in range(codes.count()):
            code = codes.nth(i)
            code.scroll_into_view_if_needed()
            image = Image.open(io.BytesIO(code.screenshot(scale="device")))
            (decoded,) = [r.text for r in zxingcpp.read_barcodes(image)]
            assert decoded == code.get_attribute("data-qr"), path
            assert decoded.startswith(ADDRESS), decoded
            read += 1
        assert "Preview build" not in page.content()
    assert read >= len(handouts)
    page.close()


def answers_under(browser, address: str) -> None:
    """A check answers at `address` (the site's root there), its service worker's scope is
    that address, and no request goes anywhere else."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    elsewhere = []
    page.on("request", lambda r: r.url.startswith(address) or elsewhere.append(r.url))
    page.goto(address + "notifiable-incidents/")
    answer(page, "notifiable-incident", NOTIFIABLE)
    assert submit_and_wait(page, "notifiable-incident") == "notifiable"
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)") == address
    assert not [url for url in elsewhere if not url.startswith("data:")], elsewhere
    context.close()


@pytest.mark.browser
def test_a_check_answers_at_the_production_address(production_browser):
    answers_under(production_browser, ADDRESS)


@pytest.mark.browser
@pytest.mark.parametrize("host", ["apache", "caddy", "wrangler"])
def test_a_check_answers_under_the_sub_path_on_each_host(browser, published, tmp_path, host):
    """The same build under /wt2015/ of each other host served here (on loopback over plain
    HTTP, which browsers treat as secure), with its configuration made for that address. On
    Cloudflare Pages the published folder holds the site as wt2015/ and `_headers` at its top,
    where Cloudflare reads it."""
    if host == "apache":  # in a folder Apache's www-data can reach (pytest's are private)
        tmp_path = Path(tempfile.mkdtemp(prefix="wt2015-apache-"))
        tmp_path.chmod(0o755)
        server, address = start_apache(published, tmp_path, under="wt2015")
    else:
        folder = tmp_path / "www"
        folder.mkdir()
        subprocess.run(["cp", "-al", str(published), str(folder / "wt2015")], check=True)
        if host == "caddy":
            server, port = start_caddy(published, tmp_path, folder)
        else:
            (folder / "wt2015" / "_headers").rename(folder / "_headers")
            server, port = start_wrangler(folder, tmp_path)
        address = f"http://127.0.0.1:{port}/wt2015/"
    try:
        answers_under(browser, address)
    finally:
        stop(server)
        if host == "apache":
            shutil.rmtree(tmp_path, ignore_errors=True)
