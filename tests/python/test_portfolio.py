"""tocgraph.portfolio: many theories of change read in partitions and analysed
in this process, a local process pool or on Dask (docs/portfolio.md).

The fixtures in tests/data/portfolio/programmes hold every format a portfolio reads, a
file that cannot be read and an IATI file with one damaged activity. The
engines must give identical frames; a worker killed mid-run must leave every
theory of change counted once. Tests on the shared real data skip when
../shared/data beside the checkout is absent.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

import tocgraph

pd = pytest.importorskip("pandas")
from pandas.testing import assert_frame_equal  # noqa: E402

from tocgraph.portfolio import Portfolio  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data" / "portfolio" / "programmes"
SDG_FRAMEWORK = ROOT / "tests" / "data" / "portfolio" / "sdg.json"
SHARED = ROOT.parent / "shared" / "data"
MULTI_PUBLISHER = SHARED / "iati-publishers" / "ocha-dportal-multi-publisher-extract" / "dportal_results_sample.xml"
needs_shared = pytest.mark.skipif(not MULTI_PUBLISHER.exists(),
                                  reason=f"the shared real-data folder {SHARED} is absent")

ACTIVITIES = str(FIXTURES / "iati" / "activities.xml")
DAMAGED = str(FIXTURES / "iati" / "damaged.xml")
BROKEN = str(FIXTURES / "tocs" / "broken.json")
WATER = str(FIXTURES / "tocs" / "water.json")
TRAFFICKING = str(FIXTURES / "tocs" / "counter-trafficking.json")
LOGFRAME = str(FIXTURES / "logframe.csv")
#: Every theory of change of the fixtures, as (file, offset), in reading order.
ALL_TOCS = [(ACTIVITIES, 272), (ACTIVITIES, 1570), (ACTIVITIES, 2417), (DAMAGED, 73), (DAMAGED, 546),
            (LOGFRAME, 0), (BROKEN, 0), (TRAFFICKING, 0), (WATER, 0)]
ALL_TOCS.remove((BROKEN, 0))  # it cannot be read
EXPECTED_FAILURES = [
    (DAMAGED, "FormatError",
     f"{DAMAGED}:12:2: end tag </iati-activity> does not match start tag <title> opened at 11:3"),
    (BROKEN, "FormatError", f'{BROKEN}: /links/0/target: unknown node "oc9"'),
]


def portfolio(**options: Any) -> Portfolio:
    return Portfolio(FIXTURES, **options)


def failures(p: Portfolio) -> list[tuple[str, str, str]]:
    return [(f.file, f.error, f.message) for f in p.failures.itertuples()]


def keys(frame: Any) -> list[tuple[str, int]]:
    return list(zip(frame["file"], frame["offset"]))


# ---- reading ------------------------------------------------------------------------------


def test_every_format_one_row_per_toc_and_a_failures_table() -> None:
    p = portfolio()
    assert p.files == [ACTIVITIES, DAMAGED, LOGFRAME, BROKEN, TRAFFICKING, WATER]
    tocs = p.tocs()
    assert keys(tocs) == ALL_TOCS
    by_id = tocs.set_index("identifier")
    assert by_id.loc["XM-A-1", ["publisher", "countries", "sectors"]].tolist() == ["XM-A", "KH TH", "15180"]
    # DAC sectors of the activity and of its transactions; vocabulary 99 is not DAC.
    assert by_id.loc["XM-A-2", "sectors"] == "140 14030"
    water = tocs[tocs["file"] == WATER].iloc[0]
    assert water[["publisher", "countries", "sectors", "nodes"]].tolist() == ["Water Fund", "KE", "14030", 6]
    assert water["start"] == pd.Timestamp("2021-01-01")
    assert list(p.failures.columns) == ["file", "partition", "error", "message"]
    assert failures(p) == EXPECTED_FAILURES


def test_a_missing_file_or_empty_glob_is_a_failure_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    p = Portfolio([WATER, tmp_path / "gone.json", str(tmp_path / "*.xml"), tmp_path / "notes.txt", BROKEN])
    assert len(p.tocs()) == 1
    assert [(f.partition, f.error) for f in p.failures.itertuples()] == [
        (-1, "FileNotFoundError"), (-1, "FileNotFoundError"), (-1, "UnknownFormat"), (1, "FormatError")]
    assert p.failures["message"][1] == f"{tmp_path / '*.xml'}: no file matches"


def test_iati_byte_ranges_give_what_whole_files_give() -> None:
    whole = portfolio()
    ranges = portfolio(block_size=300)  # activities.xml in 10 ranges, some holding no activity start
    assert (ranges.plan()["file"] == ACTIVITIES).sum() == 10
    assert_frame_equal(ranges.indicators(), whole.indicators())
    assert_frame_equal(ranges.tocs(), whole.tocs())
    # Without the start of the file a range cannot count lines: it names the activity's byte.
    assert failures(ranges)[0][2] == (
        f"{DAMAGED}: activity at byte 306, line 5:2 of the activity: end tag </iati-activity> does not "
        "match start tag <title> opened at 4:3")


def test_sources_as_bytes_and_fsspec_urls() -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe("/portfolio-test/water.json", Path(WATER).read_bytes())
    fs.pipe("/portfolio-test/activities.xml", Path(ACTIVITIES).read_bytes())
    try:
        p = Portfolio(["memory://portfolio-test/*", ("lf.csv", Path(LOGFRAME).read_bytes()),
                       Path(TRAFFICKING).read_bytes()], block_size=1000)
        tocs = p.tocs()
    finally:
        fs.rm("/portfolio-test", recursive=True)
    url = "memory:///portfolio-test/"  # as fsspec spells it
    assert keys(tocs) == [(url + "activities.xml", 272), (url + "activities.xml", 1570), (url + "activities.xml", 2417),
                          (url + "water.json", 0), ("lf.csv", 0), ("<bytes 2>", 0)]
    assert tocs["programme"].tolist()[3:] == ["Rural water supply", "", "Counter-trafficking in the Mekong"]
    assert failures(p) == []


@needs_shared
def test_the_real_extract_gives_what_the_plain_loop_gives() -> None:
    tocs, _ = tocgraph.read_iati(MULTI_PUBLISHER)
    expected = [(t.metadata.attributes["iati"]["identifier"], f.code, f.message) for t in tocs for f in t.lint()]
    for block_size in ("32MB", "100kB"):  # the whole file, then 13 byte ranges
        lint = Portfolio(MULTI_PUBLISHER, block_size=block_size).lint()
        assert list(zip(lint["identifier"], lint["code"], lint["message"])) == expected
    progress = Portfolio(MULTI_PUBLISHER).progress(as_of="2022-12-31")
    plain = [(p.indicator, p.status) for t in tocs for p in tocgraph.monitoring.progress(t, "2022-12-31")]
    assert list(zip(progress["indicator"], progress["status"])) == plain


# ---- operations -----------------------------------------------------------------------------


def test_lint_rows_are_the_linters_findings() -> None:
    lint = portfolio().lint(min_severity="warning")
    water = lint[lint["file"] == WATER]
    findings = tocgraph.load(WATER).lint(min_severity="warning")
    assert water["code"].tolist() == [f.code for f in findings]
    assert [json.loads(ids) for ids in water["ids"]] == [list(f.ids) for f in findings]
    with pytest.raises(ValueError, match="TOC999"):
        portfolio().lint(select="TOC999")  # checked before any work is sent out


def test_progress_rollup_and_indicators_of_one_toc() -> None:
    p = Portfolio(WATER)
    progress = p.progress(as_of="2022-06-30")
    assert progress[["node", "level", "indicator", "baseline"]].values.tolist() == [
        ["io1", "immediate_outcome", "ws_ind1", 10.0]]
    plain = tocgraph.monitoring.progress(tocgraph.load(WATER), "2022-06-30")[0]
    assert progress[["target", "actual", "achievement", "expected", "status"]].values.tolist() == [
        [plain.target, plain.actual, plain.achievement, plain.expected, plain.status]]
    assert progress["baseline_date"][0] == pd.Timestamp("2021-01-01")
    rollup = p.rollup(as_of=datetime.date(2022, 6, 30), method="weakest")
    assert rollup["node"].tolist() == ["goal", "pw1", "eop1", "io1", "out1"]  # no activity: not a result
    assert set(rollup["method"]) == {"weakest"}
    indicators = p.indicators()
    assert indicators["kind"].tolist() == ["baseline", "target", "target", "actual", "actual"]
    assert [json.loads(d) for d in indicators["dimensions"]][-2:] == [{"sex": "female"}, {"sex": "male"}]
    assert indicators["end"].tolist()[1:3] == [pd.Timestamp("2021-12-31"), pd.Timestamp("2022-12-31")]


def test_every_partition_has_the_same_columns_even_when_empty() -> None:
    empty = Portfolio(BROKEN).progress(as_of="2022-06-30")
    full = Portfolio(WATER).progress(as_of="2022-06-30")
    assert len(empty) == 0
    assert empty.dtypes.to_dict() == full.dtypes.to_dict()


def test_sdg_coverage() -> None:
    framework = tocgraph.sdg.load_framework(SDG_FRAMEWORK)
    coverage = portfolio().sdg_coverage(framework)
    assert coverage.rows[["identifier", "programme", "node", "target", "via"]].values.tolist() == [
        ["XM-A-1", "Counter-trafficking case management", "result-1", "16.2", "contributor"],
        ["", "Rural water supply", "goal", "6.1", "contributor"],
        ["", "Rural water supply", "eop1", "6.1", "node"],
    ]
    assert coverage.by_target[["target", "tocs", "outcomes"]].values.tolist() == [
        ["6.1", 1, 2], ["6.b", 0, 0], ["16.2", 1, 1], ["16.3", 0, 0]]
    assert coverage.unserved["target"].tolist() == ["6.b", "16.3"]
    assert coverage.unknown[["file", "node", "reference"]].values.tolist() == [
        [TRAFFICKING, "goal", "sdg-target:16.99"], [TRAFFICKING, "eop1", "sdg-target:16.99"]]


def size_and_title(toc: tocgraph.TheoryOfChange) -> Any:
    if len(toc) > 5:
        return {"nodes": len(toc), "title": toc.metadata.title}
    return None if len(toc) == 4 else len(toc)


def test_map_a_function() -> None:
    result = portfolio().map(size_and_title)
    assert result.columns.tolist()[6:] == ["value", "nodes", "title"]  # in the order first seen
    assert result[["offset", "nodes", "value"]].fillna(-1).values.tolist() == [
        [272, -1, 2], [1570, -1, 2], [2417, -1, 2], [73, -1, 1], [546, -1, 1], [0, 6, -1], [0, 6, -1]]
    with pytest.raises(TypeError, match="takes a function"):
        portfolio().map(42)  # type: ignore[arg-type]


def test_filters() -> None:
    p = portfolio()

    def ids(view: Portfolio) -> list[str]:
        return [i or f for i, f in zip(view.tocs()["identifier"], view.tocs()["file"])]

    assert ids(p.filter(publisher="XM-A")) == ["XM-A-1", "XM-A-2"]
    assert ids(p.filter(country=["LA", "KE"])) == ["XM-A-2", "XM-B-1", TRAFFICKING, WATER]
    assert ids(p.filter(sector="140")) == ["XM-A-2", WATER]  # a DAC category takes its 5-digit codes
    assert ids(p.filter(text="TRAFFICKING")) == ["XM-A-1", TRAFFICKING]  # in a node title or the programme's
    assert ids(p.filter(funder="DFAT")) == [TRAFFICKING]
    assert ids(p.filter(publisher="XM-A").filter(country="KH")) == ["XM-A-1"]
    assert ids(p.filter(where=lambda toc: len(toc.indicators()) > 1)) == [LOGFRAME]
    assert ids(p.filter(identifier=lambda text: text.endswith("-1"))) == ["XM-A-1", "XM-B-1", "XM-C-1"]
    rollup = p.filter(country="KE").rollup(as_of="2022-06-30")
    assert set(rollup["countries"]) == {"KE"}
    assert len(p.filter(country="FR").lint()) == 0


def test_a_function_that_fails_fails_its_toc_only() -> None:
    def strict(toc: tocgraph.TheoryOfChange) -> int:
        if toc.metadata.title == "Rural water supply":
            raise RuntimeError("no water today")
        return len(toc)

    p = Portfolio([WATER, TRAFFICKING])
    assert p.map(strict)["file"].tolist() == [TRAFFICKING]
    assert failures(p) == [(WATER, "RuntimeError", f"{WATER}: Rural water supply: no water today")]


# ---- engines ----------------------------------------------------------------------------------


def every_table(p: Portfolio) -> list[Any]:
    """Each operation's frame and the failures it left."""
    out = []
    for run in (lambda: p.tocs(), lambda: p.lint(), lambda: p.progress(as_of="2022-06-30"),
                lambda: p.rollup(as_of="2022-06-30"), lambda: p.indicators()):
        out += [run(), p.failures]
    return out


class ExitOnce:
    """A map function whose process dies the first time it runs anywhere (the marker file says so)."""

    def __init__(self, marker: Path, only: str = "") -> None:
        self.marker = marker
        self.only = only

    def __call__(self, toc: tocgraph.TheoryOfChange) -> int:
        if self.only:
            if toc.metadata.title == self.only:
                os._exit(3)  # every time
        else:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL))
                os._exit(3)
            except FileExistsError:
                pass
        return len(toc)


@pytest.fixture(scope="module")
def cluster() -> Any:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as c, distributed.Client(c) as client:
        yield client


def test_a_process_pool_gives_the_same_frames() -> None:
    local = every_table(portfolio(partition_files=1))
    with portfolio(partition_files=1, workers=2) as p:  # one pool for every operation
        pool = every_table(p)
    for a, b in zip(local, pool):
        assert_frame_equal(a, b, check_exact=True)


def test_a_process_pool_survives_a_killed_worker(tmp_path: Path) -> None:
    with portfolio(workers=2) as p:
        result = p.map(ExitOnce(tmp_path / "killed"))
    assert (tmp_path / "killed").exists()
    assert keys(result) == ALL_TOCS  # every theory of change once
    # A partition that kills its worker every time is reported, and the others are read.
    with Portfolio([WATER, TRAFFICKING, LOGFRAME], workers=2) as p:
        result = p.map(ExitOnce(tmp_path / "unused", only="Rural water supply"))
    assert result["file"].tolist() == [TRAFFICKING, LOGFRAME]
    assert [(f.file, f.error) for f in p.failures.itertuples()] == [(WATER, "WorkerDied")]


def test_dask_gives_the_same_frames(cluster: Any) -> None:
    local = every_table(portfolio(partition_files=1))
    on_dask = every_table(portfolio(partition_files=1, engine="dask"))
    for a, b in zip(local, on_dask):
        assert_frame_equal(a, b, check_exact=True)
    with_client = portfolio(client=cluster).lint()
    assert_frame_equal(with_client, local[2], check_exact=True)


def test_lazy_gives_a_dask_dataframe_of_the_same_rows(cluster: Any) -> None:
    dd = pytest.importorskip("dask.dataframe")
    sources = [FIXTURES, str(FIXTURES / "none" / "*.json")]  # failures before and while reading
    eager = Portfolio(sources, partition_files=1)
    lazy = Portfolio(sources, partition_files=1, engine="dask")
    rows = lazy.indicators(lazy=True)
    assert isinstance(rows, dd.DataFrame)
    assert rows.npartitions == lazy.npartitions
    assert_frame_equal(rows.compute().reset_index(drop=True), eager.indicators(), check_exact=True)
    assert len(eager.failures) == 3
    assert_frame_equal(lazy.failures.compute().reset_index(drop=True), eager.failures, check_exact=True)


def test_dask_survives_a_killed_worker(cluster: Any, tmp_path: Path) -> None:
    p = portfolio(partition_files=1, engine="dask")
    result = p.map(ExitOnce(tmp_path / "killed"))
    assert (tmp_path / "killed").exists()
    assert keys(result) == ALL_TOCS  # every theory of change once
    assert failures(p) == EXPECTED_FAILURES


def test_dask_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"pip install 'tocgraph\[dask\]'"):
        portfolio(engine="dask").tocs()


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        Portfolio(WATER, engine="spark")
    with pytest.raises(ValueError, match="workers must be a positive int"):
        Portfolio(WATER, workers=0)
    with pytest.raises(ValueError, match="unknown format"):
        Portfolio(WATER, format="yaml")
    with pytest.raises(ValueError, match="invalid size"):
        Portfolio(WATER, block_size="lots")
    with pytest.raises(ValueError, match="invalid date"):
        Portfolio(WATER).progress(as_of="30/06/2022")
