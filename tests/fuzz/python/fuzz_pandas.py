"""Atheris harness: tocgraph.from_pandas on frames built from the input.

Columns and typical values come from the bundled example's to_pandas(), so
most frames are nearly right; the input chooses which frames, columns and
rows there are and where odd values go.
"""

import atheris
import pandas

import _common
from _common import expect_typed_errors, tocgraph
from _structured import EXAMPLE, odd_value, pick

_frames = tocgraph.load(EXAMPLE).to_pandas()
FRAMES = ["nodes", "links", "indicators", "values", "assumptions", "actors", "feedback"]
COLUMNS = {name: list(getattr(_frames, name).columns) for name in FRAMES}
POOLS = {
    (name, column): [v for v in getattr(_frames, name)[column].tolist()][:40]
    for name in FRAMES for column in COLUMNS[name]
}


def frame(fdp: atheris.FuzzedDataProvider, name: str) -> pandas.DataFrame:
    columns = [c for c in COLUMNS[name] if fdp.ConsumeIntInRange(0, 7) > 0]
    if fdp.ConsumeIntInRange(0, 7) == 0:
        columns.append(fdp.ConsumeUnicode(6))
    rows = fdp.ConsumeIntInRange(0, 5)
    data = {c: [pick(fdp, POOLS.get((name, c), [])) for _ in range(rows)] for c in dict.fromkeys(columns)}
    df = pandas.DataFrame(data, columns=list(dict.fromkeys(columns)))
    if fdp.ConsumeIntInRange(0, 7) == 0 and rows:
        df.index = [odd_value(fdp) for _ in range(rows)]
    return df


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    try:
        frames = {name: frame(fdp, name) for name in FRAMES if fdp.ConsumeBool()}
    except (ValueError, TypeError):
        return  # pandas itself refused the frame
    if fdp.ConsumeBool():
        frames["metadata"] = {"title": pick(fdp, ["t"]), "period": pick(fdp, [])}
    expect_typed_errors("from_pandas", data, lambda: tocgraph.from_pandas(**frames))


if __name__ == "__main__":
    _common.main(test_one_input)
