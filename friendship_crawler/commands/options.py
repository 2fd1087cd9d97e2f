"""Options a command does not have, refused by name before any work.

Scrapy parses a command line with `parse_known_args`, so an option a command does not declare (a typo:
`--formt`, `--state-dr`) reaches the command as one of its positional arguments and is then read as a
file, a directory or a spider's name, with an error that misleads. `-` alone is standard input, an
argument like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from scrapy.exceptions import UsageError


def positional_arguments(command: str, args: Sequence[str]) -> list[str]:
    """The command's own arguments: UsageError naming any that is an option `command` does not have; after
    `--` every argument is a name, whatever it starts with, and the `--` itself is none."""
    end = args.index("--") if "--" in args else len(args)
    unknown = [arg for arg in args[:end] if arg.startswith("-") and arg != "-"]
    if unknown:
        raise UsageError(f"not an option of scrapy {command}: {' '.join(unknown)}", print_help=False)
    return [*args[:end], *args[end + 1 :]]
