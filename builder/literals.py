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
"""

from __future__ import annotations

import re

try:  # the standard library's parser of patterns, the one re itself compiles with
    from re import _constants as sre
    from re import _parser
except ImportError:  # Python 3.10
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
