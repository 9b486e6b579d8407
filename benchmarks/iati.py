"""tocgraph's IATI import against reading the same results with Python's ElementTree.

A synthetic IATI 2.03 file (ACTIVITIES activities, each with results,
indicators, two baselines and yearly periods holding targets and actuals
split by sex, narratives in two languages, a few messy values) is read:

- tocgraph: ``tocgraph.read_iati(path)`` (streaming C++ parser, the whole
  mapping onto theories of change, value rules, findings);
- ElementTree, as a user would write it: ``xml.etree.ElementTree.iterparse``
  over the activities, collecting per indicator the title, the measure, the
  baselines and every target and actual (value, dimensions, locations,
  English comment) into dicts, clearing each activity after use.

The two are checked to agree on the number of activities, indicators,
targets and actuals before they are timed. Seconds (best of the repeats, CPU
time of this process) and the ratio are printed; nothing is asserted. With
--file, a real IATI file is read instead of the synthetic one.

    python benchmarks/iati.py [--activities 5000] [--repeat 3] [--file FILE]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import xml.etree.ElementTree as ET
from typing import Any, Callable

import tocgraph

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def synthetic(path: str, activities: int) -> None:
    """Writes a synthetic IATI file of `activities` activities."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n')
        for a in range(activities):
            f.write(f'<iati-activity xml:lang="en"><iati-identifier>XM-BENCH-{a}</iati-identifier>'
                    f"<title><narrative>Activity {a}</narrative><narrative xml:lang=\"fr\">Activité {a}</narrative></title>"
                    '<activity-status code="2"/><activity-date iso-date="2020-01-01" type="2"/>')
            for r in range(3):
                f.write(f'<result type="{1 + r % 3}" aggregation-status="1"><title><narrative>Result {r}</narrative>'
                        f"</title>")
                for i in range(2):
                    f.write(f'<indicator measure="1" ascending="1"><title><narrative>Indicator {i}</narrative>'
                            f'</title><baseline year="2019" iso-date="2019-12-31" value="{a % 97}">'
                            '<dimension name="sex" value="female"/><comment><narrative>Survey</narrative>'
                            '</comment></baseline><baseline year="2019" value="12,5"><dimension name="sex" value="male"/>'
                            "</baseline>")
                    for year in range(2020, 2024):
                        f.write(f'<period><period-start iso-date="{year}-01-01"/><period-end iso-date="{year}-12-31"/>')
                        for sex in ("female", "male"):
                            f.write(f'<target value="{year - 2000 + i}"><location ref="KH-PNH"/>'
                                    f'<dimension name="sex" value="{sex}"/></target>')
                        for sex in ("female", "male"):
                            value = "TBD" if (a + year) % 50 == 0 else str(year - 2005 + r)
                            f.write(f'<actual value="{value}"><dimension name="sex" value="{sex}"/>'
                                    f"<comment><narrative>On track</narrative></comment></actual>")
                        f.write("</period>")
                    f.write("</indicator>")
                f.write("</result>")
            f.write("</iati-activity>\n")
        f.write("</iati-activities>\n")


def english(element: Any) -> str:
    """The English narrative of a title or comment element, else the first."""
    if element is None:
        return ""
    narratives = element.findall("narrative")
    for n in narratives:
        if (n.get(XML_LANG) or "en").lower().startswith("en"):
            return n.text or ""
    return (narratives[0].text or "") if narratives else (element.text or "")


def number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def elementtree(path: str) -> tuple[int, int, int, int]:
    """The results of every activity as dicts, read with iterparse."""
    activities = indicators = targets = actuals = 0
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag != "iati-activity":
            continue
        activities += 1
        for result in element.iter("result"):
            for indicator in result.findall("indicator"):
                record: dict[str, Any] = {
                    "title": english(indicator.find("title")),
                    "measure": indicator.get("measure"),
                    "baselines": [
                        {"year": b.get("year"), "value": number(b.get("value")), "text": b.get("value"),
                         "dimensions": {d.get("name"): d.get("value") for d in b.findall("dimension")},
                         "comment": english(b.find("comment"))}
                        for b in indicator.findall("baseline")
                    ],
                    "targets": [],
                    "actuals": [],
                }
                for period in indicator.findall("period"):
                    start = period.find("period-start")
                    end = period.find("period-end")
                    span = (start.get("iso-date") if start is not None else None,
                            end.get("iso-date") if end is not None else None)
                    for kind in ("target", "actual"):
                        for v in period.findall(kind):
                            record[kind + "s"].append({
                                "period": span, "value": number(v.get("value")), "text": v.get("value"),
                                "dimensions": {d.get("name"): d.get("value") for d in v.findall("dimension")},
                                "locations": [loc.get("ref") for loc in v.findall("location")],
                                "comment": english(v.find("comment")),
                            })
                indicators += 1
                targets += len(record["targets"])
                actuals += len(record["actuals"])
        element.clear()
    return activities, indicators, targets, actuals


def with_tocgraph(path: str) -> tuple[int, int, int, int]:
    tocs, _ = tocgraph.read_iati(path)
    indicators = [i for t in tocs for i in t.indicators()]
    return (len(tocs), len(indicators), sum(len(i.targets) for i in indicators),
            sum(len(i.actuals) for i in indicators))


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = run()
        best = min(best, time.process_time() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--file", help="an IATI file to read instead of the synthetic one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or os.path.join(tmp, "bench.xml")
        if not args.file:
            synthetic(path, args.activities)
        size = os.path.getsize(path)
        t_ours, ours = best_of(args.repeat, lambda: with_tocgraph(path))
        t_theirs, theirs = best_of(args.repeat, lambda: elementtree(path))
        if ours != theirs:
            raise SystemExit(f"the two readers disagree: tocgraph {ours}, ElementTree {theirs}")
        print(f"{path}: {size / 1e6:.1f} MB, {ours[0]} activities, {ours[1]} indicators, "
              f"{ours[2]} targets, {ours[3]} actuals")
        print(f"{'reader':<40} {'seconds':>8}")
        print(f"{'tocgraph.read_iati (theories of change)':<40} {t_ours:>8.3f}")
        print(f"{'ElementTree.iterparse (dicts)':<40} {t_theirs:>8.3f}")
        print(f"ElementTree / tocgraph: {t_theirs / t_ours:.2f}")


if __name__ == "__main__":
    main()
