"""Credentials kept out of logs and run reports: passwords inside URLs and values of credential-like settings.

`mask_secrets` is the one rule. `MaskedLogRecord` applies it to every log record's message, traceback and
stack (`mask_all_log_records` makes it the record class of the process; the project's `crawl` command
does so before anything else), and `mask_data` to a JSON-ready structure such as the run report.
"""

from __future__ import annotations

import logging
import re
from typing import Any

MASK = "***"

CREDENTIAL_NAME = re.compile(r"[A-Z0-9_]*(?:PASS|SECRET|TOKEN|KEY|AUTH|CREDENTIAL)[A-Z0-9_]*")
"""Setting names whose values are credentials: FTP_PASSWORD, HTTPAUTH_PASS, AWS_SECRET_ACCESS_KEY ..."""

_URL_PASSWORD = re.compile(r"(?P<keep>[A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s'\"]*:)[^/?#\s'\"]+@")
"""`scheme://user:password@`; the password runs to the last `@` of the host part, as urllib reads it."""
_NAMED_VALUE = re.compile(
    rf"""(?P<keep>(?P<quote>['"]?)\b{CREDENTIAL_NAME.pattern}(?P=quote)\s*[:=]\s*)"""
    r"""(?P<value>'[^']*'|"[^"]*"|[^\s,{}\[\]()'"]+)"""
)
"""`'NAME': 'value'` (a dict's repr, JSON) or `NAME=value` (a command line) with a credential-like NAME."""


def mask_secrets(text: str) -> str:
    """`text` with URL passwords and the values of credential-like settings replaced by `***`."""
    return _URL_PASSWORD.sub(rf"\g<keep>{MASK}@", _NAMED_VALUE.sub(_masked_value, text))


def mask_data(value: Any) -> Any:
    """A copy of a JSON-ready structure with every string masked and credential-named keys' values hidden."""
    if isinstance(value, str):
        return mask_secrets(value)
    if isinstance(value, dict):
        return {
            mask_secrets(str(key)): MASK if CREDENTIAL_NAME.fullmatch(str(key)) else mask_data(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [mask_data(item) for item in value]
    return value


def _masked_value(match: re.Match[str]) -> str:
    """The matched `NAME: value` with the value masked, its quotes kept."""
    value = match["value"]
    quote = value[0] if value[0] in "'\"" else ""
    return f"{match['keep']}{quote}{MASK}{quote}"


class MaskedLogRecord(logging.LogRecord):
    """A log record whose message, traceback and stack come out masked, whichever handler formats it."""

    _formatter = logging.Formatter()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.exc_info:
            self.exc_text = mask_secrets(self._formatter.formatException(self.exc_info))
        if self.stack_info:
            self.stack_info = mask_secrets(self.stack_info)

    def getMessage(self) -> str:
        """The formatted message, masked; formatted only when a handler emits the record, as usual."""
        return mask_secrets(super().getMessage())


def mask_all_log_records() -> None:
    """Make every log record of this process a `MaskedLogRecord`.

    A record factory rather than a handler filter: Scrapy replaces its root handler when logging is
    configured, when a `Crawler` is created and again when it starts crawling (after logging its
    settings), so a filter on one handler misses records; the factory is used by every logger.
    """
    logging.setLogRecordFactory(MaskedLogRecord)
