"""Errors a user can hit, each with a code and a hint (spaCy ``errors.py`` style)."""

from __future__ import annotations


class ArmedKGError(Exception):
    """Base error: ``[Ecode] message. hint``."""

    code = "E000"

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:  # pragma: no cover - trivial
        text = f"[{self.code}] {self.message}"
        return f"{text} Hint: {self.hint}" if self.hint else text


class InputError(ArmedKGError):
    """An input file or line cannot be read."""

    code = "E010"


class InputLineError(InputError):
    """One line of a JSONL/CSV input is malformed; the rest of the file is still read."""

    code = "E012"


class DuplicateId(InputError):
    """Two documents share an id but not their text: in one batch the second is built under a
    new id ("<id>~2"); across builds (two files of one name) the stored one is kept."""

    code = "E013"


class EmptyDocument(InputError):
    """A document has no text."""

    code = "E014"


class DocumentTooLong(InputError):
    """A document is longer than the build's character limit."""

    code = "E016"


class NotEnglish(InputError):
    """A document does not look like English, which the pipeline is for."""

    code = "E017"


class UnsupportedInput(InputError):
    """A path has no reader (unknown suffix) or does not exist."""

    code = "E011"


class ModelError(ArmedKGError):
    """The spaCy pipeline package cannot be loaded."""

    code = "E020"


class ExtractionFailed(ArmedKGError):
    """The extraction rules failed on one document; it is skipped, the build goes on."""

    code = "E021"


class StoreError(ArmedKGError):
    """The store cannot be opened or written."""

    code = "E030"


class RemoteStoreError(StoreError):
    """A remote SPARQL store refused a request or could not be reached."""

    code = "E031"


class StoreDamaged(StoreError):
    """The store's files are damaged (a missing CURRENT, a truncated MANIFEST, a missing .sst):
    nothing is written to them, and the hint says how to recover."""

    code = "E032"


class QueryError(ArmedKGError):
    """A named query is unknown, a parameter is missing or malformed."""

    code = "E040"


class NameNotFound(QueryError):
    """A named query's name parameter matches nothing in the store (with suggestions)."""

    code = "E044"


class QueryRefused(QueryError):
    """The endpoint refuses a request: an update without the write token, SERVICE, too long a query."""

    code = "E042"


class QueryTimeout(QueryError):
    """A query ran longer than the endpoint's time limit and was stopped."""

    code = "E043"


class QueryTooBig(QueryError):
    """A request needed more memory than the endpoint lets one request use."""

    code = "E044"


class ValidationFailed(ArmedKGError):
    """SHACL validation found violations."""

    code = "E050"


class ReasonerError(ArmedKGError):
    """The reasoner could not run or found the graph inconsistent."""

    code = "E060"


class ExportError(ArmedKGError):
    """An export format is unknown or the export failed."""

    code = "E070"


class Interrupted(ArmedKGError):
    """The user stopped a command (Ctrl-C); the message says what was saved."""

    code = "E080"


class InternalError(ArmedKGError):
    """An error armedkg did not foresee: reported with its type, never as a traceback."""

    code = "E099"


class LinkError(ArmedKGError):
    """Cross-document event linking was asked something it cannot do (an unknown event)."""

    code = "E081"


class KnowledgeError(ArmedKGError):
    """A knowledge file or source cannot be read, stored or found."""

    code = "E085"


class KnowledgeLineError(KnowledgeError):
    """One entry of a knowledge file is malformed (the code names the file and the line)."""

    code = "E086"


class UnknownKnowledgeSource(KnowledgeError):
    """No stored knowledge source has this name."""

    code = "E087"


class UnknownKnowledgeFormat(KnowledgeError):
    """No knowledge plugin reads this format."""

    code = "E088"


class KnowledgeChanged(KnowledgeError):
    """The store was built with other knowledge and holds documents this build does not rebuild."""

    code = "E089"
