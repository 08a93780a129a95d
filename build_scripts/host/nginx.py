"""The nginx configuration for the built site, made from build_scripts/host/headers.py.

`make deploy-config` writes deploy/nginx/working-together-2015.conf from a fresh build; a test
fails when the file in the repository differs from what the current build gives, so it cannot
drift from the pages' own policy. The tests also render it for a loopback port and a scratch
root, start Debian's nginx with it, and check what it sends.

python -m build_scripts.host.nginx --site site [--root /var/www/working-together-2015]
    [--listen 80] > deploy/nginx/working-together-2015.conf
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_scripts.host import headers

ROOT_DIR = "/var/www/working-together-2015"
LISTEN = "80"

TEMPLATE = """\
# nginx configuration for the Working Together 2015 site: made by `make deploy-config` from
# build_scripts/host/headers.py and the built pages. Do not edit by hand: a test compares it
# with what the current build gives. How to use it: README, "Deploying".
#
# Needs Debian's nginx (or nginx-light) with libnginx-mod-http-brotli-static, which serves the
# .br files the build makes (gzip_static is built in). Copy the built site/ to the root below.
# Put your TLS settings (listen 443 ssl, certificates) where marked. Remove Debian's
# /etc/nginx/sites-enabled/default: it also claims `server_name _` and would win.

# Strict-Transport-Security only over HTTPS (nginx sends no header whose value is empty). It
# covers the whole host name for a year: serve nothing from this host over plain HTTP.
map $scheme $working_together_2015_hsts {{
    https "{hsts}";
    default "";
}}

server {{
    listen {listen};
    server_name _;
    # TLS: listen 443 ssl; ssl_certificate ...; ssl_certificate_key ...;
    root {root};
    index index.html;
    server_tokens off;
    absolute_redirect off;  # "/allegations" -> "/allegations/", whatever the scheme in front
    charset utf-8;
    charset_types text/css text/javascript application/javascript application/json;

    # The build made NAME.br and NAME.gz beside each file worth compressing.
    brotli_static on;
    gzip_static on;
    gzip_vary on;

    # The types this site serves (a types block here replaces the http level's): WebAssembly
    # must be application/wasm for streaming compilation, and .mjs is JavaScript.
    types {{
{types}
    }}
    default_type application/octet-stream;

    error_page 404 {base}404.html;

    # nginx's own error responses (400, 414, ...) are made here, outside every location: the
    # same headers, and never cached.
{server_headers}

    # add_header in a location replaces the server's, so each location states them all.
{locations}
}}
"""

LOCATION = """\
    location {match} {{
{headers}
    }}
"""


HSTS = "max-age=31536000"


def header_lines(site_headers: dict[str, str], cache: str, indent: str = "        ") -> str:
    lines = [(name, f'"{value}"') for name, value in site_headers.items()]
    lines += [
        ("Strict-Transport-Security", "$working_together_2015_hsts"),
        ("Cache-Control", f'"{cache}"'),
    ]
    return "\n".join(f"{indent}add_header {name} {value} always;" for name, value in lines)


def type_lines() -> str:
    """headers.CONTENT_TYPES as nginx's types block: each type with its extensions."""
    by_type: dict[str, list[str]] = {}
    for extension, content_type in headers.CONTENT_TYPES.items():
        by_type.setdefault(content_type, []).append(extension.lstrip("."))
    return "\n".join(f"        {t} {' '.join(e)};" for t, e in by_type.items())


def render(site: Path, root: str = ROOT_DIR, listen: str = LISTEN) -> str:
    site_headers = headers.for_every_response(headers.site_hashes(site))
    base = headers.base_path(headers.built_for(site))
    locations = [LOCATION.format(match="/", headers=header_lines(site_headers, headers.REVALIDATE))]
    for pattern in headers.immutable_paths(base):
        locations.append(
            LOCATION.format(
                match=f'~ "{pattern}"', headers=header_lines(site_headers, headers.IMMUTABLE)
            )
        )
    return TEMPLATE.format(
        listen=listen,
        root=root,
        base=base,
        types=type_lines(),
        hsts=HSTS,
        server_headers=header_lines(site_headers, "no-store", indent="    "),
        locations="\n".join(locations).rstrip(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--root", default=ROOT_DIR)
    parser.add_argument("--listen", default=LISTEN)
    args = parser.parse_args()
    print(render(args.site, args.root, args.listen), end="")


if __name__ == "__main__":
    main()
