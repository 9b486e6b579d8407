"""tocgraph: a programme's theory of change as a typed, analysable graph.

    import tocgraph
    toc = tocgraph.load("toc.json")
    toc["oc1"].title
    toc.add_node(id="a9", level="activity", title="Regional workshop")
    toc.add_link(source="a9", target="oc1", strength=0.6)
    toc.save("toc.json")

Elements read from a TheoryOfChange are copies (value semantics, as in the
C++ library): write changes back with ``update_node`` and friends. Inside a
value, nested values are live: ``node.tags.append("x")`` and
``ind.targets[0].value = 5`` change ``node`` and ``ind``.

The modules: analysis, lint, monitoring, probability, drawing, report,
formats, logframe, iati, sdg and versions; each function takes the theory of change first, and
the TheoryOfChange methods of the same names are those functions. The
compiled module ``tocgraph._core`` is private; this package is the API.
"""

from __future__ import annotations

from . import _core
from ._core.lint import Finding, RuleInfo
from ._core.model import Actor, Assumption, Baseline, Budget, Consultation, ConsultationEvent, ConsultationPhase
from ._core.model import Evidence, Feedback, Indicator, Level, LevelSchema, Link, Metadata, Node, Period
from ._core.model import PeriodValue, Reference, Source
from ._errors import CycleError, Error, FormatError, ImpossibleObservations, InferenceTooLarge, ModelError
from ._networkx import from_networkx
from ._pandas import Frames, from_pandas
from ._registry import present
from ._synthetic import synthetic
from ._toc import TheoryOfChange, from_dict, load, loads
from . import analysis, drawing, formats, iati, lint, monitoring, probability, report, sdg, versions
from .analysis import Centrality, Coverage, LevelCoverage, RemovalImpact
from .formats import ImportResult, convert, loads_kumu, read, read_kumu
from .iati import iter_iati, read_iati, read_iati_string, write_iati
from .lint import Findings, Rules, rules
from .logframe import read_logframe
from .monitoring import Breakdown, Explanation, IndicatorBreakdown, IndicatorProgress, NodeProgress
from .monitoring import PeriodProgress, ProgressTable, Rollup, RollupInput, plot_indicator
from .versions import Conflict, ConsultationSummary, Diff, FeedbackEntry, FieldChange, ItemChange
from .versions import MergeResult, PhaseSummary, diff, merge

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
    "ImpossibleObservations",
    "InferenceTooLarge",
    "Frames",
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
    "Rollup",
    "RollupInput",
    "RuleInfo",
    "Rules",
    "Source",
    "TheoryOfChange",
    "__version__",
    "analysis",
    "build_info",
    "convert",
    "diff",
    "drawing",
    "formats",
    "from_dict",
    "from_networkx",
    "from_pandas",
    "iati",
    "iter_iati",
    "lint",
    "load",
    "loads",
    "loads_kumu",
    "merge",
    "monitoring",
    "plot_indicator",
    "probability",
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
FILE_FORMAT_VERSION: int = _core.io.file_format_version
#: What the compiled module was built from: the library version, the versions
#: of nlohmann/json, Boost and pybind11 it was compiled against, the compiler.
build_info: dict[str, str] = dict(_core.build_info)

present(globals())
