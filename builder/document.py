"""Document reading: the parts of an article that are not its story.

A news text carries, besides the story, a headline, a dateline ("KHARTOUM, May 3 (Reuters) -",
"MOGADISHU (AP) —", "Kabul, 12 March 2023:"), bylines and credit lines ("By Jane Smith",
"Reporting by ...; Editing by ..."), photo captions ("Caption: ...", "FILE PHOTO: ...", a line
ending in "(AFP/Getty Images)"), "Published/Updated" lines and teasers of other articles. They
tell the extraction when and where the story was filed, but they are not events, actors or event
places themselves. :func:`read_document` finds them as character spans (:class:`Zone`) and
derives the reference date (with where it came from) and place hints; :func:`html_metadata`
collects what an HTML page says about itself (``article:published_time``, ``<time datetime>``,
JSON-LD ``datePublished``/``dateline``, ``og:title``) for the reader to keep in
``Document.metadata``.

Precedence of the reference date: the document's own date (front matter, HTML metadata, the
record's ``published`` field or ``--published``), then a "Published:" line of the text, then a
dateline that gives a full date. An "Updated" line never sets it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .dates import resolve_dates
from .records import Document

# Metadata keys, in the order they give the publication date.
PUBLISHED_KEYS = ("article:published_time", "datePublished", "date", "time", "published")
ZONE_KINDS = ("headline", "heading", "standfirst", "dateline", "byline", "caption", "published", "related", "masthead")
_HEAD_LINES = 8  # headline, dateline, masthead and published lines sit among the first lines
TITLE_LINES = 3  # the title is one of the first lines (after a section label or a site's links)


@dataclass(frozen=True)
class Zone:
    """A span of the text that is not story: its kind (one of ``ZONE_KINDS``) and offsets."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Dateline:
    """Where (and when) a story was filed, as its first words say."""

    place: str  # "El Obeid" (all-capital datelines are title-cased)
    region: str | None  # "Sudan", the country or state after the place, when given
    date_text: str | None  # "Nov 7", "20 April 2021"
    date: date | None  # the date_text resolved (against the reference date when it has no year)
    agency: str | None  # "Reuters", "AP"
    zone: Zone


@dataclass(frozen=True)
class PlaceHint:
    """A place the document is about or was filed from, and where the hint comes from."""

    text: str
    source: str  # "dateline", "metadata dateline", "metadata contentLocation", "front matter ..."
    region: str | None = None


@dataclass
class DocumentReading:
    """What :func:`read_document` found in one document."""

    zones: list[Zone] = field(default_factory=list)
    headline: str | None = None
    dateline: Dateline | None = None
    reference_date: date | None = None
    reference_from: str | None = None  # "front matter", "metadata article:published_time", "published line", "dateline", ...
    place_hints: list[PlaceHint] = field(default_factory=list)

    def zone_at(self, start: int, end: int | None = None) -> Zone | None:
        """The zone overlapping ``start`` .. ``end`` (a single offset when ``end`` is omitted)."""
        end = start + 1 if end is None else end
        return next((z for z in self.zones if z.start < end and start < z.end), None)

    def is_content(self, start: int, end: int) -> bool:
        """Whether ``start`` .. ``end`` lies outside every zone (story text)."""
        return self.zone_at(start, end) is None

    def of_kind(self, kind: str) -> list[Zone]:
        return [z for z in self.zones if z.kind == kind]


# --------------------------------------------------------------------------------- patterns
_WORD = r"[A-Z][\w'’.\-]*"
_REGION = r"(?:,\s*(?P<region>" + _WORD + r"(?:\s+(?:of\s+|the\s+)?" + _WORD + r"){0,4}))?"
_DATE_TEXT = r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?))"
_AGENCY = r"(?:\((?P<agency>[^()\n]{1,40})\))"
# "PEMBA, Mozambique, Aug 9 (Coastline Wire) -", "MOGADISHU, Somalia (AP) —", "YANGON — "
WIRE_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})" + _REGION + r"(?:,\s*" + _DATE_TEXT + r")?\s*" + _AGENCY + r"?\s*(?:-{1,2}|–|—)\s+"
)
# "Kabul, 12 March 2023:", "Damascus, 20 April 2021 (Levant Desk):"
_TITLE_CASE_PLACE = r"(?P<place>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,3})"
_SLUG_END = r"\s*(?::|-{1,2}|–|—)\s+"
DATED_DATELINE_RE = re.compile(r"^" + _TITLE_CASE_PLACE + _REGION + r",\s*" + _DATE_TEXT + r"\s*" + _AGENCY + r"?" + _SLUG_END)
# The slug of an incident log or a dated brief, date first: "12 Jan 2025, Masisi:", "May 3, 2024,
# North Kivu -", "14 Nov 2024, Sahel (Dori):" (a parenthesis here names a smaller place, never an agency).
DATE_FIRST_DATELINE_RE = re.compile(r"^" + _DATE_TEXT + r",\s*" + _TITLE_CASE_PLACE + _REGION + r"(?:\s*\((?P<within>[A-Z][^()\n]{0,40})\))?" + _SLUG_END)
_TIME_WORDS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|Late|Early|Mid|Noon|Midday|Dawn|Nightfall|The|This|That|Last|Next)\b"
BYLINE_RE = re.compile(
    r"^\(?\s*(?:"
    r"By\s+(?!" + _TIME_WORDS + r")[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,4}\b(?:\s*[|;]\s*.*|\s*,\s*[^.]{0,60}|\s+(?:and|in)\s+[A-Z].{0,60})?"
    r"|(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Edited|Written|Prepared|Photographs)\s+by\b.*"
    r"|Authors?\s*:.*"
    r"|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3}\s+reported\s+from\s+[A-Z].*"
    r"|[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,4}\s+(?:staff|correspondents?|reporters?)\s*(?:\|.*)?"
    r")\)?\s*$"
)
CAPTION_PREFIX_RE = re.compile(r"^[\(\[]?\s*(?:caption|photo|photograph|picture|image|file photo|file|video|credit)\s*:", re.I)
# A trailing credit: "(AFP/Getty Images)", "(Julián Ortega/Andes Weekly)", "(Supplied)", "(Photo: ...)".
CREDIT_RE = re.compile(r"\((?:[^()\n]*[A-Za-z.]\s*/\s*[A-Z][^()\n]*|[^()\n]*\b(?:Getty|Images|Photo|Photos|Supplied|Handout|Credit|Courtesy|File)\b[^()\n]*)\)\s*\.?\s*$")
PUBLISHED_LINE_RE = re.compile(r"^(?P<label>Published|First published|Posted|Updated|Last updated|Modified|Date)\b\s*(?:on\s+)?:?\s*(?P<rest>.{4,80})$", re.I)
# What may stand beside the date of a bare date line: a weekday, a clock time, a time zone, separators.
DATE_LINE_REST_RE = re.compile(r"(?:[\s|,·•/()\-–—:.+\d]|\b(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}|UTC|GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|at)\b|[+-]\d{2}:?\d{2})*")
IMAGE_RE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")  # a Markdown picture: "![Workers on the road](road.jpg)"
LIST_ITEM_RE = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+\S")  # "- Guinea's junta dissolves parties", "2. ..."
RELATED_RE = re.compile(r"^(?:Read more|Related|See also|Also read|Read also|Recommended|More on this)\b\s*:?", re.I)
STANDFIRST_RE = re.compile(r"^(?:\*[^*\n].*[^*\n]\*|_[^_\n].*[^_\n]_)$")
# A line wrapped whole in Markdown emphasis ("**Date: 14 November 2024**", "*By Jane Doe*") and
# the separators of a line that joins several head items ("By Jane Doe · Published 22 October 2024").
EMPHASIS_RE = re.compile(r"^(?P<mark>\*{1,3}|_{1,3})(?P<inner>[^*_\s].*?)(?P=mark)$")
HEAD_SEPARATOR_RE = re.compile(r"\s+[|·•]\s+")
# A run-in heading: the bold title that opens a paragraph of a brief ("**Roadside bomb near Batibo.**
# On Tuesday, ..."); the paragraph's story starts after it.
RUN_IN_HEADING_RE = re.compile(r"^(?P<mark>\*\*|__)(?P<inner>[^*_\n]{3,120}?[.:])\s*(?P=mark)(?=\s+\S)")
MASTHEAD_RE = re.compile(r"\b(?:Brief|Report|Bulletin|Update|Monitor|Newsletter|Digest|Review)\b.*(?:\bNo\.?\s*\d+|\b\d{4}\b|\d+/\d+)")


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) of each non-blank line, offsets of the line without its surrounding blanks."""
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped)
            yield start, start + len(stripped), stripped
        offset += len(raw)


def _words(line: str) -> int:
    return len(line.split())


# ------------------------------------------------------------------------------ line kinds
def _is_caption(line: str) -> bool:
    if CAPTION_PREFIX_RE.match(line):
        return True
    return _words(line) <= 60 and CREDIT_RE.search(line) is not None


def _is_byline(line: str) -> bool:
    return _words(line) <= 25 and BYLINE_RE.match(line) is not None


def _unwrapped(line: str) -> str:
    """The line without Markdown emphasis around the whole of it."""
    match = EMPHASIS_RE.match(line)
    return match["inner"].strip() if match else line


def _published_line(line: str) -> tuple[str, date | None] | None:
    """("published"|"updated", its date) for a "Published: 14 March 2023" line, or for such a part
    of a line that joins several head items ("By Jane Doe · Published 22 October 2024"), else ``None``."""
    for part in HEAD_SEPARATOR_RE.split(_unwrapped(line)):
        stamp = _published_part(part)
        if stamp is not None:
            return stamp
    return None


def _published_part(line: str) -> tuple[str, date | None] | None:
    match = PUBLISHED_LINE_RE.match(line)
    if match is None or _words(line) > 14:
        return None
    dates = [d for d in resolve_dates(match["rest"], None) if d.resolved]
    if not dates:
        return None
    label = match["label"].lower()
    return ("updated" if label in ("updated", "last updated", "modified") else "published"), dates[0].value


def _bare_date_line(line: str) -> date | None:
    """The day of a line that is only a full date, perhaps with weekday, clock time and time zone
    ("October 19, 2023 | 4:12 PM PHT", "Thursday 19 October 2023 08:00 GMT"): many house
    styles put the publication date so under the headline or byline, without a label."""
    if _words(line) > 10:
        return None
    found = [d for d in resolve_dates(line, None) if d.resolved]
    if len(found) != 1 or found[0].precision != 1 or found[0].value is None or not re.search(r"\d{4}", found[0].text):
        return None
    rest = line[: found[0].start] + " " + line[found[0].end :]
    return found[0].value if DATE_LINE_REST_RE.fullmatch(rest) else None


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _headline(lines: list[tuple[int, int, str]], text: str, document: Document | None) -> Zone | None:
    """The first line when it is a Markdown heading or a short unpunctuated line standing alone
    (a plain-text headline); the document's title among the first lines, under a section label
    or a site's links ("Donetsk region", "Orinoco Report | Venezuela | Mining Arc")."""
    if not lines:
        return None
    titles = [t for t in (document.title if document else None, *(_metadata(document).get(k) for k in ("og:title", "headline"))) if t]
    for start, end, line in lines[:TITLE_LINES]:
        plain = line.lstrip("#").strip()
        if any(_fold(plain) and _fold(t).startswith(_fold(plain)) for t in titles):
            return Zone("headline", start, end, line)
    start, end, line = lines[0]
    standalone = text[end : end + 2].count("\n") >= 2 or end == len(text.rstrip())
    if line.startswith("#"):
        return Zone("headline", start, end, line)
    masthead = MASTHEAD_RE.search(line) and re.search(r"\||\bNo\.", line)
    if standalone and _words(line) <= 20 and not re.search(r"[.:;,]$", line) and _line_kind(line, 0) is None and not masthead:
        return Zone("headline", start, end, line)
    return None


def _metadata(document: Document | None) -> dict[str, str]:
    return dict(getattr(document, "metadata", None) or {}) if document is not None else {}


def _line_kind(line: str, index: int) -> str | None:
    """The zone kind of a whole line, or ``None`` for story text."""
    if _published_line(line) is not None:
        return "published"
    inner = _unwrapped(line)
    if _is_caption(inner):
        return "caption"
    if _is_byline(inner):
        return "byline"
    if RELATED_RE.match(line) and _words(line) <= 25:
        return "related"
    if index < _HEAD_LINES and _words(line) <= 14 and not line.endswith(".") and MASTHEAD_RE.search(line):
        return "masthead"
    if index < _HEAD_LINES and STANDFIRST_RE.match(line) and _words(line) <= 60:
        return "standfirst"  # the emphasised summary under a headline
    if index > 0 and (line.startswith("#") or (_words(line) <= 10 and line[:1].isupper() and not re.search(r"[.!?:;,\"”’)\]]$", line))):
        return "heading"  # a section heading ("## Balochistan: the Bela camp assault")
    return None


def _goes_on(last: str | None, line: str, image: bool) -> str | None:
    """The zone of a line by the line before (``last``: its kind, "image" for a picture): the
    items of a "Related coverage:" list are links too; a picture (``![alt](file.jpg)``) and the
    short line right under it, its caption, are no story."""
    if last == "related" and LIST_ITEM_RE.match(line):
        return "related"
    if image or (last == "image" and _words(line) <= 60):
        return "caption"
    return None


def _title_case(place: str) -> str:
    return place.title() if place.isupper() else place


def _dateline(lines: list[tuple[int, int, str]], zones: list[Zone], reference: date | None) -> Dateline | None:
    """The dateline at the start of one of the first story lines."""
    taken = {z.start for z in zones}
    candidates = [(s, e, line) for s, e, line in lines[:_HEAD_LINES + 4] if s not in taken][:4]
    for start, _end, line in candidates:
        match = WIRE_DATELINE_RE.match(line) or DATED_DATELINE_RE.match(line) or DATE_FIRST_DATELINE_RE.match(line)
        if match is None or (match.re is WIRE_DATELINE_RE and not (match["agency"] or len(match["place"]) >= 3)):
            continue
        stamp = line[: match.end()].rstrip()
        when = None
        if match["date"]:
            found = [d for d in resolve_dates(match["date"], reference) if d.resolved]
            when = found[0].value if found else None
        zone = Zone("dateline", start, start + len(stamp), stamp)
        return Dateline(_title_case(match["place"]), match["region"], match["date"], when, match.groupdict().get("agency"), zone)
    return None


def published_from_metadata(metadata: dict[str, str]) -> tuple[date | None, str | None]:
    """The publication date in reader metadata and the key it came from (``PUBLISHED_KEYS`` order)."""
    for key in PUBLISHED_KEYS:
        value = metadata.get(key)
        if not value:
            continue
        iso = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value)
        try:
            if iso:
                return date(int(iso[1]), int(iso[2]), int(iso[3])), key
        except ValueError:
            continue
        found = [d for d in resolve_dates(value, None) if d.resolved and d.precision == 1]
        if found:
            return found[0].value, key
    return None, None


def _reference(document: Document | None, published_lines: list[date], updated_lines: list[date] = ()) -> tuple[date | None, str | None]:
    """The reference date: the record's (front matter, metadata), else a published line, else an
    updated line (wire copy often carries only "Updated February 11, 2025 14:20 GMT")."""
    metadata = _metadata(document)
    if document is not None and document.published is not None:
        meta_date, key = published_from_metadata(metadata)
        if metadata.get("from") == "html" and key and meta_date == document.published:
            return document.published, f"metadata {key}"
        return document.published, ("front matter" if metadata.get("from") == "front matter" and "published" in metadata else "document")
    meta_date, key = published_from_metadata(metadata)
    if meta_date is not None:
        return meta_date, f"metadata {key}"
    if published_lines:
        return published_lines[0], "published line"
    if updated_lines:
        return updated_lines[0], "updated line"
    return None, None


def _place_hints(dateline: Dateline | None, metadata: dict[str, str]) -> list[PlaceHint]:
    hints = [PlaceHint(dateline.place, "dateline", dateline.region)] if dateline else []
    sources = [("dateline", "metadata dateline"), ("contentLocation", "metadata contentLocation")]
    if metadata.get("from") == "front matter":
        sources = [(k, f"front matter {k}") for k in ("dateline", "location", "place", "country")]
    for key, source in sources:
        value = (metadata.get(key) or "").strip()
        if value:
            place, _, region = value.partition(",")
            hints.append(PlaceHint(_title_case(place.strip()), source, region.strip() or None))
    seen: set[str] = set()
    return [h for h in hints if not (_fold(h.text) in seen or seen.add(_fold(h.text)))]  # type: ignore[func-returns-value]


def read_document(text: str, document: Document | None = None) -> DocumentReading:
    """Find the zones of ``text`` that are not story, the reference date and the place hints.

    Args:
        text: The document text (``document.text`` unless the caller cleaned it; offsets are
            into this text).
        document: The record the reader made (title, published date, ``metadata``), if any.

    Returns:
        A :class:`DocumentReading`; its zones are sorted and do not overlap.
    """
    lines = list(_lines(text))
    zones: list[Zone] = []
    head = _headline(lines, text, document)
    if head is not None:
        zones.append(head)
    published: list[date] = []
    updated: list[date] = []  # "Updated February 11, 2025 14:20 GMT": the day when no line says published
    last: str | None = None  # the kind of the line before (None for story text)
    for index, (start, end, line) in enumerate(lines):
        if head is not None and start == head.start:
            continue
        if index < _HEAD_LINES and (bare := _bare_date_line(_unwrapped(line))) is not None:
            zones.append(Zone("published", start, end, line))
            published.append(bare)
            continue
        image = IMAGE_RE.match(line) is not None
        kind = _line_kind(line, index) or _goes_on(last, line, image)
        last = "image" if image else kind
        if kind is None:
            if (run_in := RUN_IN_HEADING_RE.match(line)) is not None and _words(run_in["inner"]) <= 14:
                zones.append(Zone("heading", start, start + run_in.end(), run_in.group(0)))
            continue
        zones.append(Zone(kind, start, end, line))
        stamp = _published_line(line) if kind == "published" else None
        if stamp and stamp[1] is not None:
            (published if stamp[0] == "published" else updated).append(stamp[1])
    reference, reference_from = _reference(document, published, updated)
    dateline = _dateline(lines, zones, reference)
    if dateline is not None:
        zones.append(dateline.zone)
        if reference is None and dateline.date is not None and re.search(r"\d{4}", dateline.date_text or ""):
            reference, reference_from = dateline.date, "dateline"
    return DocumentReading(
        zones=sorted(zones, key=lambda z: z.start),
        headline=head.text.lstrip("#").strip() if head else None,
        dateline=dateline,
        reference_date=reference,
        reference_from=reference_from,
        place_hints=_place_hints(dateline, _metadata(document)),
    )


# ---------------------------------------------------------------------------- HTML metadata
_HTML_META = {
    "og:title": "og:title",
    "og:site_name": "og:site_name",
    "article:published_time": "article:published_time",
    "article:modified_time": "article:modified_time",
    "author": "author",
    "datepublished": "datePublished",
    "date": "date",
    "pubdate": "date",
    "publish-date": "date",
    "dc.date": "date",
    "dc.date.issued": "date",
    "dcterms.date": "date",
}
_JSONLD_KEYS = ("datePublished", "dateModified", "dateline", "headline")


def _jsonld_objects(raw: str) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD block (top level, lists and ``@graph``); nothing when it is not JSON."""
    try:
        data = json.loads(raw)
    except (ValueError, TypeError, RecursionError):
        return
    stack = [data]
    while stack and len(stack) < 1000:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                stack.extend(item["@graph"])


def _jsonld_into(metadata: dict[str, str], obj: dict[str, Any]) -> None:
    for key in _JSONLD_KEYS:
        if isinstance(obj.get(key), str) and obj[key].strip():
            metadata.setdefault(key, obj[key].strip())
    location = obj.get("contentLocation")
    if isinstance(location, dict) and isinstance(location.get("name"), str):
        metadata.setdefault("contentLocation", location["name"].strip())
    elif isinstance(location, str) and location.strip():
        metadata.setdefault("contentLocation", location.strip())


def html_metadata(soup: Any) -> dict[str, str]:
    """What a parsed HTML page (a BeautifulSoup tree, before its scripts are dropped) says about
    itself: ``og:title``, ``article:published_time``, meta dates, JSON-LD ``datePublished``,
    ``dateline``, ``headline``, ``contentLocation``, and the first ``<time datetime>``. Malformed
    parts are skipped; ``metadata["from"]`` is ``"html"``."""
    metadata: dict[str, str] = {"from": "html"}
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
        value = tag.get("content")
        if key in _HTML_META and isinstance(value, str) and value.strip():
            metadata.setdefault(_HTML_META[key], value.strip()[:300])
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        for obj in _jsonld_objects(script.string or script.get_text() or ""):
            _jsonld_into(metadata, obj)
    stamp = soup.find("time", attrs={"datetime": True})
    if stamp is not None and str(stamp.get("datetime") or "").strip():
        metadata.setdefault("time", str(stamp["datetime"]).strip()[:60])
    return metadata
