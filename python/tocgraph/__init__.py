"""tocgraph: a programme's theory of change as a typed, analysable graph.

    import tocgraph
    toc = tocgraph.load("toc.json")
    toc["oc1"].title
    toc.add_node(id="a9", level="activity", title="Regional workshop")
    toc.add_link(source="a9", target="oc1", strength=0.6)
    toc.save("toc.json")

Everything read from a TheoryOfChange is a copy (value semantics, as in the
C++ library): write changes back with ``update_node`` and friends. Attribute
reads of lists and nested values return copies too, so
``node.tags.append("x")`` is lost; assign ``node.tags = [*node.tags, "x"]``.

The compiled module ``tocgraph._core`` is private; this package is the API.
"""

from __future__ import annotations

from . import _core
from ._core import (
    Actor,
    Assumption,
    Baseline,
    Budget,
    Consultation,
    ConsultationEvent,
    ConsultationPhase,
    Evidence,
    Feedback,
    Indicator,
    Level,
    LevelSchema,
    Link,
    Metadata,
    Node,
    Period,
    PeriodValue,
    Reference,
    Source,
)
from ._errors import CycleError, Error, FormatError, ModelError
from ._toc import TheoryOfChange, from_dict, load, loads
from ._synthetic import synthetic
from .analysis import Centrality, Coverage, LevelCoverage, RemovalImpact
from .lint import Finding, Findings, Rule, Rules, rules
from ._networkx import from_networkx
from ._pandas import Frames, from_pandas
from .formats import ImportFinding, ImportResult, convert, loads_kumu, read, read_kumu
from .logframe import read_logframe
from . import iati, sdg
from .iati import iter_iati, read_iati, read_iati_string, write_iati
from . import monitoring
from .monitoring import (
    Breakdown,
    Explanation,
    IndicatorBreakdown,
    IndicatorProgress,
    NodeProgress,
    PeriodProgress,
    ProgressTable,
    RollupInput,
    RollupResult,
    plot_indicator,
)
from . import drawing, report
from . import versions
from .versions import (
    Conflict,
    ConsultationSummary,
    Diff,
    FeedbackEntry,
    FieldChange,
    ItemChange,
    MergeResult,
    PhaseSummary,
    diff,
    merge,
)

__all__ = [
    "FILE_FORMAT_VERSION",
    "Actor",
    "Assumption",
    "Baseline",
    "Breakdown",
    "Budget",
    "Centrality",
    "Conflict",
    "Consultation",
    "ConsultationEvent",
    "ConsultationPhase",
    "ConsultationSummary",
    "Coverage",
    "CycleError",
    "Diff",
    "Error",
    "Evidence",
    "Explanation",
    "Feedback",
    "FeedbackEntry",
    "FieldChange",
    "Finding",
    "Findings",
    "FormatError",
    "Frames",
    "ImportFinding",
    "ImportResult",
    "Indicator",
    "IndicatorBreakdown",
    "IndicatorProgress",
    "ItemChange",
    "Level",
    "LevelCoverage",
    "LevelSchema",
    "Link",
    "MergeResult",
    "Metadata",
    "ModelError",
    "Node",
    "NodeProgress",
    "Period",
    "PeriodProgress",
    "PeriodValue",
    "PhaseSummary",
    "ProgressTable",
    "Reference",
    "RemovalImpact",
    "RollupInput",
    "RollupResult",
    "Rule",
    "Rules",
    "Source",
    "TheoryOfChange",
    "__version__",
    "build_info",
    "convert",
    "diff",
    "drawing",
    "from_dict",
    "from_networkx",
    "from_pandas",
    "iati",
    "iter_iati",
    "load",
    "loads",
    "loads_kumu",
    "merge",
    "monitoring",
    "plot_indicator",
    "read",
    "read_iati",
    "read_iati_string",
    "read_kumu",
    "read_logframe",
    "report",
    "rules",
    "sdg",
    "synthetic",
    "versions",
    "write_iati",
]

#: The package version (that of the compiled module, set by the build).
__version__: str = _core.__version__
#: The file-format version this library reads and writes.
FILE_FORMAT_VERSION: int = _core.file_format_version
#: What the compiled module was built from: the library version, the versions
#: of nlohmann/json, Boost and pybind11 it was compiled against, the compiler.
build_info: dict[str, str] = dict(_core.build_info)

# The value classes are defined in the private compiled module; present them
# as members of the public package (help(), reprs of the classes, pickles).
for _cls in (
    Actor,
    Assumption,
    Baseline,
    Budget,
    Consultation,
    ConsultationEvent,
    ConsultationPhase,
    Evidence,
    Feedback,
    Indicator,
    Level,
    LevelSchema,
    Link,
    Metadata,
    Node,
    Period,
    PeriodValue,
    Reference,
    Source,
    Explanation,
    IndicatorBreakdown,
    IndicatorProgress,
    NodeProgress,
    PeriodProgress,
    RollupInput,
):
    _cls.__module__ = __name__
del _cls
