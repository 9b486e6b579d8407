"""toc.to_pandas() and tocgraph.from_pandas: frames, exact round trips, errors naming row and column."""

from __future__ import annotations

import pytest

import tocgraph
from conftest import EXAMPLE, VALID

pd = pytest.importorskip("pandas")


@pytest.mark.parametrize("path", [EXAMPLE, VALID / "full.json"], ids=lambda p: p.name)
def test_round_trip_is_exact(path):
    toc = tocgraph.load(path)
    frames = toc.to_pandas()
    back = tocgraph.from_pandas(**frames.frames(), schema=frames.schema, metadata=frames.metadata)
    assert back == toc


def test_frames_hold_every_field(toc):
    frames = toc.to_pandas()
    nodes = frames.nodes.set_index("id")
    assert nodes.loc["a1", "budget"] == {"amount": 120000, "currency": "AUD"}
    assert nodes.loc["a1", "actors"] == ["asean_sec", "kh"]
    assert nodes.loc["oc1", "tags"] == ["victim_rights"]
    assert nodes.loc["a1", "attributes"] == {"cost_centre": 7, "notes": ["a", {"b": None}]}
    links = frames.links.set_index(["source", "target"])
    assert links.loc[("oc1", "p1"), "strength"] == 0.7
    assert links.loc[("a1", "oc1"), "evidence"] == {"strength": "moderate", "references": ["Evaluation 2019"]}
    assert list(frames.indicators["id"]) == ["i1", "i2"]
    assert "targets" not in frames.indicators.columns
    assert frames.assumptions.loc[0, "likelihood"] == 0.8
    assert frames.feedback.loc[0, "subject"] == "a1->oc1"
    assert frames.metadata["funder"] == "DFAT"


def test_values_frame_one_row_per_value(toc):
    values = toc.to_pandas().values
    assert list(values["kind"]) == ["baseline", "target", "actual"]
    assert list(values["indicator"]) == ["i1", "i1", "i1"]
    assert list(values["node"]) == ["oc1", "oc1", "oc1"]
    assert values.loc[0, "date"] == pd.Timestamp("2019-12-31")
    assert pd.isna(values.loc[0, "start"])
    assert values.loc[1, "start"] == pd.Timestamp("2020-01-01")
    assert values.loc[1, "end"] == pd.Timestamp("2020-12-31")
    assert list(values["value"]) == [0, 3, 2]
    assert values.loc[1, "dimension.country"] == "KH"
    assert pd.isna(values.loc[2, "dimension.country"])
    # Ready for analysis: targets against actuals per period.
    pivot = values[values["kind"] != "baseline"].pivot_table(index="start", columns="kind", values="value")
    assert pivot.loc[pd.Timestamp("2020-01-01"), "target"] == 3


def test_frames_built_by_hand():
    nodes = pd.DataFrame({"id": ["g", "a"], "level": ["goal", "activity"], "title": ["Goal", "Act"]})
    links = pd.DataFrame({"source": ["a"], "target": ["g"], "strength": [0.5]})
    indicators = pd.DataFrame({"id": ["i"], "node": ["g"], "title": ["Ind"]})
    values = pd.DataFrame(
        {
            "kind": ["target", "actual"],
            "indicator": ["i", "i"],
            "start": pd.to_datetime(["2021-01-01", "2021-01-01"]),
            "end": pd.to_datetime(["2021-12-31", "2021-12-31"]),
            "value": [10, 7],
            "dimension.sex": ["female", None],
        }
    )
    toc = tocgraph.from_pandas(nodes=nodes, links=links, indicators=indicators, values=values)
    assert toc.link("a", "g").strength == 0.5
    ind = toc.indicator("i")
    assert ind.targets[0].value == 10 and ind.targets[0].dimensions == {"sex": "female"}
    assert ind.actuals[0].dimensions == {}


def test_bad_cells_are_named_by_frame_row_and_column():
    nodes = pd.DataFrame({"id": ["g", "x"], "level": ["goal", "summit"]}, index=["first", "second"])
    with pytest.raises(tocgraph.FormatError) as error:
        tocgraph.from_pandas(nodes=nodes)
    assert str(error.value).startswith("<pandas>: nodes frame, row 1 (index 'second'), column 'level': unknown level \"summit\"")
    links = pd.DataFrame({"source": ["g"], "target": ["nowhere"]})
    with pytest.raises(tocgraph.FormatError, match=r"links frame, row 0 \(index 0\), column 'target': unknown node \"nowhere\""):
        tocgraph.from_pandas(nodes=nodes.iloc[:1], links=links)
    # A date that does not exist (a period ending before it starts loads: the linter reports it).
    values = pd.DataFrame({"kind": ["target"], "indicator": ["i"], "start": ["2021-02-30"], "end": ["2021-12-31"]})
    indicators = pd.DataFrame({"id": ["i"], "node": ["g"]})
    with pytest.raises(tocgraph.FormatError, match=r"values frame, row 0 \(index 0\), column 'start': .*2021-02-30"):
        tocgraph.from_pandas(nodes=nodes.iloc[:1], indicators=indicators, values=values)
    values = pd.DataFrame({"kind": ["actual"], "indicator": ["i"], "start": ["2021-01-01"]}, index=[7])
    with pytest.raises(tocgraph.FormatError, match=r"values frame, row 0 \(index 7\), column 'end': an actual needs a period"):
        tocgraph.from_pandas(nodes=nodes.iloc[:1], indicators=indicators, values=values)
    values = pd.DataFrame({"kind": ["baseline"], "indicator": ["i"], "end": ["2021-01-01"]})
    with pytest.raises(tocgraph.FormatError, match=r"row 0 \(index 0\), column 'end': a baseline has a date, not a period"):
        tocgraph.from_pandas(nodes=nodes.iloc[:1], indicators=indicators, values=values)
    values = pd.DataFrame({"kind": ["target", "target"], "indicator": ["i", "i"], "start": ["2021-01-01"] * 2,
                           "end": ["2021-12-31"] * 2, "dimension.sex": ["f", 3]})
    with pytest.raises(tocgraph.FormatError, match=r"values frame, row 1 \(index 1\), column 'dimension.sex': expected a string"):
        tocgraph.from_pandas(nodes=nodes.iloc[:1], indicators=indicators, values=values)
    with pytest.raises(tocgraph.FormatError, match=r"values frame, row 0 \(index 0\), column 'kind': expected \"baseline\""):
        tocgraph.from_pandas(nodes=nodes.iloc[:1], indicators=indicators, values=pd.DataFrame({"kind": ["goal"], "indicator": ["i"]}))
    with pytest.raises(tocgraph.FormatError, match=r"values frame, row 0 \(index 0\), column 'indicator': unknown indicator 'zz'"):
        tocgraph.from_pandas(nodes=nodes.iloc[:1], values=pd.DataFrame({"kind": ["actual"], "indicator": ["zz"]}))
    with pytest.raises(TypeError, match="nodes must be a pandas DataFrame"):
        tocgraph.from_pandas(nodes=[{"id": "g"}])


def test_years_are_integers_in_a_column_with_empty_cells():
    nodes = pd.DataFrame({"id": ["g"], "level": ["goal"]})
    indicators = pd.DataFrame({"id": ["i"], "node": ["g"]})
    # pandas makes a number column with an empty cell a float column.
    values = pd.DataFrame({"kind": ["baseline", "baseline"], "indicator": ["i", "i"], "year": [2019, None],
                           "value": [1, 2]})
    assert values["year"].dtype == float
    toc = tocgraph.from_pandas(nodes=nodes, indicators=indicators, values=values)
    assert [b.year for b in toc.indicator("i").baselines] == [2019, None]
    frame = toc.to_pandas().values
    assert str(frame["year"].dtype) == "Int64" and frame.loc[0, "year"] == 2019 and pd.isna(frame.loc[1, "year"])
    values.loc[1, "year"] = 2019.5
    with pytest.raises(tocgraph.FormatError, match=r"values frame, row 1 \(index 1\), column 'year': expected an integer, got 2019.5"):
        tocgraph.from_pandas(nodes=nodes, indicators=indicators, values=values)


def test_values_given_in_two_places_are_refused():
    nodes = pd.DataFrame({"id": ["g"], "level": ["goal"]})
    period = {"start": "2021-01-01", "end": "2021-12-31"}
    indicators = pd.DataFrame({"id": ["i"], "node": ["g"], "targets": [[{"period": period, "value": 1}]]})
    assert tocgraph.from_pandas(nodes=nodes, indicators=indicators).indicator("i").targets[0].value == 1
    values = pd.DataFrame({"kind": ["target"], "indicator": ["i"], "start": ["2021-01-01"], "end": ["2021-12-31"]})
    with pytest.raises(tocgraph.FormatError, match=r"column 'indicator': indicator 'i' also has targets in the indicators frame"):
        tocgraph.from_pandas(nodes=nodes, indicators=indicators, values=values)
