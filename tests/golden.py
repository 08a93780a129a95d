"""Reviewed records (approval tests): data a test produces is compared with a file under
tests/golden/ that a person has read. A change to any wording shows up as a diff to review;
`UPDATE_GOLDEN=1 pytest …` rewrites the records, and `git diff tests/golden` shows what
changed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent / "golden"


def matches(name: str, data: Any) -> Any:
    """The recorded data for `name` (after rewriting it, when asked to)."""
    path = FOLDER / name
    if os.environ.get("UPDATE_GOLDEN"):
        FOLDER.mkdir(exist_ok=True)
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def matches_text(name: str, text: str) -> str:
    """The recorded text for `name` (after rewriting it, when asked to)."""
    path = FOLDER / name
    if os.environ.get("UPDATE_GOLDEN"):
        FOLDER.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")
