"""Which existing directories `scrapy export --overwrite` may replace: only snapshots it wrote itself.

Replacing a directory deletes everything in it, so a mistyped DEST (`.`, the project, the run files'
directory) must never be taken. Every snapshot carries a marker file listing the files the command
wrote, with a digest of each; a directory is replaced only when it holds that marker and nothing else
than the files it lists, as it wrote them (a note added to its README.md is the user's), or nothing at
all, and when it is neither the input directory, the project directory, the current directory nor an
ancestor of one of them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from scrapy.utils.conf import closest_scrapy_cfg

from friendship_crawler.dataset.atomic import DestinationExists

MARKER_FILE = ".friendship-snapshot.json"
"""Left in every snapshot: the names of the files `scrapy export` wrote there."""
_WRITER = "friendship_crawler scrapy export"


def write_marker(snapshot: Path) -> None:
    """Record every file now in `snapshot` as written by the export, with its digest; call it last, once
    all are written."""
    files = sorted(p.name for p in snapshot.iterdir() if p.name != MARKER_FILE)
    marker = {
        "written_by": _WRITER,
        "files": files,
        "sha256": {name: _digest(snapshot / name) for name in files},
    }
    (snapshot / MARKER_FILE).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")


def _digest(path: Path) -> str:
    """The file's SHA-256; "" for what cannot be read as a file (a directory or a broken link put there)."""
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return ""


@dataclass(frozen=True)
class ReplaceRule:
    """`may_replace` for `publish_directory`: raises `DestinationExists` for a directory that must stay."""

    protected: tuple[tuple[str, Path], ...]
    """(what it is, path): directories that neither DEST nor any ancestor of DEST may be."""

    @classmethod
    def around(cls, input_dir: Path) -> ReplaceRule:
        """The rule for an export reading `input_dir`, run from the current directory."""
        protected = [("input directory", input_dir)]
        scrapy_cfg = closest_scrapy_cfg()
        if scrapy_cfg:
            protected.append(("Scrapy project directory", Path(scrapy_cfg).parent))
        protected.append(("current directory", Path.cwd()))
        return cls(tuple(protected))

    def __call__(self, dest: Path) -> None:
        real = dest.resolve()
        for what, path in self.protected:
            held = path.resolve()
            if real == held:
                raise DestinationExists(f"destination {real} is the {what}; not replacing it")
            if real in held.parents:
                raise DestinationExists(f"destination {real} contains the {what} ({held}); not replacing it")
        names = {p.name for p in dest.iterdir()}
        if not names:
            return
        listed = _listed_files(dest / MARKER_FILE)
        if listed is None:
            raise DestinationExists(
                f"destination {dest} is not a snapshot written by scrapy export (no {MARKER_FILE}); "
                "not replacing it: choose another DEST or remove it yourself"
            )
        foreign = sorted(names - listed - {MARKER_FILE})
        if foreign:
            raise DestinationExists(
                f"destination {dest} holds files scrapy export did not write ({_names(foreign)}); "
                "not replacing it: move them away or choose another DEST"
            )
        digests = _listed_digests(dest / MARKER_FILE)
        changed = sorted(
            name for name in names & listed if name in digests and _digest(dest / name) != digests[name]
        )
        if changed:
            raise DestinationExists(
                f"destination {dest} holds files changed since scrapy export wrote them ({_names(changed)}); "
                "not replacing it: keep your changes elsewhere or choose another DEST"
            )


def _listed_files(marker: Path) -> set[str] | None:
    """The file names a marker lists, or None when there is no readable marker of ours."""
    try:
        content = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(content, dict) or content.get("written_by") != _WRITER:
        return None
    files = content.get("files")
    if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
        return None
    return set(files)


def _listed_digests(marker: Path) -> dict[str, str]:
    """The digest a marker gives each file (none in a marker of an older version: nothing to compare)."""
    content = json.loads(marker.read_text(encoding="utf-8"))
    digests = content.get("sha256")
    if not isinstance(digests, dict):
        return {}
    return {
        name: value for name, value in digests.items() if isinstance(name, str) and isinstance(value, str)
    }


def _names(names: Iterable[str], shown: int = 5) -> str:
    names = list(names)
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more
