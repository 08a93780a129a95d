"""The configurations for hosts that read them from the published folder, made from
build_scripts/host/headers.py by the post-pass for the address the site is built for:

- `_headers` for Netlify and Cloudflare Pages (both read it from the published folder);
- `web.config` for IIS (Windows Server, common on council hosting).

Neither host serves the build's `.br`/`.gz` copies: both compress by themselves (IIS with its
static compression module), so a build for them can leave the copies out
(`--no-compressed-copies`). Each rule sets Cache-Control for the versioned files only: both
hosts revalidate everything else by default.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

from build_scripts.host import headers

# Where the immutable files are, as the hosts' path rules can say it: the runtime's folders,
# each named after its bytes, and Material's hashed bundles (found in the built site: the
# rules cannot say "eight hex digits").
RUNTIME_FOLDERS = ("assets/pyodide", "assets/py")


def immutable_rules(site: Path) -> list[str]:
    """Each immutable path, from the site's root without the leading slash: a runtime
    folder ("assets/py/<digest>/") or one of Material's hashed files."""
    rules = [
        f"{folder}/{digest.name}/"
        for folder in RUNTIME_FOLDERS
        for digest in sorted((site / folder).iterdir())
        if digest.is_dir()
    ]
    material = re.compile(headers.IMMUTABLE_PATHS[2])
    for path in sorted(site.glob("assets/*/**/*")):
        address = "/" + path.relative_to(site).as_posix()
        if path.is_file() and material.match(address) and not address.endswith((".br", ".gz")):
            rules.append(address.lstrip("/"))
    return rules


def netlify_headers(site: Path, site_url: str) -> str:
    """`_headers`: Netlify's and Cloudflare Pages' format (a path, then its headers indented).
    Cloudflare merges a header set by two matching rules unless the later one detaches it
    with "! Name", which Netlify does not read: so Cache-Control is only ever set once."""
    base = headers.base_path(site_url)
    lines = [
        "# Netlify and Cloudflare Pages: made by the build from build_scripts/host/headers.py.",
        '# Do not edit by hand (build again). README, "Deploying".',
        f"{base}*",
    ]
    lines += [f"  {name}: {value}" for name, value in
              headers.for_every_response(headers.site_hashes(site)).items()]  # fmt: skip
    lines.append(f"  Strict-Transport-Security: {HSTS}")
    for rule in immutable_rules(site):
        lines += [f"{base}{rule}{'*' if rule.endswith('/') else ''}",
                  f"  Cache-Control: {headers.IMMUTABLE}"]  # fmt: skip
    return "\n".join(lines) + "\n"


HSTS = "max-age=31536000"  # both hosts serve HTTPS only

WEB_CONFIG = """\
<?xml version="1.0" encoding="utf-8"?>
<!-- IIS: made by the build from build_scripts/host/headers.py. Do not edit by hand (build
     again). Needs IIS 10 with static content; HTTPS is set on the site's binding, where
     HSTS is set too (IIS 10.0 1709 and later: hsts enabled="true"). README, "Deploying". -->
<configuration>
  <system.webServer>
    <staticContent>
{types}
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <remove name="X-Powered-By" />
{site_headers}
        <add name="Cache-Control" value="{revalidate}" />
      </customHeaders>
    </httpProtocol>
    <httpErrors errorMode="Custom" existingResponse="Replace">
      <remove statusCode="404" />
      <error statusCode="404" path="{base}404.html" responseMode="ExecuteURL" />
    </httpErrors>
  </system.webServer>
{locations}
</configuration>
"""

LOCATION = """\
  <location path={path}>
    <system.webServer>
      <httpProtocol>
        <customHeaders>
          <remove name="Cache-Control" />
          <add name="Cache-Control" value="{immutable}" />
        </customHeaders>
      </httpProtocol>
    </system.webServer>
  </location>"""


def web_config(site: Path, site_url: str) -> str:
    types = "\n".join(
        f'      <remove fileExtension="{ext}" />\n'
        f'      <mimeMap fileExtension="{ext}" mimeType="{content_type}" />'
        for ext, content_type in headers.CONTENT_TYPES.items()
    )
    site_headers = "\n".join(
        f"        <add name={quoteattr(name)} value={quoteattr(value)} />"
        for name, value in headers.for_every_response(headers.site_hashes(site)).items()
    )
    locations = "\n".join(
        LOCATION.format(path=quoteattr(rule.rstrip("/")), immutable=headers.IMMUTABLE)
        for rule in immutable_rules(site)
    )
    return WEB_CONFIG.format(
        types=types,
        site_headers=site_headers,
        revalidate=headers.REVALIDATE,
        base=headers.base_path(site_url),
        locations=locations,
    )
