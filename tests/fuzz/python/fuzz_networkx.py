"""Atheris harness: tocgraph.from_networkx on directed graphs built from the input.

Node and edge attribute names and typical values come from the bundled
example's to_networkx(); the input picks the nodes, edges and attributes and
where odd values go.
"""

import atheris
import networkx

import _common
from _common import expect_typed_errors, tocgraph
from _structured import EXAMPLE, odd_value, pick

_graph = tocgraph.load(EXAMPLE).to_networkx()
NODE_IDS = list(_graph.nodes)[:20]
NODE_POOLS: dict = {}
for _, attributes in _graph.nodes(data=True):
    for k, v in attributes.items():
        NODE_POOLS.setdefault(k, []).append(v)
EDGE_POOLS: dict = {}
for _, _, attributes in _graph.edges(data=True):
    for k, v in attributes.items():
        EDGE_POOLS.setdefault(k, []).append(v)
GRAPH_ATTRIBUTES = dict(_graph.graph)


def attributes(fdp: atheris.FuzzedDataProvider, pools: dict) -> dict:
    out = {k: pick(fdp, pool[:30]) for k, pool in pools.items() if fdp.ConsumeIntInRange(0, 3) > 0}
    if fdp.ConsumeIntInRange(0, 7) == 0:
        out[fdp.ConsumeUnicode(5)] = odd_value(fdp)
    return out


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    graph = networkx.DiGraph()
    for k, v in GRAPH_ATTRIBUTES.items():
        if fdp.ConsumeIntInRange(0, 3) > 0:
            graph.graph[k] = v if fdp.ConsumeIntInRange(0, 3) > 0 else odd_value(fdp)
    nodes = [pick(fdp, NODE_IDS) for _ in range(fdp.ConsumeIntInRange(0, 6))]
    for n in nodes:
        try:
            graph.add_node(n, **attributes(fdp, NODE_POOLS))
        except (TypeError, ValueError):
            return  # an unhashable key or None: networkx itself refuses it
    for _ in range(fdp.ConsumeIntInRange(0, 8)):
        if len(nodes) >= 1:
            a = nodes[fdp.ConsumeIntInRange(0, len(nodes) - 1)]
            b = nodes[fdp.ConsumeIntInRange(0, len(nodes) - 1)]
            graph.add_edge(a, b, **attributes(fdp, EDGE_POOLS))
    expect_typed_errors("from_networkx", data, lambda: tocgraph.from_networkx(graph))


if __name__ == "__main__":
    _common.main(test_one_input)
