"""Publishing a snapshot directory all at once: build it beside the destination, then rename it in.

A reader of DEST sees the previous snapshot or the new one, never a half-written one. On Linux an
existing snapshot is swapped with `renameat2(RENAME_EXCHANGE)`, a single atomic step; elsewhere (or on
file systems without it) the old directory is moved aside and the new one renamed in, which leaves a
window of a few microseconds without DEST but never a partial one. Any failure (while building or
while moving) removes the temporary directories and leaves DEST as it was. Whether an existing DEST
may be replaced at all is the caller's rule, passed in as `may_replace`.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class DestinationExists(FileExistsError):
    """DEST exists and may not be replaced: replacing it was not asked for, or it is not ours to replace."""


def _any_directory(dest: Path) -> None:
    """The default rule: any existing directory may be replaced."""


@contextmanager
def publish_directory(
    dest: Path, overwrite: bool = False, may_replace: Callable[[Path], None] = _any_directory
) -> Iterator[Path]:
    """Yield an empty directory beside `dest`; on normal exit it becomes `dest`, on error it is removed.

    `may_replace(dest)` raises `DestinationExists` for an existing `dest` that must survive; it runs
    before anything is written and again just before the swap.
    """
    dest = dest.absolute()
    _check_destination(dest, overwrite, may_replace)
    _make_parent(dest.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.partial-", dir=dest.parent))
    try:
        # mkdtemp makes it private; a published dataset reads like any directory
        staging.chmod(0o777 & ~_umask())
        yield staging
        _check_destination(dest, overwrite, may_replace)
        _move_into_place(staging, dest)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _make_parent(parent: Path) -> None:
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        # mkdir says "File exists" when a file sits where a directory is needed: name that file instead
        blocker = next(p for p in (parent, *parent.parents) if p.exists() and not p.is_dir())
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(blocker)) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _check_destination(dest: Path, overwrite: bool, may_replace: Callable[[Path], None]) -> None:
    if not (dest.exists() or dest.is_symlink()):
        return
    if dest.is_symlink():
        raise DestinationExists(
            f"destination {dest} is a symbolic link (to {dest.readlink()}); not writing through a link: "
            "give a real directory or a new name as DEST"
        )
    if not dest.is_dir():
        raise DestinationExists(f"destination {dest} is not a directory; not replacing it")
    may_replace(dest)  # before the --overwrite hint, so a protected DEST is never offered for replacing
    if not overwrite:
        raise DestinationExists(f"destination {dest} exists; pass --overwrite to replace it")


def _move_into_place(staging: Path, dest: Path) -> None:
    if not dest.exists():
        os.rename(staging, dest)
        return
    if _exchange(staging, dest):
        shutil.rmtree(staging)  # now holds the previous snapshot
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{dest.name}.previous-", dir=dest.parent))
    aside = retired / dest.name
    try:
        os.rename(dest, aside)
    except OSError:
        retired.rmdir()
        raise
    try:
        os.rename(staging, dest)
    except OSError:
        # should this fail too, the previous snapshot stays in `retired`: never deleted
        os.rename(aside, dest)
        retired.rmdir()
        raise
    shutil.rmtree(retired)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux `renameat2`); False when the platform cannot."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result != 0:
        logger.debug("renameat2 exchange unavailable (errno %s); renaming in two steps", ctypes.get_errno())
        return False
    return True
