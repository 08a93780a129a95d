"""The site can be installed as an app: a web app manifest linked from every page, its icons
made at build time, its start and scope the address the site is built for, and Chromium's own
installability check (read through the DevTools protocol) finding nothing missing."""

from __future__ import annotations

import json
import struct

import pytest

from build_scripts.postpass import manifest

from .test_site_build import pages


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_manifest_names_the_site_and_its_address(site):
    found = json.loads((site.dir / manifest.NAME).read_text(encoding="utf-8"))
    assert found["name"] == "Working Together 2015"
    assert found["start_url"] == found["scope"] == "/"  # the test build's address is a root
    assert found["display"] == "standalone"
    sizes = set()
    for icon in found["icons"]:
        data = (site.dir / icon["src"].lstrip("/")).read_bytes()
        assert png_size(data) == tuple(int(n) for n in icon["sizes"].split("x"))
        sizes.add((icon["sizes"], icon["purpose"]))
    assert sizes == {(f"{n}x{n}", p) for n in (192, 512) for p in ("any", "maskable")}


def test_a_sub_path_build_starts_and_stays_under_its_path():
    found = manifest.manifest("https://example.org/wt2015/")
    assert found["start_url"] == found["scope"] == "/wt2015/"
    assert all(icon["src"].startswith("/wt2015/assets/icons/") for icon in found["icons"])


def test_the_icons_are_the_same_bytes_every_build():
    assert manifest.icon(192) == manifest.icon(192)
    assert png_size(manifest.icon(512)) == (512, 512)


def test_every_page_links_the_manifest(site):
    for page in pages(site):
        if "assets" in page.relative_to(site.dir).parts:
            continue
        html = page.read_text(encoding="utf-8")
        assert 'rel="manifest"' in html and "manifest.webmanifest" in html, page


@pytest.mark.browser
def test_chromium_finds_the_site_installable(playwright, browser_type_launch_args, site, tmp_path):
    """In a profile of its own (Chromium never offers to install from an incognito context,
    which is what Playwright's contexts are)."""
    context = playwright.chromium.launch_persistent_context(
        tmp_path / "profile", **browser_type_launch_args
    )
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda m: messages.append(m.text) if "anifest" in m.text else None)
        page.goto(site.url)
        page.wait_for_load_state("load")
        cdp = context.new_cdp_session(page)
        app = cdp.send("Page.getAppManifest")
        assert app["url"] == site.url + manifest.NAME
        assert app["errors"] == [] and messages == []
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    finally:
        context.close()
