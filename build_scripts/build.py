"""Build the site in three steps, with the site generator as a black box in the middle.

    python -m build_scripts.build [--generator mkdocs|zensical] [--site-dir site] [--site-url URL]

1. the pre-pass (build_scripts/prepass): citations' pages, wheel, snapshot, and the generated
   fragments the pages include;
2. the generator: `mkdocs build --strict` (or `zensical build --strict`), which knows nothing
   of the checkers;
3. the post-pass (build_scripts/postpass) over the built HTML: paragraph links, citations
   against the built ids, CSP, and the runtime copied in.

`make build` runs this. Nothing here depends on a generator's plugin or hook interface.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from build_scripts import postpass, prepass

ROOT = Path(__file__).resolve().parent.parent
GENERATORS = {
    "mkdocs": lambda site: [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                            "--site-dir", str(site)],
    # Zensical writes to the config's site_dir ("site"); it is moved to the target after.
    "zensical": lambda site: [str(Path(sys.executable).with_name("zensical")), "build",
                              "--strict", "--clean", "-f", "mkdocs.yml"],
}  # fmt: skip


def build(site: Path, site_url: str, generator: str = "mkdocs") -> None:
    site = site.resolve()
    wheel = prepass.run()
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    if site.exists():
        shutil.rmtree(site)
    subprocess.run(GENERATORS[generator](site), cwd=ROOT, env=env, check=True)
    if generator == "zensical" and site != ROOT / "site":
        shutil.move(ROOT / "site", site)
    postpass.run(site, wheel)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", choices=sorted(GENERATORS), default="mkdocs")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    args = parser.parse_args(argv)
    try:
        build(args.site_dir, args.site_url, args.generator)
    except (prepass.PrepassError, postpass.PostpassError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"error: the generator failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
