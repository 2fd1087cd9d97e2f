"""The project's own `FRIENDSHIP_*` settings, read with the defaults that `settings.py` declares.

Every component reads them through `friendship_setting`, so a default lives in one place and a
crawler built without the project's settings (a test's `get_crawler`, a library user) still gets it.
"""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

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
        kind = {bool: "a flag (1/0, True/False)", int: "a whole number", float: "a number"}[type(default)]
        raise ValueError(f"{name}={settings.get(name)!r} is not {kind}") from None
    value = settings.get(name)
    return default if value is None else value
