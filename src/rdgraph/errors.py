"""Typed errors. The CLI turns each into one message on stderr and a documented exit code."""

from __future__ import annotations

from .record import Record

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_USAGE = 2


class RdgraphError(Exception):
    """Base class of every error rdgraph raises on purpose. ``hint`` says what to do about it."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class Location(Record):
    """Where in a file: ``file``, and the ``line`` and ``column`` when known (1-based)."""

    __slots__ = ("file", "line", "column")
    _FIELDS = __slots__

    def __init__(self, file: str, line: int | None = None, column: int | None = None) -> None:
        self.file = file
        self.line = line
        self.column = column

    def __hash__(self) -> int:  # immutable in use: a location is a key of error tables
        return hash(self._values())

    def __str__(self) -> str:
        out = self.file
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out


class ParseError(RdgraphError):
    """An RDF file or query that cannot be read: names the file, line and column."""

    def __init__(self, location: Location, message: str, hint: str | None = None) -> None:
        super().__init__(f"{location}: {message}", hint)
        self.location = location
        self.detail = message


class UnknownQueryError(RdgraphError):
    pass


class ParameterError(RdgraphError):
    pass


class QuerySyntaxError(RdgraphError):
    pass


class EndpointError(RdgraphError):
    pass


class EntryRefusedError(RdgraphError):
    """An entry that did not pass validation; nothing was written."""

    exit_code = EXIT_VIOLATIONS
