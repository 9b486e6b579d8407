"""Type aliases for the closed vocabularies of the model.

Enum values are plain ``str`` in Python, spelt as in the file format. These
``Literal`` aliases let a type checker catch a misspelt value; at run time a
bad value raises ValueError listing the accepted ones.
"""

from __future__ import annotations

import datetime
import os
from typing import Literal, Union

__all__ = [
    "AccumulationName",
    "ActivityStatusName",
    "AggregationName",
    "AssumptionStatusName",
    "DateLike",
    "FeedbackKindName",
    "FeedbackStatusName",
    "LevelRoleName",
    "LogicName",
    "MeasureName",
    "PathLike",
    "RiskName",
]

#: How a result's contributors combine.
LogicName = Literal["all", "any", "weighted"]
#: Where an activity stands in the work plan.
ActivityStatusName = Literal["planned", "ongoing", "completed", "cancelled"]
#: The IATI IndicatorMeasure codelist (codes 1-5 are accepted on input too).
MeasureName = Literal["unit", "percentage", "nominal", "ordinal", "qualitative"]
#: How the values reported per period relate to each other over time.
AccumulationName = Literal["incremental", "cumulative", "level"]
#: How values disaggregated by dimensions combine into one figure.
AggregationName = Literal["sum", "mean", "latest", "min", "max", "ratio", "none"]
#: The risk an assumption poses if it does not hold.
RiskName = Literal["low", "medium", "high"]
#: What monitoring says about an assumption.
AssumptionStatusName = Literal["untested", "holding", "at_risk", "not_holding"]
#: What a consultation comment is.
FeedbackKindName = Literal["challenge", "priority", "solution", "comment", "proposed_change"]
#: What became of a consultation comment.
FeedbackStatusName = Literal["open", "accepted", "rejected", "addressed"]
#: The semantic role of a level.
LevelRoleName = Literal["goal", "pathway", "outcome", "output", "activity", "input"]

#: A date argument: a datetime.date or an ISO "YYYY-MM-DD" string.
DateLike = Union[datetime.date, str]
#: A file name argument.
PathLike = Union[str, "os.PathLike[str]"]
