"""The Apache configuration for the built site: an `.htaccess` in the site's own folder, made
from build_scripts/host/headers.py by the post-pass (so it is in every build, for the address
the site was built for), for shared hosting where the site's folder is all a council can
change.

It needs mod_headers, mod_rewrite and mod_mime (Debian's apache2 enables mod_mime; `a2enmod
headers rewrite`), and `AllowOverride All` (or at least FileInfo, Indexes and Options) for the
folder. tests/test_host.py starts Debian's apache2 with it and checks what it sends.
"""

from __future__ import annotations

from build_scripts.host import headers

TEMPLATE = """\
# Apache configuration for the Working Together 2015 site, made by the build from
# build_scripts/host/headers.py and the built pages: do not edit by hand (build again). Needs
# mod_headers, mod_rewrite and mod_mime, and AllowOverride All for this folder. README,
# "Deploying".

Options -Indexes -MultiViews
DirectoryIndex index.html
ErrorDocument 404 {base}404.html
AddDefaultCharset utf-8

# The types this site serves: WebAssembly must be application/wasm for streaming
# compilation, and .mjs is JavaScript. A NAME.br or NAME.gz copy keeps NAME's type and is
# sent with its encoding (mime.types gives .gz a type of its own: removed here).
RemoveType .gz .br
{types}
AddEncoding br .br
AddEncoding gzip .gz

# The build made NAME.br and NAME.gz beside each file worth compressing: send the smaller
# one the browser accepts, and say that the answer depends on what it accepts.
RewriteEngine On
RewriteCond %{{HTTP:Accept-Encoding}} \\bbr\\b
RewriteCond %{{REQUEST_FILENAME}}.br -f
RewriteRule ^(.+)$ $1.br [L]
RewriteCond %{{HTTP:Accept-Encoding}} \\bgzip\\b
RewriteCond %{{REQUEST_FILENAME}}.gz -f
RewriteRule ^(.+)$ $1.gz [L]
RewriteRule \\.(br|gz)$ - [E=no-gzip:1,E=no-brotli:1]
Header always append Vary Accept-Encoding

# On every response, Apache's own error pages included.
{site_headers}
# Strict-Transport-Security only over HTTPS. It covers the whole host name for a year: serve
# nothing from this host over plain HTTP.
Header always set Strict-Transport-Security "{hsts}" "expr=%{{HTTPS}} == 'on'"

# Files whose address changes with their content are cached for a year; everything else is
# checked with the host on every use, and a missing file is never cached.
Header always set Cache-Control "{revalidate}"
Header always set Cache-Control "{immutable}" "expr={immutable_test}"
Header always set Cache-Control "no-store" "expr=%{{REQUEST_STATUS}} -ge 400"
"""

HSTS = "max-age=31536000"


def type_lines() -> str:
    return "\n".join(
        f"AddType {content_type} {extension}"
        for extension, content_type in headers.CONTENT_TYPES.items()
        if extension not in (".gz",)
    )


def immutable_test(base: str) -> str:
    """An Apache expression: the request's path is one of the immutable paths under `base`."""
    return " || ".join(f"%{{REQUEST_URI}} =~ m#{p}#" for p in headers.immutable_paths(base))


def render(hashes: list[str], site_url: str) -> str:
    base = headers.base_path(site_url)
    site_headers = "\n".join(
        f'Header always set {name} "{value}"'
        for name, value in headers.for_every_response(hashes).items()
    )
    return TEMPLATE.format(
        base=base,
        types=type_lines(),
        site_headers=site_headers,
        hsts=HSTS,
        revalidate=headers.REVALIDATE,
        immutable=headers.IMMUTABLE,
        immutable_test=immutable_test(base),
    )
