"""Print the mutation score of the last `mutmut run` and list the mutants not killed.

    python -m build_scripts.dev.mutation_report      (make mutation runs it after mutmut)

The score is the share of mutants the tests kill (a timeout counts as killed); a mutant no
test reaches counts as surviving.
"""

from __future__ import annotations

import collections
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MUTMUT = str(Path(sys.executable).with_name("mutmut"))


def main() -> int:
    subprocess.run([MUTMUT, "export-cicd-stats"], cwd=ROOT, check=True, capture_output=True)
    stats = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text())
    killed = stats["killed"] + stats["timeout"]
    counted = stats["total"] - stats["skipped"]
    print(f"mutants: {stats['total']}; killed {killed}, survived {stats['survived']}, "
          f"no test reaches {stats['no_tests']}, suspicious {stats['suspicious']}")  # fmt: skip
    print(f"mutation score: {killed}/{counted} = {killed / counted:.1%}")
    listing = subprocess.run([MUTMUT, "results"], cwd=ROOT, capture_output=True, text=True)
    by_function: collections.Counter[str] = collections.Counter()
    for line in listing.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if status in ("survived", "no tests"):
            by_function[re.sub(r"__mutmut_\d+$", "", name) + f" ({status})"] += 1
    for function, count in by_function.most_common():
        print(f"  {count:4d}  {function}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
