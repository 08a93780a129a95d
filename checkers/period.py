"""The period in which the 2015 rules applied, and the warning for a date outside it.

The 2015 revisions of Working Together were published on 26 March 2015 and replaced by the
2018 edition on 4 July 2018. A checker still works a deadline out for any date it can, but a
date outside that period carries a warning saying which rules applied then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from . import citations
from .dates import long_date

PUBLISHED = dt.date(2015, 3, 26)
REPLACED = dt.date(2018, 7, 4)

STATUS = (
    "These are the rules of Working Together to Safeguard Children 2015, which applied from "
    "26 March 2015 until the 2018 edition replaced them on 4 July 2018. They are not the rules "
    "for a decision about a child today."
)


@dataclass(frozen=True)
class DateWarning:
    text: str
    cite: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "cite": self.cite}


def period_warnings(day: dt.date) -> list[DateWarning]:
    when = f"The date you gave ({long_date(day)})"
    if day < PUBLISHED:
        return [
            DateWarning(
                f"{when} is before 26 March 2015, when the 2015 revisions were published: the "
                "2015 rules did not apply then. The 2013 edition of Working Together was the "
                "guidance in force.",
                citations.STATUS,
            )
        ]
    if day >= REPLACED:
        return [
            DateWarning(
                f"{when} is on or after 4 July 2018, when the 2018 edition replaced the 2015 "
                "rules: they did not apply then. Local Safeguarding Children Boards no longer "
                "exist; they were replaced by safeguarding partners, and serious case reviews "
                "by child safeguarding practice reviews.",
                citations.STATUS,
            )
        ]
    return []
