"""The project's own `FRIENDSHIP_*` settings, read with the defaults that `settings.py` declares.

Every component reads them through `friendship_setting`, so a default lives in one place and a
crawler built without the project's settings (a test's `get_crawler`, a library user) still gets it.
"""

from __future__ import annotations

import re
from typing import Any

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings, default_settings

from friendship_crawler import settings as declared


class UndeclaredSetting(KeyError):
    """A `FRIENDSHIP_*` name that `friendship_crawler/settings.py` does not declare."""


def declared_default(name: str) -> Any:
    """The default `settings.py` declares for `name`."""
    if not name.startswith("FRIENDSHIP_") or not hasattr(declared, name):
        raise UndeclaredSetting(f"{name} is not declared in friendship_crawler/settings.py")
    return getattr(declared, name)


def undeclared_settings(settings: BaseSettings) -> list[str]:
    """The `FRIENDSHIP_*` names set that `settings.py` does not declare: a mistyped name, which no
    component would ever read."""
    return sorted(name for name in settings if name.startswith("FRIENDSHIP_") and not hasattr(declared, name))


def mistyped_settings(settings: BaseSettings) -> list[str]:
    """What is wrong with each setting given on the command line (`-s NAME=VALUE`) that wants a flag or a
    number and got neither, named with its setting: Scrapy's own error ("invalid literal for int()") names
    none. A Scrapy setting is checked against its default's type, a number loosely (some whole-number
    defaults are read as fractions: `DOWNLOAD_DELAY=0.5`)."""
    problems = []
    for name in sorted(settings):
        if settings.getpriority(name) != SETTINGS_PRIORITIES["cmdline"]:
            continue
        if name.startswith("FRIENDSHIP_"):
            if hasattr(declared, name):
                try:
                    friendship_setting(settings, name)
                except ValueError as exc:
                    problems.append(str(exc))
            continue
        default = getattr(default_settings, name, None)
        flag = isinstance(default, bool) or name in _FLAGS_WITH_A_NUMBER_DEFAULT
        try:
            if flag:
                settings.getbool(name)
            elif isinstance(default, int | float):
                settings.getfloat(name)
        except ValueError:
            problems.append(f"{name}={settings.get(name)!r} is not {_KINDS[bool if flag else float]}")
    return problems


def start_failure(error: BaseException, settings: BaseSettings) -> str:
    """One line for an error that stopped the crawl from starting, naming the settings given on the command
    line that hold the value a component could not read: `-s CONCURRENT_REQUESTS=2.5` passes the check
    for a number (some whole-number defaults are read as fractions), and the component that wants a whole
    number raises Python's "invalid literal for int()", which names no setting."""
    message = str(error) or repr(error)
    match = _UNREADABLE_NUMBER.fullmatch(message) if isinstance(error, ValueError) else None
    if match is None:
        return message
    literal = match["literal"]
    names = [
        name
        for name in sorted(settings)
        if settings.getpriority(name) == SETTINGS_PRIORITIES["cmdline"]
        and repr(str(settings.get(name))) == literal
    ]
    if not names:
        return message
    kind = _KINDS[float if match["float"] else int]
    return "; ".join(f"{name}={literal} is not {kind}" for name in names)


_UNREADABLE_NUMBER = re.compile(
    r"(?:invalid literal for int\(\) with base 10|could not convert string to (?P<float>float))"
    r": (?P<literal>'.*')"
)
"""Python's own words for a text that `int()` or `float()` cannot read, quoting the text."""


_FLAGS_WITH_A_NUMBER_DEFAULT = frozenset({"TELNETCONSOLE_ENABLED"})
"""Scrapy settings read as flags whose default is written 0/1 (the only one in Scrapy 2.19's defaults)."""


_KINDS = {bool: "a flag (1/0, True/False)", int: "a whole number", float: "a number"}


def friendship_setting(settings: BaseSettings, name: str) -> Any:
    """The setting's value, typed like its declared default (`-s NAME=0` is False for a flag).

    A value of the wrong type raises a ValueError that names the setting and the type it wants.
    """
    default = declared_default(name)
    try:
        if isinstance(default, bool):
            return settings.getbool(name, default)
        if isinstance(default, int):
            return settings.getint(name, default)
        if isinstance(default, float):
            return settings.getfloat(name, default)
    except ValueError:
        raise ValueError(f"{name}={settings.get(name)!r} is not {_KINDS[type(default)]}") from None
    value = settings.get(name)
    return default if value is None else value
