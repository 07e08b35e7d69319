"""Readers: files and folders to :class:`Document` records.

Readers are small classes in a registry keyed by file suffix. A user adds one without
editing ours through the ``armedkg.readers`` entry point group (rdflib ``plugin.py`` style)::

    [options.entry_points]
    armedkg.readers =
        .xml = mypackage.readers:XmlReader

One bad record never costs the others: a line of JSONL or CSV that cannot be read (not JSON, not
UTF-8, a field that is not text, a date that is not a date) is reported with its code and line
number, and the lines around it are read. Metadata is checked where it is read, so that what
reaches the pipeline and the store is always valid Unicode text.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.metadata import entry_points
from pathlib import Path

from .document import html_metadata, published_from_metadata
from .errors import InputError, InputLineError, UnsupportedInput
from .language import looks_english  # noqa: F401 - re-exported: the build's language check
from .records import Document

log = logging.getLogger("armedkg.readers")

FIELDS = ("id", "text", "published", "source", "url", "title")
MAX_ID_CHARS = 1_000
EARLIEST = date(1800, 1, 1)


@dataclass
class ReadProblem:
    """An input (file or line) that was skipped, with its coded error."""

    path: str
    line: int | None
    error: str


@dataclass
class ReadReport:
    """Problems found while reading; the documents themselves are streamed."""

    problems: list[ReadProblem] = field(default_factory=list)
    documents: int = 0

    def add(self, path: Path | str, line: int | None, exc: Exception) -> None:
        self.problems.append(ReadProblem(str(path), line, str(exc)))


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?")


def parse_date(value: object) -> date | None:
    """Parse ``YYYY-MM-DD`` or an ISO timestamp (``2021-03-01T10:00:00Z``); ``None`` when empty.

    Raises:
        ValueError: anything else (``2021-03-01garbage``, ``2021-02-30``, a number), a date
            before 1800, or one after tomorrow (no report is published in the future).
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
    text = value.strip()
    if not text:
        return None
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(f"{text[:60]!r} is not a YYYY-MM-DD date")
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f"{text[:60]!r} is not a date of the calendar") from None
    if day < EARLIEST or day > date.today() + timedelta(days=1):
        raise ValueError(f"{text[:60]!r} lies outside {EARLIEST.year} to today")
    return day


_SURROGATE = re.compile("[\ud800-\udfff]")


def text_field(value: object, name: str) -> str | None:
    """A metadata value as text: strings and numbers are text, empty means ``None``.

    Raises:
        ValueError: for a list, an object, true/false, or a string with a lone surrogate
            (``"\\ud800"`` in JSON), which is not Unicode text and cannot be stored.
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        kind = {list: "a list", dict: "an object", bool: "true/false"}.get(type(value), type(value).__name__)
        raise ValueError(f"'{name}' is {kind}, not text")
    text = value if isinstance(value, str) else str(value)
    bad = _SURROGATE.search(text)
    if bad:
        raise ValueError(f"'{name}' holds a lone surrogate (U+{ord(bad.group()):04X}), which is not Unicode text")
    return text.strip() or None


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _bom_text(data: bytes) -> str | None:
    """The text of UTF-16/32 data with a byte order mark, else ``None``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _refuse_binary(data: bytes, path: Path) -> None:
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks like a binary file (NUL bytes).", "Give text, HTML, JSONL or CSV files.")


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode a whole document: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252;
    refuse binary data."""
    text = _bom_text(data)
    if text is not None:
        return text
    _refuse_binary(data, path)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def decode_lines(data: bytes, path: Path) -> tuple[list[str], dict[int, str]]:
    """The lines of a line-based file (JSONL, CSV), each decoded on its own, and the numbers
    (from 1) of the lines that are not UTF-8, with the reason.

    A file that is UTF-8 as a whole (or UTF-16/32 with a BOM) is decoded at once. Otherwise each
    line is decoded as UTF-8; if no line with non-ASCII bytes is UTF-8, the file is a legacy
    cp1252 one and every line is decoded so. Else the lines that are not UTF-8 are named, and one
    stray byte never turns the other lines into mojibake.
    """
    text = _bom_text(data)
    if text is None:
        _refuse_binary(data, path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
    if text is not None:
        return text.split("\n"), {}
    raw = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    lines, bad, utf8_non_ascii = [], {}, False
    for number, line in enumerate(raw, start=1):
        try:
            lines.append(line.decode("utf-8"))
            utf8_non_ascii = utf8_non_ascii or not line.isascii()
        except UnicodeDecodeError as exc:
            lines.append("")
            bad[number] = f"byte 0x{line[exc.start]:02x} at column {exc.start + 1}"
    if utf8_non_ascii:
        return lines, bad
    log.warning("%s is not UTF-8: read as cp1252 (Windows Latin-1)", path)
    return [_cp1252(line) for line in raw], {}


def _cp1252(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def _doc_id_from_path(path: Path) -> str:
    return path.stem


class Reader:
    """Base class: turn one file into documents."""

    suffixes: tuple[str, ...] = ()

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        raise NotImplementedError


def _file_error(path: Path, message: str, hint: str, line: int | None = None) -> InputError:
    exc = InputError(f"{path}{f' line {line}' if line else ''}: {message}.", hint)
    exc.line = line  # type: ignore[attr-defined]
    return exc


def _check_id(doc_id: str | None) -> str | None:
    if doc_id is not None and len(doc_id) > MAX_ID_CHARS:
        raise ValueError(f"'id' has {len(doc_id):,} characters; at most {MAX_ID_CHARS:,}")
    return doc_id


_FRONT_KEYS = ("id", "title", "published", "source", "url")


def front_matter(text: str, path: Path) -> tuple[dict[str, str], str]:
    """The ``key: value`` pairs of a leading ``---`` block and the text after it.

    Raises:
        InputError: a block opened on the first line and never closed, or a bad value (with
            its line number).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r").strip() == "---"), None)
    if end is None:
        raise _file_error(path, "the front matter block opened on line 1 is never closed", "Close it with a line of three dashes (---), or remove the first line.", 1)
    meta: dict[str, str] = {}
    for number in range(2, end + 1):
        line = lines[number - 1]
        if ":" not in line:
            continue
        key, value = line.split(":", 1)
        key = key.strip().lower()
        value = value.strip().strip('"')
        if key not in _FRONT_KEYS:
            extra = text_field(value, key) if key.isidentifier() and len(key) <= 40 else None
            if extra:
                meta[key] = extra  # dateline, country ...: read by builder.document as place hints
            continue
        try:
            if key == "published":
                meta[key] = parse_date(value).isoformat() if value else ""
            else:
                meta[key] = (_check_id(text_field(value, key)) if key == "id" else text_field(value, key)) or ""
        except ValueError as exc:
            raise _file_error(path, f"front matter: {exc}", "Use 'published: YYYY-MM-DD' and an id of at most 1,000 characters.", number) from None
    return {k: v for k, v in meta.items() if v}, "\n".join(lines[end + 1 :])


class TextReader(Reader):
    """Plain text or Markdown: one document per file.

    An optional front matter block (``---`` lines around ``key: value`` pairs: id, title,
    published, source, url) sets the metadata; the id defaults to the file name. Offsets are
    counted in the text after the front matter.
    """

    suffixes = (".txt", ".md", ".markdown", ".text")

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        meta, text = front_matter(decode_bytes(path.read_bytes(), path), path)
        if not text.strip():
            raise InputError(f"{path} is empty.", "Remove it or add text.")
        title = meta.get("title")
        first = text.lstrip().splitlines()[0]
        if first.startswith("#") and not title:
            title = first.lstrip("#").strip() or None
        doc_published = date.fromisoformat(meta["published"]) if "published" in meta else published
        yield Document(
            id=meta.get("id") or _doc_id_from_path(path),
            text=text,
            published=doc_published,
            source=meta.get("source"),
            url=meta.get("url"),
            title=title,
            origin=str(path),
            source_file=None if meta.get("id") else str(path.resolve()),
            metadata={"from": "front matter", **meta} if meta else {},
        )


def _html_published(soup: object, path: Path) -> date | None:
    meta = soup.find("meta", attrs={"property": "article:published_time"})  # type: ignore[attr-defined]
    if not meta or not meta.get("content"):
        return None
    try:
        return parse_date(meta["content"])
    except ValueError as exc:
        raise _file_error(path, f'<meta property="article:published_time">: {exc}', "Fix the tag's content (YYYY-MM-DD) or remove the tag.") from None


class HtmlReader(Reader):
    """HTML: the visible text of the page (scripts, styles and navigation dropped)."""

    suffixes = (".html", ".htm", ".xhtml")

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        from bs4 import BeautifulSoup

        raw = decode_bytes(path.read_bytes(), path)
        soup = BeautifulSoup(raw, "html.parser")
        metadata = html_metadata(soup)  # before the scripts (JSON-LD) and the header go
        for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg"]):
            if tag.name == "header" and tag.find_parent(["article", "main"]) is not None:
                continue  # an article's own header (HTML5): its headline and byline, read as such
            tag.decompose()
        title = soup.title.get_text(" ", strip=True) if soup.title else None
        if soup.title:
            soup.title.decompose()
        blocks = []
        for block in soup.find_all(["h1", "h2", "h3", "h4", "p", "li", "blockquote", "pre", "td"]):
            text = block.get_text(" ", strip=True)
            if text:
                blocks.append(re.sub(r"\s+", " ", text))
        if not blocks:
            blocks = [re.sub(r"\s+", " ", soup.get_text(" ", strip=True))]
        text = "\n\n".join(blocks)
        if not text.strip():
            raise InputError(f"{path} has no visible text.", "Check that the HTML holds the article body.")
        published_meta = _html_published(soup, path) or published_from_metadata(metadata)[0]
        yield Document(
            id=_doc_id_from_path(path),
            text=text,
            published=published_meta or published,  # the page's own date first, like front matter
            title=title or None,
            origin=str(path),
            source_file=str(path.resolve()),
            metadata=metadata,
        )


def _record_to_document(record: object, path: Path, line: int, published: date | None) -> Document:
    """One JSONL record or CSV row as a document; every field checked (see :func:`text_field`)."""
    if not isinstance(record, dict):
        raise InputLineError(f"{path} line {line} is not a JSON object.", "Each line must be an object with 'id' and 'text'.")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputLineError(f"{path} line {line} has no 'text'.", "Each record needs a non-empty 'text' field.")
    try:
        if _SURROGATE.search(text):
            text_field(text, "text")
        doc_id = _check_id(text_field(record.get("id"), "id"))
        source, url, title = (text_field(record.get(k), k) for k in ("source", "url", "title"))
        try:
            doc_published = parse_date(record.get("published")) or published
        except ValueError as exc:
            raise ValueError(f"'published': {exc}") from None
    except ValueError as exc:
        hint = "Use YYYY-MM-DD in 'published'." if "'published'" in str(exc) else "Give that field as text (a string), or leave it out."
        raise InputLineError(f"{path} line {line}: {exc}.", hint) from None
    if doc_id is None:
        doc_id = f"{path.stem}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"
    return Document(id=doc_id, text=text, published=doc_published, source=source, url=url, title=title, origin=f"{path}:{line}")


def _not_utf8(path: Path, number: int, reason: str) -> InputLineError:
    return InputLineError(f"{path} line {number} is not UTF-8 ({reason}).", "Save the file as UTF-8, or fix that line.")


class JsonlReader(Reader):
    """JSON Lines: one document per line with ``id``, ``text`` and optional metadata."""

    suffixes = (".jsonl", ".ndjson")

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        lines, bad = decode_lines(path.read_bytes(), path)
        for number, line in enumerate(lines, start=1):
            if number in bad:
                report.add(path, number, _not_utf8(path, number, bad[number]))
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError) as exc:
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc) if isinstance(exc, ValueError) else "nested too deeply"
                report.add(path, number, InputLineError(f"{path} line {number} is not JSON: {reason}.", "Fix or remove that line."))
                continue
            try:
                yield _record_to_document(record, path, number, published)
            except InputLineError as exc:
                report.add(path, number, exc)


class CsvReader(Reader):
    """CSV with a header row naming at least ``text`` (and usually ``id``).

    A field may be as long as a document may be (no 131,072-character limit); a row that the CSV
    parser cannot read is reported with its line and the next rows are read.
    """

    suffixes = (".csv", ".tsv")
    FIELD_LIMIT = 1 << 30

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        lines, bad = decode_lines(path.read_bytes(), path)
        if 1 in bad:
            raise InputError(f"{path} line 1 (the header) is not UTF-8 ({bad[1]}).", "Save the file as UTF-8.")
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        previous = csv.field_size_limit(self.FIELD_LIMIT)
        try:
            yield from self._rows(path, lines, bad, delimiter, report, published)
        finally:
            csv.field_size_limit(previous)

    def _rows(self, path: Path, lines: list[str], bad: dict[int, str], delimiter: str, report: ReadReport, published: date | None) -> Iterator[Document]:
        rows = csv.reader((line + "\n" for line in lines), delimiter=delimiter)
        try:
            header = [h.strip().lower() for h in next(rows)]
        except StopIteration:
            raise InputError(f"{path} is empty.", "Add a header row with 'id' and 'text'.") from None
        except csv.Error as exc:
            raise InputError(f"{path}: the header row cannot be read as CSV: {exc}.", "Check the file.") from None
        if "text" not in header:
            raise InputError(f"{path} has no 'text' column (header: {', '.join(header)[:300]}).", "Name the article column 'text'.")
        done = rows.line_num
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                report.add(path, done + 1, InputLineError(f"{path} line {done + 1} cannot be read as CSV: {exc}.", "Check the quoting of that row."))
                done = rows.line_num
                continue
            number, done = done + 1, rows.line_num
            problem = self._row_problem(path, number, done, row, header, bad)
            if problem is not None:
                report.add(path, number, problem)
                continue
            if not any(cell.strip() for cell in row):
                continue
            try:
                yield _record_to_document(dict(zip(header, row)), path, number, published)
            except InputLineError as exc:
                report.add(path, number, exc)

    @staticmethod
    def _row_problem(path: Path, first: int, last: int, row: list[str], header: list[str], bad: dict[int, str]) -> InputLineError | None:
        for n in range(first, last + 1):
            if n in bad:
                return _not_utf8(path, n, bad[n])
        if row and any(cell.strip() for cell in row) and len(row) != len(header):
            return InputLineError(f"{path} line {first} has {len(row)} columns, the header has {len(header)}.", "Quote fields that contain the delimiter.")
        return None


class ReaderRegistry:
    """Readers by suffix; built-ins plus the ``armedkg.readers`` entry points."""

    def __init__(self) -> None:
        self._readers: dict[str, Reader] = {}
        for reader_cls in (TextReader, HtmlReader, JsonlReader, CsvReader):
            self.register(reader_cls())
        for ep in entry_points(group="armedkg.readers"):
            reader = ep.load()()
            self._readers[ep.name.lower()] = reader

    def register(self, reader: Reader) -> None:
        for suffix in reader.suffixes:
            self._readers[suffix] = reader

    def for_path(self, path: Path) -> Reader | None:
        return self._readers.get(path.suffix.lower())

    @property
    def suffixes(self) -> list[str]:
        return sorted(self._readers)


def unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file (a dangling link, a FIFO, socket or device, no
    permission), or ``None``. Never opens it: opening a FIFO would wait for a writer."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "is a link to a missing file" if path.is_symlink() else "does not exist"
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return "is not a regular file (a FIFO, socket or device)"
    if not os.access(path, os.R_OK):
        return "cannot be read: permission denied"
    return None


def walk_files(folder: Path, report: ReadReport) -> Iterator[Path]:
    """Files under ``folder`` in sorted order (links to folders followed once), hidden ones left
    out. A sub-folder that cannot be listed is reported, not skipped silently."""

    def failed(exc: OSError) -> None:
        name = exc.filename or folder
        report.add(name, None, InputError(f"{name} cannot be read: {exc.strerror}.", "Check its permissions; the rest was read."))

    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, onerror=failed, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _input_files(raw: str | Path, report: ReadReport) -> Iterator[tuple[Path, bool]]:
    """(file, named on the command line) for one argument; problems with it are reported."""
    path = Path(raw)
    reason = unreadable(path)
    if reason == "does not exist":
        report.add(path, None, UnsupportedInput(f"{path} does not exist.", "Check the path."))
    elif reason is not None:
        report.add(path, None, InputError(f"{path} {reason}.", "Give regular files or folders."))
    elif path.is_dir():
        for file in walk_files(path, report):
            yield file, False
    else:
        yield path, True


def estimate_documents(paths: list[str | Path], registry: ReaderRegistry | None = None) -> int:
    """How many documents ``paths`` hold, cheaply (for the progress bar's ETA): a line per
    JSONL record, a line per CSV row, one per other readable file."""
    registry = registry or ReaderRegistry()
    total = 0
    for raw in paths:
        for file, _ in _input_files(raw, ReadReport()):
            suffix = file.suffix.lower()
            if registry.for_path(file) is None or unreadable(file) is not None:
                continue
            if suffix in (".jsonl", ".ndjson", ".csv", ".tsv"):
                try:
                    with file.open("rb") as f:
                        lines = sum(1 for line in f if line.strip())
                except OSError:
                    continue
                total += max(lines - (1 if suffix in (".csv", ".tsv") else 0), 0)
            else:
                total += 1
    return total


def _read_file(file: Path, reader: Reader, report: ReadReport, published: date | None) -> Iterator[Document]:
    try:
        for document in reader.read(file, report, published):
            report.documents += 1
            yield document
    except InputError as exc:
        report.add(file, getattr(exc, "line", None), exc)
    except OSError as exc:
        report.add(file, None, InputError(f"{file} cannot be read: {exc.strerror or exc}.", "Check permissions."))


def iter_documents(
    paths: list[str | Path],
    report: ReadReport | None = None,
    published: date | None = None,
    registry: ReaderRegistry | None = None,
) -> Iterator[Document]:
    """Stream documents from files and folders (recursively, in sorted order).

    Files that cannot be read are recorded in ``report`` and skipped; the rest is read. In a
    folder, files without a reader (images, notes) are passed over, but dangling links, FIFOs,
    devices and unreadable files or sub-folders are reported.
    """
    report = report if report is not None else ReadReport()
    registry = registry or ReaderRegistry()
    for raw in paths:
        for file, named in _input_files(raw, report):
            reason = None if named else unreadable(file)
            if reason is not None:
                report.add(file, None, InputError(f"{file} {reason}.", "Remove it, or fix the link or its permissions."))
                continue
            reader = registry.for_path(file)
            if reader is None:
                if named:
                    report.add(file, None, UnsupportedInput(f"{file} has no reader for '{file.suffix}'.", f"Use one of {', '.join(registry.suffixes)}."))
                continue
            yield from _read_file(file, reader, report, published)
