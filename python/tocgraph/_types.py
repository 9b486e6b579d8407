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
    "ChangeKindName",
    "ColorModeName",
    "ConflictKindName",
    "DateLike",
    "DrawingFormatName",
    "FileFormatName",
    "FeedbackKindName",
    "FeedbackStatusName",
    "InputKindName",
    "LevelRoleName",
    "LinkPolicyName",
    "LogicName",
    "MeasureName",
    "PathLike",
    "ProgressStatusName",
    "ReportFormatName",
    "RiskName",
    "RollupMethodName",
    "RuleCategoryName",
    "SeverityName",
    "SubjectKindName",
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
#: Where an indicator or a result stands as of a date (docs/monitoring.md).
ProgressStatusName = Literal["on_track", "at_risk", "off_track", "not_started", "no_data", "no_target"]
#: How a node combines its inputs in a progress roll-up.
RollupMethodName = Literal["mean", "weighted", "weakest", "strongest", "logic"]
#: What an input of a rolled-up node is.
InputKindName = Literal["indicator", "contributor"]

#: What the colour of a node in a drawing shows (docs/drawing.md).
ColorModeName = Literal["level", "status"]
#: The text formats a drawing is written in.
DrawingFormatName = Literal["svg", "dot", "mermaid"]
#: The formats of a progress report.
ReportFormatName = Literal["html", "markdown"]

#: How serious a lint finding is.
SeverityName = Literal["info", "warning", "error"]
#: What a lint rule checks: the graph, the indicators or the work plan.
RuleCategoryName = Literal["structure", "measurement", "plan"]
#: How the linter treats links against the hierarchy.
LinkPolicyName = Literal["allowed", "warning", "error"]
#: The formats tocgraph.convert reads and writes.
FileFormatName = Literal["json", "kumu", "graphml", "dagitty", "logframe-csv"]

#: How an element or a value differs between two versions (docs/versions.md).
ChangeKindName = Literal["added", "removed", "changed", "renamed"]
#: What kind of merge conflict (docs/versions.md).
ConflictKindName = Literal[
    "both_changed", "both_added", "delete_modify", "dangling_reference", "invalid", "lint"
]
#: What a feedback item is about, as a consultation summary resolves it.
SubjectKindName = Literal["programme", "node", "link", "indicator", "assumption", "actor", "missing"]

#: A date argument: a datetime.date or an ISO "YYYY-MM-DD" string.
DateLike = Union[datetime.date, str]
#: A file name argument.
PathLike = Union[str, "os.PathLike[str]"]
