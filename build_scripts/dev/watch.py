"""`make watch`: the preview loop for authors. Builds the site, serves it as `make serve` does
(the checkers working, the CSP and the paragraph links in place), and rebuilds on every save:

- a change to a page, the overrides or mkdocs.yml (docs/, overrides/, mkdocs.yml) runs the
  generator and the post-pass again, on the fragments the last build made (seconds);
- a change to what the fragments are made from (checkers/, examples/, includes/, sources/)
  runs the whole build.

No compressed copies are made but the two the runtime always ships as (postpass/pack.py).
Each build runs in a process of its own, into a folder beside the site, which then takes the
site's place whole: the server never shows half a build, and a build that fails leaves the
last one served, its error printed. Reload the page in the browser to see a change.

python -m build_scripts.dev.watch [--port 8000] [--dir site]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from build_scripts.dev.serve import make_server
from build_scripts.host import headers

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("docs", "overrides", "mkdocs.yml")
FRAGMENTS = ("checkers", "examples", "includes", "sources")
POLL_SECONDS = 0.4


def files_under(names: Iterable[str]) -> dict[Path, float]:
    """Each file's modification time, under the watched names (caches and editors' swap files
    apart)."""
    found = {}
    for name in names:
        top = ROOT / name
        for path in [top] if top.is_file() else top.rglob("*"):
            if (
                path.is_file()
                and "__pycache__" not in path.parts
                and not path.name.endswith(("~", ".swp", ".swx"))
            ):
                found[path] = path.stat().st_mtime
    return found


def changed(before: dict[Path, float], after: dict[Path, float]) -> set[Path]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


class Preview:
    def __init__(self, site: Path, site_url: str) -> None:
        self.site = site.resolve()
        self.site_url = site_url
        self.work = Path(tempfile.mkdtemp(prefix="wt2015-watch-"))
        self.fragments_made = False
        self.after = self.site.with_name(self.site.name + ".next")
        self.before = self.site.with_name(self.site.name + ".before")

    def build(self, pages_only: bool) -> bool:
        """One build into a folder beside the site, which then replaces it; False if it
        failed (the site served stays as it was)."""
        pages_only = pages_only and self.fragments_made
        after, before = self.after, self.before
        command = [sys.executable, "-m", "build_scripts.build", "--out", str(after),
                   "--site-url", self.site_url, "--no-compressed-copies", "--work",
                   str(self.work)] + (["--pages-only"] if pages_only else [])  # fmt: skip
        started = time.monotonic()
        what = "pages" if pages_only else "everything"
        print(f"watch: building ({what})…", flush=True)
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            print("watch: the build failed (above); still serving the last one", flush=True)
            # (a whole build that failed may have left its fragments half made)
            self.fragments_made = self.fragments_made and pages_only
            return False
        self.fragments_made = True
        shutil.rmtree(before, ignore_errors=True)
        if self.site.exists():
            self.site.rename(before)
        after.rename(self.site)
        shutil.rmtree(before, ignore_errors=True)
        print(f"watch: built in {time.monotonic() - started:.1f} s; reload the page", flush=True)
        return True

    def close(self) -> None:
        """Nothing left behind but the site: the scratch folder, and a failed build's folder."""
        for folder in (self.work, self.after, self.before):
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    site_url = f"http://127.0.0.1:{args.port}/"
    preview = Preview(args.dir, site_url)
    seen = files_under(PAGES + FRAGMENTS)
    if not preview.build(pages_only=False) and not preview.site.exists():
        preview.close()
        return 1
    server = make_server(preview.site, args.port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"watch: serving {site_url} (Ctrl-C to stop); watching {', '.join(PAGES + FRAGMENTS)}")
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = files_under(PAGES + FRAGMENTS)
            edits = changed(seen, now)
            if not edits:
                continue
            seen = now  # (a save during the build is seen at the next look, and built then)
            pages_only = all(p.relative_to(ROOT).parts[0] in PAGES for p in edits)
            if preview.build(pages_only):
                # the page's policy lists its inline scripts' hashes: the header follows
                server.site_headers = headers.for_every_response(headers.site_hashes(preview.site))
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        preview.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
