"""The TheoryOfChange class and the functions that make one (load, loads, from_dict, synthetic).

TheoryOfChange wraps the compiled ``_core.model.TheoryOfChange`` (kept in
``_toc``, as boost-histogram's Histogram keeps ``_hist``) with the model's
Pythonic surface: keyword fields, ``toc["id"]``, iteration, files and the
value protocol. Analyses, monitoring, drawing, reports and versions live in
their own modules and take the ToC as first argument; the methods of the
same names here are those functions themselves (``lint = _lint.lint``), so
their signatures and docstrings are written once.
"""

from __future__ import annotations

import copy as _copy
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _core, _networkx, _pandas
from . import analysis as _analysis, drawing as _drawing, formats as _formats, iati as _iati, lint as _lint
from . import logframe as _logframe, monitoring as _monitoring, probability as _probability, report as _report
from . import versions as _versions
from ._core.model import LevelSchema, Link, Metadata, Node
from ._elements import KeyedElements, update, value_of
from ._files import encode_utf8
from ._registry import as_dataframe, register_public_class

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import LinkFields, NodeFields

__all__ = ["PICKLE_VERSION", "TheoryOfChange", "from_dict", "load", "loads"]

#: The version number in a pickled TheoryOfChange's state.
PICKLE_VERSION = 1

def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class TheoryOfChange(KeyedElements):
    """A programme's theory of change: results and activities linked cause to effect.

    ``TheoryOfChange(schema="theory_of_change")`` starts an empty one with a
    built-in level schema named by ``schema``, or with a ``LevelSchema``.

    Nodes are reached like a mapping of node ids: ``len(toc)`` counts nodes,
    ``"oc1" in toc`` tests an id, ``toc["oc1"]`` returns the node (KeyError if
    absent) and ``iter(toc)`` yields the nodes in insertion order.

    Value semantics: the elements read from a theory of change are copies.
    ``toc["oc1"].title = "x"`` changes the copy only; write changes back with
    ``toc.update_node("oc1", title="x")`` or ``toc.update_node(node)``. Within
    a value, nested values are live: ``ind.targets[0].value = 5`` and
    ``node.tags.append("x")`` change ``ind`` and ``node``. ``toc.metadata``
    is live too: ``toc.metadata.title = "x"`` changes the theory of change.

    Edits check the model first and raise ModelError (a ValueError) without
    changing anything if they would break it; looking up, updating or removing
    an id that is absent raises KeyError.

    Threads: any number of threads may query one theory of change at once
    (queries run in C++ without the GIL); an edit waits until the running
    queries are done, and queries wait for a running edit. Each call is
    atomic; a sequence of calls is not, so a thread that reads, decides and
    writes must coordinate with the other writers itself.
    """

    __slots__ = ("_toc",)
    _toc: _core.model.TheoryOfChange

    def __init__(self, schema: Union[str, LevelSchema] = "theory_of_change", *, metadata: Optional[Metadata] = None) -> None:
        if isinstance(schema, str):
            schema = LevelSchema.builtin(schema)
        elif not isinstance(schema, LevelSchema):
            raise TypeError(f"schema must be a built-in schema name or a LevelSchema, got {type(schema).__name__}")
        self._toc = _core.model.TheoryOfChange(schema)
        if metadata is not None:
            self._toc.metadata = metadata

    @classmethod
    def _wrap(cls, core: _core.model.TheoryOfChange) -> TheoryOfChange:
        """A TheoryOfChange around a compiled one (no copy)."""
        self = cls.__new__(cls)
        self._toc = core
        return self

    @property
    def schema(self) -> LevelSchema:
        """The level schema. Assigning one checks every node's level is in it."""
        return self._toc.schema

    @schema.setter
    def schema(self, schema: Union[str, LevelSchema]) -> None:
        self._toc.schema = LevelSchema.builtin(schema) if isinstance(schema, str) else schema

    @property
    def metadata(self) -> Metadata:
        """Facts about the programme. Live: ``toc.metadata.title = "x"`` changes this theory of change."""
        return self._toc.metadata

    @metadata.setter
    def metadata(self, metadata: Metadata) -> None:
        self._toc.metadata = metadata

    # ---- nodes -------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of nodes."""
        return self._toc.node_count()

    def __contains__(self, node_id: object) -> bool:
        """True if a node has this id."""
        return isinstance(node_id, str) and self._toc.has_node(node_id)

    def __iter__(self) -> Iterator[Node]:
        """The nodes (copies) in insertion order."""
        return iter(self._toc.nodes())

    def node(self, node_id: str) -> Node:
        """The node with this id (a copy); KeyError if there is none."""
        return self._toc.node(node_id)

    __getitem__ = node

    def nodes(self, level: Optional[str] = None) -> list[Node]:
        """The nodes in insertion order, or those of one level (ModelError if unknown)."""
        return self._toc.nodes() if level is None else self._toc.nodes_at(level)

    def add_node(self, node: Optional[Node] = None, /, **fields: Unpack[NodeFields]) -> None:
        """Adds a node, given as a Node or as keyword fields (or a Node plus overrides).

        ``toc.add_node(id="g", level="goal", title="...")``. Raises ModelError
        for an empty or repeated id, a level the schema lacks or an unknown actor.
        """
        self._toc.add_node(value_of(Node, node, fields))

    def update_node(self, node: Union[Node, str], /, **fields: Unpack[NodeFields]) -> None:
        """Replaces a node, given as a Node or as its id plus the fields to change.

        ``toc.update_node("oc1", title="new")`` or ``toc.update_node(node)``.
        Its links and indicators stay. KeyError if there is no such node.
        """
        update(self, "node", Node, node, fields)

    def remove_node(self, node_id: str) -> None:
        """Removes a node with its links and the indicators that measure it (feedback stays)."""
        self._toc.remove_node(node_id)

    # ---- links -------------------------------------------------------------------

    def has_link(self, source: str, target: str) -> bool:
        """True if there is a link from source to target."""
        return self._toc.has_link(source, target)

    def link(self, source: str, target: str) -> Link:
        """The link from source to target (a copy); KeyError if there is none."""
        return self._toc.link(source, target)

    def links(self) -> list[Link]:
        """All links (copies), grouped by source in node insertion order."""
        return self._toc.links()

    def links_to(self, node_id: str) -> list[Link]:
        """The links into a node: what contributes to it directly."""
        return self._toc.links_to(node_id)

    def links_from(self, node_id: str) -> list[Link]:
        """The links out of a node: what it contributes to directly."""
        return self._toc.links_from(node_id)

    def add_link(self, link: Optional[Link] = None, /, **fields: Unpack[LinkFields]) -> None:
        """Adds a link, given as a Link or as keyword fields: ``toc.add_link(source="a1", target="op1")``.

        Raises ModelError for an unknown node or assumption, a link joining a
        node to itself, a repeated link or a strength outside 0..1.
        """
        self._toc.add_link(value_of(Link, link, fields))

    def update_link(
        self, link: Union[Link, str], target: Optional[str] = None, /, **fields: Unpack[LinkFields]
    ) -> None:
        """Replaces a link, given as a Link or as source, target plus the fields to change.

        ``toc.update_link("a1", "op1", strength=0.5)`` or ``toc.update_link(link)``.
        KeyError if there is no such link.
        """
        if isinstance(link, str):
            if target is None:
                raise TypeError("update_link(source, target, **fields) needs a target")
            self._toc.patch_link(link, target, dict(fields))
        elif target is not None:
            raise TypeError("update_link(link) takes no target")
        else:
            self._toc.update_link(value_of(Link, link, fields))

    def remove_link(self, source: str, target: str) -> None:
        """Removes the link from source to target; KeyError if there is none."""
        self._toc.remove_link(source, target)

    # ---- the functions of the feature modules, as methods ------------------------

    lint = _lint.lint
    contributors = _analysis.contributors
    effects = _analysis.effects
    contributors_of = _analysis.contributors_of
    effects_of = _analysis.effects_of
    topological_order = _analysis.topological_order
    levels = _analysis.levels
    paths = _analysis.paths
    count_paths = _analysis.count_paths
    count_activity_paths = _analysis.count_activity_paths
    critical_nodes = _analysis.critical_nodes
    critical_links = _analysis.critical_links
    what_if_removed = _analysis.what_if_removed
    coverage = _analysis.coverage
    pathways_of = _analysis.pathways_of
    subgraph = _analysis.subgraph
    centrality = _analysis.centrality
    progress = as_dataframe(_monitoring.progress)
    rollup = as_dataframe(_monitoring.rollup)
    progress_by = as_dataframe(_monitoring.progress_by)
    explain = _monitoring.explain
    probability = _probability.probability
    contribution = _probability.contribution
    sensitivity = _probability.sensitivity
    links_in_doubt = _probability.links_in_doubt
    observations = _probability.observations
    to_svg = _drawing.to_svg
    to_dot = _drawing.to_dot
    to_mermaid = _drawing.to_mermaid
    render = _drawing.render
    report = _report.report
    to_pandas = _pandas.to_pandas
    to_networkx = _networkx.to_networkx
    to_graphml = _formats.to_graphml
    to_kumu = _formats.to_kumu
    to_dagitty = _formats.to_dagitty
    to_logframe = _logframe.to_logframe
    to_iati = _iati.to_iati
    feedback_items = _versions.feedback_items
    resolve_feedback = _versions.resolve_feedback
    consultation_summary = _versions.consultation_summary

    def _repr_svg_(self) -> str:
        """The diagram coloured by level, so that a notebook shows a ToC as its drawing."""
        return _drawing.to_svg(self)

    # ---- files -------------------------------------------------------------------

    def save(self, path: Union[str, os.PathLike[str]], *, indent: int = 2) -> None:
        """Writes the theory of change to a JSON file, replacing it atomically (tocgraph.Error on failure)."""
        _core.io.save(self._toc, os.fspath(path), indent)

    def dumps(self, *, indent: int = 2) -> str:
        """The JSON text of the file format, ending with a newline (indent < 0: one line)."""
        return _core.io.dumps(self._toc, indent)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document as dicts and lists (what ``json.loads(toc.dumps())`` gives)."""
        return _core.io.to_json(self._toc)

    # ---- value protocol ----------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        """Same schema, metadata and elements by id, whatever the insertion order."""
        if not isinstance(other, TheoryOfChange):
            return NotImplemented
        return self._toc == other._toc

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __copy__(self) -> TheoryOfChange:
        """An independent copy (the model holds values only, so copy is deep)."""
        return TheoryOfChange._wrap(_copy.copy(self._toc))

    def __deepcopy__(self, memo: dict[int, object]) -> TheoryOfChange:
        """An independent copy."""
        return self.__copy__()

    def __getstate__(self) -> tuple[int, str]:
        """Pickled state: (PICKLE_VERSION, the file-format JSON text)."""
        return (PICKLE_VERSION, _core.io.dumps(self._toc, -1))

    def __setstate__(self, state: object) -> None:
        """Restores a pickled state, refusing a version this library does not read."""
        if not (isinstance(state, tuple) and len(state) == 2 and isinstance(state[0], int) and isinstance(state[1], str)):
            raise ValueError("cannot unpickle TheoryOfChange: unrecognised state")
        if state[0] != PICKLE_VERSION:
            raise ValueError(
                f"cannot unpickle TheoryOfChange: state version {state[0]} is not supported "
                f"(this version of tocgraph reads {PICKLE_VERSION})"
            )
        self._toc = loads(state[1], source="<pickle>")._toc

    def __repr__(self) -> str:
        """<TheoryOfChange 'title': N nodes, N links, N indicators>."""
        title = self._toc.metadata.title
        name = f"TheoryOfChange {title!r}" if title else "TheoryOfChange"
        counts = (self._toc.node_count(), "node"), (self._toc.link_count(), "link"), (self._toc.indicator_count(), "indicator")
        return f"<{name}: " + ", ".join(_plural(n, word) for n, word in counts) + ">"


register_public_class(TheoryOfChange, TheoryOfChange._wrap)


def load(path: Union[str, os.PathLike[str]]) -> TheoryOfChange:
    """Reads a theory of change from a JSON file.

    Raises FormatError (a ValueError) naming the file, the JSON pointer or
    line and column, and the problem, also when the file cannot be read.
    """
    toc: TheoryOfChange = _core.io.load(os.fspath(path))
    return toc


def loads(text: Union[str, bytes], *, source: str = "<string>") -> TheoryOfChange:
    """Reads a theory of change from JSON text (str, or bytes holding UTF-8).

    ``source`` is the file name FormatError messages name.
    """
    toc: TheoryOfChange = _core.io.loads(encode_utf8(text, source), source)
    return toc


def from_dict(document: Mapping[str, Any], *, source: str = "<string>") -> TheoryOfChange:
    """Reads a theory of change from a parsed JSON document (e.g. ``json.load``'s result).

    Raises FormatError as ``loads`` does (pointers but no line numbers).
    """
    toc: TheoryOfChange = _core.io.from_json(dict(document), source)
    return toc
