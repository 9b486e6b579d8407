"""Progress reports from Python (tocgraph.report, docs/reports.md): the HTML and
Markdown reports of the bundled example as of 2022-12-31, checked section by
section against the model, the monitoring figures and the linter."""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

import tocgraph
from tocgraph import monitoring
from tocgraph.report import report_format

from conftest import EXAMPLE, cyclic_toc

AS_OF = "2022-12-31"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def example() -> tocgraph.TheoryOfChange:
    return tocgraph.load(EXAMPLE)


@pytest.fixture(scope="module")
def html_text(example: tocgraph.TheoryOfChange) -> str:
    return example.report(as_of=AS_OF, format="html")


@pytest.fixture(scope="module")
def markdown(example: tocgraph.TheoryOfChange) -> str:
    return example.report(as_of=AS_OF, format="markdown")


class Page(HTMLParser):
    """What the tests read from an HTML page: headings, sections, table rows, resources."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []  # (tag, text)
        self.sections: list[str] = []  # section ids
        self.rows: dict[str, list[str]] = {}  # data-indicator -> cell texts
        self.headers: list[list[str]] = []  # the th texts of each table
        self.resources: list[tuple[str, str, str]] = []  # (tag, attribute, value) that load something
        self.tags: list[str] = []
        self._heading: str | None = None
        self._text: list[str] = []
        self._row: str | None = None
        self._cell: list[str] | None = None
        self._cells: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading, self._text = tag, []
        elif tag == "section" and "id" in a:
            self.sections.append(a["id"])
        elif tag == "thead":
            self.headers.append([])
        elif tag == "tr" and "data-indicator" in a:
            self._row, self._cells = a["data-indicator"], []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        for name in ("src", "srcset", "data", "poster", "background"):
            if name in a:
                self.resources.append((tag, name, a[name]))
        if tag == "link" or (tag == "script" and "src" in a):
            self.resources.append((tag, "href", a.get("href", a.get("src", ""))))
        if "style" in a and "url(" in a["style"]:
            self.resources.append((tag, "style", a["style"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._heading:
            self.headings.append((tag, " ".join("".join(self._text).split())))
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None:
            text = "".join(self._cell).strip()
            if tag == "th" and self.headers:
                self.headers[-1].append(text)
            self._cells.append(text)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows[self._row] = self._cells
            self._row, self._cells = None, []

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def number(text: str) -> float:
    """The first number in a table cell ("3 documents", "40%", "4.03 score 1-5")."""
    match = re.match(r"-?\d+(?:\.\d+)?", text.strip())
    assert match, f"no number in {text!r}"
    return float(match.group())




# ---- HTML ---------------------------------------------------------------------------


def test_html_header_and_sections(example: tocgraph.TheoryOfChange, html_text: str) -> None:
    page = Page(html_text)
    assert html_text.lstrip().lower().startswith("<!doctype html>")
    assert page.headings[0] == ("h1", example.metadata.title)
    assert page.sections == [
        "summary", "diagram", "indicators", "rollup", "validation", "assumptions", "chances", "feedback"
    ]
    h2 = [text for tag, text in page.headings if tag == "h2"]
    assert h2 == [
        "Summary",
        "Theory of change",
        "Indicators",
        "Progress by pathway",
        "Validation",
        "Assumptions",
        "Chance of success",
        "Consultation feedback",
    ]
    assert AS_OF in html_text
    assert example.metadata.funder in html_text
    assert example.metadata.version in html_text


def test_html_diagram_is_inline_and_coloured_by_status(example: tocgraph.TheoryOfChange, html_text: str) -> None:
    svgs = re.findall(r"<svg\b.*?</svg>", html_text, re.S)
    assert len(svgs) == 1
    root = ET.fromstring(svgs[0])  # well-formed XML inside the page
    groups = {g.get("data-id"): g.get("data-status") for g in root.iter(f"{SVG}g") if g.get("class") == "node"}
    expected = {n.node: n.status for n in monitoring.rollup(example, AS_OF).nodes}
    assert groups == expected


def test_html_indicator_table(example: tocgraph.TheoryOfChange, html_text: str) -> None:
    page = Page(html_text)
    assert page.headers[0] == [
        "Result", "Indicator", "Baseline", "Target", "Latest actual", "Achievement", "Status"
    ]
    table = monitoring.progress(example, AS_OF)
    assert set(page.rows) == {p.indicator for p in table} == {i.id for i in example.indicators()}
    labels = {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track",
              "not_started": "Not started", "no_data": "No data", "no_target": "No target"}
    checked = 0
    for p in table:
        result, indicator, baseline, target, actual, achievement, status = page.rows[p.indicator]
        assert example[p.node].title in result and p.node in result
        assert p.title in indicator and p.indicator in indicator
        assert status == labels[p.status]
        if p.measure == "qualitative":
            continue
        for cell, value, day in ((baseline, p.baseline, p.baseline_date), (target, p.target, p.target_date),
                                 (actual, p.actual, p.actual_date)):
            if value is None:
                assert cell == "\u2013"
                continue
            assert number(cell) == pytest.approx(value, abs=0.006), (p.indicator, cell)
            if day is not None:
                assert day.isoformat() in cell
        if p.achievement is not None:
            assert f"{round(p.achievement * 100)}%" in achievement
            checked += 1
    assert checked >= 6
    plans = page.rows["ind_io11_plans"]
    assert [number(c) for c in plans[2:5]] == [1, 6, 3] and plans[6] == "At risk"
    assert page.rows["ind_out_guidance"][6] == "Off track"


def test_html_rollup_by_pathway(example: tocgraph.TheoryOfChange, html_text: str) -> None:
    page = Page(html_text)
    h3 = [text for tag, text in page.headings if tag == "h3"]
    pathways = [n.title for n in example if n.level == "pathway"]
    assert h3[: len(pathways) + 1] == ["Overall", *pathways]
    rollup_section = html.unescape(
        html_text[html_text.index('<section id="rollup">'):html_text.index('<section id="validation">')]
    )
    # Each pathway's table lists the pathway and every result and activity feeding it.
    chunks = rollup_section.split("<h3>")[2:]
    assert len(chunks) == len(pathways)
    for pathway, chunk in zip([n for n in example if n.level == "pathway"], chunks):
        members = [pathway.id, *example.contributors(pathway.id)]
        assert len(re.findall(r"<tr\b", chunk)) - 1 == len(members)  # less the heading row
        for member in members:
            assert example[member].title in chunk and member in chunk, (pathway.id, member)
    # The pathway figure as monitoring computes it.
    p1 = monitoring.rollup(example, AS_OF).node("pathway_1")
    assert p1.achievement is not None
    assert f"{round(p1.achievement * 100)}%" in rollup_section


def test_html_findings_assumptions_and_feedback(example: tocgraph.TheoryOfChange, html_text: str) -> None:
    validation = html_text[html_text.index('<section id="validation">'):html_text.index('<section id="assumptions">')]
    findings = example.lint()
    assert len(findings) > 0
    for finding in findings:
        assert finding.code in validation
    assert validation.count("<tr") - 1 == len(findings)  # less the heading row

    assumptions = html_text[html_text.index('<section id="assumptions">'):html_text.index('<section id="feedback">')]
    for a in example.assumptions():
        assert a.statement in assumptions and a.id in assumptions
    for link in example.links():
        for a in link.assumptions:
            assert f"{link.source} -&gt; {link.target}" in assumptions or f"{link.source} \u2192 {link.target}" in assumptions

    feedback = html_text[html_text.index('<section id="feedback">'):]
    page = Page(feedback)
    phases = [phase.title for c in example.metadata.consultations for phase in c.phases]
    assert phases == ["Pre-workshop", "Workshop via videoconference", "Finalization of output"]
    assert [text for tag, text in page.headings if tag == "h3"] == phases
    for item in example.feedback():
        assert item.text in html.unescape(feedback), item.id


def test_html_is_self_contained(html_text: str) -> None:
    page = Page(html_text)
    assert page.resources == []
    assert "link" not in page.tags and "iframe" not in page.tags and "img" not in page.tags
    assert "@import" not in html_text
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html_text)
    # Any http(s) address is a hyperlink to a source or the SVG namespace, never loaded.
    for address in re.findall(r"https?://[^\s\"'<>)]+", html_text):
        assert address == "http://www.w3.org/2000/svg" or f'href="{address}"' in html_text, address
    assert "<style>" in html_text  # styles inline


# ---- Markdown -----------------------------------------------------------------------


def test_markdown_report(example: tocgraph.TheoryOfChange, markdown: str) -> None:
    lines = markdown.splitlines()
    assert lines[0] == f"# {example.metadata.title}"
    assert [line for line in lines if line.startswith("## ")] == [
        "## Summary",
        "## Theory of change",
        "## Indicators",
        "## Progress by pathway",
        "## Validation",
        "## Assumptions",
        "## Chance of success",
        "## Consultation feedback",
    ]
    assert f"**Progress as of:** {AS_OF}" in markdown
    # The diagram: a Mermaid block with every link.
    block = markdown[markdown.index("```mermaid"):]
    block = block[: block.index("```", 3)]
    edges = set(re.findall(r"^\s+(\w+) -(?:-|\.)+> (\w+)$", block, re.M))
    assert edges == {(link.source, link.target) for link in example.links()}
    # The indicator table: header, then a row per indicator with its status.
    header = "| Result | Indicator | Baseline | Target | Latest actual | Achievement | Status |"
    assert header in lines
    start = lines.index(header) + 2
    rows = lines[start:start + len(example.indicators())]
    assert all(row.startswith("| ") for row in rows)
    labels = {"on_track": "On track", "at_risk": "At risk", "off_track": "Off track",
              "not_started": "Not started", "no_data": "No data", "no_target": "No target"}
    for p, row in zip(monitoring.progress(example, AS_OF), rows):
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert f"`{p.indicator}`" in cells[1]
        assert cells[6] == f"**{labels[p.status]}**"
        if p.measure != "qualitative" and p.target is not None:
            assert number(cells[3]) == pytest.approx(p.target, abs=0.006)
    # Roll-up by pathway, findings, assumptions, feedback by phase.
    for node in example:
        if node.level == "pathway":
            assert f"### {node.title}" in lines
    for finding in example.lint():
        assert f"`{finding.code}`" in markdown
    for a in example.assumptions():
        assert f"`{a.id}`" in markdown
    for phase in ("Pre-workshop", "Workshop via videoconference", "Finalization of output"):
        assert f"### {phase}" in lines
    assert "#### Open (2)" in lines
    assert not re.search(r"!\[[^\]]*\]\(https?:", markdown)  # no remote images
    assert "<img" not in markdown and "<script" not in markdown


# ---- files and options -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("report.html", "html"), ("report.htm", "html"), ("REPORT.HTML", "html"), ("report.md", "markdown"),
     ("report.markdown", "markdown")],
)
def test_report_chooses_the_format_by_suffix(
    example: tocgraph.TheoryOfChange, tmp_path: Path, name: str, fmt: str
) -> None:
    path = tmp_path / name
    text = example.report(path, as_of=AS_OF)
    assert path.read_text(encoding="utf-8") == text == example.report(as_of=AS_OF, format=fmt)  # type: ignore[arg-type]
    assert report_format(name) == fmt
    assert os.listdir(tmp_path) == [name]


def test_report_without_path_or_format_is_html(example: tocgraph.TheoryOfChange, html_text: str) -> None:
    assert example.report(as_of=AS_OF) == html_text


def test_report_format_overrides_the_suffix(example: tocgraph.TheoryOfChange, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("old", encoding="utf-8")
    example.report(str(path), as_of=AS_OF, format="markdown", title="Annual review")
    assert path.read_text(encoding="utf-8").startswith("# Annual review\n")


def test_report_options_change_the_figures(example: tocgraph.TheoryOfChange, markdown: str) -> None:
    weakest = example.report(as_of=AS_OF, format="markdown", method="weakest")
    assert weakest != markdown
    goal = monitoring.rollup(example, AS_OF, method="weakest").node("goal")
    assert goal.achievement is not None and f"{round(goal.achievement * 100)}% achieved" in weakest
    strict = example.report(as_of=AS_OF, format="markdown", at_risk_below=0.99, off_track_below=0.95)
    assert strict.count("**Off track**") > markdown.count("**Off track**")
    assert example.report(as_of="2021-06-30", format="markdown") != markdown


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda t, p: t.report(p / "report.pdf", as_of=AS_OF), ValueError, r"report\.pdf.*\.html, \.htm, \.md or \.markdown"),
        (lambda t, p: t.report(p / "report", as_of=AS_OF), ValueError, "cannot tell the report format"),
        (lambda t, p: t.report(as_of=AS_OF, format="pdf"), ValueError, "unknown report format 'pdf'"),
        (lambda t, p: t.report(as_of="31/12/2022"), ValueError, "31/12/2022"),
        (lambda t, p: t.report(as_of=AS_OF, method="median"), ValueError, "median"),
        (lambda t, p: t.report(as_of=AS_OF, at_risk_below=0.5), ValueError, "off_track_below"),
        (lambda t, p: t.report(p / "report.html"), TypeError, "as_of"),
        (lambda t, p: t.report(p / "missing" / "report.html", as_of=AS_OF), tocgraph.Error, "report.html"),
    ],
    ids=["suffix", "no-suffix", "format", "date", "method", "tolerances", "no-date", "unwritable"],
)
def test_bad_report_arguments(
    example: tocgraph.TheoryOfChange, tmp_path: Path, call: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call(example, tmp_path)  # type: ignore[operator]
    assert os.listdir(tmp_path) == []


def test_report_of_a_cyclic_toc_says_why_there_is_no_rollup() -> None:
    toc = cyclic_toc()
    text = toc.report(as_of=AS_OF, format="markdown")
    assert "cycle" in text.lower()
