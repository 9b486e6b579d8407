"""TheoryOfChange <-> networkx.DiGraph (``toc.to_networkx()``, ``tocgraph.from_networkx``).

Nodes are keyed by id and carry every other member of the node's JSON form
(docs/format.md) as attributes, plus ``indicators``: the list of the
indicators that measure the node, each in its JSON form without ``node``.
Edges carry every member of the link's JSON form except source and target.
The graph's attributes (``g.graph``) hold the document's other members:
``schema`` (when not the default), ``metadata``, ``actors``, ``assumptions``,
``feedback``. Dates are "YYYY-MM-DD" strings, as in the file.
networkx is imported only when a graph is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._generic import build, plain
from ._optional import optional_module

if TYPE_CHECKING:
    import networkx

    from ._toc import TheoryOfChange

__all__ = ["from_networkx", "to_networkx"]


def _networkx() -> Any:
    return optional_module("networkx", "networkx", "tocgraph's networkx conversion")


def to_networkx(toc: TheoryOfChange) -> networkx.DiGraph[str]:
    """The DiGraph of a theory of change (see the module documentation)."""
    nx = _networkx()
    doc = toc.to_dict()
    g: networkx.DiGraph[str] = nx.DiGraph()
    g.graph.update(
        {k: v for k, v in doc.items() if k not in ("format", "version", "nodes", "links", "indicators")}
    )
    measures: dict[str, list[dict[str, Any]]] = {}
    for indicator in doc.get("indicators", []):
        item = {k: v for k, v in indicator.items() if k != "node"}
        measures.setdefault(indicator["node"], []).append(item)
    for node in doc.get("nodes", []):
        attributes = {k: v for k, v in node.items() if k != "id"}
        attributes["indicators"] = measures.get(node["id"], [])
        g.add_node(node["id"], **attributes)
    for link in doc.get("links", []):
        g.add_edge(link["source"], link["target"], **{k: v for k, v in link.items() if k not in ("source", "target")})
    return g


def from_networkx(graph: Any) -> TheoryOfChange:
    """A theory of change from a directed graph laid out as ``to_networkx`` gives it.

    Node keys are the ids (converted with ``str`` if they are not strings);
    every node needs a ``level`` attribute. Attributes with value None are
    left out. Raises FormatError naming the node or edge and the attribute,
    e.g. ``<networkx>: node 'oc1', attribute 'level': unknown level "x"...``.
    """
    if not hasattr(graph, "nodes") or not hasattr(graph, "edges") or not hasattr(graph, "graph"):
        raise TypeError(f"expected a networkx graph, got {type(graph).__name__}")
    if not graph.is_directed():
        raise ValueError("a theory of change is a directed graph: convert with graph.to_directed() first")
    if graph.is_multigraph():
        raise ValueError("a theory of change has at most one link from one node to another; got a multigraph")

    def clean(attributes: dict[Any, Any]) -> dict[str, Any]:
        return {str(k): plain(v) for k, v in attributes.items() if plain(v) is not None}

    document: dict[str, Any] = {"format": "tocgraph", "version": 1}
    document.update(clean(dict(graph.graph)))
    nodes, indicators, keys = [], [], []
    indicator_owner: list[tuple[Any, int]] = []
    for key, data in graph.nodes(data=True):
        attributes = clean(data)
        measured = attributes.pop("indicators", [])
        nodes.append({"id": key if isinstance(key, str) else str(key), **attributes})
        keys.append(key)
        if not isinstance(measured, list):
            measured = [measured]
        for k, item in enumerate(measured):
            indicators.append({**item, "node": nodes[-1]["id"]} if isinstance(item, dict) else item)
            indicator_owner.append((key, k))
    edges = []
    edge_keys = []
    for source, target, data in graph.edges(data=True):
        edges.append({"source": str(source), "target": str(target), **clean(data)})
        edge_keys.append((source, target))
    if nodes:
        document["nodes"] = nodes
    if edges:
        document["links"] = edges
    if indicators:
        document["indicators"] = indicators

    def locate(tokens: list[str]) -> str:
        if len(tokens) >= 2 and tokens[1].isdigit():
            index = int(tokens[1])
            rest = tokens[2] if len(tokens) > 2 else None
            if tokens[0] == "nodes":
                return f"node {keys[index]!r}" + (f", attribute {rest!r}" if rest else "")
            if tokens[0] == "links":
                source, target = edge_keys[index]
                return f"edge {source!r} -> {target!r}" + (f", attribute {rest!r}" if rest else "")
            if tokens[0] == "indicators":
                owner, k = indicator_owner[index]
                return f"node {owner!r}, attribute 'indicators', item {k}" + (f", member {rest!r}" if rest else "")
        return "graph attribute " + "/".join(tokens) if tokens else "graph"

    return build(document, "<networkx>", locate)
