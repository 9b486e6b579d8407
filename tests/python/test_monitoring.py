"""Monitoring from Python: progress, roll-up, explanations and breakdowns on
the bundled ASEAN-ACT example (figures computed by hand in the comments) and
on small theories of change built here; dates, tolerances, errors, the
value classes and the plot."""

from __future__ import annotations

import copy
import datetime
import inspect
import math
import pickle
import sys

import pytest

import tocgraph
from tocgraph import monitoring

from conftest import EXAMPLE, in_threads, toc_of

AS_OF = "2022-12-31"


@pytest.fixture(scope="module")
def example() -> tocgraph.TheoryOfChange:
    return tocgraph.load(EXAMPLE)


def year(y: int, value: float | None, **dimensions: str) -> tocgraph.PeriodValue:
    return tocgraph.PeriodValue(
        period=tocgraph.Period(f"{y}-01-01", f"{y}-12-31"), value=value, dimensions=dimensions
    )


def small_toc() -> tocgraph.TheoryOfChange:
    """goal <- o1 (0.5 achieved of 1.0 expected), o2 (0.46 of 0.5) as of 2021-12-31."""
    toc = toc_of([
        ("goal", "goal", "Goal"),
        ("o1", "immediate_outcome", "One"),
        ("o2", "immediate_outcome", "Two"),
    ])
    toc.add_link(source="o1", target="goal", strength=0.8)
    toc.add_link(source="o2", target="goal", strength=0.2)
    for ind, node, actual, end in (("i1", "o1", 50, 2021), ("i2", "o2", 46, 2022)):
        toc.add_indicator(
            id=ind,
            node=node,
            baselines=[tocgraph.Baseline(date="2020-12-31", value=0)],
            targets=[year(end, 100)],
            actuals=[year(2021, actual)],
        )
    return toc


# ---- indicator progress --------------------------------------------------------------


def test_progress_dataframe_of_the_example(example: tocgraph.TheoryOfChange) -> None:
    frame = example.progress(as_of=AS_OF)
    assert len(frame) == 10
    assert list(frame.columns[:3]) == ["node", "indicator", "title"]
    rows = frame.set_index("indicator")
    # Cumulative plans: 3 against a trajectory 1 -> 2 -> 4 -> 6.
    plans = rows.loc["ind_io11_plans"]
    assert plans["baseline"] == 1 and plans["target"] == 6 and plans["actual"] == 3
    assert plans["achievement"] == pytest.approx(0.4)
    assert plans["expected"] == pytest.approx(0.6)
    assert plans["status"] == "at_risk"
    assert plans["actual_date"] == datetime.date(2022, 12, 31)
    # Incremental officials, summed across Member States: 32 + 46 + 62 of 300.
    officials = rows.loc["ind_io12_participants"]
    assert officials["actual"] == 140 and officials["target"] == 300
    assert officials["expected"] == pytest.approx(0.6)
    assert "values were due up to 2022-12-31" in officials["notes"]
    # Ratio of Member States on time: 9 of 10 = 90%, baseline 40, target 100.
    on_time = rows.loc["ind_io13_on_time"]
    assert on_time["actual"] == pytest.approx(90)
    assert on_time["achievement"] == pytest.approx(50 / 60)
    assert on_time["status"] == "on_track"
    # Descending months to publish: (9 - 14) / (6 - 14).
    assert rows.loc["ind_io13_months_to_report", "achievement"] == pytest.approx(0.625)
    # No baseline for a level: no figure (NaN), no data.
    usefulness = rows.loc["ind_io12_usefulness"]
    assert math.isnan(usefulness["achievement"])
    assert usefulness["status"] == "no_data"
    # Qualitative: status from the assessments reported.
    assessment = rows.loc["ind_eopo1_assessment"]
    assert assessment["status"] == "on_track"
    assert math.isnan(assessment["achievement"])
    assert assessment["comment"].startswith("Template in use")


def test_progress_as_plain_objects(example: tocgraph.TheoryOfChange) -> None:
    table = monitoring.progress(example, as_of=AS_OF)
    assert isinstance(table, monitoring.ProgressTable)
    assert len(table) == 10
    assert table.as_of == datetime.date(2022, 12, 31)
    plans = table.indicator("ind_io11_plans")
    assert isinstance(plans, tocgraph.IndicatorProgress)
    assert plans.achievement == pytest.approx(0.4)
    assert plans.status == "at_risk"
    assert plans.filter == {}
    assert [p.period.end for p in plans.periods] == [
        datetime.date(2021, 12, 31),
        datetime.date(2022, 12, 31),
        datetime.date(2023, 12, 31),
    ]
    assert plans.periods[0].achievement == pytest.approx(1.0)  # 2 of target 2
    assert plans.periods[2].due is False
    assert sum(table.counts().values()) == 10
    assert table.counts()["no_data"] == 1
    with pytest.raises(KeyError, match="no indicator"):
        table.indicator("nope")
    assert "<table>" in table._repr_html_()
    assert "ind_io11_plans" in table._repr_html_()
    assert repr(table).startswith("<ProgressTable as of 2022-12-31: 10 indicators (")
    assert [p.indicator for p in table[:2]] == ["ind_eopo1_assessment", "ind_io11_plans"]


def test_indicator_progress_of_one_member_state(example: tocgraph.TheoryOfChange) -> None:
    # Myanmar reported no national report on time in 2022 (0 of 1): held to
    # the regional baseline 40 and target 100, (0 - 40) / (100 - 40).
    mm = monitoring.indicator_progress(example, "ind_io13_on_time", AS_OF, filter={"country": "MM"})
    assert mm.filter == {"country": "MM"}
    assert mm.actual == 0
    assert mm.achievement == pytest.approx(-40 / 60)
    assert mm.status == "off_track"
    assert any("targets of the whole indicator apply" in n for n in mm.notes)
    with pytest.raises(KeyError, match='no indicator "nope"'):
        monitoring.indicator_progress(example, "nope", AS_OF)


def test_dates_and_defaults(example: tocgraph.TheoryOfChange) -> None:
    by_string = monitoring.progress(example, "2022-06-30")
    by_date = monitoring.progress(example, datetime.date(2022, 6, 30))
    assert list(by_string) == list(by_date)
    assert by_string.indicator("ind_io11_plans").actual == 2  # 2022 not over yet
    today = monitoring.progress(example)
    assert today.as_of == datetime.date.today()
    with pytest.raises(ValueError, match='invalid date "2022-02-30"; expected YYYY-MM-DD'):
        example.progress(as_of="2022-02-30")
    with pytest.raises(ValueError, match='invalid date "31/12/2022"'):
        monitoring.rollup(example, "31/12/2022")
    with pytest.raises(TypeError, match="got datetime"):
        monitoring.progress(example, datetime.datetime(2022, 12, 31))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got int"):
        monitoring.progress(example, 2022)  # type: ignore[arg-type]


def test_tolerances(example: tocgraph.TheoryOfChange) -> None:
    # Plans: 0.4 achieved of 0.6 expected, 0.67 of the way.
    lenient = monitoring.progress(example, AS_OF, at_risk_below=0.6, off_track_below=0.3)
    assert lenient.indicator("ind_io11_plans").status == "on_track"
    strict = monitoring.progress(example, AS_OF, at_risk_below=0.95, off_track_below=0.7)
    assert strict.indicator("ind_io11_plans").status == "off_track"
    with pytest.raises(ValueError, match=r"off_track_below \(0.8\) must not exceed at_risk_below \(0.5\)"):
        example.progress(as_of=AS_OF, at_risk_below=0.5, off_track_below=0.8)
    with pytest.raises(ValueError, match="must not be negative"):
        monitoring.rollup(example, AS_OF, off_track_below=-1)
    assert monitoring.status_for(0.45, 0.5) == "on_track"
    assert monitoring.status_for(0.44, 0.5) == "at_risk"
    assert monitoring.status_for(0.2, 0.5) == "off_track"


def test_every_accumulation_mode_from_python() -> None:
    toc = toc_of([("n", "output")])
    common = dict(node="n", baselines=[tocgraph.Baseline(date="2020-12-31", value=1)])
    targets = [year(2021, 2), year(2022, 4)]
    actuals = [year(2021, 2), year(2022, 3)]
    toc.add_indicator(id="inc", accumulation="incremental", targets=targets, actuals=actuals, **common)
    toc.add_indicator(id="cum", accumulation="cumulative", targets=targets, actuals=actuals, **common)
    toc.add_indicator(id="lvl", accumulation="level", targets=targets, actuals=actuals, **common)
    table = monitoring.progress(toc, "2022-12-31")
    assert table.indicator("inc").actual == 5  # 2 + 3, of 2 + 4
    assert table.indicator("inc").achievement == pytest.approx(5 / 6)
    assert table.indicator("cum").achievement == pytest.approx(2 / 3)  # (3 - 1) / (4 - 1)
    assert table.indicator("lvl").achievement == pytest.approx(2 / 3)


# ---- roll-up and explanations --------------------------------------------------------------


def test_rollup_dataframe_of_the_example(example: tocgraph.TheoryOfChange) -> None:
    frame = example.rollup(as_of=AS_OF)
    assert len(frame) == len(example)
    rows = frame.set_index("node")
    # io_1_1: plans (0.4 of 0.6) and the guidance output (0 of 1), averaged.
    assert rows.loc["io_1_1", "achievement"] == pytest.approx(0.2)
    assert rows.loc["io_1_1", "expected"] == pytest.approx(0.8)
    assert rows.loc["io_1_1", "status"] == "off_track"
    assert rows.loc["io_1_1", "scored_inputs"] == 2
    # Pathways 2 and 3 have nothing beneath: no data, not 0.
    assert math.isnan(rows.loc["pathway_2", "achievement"])
    assert rows.loc["pathway_2", "status"] == "no_data"
    assert rows.loc["goal", "achievement"] == pytest.approx(rows.loc["pathway_1", "achievement"])
    weakest = example.rollup(as_of=AS_OF, method="weakest").set_index("node")
    assert weakest.loc["io_1_1", "decisive"] == "out_planning_guidance"
    assert weakest.loc["io_1_1", "achievement"] == 0
    with pytest.raises(ValueError, match='unknown value "median"; expected "mean", "weighted"'):
        example.rollup(as_of=AS_OF, method="median")  # type: ignore[arg-type]


def test_rollup_methods_by_hand() -> None:
    toc = small_toc()
    mean = monitoring.rollup(toc, "2021-12-31")
    goal = mean.node("goal")
    assert goal.achievement == pytest.approx(0.48)  # (0.5 + 0.46) / 2
    assert goal.expected == pytest.approx(0.75)  # (1.0 + 0.5) / 2
    assert goal.status == "at_risk"
    weighted = monitoring.rollup(toc, "2021-12-31", method="weighted").node("goal")
    assert weighted.achievement == pytest.approx(0.8 * 0.5 + 0.2 * 0.46)
    assert weighted.status == "off_track"
    weakest = monitoring.rollup(toc, "2021-12-31", method="weakest").node("goal")
    assert weakest.decisive == "o1"
    strongest = monitoring.rollup(toc, "2021-12-31", method="strongest").node("goal")
    assert strongest.decisive == "o2"
    assert strongest.status == "on_track"
    assert isinstance(mean.indicators, monitoring.ProgressTable)
    assert [n.node for n in mean.nodes] == ["goal", "o1", "o2"]
    assert mean.method == "mean"
    assert repr(mean) == "<Rollup as of 2021-12-31 (mean): 3 nodes>"
    assert "<table>" in mean._repr_html_()
    assert list(mean.to_dataframe()["node"]) == ["goal", "o1", "o2"]
    with pytest.raises(KeyError, match='no node "nope"'):
        mean.node("nope")


def test_explain(example: tocgraph.TheoryOfChange) -> None:
    e = example.explain("io_1_3", as_of=AS_OF)
    assert isinstance(e, tocgraph.Explanation)
    assert e.node.node == "io_1_3"
    assert {d.id for d in e.drivers} == {
        "ind_io13_on_time",
        "ind_io13_months_to_report",
        "out_monitoring_template",
        "out_progress_reports",
    }
    assert e.drivers[0].id == "ind_io13_months_to_report"  # furthest behind schedule
    assert sum(d.share for d in e.drivers) == pytest.approx(1.0)
    text = str(e)
    assert text.startswith('io_1_3 "ASEAN has effective victim-sensitive ACTIP monitoring')
    assert "Held back most by ind_io13_months_to_report (at risk)" in text
    assert "<table>" in e._repr_html_()
    assert repr(e) == "<Explanation of io_1_3: on track>"
    goal = monitoring.explain(example, "goal", AS_OF)
    assert [u.id for u in goal.unscored] == ["pathway_2", "pathway_3"]
    assert goal.unscored[0].reason == "no data"
    with pytest.raises(KeyError, match='no node "nope"'):
        example.explain("nope", as_of=AS_OF)


def test_a_cycle_is_a_clear_error() -> None:
    toc = small_toc()
    toc.add_link(source="goal", target="o1")
    with pytest.raises(tocgraph.ModelError, match="the links form a cycle: "):
        toc.rollup(as_of="2021-12-31")


def test_rollup_in_several_threads(example: tocgraph.TheoryOfChange) -> None:
    expected = monitoring.rollup(example, AS_OF, method="weighted").nodes
    assert in_threads(lambda: monitoring.rollup(example, AS_OF, method="weighted").nodes) == [expected] * 4


# ---- breakdowns -------------------------------------------------------------------------


def test_progress_by_member_state(example: tocgraph.TheoryOfChange) -> None:
    frame = example.progress_by("country", as_of=AS_OF)
    assert set(frame["indicator"]) >= {"ind_io12_participants", "ind_io13_on_time"}
    on_time = frame[frame["indicator"] == "ind_io13_on_time"].set_index("value")
    assert list(on_time.index) == ["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"]
    assert on_time.loc["KH", "actual"] == 100
    assert on_time.loc["KH", "achievement"] == pytest.approx(1.0)  # (100 - 40) / (100 - 40)
    assert on_time.loc["MM", "status"] == "off_track"
    assert on_time["has_data"].all()


def test_member_state_actuals_under_a_regional_total_have_no_target(example: tocgraph.TheoryOfChange) -> None:
    # Officials in exchanges are summed across Member States against a
    # regional target only: each Member State has figures but no target.
    frame = example.progress_by("country", as_of=AS_OF, indicator="ind_io12_participants").set_index("value")
    assert len(frame) == 10
    assert frame.loc["KH", "actual"] == 23  # 6 + 9 + 8
    assert frame.loc["BN", "actual"] == 3
    assert set(frame["status"]) == {"no_target"}
    assert frame["has_data"].all()
    assert frame["achievement"].isna().all()
    kh = monitoring.indicator_progress(example, "ind_io12_participants", AS_OF, filter={"country": "KH"})
    assert kh.status == "no_target"
    assert kh.target is None
    assert "no target: achievement cannot be measured" in kh.notes
    # The whole indicator, held to its total, is assessed as before.
    assert monitoring.indicator_progress(example, "ind_io12_participants", AS_OF).status == "at_risk"


def test_no_target_is_counted_apart_and_left_out_of_the_rollup() -> None:
    toc = small_toc()
    toc.add_indicator(id="extra", node="o1", title="Extra", accumulation="level",
                      baselines=[tocgraph.Baseline(value=0, date="2020-12-31")], actuals=[year(2021, 7)])
    table = monitoring.progress(toc, "2021-12-31")
    assert table.indicator("extra").status == "no_target"
    assert table.counts()["no_target"] == 1
    assert "1 no target" in repr(table)
    r = monitoring.rollup(toc, "2021-12-31")
    o1 = r.node("o1")
    assert o1.scored_inputs == 1
    assert [(i.id, i.scored, i.reason) for i in o1.inputs] == [("i1", True, ""), ("extra", False, "no target")]
    assert o1.achievement == pytest.approx(0.5)  # i1 alone
    assert monitoring.status_for(0.5, 1.0) == "off_track"


def test_progress_by_with_the_caller_s_values(example: tocgraph.TheoryOfChange) -> None:
    members = [a.id for a in example.actors() if a.type == "member_state"]
    assert len(members) == 10
    b = monitoring.progress_by(example, "country", AS_OF, indicator="ind_io12_usefulness", values=members)
    assert len(b) == 1
    assert b[0].values == members
    assert sorted(b.missing["ind_io12_usefulness"]) == sorted(set(members) - {"KH", "ID", "PH"})
    frame = b.to_dataframe()
    assert frame.set_index("value").loc["KH", "has_data"]
    assert not frame.set_index("value").loc["LA", "has_data"]
    assert frame.set_index("value").loc["LA", "status"] == "no_data"
    assert "<table>" in b._repr_html_()
    assert repr(b) == "<Breakdown by 'country' as of 2022-12-31: 1 indicators>"
    with pytest.raises(KeyError, match='no indicator "nope"'):
        monitoring.progress_by(example, "country", AS_OF, indicator="nope")
    with pytest.raises(TypeError, match="not a str"):
        monitoring.progress_by(example, "country", AS_OF, values="KH")
    with pytest.raises(ValueError, match="dimension name must not be empty"):
        monitoring.progress_by(example, "", AS_OF)
    assert len(monitoring.progress_by(example, "sex", AS_OF)) == 0


# ---- the value classes -------------------------------------------------------------------


def test_result_values_copy_compare_and_pickle(example: tocgraph.TheoryOfChange) -> None:
    p = monitoring.indicator_progress(example, "ind_io11_plans", AS_OF)
    assert type(p).__module__ == "tocgraph"
    assert pickle.loads(pickle.dumps(p)) == p
    assert copy.deepcopy(p) == p
    with pytest.raises(AttributeError, match=r"IndicatorProgress.status is read-only \(a computed result\); use .replace\(status=...\)"):
        p.status = "off_track"  # type: ignore[misc]
    changed = p.replace(status="off_track")
    assert changed != p and changed.status == "off_track" and p.status == "at_risk"
    assert repr(p).startswith("IndicatorProgress(indicator='ind_io11_plans', filter={}, achievement=0.4")
    assert repr(p).endswith(", status='at_risk')")
    assert "achievement" in p._repr_html_()
    r = monitoring.rollup(example, AS_OF)
    node = r.node("io_1_1")
    assert pickle.loads(pickle.dumps(node)) == node
    assert repr(node).startswith("NodeProgress(node='io_1_1', achievement=0.2")
    e = r.explain("io_1_1")
    assert pickle.loads(pickle.dumps(e)) == e
    b = monitoring.progress_by(example, "country", AS_OF)[0]
    assert pickle.loads(pickle.dumps(b)) == b


def test_dataframes_need_pandas(example: tocgraph.TheoryOfChange, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'tocgraph\[pandas\]'"):
        example.progress(as_of=AS_OF)
    # The plain objects need nothing.
    assert len(monitoring.progress(example, AS_OF)) == 10


# ---- the plot ---------------------------------------------------------------------------


def test_plot_indicator(example: tocgraph.TheoryOfChange) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = tocgraph.plot_indicator(example, "ind_io11_plans", as_of=AS_OF)
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["target trajectory", "actual to date", "baseline", "as of 2022-12-31"]
    trajectory = ax.get_lines()[0]
    assert list(trajectory.get_ydata()) == [1, 2, 4, 6]
    assert list(ax.get_lines()[1].get_ydata()) == [2, 3]
    assert ax.get_title() == "ind_io11_plans: at risk (40% achieved, 60% expected)"
    assert ax.get_ylabel() == "documents"

    # Incremental: running totals, from 0; drawn on the axes given.
    fig, given = plt.subplots()
    ax = tocgraph.plot_indicator(example, "ind_io12_participants", as_of="2022-12-31", ax=given)
    assert ax is given
    assert list(ax.get_lines()[0].get_ydata()) == [0, 30, 60, 120, 180, 240, 300]
    assert list(ax.get_lines()[1].get_ydata()) == [32, 78, 140]
    plt.close("all")

    with pytest.raises(ValueError, match="qualitative"):
        tocgraph.plot_indicator(example, "ind_eopo1_assessment")
    with pytest.raises(KeyError):
        tocgraph.plot_indicator(example, "nope")


def test_the_help_of_a_function_with_options_reads_at_the_margin() -> None:
    doc = inspect.getdoc(tocgraph.monitoring.indicator_progress) or ""
    assert doc.startswith("The progress of one indicator")
    assert '\n``filter={"country": "KH"}`` gives one Member State' in doc
    assert doc.endswith("Options (defaults of the C++ library):\n"
                        "    at_risk_below=0.9: Achievement below this times expected: at risk.\n"
                        "    off_track_below=0.6: Achievement below this times expected: off track.")


# ---- field names --------------------------------------------------------------------------

INDICATOR_PROGRESS_FIELDS = (
    "indicator", "node", "title", "unit", "measure", "accumulation", "aggregation", "ascending", "filter", "as_of",
    "baseline", "baseline_date", "target", "target_date", "actual", "actual_date", "evaluated_at", "expected_value",
    "achievement", "expected", "status", "comment", "unreported", "notes", "periods", "parts",
)


def test_result_fields_are_named_as_in_the_json_of_progress() -> None:
    # One C++ list (monitoring/described.hpp) names these fields for Python and for
    # `tocgraph progress --format json` (tests/cli/test_progress.py checks the same names there).
    assert tocgraph.IndicatorProgress._fields == INDICATOR_PROGRESS_FIELDS
    assert tocgraph.RollupInput._fields == (
        "kind", "id", "title", "achievement", "expected", "status", "weight", "scored", "share", "reason",
    )
    assert tocgraph.Explanation._fields == ("node", "drivers", "unscored", "text")
    assert tocgraph.IndicatorBreakdown._fields == ("indicator", "node", "dimension", "values", "rows", "missing")
    assert monitoring.Tolerances._fields == ("at_risk_below", "off_track_below")
    assert tocgraph.RollupInput.weight.__doc__.startswith("1 for an indicator; the link's strength")
    assert monitoring.Tolerances(at_risk_below=0.8).at_risk_below == 0.8
