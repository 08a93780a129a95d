"""The web app manifest, so that a browser offers to install the site (the service worker
already lets it work offline): `manifest.webmanifest` at the site's root, with its name and
description from mkdocs.yml, its start and scope the address the site is built for, and two
icons drawn here with Pillow (192 and 512 px, their lettering inside the middle 80% so that
they can be masked to a circle). Every page links it (overrides/main.html); the CSP's
`manifest-src 'self'` allows it."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
NAME = "manifest.webmanifest"
ICONS = "assets/icons"
SIZES = (192, 512)
THEME = "#0b4f8a"  # the header's colour (docs/css/site.css: --md-primary-fg-color)
BACKGROUND = "#ffffff"


def site_text() -> dict[str, str]:
    """site_name and site_description from mkdocs.yml (its !ENV tags read as nothing)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return {"name": config["site_name"], "description": config["site_description"].strip()}


def icon(size: int) -> bytes:
    """The site's initials and year, white on the header's blue: the same bytes every build."""
    image = Image.new("RGB", (size, size), THEME)
    draw = ImageDraw.Draw(image)
    for text, height, middle in (("WT", 0.30, 0.44), ("2015", 0.14, 0.68)):
        font = ImageFont.load_default(size=round(size * height))
        draw.text((size / 2, size * middle), text, fill="#ffffff", font=font, anchor="mm")
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def manifest(site_url: str) -> dict:
    path = urlsplit(site_url).path or "/"
    text = site_text()
    return {
        "name": text["name"],
        "short_name": "WT 2015",
        "description": text["description"],
        "lang": "en-GB",
        "start_url": path,
        "scope": path,
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": [  # each icon serves as itself and masked (Chromium warns on "any maskable")
            {
                "src": f"{path}{ICONS}/icon-{size}.png",
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for purpose in ("any", "maskable")
            for size in SIZES
        ],
    }


def write(site: Path, site_url: str) -> None:
    (site / ICONS).mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        (site / ICONS / f"icon-{size}.png").write_bytes(icon(size))
    text = json.dumps(manifest(site_url), indent=1, ensure_ascii=False) + "\n"
    (site / NAME).write_text(text, encoding="utf-8")
