"""An input file of a command read whole, but never past a limit: a dump, a log or a device (`/dev/zero`)
named by mistake would otherwise take all the memory there is."""

from __future__ import annotations

import os
from pathlib import Path


class TooLarge(Exception):
    """A file over the limit; `size` is its size when the file states one (a regular file), else None."""

    def __init__(self, limit: int, size: int | None) -> None:
        super().__init__(limit, size)
        self.limit = limit
        self.size = size

    def __str__(self) -> str:
        measured = f"{self.size / 1_000_000:.3g} MB, " if self.size is not None else ""
        return f"{measured}over the {self.limit / 1_000_000:g} MB limit"


def read_at_most(path: Path, limit: int) -> bytes:
    """The file's bytes; `TooLarge` unread when its stated size is over `limit`, or once `limit` bytes were
    read and more follow (pipes, devices, a file still growing). Raises OSError as reading does."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise TooLarge(limit, size)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit, None)
    return data


def unreadable(error: OSError, pattern: str) -> str:
    """Why a named file could not be read, in a few words; for a directory, how to name its files."""
    if isinstance(error, IsADirectoryError):
        return f"is a directory: name its files (DIR/{pattern})"
    return f"cannot read: {error.strerror or error}"
