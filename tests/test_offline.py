"""The main job offline: `python -m friendship_crawler.offline` serves the replica, crawls it and stops."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from crawling import aliases, crawl_env, stories

from friendship_crawler.replica import Corpus


def test_offline_main_job_exports_the_whole_replica(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40", "-s", "LOG_LEVEL=INFO"],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Replica serving on http://127.0.0.1:" in done.stderr
    (feed,) = (tmp_path / "output").glob("friendship-*Z.jsonl")
    records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    corpus = Corpus(articles=40)
    assert stories(records, corpus) == {a.article_id: 1 for a in corpus.truth()}
    kept = {r["article_id"] for r in records}
    assert all(kept_id in kept for kept_id in aliases(tmp_path).values())
    (report,) = (tmp_path / "output" / "runs").glob("friendship-*.json")
    run = json.loads(report.read_text(encoding="utf-8"))
    assert run["healthy"] is True
    assert run["stats"].get("friendship/extract/fallback", 0) == 0


def test_offline_main_job_names_a_bad_replica_size(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "friendship_crawler.offline", "--articles", "3"],
                          cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "articles must be at least" in done.stderr and "Traceback" not in done.stderr
