"""Build the site in three steps, with the site generator as a black box in the middle.

    python -m build_scripts.build [--generator mkdocs|zensical] [--site-dir site] [--site-url URL]

1. the pre-pass (build_scripts/prepass): citations' pages, wheel, standard library archive,
   snapshot, and the generated fragments the pages include;
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


def run_generator(generator: str, site: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    if generator == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                   "--site-dir", str(site)]  # fmt: skip
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        return
    # Zensical has no --site-dir and wants site_dir inside the project: build into a folder
    # of our own there, named in a copy of mkdocs.yml, and move it to the target.
    scratch = ROOT / f".zensical-{os.getpid()}"
    config = scratch.with_suffix(".yml")
    config.write_text(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + f"\nsite_dir: {scratch.name}/site\n",
        encoding="utf-8",
    )
    try:
        command = [str(Path(sys.executable).with_name("zensical")), "build", "--strict",
                   "--clean", "-f", config.name]  # fmt: skip
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        shutil.move(scratch / "site", site)
    finally:
        config.unlink()
        shutil.rmtree(scratch, ignore_errors=True)


GENERATORS = ("mkdocs", "zensical")


def build(site: Path, site_url: str, generator: str = "mkdocs") -> None:
    site = site.resolve()
    made = prepass.run(site_url)
    if site.exists():
        shutil.rmtree(site)
    run_generator(generator, site, site_url)
    postpass.run(site, made)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", choices=GENERATORS, default="mkdocs")
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
