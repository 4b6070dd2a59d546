"""Release version numbers: semantic versioning of the data (docs/releases.md), and the refusal of a release."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ParameterError, RdgraphError


class ReleaseRefused(RdgraphError):
    """A release that cannot be made as asked (version number, existing release, previous state)."""


SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        m = SEMVER.fullmatch(text.strip())
        if not m:
            raise ParameterError(f"{text!r} is not a version number MAJOR.MINOR.PATCH", "write e.g. 1.0.0 or 1.2.3")
        return cls(int(m[1]), int(m[2]), int(m[3]))

    def bump(self, level: str) -> Version:
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def check_version(new: Version, previous: Version | None, level: str) -> None:
    """Refuse a version number that contradicts the change since the previous release."""
    if previous is None:
        return
    if level == "none":
        raise ReleaseRefused(f"nothing changed since release {previous}", "there is nothing to release")
    expected = previous.bump(level)
    if new != expected:
        why = {"major": "an IRI of the previous release was removed or deprecated",
               "minor": "things were added and nothing removed",
               "patch": "only corrections: values changed or facts removed about things that stay"}[level]
        raise ReleaseRefused(f"version {new} contradicts the change since {previous}: it is a {level} change ({why})",
                             f"release it as {expected} (see 'rdgraph diff {previous} .' for what changed)")
