"""``Record``: the one plain value class of the core (equality, repr and pickling by its fields).

The query path keeps dataclasses (and the inspect module they import) out of start-up; the value classes
it needs (``Param``, ``NamedQuery``, ``BuildInfo``, ``Location``, ``Result``) take these three methods
from here instead of writing them each.
"""

from __future__ import annotations


class Record:
    """A value compared, shown and pickled by ``_FIELDS`` (names of attributes or properties, in the
    order the class's constructor takes them). Mutable, so unhashable unless a subclass says otherwise."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, a) for a in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(f"{a}={getattr(self, a)!r}" for a in self._FIELDS) + ")"

    def __reduce__(self):
        return (type(self), self._values())
