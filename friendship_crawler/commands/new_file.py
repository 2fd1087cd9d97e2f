"""The `-o FILE` of the commands that turn files into records (`extract`, `cleantext`): always a new file.

A user's file is never overwritten, an input never becomes its own output, and a run that read nothing
leaves no file behind to block the next try: the path is checked before any work, and the records are
written at the end, in one go, to a file created for them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from scrapy.exceptions import UsageError


def new_output(name: str | None) -> Path | None:
    """The `-o` path, checked before any work (None for none, or `-`: standard output); UsageError for an
    empty name, a path that exists (an input among them) or a directory that does not."""
    if name is None or name == "-":
        return None
    if not name.strip():
        raise UsageError("give -o a file name (or - for standard output)", print_help=False)
    path = Path(name)
    if path.exists() or path.is_symlink():
        raise UsageError(f"{name} exists; give a new file to -o", print_help=False)
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent} is no directory; give -o a file in one", print_help=False)
    return path


def write_new(path: Path, lines: Sequence[str]) -> str | None:
    """The lines written to `path`, created for them; None when none (no file is made), else why not."""
    if not lines:
        return None
    try:
        with path.open("x", encoding="utf-8") as handle:
            try:
                handle.writelines(lines)
            except BaseException:  # a full disk, or a Ctrl-C
                handle.close()
                with contextlib.suppress(OSError):
                    path.unlink()  # the file this call created, half written
                raise
    except OSError as error:
        return f"cannot write {path}: {error.strerror or error}"
    return None
