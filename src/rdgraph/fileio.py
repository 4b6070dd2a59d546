"""Atomic file writes: a temporary file in the same folder, fsync, rename, fsync of the folder.

The file gets the mode a plain ``open(path, "w")`` would give: 0666 less the umask (a temporary file is
created 0600; left so, every file rdgraph writes would be private to its owner), or the mode of the file it
replaces.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process's umask (read without leaving it changed)."""
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def write_atomic(path: str | Path, writer: Callable[[BinaryIO], object],
                 before_rename: Callable[[], object] | None = None) -> None:
    """Write ``path`` through ``writer(fh)`` so that readers see the old file or the whole new one.

    ``before_rename`` runs after the data is on disk and before the rename (tests use it to simulate a
    crash at the worst moment).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if before_rename is not None:
            before_rename()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def write_bytes_atomic(path: str | Path, data: bytes, before_rename: Callable[[], object] | None = None) -> None:
    write_atomic(path, lambda fh: fh.write(data), before_rename)


def write_text_atomic(path: str | Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
