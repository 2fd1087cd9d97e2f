"""Every `FRIENDSHIP_*` setting the code reads is declared once in settings.py, documented, and typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scrapy.settings import Settings

from friendship_crawler import settings as declared
from friendship_crawler.dedup.minhash import ShingleConfig
from friendship_crawler.dedup.rule import NearRule
from friendship_crawler.dedup.state import near_rule, state_config
from friendship_crawler.monitor.checks import Thresholds
from friendship_crawler.project_settings import (
    UndeclaredSetting,
    declared_default,
    friendship_setting,
    mistyped_settings,
    start_failure,
)

ROOT = Path(__file__).resolve().parents[1]
NAME = re.compile(r"\bFRIENDSHIP_[A-Z][A-Z_]*[A-Z]\b")


def names_in(paths: list[Path]) -> set[str]:
    return {name for path in paths for name in NAME.findall(path.read_text(encoding="utf-8"))}


def test_every_setting_the_code_reads_is_declared_with_a_comment() -> None:
    code = [p for p in (ROOT / "friendship_crawler").rglob("*.py") if p.name != "settings.py"]
    used = names_in(code) - {"FRIENDSHIP_MONITOR"}  # deploy/ reads environment variables, not settings
    source = (ROOT / "friendship_crawler" / "settings.py").read_text(encoding="utf-8")
    undeclared = sorted(name for name in used if not hasattr(declared, name))
    assert not undeclared, f"read in the code but not declared in settings.py: {undeclared}"
    uncommented = [name for name in used if not re.search(rf"^{name} = .+  # \S", source, re.M)]
    assert not uncommented, f"declared without a one-line comment: {uncommented}"


def test_every_declared_setting_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    declared_names = {name for name in dir(declared) if name.startswith("FRIENDSHIP_")}
    assert declared_names
    missing = sorted(name for name in declared_names if f"`{name}`" not in readme)
    assert not missing, f"not in README.md: {missing}"


def test_defaults_agree_with_the_pure_rules_they_feed() -> None:
    empty = Settings()
    assert state_config(empty) == ShingleConfig()
    assert near_rule(empty) == NearRule()
    assert Thresholds.from_settings(empty) == Thresholds()


def test_a_value_is_typed_like_its_default() -> None:
    given = Settings({"FRIENDSHIP_CONSOLE": "0", "FRIENDSHIP_DEDUP_NUM_PERM": "64", "FRIENDSHIP_HOME": "/x"})
    assert friendship_setting(given, "FRIENDSHIP_CONSOLE") is False
    assert friendship_setting(given, "FRIENDSHIP_DEDUP_NUM_PERM") == 64
    assert friendship_setting(given, "FRIENDSHIP_PROGRESS_INTERVAL") == 30.0
    assert friendship_setting(given, "FRIENDSHIP_HOME") == "/x"
    assert friendship_setting(Settings(), "FRIENDSHIP_HOME") is None


def test_a_value_of_the_wrong_type_names_the_setting_and_the_type_it_wants() -> None:
    given = Settings(
        {"FRIENDSHIP_CONSOLE": "maybe", "FRIENDSHIP_DEDUP_NUM_PERM": "lots", "FRIENDSHIP_BACKOFF_BASE": "x"}
    )
    with pytest.raises(ValueError, match=r"^FRIENDSHIP_CONSOLE='maybe' is not a flag"):
        friendship_setting(given, "FRIENDSHIP_CONSOLE")
    with pytest.raises(ValueError, match=r"^FRIENDSHIP_DEDUP_NUM_PERM='lots' is not a whole number$"):
        friendship_setting(given, "FRIENDSHIP_DEDUP_NUM_PERM")
    with pytest.raises(ValueError, match=r"^FRIENDSHIP_BACKOFF_BASE='x' is not a number$"):
        friendship_setting(given, "FRIENDSHIP_BACKOFF_BASE")
    with pytest.raises(ValueError, match=r"^FRIENDSHIP_DEDUP_NEAR_THRESHOLD=1.5, .*must be in \(0, 1\]"):
        near_rule(Settings({"FRIENDSHIP_DEDUP_NEAR_THRESHOLD": "1.5"}))


def test_an_undeclared_name_is_refused() -> None:
    with pytest.raises(UndeclaredSetting, match="FRIENDSHIP_NO_SUCH"):
        declared_default("FRIENDSHIP_NO_SUCH")
    with pytest.raises(UndeclaredSetting):
        declared_default("LOG_LEVEL")


def test_only_settings_given_on_the_command_line_are_checked_for_their_type() -> None:
    given = Settings({"CONCURRENT_REQUESTS": "many"}, priority="project")
    given.set("DOWNLOAD_TIMEOUT", "soon", priority="cmdline")
    given.set("AUTOTHROTTLE_ENABLED", "0", priority="cmdline")
    given.set("LOG_LEVEL", "INFO", priority="cmdline")
    given.set("TELNETCONSOLE_ENABLED", "True", priority="cmdline")  # a 0/1 default, read as a flag
    given.set("CLOSESPIDER_ITEMCOUNT", "many", priority="cmdline")
    assert mistyped_settings(given) == [
        "CLOSESPIDER_ITEMCOUNT='many' is not a number",
        "DOWNLOAD_TIMEOUT='soon' is not a number",
    ]


def test_a_fraction_a_component_cannot_read_as_a_whole_number_is_named_with_its_setting() -> None:
    """`-s CONCURRENT_REQUESTS=2.5` passes the check for a number; the error the component then raises
    names no setting, so the command names those given the value it quotes."""
    given = Settings()
    given.set("CONCURRENT_REQUESTS", "2.5", priority="cmdline")
    given.set("CONCURRENT_REQUESTS_PER_DOMAIN", "2.5", priority="cmdline")
    given.set("DOWNLOAD_DELAY", "0.5", priority="cmdline")
    given.set("RETRY_TIMES", "2.5", priority="project")
    assert start_failure(ValueError("invalid literal for int() with base 10: '2.5'"), given) == (
        "CONCURRENT_REQUESTS='2.5' is not a whole number; CONCURRENT_REQUESTS_PER_DOMAIN='2.5' is not a whole number"
    )
    given.set("AUTOTHROTTLE_MAX_DELAY", "soon", priority="cmdline")
    assert start_failure(ValueError("could not convert string to float: 'soon'"), given) == (
        "AUTOTHROTTLE_MAX_DELAY='soon' is not a number"
    )
    unrelated = ValueError("invalid literal for int() with base 10: '7.5'")
    assert start_failure(unrelated, given) == str(unrelated)
    assert start_failure(RuntimeError("no reactor"), given) == "no reactor"
    assert start_failure(RuntimeError(), given) == "RuntimeError()"
