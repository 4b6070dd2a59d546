"""Typed errors. The CLI turns each into one message on stderr and a documented exit code."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass
class Location:
    file: str
    line: int | None = None
    column: int | None = None

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
