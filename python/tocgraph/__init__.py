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
    Source,
)
from ._errors import Error, FormatError, ModelError
from ._toc import TheoryOfChange, from_dict, load, loads

__all__ = [
    "FILE_FORMAT_VERSION",
    "Actor",
    "Assumption",
    "Baseline",
    "Budget",
    "Consultation",
    "ConsultationEvent",
    "ConsultationPhase",
    "Error",
    "Evidence",
    "Feedback",
    "FormatError",
    "Indicator",
    "Level",
    "LevelSchema",
    "Link",
    "Metadata",
    "ModelError",
    "Node",
    "Period",
    "PeriodValue",
    "Source",
    "TheoryOfChange",
    "__version__",
    "from_dict",
    "load",
    "loads",
]

#: The package version (that of the compiled module, set by the build).
__version__: str = _core.__version__
#: The file-format version this library reads and writes.
FILE_FORMAT_VERSION: int = _core.file_format_version

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
    Source,
):
    _cls.__module__ = __name__
del _cls
