"""The HTML report of the bundled example in a real browser: headless Chromium
(Debian's `chromium` package, which tests/run-all.sh installs) takes a
screenshot and dumps the DOM it built. The screenshot is kept under
<repo>/test-artifacts/ for a person to look at; the test checks that it is a
real, non-blank image and that the parsed page holds the diagram and the
indicator table."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import tocgraph

from conftest import EXAMPLE, ROOT

AS_OF = "2022-12-31"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium")
WIDTH, HEIGHT = 1400, 2400

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless browser check needs Debian's chromium (apt-get install chromium)"
)


def chromium(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """Runs headless Chromium with a throw-away profile; fails the test on a non-zero exit."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",  # the tests may run as root
        "--no-first-run",
        "--disable-extensions",
        "--hide-scrollbars",
        f"--user-data-dir={home / 'profile'}",
        *args,
    ]
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "XDG_CACHE_HOME": str(home)}
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, env=env, check=False)
    assert result.returncode == 0, f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "asean-act-report.html"
    tocgraph.load(EXAMPLE).report(path, as_of=AS_OF)
    return path


def test_screenshot_of_the_report(report_file: Path, tmp_path: Path) -> None:
    import numpy as np
    from matplotlib.image import imread  # matplotlib is a test dependency

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-asean-act.png"
    if shot.exists():
        shot.unlink()
    chromium(f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", report_file.as_uri(), home=tmp_path)
    assert shot.is_file(), "chromium wrote no screenshot"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG file"
    assert len(data) > 20_000, f"a screenshot of {len(data)} bytes: the page is (nearly) empty"
    pixels = np.round(imread(shot)[:, :, :3] * 255).astype(np.uint8)
    assert pixels.shape[:2] == (HEIGHT, WIDTH)
    # A rendered report has many colours (status fills, level bands, text
    # anti-aliasing); a blank or error page has a handful.
    colours = np.unique(pixels.reshape(-1, 3), axis=0)
    assert len(colours) > 200, f"only {len(colours)} colours in the screenshot"
    # Ink all down the page, not only in a corner: every fifth of the height has some.
    ink = (pixels < 235).any(axis=2)
    for part in np.array_split(ink, 5, axis=0):
        assert part.mean() > 0.01, "a fifth of the screenshot is blank"
    # The status colours of the diagram and the table are there
    # (include/tocgraph/render/style.hpp: on track, at risk, off track fills).
    found = {tuple(int(v) for v in c) for c in colours}
    for name, fill in {"on track": "dcefdc", "at risk": "fff0c2", "off track": "f9d6d5"}.items():
        rgb = tuple(int(fill[i:i + 2], 16) for i in (0, 2, 4))
        assert rgb in found, f"no {name} fill #{fill} in the screenshot"


class Dom(HTMLParser):
    """Node groups of inline SVGs and the cells of the indicator table in a serialised DOM."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.svg_depth = 0
        self.svgs = 0
        self.node_ids: list[str] = []
        self.sections: list[str] = []
        self.indicator_rows: list[str] = []
        self.headers: list[str] = []
        self._in_indicators = False
        self._th: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "svg":
            self.svgs += 1
            self.svg_depth += 1
        elif tag == "g" and a.get("class") == "node" and self.svg_depth:
            self.node_ids.append(a.get("data-id", ""))
        elif tag == "section":
            self.sections.append(a.get("id", ""))
            self._in_indicators = a.get("id") == "indicators"
        elif tag == "tr" and self._in_indicators and "data-indicator" in a:
            self.indicator_rows.append(a["data-indicator"])
        elif tag == "th" and self._in_indicators:
            self._th = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.svg_depth -= 1
        elif tag == "section":
            self._in_indicators = False
        elif tag == "th" and self._th is not None:
            self.headers.append("".join(self._th).strip())
            self._th = None

    def handle_data(self, data: str) -> None:
        if self._th is not None:
            self._th.append(data)


def test_the_browser_builds_the_diagram_and_the_indicator_table(report_file: Path, tmp_path: Path) -> None:
    dom_text = chromium("--dump-dom", report_file.as_uri(), home=tmp_path).stdout
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "report-asean-act.dom.html").write_text(dom_text, encoding="utf-8")
    dom = Dom(dom_text)
    toc = tocgraph.load(EXAMPLE)
    assert dom.svgs >= 1
    assert sorted(dom.node_ids) == sorted(n.id for n in toc)
    assert "indicators" in dom.sections and "diagram" in dom.sections
    assert dom.headers[:7] == ["Result", "Indicator", "Baseline", "Target", "Latest actual", "Achievement", "Status"]
    assert sorted(dom.indicator_rows) == sorted(i.id for i in toc.indicators())
