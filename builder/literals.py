"""The words a regular expression cannot match without, to skip searching texts that lack them.

Most sentences hold none of the event triggers, yet each of the two dozen trigger patterns
was searched on each of them. :func:`required_literals` reads a pattern's syntax tree (the
standard library's own parser) and returns strings of which every match contains one: a run
of literal characters every match goes through, or, for an alternation, such a run in each
alternative ("clash", "fighting", "battl" ...). Whatever it cannot be sure of (a character
class, an optional part, a look-around) it leaves out, and a pattern with no such strings gets
``None``: it is always searched.

:func:`may_match` then tells from the lower-cased text whether the pattern can match: a pattern
that ignores case matches an ASCII letter in the text only as that letter in either case, except
for four characters that Python's case folding equates with one ("İ", "ı", "ſ" and the Kelvin
sign), so a text holding one of those is always searched (as is every pattern that has a
non-ASCII literal). A skipped search is one that finds nothing: the results do not change.

:func:`first_characters` reads the same tree for the characters a match can begin with, and
:func:`looking_ahead` puts them as a look-ahead right after the word boundary a pattern starts
with (``\\b(?=[...])(?:...)``): within a text that is searched, ``re`` then tries the whole
pattern only at the words that begin with one of them. The matches do not change either.
"""

from __future__ import annotations

import re

try:  # the standard library's parser of patterns, the one re itself compiles with
    from re import _compiler, _parser
    from re import _constants as sre
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_ATOMIC_GROUP = getattr(sre, "ATOMIC_GROUP", None)  # (?>...) and possessive repeats: Python 3.11 on
_REPEATS = tuple(op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) if op is not None)

# Characters that ignoring case match an ASCII letter ("i", "k", "s") without being one.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which is in every match of ``pattern``, or ``None``."""
    found = _required(_parser.parse(pattern.pattern, pattern.flags))
    if not found or not all(s.isascii() for s in found):
        return None
    return frozenset(s.lower() for s in found)


def lowered(text: str) -> str | None:
    """The text to look for literals in: lower-cased, or ``None`` where a character could match
    a literal's letter without being it (then every pattern is searched)."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def may_match(literals: frozenset[str] | None, low: str | None) -> bool:
    """Whether a pattern with these required literals may match the text lowered to ``low``.
    A plain loop rather than ``any()`` over a generator: it is asked some ninety times per
    document, mostly of a few literals, where making the generator cost more than the search."""
    if literals is None or low is None:
        return True
    for s in literals:
        if s in low:
            return True
    return False


def _required(items: list) -> frozenset[str] | None:
    """For a sequence: every run of literal characters and every item with its own required
    strings is required; the one kept is the set whose shortest string is longest."""
    candidates, run = [], ""
    for op, arg in items:
        if op is sre.LITERAL:
            run += chr(arg)
            continue
        if run:
            candidates.append(frozenset((run,)))
            run = ""
        found = _required_in(op, arg)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset((run,)))
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c))) if candidates else None


def _required_in(op: object, arg: object) -> frozenset[str] | None:
    """A group, an alternation (each alternative must have some) or a repeat of at least one."""
    if op is sre.SUBPATTERN:
        return _required(arg[3])
    if op is _ATOMIC_GROUP:
        return _required(arg)
    if op is sre.BRANCH:
        each = [_required(alternative) for alternative in arg[1]]
        return frozenset().union(*each) if all(each) else None
    if op in _REPEATS:
        least, _, body = arg
        return _required(body) if least >= 1 else None
    return None


# The character classes a first character may be written with, by sre's category code; the
# broad ones (\w, \S, \D and \W) would let almost every position through and are not used.
_CLASSES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def first_characters(pattern: re.Pattern) -> str | None:
    """A character class (``[...]``) holding the first character of every match of ``pattern``
    (a look-ahead ``(?=[...])`` put before it lets ``re`` skip, at a test of one character, the
    positions where no match can begin; the matches are the same), or ``None`` where that cannot
    be told: a match may be empty or begin with almost any character, or a group changes the
    flags. A literal's letter goes into the class as it is: the class and the pattern are
    compiled with the same flags, so that ignoring case the class holds every case of it."""
    return _first_class(_parser.parse(pattern.pattern, pattern.flags))


def _first_class(parsed: list) -> str | None:
    """:func:`first_characters` of a parsed pattern."""
    found = _first(parsed)
    if found is None or found[1] or not found[0]:
        return None
    return "[" + "".join(sorted(found[0])) + "]"


def _first(items: list) -> tuple[set[str], bool] | None:
    """For a sequence: the class parts of its first character and whether it may match empty."""
    parts: set[str] = set()
    for op, arg in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # a boundary or a look-around takes no character
        found = _first_of(op, arg)
        if found is None:
            return None
        parts |= found[0]
        if not found[1]:
            return parts, False
    return parts, True


def _first_of(op: object, arg: object) -> tuple[set[str], bool] | None:
    """For one item: a literal, a class (without negation or broad categories), a group without
    flags of its own, an alternation or a repeat; anything else is not told (``None``)."""
    if op is sre.LITERAL:
        return {re.escape(chr(arg))}, False
    if op is sre.IN:
        parts = set()
        for kind, value in arg:
            if kind is sre.LITERAL:
                parts.add(re.escape(chr(value)))
            elif kind is sre.RANGE:
                parts.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is sre.CATEGORY and value in _CLASSES:
                parts.add(_CLASSES[value])
            else:
                return None
        return parts, False
    if op is sre.SUBPATTERN:
        return _first(arg[3]) if not arg[1] and not arg[2] else None
    if op is _ATOMIC_GROUP:
        return _first(arg)
    if op is sre.BRANCH:
        each = [_first(alternative) for alternative in arg[1]]
        if any(found is None for found in each):
            return None
        return set().union(*(found[0] for found in each)), any(found[1] for found in each)
    if op in _REPEATS:
        least, most, body = arg
        found = _first(body) if most else (set(), True)
        return None if found is None else (found[0], found[1] or least == 0)
    return None


def _scanned_by_prefix(pattern: re.Pattern, parsed: list) -> bool:
    """Whether ``re`` already skips the positions where no match can begin: a pattern that starts
    with a literal or a class (case-sensitive letters, or characters without case) is searched
    for its prefix or first characters before it is tried (``re._compiler._compile_info``), which
    a look-ahead in front would undo. Unknown (another Python's ``re``): taken as scanned."""
    literal_prefix = getattr(_compiler, "_get_literal_prefix", None)
    charset_prefix = getattr(_compiler, "_get_charset_prefix", None)
    if literal_prefix is None or charset_prefix is None:
        return True
    return bool(literal_prefix(parsed, pattern.flags)[0]) or bool(charset_prefix(parsed, pattern.flags))


def looking_ahead(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with the look-ahead of :func:`first_characters` right after the word boundary
    that every match starts with, the rest in a group (``\\b(?=[...])(?:...)``: the boundary
    starts each alternative, or the parser would not have taken it out of them), compiled with
    its flags; ``pattern`` itself where it starts otherwise, or there is none to put. After the
    boundary, not before: most positions fail the boundary, a cheaper test than a look-ahead,
    and ``re`` tries a pattern that starts with an anchor (``^``) only where it can match."""
    source = pattern.pattern
    if not source.startswith(r"\b") or pattern.flags & re.VERBOSE:
        return pattern
    parsed = _parser.parse(source, pattern.flags)  # once: a lexicon's alternation may hold thousands of words
    if parsed[0] != (sre.AT, sre.AT_BOUNDARY) or _scanned_by_prefix(pattern, parsed):
        return pattern
    first = _first_class(parsed)
    if first is None:
        return pattern
    return re.compile(rf"\b(?={first})(?:{source[2:]})", pattern.flags)
