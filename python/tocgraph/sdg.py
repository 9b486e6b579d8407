"""The UN Sustainable Development Goals: the framework, references to it, portfolio coverage.

    fw = tocgraph.sdg.load_framework(
        "open-sdg/en/global_goals.yml", "open-sdg/en/global_targets.yml",
        "open-sdg/en/global_indicators.yml", "UNSDG-Targets.xml")
    fw.target("3.8").title
    node.references = [*node.references, fw.reference("3.8")]   # Reference("sdg-target", "3.8")
    cov = tocgraph.sdg.portfolio_coverage(tocs, fw)
    cov.rows          # which outcome of which ToC serves which target, and how we know
    cov.unserved      # targets no outcome serves

The framework is read from the files a user gives, in any mix of:

* Open SDG translation files (``global_goals.yml``, ``global_targets.yml``,
  ``global_indicators.yml``), whose keys ``1-title``, ``1-1-title`` and
  ``1-1-1-title`` imply the hierarchy; the language is the folder's name
  (``en/``, ``fr/``) or ``language=``. Reading YAML uses PyYAML when it is
  installed (``pip install 'tocgraph[sdg]'``) and otherwise a reader for the
  flat ``key: text`` files Open SDG writes;
* IATI SDG codelists (``UNSDG-Goals.xml``, ``UNSDG-Targets.xml``), titles in
  every language they carry;
* nested JSON ``{"sdgs": [{"code", "targets": [{"code", "indicators": [...]}]}]}``
  (the CGIAR theory-of-change tool's export), which also maps UNSD series
  codes such as ``C010101`` to indicator codes.

Sources are merged; where two give different titles in one language, the
first wins and ``framework.notes`` says so. docs/sdg.md has the details.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, TypeVar, Union

from ._core.model import Reference
from ._errors import FormatError
from ._files import parse_json, read_text

if TYPE_CHECKING:
    from ._toc import TheoryOfChange

__all__ = [
    "CoverageRow",
    "PortfolioCoverage",
    "SdgFramework",
    "SdgGoal",
    "SdgIndicator",
    "SdgTarget",
    "TargetCoverage",
    "UnknownReference",
    "load_framework",
    "portfolio_coverage",
    "sdg_references",
]

PathLike = Union[str, "os.PathLike[str]"]

#: tocgraph's reference vocabularies for the SDGs (docs/format.md).
GOAL, TARGET, INDICATOR = "sdg-goal", "sdg-target", "sdg-indicator"
#: The IATI IndicatorVocabulary code of the SDG indicators (on indicators only).
IATI_SDG_INDICATOR_VOCABULARY = "9"

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# ---- the framework ---------------------------------------------------------------


class _Titled:
    """An entry with its titles by language."""

    titles: dict[str, str]

    @property
    def title(self) -> str:
        """The English title, else any."""
        return self.titles.get("en") or next(iter(self.titles.values()), "")


@dataclass
class SdgGoal(_Titled):
    code: str  #: "3"
    titles: dict[str, str] = field(default_factory=dict)  #: by language
    short: dict[str, str] = field(default_factory=dict)  #: short names by language, e.g. "Good health"


@dataclass
class SdgTarget(_Titled):
    code: str  #: "3.8"
    goal: str  #: "3"
    titles: dict[str, str] = field(default_factory=dict)


@dataclass
class SdgIndicator(_Titled):
    code: str  #: "3.8.1"
    target: str  #: "3.8"
    goal: str  #: "3"
    titles: dict[str, str] = field(default_factory=dict)
    series: list[str] = field(default_factory=list)  #: UNSD codes such as "C030801"


_CODE = re.compile(r"^(\d{1,2})(?:\.([0-9]{1,2}|[a-z]))?(?:\.(\d{1,2}))?$")


def normalize_code(code: str) -> str:
    """"3.8", "03.08", "3-8", "3.A " -> "3.8", "3.8", "3.8", "3.a"; other text stripped only."""
    text = code.strip().replace("-", ".").lower()
    m = _CODE.match(text)
    if not m:
        return text
    parts = [str(int(m.group(1)))]
    if m.group(2):
        parts.append(str(int(m.group(2))) if m.group(2).isdigit() else m.group(2))
    if m.group(3):
        parts.append(str(int(m.group(3))))
    return ".".join(parts)


_Entry = TypeVar("_Entry", SdgGoal, SdgTarget, SdgIndicator)


class SdgFramework:
    """Goals, targets and indicators, merged from the files read."""

    def __init__(self) -> None:
        self.goals: dict[str, SdgGoal] = {}
        self.targets: dict[str, SdgTarget] = {}
        self.indicators: dict[str, SdgIndicator] = {}
        self.sources: list[str] = []
        #: What the merge noticed: differing titles, indicators repeated
        #: under several targets, entries whose parent no file gives.
        self.notes: list[str] = []
        self._series: dict[str, str] = {}

    def __repr__(self) -> str:
        return (f"<SdgFramework: {len(self.goals)} goals, {len(self.targets)} targets, "
                f"{len(self.indicators)} indicators from {len(self.sources)} files>")

    def goal(self, code: str) -> SdgGoal:
        """The goal with this code; KeyError if unknown."""
        return self._get(self.goals, code, "goal")

    def target(self, code: str) -> SdgTarget:
        """The target with this code (e.g. "16.2"); KeyError if unknown."""
        return self._get(self.targets, code, "target")

    def indicator(self, code: str) -> SdgIndicator:
        """The indicator with this code (or UNSD series code such as "C030801")."""
        key = normalize_code(code)
        key = self._series.get(code.strip().upper(), key)
        if key not in self.indicators:
            raise KeyError(f"no SDG indicator {code!r} in the framework")
        return self.indicators[key]

    @staticmethod
    def _get(table: dict[str, _Entry], code: str, kind: str) -> _Entry:
        key = normalize_code(code)
        if key not in table:
            raise KeyError(f"no SDG {kind} {code!r} in the framework")
        return table[key]

    def targets_of(self, goal: str) -> list[SdgTarget]:
        """The targets of a goal, in framework order."""
        g = normalize_code(goal)
        return [t for t in self.targets.values() if t.goal == g]

    def indicators_of(self, target: str) -> list[SdgIndicator]:
        """The indicators of a target, in framework order."""
        t = normalize_code(target)
        return [i for i in self.indicators.values() if i.target == t]

    def reference(self, code: str) -> Reference:
        """The reference to a goal ("3"), target ("3.8") or indicator ("3.8.1").

        KeyError if the framework has no such entry.
        """
        key = normalize_code(code)
        if key in self.indicators or code.strip().upper() in self._series:
            return Reference(INDICATOR, self.indicator(code).code)
        if key in self.targets:
            return Reference(TARGET, key)
        if key in self.goals:
            return Reference(GOAL, key)
        raise KeyError(f"no SDG goal, target or indicator {code!r} in the framework")

    def resolve(self, reference: Reference, *, on_indicator: bool = False) -> Optional[tuple[str, str, str]]:
        """(goal, target, indicator) codes a reference points to ("" where it
        names no finer level), or None when it is not an SDG reference.

        KeyError for an SDG reference to a code the framework lacks.
        ``on_indicator`` says the reference sits on an indicator, where IATI
        vocabulary "9" means the SDG indicators.
        """
        vocabulary = reference.vocabulary.strip()
        if vocabulary == INDICATOR or (on_indicator and vocabulary == IATI_SDG_INDICATOR_VOCABULARY):
            i = self.indicator(reference.code)
            return i.goal, i.target, i.code
        if vocabulary == TARGET:
            t = self.target(reference.code)
            return t.goal, t.code, ""
        if vocabulary == GOAL:
            return self.goal(reference.code).code, "", ""
        return None

    # -- merging -----------------------------------------------------------------

    def _title(self, titles: dict[str, str], language: str, text: str, what: str, source: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        old = titles.get(language)
        if old is None:
            titles[language] = text
        elif old != text:
            self.notes.append(f"{source}: {what} has another {language} title; kept the first "
                              f"({old[:60]!r} over {text[:60]!r})")

    def _add_goal(self, code: str, language: str, title: str, source: str, short: str = "") -> None:
        g = self.goals.setdefault(code, SdgGoal(code))
        self._title(g.titles, language, title, f"goal {code}", source)
        if short:
            self._title(g.short, language, short, f"goal {code} (short)", source)

    def _add_target(self, code: str, language: str, title: str, source: str) -> None:
        goal = code.split(".")[0]
        t = self.targets.setdefault(code, SdgTarget(code, goal))
        self._title(t.titles, language, title, f"target {code}", source)

    def _add_indicator(self, code: str, language: str, title: str, source: str, series: str = "") -> None:
        parts = code.split(".")
        i = self.indicators.setdefault(code, SdgIndicator(code, ".".join(parts[:2]), parts[0]))
        self._title(i.titles, language, title, f"indicator {code}", source)
        if series and series not in i.series:
            i.series.append(series)
            self._series[series.upper()] = code

    def _check(self) -> None:
        """Notes entries whose parent no file gives, and repeated indicators."""
        for t in self.targets.values():
            if t.goal not in self.goals:
                self.notes.append(f"target {t.code}: no file gives its goal {t.goal}")
        for i in self.indicators.values():
            if i.target not in self.targets:
                self.notes.append(f"indicator {i.code}: no file gives its target {i.target}")
        by_title: dict[str, list[str]] = {}
        for i in self.indicators.values():
            by_title.setdefault(i.titles.get("en", ""), []).append(i.code)
        for title, codes in by_title.items():
            if title and len(codes) > 1:
                self.notes.append(f"indicators {', '.join(codes)} have the same English title (one "
                                  "indicator repeated under several targets)")


# ---- readers ---------------------------------------------------------------------


def _language_of(path: str, default: str) -> str:
    folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return folder.lower() if re.fullmatch(r"[a-zA-Z]{2}(?:[-_][a-zA-Z]{2})?", folder) else default


def _flat_yaml(text: str, path: str) -> dict[str, str]:
    """A flat YAML mapping of strings (what Open SDG writes), without PyYAML.

    Plain and quoted scalars may continue on indented lines (folded with a
    space). Anything else raises FormatError pointing to PyYAML.
    """
    out: dict[str, str] = {}
    lines = text.splitlines()
    i = 0

    def unsupported(n: int, what: str) -> FormatError:
        return FormatError(f"{path}:{n}: {what}; install PyYAML (pip install 'tocgraph[sdg]') to read this file")

    while i < len(lines):
        line = lines[i]
        n = i + 1
        i += 1
        if not line.strip() or line.lstrip().startswith("#") or line.strip() == "---":
            continue
        if line[0] in " \t":
            raise unsupported(n, "an indented line outside a value")
        m = re.match(r"^([^:#'\"\s][^:]*?)\s*:(?:\s+(.*))?$", line)
        if not m:
            raise unsupported(n, "not a 'key: value' line")
        key, value = m.group(1), (m.group(2) or "").rstrip()
        parts = [value]
        while i < len(lines) and lines[i][:1] in (" ", "\t") and lines[i].strip():
            parts.append(lines[i].strip())
            i += 1
        joined = " ".join(p for p in parts if p)
        if joined[:1] in ("|", ">", "[", "{", "&", "*", "!"):
            raise unsupported(n, f"value of {key!r} is not a plain or quoted string")
        if joined[:1] == "'":
            if not joined.endswith("'") or len(joined) < 2:
                raise unsupported(n, f"unterminated quoted value of {key!r}")
            joined = joined[1:-1].replace("''", "'")
        elif joined[:1] == '"':
            if not joined.endswith('"') or len(joined) < 2:
                raise unsupported(n, f"unterminated quoted value of {key!r}")
            try:
                joined = json.loads(joined)
            except json.JSONDecodeError:
                raise unsupported(n, f"value of {key!r} is not a valid double-quoted string") from None
        elif " #" in joined:
            joined = joined[: joined.index(" #")].rstrip()
        if key in out:
            raise FormatError(f"{path}:{n}: key {key!r} appears twice")
        out[key] = joined
    return out


def _yaml_mapping(path: str) -> dict[str, Any]:
    text = read_text(path)
    try:
        import yaml
    except ImportError:
        return dict(_flat_yaml(text, path))
    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError) as e:  # RecursionError: nesting deeper than Python recurses
        raise FormatError(f"{path}: invalid YAML: {e or 'nested too deeply'}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FormatError(f"{path}: expected a mapping of keys to titles, got {type(data).__name__}")
    return data


def _read_open_sdg(fw: SdgFramework, path: str, language: str) -> None:
    lang = _language_of(path, language)
    for key, value in _yaml_mapping(path).items():
        m = re.fullmatch(r"(\d{1,2})(?:-([0-9]{1,2}|[a-z]))?(?:-(\d{1,2}))?-(title|short)", str(key))
        if not m or not isinstance(value, (str, int, float)):
            fw.notes.append(f"{path}: key {key!r} is not a goal, target or indicator title; skipped")
            continue
        goal, target, indicator, kind = m.groups()
        text = str(value)
        if indicator:
            fw._add_indicator(normalize_code(f"{goal}.{target}.{indicator}"), lang, text, path)
        elif target:
            fw._add_target(normalize_code(f"{goal}.{target}"), lang, text, path)
        elif kind == "short":
            fw._add_goal(normalize_code(goal), lang, "", path, short=text)
        else:
            fw._add_goal(normalize_code(goal), lang, text, path)


def _read_codelist(fw: SdgFramework, path: str, language: str) -> None:
    text = read_text(path)
    # No DTD: entity declarations (billion laughs, external entities) are refused.
    if re.search(r"<!DOCTYPE", text, re.IGNORECASE):
        raise FormatError(f"{path}: a DOCTYPE is not allowed in a codelist")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        line, column = e.position
        raise FormatError(f"{path}:{line}:{column + 1}: {str(e).split(':')[0]}") from None
    name = root.get("name", "")
    if root.tag != "codelist" or name not in ("UNSDG-Goals", "UNSDG-Targets"):
        raise FormatError(f"{path}: expected the IATI codelist UNSDG-Goals or UNSDG-Targets, "
                          f"got <{root.tag} name={name!r}>")
    default = root.get(_XML_LANG, language)
    for item in root.iter("codelist-item"):
        code = normalize_code(item.findtext("code", ""))
        for narrative in item.findall("name/narrative"):
            lang = narrative.get(_XML_LANG, default).lower()
            title = re.sub(rf"^\S+\s+{re.escape(code)}[.:]\s+", "", (narrative.text or "").strip())
            if name == "UNSDG-Goals":
                fw._add_goal(code, lang, title, path)
            else:
                fw._add_target(code, lang, title, path)


def _list_at(value: Any, path: str, pointer: str) -> list[Any]:
    """A list in a nested JSON file (absent or null: none); FormatError naming the pointer otherwise."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError(f"{path}: {pointer}: expected a list, not {type(value).__name__}",
                          file=path, pointer=pointer, problem=f"expected a list, not {type(value).__name__}")
    return value


def _read_nested_json(fw: SdgFramework, path: str, language: str) -> None:
    data = parse_json(read_text(path), path)
    if not isinstance(data, dict) or not isinstance(data.get("sdgs"), list):
        raise FormatError(f'{path}: expected {{"sdgs": [...]}}')
    for g, goal in enumerate(data["sdgs"]):
        if not isinstance(goal, dict) or "code" not in goal:
            raise FormatError(f"{path}: /sdgs/{g}: expected an object with \"code\"")
        gc = normalize_code(str(goal["code"]))
        fw._add_goal(gc, language, str(goal.get("description") or goal.get("title") or ""), path)
        for t, target in enumerate(_list_at(goal.get("targets"), path, f"/sdgs/{g}/targets")):
            if not isinstance(target, dict) or "code" not in target:
                raise FormatError(f"{path}: /sdgs/{g}/targets/{t}: expected an object with \"code\"")
            tc = normalize_code(str(target["code"]))
            fw._add_target(tc, language, str(target.get("title") or ""), path)
            for k, ind in enumerate(_list_at(target.get("indicators"), path, f"/sdgs/{g}/targets/{t}/indicators")):
                if not isinstance(ind, dict) or "code" not in ind:
                    raise FormatError(f"{path}: /sdgs/{g}/targets/{t}/indicators/{k}: expected an object with \"code\"")
                fw._add_indicator(normalize_code(str(ind["code"])), language, str(ind.get("title") or ""), path,
                                  series=str(ind.get("unsd_code") or ""))


def load_framework(*paths: PathLike, language: str = "en") -> SdgFramework:
    """Reads the SDG framework from the files given (any mix, merged in order).

    Args:
        paths: Open SDG ``*.yml`` translation files, IATI ``UNSDG-*.xml``
            codelists, and nested ``{"sdgs": [...]}`` JSON files.
        language: the language of files that do not say theirs (Open SDG
            files outside a language-named folder, JSON files).

    Raises:
        FormatError: a file cannot be read or is of none of these kinds.
    """
    if not paths:
        raise ValueError("load_framework needs at least one file")
    fw = SdgFramework()
    for p in paths:
        path = os.fspath(p)
        lower = path.lower()
        if lower.endswith((".yml", ".yaml")):
            _read_open_sdg(fw, path, language)
        elif lower.endswith(".xml"):
            _read_codelist(fw, path, language)
        elif lower.endswith(".json"):
            _read_nested_json(fw, path, language)
        else:
            raise FormatError(f"{path}: not an SDG framework file (expected .yml, .yaml, .xml or .json)")
        fw.sources.append(path)
    fw._check()
    return fw


# ---- references in theories of change ---------------------------------------------


class _Ref(NamedTuple):
    node: str  #: the node the reference leads to (its own, its indicator's or a contributor's)
    via: str  #: "node", "indicator" or "contributor"
    source: str  #: id of the node or indicator carrying the reference
    reference: Reference
    on_indicator: bool


def _is_sdg(r: Reference, on_indicator: bool) -> bool:
    return r.vocabulary in (GOAL, TARGET, INDICATOR) or (on_indicator and r.vocabulary == IATI_SDG_INDICATOR_VOCABULARY)


def _toc_name(toc: TheoryOfChange, index: int) -> str:
    attributes = toc.metadata.attributes or {}
    identifier = (attributes.get("iati") or {}).get("identifier") if isinstance(attributes.get("iati"), dict) else None
    return str(identifier or toc.metadata.title or f"toc-{index + 1}")


def _outcome_refs(toc: TheoryOfChange, roles: tuple[str, ...]) -> Iterator[tuple[Any, _Ref]]:
    """For each node whose level has one of `roles`: the SDG references that
    bear on it: its own, its indicators', and those of nodes contributing to
    it (directly or not), such as an IATI activity's SDG tags."""
    schema = toc.schema
    nodes = {n.id: n for n in toc}
    indicators_of: dict[str, list[Any]] = {}
    for i in toc.indicators():
        indicators_of.setdefault(i.node, []).append(i)
    contributors: dict[str, list[str]] = {}
    for link in toc.links():
        contributors.setdefault(link.target, []).append(link.source)
    for node in nodes.values():
        if schema.level(node.level).role not in roles:
            continue
        for r in node.references:
            if _is_sdg(r, False):
                yield node, _Ref(node.id, "node", node.id, r, False)
        for i in indicators_of.get(node.id, []):
            for r in i.references:
                if _is_sdg(r, True):
                    yield node, _Ref(node.id, "indicator", i.id, r, True)
        seen = {node.id}
        stack = list(contributors.get(node.id, []))
        while stack:
            up = stack.pop()
            if up in seen:
                continue
            seen.add(up)
            for r in nodes[up].references:
                if _is_sdg(r, False):
                    yield node, _Ref(node.id, "contributor", up, r, False)
            stack.extend(contributors.get(up, []))


def sdg_references(toc: TheoryOfChange) -> list[tuple[str, str, Reference]]:
    """Every SDG reference in a theory of change: (kind, id, reference), kind
    "node" or "indicator"."""
    out: list[tuple[str, str, Reference]] = []
    for n in toc:
        out.extend(("node", n.id, r) for r in n.references if _is_sdg(r, False))
    for i in toc.indicators():
        out.extend(("indicator", i.id, r) for r in i.references if _is_sdg(r, True))
    return out


# ---- portfolio coverage ---------------------------------------------------------


class CoverageRow(NamedTuple):
    """One outcome of one ToC serving one SDG target (or goal, or indicator)."""

    toc: str  #: the ToC's IATI identifier, else its title, else "toc-N"
    node: str  #: the outcome's id
    node_title: str
    level: str
    goal: str  #: "3"
    target: str  #: "3.8", or "" for a reference to a goal only
    indicator: str  #: "3.8.1", or ""
    target_title: str
    via: str  #: "node", "indicator" or "contributor" (e.g. the IATI activity's SDG tags)
    source: str  #: id of the node or indicator carrying the reference
    reference: str  #: "VOCABULARY:CODE" as written


class TargetCoverage(NamedTuple):
    """One target of the framework and how many ToCs and outcomes serve it."""

    goal: str
    target: str
    title: str
    tocs: int
    outcomes: int


class UnknownReference(NamedTuple):
    """An SDG reference to a code the framework does not have."""

    toc: str
    node: str
    source: str
    reference: str


class PortfolioCoverage(NamedTuple):
    """What ``portfolio_coverage`` returns. With pandas installed (and
    ``as_dataframe`` not False) ``rows``, ``by_target`` and ``unserved`` are
    DataFrames with the fields of CoverageRow and TargetCoverage as columns;
    otherwise lists of those tuples."""

    rows: Any
    by_target: Any
    unserved: Any
    unknown: list[UnknownReference]


def portfolio_coverage(
    tocs: Iterable[TheoryOfChange],
    framework: SdgFramework,
    *,
    roles: Iterable[str] = ("outcome", "goal"),
    as_dataframe: Optional[bool] = None,
) -> PortfolioCoverage:
    """Maps the outcomes of many theories of change to SDG targets.

    For every node whose level has one of ``roles`` (outcomes and goals: in
    the "iati" schema, outcome, other and impact results), the SDG references
    bearing on it are resolved against the framework: its own references,
    those of its indicators (vocabulary "sdg-indicator", or IATI's "9"), and
    those of the nodes contributing to it, which is where IATI activities
    carry their SDG tags and sectors. A goal-only reference gives a row with
    an empty target.

    Returns a PortfolioCoverage: ``rows`` (one per outcome, target and
    reference, duplicates removed), ``by_target`` (every target of the
    framework with the number of ToCs and outcomes serving it),
    ``unserved`` (the targets nobody serves), ``unknown`` (references to
    codes the framework lacks).
    """
    wanted_roles = tuple(roles)
    rows: list[CoverageRow] = []
    unknown: list[UnknownReference] = []
    seen: set[tuple[Any, ...]] = set()
    for index, toc in enumerate(tocs):
        name = _toc_name(toc, index)
        for node, ref in _outcome_refs(toc, wanted_roles):
            written = f"{ref.reference.vocabulary}:{ref.reference.code}"
            try:
                resolved = framework.resolve(ref.reference, on_indicator=ref.on_indicator)
            except KeyError:
                unknown.append(UnknownReference(name, node.id, ref.source, written))
                continue
            if resolved is None:
                continue
            goal, target, indicator = resolved
            key = (name, node.id, target or goal, indicator, ref.via, ref.source)
            if key in seen:
                continue
            seen.add(key)
            title = framework.targets[target].title if target else framework.goals[goal].title
            rows.append(CoverageRow(name, node.id, node.title, node.level, goal, target, indicator, title,
                                    ref.via, ref.source, written))
    tocs_by_target: dict[str, set[str]] = {}
    outcomes_by_target: dict[str, set[tuple[str, str]]] = {}
    for r in rows:
        if r.target:
            tocs_by_target.setdefault(r.target, set()).add(r.toc)
            outcomes_by_target.setdefault(r.target, set()).add((r.toc, r.node))
    by_target = [
        TargetCoverage(t.goal, t.code, t.title, len(tocs_by_target.get(t.code, ())),
                       len(outcomes_by_target.get(t.code, ())))
        for t in sorted(framework.targets.values(), key=lambda t: _sort_key(t.code))
    ]
    unserved = [t for t in by_target if t.tocs == 0]
    if as_dataframe is None:
        try:
            import pandas  # noqa: F401
            as_dataframe = True
        except ImportError:
            as_dataframe = False
    if as_dataframe:
        import pandas as pd

        return PortfolioCoverage(
            pd.DataFrame(rows, columns=list(CoverageRow._fields)),
            pd.DataFrame(by_target, columns=list(TargetCoverage._fields)),
            pd.DataFrame(unserved, columns=list(TargetCoverage._fields)),
            unknown,
        )
    return PortfolioCoverage(rows, by_target, unserved, unknown)


def _sort_key(code: str) -> tuple[Any, ...]:
    """Orders "1.1" < "1.2" < "1.10" < "1.a"."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))
