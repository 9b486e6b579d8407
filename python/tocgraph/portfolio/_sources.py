"""Where the theories of change of a portfolio come from, and how they are read.

The driver turns the sources (paths, globs, directories, fsspec URLs, bytes)
into *pieces* (a whole file, or a byte range of a large IATI file) and groups
them into *partitions*, the units of work; it reads nothing but directory
listings and sizes. A worker reads its partition's pieces one theory of change
at a time (``read_piece``) through the public tocgraph readers.

Large IATI files are cut by byte ranges, as Dask's ``read_bytes`` cuts text:
a range owns the activities whose ``<iati-activity`` start tag begins inside
it, and reads past its end only to finish its last activity. Each group of
activities is wrapped in the file's own prolog and root element and read with
``tocgraph.read_iati_string``, so a worker holds one range of XML and the
theories of change of about a megabyte of it at a time, never the file.
"""

from __future__ import annotations

import glob
import importlib
import io
import math
import os
import pickle
import re
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Callable, NamedTuple, Optional, Union

import tocgraph

#: The formats a portfolio reads, and the file extensions that select them.
FORMATS = ("json", "iati", "logframe")
EXTENSIONS = {".json": "json", ".xml": "iati", ".csv": "logframe", ".xlsx": "logframe", ".xlsm": "logframe"}

#: IATI XML is read by tocgraph.read_iati_string in groups of activities of about this size.
CHUNK_BYTES = 1 << 20
#: How far past its end a range first reads to finish its last activity (more as needed).
OVERRUN_BYTES = 1 << 20
#: How far into an IATI file its first activity is looked for.
HEAD_LIMIT = 64 << 20
#: Files per partition when the portfolio does not say: enough partitions to
#: spread the work (about 64), few enough that each amortises its overhead.
MAX_PARTITION_FILES = 1000
TARGET_PARTITIONS = 64


def given(**options: Any) -> dict[str, Any]:
    """The options that were given (not None): what is left out takes the
    tocgraph function's own default, whatever it is in this version."""
    return {name: value for name, value in options.items() if value is not None}


def parse_size(value: Union[int, str]) -> int:
    """A byte count from an int or a text such as "32MB", "1GiB", "500kB"."""
    if isinstance(value, bool):
        raise TypeError("expected a number of bytes, got bool")
    if isinstance(value, int):
        number = value
    else:
        match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]*)?)\s*([kKmMgGtT]?)(i?)[bB]?\s*", str(value))
        if not match:
            raise ValueError(f"invalid size {value!r}; expected bytes or a text such as '32MB'")
        base = 1024 if match.group(3) else 1000
        power = " kmgt".index(match.group(2).lower() or " ")
        number = int(float(match.group(1)) * base**power)
    if number < 1:
        raise ValueError(f"size must be at least 1 byte, got {value!r}")
    return number


# ---- what the driver plans ---------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A file, or a byte range of one, read by one worker."""

    name: str  #: the path, URL or name the rows and failures show
    format: str  #: "json", "iati" or "logframe"
    size: int  #: the file's size in bytes
    start: int = 0
    end: Optional[int] = None  #: None: to the end of the file
    url: bool = False  #: read through fsspec
    data: Optional[bytes] = None  #: the content, for a source given as bytes

    @property
    def nbytes(self) -> int:
        return (self.size if self.end is None else self.end) - self.start

    @property
    def whole(self) -> bool:
        return self.start == 0 and (self.end is None or self.end >= self.size)


class Partition:
    """The unit of work: pieces read and analysed by one task, in order.

    A plain class, not a dataclass: dask.delayed walks into the fields of
    dataclasses and tuples given as arguments, and a partition may hold
    thousands of pieces."""

    __slots__ = ("index", "pieces")

    def __init__(self, index: int, pieces: tuple[Piece, ...]) -> None:
        self.index = index
        self.pieces = pieces

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Partition) and (self.index, self.pieces) == (other.index, other.pieces)

    def __hash__(self) -> int:
        return hash((self.index, self.pieces))

    def __repr__(self) -> str:
        return f"Partition({self.index}, {len(self.pieces)} pieces)"

    def __getstate__(self) -> tuple[int, bytes]:
        # Compact: a partition may name 1000 files with the same folders, and
        # the task graph carries every partition (25 MB for 200,000 files as
        # plain pickles; a tenth of that compressed).
        fields = [(p.name, p.format, p.size, p.start, p.end, p.url, p.data) for p in self.pieces]
        return self.index, zlib.compress(pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL), 1)

    def __setstate__(self, state: tuple[int, bytes]) -> None:
        self.index = state[0]
        self.pieces = tuple(Piece(*fields) for fields in pickle.loads(zlib.decompress(state[1])))

    @property
    def nbytes(self) -> int:
        return sum(p.nbytes for p in self.pieces)


class Failure(NamedTuple):
    """One row of the failures table."""

    file: str
    partition: int  #: -1 when the file failed before any partition read it
    error: str  #: the exception's type, e.g. "FormatError"
    message: str


_GLOB_MAGIC = re.compile(r"[*?\[]")


def _format_of(name: str, forced: Optional[str], data: Optional[bytes] = None) -> Optional[str]:
    if forced:
        return forced
    lower = name.lower()
    for extension, fmt in EXTENSIONS.items():
        if lower.endswith(extension):
            return fmt
    if data is not None:  # unnamed bytes: by their first character
        head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
        return "iati" if head.startswith(b"<") else "json" if head.startswith(b"{") else "logframe"
    return None


def _local_files(pattern: str) -> Optional[list[tuple[str, int]]]:
    """The files a local path, directory or glob names, with their sizes; None if nothing."""
    if os.path.isdir(pattern):
        names = sorted(os.path.join(root, f) for root, _, files in os.walk(pattern)
                       for f in files if os.path.splitext(f)[1].lower() in EXTENSIONS)
    elif _GLOB_MAGIC.search(pattern):
        names = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
    else:
        names = [pattern]
    out = []
    for name in names:
        try:
            out.append((name, os.stat(name).st_size))
        except OSError:
            if len(names) == 1:
                return None
    return out or None


def _remote_files(url: str, storage_options: dict[str, Any]) -> Optional[list[tuple[str, int]]]:
    try:
        fsspec = importlib.import_module("fsspec")
    except ImportError:
        raise ImportError(f"reading {url} needs fsspec: pip install 'tocgraph[dask]'") from None
    fs, path = fsspec.core.url_to_fs(url, **storage_options)
    if _GLOB_MAGIC.search(path):
        listing = fs.glob(path, detail=True)
    elif fs.isdir(path):
        listing = {
            k: v for k, v in fs.find(path, detail=True).items() if os.path.splitext(k)[1].lower() in EXTENSIONS
        }
    elif fs.exists(path):
        listing = {path: fs.info(path)}
    else:
        return None
    files = sorted((k, int(v.get("size") or 0)) for k, v in listing.items() if v.get("type", "file") == "file")
    return [(fs.unstrip_protocol(k), size) for k, size in files] or None


Source = Union[str, "os.PathLike[str]", bytes, tuple[str, bytes]]


def expand(
    sources: Iterable[Source], *, format: Optional[str], storage_options: dict[str, Any]
) -> tuple[list[Piece], list[Failure]]:
    """The files the sources name, each once, in the order given (globs sorted)."""
    pieces: list[Piece] = []
    failures: list[Failure] = []
    seen: set[str] = set()

    def add(name: str, size: int, url: bool = False, data: Optional[bytes] = None) -> None:
        if name in seen:
            return
        seen.add(name)
        fmt = _format_of(name, format, data)
        if fmt is None:
            failures.append(Failure(name, -1, "UnknownFormat",
                                    f"{name}: cannot tell the format from the extension; pass format='json', "
                                    "'iati' or 'logframe'"))
            return
        pieces.append(Piece(name, fmt, size, url=url, data=data))

    for n, source in enumerate(sources):
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
            add(f"<bytes {n}>", len(data), data=data)
        elif isinstance(source, tuple):
            name, data = source
            add(str(name), len(data), data=bytes(data))
        else:
            text = os.fspath(source)
            url = "://" in text and not text.startswith("file://")
            if text.startswith("file://"):
                text = text[len("file://"):]
            try:
                files = _remote_files(text, storage_options) if url else _local_files(text)
            except ImportError:
                raise
            except Exception as error:  # a listing that fails is the source's failure, not the job's
                failures.append(Failure(text, -1, type(error).__name__, f"{text}: {error}"))
                continue
            if files is None:
                problem = "no file matches" if _GLOB_MAGIC.search(text) else "no such file or directory"
                failures.append(Failure(text, -1, "FileNotFoundError", f"{text}: {problem}"))
                continue
            for name, size in files:
                add(name, size, url=url)
    return pieces, failures


def plan(pieces: list[Piece], *, block_size: int, partition_files: Optional[int]) -> list[Partition]:
    """Partitions in source order: an IATI file larger than block_size is cut into
    ranges of block_size bytes, one partition each; other files are grouped,
    consecutive ones together, up to partition_files files and block_size bytes.
    The plan depends on the sources only, so every engine gets the same one."""
    small = sum(1 for p in pieces if not (p.format == "iati" and p.size > block_size))
    per = partition_files or min(MAX_PARTITION_FILES, max(1, math.ceil(small / TARGET_PARTITIONS)))
    groups: list[tuple[Piece, ...]] = []
    batch: list[Piece] = []
    batch_bytes = 0

    def flush() -> None:
        nonlocal batch, batch_bytes
        if batch:
            groups.append(tuple(batch))
        batch, batch_bytes = [], 0

    for piece in pieces:
        if piece.format == "iati" and piece.size > block_size:
            flush()
            for start in range(0, piece.size, block_size):
                end = min(start + block_size, piece.size)
                groups.append((Piece(piece.name, piece.format, piece.size, start, end, piece.url, piece.data),))
            continue
        if batch and (len(batch) >= per or batch_bytes + piece.size > block_size):
            flush()
        batch.append(piece)
        batch_bytes += piece.size
    flush()
    return [Partition(i, g) for i, g in enumerate(groups)]


# ---- what a worker reads -------------------------------------------------------------


class Identity(NamedTuple):
    """Who a theory of change is: the columns every result row starts with."""

    file: str
    offset: int  #: byte offset of its <iati-activity> in the file; 0 for one-ToC files
    identifier: str  #: the IATI identifier, else ""
    programme: str  #: the title
    publisher: str  #: the IATI reporting-org ref, else the funder
    countries: str  #: recipient country codes, space-separated
    sectors: str  #: DAC sector codes (vocabularies 1 and 2), space-separated


class Entry(NamedTuple):
    toc: tocgraph.TheoryOfChange
    identity: Identity


def _codes(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


def identity_of(toc: tocgraph.TheoryOfChange, file: str, offset: int = 0,
                countries: Iterable[str] = (), sectors: Iterable[str] = ()) -> Identity:
    """The identity of a theory of change: IATI fields where the importer kept
    them, else the metadata (``attributes`` "countries"/"country" and
    "sectors"/"sector" for tocgraph JSON)."""
    metadata = toc.metadata
    attributes = metadata.attributes or {}
    iati: dict[str, Any] = attributes["iati"] if isinstance(attributes.get("iati"), dict) else {}
    identifier = str(iati.get("identifier") or "")
    org = iati.get("reporting-org")
    ref = org.get("attributes", {}).get("ref") if isinstance(org, dict) else None
    publisher = str(ref or metadata.funder or "")
    found_countries = list(countries) or _codes(attributes.get("countries", attributes.get("country")))
    found_sectors = list(sectors) or _codes(attributes.get("sectors", attributes.get("sector")))
    return Identity(file, offset, identifier, metadata.title, publisher,
                    " ".join(dict.fromkeys(found_countries)), " ".join(dict.fromkeys(found_sectors)))


def _open(piece: Piece, storage_options: dict[str, Any]) -> IO[bytes]:
    if piece.data is not None:
        return io.BytesIO(piece.data)
    if piece.url:
        opened: IO[bytes] = importlib.import_module("fsspec").open(piece.name, "rb", **storage_options).open()
        return opened
    return open(piece.name, "rb")


def read_piece(
    piece: Piece, *, storage_options: dict[str, Any], language: Optional[str], fail: Callable[[str, str, str], None]
) -> Iterator[Entry]:
    """The theories of change of a piece, one at a time. A theory of change that
    cannot be read is reported through ``fail(file, error, message)`` and
    skipped; an error that stops the whole piece is raised."""
    if piece.format == "iati":
        yield from _read_iati(piece, storage_options, language, fail)
        return
    if piece.format == "json":
        if piece.data is None and not piece.url:
            toc = tocgraph.load(piece.name)
        else:
            with _open(piece, storage_options) as f:
                toc = tocgraph.loads(f.read(), source=piece.name)
        yield Entry(toc, identity_of(toc, piece.name))
        return
    if piece.format == "logframe":
        if piece.data is None and not piece.url:
            toc = tocgraph.read_logframe(piece.name).toc
        else:  # the logframe readers take paths: a private copy keeps the extension
            suffix = os.path.splitext(piece.name)[1] or ".csv"
            with _open(piece, storage_options) as f, tempfile.TemporaryDirectory() as folder:
                local = os.path.join(folder, "logframe" + suffix)
                with open(local, "wb") as out:
                    out.write(f.read())
                toc = tocgraph.read_logframe(local).toc
        yield Entry(toc, identity_of(toc, piece.name))
        return
    raise ValueError(f"unknown format {piece.format!r}; expected one of {', '.join(FORMATS)}")


# ---- IATI activity blocks ----------------------------------------------------------------

#: The start of a tag, up to where its name ends in "iati-activit": "<", "</"
#: and any namespace prefix ("<ns0:"), matched backwards from the name.
_TAG_START = re.compile(rb"</?(?:[A-Za-z_][\w.\-]*:)?\Z")
#: How comments, CDATA sections, processing instructions and declarations end:
#: nothing inside them counts.
_SKIP_END = ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>"), (b"<?", b"?>"), (b"<!", b">"))
_ATTRIBUTE = re.compile(rb"""([\w.:\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CLASSIFIERS = re.compile(rb"<(recipient-country|sector)(?=[\s/>])([^>]*)>")


class _Head(NamedTuple):
    prolog: bytes  #: everything before the first activity (XML declaration, root start tag...)
    first: int  #: offset of the first activity; -1 when the file has none
    root: bytes  #: qualified name of the root element


def _scan(buffer: bytes, start: int = 0) -> Iterator[tuple[int, str, bytes]]:
    """(position, kind, name) of activity starts ("activity"), root starts
    ("root") and the root's end ("end") in buffer, from start.

    It looks for the text "iati-activit" and for "<!" and "<?" with
    bytes.find, which is many times faster than a regular expression tried at
    every "<" of the file, and skips comments, CDATA sections, processing
    instructions and declarations whole."""
    pos = start
    special = -2  # where the next "<!" or "<?" is (-1: none left); found again when passed
    while True:
        name_at = buffer.find(b"iati-activit", pos)
        if name_at < 0:
            return
        if special != -1 and special < pos:
            bang, question = buffer.find(b"<!", pos), buffer.find(b"<?", pos)
            special = min((x for x in (bang, question) if x >= 0), default=-1)
        if 0 <= special < name_at:
            pos = _skip(buffer, special)
            if pos < 0:  # unfinished: nothing more to read in this buffer
                return
            continue
        pos = name_at + len(b"iati-activit")
        head = _TAG_START.search(buffer, max(0, name_at - 64), name_at)
        if head is None:
            continue  # text, or another name ending so
        rest = buffer[pos:pos + 4]
        if rest[:1] == b"y" and rest[1:2] in _NAME_END:
            if not head.group(0).startswith(b"</"):
                yield head.start(), "activity", buffer[head.start() + 1:pos + 1]
        elif rest[:3] == b"ies" and rest[3:4] in _NAME_END:
            if head.group(0).startswith(b"</"):
                yield head.start(), "end", b""
            else:
                yield head.start(), "root", buffer[head.start() + 1:pos + 3]


_NAME_END = (b" ", b"\t", b"\r", b"\n", b"/", b">")


def _skip(buffer: bytes, at: int) -> int:
    """Where the comment, CDATA section, instruction or declaration at ``at`` ends; -1 if not in buffer."""
    for opening, closing in _SKIP_END:
        if buffer.startswith(opening, at):
            end = buffer.find(closing, at + len(opening))
            return -1 if end < 0 else end + len(closing)
    return at + 1


def _head(f: IO[bytes], size: int) -> _Head:
    """Reads the start of a file until its first activity (within HEAD_LIMIT bytes)."""
    want = 1 << 16
    while True:
        f.seek(0)
        buffer = f.read(want)
        root = b""
        for position, kind, name in _scan(buffer):
            if kind == "root" and not root:
                root = name
            elif kind == "activity":
                return _Head(buffer[:position], position, root)
            elif kind == "end":
                return _Head(buffer, -1, root)
        if len(buffer) < want or want >= min(size, HEAD_LIMIT):
            return _Head(buffer, -1, root)
        want *= 4


def _classifiers(activity: bytes) -> tuple[list[str], list[str]]:
    """Recipient country codes and DAC sector codes written in an activity."""
    countries: list[str] = []
    sectors: list[str] = []
    for m in _CLASSIFIERS.finditer(activity):
        attributes = {a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
                      for a in _ATTRIBUTE.finditer(m.group(2))}
        code = (attributes.get(b"code") or b"").strip().decode("utf-8", "replace")
        if not code:
            continue
        if m.group(1) == b"recipient-country":
            countries.append(code)
        elif (attributes.get(b"vocabulary") or b"1").strip() in (b"1", b"2", b"DAC", b"DAC-3"):
            sectors.append(code)
    return countries, sectors


def _activities(f: IO[bytes], piece: Piece, head: _Head) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of the activities whose start tag begins in the piece's range."""
    start = max(piece.start, head.first)
    end = piece.size if piece.end is None else piece.end
    if start >= end:
        return
    overrun = OVERRUN_BYTES
    while True:
        f.seek(start)
        buffer = f.read(end - start + overrun)
        at_eof = len(buffer) < end - start + overrun
        starts: list[int] = []
        stop = -1
        for position, kind, _ in _scan(buffer):
            if kind == "end" or (kind == "activity" and position + start >= end):
                stop = position
                break
            if kind == "activity":
                starts.append(position)
        if stop >= 0 or at_eof:
            break
        overrun *= 4  # the last activity goes on past what was read: read further
    if stop < 0:
        stop = len(buffer)
    bounds = starts + [stop]
    for k in range(len(starts)):
        yield start + bounds[k], buffer[bounds[k]:bounds[k + 1]]


def _read_iati(
    piece: Piece, storage_options: dict[str, Any], language: Optional[str], fail: Callable[[str, str, str], None]
) -> Iterator[Entry]:
    with _open(piece, storage_options) as f:
        head = _head(f, piece.size)
        if head.first < 0:  # no activity: the reader says whether the file is an empty IATI file
            if piece.start == 0:
                if piece.size > HEAD_LIMIT:
                    raise ValueError(f"{piece.name}: no <iati-activity> in the first {HEAD_LIMIT >> 20} MB; "
                                     "not an IATI activity file")
                f.seek(0)
                text = f.read()
                tocs, _ = tocgraph.read_iati_string(text.decode("utf-8-sig"), source=piece.name,
                                                         **given(language=language))
                for toc in tocs:
                    yield Entry(toc, identity_of(toc, piece.name))
            return
        prolog = head.prolog.decode("utf-8-sig")
        closing = "</" + head.root.decode("ascii", "replace") + ">" if head.root else ""
        lines_before = (lambda offset: None) if piece.start > 0 else _line_counter(f)
        group: list[tuple[int, bytes]] = []
        group_bytes = 0
        for offset, activity in _activities(f, piece, head):
            group.append((offset, activity))
            group_bytes += len(activity)
            if group_bytes >= CHUNK_BYTES:
                yield from _read_group(group, piece, prolog, closing, language, fail, lines_before)
                group, group_bytes = [], 0
        yield from _read_group(group, piece, prolog, closing, language, fail, lines_before)


def _line_counter(f: IO[bytes]) -> Callable[[int], Optional[int]]:
    """For a file read from its start: the number of lines before an offset."""

    def lines_before(offset: int) -> Optional[int]:
        f.seek(0)
        return f.read(offset).count(b"\n")

    return lines_before


def _read_group(
    group: list[tuple[int, bytes]],
    piece: Piece,
    prolog: str,
    closing: str,
    language: Optional[str],
    fail: Callable[[str, str, str], None],
    lines_before: Callable[[int], Optional[int]],
) -> Iterator[Entry]:
    if not group:
        return
    try:
        text = prolog + b"".join(a for _, a in group).decode("utf-8") + closing
        tocs, _ = tocgraph.read_iati_string(text, source=piece.name, **given(language=language))
        if len(tocs) != len(group):
            raise ValueError("activity count differs")  # read them one by one to tell which is which
    except Exception:
        if len(group) > 1:  # find which activity is at fault: the others are read
            for one in group:
                yield from _read_group([one], piece, prolog, closing, language, fail, lines_before)
            return
        offset, activity = group[0]
        try:
            text = prolog + activity.decode("utf-8") + closing
            tocs, _ = tocgraph.read_iati_string(text, source=piece.name, **given(language=language))
        except tocgraph.FormatError as error:
            fail(piece.name, type(error).__name__, _where(error, piece.name, offset, prolog, lines_before))
            return
        except UnicodeDecodeError as error:
            fail(piece.name, type(error).__name__,
                 f"{piece.name}: byte {offset + error.start}: not UTF-8 ({error.reason})")
            return
        if len(tocs) != 1:
            fail(piece.name, "FormatError", f"{piece.name}: byte {offset}: {len(tocs)} activities read from one")
            return
    for (offset, activity), toc in zip(group, tocs):
        countries, sectors = _classifiers(activity)
        yield Entry(toc, identity_of(toc, piece.name, offset, countries, sectors))


def _where(error: tocgraph.FormatError, name: str, offset: int, prolog: str,
           lines_before: Callable[[int], Optional[int]]) -> str:
    """The message of an error in one activity, placed in the file."""
    if error.line is None:
        return f"{name}: activity at byte {offset}: {error.problem}"
    shift = -prolog.count("\n")  # lines counted from the activity's first
    before = lines_before(offset)
    if before is not None:
        shift += before  # lines of the file
    # Places the reader names in its message ("opened at 6:3") move with the line.
    problem = _PLACE.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + shift}:{m.group(3)}", error.problem)
    if before is not None:
        return f"{name}:{error.line + shift}:{error.column}: {problem}"
    return f"{name}: activity at byte {offset}, line {error.line + shift}:{error.column} of the activity: {problem}"


_PLACE = re.compile(r"(\bat )([0-9]+):([0-9]+)")
