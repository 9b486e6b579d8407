"""Values for the structured harnesses (pandas, networkx): what a real
theory of change holds in each column or attribute, mixed with the odd
values a user's data brings (NaN, NaT, pandas.NA, infinities, huge integers,
lists, dicts, timestamps, text of any kind)."""

from __future__ import annotations

import datetime
import math
import os
from typing import Any

import atheris

EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "asean-act", "toc.json")


def odd_value(fdp: atheris.FuzzedDataProvider) -> Any:
    import pandas

    choices = [
        lambda: None, lambda: math.nan, lambda: pandas.NA, lambda: pandas.NaT, lambda: math.inf,
        lambda: -math.inf, lambda: fdp.ConsumeInt(9), lambda: 2**70, lambda: fdp.ConsumeRegularFloat(),
        lambda: fdp.ConsumeBool(), lambda: fdp.ConsumeUnicode(8), lambda: [fdp.ConsumeUnicode(4)],
        lambda: {fdp.ConsumeUnicode(3): fdp.ConsumeInt(2)}, lambda: pandas.Timestamp("2021-02-28"),
        lambda: datetime.date(2020, 2, 29), lambda: b"bytes", lambda: (1, 2), lambda: "",
    ]
    return choices[fdp.ConsumeIntInRange(0, len(choices) - 1)]()


def pick(fdp: atheris.FuzzedDataProvider, pool: list[Any]) -> Any:
    """A value from the pool (real data) most of the time, else an odd one."""
    if pool and fdp.ConsumeIntInRange(0, 3) > 0:
        return pool[fdp.ConsumeIntInRange(0, len(pool) - 1)]
    return odd_value(fdp)
