"""The Caddy configuration for the built site, made from build_scripts/host/headers.py.

`make deploy-config` writes deploy/caddy/Caddyfile from a fresh build, and a test fails when
the file in the repository differs from what the current build gives. The tests also render it
for a loopback port and a scratch root, start Debian's caddy with it, and check what it sends.

python -m build_scripts.host.caddy --site site [--root /var/www/working-together-2015]
    [--address example.org] > deploy/caddy/Caddyfile
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_scripts.host import headers

ROOT_DIR = "/var/www/working-together-2015"
ADDRESS = "example.org"
HSTS = "max-age=31536000"

TEMPLATE = """\
# Caddy configuration for the Working Together 2015 site: made by `make deploy-config` from
# build_scripts/host/headers.py and the built pages. Do not edit by hand: a test compares it
# with what the current build gives. How to use it: README, "Deploying".
#
# Put your host name in place of {address}: Caddy then gets and renews its certificate and
# redirects plain HTTP to HTTPS by itself. Copy the built site/ to the root below.

# The headers every response carries, the site's 404 page included.
(working_together_2015_headers) {{
    header {{
{site_headers}
        -Server
    }}
    # Strict-Transport-Security only over HTTPS (@https: defined in the site below). It covers
    # the whole host name for a year: serve nothing from this host over plain HTTP.
    header @https Strict-Transport-Security "{hsts}"
}}

{address} {{
{body}
}}
"""

BODY = """\
    root * {root}
    @https protocol https
    # The build made NAME.br and NAME.gz beside each file worth compressing.
    file_server {{
        precompressed br gzip
    }}

    # WebAssembly must be application/wasm for streaming compilation, and .mjs is JavaScript
    # (Caddy takes types from the system's table, which may lack them).
{types}

    import working_together_2015_headers
    # "?" sets Cache-Control only where the line below has not set it.
    header ?Cache-Control "{revalidate}"
    # Files whose address changes with their content are cached for a year.
    @immutable path_regexp {immutable}
    header @immutable Cache-Control "{immutable_cache}"

    # The site's own 404 page for a missing file, never cached.
    handle_errors {{
        @missing expression {{http.error.status_code}} == 404
        rewrite @missing {base}404.html
        import working_together_2015_headers
        header Cache-Control "no-store"
        file_server
    }}
"""


def type_lines() -> str:
    lines = []
    for extension, content_type in headers.CONTENT_TYPES.items():
        if extension in (".wasm", ".mjs", ".js"):
            name = "type_" + extension.lstrip(".")
            lines.append(f"    @{name} path *{extension}")
            lines.append(f'    header @{name} Content-Type "{content_type}"')
    return "\n".join(lines)


def body(root: str, base: str) -> str:
    return BODY.format(
        root=root,
        base=base,
        types=type_lines(),
        revalidate=headers.REVALIDATE,
        immutable="(" + "|".join(headers.immutable_paths(base)) + ")",
        immutable_cache=headers.IMMUTABLE,
    )


def render(site: Path, root: str = ROOT_DIR, address: str = ADDRESS) -> str:
    site_headers = headers.for_every_response(headers.site_hashes(site))
    return TEMPLATE.format(
        address=address,
        site_headers="\n".join(f'        {name} "{value}"' for name, value in site_headers.items()),
        hsts=HSTS,
        body=body(root, headers.base_path(headers.built_for(site))).rstrip("\n"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--root", default=ROOT_DIR)
    parser.add_argument("--address", default=ADDRESS)
    args = parser.parse_args()
    print(render(args.site, args.root, args.address), end="")


if __name__ == "__main__":
    main()
