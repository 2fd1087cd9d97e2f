"""The one error the extractor raises: the page is not an article, and why."""

from __future__ import annotations

NOT_ARTICLE_REASONS = frozenset(
    {"listing", "video", "infographic", "soft_404", "no_title", "no_text", "not_html", "no_address"}
)
"""`no_address`: an article read from a file that states no address of its own, so it has no id."""


class NotAnArticle(Exception):
    """A page that must not become a record; `reason` is one of `NOT_ARTICLE_REASONS`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        if reason not in NOT_ARTICLE_REASONS:
            raise ValueError(f"unknown reason {reason!r}; allowed: {', '.join(sorted(NOT_ARTICLE_REASONS))}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
