"""The WARC archive extension and its reader: what is stored, and what a crash leaves readable."""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from friendship_crawler.archive import rebuild
from friendship_crawler.archive.extension import WarcArchive
from friendship_crawler.archive.reader import (
    Capture,
    find_archives,
    newest_captures,
    read_bodies,
    read_captures,
)

ARTICLE = "http://127.0.0.1:8000/giao-luu-huu-nghi-194335.html"
LISTING = "http://127.0.0.1:8000/huu-nghi&s_cond=&BRSR=16"


class RunSpider(Spider):
    name = "friendship"
    run_id = "20261123T080000Z"


def page(url: str, text: str, status: int = 200) -> HtmlResponse:
    return HtmlResponse(
        url,
        status=status,
        body=f"<html><p>{text}</p></html>".encode(),
        encoding="utf-8",
        headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
        request=Request(url),
    )


def archive_run(directory: Path, responses: list[HtmlResponse], **settings: object) -> WarcArchive:
    crawler = get_crawler(RunSpider, {"FRIENDSHIP_ARCHIVE_DIR": str(directory), **settings})
    archive = WarcArchive.from_crawler(crawler)
    spider = RunSpider()
    archive.spider_opened(spider)
    for response in responses:
        archive.response_received(response)
    archive.spider_closed(spider)
    return archive


def test_article_pages_are_archived_per_run_and_read_back(tmp_path: Path) -> None:
    archive = archive_run(
        tmp_path,
        [
            page(ARTICLE, "Hữu nghị"),
            page(LISTING, "danh sách"),
            page(ARTICLE.replace("194335", "194336"), "lỗi", status=500),
        ],
    )
    assert archive.path == tmp_path / "friendship-20261123T080000Z.warc.gz"
    assert archive.stats.get_value("friendship/archive/records") == 1
    (capture,) = read_captures(archive.path)
    assert capture.url == ARTICLE and capture.article_id == 194335
    assert capture.body.decode("utf-8") == "<html><p>Hữu nghị</p></html>"  # stored decoded, read back as is
    assert capture.captured_at.endswith("+00:00")


def test_listing_pages_are_archived_when_asked(tmp_path: Path) -> None:
    archive = archive_run(
        tmp_path, [page(ARTICLE, "a"), page(LISTING, "b")], FRIENDSHIP_ARCHIVE_LISTINGS=True
    )
    assert archive.path is not None
    assert [c.url for c in read_captures(archive.path)] == [ARTICLE, LISTING]


def test_an_archive_that_cannot_be_written_says_so_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The crawl goes on without it: one error line, not one traceback per page."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the archive directory should be")
    urls = [ARTICLE.replace("194335", str(194335 + i)) for i in range(3)]
    with caplog.at_level(logging.ERROR):
        archive = archive_run(blocker / "archive", [page(url, f"bài {i}") for i, url in enumerate(urls)])
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is None
    assert errors[0].getMessage().startswith(f"Not archiving the rest of this run: cannot write {blocker}")
    assert archive.stats.get_value("friendship/archive/records") is None


def test_disabled_archive_is_not_configured(tmp_path: Path) -> None:
    crawler = get_crawler(RunSpider, {"FRIENDSHIP_ARCHIVE_ENABLED": False})
    with pytest.raises(NotConfigured):
        WarcArchive.from_crawler(crawler)


def test_a_crash_leaves_every_whole_record_readable(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    urls = [ARTICLE.replace("194335", str(194335 + i)) for i in range(3)]
    archive = archive_run(tmp_path / "full", [page(url, f"bài {i}") for i, url in enumerate(urls)])
    assert archive.path is not None
    cut = tmp_path / "friendship-20261123T090000Z.warc.gz"
    cut.write_bytes(archive.path.read_bytes()[:-120])
    with caplog.at_level(logging.WARNING):
        assert [c.url for c in read_captures(cut)] == urls[:2]
    assert f"Archive {cut} ends in a cut-off record after 2 readable captures" in caplog.text


def test_a_record_cut_inside_its_body_is_no_capture(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A copy cut inside a record's body: the reader would hand out the part it could inflate as the page."""
    urls = [ARTICLE.replace("194335", str(194335 + i)) for i in range(3)]
    bodies = [os.urandom(6000).hex() for _ in urls]  # incompressible: the cut lands inside the last body
    archive = archive_run(
        tmp_path / "full", [page(url, body) for url, body in zip(urls, bodies, strict=True)]
    )
    assert archive.path is not None
    cut = tmp_path / "friendship-20261123T090000Z.warc.gz"
    cut.write_bytes(archive.path.read_bytes()[:-4000])
    damaged: list[Path] = []
    with caplog.at_level(logging.WARNING):
        captures = list(read_captures(cut, damaged))
    assert [c.url for c in captures] == urls[:2] and damaged == [cut]
    assert all(
        c.body.decode() == f"<html><p>{body}</p></html>" for c, body in zip(captures, bodies, strict=False)
    )
    assert f"Archive {cut} ends in a cut-off record after 2 readable captures" in caplog.text


def test_each_record_is_a_gzip_member_of_its_own(tmp_path: Path) -> None:
    urls = [ARTICLE.replace("194335", str(194335 + i)) for i in range(3)]
    archive = archive_run(tmp_path, [page(url, f"bài {i}") for i, url in enumerate(urls)])
    assert archive.path is not None
    data, members = archive.path.read_bytes(), []
    while data:
        member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        members.append(member.decompress(data))
        data = member.unused_data
    assert len(members) == 1 + len(urls)  # the warcinfo record, then one per page
    assert [m.startswith(b"WARC/1.") for m in members] == [True] * len(members)
    assert [m.count(b"WARC-Type:") for m in members] == [1] * len(members)


def test_newest_capture_per_article_wins(tmp_path: Path) -> None:
    older = Capture(ARTICLE, "2026-11-01T08:00:00+00:00", b"old", tmp_path / "a.warc.gz", 1)
    newer = Capture(
        ARTICLE.replace("127.0.0.1", "127.0.0.2"),
        "2026-11-08T08:00:00+00:00",
        b"new",
        tmp_path / "a.warc.gz",
        0,
    )
    listing = Capture(LISTING, "2026-11-09T08:00:00+00:00", b"list", tmp_path / "a.warc.gz", 2)
    assert newest_captures([newer, older, listing]) == {194335: newer}
    (tmp_path / "b.warc.gz").touch()
    (tmp_path / "a.warc.gz").touch()
    (tmp_path / "notes.txt").touch()
    assert [p.name for p in find_archives(tmp_path)] == ["a.warc.gz", "b.warc.gz"]


def test_the_chosen_captures_are_read_again_with_their_bodies_and_none_past_a_damage(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The newest captures are chosen from captures read without their bodies, then read again one by one:
    the same pages, and nothing past the damage of a cut archive (which is named once, when first read)."""
    urls = [ARTICLE.replace("194335", str(194335 + i)) for i in range(4)]
    bodies = [os.urandom(3000).hex() for _ in urls]
    archive = archive_run(
        tmp_path / "full", [page(url, body) for url, body in zip(urls, bodies, strict=True)]
    )
    assert archive.path is not None
    cut = tmp_path / "friendship-20261123T090000Z.warc.gz"
    cut.write_bytes(archive.path.read_bytes()[:-2000])
    damaged: list[Path] = []
    with caplog.at_level(logging.WARNING):
        bare = list(read_captures(cut, damaged, bodies=False))
        assert [capture.body for capture in bare] == [b""] * 3 and damaged == [cut]
        caplog.clear()
        chosen = [bare[2], bare[0]]
        read = list(read_bodies(chosen))
    assert [capture.url for capture in read] == [urls[0], urls[2]]
    assert [capture.body.decode() for capture in read] == [f"<html><p>{bodies[i]}</p></html>" for i in (0, 2)]
    assert read[0] == Capture(urls[0], bare[0].captured_at, read[0].body, cut, bare[0].position)
    assert not caplog.text


def test_a_ctrl_c_while_reprocess_writes_its_run_file_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(articles: object, path: Path) -> None:
        path.write_text('{"url": "half a line', encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(rebuild, "write_jsonl", interrupted)
    with pytest.raises(KeyboardInterrupt):
        rebuild._write_run_file([], tmp_path / "reprocess-x.jsonl")
    assert list(tmp_path.iterdir()) == []
