#!/usr/bin/env bash
# Debian's headless browser and its WebDriver for tests/test_datasette_browser.py; no download at test time.
set -euo pipefail

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
