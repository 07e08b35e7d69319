"""Readers: files and folders to :class:`Document` records.

Readers are small classes in a registry keyed by file suffix. A user adds one without
editing ours through the ``armedkg.readers`` entry point group (rdflib ``plugin.py`` style)::

    [options.entry_points]
    armedkg.readers =
        .xml = mypackage.readers:XmlReader
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path

from .document import html_metadata, published_from_metadata
from .errors import InputError, InputLineError, UnsupportedInput
from .records import Document

FIELDS = ("id", "text", "published", "source", "url", "title")


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


def parse_date(value: object) -> date | None:
    """Parse ``YYYY-MM-DD`` (or the date part of an ISO timestamp); ``None`` when empty."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        raise ValueError(f"'{text}' is not a YYYY-MM-DD date")
    return date(int(match[1]), int(match[2]), int(match[3]))


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_bytes(data: bytes, path: Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252; refuse binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks like a binary file (NUL bytes).", "Give text, HTML, JSONL or CSV files.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


_ENGLISH = frozenset(
    "the of and to was were is are that with for by said from at as it has have had who which their its after "
    "this an be been they he his not would will killed forces near between against out reportedly during while "
    "into over also but when where".split()
)


def looks_english(text: str) -> bool:
    """A cheap language check: Latin letters, and English function words among the words.

    Texts under 30 words pass (too short to judge). English news prose has 30-45% of its words
    in this list, terse event notes 15% or more; French, Spanish or German text has under 5%.
    """
    letters = [c for c in text[:20000] if c.isalpha()]
    if len(letters) < 40:
        return True
    latin = sum(1 for c in letters if ord(c) < 0x250) / len(letters)
    if latin < 0.5:
        return False
    words = re.findall(r"[a-z]+", text[:20000].lower())
    if len(words) < 30:
        return True
    return sum(1 for w in words if w in _ENGLISH) / len(words) >= 0.08


def _doc_id_from_path(path: Path) -> str:
    return path.stem


class Reader:
    """Base class: turn one file into documents."""

    suffixes: tuple[str, ...] = ()

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        raise NotImplementedError


class TextReader(Reader):
    """Plain text or Markdown: one document per file.

    An optional front matter block (``---`` lines around ``key: value`` pairs: id, title,
    published, source, url) sets the metadata; the id defaults to the file name. Offsets are
    counted in the text after the front matter.
    """

    suffixes = (".txt", ".md", ".markdown", ".text")

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        text = decode_bytes(path.read_bytes(), path)
        meta: dict[str, str] = {}
        front = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", text, re.S)
        if front:
            for line in front.group(1).splitlines():
                if ":" in line:
                    key, value = line.split(":", 1)
                    meta[key.strip().lower()] = value.strip().strip('"')
            text = text[front.end() :]
        if not text.strip():
            raise InputError(f"{path} is empty.", "Remove it or add text.")
        title = meta.get("title")
        first = text.lstrip().splitlines()[0]
        if first.startswith("#") and not title:
            title = first.lstrip("#").strip()
        try:
            doc_published = parse_date(meta.get("published")) or published
        except ValueError as exc:
            raise InputError(f"{path}: front matter {exc}.", "Use 'published: YYYY-MM-DD'.") from None
        yield Document(
            id=meta.get("id") or _doc_id_from_path(path),
            text=text,
            published=doc_published,
            source=meta.get("source"),
            url=meta.get("url"),
            title=title,
            origin=str(path),
            metadata={"from": "front matter", **meta} if front else {},
        )


class HtmlReader(Reader):
    """HTML: the visible text of the page (scripts, styles and navigation dropped)."""

    suffixes = (".html", ".htm", ".xhtml")

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        from bs4 import BeautifulSoup

        raw = decode_bytes(path.read_bytes(), path)
        soup = BeautifulSoup(raw, "html.parser")
        metadata = html_metadata(soup)  # before the scripts (JSON-LD) and the header go
        for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg"]):
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
        published_meta, _ = published_from_metadata(metadata)
        yield Document(
            id=_doc_id_from_path(path),
            text=text,
            published=published_meta or published,  # the page's own date first, like front matter
            title=title,
            origin=str(path),
            metadata=metadata,
        )


def _record_to_document(record: dict, path: Path, line: int, published: date | None) -> Document:
    if not isinstance(record, dict):
        raise InputLineError(f"{path} line {line} is not a JSON object.", "Each line must be an object with 'id' and 'text'.")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputLineError(f"{path} line {line} has no 'text'.", "Each record needs a non-empty 'text' field.")
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        doc_id = f"{path.stem}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"
    try:
        doc_published = parse_date(record.get("published")) or published
    except ValueError as exc:
        raise InputLineError(f"{path} line {line}: {exc}.", "Use YYYY-MM-DD in 'published'.") from None
    return Document(
        id=str(doc_id).strip(),
        text=text,
        published=doc_published,
        source=(str(record["source"]) if record.get("source") else None),
        url=(str(record["url"]) if record.get("url") else None),
        title=(str(record["title"]) if record.get("title") else None),
        origin=f"{path}:{line}",
    )


class JsonlReader(Reader):
    """JSON Lines: one document per line with ``id``, ``text`` and optional metadata."""

    suffixes = (".jsonl", ".ndjson")

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        text = decode_bytes(path.read_bytes(), path)
        for number, line in enumerate(io.StringIO(text), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                report.add(path, number, InputLineError(f"{path} line {number} is not JSON: {exc.msg}.", "Fix or remove that line."))
                continue
            try:
                yield _record_to_document(record, path, number, published)
            except InputLineError as exc:
                report.add(path, number, exc)


class CsvReader(Reader):
    """CSV with a header row naming at least ``text`` (and usually ``id``)."""

    suffixes = (".csv", ".tsv")

    def read(self, path: Path, report: ReadReport, published: date | None = None) -> Iterator[Document]:
        text = decode_bytes(path.read_bytes(), path)
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        rows = csv.reader(io.StringIO(text), delimiter=delimiter)
        try:
            header = [h.strip().lower() for h in next(rows)]
        except StopIteration:
            raise InputError(f"{path} is empty.", "Add a header row with 'id' and 'text'.") from None
        if "text" not in header:
            raise InputError(f"{path} has no 'text' column (header: {', '.join(header)}).", "Name the article column 'text'.")
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                report.add(
                    path,
                    number,
                    InputLineError(
                        f"{path} line {number} has {len(row)} columns, the header has {len(header)}.",
                        "Quote fields that contain the delimiter.",
                    ),
                )
                continue
            record = {key: value for key, value in zip(header, row) if key in FIELDS}
            try:
                yield _record_to_document(record, path, number, published)
            except InputLineError as exc:
                report.add(path, number, exc)


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


def estimate_documents(paths: list[str | Path], registry: ReaderRegistry | None = None) -> int:
    """How many documents ``paths`` hold, cheaply (for the progress bar's ETA): a line per
    JSONL record, a line per CSV row, one per other readable file."""
    registry = registry or ReaderRegistry()
    total = 0
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            continue
        files = (p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if registry.for_path(file) is None:
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


def iter_documents(
    paths: list[str | Path],
    report: ReadReport | None = None,
    published: date | None = None,
    registry: ReaderRegistry | None = None,
) -> Iterator[Document]:
    """Stream documents from files and folders (recursively, in sorted order).

    Files that cannot be read are recorded in ``report`` and skipped; the rest is read.
    """
    report = report if report is not None else ReadReport()
    registry = registry or ReaderRegistry()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            report.add(path, None, UnsupportedInput(f"{path} does not exist.", "Check the path."))
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for file in files:
            reader = registry.for_path(file)
            if reader is None:
                if not path.is_dir():
                    report.add(
                        file,
                        None,
                        UnsupportedInput(
                            f"{file} has no reader for '{file.suffix}'.",
                            f"Use one of {', '.join(registry.suffixes)}.",
                        ),
                    )
                continue
            try:
                for document in reader.read(file, report, published):
                    report.documents += 1
                    yield document
            except InputError as exc:
                report.add(file, None, exc)
            except OSError as exc:
                report.add(file, None, InputError(f"{file} cannot be read: {exc}.", "Check permissions."))
