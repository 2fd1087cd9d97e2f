"""The SQLite export opened in Datasette, driven by a real headless Chromium: search, facets, row pages.

Datasette runs as its own process on a free loopback port, exactly as a reader starts it; the browser
is Debian's chromium with its chromedriver (`.ci/install-browser.sh`), nothing is downloaded. Without
them the test fails under CI and is skipped elsewhere. Screenshots land in the test's tmp directory
and their paths are printed (`pytest -s` shows them).
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # checked by the `browser` fixture, which says what to install
    webdriver = None  # type: ignore[assignment]

from friendship_crawler.dataset.explore import DATABASE_FILE, METADATA_FILE
from friendship_crawler.dataset.writers import write_sqlite
from tests.explore_data import ARTICLES, ids_about, ids_with

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1400,1600",
)
WAIT_SECONDS = 30


def missing(reason: str) -> None:
    """A missing browser is a broken CI machine, but only an incomplete one on a developer's."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI installs it with .ci/install-browser.sh")
    pytest.skip(reason)


@pytest.fixture
def datasette(tmp_path: Path) -> Iterator[str]:
    """Base URL of Datasette serving the exported database with its metadata."""
    if importlib.util.find_spec("datasette") is None:
        missing("datasette is not installed (pip install 'friendship_crawler[explore]')")
    data = tmp_path / "snapshot"
    data.mkdir()
    write_sqlite(ARTICLES, data / DATABASE_FILE)
    port = free_port()
    log = tmp_path / "datasette.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "datasette",
                "serve",
                DATABASE_FILE,
                "--metadata",
                METADATA_FILE,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=data,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server, log)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=WAIT_SECONDS)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium through Debian's chromedriver, with a fresh profile."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            missing(f"{path} is missing (apt-get install chromium chromium-driver)")
    if webdriver is None:
        missing("selenium is not installed (pip install 'friendship_crawler[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(
                f"datasette exited with {server.returncode}: {log.read_text(encoding='utf-8')[-2000:]}"
            )
        try:
            with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"datasette did not answer on {base} within {WAIT_SECONDS} s")


def shown_ids(driver: Any) -> set[int]:
    """Article ids of the rows in the table the page shows."""
    cells = driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody td.col-article_id")
    return {int(cell.text) for cell in cells}


def screenshot(driver: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    assert driver.save_screenshot(str(path)), f"no screenshot written to {path}"
    print(f"screenshot: {path}")
    return path


def test_search_facets_and_row_page_in_a_real_browser(browser: Any, datasette: str, tmp_path: Path) -> None:
    wait = WebDriverWait(browser, WAIT_SECONDS)
    table = f"{datasette}/articles/articles"

    browser.get(table)
    assert "Thời Đại" in browser.find_element(By.TAG_NAME, "body").text  # the metadata's title
    assert shown_ids(browser) == {a.article_id for a in ARTICLES}
    box = browser.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("huu nghi", Keys.ENTER)
    wait.until(expected_conditions.url_contains("_search="))
    assert shown_ids(browser) == ids_with("hữu nghị")
    assert 0 < len(ids_with("hữu nghị")) < len(ARTICLES)
    screenshot(browser, tmp_path, "search-huu-nghi")

    browser.get(table)
    facet = browser.find_element(By.ID, "facet-country_names")
    facet.find_element(By.LINK_TEXT, "Lào").click()
    wait.until(expected_conditions.url_contains("country_names__arraycontains="))
    assert shown_ids(browser) == ids_about("LA") == {101, 102, 105}
    screenshot(browser, tmp_path, "facet-country-lao")

    browser.find_element(By.LINK_TEXT, "101").click()
    wait.until(expected_conditions.url_matches(r"/articles/articles/101$"))
    page = browser.find_element(By.TAG_NAME, "body").text
    for entity in ("Lào", "Nghệ An", "Hội hữu nghị Việt Nam – Lào"):
        assert entity in page
    assert "article_countries" in page  # the links to the entity tables
    screenshot(browser, tmp_path, "article-101")

    with urllib.request.urlopen(
        f"{datasette}/articles/laos_since_2020.json?_shape=array", timeout=10
    ) as answer:
        assert [row["article_id"] for row in json.load(answer)] == [102, 105]  # the canned query is served
