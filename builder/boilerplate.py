"""Boilerplate removal that keeps character offsets.

Donation appeals, disclaimers, share prompts, site credits and headlines never become actors.
Removed text is replaced by spaces (newlines kept), so every offset the extractors report is an
offset into the original document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .literals import lowered, may_match, required_literals

# A line matching one of these is boilerplate wherever it stands.
LINE_PATTERNS = [
    # separators
    r"^\s*[*_=~-]{1,}\s*$",
    # share and repost prompts
    r"(?i)\bshare buttons?\b|\b(share|forward|repost|cross-?post)\b.{0,40}\b(this|our)\s+(article|story|post|page|piece)\b",
    r"(?i)\bcross-?post\b|\b(email|mailing) lists?\b.{0,40}\b(forum|blog|share)",
    # donation appeals
    r"(?i)^\s*(support|donate to)\s+[\w .&'-]{0,40}:\s*$",
    r"(?i)^\s*(donate|donations?|paypal|patreon|bitcoin|btc|venmo|crypto)\b",
    r"(?i)\b(paypal|patreon|buymeacoffee|ko-fi)\b.*(@|https?://|donat)",
    # bylines, disclaimers, copyright, republication terms, contacts
    r"(?i)^\s*(articles?|posts?|stories|columns?) by:?",
    r"(?i)^\s*disclaimer\b",
    r"(?i)\b(not|no)\b.{0,20}\bresponsib\w*\b.{0,60}\b(content|accura\w*|inaccura\w*|views|statements?|opinions?)\b",
    r"(?i)copyright|all rights reserved|\bfair use\b|copyrighted material",
    r"(?i)\bpermission to (re-?)?(publish|post|print|reproduce|cross-?post)\b",
    r"(?i)^\s*(for (media|press) (inquiries|enquiries)|contact us|press contact)\b",
    r"(?i)^\s*(follow|like) us on\b",
    r"(?i)^\s*subscribe (to|for)\b",
    r"(?i)^\s*(read more|related|see also|tags?|filed under|sign up)\s*:",
    r"(?i)^\s*(note to (readers|editors)|editor'?s note)\b",
    # lines that are only a link or an address
    r"(?i)^\s*(https?://|www\.)\S+\s*$",
    r"(?i)^\s*\S+@\S+\.\w+\s*$",
]

# The first line matching one of these in the last part of a document starts the footer.
FOOTER_MARKERS = [
    r"(?i)^\s*(note to (readers|editors)|editor'?s note)\b",
    r"(?i)^\s*disclaimer\b",
    r"(?i)^\s*articles? by:?",
    r"(?i)^\s*(support|donate to)\s+[\w .&'-]{0,40}:\s*$",
    r"(?i)^\s*(about the author|share this|related articles)\b",
]

_HEADLINE_PREFIX = re.compile(r"(?i)^\s*(video|photos?|watch|breaking|live|map|infographic)\s*:")


@dataclass
class Cleaned:
    """Text with boilerplate blanked out (same length as the input) and the headline, if any."""

    text: str
    title: str | None
    removed: list[tuple[int, int]]


@lru_cache(maxsize=8)
def _gated(patterns: tuple[str, ...]) -> list[tuple[re.Pattern, frozenset[str] | None]]:
    """Each pattern compiled once, with the strings one of which its every match holds
    (:mod:`builder.literals`): a line holding none of them is not searched for it."""
    return [(rx, required_literals(rx)) for rx in map(re.compile, patterns)]


def _any_match(gated: list[tuple[re.Pattern, frozenset[str] | None]], line: str) -> bool:
    low = lowered(line)
    return any(may_match(literals, low) and rx.search(line) for rx, literals in gated)


def _looks_like_headline(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not words or len(words) > 20 or re.search(r"[.!?:;]\s*$", line.strip()):
        return bool(_HEADLINE_PREFIX.match(line)) and len(words) <= 20
    capitalised = sum(1 for w in words if w[0].isupper())
    return bool(_HEADLINE_PREFIX.match(line)) or (len(words) >= 3 and capitalised / len(words) >= 0.6)


def clean(text: str, line_patterns: list[str] | None = None, footer_markers: list[str] | None = None) -> Cleaned:
    """Blank out boilerplate and the headline, keeping offsets.

    Args:
        text: the document text.
        line_patterns: regular expressions of boilerplate lines (defaults to ``LINE_PATTERNS``).
        footer_markers: regular expressions of lines that start a footer (``FOOTER_MARKERS``).

    Returns:
        The cleaned text (``len(result.text) == len(text)``), the headline and the removed ranges.
    """
    line_res = _gated(tuple(line_patterns or LINE_PATTERNS))
    footer_res = _gated(tuple(footer_markers or FOOTER_MARKERS))
    chars = list(text)
    removed: list[tuple[int, int]] = []

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] not in "\n\r":
                chars[i] = " "
        removed.append((start, end))

    lines = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, line))
        offset += len(line)

    title = None
    for start, line in lines:
        if not line.strip():
            continue
        if (line.lstrip().startswith("#") or _looks_like_headline(line.strip())) and len(lines) > 1:
            title = line.strip().lstrip("#").strip()
            blank(start, start + len(line))
        break

    footer_from = None
    threshold = len(text) * 0.5
    for start, line in lines:
        if start >= threshold and _any_match(footer_res, line):
            footer_from = start
            break
    for start, line in lines:
        if footer_from is not None and start >= footer_from:
            blank(start, start + len(line))
        elif _any_match(line_res, line):
            blank(start, start + len(line))
    return Cleaned("".join(chars), title, removed)
