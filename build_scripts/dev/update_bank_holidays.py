"""Generate checkers/bank_holidays.py from the `holidays` package.

The browser must never download the `holidays` package, so its England and Wales
calendar is written out as a plain table. Run `python -m build_scripts.dev.update_bank_holidays`
after upgrading `holidays`; a test fails when the committed table and the package disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

FIRST_YEAR = 2010
LAST_YEAR = 2036
TARGET = Path(__file__).resolve().parents[2] / "checkers" / "bank_holidays.py"


def render() -> str:
    import holidays

    calendar = holidays.UK(subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    lines = [
        '"""Bank holidays of England and Wales. Generated: do not edit.',
        "",
        f"Made by build_scripts/dev/update_bank_holidays.py from holidays {holidays.__version__}",
        '(holidays.UK, subdivision "ENG"; Wales keeps the same bank holidays).',
        '"""',
        "",
        f"FIRST_YEAR = {FIRST_YEAR}",
        f"LAST_YEAR = {LAST_YEAR}",
        "",
        "BANK_HOLIDAYS: dict[str, str] = {",
    ]
    lines += [f'    "{day.isoformat()}": "{name}",' for day, name in sorted(calendar.items())]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
