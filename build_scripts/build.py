"""Build the site in three steps, with the site generator as a black box in the middle.

    python -m build_scripts.build [--generator mkdocs|zensical] [--out site] [--site-url URL]

1. the pre-pass (build_scripts/prepass): citations' pages, wheel, standard library archive,
   snapshot, and the generated fragments the pages include;
2. the generator: `mkdocs build --strict` (or `zensical build --strict`), which knows nothing
   of the checkers;
3. the post-pass (build_scripts/postpass) over the built HTML: paragraph links, citations
   against the built ids, CSP, and the runtime copied in.

A build is a function from the sources to one output folder: it writes only there, into a
scratch folder of its own (the fragments, and the generator's configuration derived from
mkdocs.yml so that the snippets are read from the scratch folder), and into the runtime's
content-addressed cache (.cache/runtime/<digest>/). The checkout is left as it was, and two
builds can run at once. `make build` runs this. Nothing here depends on a generator's plugin or
hook interface.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts import postpass, prepass

ROOT = Path(__file__).resolve().parent.parent


# The lines of mkdocs.yml the derived configuration rewrites: each must be there as written.
CONFIG_EDITS = {
    "  custom_dir: overrides\n": "  custom_dir: {overrides}\n",
    "      check_paths: true\n": "      check_paths: true\n      base_path:\n        - {work}\n",
    # (the hook says to run the build instead of MkDocs alone: not for the build itself)
    "hooks:\n  - build_scripts/dev/mkdocs_hint.py\n": "",
}


def derived_config(
    work: Path, site: Path, docs: Path = ROOT / "docs", overrides: Path = ROOT / "overrides"
) -> Path:
    # (relative `site` and `docs` are read from `work`, where the configuration is)
    """mkdocs.yml as this build reads it: the pages and overrides from the checkout, the
    snippets (the repository's includes and the pre-pass's fragments) from `work`."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for line, edited in CONFIG_EDITS.items():
        if line not in text:
            raise prepass.PrepassError(f"mkdocs.yml no longer has the line {line.strip()!r}")
        text = text.replace(line, edited.format(overrides=overrides, work=work))
    text = f"docs_dir: {docs}\nsite_dir: {site}\n" + text
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def source_date_epoch() -> str:
    """The date a build stamps on its pages (the sitemap's lastmod): the last commit's, so that
    a build does not depend on the day it runs (two builds either side of midnight once
    differed). SOURCE_DATE_EPOCH, where set, wins, as the reproducible-builds convention has
    it; outside a git checkout the generators fall back to the day of the build."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                             capture_output=True, text=True)  # fmt: skip
    except OSError:  # no git on this machine
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def run_generator(generator: str, site: Path, site_url: str, work: Path) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    if epoch := source_date_epoch():
        env["SOURCE_DATE_EPOCH"] = epoch
    if generator == "mkdocs":
        config = derived_config(work, site)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                   "-f", str(config)]  # fmt: skip
        subprocess.run(command, cwd=work, env=env, check=True)
        return
    # Zensical wants docs_dir and site_dir inside the folder its configuration is in (a link
    # to the checkout's docs/ is followed and refused): the work folder holds a copy of the
    # pages, Zensical builds there, and the result moves to the target.
    shutil.copytree(ROOT / "docs", work / "docs")
    # Material's own partials, copied into overrides/partials/ to change a line, are not
    # Zensical's: its templates keep their own.
    overrides = work / "overrides"
    shutil.copytree(ROOT / "overrides", overrides, ignore=shutil.ignore_patterns("partials"))
    config = derived_config(work, Path("site"), docs=Path("docs"), overrides=overrides)
    command = [str(Path(sys.executable).with_name("zensical")), "build", "--strict",
               "--clean", "-f", str(config)]  # fmt: skip
    subprocess.run(command, cwd=work, env=env, check=True)
    shutil.move(work / "site", site)


GENERATORS = ("mkdocs", "zensical")


def build(
    site: Path,
    site_url: str,
    generator: str = "mkdocs",
    compressed_copies: bool = True,
    work: Path | None = None,
    pages_only: bool = False,
) -> None:
    """`compressed_copies`: make the .br and .gz copies a host such as nginx serves in place
    of a file (leave them out for a host that compresses by itself or ignores them).
    `work`: a scratch folder kept between builds (`make watch`'s) instead of a new one;
    `pages_only`: its fragments are kept from the last build (only pages changed since)."""
    site = site.resolve()
    with contextlib.ExitStack() as stack:
        if work is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="wt2015-build-")))
        else:
            # the generator's configuration and copies are made afresh; kept fragments stay
            for made_before in ("mkdocs.yml", "docs", "site"):
                shutil.rmtree(work / made_before, ignore_errors=True)
                (work / made_before).unlink(missing_ok=True)
            if not pages_only:
                shutil.rmtree(work / "includes", ignore_errors=True)
        made = prepass.run(site_url, work, fragments_made=pages_only)
        if site.exists():
            shutil.rmtree(site)
        run_generator(generator, site, site_url, work)
        postpass.run(site, made, work, site_url, compressed_copies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", choices=GENERATORS, default="mkdocs")
    parser.add_argument("--out", "--site-dir", dest="site_dir", type=Path, default=ROOT / "site")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    parser.add_argument(
        "--no-compressed-copies", dest="compressed_copies", action="store_false",
        help="leave out the .br and .gz copies (for a host that ignores them)",
    )  # fmt: skip
    parser.add_argument("--work", type=Path, help="a scratch folder to keep between builds")
    parser.add_argument(
        "--pages-only", action="store_true",
        help="keep the fragments already in --work (only pages changed since they were made)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.pages_only and not args.work:
        parser.error("--pages-only needs --work")
    try:
        build(args.site_dir, args.site_url, args.generator, args.compressed_copies,
              args.work, args.pages_only)  # fmt: skip
    except (prepass.PrepassError, postpass.PostpassError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"error: the generator failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
