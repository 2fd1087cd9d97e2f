import http.client
import json
import re
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml.html import HtmlElement
from protego import Protego

from friendship_crawler.items import Article, Image, content_hash
from friendship_crawler.listing import parse_listing
from friendship_crawler.replica import SECTIONS, Corpus, ReplicaConfig, ReplicaServer, render_page_text, v2024
from friendship_crawler.replica.__main__ import main
from friendship_crawler.replica.chrome import Hosts
from friendship_crawler.replica.corpus import LISTING_2024
from friendship_crawler.replica.furniture import SITE_META
from friendship_crawler.replica.listing_pages import PAGE_SIZES, ROBOTS_TXT
from friendship_crawler.replica.site import ReplicaSite
from friendship_crawler.replica.stories import GENERATIONS, ImageBlock, InlineRelated, Story
from friendship_crawler.replica.templates import amp_path, print_path
from friendship_crawler.textnorm import normalize_line, normalize_text
from friendship_crawler.urls import article_id, canonical_article_url, strip_tracking

FIXED_BASE = "http://127.0.0.1:8000"
BEFORE_2024 = ("v2019", "v2021")
"""The generations the site had before 2024: a replica without the v2024 pages."""


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    """GET without following redirects."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    target = url[url.index("/", len(parts.scheme) + 3) :]
    connection.request("GET", target)
    response = connection.getresponse()
    body = response.read().decode("utf-8")
    connection.close()
    return response.status, dict(response.getheaders()), body


def crawl_listing(start_url: str) -> tuple[list[str], list[str], str | None]:
    """Follow a listing's next links to its end: (entry URLs, page URLs, markup of the first page)."""
    entries: list[str] = []
    pages: list[str] = []
    url: str | None = start_url
    markup = None
    while url is not None:
        status, _, body = fetch(url)
        assert status == 200, url
        page = parse_listing(body, url)
        markup = markup or page.markup
        pages.append(url)
        entries += [e.url for e in page.entries]
        url = page.next_url
        assert len(pages) < 100, "listing does not end"
    return entries, pages, markup


@pytest.fixture(scope="module")
def listings(replica: ReplicaServer) -> dict[str, tuple[list[str], list[str], str | None]]:
    return {s.path: crawl_listing(f"{replica.base_url}{s.path}") for s in SECTIONS}


def test_listings_paginate_in_every_markup_and_end(replica: ReplicaServer, listings) -> None:
    markups = {path: markup for path, (_, _, markup) in listings.items()}
    assert markups["/huu-nghi"] == "current" and markups[LISTING_2024.path] == "load-more"
    assert set(markups.values()) == {"current", "2020", "load-more"}
    assert sum(m == "2020" for m in markups.values()) == 2
    for section in SECTIONS:
        entries, pages, _ = listings[section.path]
        size = PAGE_SIZES[replica.corpus.listing_markup(section)]
        assert len(entries) == len(replica.corpus.listed(section))
        assert len(pages) == -(-len(entries) // size) > 1
        offsets = [int(p.rsplit("BRSR=", 1)[1]) for p in pages[1:]]
        assert offsets == [size * n for n in range(1, len(pages))]
    past_end = f"{replica.base_url}/huu-nghi/chan-dung-be-ban&s_cond=&BRSR=9990"
    status, _, body = fetch(past_end)
    page = parse_listing(body, past_end)
    assert status == 200 and page.entries == () and page.next_url is None and "_MB_CATEGORY_LIST" in body


def test_section_page_menu_alone_shows_the_hidden_subsection(replica: ReplicaServer) -> None:
    hidden = [s for s in SECTIONS if not s.in_site_menu]
    assert len(hidden) == 1 and len(SECTIONS) == 5
    _, _, section_page = fetch(f"{replica.base_url}/huu-nghi")
    _, _, sub_page = fetch(f"{replica.base_url}/huu-nghi/bon-phuong-ket-ban")
    article = next(s for s in replica.corpus.stories.values() if s.section != hidden[0])
    _, _, article_page = fetch(f"{replica.base_url}{article.path}")
    assert hidden[0].path in section_page
    assert hidden[0].path not in sub_page and hidden[0].path not in article_page


def test_every_article_page_is_reachable_from_listings(replica: ReplicaServer, listings) -> None:
    listed_ids = {article_id(url) for entries, _, _ in listings.values() for url in entries}
    assert set(replica.corpus.stories) <= listed_ids
    assert set(replica.corpus.specials) <= listed_ids
    assert {a.article_id for a in replica.corpus.truth()} <= listed_ids


def test_truth_spans_years_and_every_generation() -> None:
    corpus = Corpus()
    truth = corpus.truth()
    assert len(truth) == 240
    published = [a.published_at or "" for a in truth]
    assert {int(p[:4]) for p in published} >= set(range(2016, 2027))
    assert {s.generation for s in corpus.stories.values()} == set(GENERATIONS)
    for record in truth:
        assert record.text.split("\n")[:2] == [record.title, record.sapo]
        assert record.content_hash == content_hash(record.text)
        assert (
            record.url
            == f"https://thoidai.com.vn/{corpus.stories[record.article_id].slug}-{record.article_id}.html"
        )
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00", record.published_at or "")
        assert record.section[0] == "Hữu nghị" and record.crawled_at == ""
    assert any(a.source for a in truth) and any(a.source is None for a in truth)
    assert any(a.modified_at for a in truth) and any(a.author is None for a in truth)
    assert any(a.sapo.startswith("TĐO - ") for a in truth)
    assert not any(a.sapo.startswith("TĐO - ") for a, p in zip(truth, published, strict=True) if p >= "2020")


def test_same_seed_same_bytes() -> None:
    first, second = (ReplicaSite(Corpus(seed=7, articles=60), Hosts(FIXED_BASE)) for _ in range(2))
    other = ReplicaSite(Corpus(seed=8, articles=60), Hosts(FIXED_BASE))
    paths = ["/huu-nghi", "/huu-nghi/than-gui-viet-nam&s_cond=&BRSR=15"]
    paths += [s.path for s in list(first.corpus.stories.values())[::7]]
    for path in paths:
        assert first.respond(path).body == second.respond(path).body
    assert first.respond("/huu-nghi").body != other.respond("/huu-nghi").body
    assert first.corpus.truth() == second.corpus.truth()
    first.advance(2)
    second.advance(2)
    assert first.corpus.truth() == second.corpus.truth()


def test_links_on_other_hosts_and_with_tracking_parameters(replica: ReplicaServer, listings) -> None:
    hosts = {urlsplit(url).hostname for entries, _, _ in listings.values() for url in entries}
    assert hosts == {"127.0.0.1", "localhost", "127.0.0.2"}
    entries = [url for e, _, _ in listings.values() for url in e]
    assert any("fbclid=" in url for url in entries) and any("utm_source=" in url for url in entries)
    story = replica.corpus.stories[replica.corpus.planted()["listing_variants"]["tacnghiep"][0]]
    bodies = [
        fetch(f"{base}{story.path}") for base in (replica.base_url, replica.hosts.www, replica.hosts.newsroom)
    ]
    assert [status for status, _, _ in bodies] == [200, 200, 200]
    assert bodies[0][2] == bodies[1][2] == bodies[2][2]
    status, _, tracked = fetch(f"{replica.base_url}{story.path}?fbclid=IwAR0abc&utm_source=facebook")
    assert status == 200 and tracked == bodies[0][2]
    for url in entries:
        if article_id(url) in replica.corpus.stories and "/huu-nghi" not in url:
            assert canonical_article_url(strip_tracking(url)).startswith("https://thoidai.com.vn/")


def test_one_story_under_two_ids(replica: ReplicaServer, listings) -> None:
    original, copy = replica.corpus.planted()["renumbered"][0]
    assert (original, copy) == (194335, 757920)
    first, second = replica.corpus.expected(original), replica.corpus.expected(copy)
    assert first.text == second.text and first.url != second.url
    truth_ids = {a.article_id for a in replica.corpus.truth()}
    assert original in truth_ids and copy not in truth_ids
    listed = {article_id(url) for entries, _, _ in listings.values() for url in entries}
    assert {original, copy} <= listed
    story = replica.corpus.stories[copy]
    assert fetch(f"{replica.base_url}{story.path}")[0] == 200
    before = ReplicaSite(Corpus(generations=BEFORE_2024), Hosts(FIXED_BASE)).respond(story.path).body
    assert b'<link rel="canonical" href="https://thoidai.com.vn/' in before, (
        "a pre-2024 head names it canonically"
    )


def test_amp_and_print_views_robots(replica: ReplicaServer) -> None:
    story = next(s for s in replica.corpus.stories.values() if s.generation == "v2021")
    _, _, page = fetch(f"{replica.base_url}{story.path}")
    amp_url, print_url = replica.hosts.link(amp_path(story)), replica.hosts.link(print_path(story))
    assert f'href="{amp_url.replace("&", "&amp;")}"' in page and print_url.replace("&", "&amp;") in page
    status, _, amp = fetch(amp_url)
    assert status == 200 and story.title in amp and "box-other-news" not in amp and len(amp) < len(page)
    status, _, printed = fetch(print_url)
    assert status == 200 and re.search(r'article-detail-date">\d\d:\d\d \| \d\d/\d\d/\d{4}</span>', printed)
    _, _, robots_txt = fetch(f"{replica.base_url}/robots.txt")
    robots = Protego.parse(robots_txt)
    assert not robots.can_fetch(print_url, "friendship_crawler")
    assert not robots.can_fetch(f"{replica.base_url}/apiservice@/x", "friendship_crawler")
    assert robots.can_fetch(amp_url, "friendship_crawler") and robots.can_fetch(
        f"{replica.base_url}/huu-nghi", "x"
    )


def test_soft_404_redirect_video_and_infographic(replica: ReplicaServer, listings) -> None:
    planted = replica.corpus.planted()
    entries = [url for e, _, _ in listings.values() for url in e]
    soft = planted["soft_404"][0]
    assert any(soft in url for url in entries)
    status, _, body = fetch(f"{replica.base_url}{soft}")
    assert status == 200 and "Không tìm thấy trang" in body and 'class="article-detail-title"' not in body
    old_path, target = next(iter(planted["redirects"].items()))
    assert any(old_path in url for url in entries)
    status, headers, _ = fetch(f"{replica.base_url}{old_path}")
    assert status == 301 and headers["Location"] == replica.hosts.link(replica.corpus.stories[target].path)
    for kind, prefix in (("video", "[Video] "), ("infographic", "[Infographic] ")):
        page = replica.corpus.specials[planted[kind][0]]
        assert any(page.path in url for url in entries)
        status, _, body = fetch(f"{replica.base_url}{page.path}")
        text = render_page_text(body)
        assert status == 200 and f">{prefix}" in body
        content = body.split('class="__MASTERCMS_CONTENT"')[1].split("</div>\n</div>")[0]
        assert "<p>" not in content
    assert text.endswith("In bài viết\nTruyền hình")
    assert fetch(f"{replica.base_url}/khong-co-bai-nay-123.html")[0] == 404


def test_planted_duplicates_and_lookalikes() -> None:
    corpus = Corpus()
    planted = corpus.planted()
    assert len(planted["near_duplicates"]) == 2
    for original, copy in planted["near_duplicates"]:
        first, second = corpus.expected(original), corpus.expected(copy)
        assert original < copy and first.title == second.title and first.text != second.text
        changed = set(first.text.split("\n")) ^ set(second.text.split("\n"))
        assert len(changed) == 2
    family = planted["lookalike_families"]["provincial_congress"]
    records = [corpus.expected(i) for i in family]
    assert len(family) == 8 and len({r.title for r in records}) == 8
    assert all(
        re.match(r"Liên hiệp các tổ chức hữu nghị tỉnh .+: Đại hội .+ nhiệm kỳ \d{4}-\d{4}$", r.title)
        for r in records
    )
    truth_ids = {a.article_id for a in corpus.truth()}
    assert set(family) <= truth_ids
    with pytest.raises(KeyError):
        corpus.expected(planted["video"][0])
    assert not {copy for _, copy in planted["near_duplicates"]} & truth_ids


def test_advance_adds_on_top_and_edits_one(replica_factory) -> None:
    server = replica_factory(seed=11, articles=60)
    before_truth = {a.article_id: a for a in server.corpus.truth()}
    entries_before, _, _ = crawl_listing(f"{server.base_url}/huu-nghi")
    added = server.advance(1)
    assert len(added) == 3 and server.corpus.edited_ids
    edited = server.corpus.edited_ids[-1]
    entries_after, _, _ = crawl_listing(f"{server.base_url}/huu-nghi")
    assert {article_id(u) for u in entries_after[:3]} == set(added)
    assert entries_after[3:] == entries_before
    truth = {a.article_id: a for a in server.corpus.truth()}
    assert set(truth) - set(before_truth) == set(added)
    assert truth[edited].text != before_truth[edited].text
    assert truth[edited].modified_at > before_truth[edited].modified_at
    _, _, page = fetch(f"{server.base_url}{server.corpus.stories[edited].path}")
    assert f'"dateModified": "{truth[edited].modified_at}"' in page


@pytest.mark.parametrize("generations", [BEFORE_2024, GENERATIONS])
def test_every_page_shows_its_truth_lines_in_order(generations: tuple[str, ...]) -> None:
    corpus = Corpus(generations=generations)
    site = ReplicaSite(corpus, Hosts(FIXED_BASE))
    for article_id_ in corpus.stories:
        lines = render_page_text(site.respond(corpus.stories[article_id_].path).body.decode()).split("\n")
        position = 0
        for line in corpus.expected(article_id_).text.split("\n"):
            position = lines.index(line, position) + 1


def _story_with_everything(corpus: Corpus, generation: str) -> Story:
    return next(
        s
        for s in corpus.stories.values()
        if s.generation == generation
        and s.author
        and s.related
        and any(isinstance(p, InlineRelated) for p in s.body[:1])
        and any(isinstance(p, ImageBlock) and p.caption for p in s.body)
    )


@pytest.mark.parametrize("generation", ["v2019", "v2021"])
def test_page_text_has_the_parts_of_the_saved_pages_in_order(generation: str) -> None:
    corpus = Corpus()
    story = _story_with_everything(corpus, generation)
    lines = render_page_text(ReplicaSite(corpus, Hosts(FIXED_BASE)).respond(story.path).body.decode()).split(
        "\n"
    )
    first_link = next(p for p in story.body if isinstance(p, InlineRelated)).links[0]
    related_title = corpus.stories[first_link.article_id].title
    image = next(p for p in story.body if isinstance(p, ImageBlock) and p.caption)
    byline = story.author if generation == "v2019" else f"{story.author} {story.author_suffix}".strip()
    markers = [
        lambda line: line.startswith("Trang chủ Hữu nghị"),
        lambda line: re.fullmatch(r"\d\d:\d\d \| \d\d/\d\d/\d{4} GMT\+7 \|", line),
        lambda line: line == story.title,
        lambda line: line == "aa",
        lambda line: line == story.sapo,
        lambda line: line.endswith(f" {related_title}") and line != related_title,
        lambda line: line == image.alt,
        lambda line: line == image.caption[0],
        lambda line: line == byline,
        lambda line: line.startswith("Nguồn:"),
        lambda line: line == "Tin bài liên quan",
        lambda line: line == "Các tin bài khác",
        lambda line: line == "Đọc nhiều",
        lambda line: line == "Bờ cõi biển đảo",
        lambda line: line == "Multimedia",
        lambda line: line.startswith("[Video] ") or line.startswith("[Infographic] "),
        lambda line: line == "Xin chờ trong giây lát...",
        lambda line: line == "Phiên bản di động",
    ]
    position = 0
    for number, marker in enumerate(markers):
        found = next((n for n in range(position, len(lines)) if marker(lines[n])), None)
        assert found is not None, (
            f"part {number} missing after line {position}: {lines[position : position + 3]}"
        )
        position = found + 1
    assert lines[-1] == "Phiên bản di động" and lines[2] == story.title


def test_request_log_counts_kinds_and_concurrent_requests(replica_factory) -> None:
    server = replica_factory(articles=40)
    stories = list(server.corpus.stories.values())[:32]
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda s: fetch(f"{server.base_url}{s.path}")[0], stories))
    assert statuses == [200] * 32
    for path in (
        "/robots.txt",
        "/huu-nghi",
        "/huu-nghi&s_cond=&BRSR=16",
        amp_path(stories[0]),
        print_path(stories[0]),
    ):
        fetch(f"{server.base_url}{path}")
    counts = server.stats.counts
    assert (counts["article"], counts["listing"], counts["amp"], counts["robots"], counts["other"]) == (
        32,
        2,
        1,
        1,
        1,
    )
    assert "/huu-nghi&s_cond=&BRSR=16" in server.stats.paths
    server.stats.reset()
    assert server.stats.paths == [] and server.stats.count("article") == 0


def test_fault_hook(replica_factory) -> None:
    server = replica_factory(articles=40, faults={"http_503": 1.0})
    status, headers, _ = fetch(f"{server.base_url}/huu-nghi")
    assert status == 503 and headers["Retry-After"] == "1"
    assert server.stats.requests[-1].status == 503
    with pytest.raises(ValueError, match="known modes: http_503"):
        ReplicaConfig(faults={"meltdown": 0.5})
    with pytest.raises(ValueError, match="within 0..1"):
        ReplicaConfig(faults={"http_503": 2.0})


def test_cli_writes_truth_and_planted(tmp_path) -> None:
    truth_path, planted_path = tmp_path / "truth.jsonl", tmp_path / "planted.json"
    assert (
        main(
            [
                "--articles",
                "50",
                "--seed",
                "3",
                "--advance",
                "1",
                "--truth",
                str(truth_path),
                "--planted",
                str(planted_path),
            ]
        )
        == 0
    )
    records = [
        Article.from_dict(json.loads(line)) for line in truth_path.read_text(encoding="utf-8").splitlines()
    ]
    corpus = Corpus(seed=3, articles=50)
    corpus.advance(1)
    assert [asdict(r) for r in records] == [asdict(a) for a in corpus.truth()]
    assert json.loads(planted_path.read_text(encoding="utf-8"))["renumbered"][0][1] == 757920
    with pytest.raises(SystemExit):
        main(["--articles", "5", "--truth", str(tmp_path / "small.jsonl")])
    written = truth_path.read_bytes()
    with pytest.raises(SystemExit) as refused:  # an existing file is never overwritten
        main(["--articles", "50", "--truth", str(truth_path)])
    assert refused.value.code == 2 and truth_path.read_bytes() == written
    truth_path = tmp_path / "all-generations.jsonl"
    assert main(["--articles", "50", "--generations", ",".join(GENERATIONS), "--truth", str(truth_path)]) == 0
    served = [json.loads(line) for line in truth_path.read_text(encoding="utf-8").splitlines()]
    assert served == [asdict(a) for a in Corpus(articles=50, generations=GENERATIONS).truth()]
    with pytest.raises(SystemExit):
        main(["--generations", "v2019,v2030", "--truth", str(truth_path)])


def test_ids_follow_time_at_scale() -> None:
    corpus = Corpus(seed=5, articles=1500)
    plain = [s for s in corpus.stories.values() if s.article_id not in corpus.duplicates]
    ordered = sorted(plain, key=lambda s: (s.published, s.article_id))
    assert [s.article_id for s in ordered] == sorted(s.article_id for s in plain)
    assert len(plain) == 1500


@pytest.mark.slow
def test_ten_thousand_articles_generate() -> None:
    corpus = Corpus(articles=10_000)
    assert len(corpus.stories) == 10_003 and len({s.slug for s in corpus.stories.values()}) >= 10_000 - 2


def test_page_text_renders_blocks_alt_text_and_cells() -> None:
    page = (
        "<html><head><title>t</title><script>x()</script></head><body><header><a>Menu</a></header>"
        "<div>Trang chủ <a>Hữu nghị</a></div><table><tr><td><a><img alt='Tiêu đề'></a> <a>Tiêu đề</a></td></tr>"
        "<tr><td><p>Chú thích</p><p>(Ảnh: TTXVN).</p></td></tr></table><p>Đoạn   một<br>dòng hai</p>"
        "<ul><li>Một</li><li>Hai</li></ul><footer><a>Phiên bản di động</a></footer></body></html>"
    )
    assert render_page_text(page).split("\n") == [
        "Trang chủ Hữu nghị",
        "Tiêu đề Tiêu đề",
        "Chú thích",
        "(Ảnh: TTXVN).",
        "Đoạn một",
        "dòng hai",
        "Một",
        "Hai",
        "Phiên bản di động",
    ]


# --- real page weight and furniture ---------------------------------------------------------------
KB = 1024


@pytest.fixture(scope="module")
def site_2024() -> ReplicaSite:
    """The default corpus (the v2024 generation served too), without sockets."""
    return ReplicaSite(Corpus(generations=GENERATIONS), Hosts(FIXED_BASE))


def _listing_pages(site: ReplicaSite) -> list[str]:
    paths = []
    for section in SECTIONS:
        size = PAGE_SIZES[site.corpus.listing_markup(section)]
        total = len(site.corpus.listed(section))
        paths += [f"{section.path}&s_cond=&BRSR={offset}" for offset in range(size, total, size)] + [
            section.path
        ]
    return paths


def test_pages_weigh_what_saved_pages_weigh(site_2024: ReplicaSite) -> None:
    before = ReplicaSite(Corpus(generations=BEFORE_2024), Hosts(FIXED_BASE))
    for site in (before, site_2024):
        articles = [len(site.respond(s.path).body) for s in site.corpus.stories.values()]
        listings = [len(site.respond(path).body) for path in _listing_pages(site)]
        assert min(articles) >= 80 * KB and max(articles) <= 200 * KB
        assert min(listings) >= 80 * KB and max(listings) <= 200 * KB
    served = {s.generation for s in site_2024.corpus.stories.values()}
    assert served == {"v2019", "v2021", "v2024"} and ReplicaConfig().generations == GENERATIONS


def _root(site: ReplicaSite, path: str) -> HtmlElement:
    return lxml.html.document_fromstring(site.respond(path).body)


@pytest.mark.parametrize("kind", ["v2019", "v2021", "v2024", "listing", "listing_2024"])
def test_pages_carry_the_furniture_of_saved_pages(site_2024: ReplicaSite, kind: str) -> None:
    corpus = site_2024.corpus
    if kind.startswith("listing"):
        path = LISTING_2024.path if kind == "listing_2024" else SECTIONS[2].path
    else:
        path = next(s.path for s in corpus.stories.values() if s.generation == kind)
    root = _root(site_2024, path)
    styles = "".join(style.text_content() for style in root.xpath("/html/head/style"))
    scripts = [s for s in root.xpath("//script[not(@src)]") if s.text_content().strip()]
    assert len(styles) > 20 * KB and len(scripts) >= 5 and root.xpath("/html/head/link[@rel='stylesheet']")
    assert len(root.xpath("//header//nav//ul[@class='sub-menu']/li/a")) >= 30
    assert root.xpath("//header//div[@class='menu-featured']//img[@data-src]")
    aside = " ".join(root.xpath("//aside[contains(@class, 'sidebar')]")[0].itertext())
    assert all(title in aside for title in ("Tin mới", "Đọc nhiều", "Bờ cõi biển đảo"))
    assert len(root.xpath("//div[contains(@class, 'ad-slot')]")) >= 5
    assert root.xpath("//form[@class='comment-form']//textarea") and "Bình luận" in root.text_content()
    footer_text = root.xpath("//footer")[0].text_content()
    assert "Giấy phép" in footer_text and footer_text.rstrip().endswith("Phiên bản di động")
    assert len(root.xpath("//img[@data-src]")) >= 15
    metas = root.xpath("/html/head/meta[@property or @name='description' or @name='keywords']")
    if kind == "v2024" or kind == "listing_2024":
        assert not root.xpath("//script[@type='application/ld+json']") and not root.xpath(
            "//link[@rel='canonical']"
        )
        assert not [m for m in metas if m.get("property", "").startswith(("og:title", "og:desc", "article:"))]
    else:
        assert len(root.xpath("/html/head/meta")) >= len(SITE_META) and root.xpath(
            "/html/head/meta[@property='og:site_name']"
        )
    if not kind.startswith("listing"):
        text = render_page_text(site_2024.respond(path).body.decode())
        for box in ("Tin bài liên quan" if kind != "v2024" else "Tin liên quan", "Bình luận", "Đọc nhiều"):
            assert box in text.split("\n"), box


def test_v2024_pages_use_markup_only_generic_layers_read(site_2024: ReplicaSite) -> None:
    stories = [s for s in site_2024.corpus.stories.values() if s.generation == "v2024"]
    assert len(stories) >= 40 and min(s.published for s in stories).year == 2024
    variants = set()
    for story in stories:
        root = _root(site_2024, story.path)
        classes = " ".join(root.xpath("//@class"))
        assert "article-detail" not in classes and "__MASTERCMS_CONTENT" not in classes
        assert "__MB_MASTERCMS_EL" not in classes.split() and root.xpath("//div[@id='__MB_MASTERCMS_EL_3']")
        assert not root.xpath("//*[@class='breadcrumbs']") and root.xpath(
            "//div[@class='wrapper breadcrumb']"
        )
        variants.add(root.xpath("//h1/@class")[0])
        if story.author:
            byline = root.xpath("//div[@id='__MB_MASTERCMS_EL_3']/p[last()]")[0]
            assert "right" in byline.get("style") and byline[0].tag == "em"
    assert variants == {"post-title", "detail-title"}


def _iso(text: str) -> str:
    day, clock = text.split() if "/" in text.split()[0] else text.split()[::-1]
    d, m, y = day.split("/")
    return f"{y}-{m}-{d}T{clock}:00+07:00"


def read_v2024(root: HtmlElement) -> dict[str, Any]:
    """A perfect extractor of the v2024 markup, written from its description in `replica/v2024.py`."""

    def line(node: HtmlElement) -> str:
        return normalize_line(node.text_content())

    content = root.xpath("//div[@id='__MB_MASTERCMS_EL_3']")[0]
    lines: list[str] = []
    images: list[Image] = []
    related: list[str] = []
    author = None
    for block in content:
        classes = block.get("class", "")
        if block.tag == "table" and "MASTERCMS_TPL_TABLE" in classes:
            img = block.xpath(".//img")[0]
            caption = [line(p) for p in block.xpath(".//tr[2]//p")]
            lines += caption
            images.append(
                Image(url=img.get("data-src") or img.get("src"), caption=normalize_line(" ".join(caption)))
            )
        elif block.tag == "table":
            related += block.xpath(".//a/@href")
        elif block.tag == "p" and "right" in block.get("style", ""):
            author = line(block).removeprefix("Bài và ảnh ").removeprefix("Bài: ")
        elif block.tag in {"ul", "blockquote"}:
            lines += [line(child) for child in block]
        else:
            lines.append(line(block))
    related += root.xpath("//div[contains(@class, 'box-related')]//h3/a/@href")
    title = line(root.xpath("//h1")[0])
    sapo = line(root.xpath("//div[@class='post-desc'] | //p[@class='detail-sapo']")[0])
    date = " ".join(root.xpath("//div[@class='post-meta']/span/text()"))
    source = root.xpath("//p[@class='post-source']")
    section = root.xpath("//a[@class='cat-name-lv1']/text() | //a[@class='subcat-name-item active']/text()")
    return {
        "title": title,
        "sapo": sapo,
        "text": normalize_text("\n".join([title, sapo, *lines])),
        "author": author,
        "source": line(source[0]).removeprefix("Nguồn: ") if source else None,
        "published_at": _iso(date),
        "modified_at": None,
        "section": section,
        "tags": root.xpath("//a[@class='tag-item']/text()"),
        "images": images,
        "related_urls": list(dict.fromkeys(canonical_article_url(strip_tracking(u)) for u in related)),
    }


def test_v2024_truth_is_what_the_page_shows(site_2024: ReplicaSite) -> None:
    corpus = site_2024.corpus
    before = Corpus(generations=BEFORE_2024)
    compared = 0
    for story in corpus.stories.values():
        truth = corpus.expected(story.article_id)
        if story.generation != "v2024":
            assert truth == before.expected(story.article_id)
            continue
        read = read_v2024(_root(site_2024, story.path))
        for name, value in read.items():
            assert getattr(truth, name) == value, (story.path, name)
        compared += 1
        assert (
            truth.modified_at is None and before.expected(story.article_id).published_at == truth.published_at
        )
    assert compared >= 40


def test_serving_v2024_leaves_other_pages_as_they_were(site_2024: ReplicaSite) -> None:
    before = ReplicaSite(Corpus(generations=BEFORE_2024), Hosts(FIXED_BASE))
    older = [s.path for s in site_2024.corpus.stories.values() if s.generation != "v2024"][::9]
    listings = [s.path for s in SECTIONS if s != LISTING_2024]
    for path in older + listings:
        assert site_2024.respond(path).body == before.respond(path).body, path


def test_v2024_listing_pages_by_offset_and_loads_more(site_2024: ReplicaSite) -> None:
    corpus = site_2024.corpus
    expected = [item.article_id for item in corpus.listed(LISTING_2024)]
    teasers = "//div[contains(@class, '__MB_LIST_ITEM')]/article[@class='article']//h3/a/@href"
    by_offset: list[int | None] = []
    offset = 0
    fragment_path: str | None = None
    while True:
        root = _root(site_2024, f"{LISTING_2024.path}&s_cond=&BRSR={offset}")
        hrefs = root.xpath(teasers)
        by_offset += [article_id(h) for h in hrefs]
        next_url = root.xpath("//input[@id='__MB_NEXT_URL']/@value")
        assert bool(next_url) == bool(root.xpath("//span[@class='btn-xemthem'][text()='XEM THÊM']"))
        assert not root.xpath("//div[@class='btn-viewmore'] | //div[contains(@class, '_BX_LISTING')]")
        if offset == 0:
            fragment_path = next_url[0]
        if not next_url:
            break
        assert f"&BRSR={offset + 20}&" in next_url[0] and len(hrefs) == 20
        offset += 20
    loaded = [article_id(h) for h in _root(site_2024, LISTING_2024.path).xpath(teasers)]
    while fragment_path:
        assert not Protego.parse(ROBOTS_TXT).can_fetch(f"{FIXED_BASE}{fragment_path}", "friendship_crawler")
        fragment = lxml.html.fragment_fromstring(
            site_2024.respond(fragment_path).body.decode(), create_parent=True
        )
        loaded += [article_id(h) for h in fragment.xpath(f".{teasers}")]
        fragment_path = next(iter(fragment.xpath(".//input[@id='__MB_NEXT_URL']/@value")), None)
    assert by_offset == loaded == expected and len(expected) > 40
    assert site_2024.respond(f"{v2024.LOAD_MORE_PATH}&cid=103&BRSR=0").status == 404


def test_generations_option_is_checked() -> None:
    assert ReplicaConfig(generations=GENERATIONS).generations == GENERATIONS
    for wrong, message in (
        (("v2019", "v2030"), "unknown generation(s) v2030: the replica has v2019, v2021, v2024"),
        (("v2021", "v2024"), "generations must include v2019 and v2021 (missing v2019)"),
        (("v2019", "v2019"), "generations must include v2019 and v2021 (missing v2021)"),
    ):
        with pytest.raises(ValueError, match=re.escape(message)):
            ReplicaConfig(generations=wrong)
    for articles in (39, 200_001):
        with pytest.raises(ValueError, match=re.escape(f"articles must be 40 to 200000 (got {articles})")):
            ReplicaConfig(articles=articles)


def test_a_port_in_use_or_a_truth_file_in_no_directory_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["--articles", "40", "--port", str(port)]) == 1
    assert capsys.readouterr().err == f"Cannot serve on 127.0.0.1:{port}: Address already in use\n"
    assert main(["--articles", "40", "--truth", str(tmp_path / "no" / "truth.jsonl")]) == 1
    assert (
        capsys.readouterr().err
        == f"Cannot write {tmp_path / 'no' / 'truth.jsonl'}: No such file or directory\n"
    )
