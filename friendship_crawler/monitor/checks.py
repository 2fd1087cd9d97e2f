"""The run checks: each a pure function of the run's stats, item tally and thresholds -> `CheckResult`.

A run is healthy when every check passes. The thresholds come from `FRIENDSHIP_MONITOR_*` settings (and
`FRIENDSHIP_MAX_FALLBACK_RATE`); the share of listing entries refused and the least counts that make a
drift are constants here. The defaults fail a run on any error, any request given up
after its retries, any fallback to generic extraction (the site's markup drifted), a field guessed by the
generic layers on most pages, article pages that give no record beyond a few, any item that misses the
schema or a required field, and any feed Scrapy failed to store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from scrapy.settings import BaseSettings

from friendship_crawler.monitor.tally import ItemTally
from friendship_crawler.project_settings import friendship_setting

Stats = Mapping[str, Any]

FEED_STORED_PREFIX = "feedexport/success_count/"
FEED_FAILED_PREFIX = "feedexport/failed_count/"
"""Scrapy's feed store outcomes, counted per storage class (`FileFeedStorage`, `FTPFeedStorage` ...)."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check, as written to the run report."""

    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class Thresholds:
    """Limits a healthy run stays within."""

    max_errors: int = 0
    """`log_count/ERROR` at most."""
    max_retry_giveups: int = 0
    """Requests given up after all retries (`retry/max_reached`) at most."""
    max_retry_rate: float = 0.5
    """Retries per downloaded response at most; above it the site is struggling or refusing us."""
    max_http_error_rate: float = 0.02
    """Share of responses that reached the spider with a 4xx/5xx status (after retries) at most."""
    max_fallback_rate: float = 0.0
    """Share of extracted articles that needed the generic fallback at most: any fallback means drift."""
    max_invalid_items: int = 0
    """Items failing the JSON Schema at most."""
    min_coverage: float = 1.0
    """Share of items with title, text and published_at at least."""
    min_items: int = 0
    """Items exported at least (0: an incremental run with nothing new is healthy)."""
    max_guessed_share: float = 0.5
    """Share of articles whose title, author, sapo or date the generic layers guessed, at most
    (`field_layers`)."""
    max_unreadable_share: float = 0.2
    """Share of the article pages fetched that gave no record, below which a run passes
    (`unreadable_pages`)."""

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Thresholds:
        return cls(
            max_errors=friendship_setting(settings, "FRIENDSHIP_MONITOR_MAX_ERRORS"),
            max_retry_giveups=friendship_setting(settings, "FRIENDSHIP_MONITOR_MAX_RETRY_GIVEUPS"),
            max_retry_rate=friendship_setting(settings, "FRIENDSHIP_MONITOR_MAX_RETRY_RATE"),
            max_http_error_rate=friendship_setting(settings, "FRIENDSHIP_MONITOR_MAX_HTTP_ERROR_RATE"),
            max_fallback_rate=friendship_setting(settings, "FRIENDSHIP_MAX_FALLBACK_RATE"),
            max_invalid_items=friendship_setting(settings, "FRIENDSHIP_MONITOR_MAX_INVALID_ITEMS"),
            min_coverage=friendship_setting(settings, "FRIENDSHIP_MONITOR_MIN_COVERAGE"),
            min_items=friendship_setting(settings, "FRIENDSHIP_MONITOR_MIN_ITEMS"),
            max_guessed_share=friendship_setting(settings, "FRIENDSHIP_MONITOR_MAX_GUESSED_SHARE"),
            max_unreadable_share=friendship_setting(settings, "FRIENDSHIP_MONITOR_MAX_UNREADABLE_SHARE"),
        )


def finish_reason(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    reason = stats.get("finish_reason")
    return CheckResult("finish_reason", reason == "finished", f"finish_reason={reason!r}")


def errors(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    count = int(stats.get("log_count/ERROR", 0))
    detail = f"{count} errors logged (max {limits.max_errors})"
    return CheckResult("errors", count <= limits.max_errors, detail)


def retries(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    gave_up = int(stats.get("retry/max_reached", 0))
    count = int(stats.get("retry/count", 0))
    responses = int(stats.get("downloader/response_count", 0))
    rate = _rate(count, responses)
    passed = gave_up <= limits.max_retry_giveups and rate <= limits.max_retry_rate
    share = f"{rate:.1%} of responses" if responses else "no response came back"
    detail = (
        f"{count} retries ({share}, max {limits.max_retry_rate:.1%}), "
        f"{gave_up} requests given up (max {limits.max_retry_giveups})"
    )
    return CheckResult("retries", passed, detail)


def http_errors(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    by_status = _status_counts(stats)
    client = sum(n for status, n in by_status.items() if 400 <= status < 500)
    server = sum(n for status, n in by_status.items() if status >= 500)
    final = int(stats.get("httperror/response_ignored_count", 0))
    rate = _rate(final, int(stats.get("response_received_count", 0)))
    detail = (
        f"{client} 4xx and {server} 5xx responses downloaded; {final} left after retries "
        f"({rate:.1%}, max {limits.max_http_error_rate:.1%})"
    )
    return CheckResult("http_errors", rate <= limits.max_http_error_rate, detail)


def extraction_fallback(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    fallbacks = int(stats.get("friendship/extract/fallback", 0))
    extracted = int(stats.get("item_scraped_count", 0)) + int(stats.get("item_dropped_count", 0))
    rate = _rate(fallbacks, max(extracted, fallbacks))
    detail = (
        f"{fallbacks} of {extracted} extracted articles needed the generic fallback "
        f"({rate:.1%}, max {limits.max_fallback_rate:.1%})"
    )
    if fallbacks and rate > limits.max_fallback_rate:
        detail += ": the site's article markup no longer matches the selectors"
    return CheckResult("extraction_fallback", rate <= limits.max_fallback_rate, detail)


GUESSED_LAYERS = {"title": "generic", "published_at": "htmldate", "author": "generic", "sapo": "generic"}
"""The layer of each watched field that reads no markup of the site's own (`Extraction.sources`): a rule
that works on any news page, or for the date htmldate. (A date line of the CMS family near the headline,
the "generic" date, is the markup of the site's current template, which shows its date in nothing else.)"""
MIN_GUESSED_ITEMS = 10
"""From this many articles, a field guessed for more than `Thresholds.max_guessed_share` of them means the
site's markup for it changed: its selectors, structured data and meta no longer give it."""


def field_layers(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    """Title, date, author and sapo came from the site's own markup, its structured data or meta for most
    articles: the generic text fallback has its own check, and a field guessed on most pages is markup
    drift that `field_coverage` (the field is there) cannot see."""
    guessed: dict[str, tuple[int, int]] = {}
    for name, guessing in GUESSED_LAYERS.items():
        prefix = f"friendship/extract/{name}/"
        layers = {key[len(prefix) :]: int(v or 0) for key, v in stats.items() if key.startswith(prefix)}
        guessed[name] = (layers.get(guessing, 0), sum(layers.values()))
    drifted = [
        name
        for name, (count, total) in guessed.items()
        if total >= MIN_GUESSED_ITEMS and _rate(count, total) > limits.max_guessed_share
    ]
    detail = ", ".join(f"{name} {count} of {total}" for name, (count, total) in guessed.items())
    detail = f"guessed by the generic layers: {detail} (max {limits.max_guessed_share:.0%})"
    if drifted:
        detail += f": the site's markup for {', '.join(drifted)} no longer matches"
    return CheckResult("field_layers", not drifted, detail)


UNREADABLE = ("no_text", "no_title", "not_html", "soft_404")
"""Why an article page gave no record that a change of the site may be behind (`frontier.UNSETTLED`): a
body rendered by a script, a bot check or a maintenance notice standing in for the page."""
MIN_UNREADABLE = 3
"""An article page or two a run cannot read is the site's own (a deleted article); from this many, and
`Thresholds.max_unreadable_share` of the article pages fetched, the site's pages changed."""


def unreadable_pages(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    """The article pages fetched gave records: not pages without text or title, nor pages robots.txt now
    forbids, beyond a few. The pages earlier runs could not read either, requested again, are left out (a
    deleted article is one for 3 runs); those given up after them are named, and fail no run: the runs
    before said they could not read them."""
    reasons = {reason: int(stats.get(f"friendship/drop/{reason}", 0)) for reason in UNREADABLE}
    reasons["robots.txt"] = int(stats.get("robotstxt/forbidden", 0))
    unreadable = sum(reasons.values())
    fetched = (
        int(stats.get("item_scraped_count", 0))
        + int(stats.get("item_dropped_count", 0))
        + sum(int(v or 0) for k, v in stats.items() if k.startswith("friendship/drop/"))
        + reasons["robots.txt"]
    )
    retried = int(stats.get("friendship/incremental/retried_unread", 0))  # earlier runs could not either
    named = ", ".join(f"{reason} {count}" for reason, count in reasons.items() if count)
    detail = f"{unreadable} of {fetched} article pages gave no record" + (f" ({named})" if named else "")
    if retried:
        detail += f"; {retried} of them earlier runs could not read either, left out"
    given_up = int(stats.get("friendship/incremental/given_up", 0))
    if given_up:
        detail += (
            f"; {given_up} pages no run could read are no longer requested (the log names them; "
            "`-a full=1` asks for them again)"
        )
    new_unreadable, new_fetched = max(0, unreadable - retried), max(0, fetched - retried)
    broken = (
        new_unreadable >= MIN_UNREADABLE and _rate(new_unreadable, new_fetched) >= limits.max_unreadable_share
    )
    if broken:
        detail += ": the site's article pages changed or are blocked; the next runs request them again"
    return CheckResult("unreadable_pages", not broken, detail)


MAX_REFUSED_ENTRIES = 0.5
"""Share of a run's listing entries whose links the spider may refuse (offsite, print views) before the
listings are read as no longer linking articles the way the URL rules read them."""


def listing_markup(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    """Listing pages were read, each by the site's own listing markup (a page read by the generic
    fallback counts as the article fallback does), and their entries link articles the spider follows."""
    pages = int(stats.get("friendship/listing/pages", 0))
    unrecognised = int(stats.get("friendship/listing/unrecognised", 0))
    fallback = int(stats.get("friendship/listing/fallback", 0))
    entries = int(stats.get("friendship/listing/entries", 0))
    refused = int(stats.get("friendship/listing/refused", 0))
    fallback_rate = _rate(fallback, pages)
    detail = f"{pages} listing pages read, {unrecognised} without recognised entries"
    if fallback:
        detail += f", {fallback} by the generic fallback (max {limits.max_fallback_rate:.1%})"
    if refused:
        detail += f", {refused} of {entries} entries link no article page the spider fetches"
    if pages == 0 and int(stats.get("friendship/robots/unreachable", 0)):
        why = "robots.txt could not be fetched, so no page was asked for (RFC 9309: the site is unreachable)"
        return CheckResult("listing_markup", False, f"{detail}: {why}")
    if pages == 0 and int(stats.get("friendship/sections/not_found", 0)):
        return CheckResult(
            "listing_markup", False, f"{detail}: no section asked for is in the section's menu"
        )
    if pages == 0 and int(stats.get("robotstxt/forbidden", 0)):
        return CheckResult("listing_markup", False, f"{detail}: robots.txt disallows the section's pages")
    if pages == 0 or unrecognised:
        detail += ": the site's listing markup no longer matches, or the section was unreachable"
    elif fallback_rate > limits.max_fallback_rate:
        detail += ": the site's listing markup no longer matches the selectors"
    elif _rate(refused, entries) > MAX_REFUSED_ENTRIES:
        detail += ": the listings link article addresses the URL rules no longer read"
    else:
        return CheckResult("listing_markup", True, detail)
    return CheckResult("listing_markup", False, detail)


BROKEN_PAGING = ("back_to_first_page", "offset_not_advancing")
"""Why a listing stopped paging when the site's paging broke: a next page that answers the first page
again, or one that goes back."""


def listing_paging(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    """Every listing was paged to its end: none stopped at a next page that goes back or answers its first
    page again (what lies past it was never listed; the next run walks those listings again)."""
    broken = {reason: int(stats.get(f"friendship/listing/stopped/{reason}", 0)) for reason in BROKEN_PAGING}
    guessed = int(stats.get("friendship/listing/next_guessed", 0))
    detail = f"{sum(broken.values())} listings stopped paging before their end"
    if guessed:
        detail += f"; {guessed} pages without a next link were followed where the CMS's paging puts them"
    if not any(broken.values()):
        return CheckResult("listing_paging", True, detail)
    named = ", ".join(f"{count} {reason.replace('_', ' ')}" for reason, count in broken.items() if count)
    detail += f" ({named}): the site's paging changed, the log names the pages; the next run walks them again"
    return CheckResult("listing_paging", False, detail)


def item_schema(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    detail = f"{tally.invalid} of {tally.items} items fail the JSON Schema (max {limits.max_invalid_items})"
    return CheckResult("item_schema", tally.invalid <= limits.max_invalid_items, detail)


def field_coverage(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    coverage = tally.coverage()
    short = {name: share for name, share in coverage.items() if share < limits.min_coverage}
    shares = ", ".join(f"{name} {share:.1%}" for name, share in coverage.items())
    detail = f"{shares} (min {limits.min_coverage:.1%})"
    return CheckResult("field_coverage", not short, detail)


def feeds(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    """Every feed stored; a run that exported items and stored no feed at all lost them (a feed that
    could not even be opened is counted as neither)."""
    stored = _counts(stats, FEED_STORED_PREFIX)
    failed = _counts(stats, FEED_FAILED_PREFIX)
    detail = f"{sum(stored.values())} feeds stored, {sum(failed.values())} failed to store"
    if failed:
        detail += f" ({', '.join(sorted(failed))}): their items are not where the feed says"
    lost = not stored and not failed and int(stats.get("item_scraped_count", 0)) > 0
    if lost:
        detail += ": the items exported are in no feed"
    return CheckResult("feeds", not failed and not lost, detail)


def item_count(stats: Stats, tally: ItemTally, limits: Thresholds) -> CheckResult:
    count = int(stats.get("item_scraped_count", 0))
    detail = f"{count} items exported (min {limits.min_items})"
    return CheckResult("item_count", count >= limits.min_items, detail)


Check = Callable[[Stats, ItemTally, Thresholds], CheckResult]
CHECKS: tuple[Check, ...] = (
    finish_reason,
    errors,
    retries,
    http_errors,
    extraction_fallback,
    field_layers,
    unreadable_pages,
    listing_markup,
    listing_paging,
    item_schema,
    field_coverage,
    feeds,
    item_count,
)
"""Every check a run goes through, in report order."""


def run_checks(stats: Stats, tally: ItemTally, limits: Thresholds) -> list[CheckResult]:
    return [check(stats, tally, limits) for check in CHECKS]


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _counts(stats: Stats, prefix: str) -> dict[str, int]:
    """Non-zero stats under `prefix`, by the rest of their name."""
    return {
        key.removeprefix(prefix): int(value)
        for key, value in stats.items()
        if key.startswith(prefix) and int(value)
    }


def _status_counts(stats: Stats) -> dict[int, int]:
    prefix = "downloader/response_status_count/"
    return {
        int(key.removeprefix(prefix)): int(value)
        for key, value in stats.items()
        if key.startswith(prefix) and key.removeprefix(prefix).isdigit()
    }
