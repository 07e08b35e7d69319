"""What the SPARQL endpoint will not run, decided on the parsed request, and the sandbox its
query and update processes run in.

Two layers keep ``armedkg serve`` from fetching anything from another host:

1. :func:`check_request` parses the request with rdflib's SPARQL parser and translates it to
   its algebra; a ``SERVICE`` pattern anywhere in it (any nesting, any spelling the grammar
   accepts: comments, ``\\u`` escapes, case) or a ``LOAD`` operation is refused. A decision on
   text (a regular expression) is fooled by legal spellings; one on the parsed algebra is not.
   A request in syntax that Oxigraph reads and rdflib does not (``LATERAL``, which the named
   queries use) cannot be parsed here: it is refused if the word ``SERVICE`` or ``LOAD`` occurs
   anywhere in it, in strings and IRIs too, after ``\\u`` escapes are decoded.
2. :func:`isolate` cuts the worker processes off the network (a network namespace of their own,
   with no interface up), so that even a request the check let through cannot reach an HTTP
   client: Oxigraph's ``SERVICE`` and ``LOAD`` then fail to connect. It also caps a worker's
   memory.
"""

from __future__ import annotations

import ctypes
import logging
import re
import sys
from collections.abc import Iterator

from builder.errors import QueryRefused

log = logging.getLogger("armedkg.serve")

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def _names(node: object, seen: set[int] | None = None) -> Iterator[str]:
    """The names of every algebra / parse node below ``node`` (rdflib ``CompValue``)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    seen = seen if seen is not None else set()
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _names(value, seen)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _names(value, seen)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _names(value, seen)


def _parse(text: str, update: bool) -> object:
    from rdflib.plugins.sparql import algebra, parser

    if update:
        return algebra.translateUpdate(parser.parseUpdate(text)).algebra
    return algebra.translateQuery(parser.parseQuery(text)).algebra


def check_request(text: str, update: bool = False) -> None:
    """Refuse a query or update that could fetch from another host, or that is not what it is sent as.

    Raises:
        QueryRefused: the request does not parse; it holds ``SERVICE`` or ``LOAD``; or an update
            was sent as a query.
    """
    try:
        tree = _parse(text, update)
    except RecursionError:
        raise QueryRefused("the request is nested too deeply to be checked.", "Simplify it.") from None
    except Exception:  # noqa: BLE001 - syntax rdflib does not read: the conservative check
        if not update and _is_update(text):
            raise QueryRefused("this is an update, not a query.", "Send updates as an update request to a server started with --allow-update.") from None
        if _FETCH_WORD.search(decode_escapes(text)):
            raise QueryRefused(
                "SERVICE and LOAD are refused by this endpoint, and this request mentions one in syntax the check cannot parse.",
                "Write the request in plain SPARQL 1.1, or without the word 'service' or 'load' (in strings too).",
            ) from None
        return
    names = set(_names(tree))
    if "ServiceGraphPattern" in names:
        raise QueryRefused("SERVICE (federated query) is refused by this endpoint: it would fetch from another host.", "Query the other endpoint yourself.")
    if "Load" in names:
        raise QueryRefused("LOAD is refused by this endpoint: it would fetch from another host.", "Send the data itself (INSERT DATA).")


_FETCH_WORD = re.compile(r"(?<![A-Za-z0-9_])(service|load)(?![A-Za-z0-9_])", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def decode_escapes(text: str) -> str:
    """``text`` with SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes decoded (repeatedly)."""
    for _ in range(4):
        decoded = _ESCAPE.sub(lambda m: _char(m.group(1) or m.group(2)), text)
        if decoded == text:
            break
        text = decoded
    return text


def _char(hex_digits: str) -> str:
    code = int(hex_digits, 16)
    return chr(code) if code <= 0x10FFFF else "\ufffd"


def _is_update(text: str) -> bool:
    try:
        _parse(text, update=True)
    except Exception:  # noqa: BLE001
        return False
    return True


def isolate(memory_mb: int | None) -> bool:
    """Cut this process off the network and cap its memory; whether the network cut worked.

    Call it first thing in a fresh (spawned) worker, while it has one thread. Linux only: a new
    network namespace (as root) or a user and network namespace (as another user, where the
    kernel allows it). Elsewhere only the parse check of :func:`check_request` stands.
    """
    if memory_mb:
        try:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(_CLONE_NEWNET) == 0 or libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False
