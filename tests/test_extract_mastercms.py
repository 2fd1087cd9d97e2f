"""Real pages of other MasterCMS sites (tests/fixtures/mastercms/): every field against a hand-written truth,
and the generic layer of each field proven on markup that no selector names."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from friendship_crawler.clean.lines import academic_byline
from friendship_crawler.extract import ArticleExtractor, NotAnArticle
from friendship_crawler.extract.document import parse_page
from friendship_crawler.extract.fallbacks import (
    Teasers,
    _is_site_header,
    _is_teaser_box,
    _titles_an_article,
    author_page_name,
    htmldate_of,
    in_teaser,
    prominent_h1,
    without_site_name,
)
from friendship_crawler.extract.links import fold_root
from friendship_crawler.extract.selectors import DETECTION_ORDER, SELECTOR_FIELDS
from friendship_crawler.items import Article
from friendship_crawler.listing import parse_listing
from friendship_crawler.reader import Reading, read_article, read_page

CASES = Path(__file__).parent / "fixtures" / "mastercms"
EXTRACTOR = ArticleExtractor()


@cache
def case(name: str) -> dict[str, Any]:
    return json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))


@cache
def html(name: str) -> bytes:
    return (CASES / f"{name}.html").read_bytes()


@cache
def reading(name: str) -> Reading:
    return read_page(html(name), case(name)["fetched_url"])


ARTICLES = sorted(p.stem for p in CASES.glob("*.json") if "article" in json.loads(p.read_text("utf-8")))
LISTINGS = sorted(p.stem for p in CASES.glob("*.json") if "listing" in json.loads(p.read_text("utf-8")))


def test_the_set_has_real_weight_and_several_sites() -> None:
    hosts = {case(name)["fetched_url"].split("/")[2] for name in ARTICLES + LISTINGS}
    assert len(ARTICLES) >= 4 and len(LISTINGS) >= 1 and len(hosts) >= 4
    assert sum(len(html(name)) >= 80_000 for name in ARTICLES + LISTINGS) >= 4


@pytest.mark.parametrize(("name", "field"), [(n, f) for n in ARTICLES for f in case(n)["article"]])
def test_field_equals_the_hand_written_truth(name: str, field: str) -> None:
    assert asdict(reading(name).article)[field] == case(name)["article"][field]


def _names_in_selectors() -> frozenset[str]:
    """Every class name and id the template generations' selectors name (`.x`, `#x`, `[id^=x]`)."""
    css = [
        rule
        for generation in DETECTION_ORDER
        for field in SELECTOR_FIELDS
        for rule in getattr(generation, field)
    ]
    return frozenset(
        name
        for rule in css
        for name in re.findall(r"[.#]([_a-zA-Z][\w-]*)|\[id\^=([\w-]+)\]", rule)
        for name in name
        if name
    )


def _unknown_template(page: bytes, opaque: bool) -> bytes:
    """The page with every class name and id the selectors know renamed, as a template generation nobody
    here has seen would name them: keeping the word ("detail-sapo" -> "x-detail-sapo"), or an opaque
    name that says nothing ("detail-sapo" -> "c17")."""
    known = sorted(_names_in_selectors())
    renamed = {name: f"c{index}" if opaque else f"x-{name}" for index, name in enumerate(known)}
    root = parse_page(page)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        classes = element.get("class")
        if classes:
            element.set("class", " ".join(renamed.get(name, name) for name in classes.split()))
        own_id = element.get("id")
        prefix = next((name for name in known if own_id and own_id.startswith(name)), None)
        if own_id and prefix:
            element.set("id", renamed[prefix] + own_id[len(prefix) :])
    return lxml.html.tostring(root, encoding="utf-8")


@pytest.mark.parametrize("opaque", [False, True], ids=["names-keep-their-words", "opaque-names"])
@pytest.mark.parametrize("name", ARTICLES)
def test_a_real_page_reads_the_same_when_no_selector_knows_its_markup(name: str, opaque: bool) -> None:
    """Every known class name and id renamed, a real page of the CMS family is read by the generic layers
    alone (the head, classes that name a lead or an author, the headline's neighbourhood, the element
    that holds trafilatura's text, a byline set apart), every field as its hand-written truth gives it."""
    renamed = read_page(_unknown_template(html(name), opaque), case(name)["fetched_url"])
    truth = case(name)["article"]
    assert renamed.extraction.generation == "generic"
    fields = ("title", "sapo", "text", "author", "published_at")
    assert {f: getattr(renamed.article, f) for f in fields} == {f: truth[f] for f in fields}
    known = asdict(reading(name).article)
    same = [f for f in known if f not in {"crawled_at", "section"} and asdict(renamed.article)[f] == known[f]]
    assert same == [f for f in known if f not in {"crawled_at", "section"}]  # tags, source, images, related


@pytest.mark.parametrize(
    ("author", "taken"),
    [("Sức khỏe Việt", None), ("Suckhoeviet", None), ("Việt", "Việt"), ("Vân Anh", "Vân Anh")],
)
def test_a_head_author_that_is_the_site_itself_is_no_byline(author: str, taken: str | None) -> None:
    """A head that gives the publisher for the author names the site (by its name or its host), not a
    person; a short name that is merely part of the site's name is a person's."""
    head = (
        f"<meta name='author' content='{author}'>"
        "<meta property='og:site_name' content='Tạp chí điện tử Sức khỏe Việt - Cơ quan ngôn luận'>"
    )
    extraction = EXTRACTOR.extract(
        article_page("", head=head), "https://suckhoeviet.org.vn/tieu-de-bai-6316.html"
    )
    assert extraction.article.author == taken


def test_a_lead_class_in_another_articles_teaser_is_not_the_sapo() -> None:
    rail = "<div class='article'><a href='/bai-khac-1234.html'>Bài khác</a><div class='sapo'>Lời dẫn của bài khác.</div></div>"
    page = article_page("", after=rail)
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-bai-123.html").article.sapo == ""


def test_a_source_line_and_tag_links_after_a_body_are_read_whatever_their_classes() -> None:
    """After the body: "Nguồn: …" standing on its own is the source, and the links to tag pages are the
    tags; a tag linked inside a sentence of the body and the tags of a rail teaser are not."""
    body = "<p>Đoạn có <a href='https://netbiz.net.vn/tag/cang-bien.tag'>cảng biển</a> trong câu.</p>"
    after = (
        "<div class='k1'>Nguồn: Báo Bạc Liêu</div><div class='k2'><span>Từ khóa:</span>"
        "<a href='https://netbiz.net.vn/tag/bac-lieu.tag'>Bạc Liêu</a>"
        "<a href='https://netbiz.net.vn/tags/doi-ngoai-9.tag'>#đối ngoại</a></div>"
        "<div class='article'><a href='https://netbiz.net.vn/tag/khac.tag'>khác</a><p>Nguồn: Khác</p></div>"
    )
    page = article_page(body, after=after).replace("__MASTERCMS_CONTENT", "noi-dung")
    extraction = EXTRACTOR.extract(page, "https://netbiz.net.vn/tieu-de-bai-viet-1643.html")
    assert (extraction.article.source, extraction.sources["source"]) == ("Báo Bạc Liêu", "generic")
    assert (extraction.article.tags, extraction.sources["tags"]) == (["Bạc Liêu", "đối ngoại"], "generic")


def test_a_lead_class_after_the_body_is_a_teasers_not_the_sapo() -> None:
    rail = "<div class='box-item'><div class='box-item-desc'>Lời dẫn của một bài khác trong hộp tin khác.</div></div>"
    page = article_page("", after=rail).replace("__MASTERCMS_CONTENT", "noi-dung")
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article.sapo == ""


def test_page_without_head_takes_its_title_from_the_h1() -> None:
    result = reading("thoibaonganhang_no_head")
    assert result.extraction.sources["title"] == "selectors"
    assert result.article.author == "Ngọc Hậu"  # `<p align="right"><strong>`, outside the inner container
    assert "Ngọc Hậu" not in result.article.text


def test_unknown_generation_is_read_by_the_generic_layers() -> None:
    result = reading("kinhtedothi_generic")
    assert result.extraction.generation == "generic" and result.extraction.fallback
    for name in ("sapo", "published_at", "author", "text", "section"):
        assert result.extraction.sources[name] == "generic", name
    lines = result.article.text.split("\n")
    assert "Bên cạnh đó, công tác thông tin đối ngoại được quan tâm thực hiện thường xuyên." in lines[-2]
    assert not any("Tin liên quan" in line or "Cần Thơ" in line for line in lines)


def test_signature_without_colon_becomes_the_author() -> None:
    article = reading("netbiz_post").article
    assert article.author == "Trọng Tùng"
    assert "Bài và ảnh" not in article.text


def test_breadcrumb_is_the_trail_not_the_menu() -> None:
    assert reading("haiquan_table").article.section == ["Quốc tế", "Hữu nghị"]  # beside a 34-entry menu
    assert reading("netbiz_post").article.section == ["Quốc tế", "Hữu nghị"]  # one active of 8 sub-sections
    # 33 categories, each in a `ul.breadcrumb` of its own: no trail, so the head's BreadcrumbList decides
    result = reading("suckhoeviet_source_box")
    assert (result.article.section, result.extraction.sources["section"]) == (
        ["Sức khỏe", "Khỏe - Đẹp"],
        "json-ld",
    )


JSON_LD = re.compile(rb"<script[^>]*application/ld\+json.*?</script>", re.S | re.I)
HEAD_META = re.compile(rb"<meta\b[^>]*>", re.I)


@pytest.mark.parametrize(
    ("strip", "section", "layer"),
    [
        ((JSON_LD,), ["Sức khỏe", "Khỏe - Đẹp"], "generic"),
        ((JSON_LD, HEAD_META), [], None),
    ],
)
def test_a_menu_that_marks_every_subsection_active_gives_way_to_the_section_the_head_states(
    strip: tuple[re.Pattern[bytes], ...], section: list[str], layer: str | None
) -> None:
    """suckhoeviet's menu marks both subsections of "Sức khỏe" active. Without its BreadcrumbList, the page's
    `article:section` ("Khỏe - Đẹp") names the one, and its link the section above it; with no word from
    the head either, no subsection is guessed (the crawl takes the listing's)."""
    page = html("suckhoeviet_source_box")
    for pattern in strip:
        page = pattern.sub(b"", page)
    result = read_page(page, case("suckhoeviet_source_box")["fetched_url"])
    assert (result.article.section, result.extraction.sources.get("section")) == (section, layer)


def test_the_sites_own_address_is_neither_text_nor_source_nor_tag() -> None:
    """suckhoeviet.org.vn fills image captions and its source box with its own address and files
    addresses as tags."""
    article = reading("suckhoeviet_source_box").article
    assert "suckhoeviet.org.vn" not in article.text and article.text.count("\n") == 17
    assert not any(image.caption for image in article.images) and len(article.images) == 3
    assert article.source is None
    assert article.tags == ["sức khỏe", "Kiểm soát calo", "Vòng eo con kiến"]
    assert (article.author, article.text.splitlines()[-1][-12:]) == ("Vân Anh", "hóa tốt hơn.")


def article_page(body: str, head: str = "", after: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><h1 class='article-detail-title'>Tiêu đề bài viết</h1>"
        "<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài, một câu đủ dài để đọc.</p>"
        f"<p>Đoạn hai của bài, một câu đủ dài để đọc.</p>{body}</div>{after}</body></html>"
    )


LEAD = "Sáng nay, buổi gặp mặt thân mật đã diễn ra trong không khí ấm áp, hữu nghị giữa các đại biểu quốc tế."
PARAGRAPHS = "".join(
    f"<p>Đoạn {n} của bài viết kể lại buổi gặp mặt bạn bè quốc tế tại Hà Nội, một câu đủ dài để đọc.</p>"
    for n in range(1, 4)
)


def headline_page(
    container: str = "k2", *, above: str = "", below: str = "", ending: str = "", html: str = ""
) -> str:
    """A page of a headline `h1.k1` ("Tin chính") and `PARAGRAPHS` in a body of class `container` (one no
    selector knows by default), with markup `above` the headline, `below` it, and `ending` the body."""
    return (
        f"<html{html}><body>{above}<h1 class='k1'>Tin chính</h1>{below}"
        f"<div class='{container}'>{PARAGRAPHS}{ending}</div></body></html>"
    )


def read_ending(ending: str) -> Article:
    """The record of `headline_page` in a known body container that ends with `ending`."""
    return read_page(
        headline_page("__MASTERCMS_CONTENT", ending=ending), "https://thoidai.com.vn/tin-chinh-212345.html"
    ).article


@pytest.mark.parametrize(
    ("markup", "lead"),
    [
        (
            f"<div class='main'><h1 class='titleDetailNews'>Tiêu đề</h1><div class='dateNews'>12/05/2023 10:20</div>"
            f"<h3 class='f-16'><strong>{LEAD}</strong></h3><div class='viewsDtailContent'>{PARAGRAPHS}</div></div>",
            LEAD,
        ),
        (
            f"<h1>Tiêu đề</h1><span class='format_time'>10:20 | 12/05/2023</span>"
            f"<div class='category article-content __MASTERCMS_CONTENT'><p><strong>{LEAD}</strong></p>{PARAGRAPHS}</div>",
            LEAD,
        ),
        (f"<h1>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'><p>{LEAD}</p>{PARAGRAPHS}</div>", ""),
    ],
    ids=["subheading-under-the-headline", "bold-first-paragraph", "ordinary-first-paragraph"],
)
def test_a_lead_marked_by_style_alone_is_the_sapo(markup: str, lead: str) -> None:
    """Older templates of the family (baoquocte's `h3 > strong`, baoxaydung's `p > strong` opening the
    body) mark the lead by style only; on a page without a head, that is all there is."""
    article = EXTRACTOR.extract(
        f"<html><body>{markup}</body></html>", "https://baox.vn/tieu-de-123.html"
    ).article
    assert article.sapo == lead
    assert article.text.splitlines()[1] == LEAD  # the lead is said once either way


def test_another_sites_address_in_the_body_or_the_source_box_stays() -> None:
    form = "<p><a href='https://forms.gle/AbC'>https://forms.gle/AbC</a></p>"
    box = "<div class='article-detail-source'>Nguồn: https://baoquocte.vn/tin-goc-98765.html</div>"
    article = EXTRACTOR.extract(
        article_page(form, after=box), "https://suckhoeviet.org.vn/bai-6316.html"
    ).article
    assert article.text.splitlines()[-1] == "https://forms.gle/AbC"
    assert article.source == "https://baoquocte.vn/tin-goc-98765.html"


@pytest.mark.parametrize("box", ["", "https://www.suckhoeviet.org.vn/"])
def test_a_source_box_that_names_no_source_leaves_it_to_the_body(box: str) -> None:
    page = article_page("<p>Nguồn: TTXVN</p>", after=f"<div class='article-detail-source'>{box}</div>")
    extraction = EXTRACTOR.extract(page, "https://suckhoeviet.org.vn/bai-6316.html")
    assert (extraction.article.source, extraction.sources["source"]) == ("TTXVN", "selectors")
    assert "TTXVN" not in extraction.article.text


@pytest.mark.parametrize("box", ["Theo TTXVN", "Nguồn: Theo TTXVN", "theo TTXVN"])
def test_a_source_box_that_says_theo_names_the_outlet(box: str) -> None:
    page = article_page("", after=f"<div class='article-detail-source'>{box}</div>")
    assert EXTRACTOR.extract(page, "https://suckhoeviet.org.vn/bai-6316.html").article.source == "TTXVN"


@pytest.mark.parametrize(
    ("after", "source"),
    [
        (
            "<div class='box-source'><p id='theo'><i>Theo <span class='artSource'>Báo Xây dựng</span></i></p></div>",
            "Báo Xây dựng",
        ),
        ("<div class='x-src'><i id='theo'>Theo <i>Báo Xây dựng</i></i></div>", "Báo Xây dựng"),
        ("<p><em>Theo TTXVN, VOV</em></p>", "TTXVN, VOV"),
        ("<p><em>Theo dõi Báo Xây dựng trên Google News</em></p>", None),
        ("<p><i>Theo đó, hai bên sẽ ký kết thỏa thuận hợp tác trong năm tới.</i></p>", None),
        ("<p>Theo TTXVN</p>", None),
    ],
    ids=["source-box-by-id", "nested-italics", "italic-paragraph", "follow-line", "sentence", "plain"],
)
def test_an_attribution_in_italic_just_after_the_body_names_the_source(
    after: str, source: str | None
) -> None:
    """baoxaydung's and thoibaonganhang's `#theo` box ("Theo <outlet>") is in italic but not right-aligned;
    a plain "Theo …" line stays unread, as after any body."""
    article = EXTRACTOR.extract(
        article_page("", after=after), "https://baoxaydung.com.vn/bai-123456.html"
    ).article
    assert (article.source, article.author) == (source, None)


def test_a_trail_printed_twice_is_one_trail() -> None:
    crumbs = "".join(
        f"<a href='https://thoidai.com.vn/{path}'>{name}</a>"
        for path, name in [
            ("huu-nghi", "Hữu nghị"),
            ("huu-nghi/nhip-cau", "Nhịp cầu hữu nghị"),
            ("chau-a", "Châu Á"),
            ("lao", "Lào"),
        ]
    )
    trail = f"<div class='breadcrumbs'>{crumbs}</div>"
    page = article_page("", after=trail).replace("<h1", f"{trail}<h1", 1)
    extraction = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123.html")
    assert extraction.article.section == ["Hữu nghị", "Nhịp cầu hữu nghị", "Châu Á", "Lào"]
    assert extraction.sources["section"] == "selectors"


@pytest.mark.parametrize(
    ("head", "url"),
    [
        (
            "<link rel='canonical' href='//thoidai.com.vn/tieu-de-bai-123.html'>",
            "https://thoidai.com.vn/tieu-de-bai-123.html",
        ),
        (
            "<link rel='canonical' href='https://baoquocte.vn/tieu-de-goc-98765.html'>"
            "<meta property='og:url' content='https://thoidai.com.vn/tieu-de-bai-123.html'>",
            "https://thoidai.com.vn/tieu-de-bai-123.html",
        ),
        (
            "<meta property='og:url' content='https://netbiz.net.vn/tieu-de-bai-1643.html'>",
            "https://netbiz.net.vn/tieu-de-bai-1643.html",
        ),
    ],
    ids=["protocol-relative", "syndicated-original-elsewhere", "og-url-of-a-sister-site"],
)
def test_a_page_read_from_a_file_is_at_the_address_its_head_states(head: str, url: str) -> None:
    assert EXTRACTOR.extract(article_page("", head=head), "file:///saved/bai.html").article.url == url


def test_a_page_read_from_a_file_with_a_relative_canonical_states_no_address() -> None:
    shares = "".join(
        f"<a href='https://www.facebook.com/sharer/sharer.php?u={n}'>Chia sẻ</a>" for n in range(3)
    )
    page = article_page(
        "<p><a href='/bai-lien-quan-555.html'>Bài liên quan</a></p>",
        head="<link rel='canonical' href='/tieu-de-bai-123.html'>",
        after=shares,
    )
    with pytest.raises(NotAnArticle) as raised:
        EXTRACTOR.extract(page, "file:///saved/bai.html")
    assert raised.value.reason == "no_address" and "file:///saved/bai.html" in raised.value.detail


OWN_ADDRESS = "https://thoibaonganhang.vn/tieu-de-bai-viet-112379.html"
"""The address of `article_page`'s headline ("Tiêu đề bài viết") as the CMS writes it."""


@pytest.mark.parametrize(
    "names_itself",
    [
        f"<input type='hidden' name='__printURL' value='{OWN_ADDRESS}'>",
        "<iframe src='https://www.facebook.com/v8.0/plugins/like.php?action=like&amp;href="
        "https%3A%2F%2Fthoibaonganhang.vn%2Ftieu-de-bai-viet-112379.html&amp;layout=button_count'></iframe>",
        f"<div class='fb-share-button' data-href='{OWN_ADDRESS}?utm_source=zalo'></div>",
    ],
    ids=["print-field", "like-plugin-query", "share-button"],
)
def test_a_saved_page_without_its_head_is_read_at_the_address_that_carries_its_headline(
    names_itself: str,
) -> None:
    """A page saved without a head address names its own elsewhere: the one whose slug is the headline
    folded as the CMS folds it, not another article's address before it."""
    other = "<a href='https://thoibaonganhang.vn/bai-viet-khac-hoan-toan-112380.html'>Bài viết khác</a>"
    extraction = EXTRACTOR.extract(article_page("", after=other + names_itself), "file:///saved/bai.html")
    assert (extraction.article.url, extraction.article.article_id) == (OWN_ADDRESS, 112379)
    assert extraction.sources["url"] == "generic"


@pytest.mark.parametrize("kind", [bytes, str])
def test_a_page_a_browser_saved_is_read_at_the_address_its_saved_from_mark_names(kind: type) -> None:
    """netbiz.net.vn's page names no address of its own; saved by a browser, it carries the address it was
    fetched from in the "saved from" mark above `<html>`, tracking parameters and all."""
    truth = json.loads((CASES / "netbiz_post.json").read_text(encoding="utf-8"))["article"]
    mark = f"<!-- saved from url=(0125){truth['url']}?utm_source=zalo -->\r\n"
    page = mark + (CASES / "netbiz_post.html").read_text(encoding="utf-8")
    extraction = EXTRACTOR.extract(page.encode() if kind is bytes else page, "file:///saved/netbiz_post.html")
    assert (extraction.article.url, extraction.article.text) == (truth["url"], truth["text"])
    with pytest.raises(NotAnArticle) as raised:
        EXTRACTOR.extract((CASES / "netbiz_post.html").read_bytes(), "file:///saved/netbiz_post.html")
    assert raised.value.reason == "no_address"


def test_a_saved_page_that_names_only_other_articles_states_no_address() -> None:
    near = "<a href='https://thoibaonganhang.vn/tieu-de-bai-viet-moi-112381.html'>Tiêu đề bài viết mới</a>"
    with pytest.raises(NotAnArticle) as raised:
        EXTRACTOR.extract(article_page("", after=near), "file:///saved/bai.html")
    assert raised.value.reason == "no_address"


def test_a_real_page_saved_without_its_head_is_read_at_its_own_address() -> None:
    """thoibaonganhang.vn's page, saved inside a template with no `<head>`, names its address in its print
    field and its like button."""
    page = (CASES / "thoibaonganhang_no_head.html").read_bytes()
    truth = json.loads((CASES / "thoibaonganhang_no_head.json").read_text(encoding="utf-8"))
    article = EXTRACTOR.extract(page, "file:///saved/thoibaonganhang_no_head.html").article
    assert (article.url, article.text) == (truth["article"]["url"], truth["article"]["text"])


def test_foreign_page_keeps_its_own_host_and_id() -> None:
    article = reading("netbiz_post").article
    assert article.url.startswith("https://netbiz.net.vn/") and article.article_id == 1643
    assert (
        fold_root("https://thoidai.com.vn", "https://www.thoidai.com.vn/a-1.html") == "https://thoidai.com.vn"
    )
    assert fold_root("https://thoidai.com.vn", "http://127.0.0.2:8000/a-1.html") == "https://thoidai.com.vn"
    assert (
        fold_root("https://thoidai.com.vn", "https://vietnamtimes.org.vn/a-1.html")
        == "https://vietnamtimes.org.vn"
    )


@pytest.mark.parametrize(
    ("url", "related"),
    [
        ("https://congthuong.vn/tin-chinh-post301234.html", "/gia-vang-post301299.html"),
        ("https://nongnghiep.vn/tin-chinh-d301234.html", "/gia-vang-d301299.html"),
        ("https://tapchicongthuong.vn/bai-viet/tin-chinh-301234.htm", "/bai-viet/gia-vang-301299.htm"),
    ],
)
def test_a_sister_sites_page_whose_id_a_word_marks_is_an_article(url: str, related: str) -> None:
    """`-post301234.html`, `-d301234.html` and `/bai-viet/…-301234.htm` are articles of sister sites: read
    at their own address with that id (they were refused as listings), and their related links are known
    as articles."""
    host = url.split("/")[2]
    inline = f"<table><tr><td><a href='https://{host}{related}'>Giá vàng hôm nay</a></td></tr></table>"
    article = read_page(headline_page(ending=inline), url).article
    assert (article.url, article.article_id) == (url, 301234)
    assert "Giá vàng" not in article.text


@pytest.mark.parametrize(
    "rail",
    [
        "<div class='ke3'><h4>Đọc nhiều</h4><p><a href='/doc-nhieu-mot-170845.html'>Bài đọc nhiều một</a></p>"
        "<p><a href='/doc-nhieu-hai-204076.html'>Bài đọc nhiều hai</a></p></div>",
        "<p><strong>Tin mới</strong></p><ul><li><a href='/doc-nhieu-mot-170845.html'>Bài đọc nhiều một</a></li>"
        "<li><a href='/doc-nhieu-hai-204076.html'>Bài đọc nhiều hai</a></li></ul>",
    ],
    ids=["its-title-inside", "its-title-above"],
)
def test_a_rail_set_in_the_body_lists_no_related_articles(rail: str) -> None:
    related = (
        "<div class='box'><h4>Tin liên quan</h4><p><a href='/lien-quan-166226.html'>Bài liên quan</a></p>"
        "<p><a href='/lien-quan-khac-161978.html'>Bài liên quan khác</a></p></div>"
    )
    article = read_ending(related + rail)
    assert [url.rsplit("-", 1)[-1] for url in article.related_urls] == ["166226.html", "161978.html"]
    assert "đọc nhiều" not in article.text.casefold() and "Tin mới" not in article.text
    after = "<ul class='related'><li><a href='/lien-quan-sau-155555.html'>Bài liên quan sau</a></li></ul>"
    later = read_ending(rail + after)
    assert [url.rsplit("-", 1)[-1] for url in later.related_urls] == ["155555.html"]


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Phương Lê · 10:10 | 10/10/2024", "Phương Lê"),
        ("Phương Lê • 10/10/2024 10:10", "Phương Lê"),
        ("Phương Lê | 10/10/2024 10:10", "Phương Lê"),
        ("Hà Nội | 10/10/2024 10:10", None),
        ("Thời sự | 10/10/2024 10:10", None),
        ("Thứ Năm, 10/10/2024 10:10", None),
        ("Cập nhật: 10:10 | 10/10/2024", None),
        ("Hà Nội, 10:10 | 10/10/2024", None),
        ("Hà Nội · 10:10 | 10/10/2024", None),
        ("TTXVN - 10:10 | 10/10/2024", None),
        ("Thời Đại · 10:10 | 10/10/2024", None),
    ],
    ids=[
        "a-name-and-a-dot",
        "a-name-and-a-bullet",
        "a-name-and-a-bar",
        "a-place-and-a-bar",
        "a-category-and-a-bar",
        "a-weekday",
        "an-update-label",
        "a-place-and-a-comma",
        "a-place-and-a-dot",
        "an-outlet",
        "the-site",
    ],
)
def test_a_name_that_opens_the_date_line_under_the_headline_is_the_author(
    line: str, author: str | None
) -> None:
    page = headline_page(below=f"<p class='m7'>{line}</p>")
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert (article.author, article.published_at) == (author, "2024-10-10T10:10:00+07:00")


@pytest.mark.parametrize(
    "credits",
    ["<p>Thiết kế: Hà Phương - Nguồn: TTXVN</p>", "<p>Đồ họa: Hà Phương</p><p>Nguồn: TTXVN</p>", ""],
    ids=["one-line", "two-lines", "none"],
)
def test_an_infographic_with_its_credits_alone_is_no_article(credits: str) -> None:
    page = (
        "<html><body><h1 class='article-detail-title'>[Infographic] 60 năm quan hệ ngoại giao Việt Nam - Lào</h1>"
        f"<div class='__MASTERCMS_CONTENT'><p><img src='/stores/info-60-nam.png'></p>{credits}</div></body></html>"
    )
    with pytest.raises(NotAnArticle) as refused:
        read_page(page, "https://thoidai.com.vn/infographic-60-nam-123456.html")
    assert refused.value.reason == "infographic"


@pytest.mark.parametrize(
    ("ending", "author"),
    [
        (
            "<p style='text-align:right'><strong>Hồng Anh</strong></p><p><strong>Tài liệu tham khảo</strong></p>"
            "<p>Bộ Ngoại giao, Chiến lược Ngoại giao Văn hóa đến năm 2020, Hà Nội, 2011.</p>",
            "Hồng Anh",
        ),
        (
            "<p style='text-align:right'><strong>Ted Osius</strong><br><em>Đại sứ Hoa Kỳ tại Việt Nam</em></p>"
            "<p>Chú thích:</p><p>* Số liệu năm 1995 theo Cục Thống kê Hoa Kỳ.</p>",
            "Ted Osius",
        ),
        (
            "<p style='text-align:right'><strong>Ted Osius</strong></p>"
            "<p style='text-align:right'><em>Đại sứ Hoa Kỳ tại Việt Nam</em></p>",
            "Ted Osius",
        ),
    ],
    ids=["references-after-the-signature", "notes-after-a-name-over-its-office", "an-office-under-the-name"],
)
def test_a_signature_before_the_notes_or_over_its_office_signs_the_article(ending: str, author: str) -> None:
    """Notes or references close an article after its byline and stay in the text; an office under the
    signed name says what the writer is."""
    article = read_ending(ending)
    assert article.author == author and author not in article.text
    if "Chú thích" in ending or "Tài liệu" in ending:
        assert article.text.splitlines()[-2] in {"Tài liệu tham khảo", "Chú thích:"}


PAPER_AUTHORS = (
    "NCS. HOÀNG ANH THƯ (Giảng viên, Khoa Kinh tế Việt Mỹ, Trường Đại học Duy Tân) - "
    "PGS.TS. PHAN THANH HẢI (Hiệu trưởng Trường Kinh tế, Trường Đại học Duy Tân)"
)


def test_a_papers_line_of_authors_over_its_abstract_is_its_byline_and_no_lead() -> None:
    """A research journal of the family prints its authors, with their titles and places of work, in bold
    over the abstract."""
    body = f"<p><strong>{PAPER_AUTHORS}</strong></p><p><strong>TÓM TẮT:</strong></p>{PARAGRAPHS}"
    page = f"<html><body><h1 class='article-detail-title'>Tin chính</h1><div class='__MASTERCMS_CONTENT'>{body}</div></body></html>"
    article = read_page(page, "https://tapchicongthuong.vn/bai-viet/tin-chinh-84147.htm").article
    assert article.author == "NCS. HOÀNG ANH THƯ - PGS.TS. PHAN THANH HẢI"
    assert (article.sapo, article.text.splitlines()[1]) == ("", "TÓM TẮT:")


def test_a_papers_signed_author_over_its_labelled_abstract_and_the_head_description_of_that_abstract() -> (
    None
):
    """A paper's author set as a signature at the top, the place of work under it, then "Tóm tắt: …" whose
    start the head's description repeats: the author is the byline, and the abstract is said once, where
    the body says it."""
    abstract = (
        "Khởi nghiệp tạo ra một làn sóng mới và trở thành nền tảng quan trọng đối với phát triển kinh tế."
    )
    head = f"<head><meta name='description' content='{abstract}'></head>"
    body = (
        "<p style='text-align:right'><strong>ThS. NGUYỄN THỊ THU HÀ</strong><br><em>Trường Đại học Thương mại</em></p>"
        f"<p><strong>Tóm tắt:</strong> {abstract} Các nỗ lực hỗ trợ khởi nghiệp đã đạt được nhiều thành tựu.</p>"
        f"{PARAGRAPHS}"
    )
    page = (
        f"<html>{head}<body><h1 class='article-detail-title'>Tin chính</h1>"
        f"<div class='__MASTERCMS_CONTENT'>{body}</div></body></html>"
    )
    article = read_page(page, "https://tapchicongthuong.vn/tin-chinh-103441.htm").article
    assert (article.author, article.sapo) == ("ThS. NGUYỄN THỊ THU HÀ", "")
    assert article.text.splitlines()[1].startswith("Tóm tắt: Khởi nghiệp")
    assert "Trường Đại học Thương mại" not in article.text


def test_a_titled_name_signing_an_epigraph_is_no_papers_author() -> None:
    epigraph = (
        "<p style='text-align:center'><em>“Dân ta phải biết sử ta, cho tường gốc tích nước nhà Việt Nam”</em></p>"
        "<p style='text-align:right'><em>GS. Trần Văn Giàu</em></p>"
    )
    page = headline_page("__MASTERCMS_CONTENT").replace(
        "<div class='__MASTERCMS_CONTENT'>", f"<div class='__MASTERCMS_CONTENT'>{epigraph}"
    )
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert article.author is None and "GS. Trần Văn Giàu" in article.text


@pytest.mark.parametrize(
    "ending",
    [
        "<p style='text-align:right;font-style:italic'>Việt Nam ơi, mùa xuân đã về trên khắp mọi miền đất nước</p>",
        "<p style='text-align:right'><em>Việt Nam ơi, mùa xuân đã về trên khắp mọi miền đất nước</em></p>",
    ],
    ids=["italic-by-style", "italic-by-tag"],
)
def test_a_line_of_verse_set_as_a_signature_signs_nothing(ending: str) -> None:
    article = read_ending(ending)
    assert article.author is None and article.text.splitlines()[-1].startswith("Việt Nam ơi")


@pytest.mark.parametrize(
    "ending", ["<p>‹ ›</p>", "<p>* * *</p>", "<p>“</p>"], ids=["arrows", "stars", "a-quote"]
)
def test_a_last_line_of_no_letter_leaves_a_body_read_from_markup(ending: str) -> None:
    article = read_ending(ending)
    assert any(char.isalnum() for char in article.text.splitlines()[-1])


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (PAPER_AUTHORS, "NCS. HOÀNG ANH THƯ - PGS.TS. PHAN THANH HẢI"),
        ("PGS.TS. Nguyễn Văn An, TS. Trần Thị Bình", "PGS.TS. Nguyễn Văn An - TS. Trần Thị Bình"),
        ("TS. Lê Hồng Hiệp (Viện ISEAS)", "TS. Lê Hồng Hiệp"),
        ("TS. Lê Hồng Hiệp", None),
        ("TS. Lê Hồng Hiệp phát biểu", None),
        ("Bài: Minh Anh", None),
    ],
)
def test_what_reads_as_a_papers_authors(line: str, authors: str | None) -> None:
    assert academic_byline(line) == authors


ENGLISH_PAGE = (
    "<html lang='en'><body><h1 class='detail-title'>Vietnam and Laos sign a border trade deal</h1>"
    "<span class='format_date'>May 12, 2025 | 03:20 PM</span><div class='__MASTERCMS_CONTENT'>"
    + "".join(
        f"<p>Paragraph {n} of the story tells how the two countries agreed to open new border markets.</p>"
        for n in range(1, 4)
    )
    + "</div><div class='box-related'><h3>Related news</h3><ul>"
    "<li><a href='https://vietnamtimes.org.vn/hanoi-hosts-friendship-week-61234.html'>Hanoi hosts a week</a></li>"
    "<li><a href='https://vietnamtimes.org.vn/lao-students-receive-grants-61235.html'>Lao students</a></li>"
    "</ul></div></body></html>"
)


@pytest.mark.parametrize(
    "line",
    ["12/05/2025 10:20 | Cập nhật: 15/05/2025 08:00", "Cập nhật: 08:00 15/05/2025 | Đăng: 10:20 12/05/2025"],
)
def test_a_date_line_that_gives_both_times_gives_the_update_time(line: str) -> None:
    page = headline_page(below=f"<div class='time-row'>{line}</div>")
    article = read_page(page, "https://baoquocte.vn/tin-chinh-312345.html").article
    assert (article.published_at, article.modified_at) == (
        "2025-05-12T10:20:00+07:00",
        "2025-05-15T08:00:00+07:00",
    )


SEO_TITLE = "Thái Bình: Ra mắt Hội hữu nghị Việt Nam - Nhật Bản nhiệm kỳ 2025 - 2030"
SHOWN_TITLE = "Hội hữu nghị Việt Nam - Nhật Bản tỉnh Thái Bình ra mắt"


@pytest.mark.parametrize("h1", ["h1 class='detail-title'", "h1 class='k9'"], ids=["known-class", "any-h1"])
def test_the_headline_the_page_shows_wins_over_the_heads_seo_variant(h1: str) -> None:
    """MasterCMS keeps an SEO title apart from the headline: og:title and JSON-LD reword what the page shows."""
    head = (
        f"<head><meta property='og:title' content='{SEO_TITLE}'><script type='application/ld+json'>"
        f'{{"@type": "NewsArticle", "headline": "{SEO_TITLE}"}}</script></head>'
    )
    page = f"<html>{head}<body><{h1}>{SHOWN_TITLE}</h1><div class='__MASTERCMS_CONTENT'>{PARAGRAPHS}</div></body></html>"
    assert read_page(page, "https://thoidai.com.vn/ra-mat-212345.html").article.title == SHOWN_TITLE


def test_json_ld_that_describes_another_article_is_not_read() -> None:
    """A template's stale JSON-LD names another article's address: its headline and dates are that one's."""
    ld = (
        '{"@type": "NewsArticle", "headline": "Sinh viên Campuchia đón Tết cổ truyền tại Cần Thơ",'
        ' "mainEntityOfPage": "https://thoidai.com.vn/sinh-vien-campuchia-201111.html",'
        ' "datePublished": "2024-04-12T09:00:00+07:00", "dateModified": "2024-04-12T10:00:00+07:00"}'
    )
    page = headline_page(
        "__MASTERCMS_CONTENT", below="<span class='format_date'>10:20 | 12/05/2025</span>"
    ).replace("<body>", f"<head><script type='application/ld+json'>{ld}</script></head><body>")
    reading = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html")
    article = reading.article
    assert (article.title, article.published_at, article.modified_at) == (
        "Tin chính",
        "2025-05-12T10:20:00+07:00",
        None,
    )
    assert any("another article" in note for note in reading.extraction.notes)


@pytest.mark.parametrize(
    ("shown", "published"),
    [
        ("14:05 | 03/09/2019", "2019-09-03T14:05:00+07:00"),
        ("09:05 | 03/01/2026", "2026-01-03T08:00:00+07:00"),
        ("15:00 | 03/01/2026", "2026-01-03T15:00:00+07:00"),
        ("01:00 | 03/01/2026", "2026-01-03T01:00:00+07:00"),
        ("10:00 | 03/01/2026", "2026-01-03T08:00:00+07:00"),
        ("15:01 | 03/01/2026", "2026-01-03T08:00:00+07:00"),
        ("Cập nhật: 14:05 | 03/09/2019", "2026-01-03T08:00:00+07:00"),
        ("03/09/2019", "2026-01-03T08:00:00+07:00"),
    ],
    ids=[
        "years-apart",
        "an-hour-apart",
        "utc-labelled-vietnam-time",
        "vietnam-time-labelled-utc",
        "two-hours-apart",
        "hours-and-a-minute-apart",
        "an-update-line",
        "a-day-alone",
    ],
)
def test_the_date_line_shown_wins_over_a_head_time_days_away_from_it(shown: str, published: str) -> None:
    """A head that states when the page was rendered (or another article's time) is days away from the
    date line the page shows, and one that writes its zone wrong is seven hours away at the same minute:
    the reader's date wins; near it otherwise (two hours: the line may give the update), or against a line
    that gives the update time or no time, the head's stands."""
    page = headline_page("__MASTERCMS_CONTENT", below=f"<span class='format_date'>{shown}</span>").replace(
        "<body>",
        "<head><meta property='article:published_time' content='2026-01-03T08:00:00+07:00'></head><body>",
    )
    assert read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.published_at == published


@pytest.mark.parametrize(
    ("shown", "published", "modified"),
    [
        ("10:20 | 12/05/2025", "2025-05-12T10:20:00+07:00", "2025-05-13T09:00:00+07:00"),
        ("Cập nhật: 10:20 | 12/05/2025", "2025-05-12T10:20:00+07:00", "2025-05-13T09:00:00+07:00"),
        ("03:21 | 12/05/2025", "2025-05-12T03:20:00+07:00", "2025-05-13T02:00:00+07:00"),
    ],
    ids=["date-line", "lone-update-label", "a-minute-apart"],
)
def test_a_head_that_writes_its_zone_wrong_does_so_for_both_times(
    shown: str, published: str, modified: str
) -> None:
    """A head that writes UTC as +07:00 puts both its times seven hours early: the date line the page
    shows gives the zone, a lone "Cập nhật:" date line included (on the family's pages it is the
    publication time); a head time that is no whole hours from the line stands, and so does its update."""
    head = (
        "<head><meta property='article:published_time' content='2025-05-12T03:20:00+07:00'>"
        "<meta property='article:modified_time' content='2025-05-13T02:00:00+07:00'></head>"
    )
    page = headline_page("__MASTERCMS_CONTENT", below=f"<span class='format_date'>{shown}</span>").replace(
        "<body>", f"{head}<body>"
    )
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert (article.published_at, article.modified_at) == (published, modified)


def test_an_english_editions_page_reads_its_language_date_and_related_box() -> None:
    """A sister site's English edition: its text is English, its date spells the month out with the half of
    the day, its related box says "Related news"."""
    article = read_page(ENGLISH_PAGE, "https://vietnamtimes.org.vn/vietnam-and-laos-sign-61200.html").article
    assert (article.language, article.published_at) == ("en", "2025-05-12T15:20:00+07:00")
    assert [url.rsplit("-", 1)[-1] for url in article.related_urls] == ["61234.html", "61235.html"]


@pytest.mark.parametrize(
    "ending",
    [
        "<p style='text-align:right'><strong>Thu Hoai</strong></p><p>Source: hanoimoi.com.vn</p>",
        "<p style='text-align:right'><strong>Thu Hoai</strong></p><div class='article-detail-source'>Source: hanoimoi.com.vn</div>",
    ],
    ids=["source-line", "source-box"],
)
def test_an_english_editions_source_line_is_its_source(ending: str) -> None:
    page = ENGLISH_PAGE.replace("</div><div class='box-related'>", f"{ending}</div><div class='box-related'>")
    article = read_page(page, "https://vietnamtimes.org.vn/vietnam-and-laos-sign-61200.html").article
    assert (article.author, article.source) == ("Thu Hoai", "hanoimoi.com.vn")
    assert "Source" not in article.text and "Thu Hoai" not in article.text


def test_a_vietnamese_text_is_vietnamese_whatever_its_template_declares() -> None:
    article = read_page(
        headline_page(html=" lang='en'"), "https://thoidai.com.vn/tin-chinh-212345.html"
    ).article
    assert article.language == "vi"


@pytest.mark.parametrize("name", LISTINGS)
def test_listing_page_says_listing_with_its_entries(name: str) -> None:
    with pytest.raises(NotAnArticle) as raised:
        EXTRACTOR.extract(html(name), case(name)["fetched_url"])
    assert raised.value.reason == "listing"
    page = parse_listing(html(name).decode("utf-8"), case(name)["fetched_url"])
    assert (len(page.entries), page.next_url) == (
        case(name)["listing"]["entries"],
        case(name)["listing"]["next_url"],
    )


def test_listing_in_unknown_markup_is_a_listing_not_no_title() -> None:
    unknown = html("netbiz_listing").replace(b"__MB_LIST_ITEM", b"news-list")
    with pytest.raises(NotAnArticle) as raised:
        EXTRACTOR.extract(unknown, case("netbiz_listing")["fetched_url"])
    assert raised.value.reason == "listing"


# --- the generic rules one by one ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "names", "host", "headline"),
    [
        ("Bạc Liêu phối hợp - Netbiz", [], "netbiz.net.vn", "Bạc Liêu phối hợp"),
        ("Tin A | Kinh tế & Đô thị", [], "kinhtedothi.vn", "Tin A"),
        ("Tin B | Báo Hải quan", ["Báo Hải quan"], "haiquanonline.com.vn", "Tin B"),
        ("Việt Nam - Panama hướng tới 50 năm", [], "netbiz.net.vn", "Việt Nam - Panama hướng tới 50 năm"),
        ("Hợp tác Việt - Lào - Thời Đại", [], "thoidai.com.vn", "Hợp tác Việt - Lào"),
        ("Tin C | Báo Thời Đại", [], "thoidai.com.vn", "Tin C"),
        ("Tin D - Báo điện tử Hải quan", [], "haiquanonline.com.vn", "Tin D"),
        (
            "Tin E | Báo Hải quan - Cơ quan ngôn luận của Tổng cục Hải quan",
            [],
            "haiquanonline.com.vn",
            "Tin E",
        ),
        ("Tin F - Tạp chí điện tử Sức khỏe Việt", ["Sức khỏe Việt"], "suckhoeviet.org.vn", "Tin F"),
        ("Thời Đại - Thời cơ", [], "thoidai.com.vn", "Thời Đại - Thời cơ"),
        ("Hà Nội - Phố cổ", [], "baohanoi.vn", "Hà Nội - Phố cổ"),
        (
            "Việt Nam - Lào ký kết thỏa thuận hợp tác thương mại biên giới",
            ["Báo Công Thương"],
            "congthuong.vn",
            "Việt Nam - Lào ký kết thỏa thuận hợp tác thương mại biên giới",
        ),
        ("Tin G | Báo Công Thương", [], "congthuong.vn", "Tin G"),
        ("Vietnam - Laos trade fair opens", [], "en.congthuong.vn", "Vietnam - Laos trade fair opens"),
    ],
)
def test_title_tag_loses_only_the_site_name(title: str, names: list[str], host: str, headline: str) -> None:
    assert without_site_name(title, names, host) == headline


@pytest.mark.parametrize(
    "logo",
    [
        "<header><h1><a href='/'>Báo</a></h1></header>",
        "<div class='logo'><h1><span>Báo Thời Đại</span></h1></div>",
        "<div id='site-title'><h1 class='x'>Báo</h1></div>",
        "<div class='top'><h1><a href='https://thoidai.com.vn/'><img alt='Báo'>Báo</a></h1></div>",
    ],
)
def test_prominent_h1_skips_the_logo(logo: str) -> None:
    node = prominent_h1(parse_page(f"{logo}<div><h1 class='x'>Tin chính</h1></div>"))
    assert node is not None and node.text == "Tin chính"


@pytest.mark.parametrize("amp", ["", " amp"])
def test_a_page_no_title_selector_knows_takes_the_prominent_h1_not_the_logo(amp: str) -> None:
    """Only the generic rule reads a headline of unknown class: the first `h1` of the page may be the logo."""
    page = headline_page(above="<h1 class='logo'><a href='/'>Báo</a></h1>", html=amp)
    extraction = EXTRACTOR.extract(page, "https://example.vn/tin-chinh-123.html")
    assert (extraction.article.title, extraction.sources["title"]) == ("Tin chính", "generic")


def test_an_articles_own_header_holds_its_headline() -> None:
    page = "<header><h1>Báo</h1></header><main><article><header><h1>Tin chính</h1></header></article></main>"
    node = prominent_h1(parse_page(page))
    assert node is not None and node.text == "Tin chính"


def test_page_with_h1_and_container_is_never_refused() -> None:
    page = (
        "<html><body><h1 class='headline-new'>Tiêu đề mới</h1><div class='__MASTERCMS_CONTENT'>"
        "<p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-moi-123456.html")
    assert (result.article.title, result.sources["title"]) == ("Tiêu đề mới", "generic")


HEADLINE_NO_RULE_KNOWS = (
    "<html><head>{head}</head><body><div class='logo'><a href='/'>Báo Mới</a></div>"
    "<ul class='rail'><li><a href='/giao-luu-12345.html'>{title}</a></li></ul>"
    "<div class='detail'><{tag} class='ttl'>{title}</{tag}><span>14:30 | 12/05/2023</span><div class='noidung'>"
    + "".join(
        f"<p>Đoạn {i} kể về hoạt động đối ngoại nhân dân của tỉnh trong năm qua, đáng ghi nhận.</p>"
        for i in range(5)
    )
    + "</div></div></body></html>"
)
TITLE_SHOWN = "Giao lưu văn hóa Việt - Lào tại Hà Nội"
LONG_HEADLINE = (
    "Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức gặp mặt bạn bè quốc tế nhân dịp kỷ niệm 78 năm"
    " Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"
)
BODY = "".join(
    f"<p>Đoạn {i} kể về hoạt động đối ngoại nhân dân của tỉnh trong năm qua, đáng ghi nhận.</p>"
    for i in range(5)
)


@pytest.mark.parametrize(
    "head",
    [
        f"<title>{TITLE_SHOWN} - Báo Mới</title>",
        f"<title>{TITLE_SHOWN} | Báo Mới</title>",
        f"<meta property='og:title' content='{TITLE_SHOWN}'><title>Báo Mới</title>",
    ],
)
@pytest.mark.parametrize("tag", ["h2", "div"])
def test_a_headline_the_page_head_names_and_the_page_shows_is_the_title(head: str, tag: str) -> None:
    """No `h1`, no known class, no container: the page head's title, where the page shows that very text
    (not as a link), is the headline, and the date beside it is read."""
    page = HEADLINE_NO_RULE_KNOWS.format(head=head, tag=tag, title=TITLE_SHOWN)
    result = EXTRACTOR.extract(page, "https://baomoi.example/giao-luu-12345.html")
    assert (result.article.title, result.sources["title"]) == (TITLE_SHOWN, "meta")
    assert result.article.published_at == "2023-05-12T14:30:00+07:00"


def test_a_headline_shown_wrapped_and_again_lower_down_is_the_one_by_its_date() -> None:
    """Markup that wraps the headline over lines still shows it; a later copy (a share box) is not it."""
    wrapped = TITLE_SHOWN.replace(" - Lào ", " - Lào\n      ")
    page = HEADLINE_NO_RULE_KNOWS.format(
        head=f"<title>{TITLE_SHOWN} - Báo Mới</title>", tag="h2", title=wrapped
    )
    page = page.replace(
        "</body>", f"<div class='share'><div>{TITLE_SHOWN}</div><span>02/01/2020</span></div></body>"
    )
    result = EXTRACTOR.extract(page, "https://baomoi.example/giao-luu-12345.html")
    assert (result.article.title, result.article.published_at) == (TITLE_SHOWN, "2023-05-12T14:30:00+07:00")


def test_a_head_title_shown_only_as_a_link_names_no_article() -> None:
    page = HEADLINE_NO_RULE_KNOWS.format(
        head=f"<title>{TITLE_SHOWN} - Báo Mới</title>", tag="h2", title="Khác"
    )
    with pytest.raises(NotAnArticle) as refused:
        EXTRACTOR.extract(
            page.replace("Khác</a>", f"{TITLE_SHOWN}</a>"), "https://baomoi.example/x-12345.html"
        )
    assert refused.value.reason == "no_title"


def test_date_line_near_the_title_and_lead_by_class() -> None:
    page = (
        "<html><body><h1>Tiêu đề</h1><div class='info'><span>Cập nhật: 14:30 | 24/06/2022</span></div>"
        "<div class='NewsLeadText'>Một đoạn mở đầu đủ dài để là sapo của bài báo này.</div>"
        "<div class='__MASTERCMS_CONTENT'><p>Ngày 12/5/2021 là một ngày khác trong thân bài.</p>"
        "<p>Đoạn hai.</p></div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert result.article.published_at == "2022-06-24T14:30:00+07:00"
    assert result.article.sapo == "Một đoạn mở đầu đủ dài để là sapo của bài báo này."
    assert (result.sources["published_at"], result.sources["sapo"]) == ("generic", "generic")


def test_htmldate_is_the_last_resort_for_the_date() -> None:
    page = (
        "<html><head><meta name='citation_date' content='2023-05-04'></head><body><h1>Tiêu đề</h1>"
        "<div class='__MASTERCMS_CONTENT'><p>Đoạn một.</p><p>Đoạn hai.</p></div></body></html>"
    )
    assert htmldate_of(parse_page(page)) == "2023-05-04T00:00:00+07:00"
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert (result.article.published_at, result.sources["published_at"]) == (
        "2023-05-04T00:00:00+07:00",
        "htmldate",
    )


def test_the_files_a_page_loads_date_no_article() -> None:
    """A stylesheet's or a script's version, a photo's upload folder: htmldate, the last resort, would take
    any for the day; the page's own address (a canonical link) still dates it."""
    assets = (
        "<link rel='stylesheet' href='https://static.thoidai.com.vn/css/main.min.css?v=20240912'>"
        "<script src='/js/app.js?ver=2024-09-12'></script>"
    )
    body = (
        "<h1>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'><p>Đoạn một.</p>"
        "<img src='/stores/news_dataimages/2024/092024/12/10/anh.jpg'><p>Đoạn hai.</p></div>"
    )
    assert htmldate_of(parse_page(f"<html><head>{assets}</head><body>{body}</body></html>")) is None
    canonical = "<link rel='canonical' href='https://example.vn/2023/05/04/tieu-de/'>"
    page = f"<html><head>{assets}{canonical}</head><body>{body}</body></html>"
    assert htmldate_of(parse_page(page)) == "2023-05-04T00:00:00+07:00"


def test_a_page_that_shows_no_date_takes_none_from_the_events_its_sentences_tell() -> None:
    """ "Sáng 15/3/2024, …" in the sapo and the body tells the day of an event: htmldate, the last resort,
    reads the page without its sentences, and finds no day the page shows for itself."""
    page = (
        "<html><body><h1>Kỷ niệm 74 năm Ngày truyền thống</h1><div class='x-desc'>Sáng 15/3/2024, tại Hà Nội, "
        "Liên hiệp các tổ chức hữu nghị Việt Nam tổ chức lễ kỷ niệm 74 năm ngày thành lập.</div>"
        "<div class='__MASTERCMS_CONTENT'><p>Chiều 20/11/2023, Liên hiệp đã phối hợp với các cơ quan liên quan "
        "tổ chức nhiều hoạt động ý nghĩa như chương trình Ươm mầm hữu nghị.</p><p>Đoạn hai.</p></div>"
        "</body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/ky-niem-74-nam-190123.html")
    assert result.article.published_at is None and "published_at" not in result.sources


def test_a_follow_bar_between_the_date_line_and_the_headline_leaves_the_date_to_the_line() -> None:
    page = (
        "<html><body><div class='x-time'>10:20 | 16/03/2024</div><div class='x-follow'>Theo dõi thoidai.com.vn"
        " trên Google News</div><h1>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'><p>Sáng 15/3/2024, một sự "
        "kiện diễn ra tại Hà Nội với sự tham dự của nhiều đại biểu trong nước và quốc tế.</p><p>Đoạn hai.</p>"
        "</div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert (result.article.published_at, result.sources["published_at"]) == (
        "2024-03-16T10:20:00+07:00",
        "generic",
    )


@pytest.mark.parametrize("update_first", [True, False])
def test_of_two_date_lines_the_one_labelled_as_the_update_gives_the_update_time(update_first: bool) -> None:
    lines = ["<span class='article-detail-date'>Cập nhật: 09:30 | 24/01/2023</span>",
             "<span class='article-detail-date'>07:12 | 23/01/2023</span>"]  # fmt: skip
    page = (
        f"<html><body>{''.join(lines if update_first else lines[::-1])}<h1 class='article-detail-title'>Tiêu đề"
        "</h1><div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></body></html>"
    )
    article = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html").article
    assert (article.published_at, article.modified_at) == (
        "2023-01-23T07:12:00+07:00",
        "2023-01-24T09:30:00+07:00",
    )
    alone = EXTRACTOR.extract(
        page.replace(lines[1], ""), "https://thoidai.com.vn/tieu-de-123456.html"
    ).article
    assert (alone.published_at, alone.modified_at) == ("2023-01-24T09:30:00+07:00", None)


def test_a_date_element_with_a_datetime_attribute_gives_it() -> None:
    """The site's own date element (not a bare `<time>`, which the head's layer reads first)."""
    page = (
        "<html><body><h1 class='article-detail-title'>Tiêu đề</h1><span class='article-detail-date' "
        "datetime='2024-03-14T10:20:00+07:00'>14/03/2024</span><div class='__MASTERCMS_CONTENT'><p>Đoạn một."
        "</p><p>Đoạn hai.</p></div></body></html>"
    )
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html").article.published_at == (
        "2024-03-14T10:20:00+07:00"
    )


def test_the_date_line_after_the_headline_comes_before_a_headers_today_farther_above() -> None:
    page = (
        "<html><body><div class='x-today'>Thứ Hai, 20/05/2024</div><div class='x-crumb'>Trang chủ</div>"
        "<h1>Tiêu đề</h1><div class='x-time'>14/03/2024 10:20</div><div class='__MASTERCMS_CONTENT'>"
        "<p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert result.article.published_at == "2024-03-14T10:20:00+07:00"


def test_a_long_date_line_with_its_time_is_no_prose_to_the_last_resort() -> None:
    line = "Đăng ngày 14/03/2024 lúc 10:20 bởi Ban biên tập Báo Thời Đại, chuyên mục Hữu nghị, tin chính thức"
    page = (
        f"<html><body><h1>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p>"
        f"<p>Đoạn hai của bài.</p></div><div class='x-info'>{line}</div></body></html>"
    )
    assert htmldate_of(parse_page(page)) == "2024-03-14T00:00:00+07:00"


TEASER_WITH_DATE = (
    "<div class='x7'><h3><a href='/bai-khac-100200.html'>Bài khác</a></h3><p><span>09:15 | 10/08/2024</span>"
    " <a href='/muc?by-date=2024-08-09'>Xem thêm</a></p></div>"
)


@pytest.mark.parametrize(
    ("above", "below", "date"),
    [
        ("<div class='q9'>14:30 | 24/06/2022 GMT+7</div>", "", "2022-06-24T14:30:00+07:00"),
        (
            "<div class='q9'>Cập nhật lúc 08:00 25/06/2022 | Xuất bản 14:30 24/06/2022</div>",
            "",
            "2022-06-24T14:30:00+07:00",
        ),
        ("", "<div class='q9'>14:30 | 24/06/22</div>", "2022-06-24T14:30:00+07:00"),
        (
            "<div class='q8'><a href='/bai-khac-100200.html'>Khai mạc hội chợ</a> 09:15 | 01/08/2024</div>",
            "<div class='q9'>14:30 | 24/06/2022</div>",
            "2022-06-24T14:30:00+07:00",
        ),
        ("", "", None),
    ],
    ids=["above-the-headline", "update-time-first", "two-digit-year", "ticker-above", "none-of-its-own"],
)
def test_the_articles_own_date_line_is_read_not_a_teasers(above: str, below: str, date: str | None) -> None:
    """A date line of any class above or below the headline is the article's; the dates of teasers in the
    rail after the body, of a ticker of links, of a listing's "more" link and a copyright year are not."""
    page = headline_page(above=above, below=below).replace(
        "</body>", f"<div class='rail'>{TEASER_WITH_DATE * 3}</div><div class='ft'>© 2023 Báo X</div></body>"
    )
    result = EXTRACTOR.extract(page, "https://baox.vn/tin-chinh-123.html")
    assert result.article.published_at == date


@pytest.mark.parametrize(
    "byline",
    [
        "<div class='tbnh-author-meta'><a href='/x'>Hải Yến</a></div>",
        "<div class='detail-infor'><a href='/tac-gia/hai-yen'>Hải Yến</a></div>",
        "<p class='AuthorName'>Bài và ảnh: Hải Yến</p>",
        "<div class='meta'><span class='by'>Hải Yến</span></div>",
    ],
)
def test_author_block_no_selector_names_is_the_generic_author(byline: str) -> None:
    page = (
        "<html><body><aside><ul><li class='writer'>Trần Văn Nam</li></ul></aside><h1>Tiêu đề</h1>"
        f"<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div>{byline}"
        "<div class='comment-list'><span class='comment-author'>Lê Văn Tám</span></div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert (result.article.author, result.sources["author"]) == ("Hải Yến", "generic")


def test_an_author_in_the_articles_own_header_is_read() -> None:
    page = (
        "<html><body><header><span class='author'>Ban Biên Tập</span></header><article><header><h1>Tiêu đề</h1>"
        "<span class='author'>Hải Yến</span></header><div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p>"
        "<p>Đoạn hai của bài.</p></div></article></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert (result.article.author, result.sources["author"]) == ("Hải Yến", "generic")


def test_names_in_comments_rails_and_teasers_are_no_author() -> None:
    page = (
        "<html><body><h1>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p>"
        "<p>Đoạn hai của bài.</p></div><div class='comments'><b class='author'>Lê Văn Tám</b></div>"
        "<aside><span class='author'>Trần Văn Nam</span></aside><ul><li><a href='/a-1.html'>Tin khác</a>"
        "<span class='author'>Phạm Thu</span></li></ul>"
        "<footer><a href='/tac-gia/ban-bien-tap'>Ban Biên Tập</a></footer></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert result.article.author is None and "author" not in result.sources


def test_a_teasers_author_is_not_the_articles_even_under_the_selectors_class() -> None:
    rail = (
        "<aside><article><h3><a href='/bai-khac-9.html'>Bài khác</a></h3>"
        "<div class='article-author'>Lê Văn Tám</div></article></aside>"
    )
    page = headline_page("__MASTERCMS_CONTENT").replace("</body>", f"{rail}</body>")
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tin-chinh-123.html")
    assert result.article.author is None and "author" not in result.sources


@pytest.mark.parametrize(
    "beside",
    [
        "<span class='job'>Phóng viên</span>",
        "<span>minhanh@thoidai.com.vn</span>",
        "<a href='/tac-gia/minh-anh.html'>Xem tất cả bài viết</a>",
    ],
    ids=["job-title", "e-mail", "see-all-link"],
)
@pytest.mark.parametrize("kind", ["article-detail-author", "detail-author"], ids=["known-block", "by-class"])
def test_an_author_block_names_only_its_author(beside: str, kind: str) -> None:
    """The selectors' author block and one known only by its class name an author beside other things."""
    linked = "Xem" not in beside and kind != "detail-author"
    name = "<a href='/tac-gia/minh-anh.html'>Minh Anh</a>" if linked else "<strong>Minh Anh</strong>"
    block = f"<div class='{kind}'>{name} {beside}</div>"
    page = headline_page("__MASTERCMS_CONTENT", below=block)
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tin-chinh-123.html").article.author == "Minh Anh"


@pytest.mark.parametrize(
    "photo",
    [
        "<table class='MASTERCMS_TPL_TABLE'><tr><td><img src='/cov.jpg'></td></tr>"
        "<tr><td>Quang cảnh Đại hội. (Ảnh: Thu Hà)</td></tr></table>",
        "<figure><img src='/cov.jpg'><figcaption>Quang cảnh Đại hội. (Ảnh: Thu Hà)</figcaption></figure>",
    ],
    ids=["image-table", "figure"],
)
def test_a_cover_photo_in_the_leads_box_is_not_the_lead_but_the_first_image(photo: str) -> None:
    lead = "<div class='article-detail-desc'><p>Sáng 12/5, Hội hữu nghị tổ chức Đại hội lần thứ nhất.</p>"
    body_photo = "<table class='MASTERCMS_TPL_TABLE'><tr><td><img src='/body.jpg'></td></tr></table>"
    page = headline_page("__MASTERCMS_CONTENT", below=f"{lead}{photo}</div>", ending=body_photo)
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert article.sapo == "Sáng 12/5, Hội hữu nghị tổ chức Đại hội lần thứ nhất."
    assert [(image.url.rsplit("/", 1)[-1], image.caption) for image in article.images] == [
        ("cov.jpg", "Quang cảnh Đại hội. (Ảnh: Thu Hà)"),
        ("body.jpg", ""),
    ]


def test_a_head_description_the_body_shows_further_in_is_no_lead() -> None:
    """A paper's abstract is the page's description and a paragraph under its "Tóm tắt:" label."""
    abstract = (
        "Khởi nghiệp tạo ra một làn sóng mới và trở thành nền tảng quan trọng đối với phát triển kinh tế."
    )
    body = f"<p>Tóm tắt:</p><p>{abstract}</p><p>Từ khóa: khởi nghiệp.</p>{PARAGRAPHS}"
    page = (
        f"<html><head><meta name='description' content='{abstract}'></head><body><h1 class='k1'>Tin chính</h1>"
        f"<div class='__MASTERCMS_CONTENT'>{body}</div></body></html>"
    )
    article = read_page(page, "https://tapchicongthuong.vn/tin-chinh-103441.html").article
    assert article.sapo == "" and article.text.count(abstract) == 1


def test_a_caption_that_names_the_person_the_headline_quotes_stays() -> None:
    photo = (
        "<table class='MASTERCMS_TPL_TABLE'><tr><td><img src='/le-hong-hiep.jpg'></td></tr>"
        "<tr><td>TS. Lê Hồng Hiệp</td></tr></table>"
    )
    page = headline_page("__MASTERCMS_CONTENT", ending=photo).replace(
        "Tin chính", "TS. Lê Hồng Hiệp: Đến lúc Việt Nam định vị mình là cường quốc hạng trung"
    )
    assert read_page(page, "https://baoquocte.vn/tin-chinh-76060.html").article.text.endswith(
        "TS. Lê Hồng Hiệp"
    )


def test_box_of_teasers_without_leads_is_not_the_lead() -> None:
    page = (
        "<html><body><h1>Tiêu đề</h1><div class='cat-grid no-desc'><h2>Tin liên quan</h2><article>"
        "<a href='/bai-khac-hoan-toan-123.html'>Một bài khác hoàn toàn với tiêu đề đủ dài để đọc</a></article>"
        "</div><div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div>"
        "</body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert result.article.sapo == "" and "sapo" not in result.sources


def test_paragraph_between_headline_and_body_is_the_last_resort_lead() -> None:
    lead = "Tối 14/1, tại Hà Nội đã diễn ra chương trình giao lưu hữu nghị giữa thanh niên hai nước."
    page = (
        "<html><body><h1 class='t1'>Tiêu đề</h1><div class='m2'><span class='c3'>08:15 | 15/01/2018</span>"
        "<p>Theo dõi Báo Thời Đại trên Google News</p>"
        "<figure><img src='/a.jpg'><figcaption>Một chú thích ảnh đủ dài để giống một câu văn.</figcaption>"
        f"</figure><div class='x4'><h3 class='f-16'><strong>{lead}</strong></h3></div></div>"
        "<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert (result.article.sapo, result.sources["sapo"]) == (lead, "generic")
    assert result.article.text.splitlines()[:2] == ["Tiêu đề", lead]
    in_header = (
        f"<html><body><article><header><h1>Tiêu đề</h1><p>{lead}</p></header>"
        "<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p></div></article></body></html>"
    )
    assert EXTRACTOR.extract(in_header, "https://thoidai.com.vn/tieu-de-123456.html").article.sapo == lead


def test_a_lead_before_a_body_no_selector_knows_is_kept() -> None:
    """baoquocte.vn sets its lead in `div.padB10 > h3.f-16 > strong` and its body in `div.viewsDtailContent`:
    the generic layer reads the body alone, and the lead between headline and body stays in the record."""
    lead = "TGVN. Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức hội nghị tổng kết công tác đối ngoại năm 2020."
    page = BODY_NO_SELECTOR_KNOWS.format(
        title="Liên hiệp hữu nghị tỉnh Nghệ An tăng cường hợp tác với Lào",
        first="Ngày 15/3, tại thành phố Vinh, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức hội nghị.",
        second="Theo báo cáo, trong năm qua Liên hiệp đã phối hợp tổ chức nhiều đoàn giao lưu hữu nghị.",
    ).replace(
        "</h1></div>", f"</h1><div class='padB10'><h3 class='f-16'><strong>{lead}</strong></h3></div></div>"
    )
    result = EXTRACTOR.extract(page, "https://baoquocte.vn/lien-hiep-huu-nghi-nghe-an-255555.html")
    assert result.fallback
    assert (result.article.sapo, result.sources["sapo"]) == (lead, "generic")
    assert result.article.text.splitlines()[1:3] == [
        lead,
        "Ngày 15/3, tại thành phố Vinh, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức hội nghị.",
    ]


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("<h2 class='author-title'><a href='/tac-gia/hai-yen'>Hải Yến/Báo Hải quan</a></h2>", "Hải Yến"),
        ("<div class='tbnh-author-meta'><a href='/x'>Hải Yến/Thời báo Ngân hàng</a></div>", "Hải Yến"),
        ("<p class='author'>Bài/ảnh: Hải Yến</p>", "Hải Yến"),
        ("<p class='author'>Hải Yến/TTXVN</p>", "Hải Yến"),
        ("<div class='article-detail-author'>Vân Anh/dulich.petrotimes.vn</div>", "Vân Anh"),
    ],
    ids=["haiquan", "thoibaonganhang", "credit-with-slash", "news-agency", "outlet-address"],
)
def test_the_outlet_after_a_slash_is_not_part_of_the_author(byline: str, author: str) -> None:
    """Sister sites print "Name/Outlet" in their author blocks (public scrapers of haiquanonline.com.vn and
    thoibaonganhang.vn split it on the slash)."""
    page = (
        "<html><body><h1 class='article-detail-title'>Tiêu đề</h1>"
        f"<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div>{byline}"
        "</body></html>"
    )
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html").article.author == author


@pytest.mark.parametrize(
    ("block", "author"),
    [
        ("Bài: Phương Lê<br>Ảnh: Quang Hòa", "Phương Lê"),
        ("Nội dung: Minh Anh - Thu Hà<br>Thiết kế: Lan Phương", "Minh Anh - Thu Hà"),
        ("<p>Phương Lê</p><p>Đồ họa: Quang Hòa</p>", "Phương Lê"),
    ],
    ids=["photo-credit", "design-credit-under-co-authors", "credit-paragraph"],
)
def test_an_author_blocks_lines_that_credit_other_hands_name_no_author(block: str, author: str) -> None:
    page = (
        "<html><body><h1 class='article-detail-title'>Tiêu đề</h1>"
        f"<div class='article-detail-author'>{block}</div>"
        "<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></body></html>"
    )
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html").article.author == author


@pytest.mark.parametrize(
    "signature",
    [
        "<div style='text-align:right;font-weight:bold'>Hoài Nam</div>",
        "<p style='text-align: right; font-style: italic'>Hoài Nam</p>",
    ],
    ids=["bold-by-style", "italic-by-style"],
)
def test_a_signature_set_in_bold_or_italic_by_its_style_signs_the_article(signature: str) -> None:
    """Set after the body's container, where only a signature's style tells it from a line of text."""
    page = headline_page("__MASTERCMS_CONTENT").replace("</div></body>", f"</div>{signature}</body>")
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert article.author == "Hoài Nam" and "Hoài Nam" not in article.text


@pytest.mark.parametrize(
    ("ending", "author"),
    [
        ("<p style='text-align:right'>C.Tin</p>", "C.Tin"),
        ("<p>V.H.</p>", "V.H."),
        ("<p>N.Hà (tổng hợp)</p>", "N.Hà"),
    ],
    ids=["right-aligned", "plain", "with-the-work-done"],
)
def test_a_name_written_by_its_initials_signs_the_article(ending: str, author: str) -> None:
    article = read_ending(ending)
    assert article.author == author and author not in article.text


def test_a_second_author_after_a_slash_stays() -> None:
    page = (
        "<html><body><h1 class='article-detail-title'>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'>"
        "<p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div><p class='author'>Hải Yến/Minh Anh</p></body></html>"
    )
    assert (
        EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html").article.author
        == "Hải Yến/Minh Anh"
    )


@pytest.mark.parametrize(
    "date",
    [
        "<span class='format_time'>10:15</span> | <span class='format_date'>15/03/2024</span>",
        "<span class='format_date'>15/03/2024</span> <span class='format_time'>10:15</span>",
    ],
)
def test_a_day_and_its_time_printed_apart_make_one_date(date: str) -> None:
    """`format_time` and `format_date` are separate spans on sister sites; without a parent that holds both,
    the day alone would say midnight."""
    page = (
        f"<html><body><div><h1>Tiêu đề</h1>{date}"
        "<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert result.article.published_at == "2024-03-15T10:15:00+07:00"


def test_an_article_element_with_the_cms_class_is_a_known_body() -> None:
    """enternews.vn wraps its body in `article.__MASTERCMS_CONTENT`, not a `div`."""
    page = (
        "<html><body><h1>Tiêu đề</h1><span>10:15 | 15/03/2024</span><article class='__MASTERCMS_CONTENT'><div>"
        "<p>Đoạn một của bài, đủ dài để là một đoạn văn.</p><p>Đoạn hai của bài.</p></div></article></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://enternews.vn/tieu-de-123456.html")
    assert (result.generation, result.fallback) == ("v2021", False)


BODY_NO_SELECTOR_KNOWS = (
    "<html><body><div class='sharefullColLeft'><div class='detailNews'><h1 class='titleDetailNews'>{title}</h1>"
    "</div><div class='viewsDtailContent'><p>{first}</p>"
    "<table class='__mb_article_in_image'><tr><td><a href='https://baoquocte.vn/giao-luu-huu-nghi-254444.html'>"
    "Giao lưu hữu nghị Việt - Lào</a></td></tr></table>"
    "<table class='MASTERCMS_TPL_TABLE'><tr><td><img src='/stores/news_dataimages/2.jpg'></td></tr>"
    "<tr><td>Quang cảnh hội nghị. (Ảnh: TL)</td></tr></table><p>{second}</p></div></div>"
    "<div class='sidebar'><img src='/stores/ads/banner.jpg'><ul>"
    "<li><a href='https://baoquocte.vn/tin-khac-255000.html'>Một tin khác trong cột bên</a></li></ul></div>"
    "</body></html>"
)


def test_a_body_read_by_the_generic_layer_keeps_its_images_and_related_links() -> None:
    """baoquocte.vn (older template) sets its body in `div.viewsDtailContent`, which no selector names: the
    generic layer reads the text, and the element holding that text gives the images and inline related
    boxes, not the side column."""
    page = BODY_NO_SELECTOR_KNOWS.format(
        title="Liên hiệp hữu nghị tỉnh Nghệ An tăng cường hợp tác với Lào",
        first="Ngày 15/3, tại thành phố Vinh, Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An tổ chức hội nghị.",
        second="Theo báo cáo, trong năm qua Liên hiệp đã phối hợp tổ chức nhiều đoàn giao lưu hữu nghị.",
    )
    result = EXTRACTOR.extract(page, "https://baoquocte.vn/lien-hiep-huu-nghi-nghe-an-255555.html")
    assert result.fallback and result.sources["images"] == "generic"
    assert [(image.url, image.caption) for image in result.article.images] == [
        ("https://baoquocte.vn/stores/news_dataimages/2.jpg", "Quang cảnh hội nghị. (Ảnh: TL)")
    ]
    assert result.article.related_urls == ["https://baoquocte.vn/giao-luu-huu-nghi-254444.html"]


def _entry_content_page(body: str) -> str:
    return (
        "<html><body><div class='menu'><a href='/'>Trang chủ</a></div><div class='wrap'>"
        "<h1 class='post-title'>Viện trợ phi chính phủ năm 2023 tăng mạnh so với năm trước</h1>"
        f"<div class='entry-content'>{body}</div></div><div class='sidebar'><h3>Đọc nhiều</h3><ul>"
        "<li><a href='/tin-khac-255000.html'>Một tin khác trong cột bên</a></li></ul></div></body></html>"
    )


def test_the_generic_layer_reads_a_data_tables_rows_as_the_markup_does() -> None:
    rows = "".join(
        f"<tr><td>{field}</td><td>{count}</td><td>{value}</td></tr>"
        for field, count, value in (
            ("Y tế", 112, "18,5"),
            ("Giáo dục", 87, "12,1"),
            ("Môi trường", 45, "9,8"),
        )
    )
    table = (
        "<table><caption>Viện trợ theo lĩnh vực năm 2023</caption>"
        f"<tr><th>Lĩnh vực</th><th>Số dự án</th><th>Giá trị (triệu USD)</th></tr>{rows}</table>"
    )
    paragraphs = "".join(
        f"<p>Đoạn {n} nói về tình hình viện trợ phi chính phủ nước ngoài trong năm qua tại các địa phương.</p>"
        for n in range(1, 4)
    )
    result = EXTRACTOR.extract(
        _entry_content_page(paragraphs + table), "https://example.vn/vien-tro-255601.html"
    )
    assert result.fallback
    assert result.article.text.splitlines()[-5:] == [
        "Viện trợ theo lĩnh vực năm 2023",
        "Lĩnh vực | Số dự án | Giá trị (triệu USD)",
        "Y tế | 112 | 18,5",
        "Giáo dục | 87 | 12,1",
        "Môi trường | 45 | 9,8",
    ]


def test_the_generic_layer_reads_a_brief_whose_one_long_line_is_its_first() -> None:
    brief = (
        "<p>Chiều 15/10, Phó Chủ tịch Liên hiệp tiếp Đoàn đại biểu Hội hữu nghị Nhật - Việt tỉnh Aichi.</p>"
        "<p>Đoàn ở Việt Nam đến ngày 20/10.</p><p>Buổi tiếp diễn ra thân mật.</p>"
    )
    result = EXTRACTOR.extract(_entry_content_page(brief), "https://example.vn/tiep-doan-255602.html")
    assert result.article.text.splitlines()[-2:] == [
        "Đoàn ở Việt Nam đến ngày 20/10.",
        "Buổi tiếp diễn ra thân mật.",
    ]


PRINT_VIEW = (
    "<html><head><title>In bài viết</title></head><body><div class='article-detail'>"
    "<h1 class='bx-title'>Tiêu đề bài</h1><div class='__MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER'>"
    "<p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div></div>"
    "<div class='link_print'><p>URL: https://netbiz.net.vn/tieu-de-bai-1650.html</p></div>"
    "<input type='hidden' name='__printURL' value='https://netbiz.net.vn/tieu-de-bai-1650.html'></body></html>"
)


@pytest.mark.parametrize(
    ("fetched", "url"),
    [
        (
            "https://netbiz.net.vn/apicenter@/print_article&i=1650",
            "https://netbiz.net.vn/tieu-de-bai-1650.html",
        ),
        ("https://netbiz.net.vn/apicenter@/print_article&i=1651", "https://netbiz.net.vn/1651.html"),
    ],
    ids=["its-own-address", "another-articles-address"],
)
def test_a_print_view_takes_the_address_it_states_of_its_own_article(fetched: str, url: str) -> None:
    """A print view has no canonical link and no slug in its address; it prints the article's address."""
    assert EXTRACTOR.extract(PRINT_VIEW, fetched).article.url == url


@pytest.mark.parametrize(
    ("headline", "shown", "title"),
    [
        (LONG_HEADLINE[:100].rstrip() + "…", LONG_HEADLINE, LONG_HEADLINE),
        (LONG_HEADLINE[:104].rstrip(), LONG_HEADLINE, LONG_HEADLINE),
        (TITLE_SHOWN, f"{TITLE_SHOWN}<span class='label'>Video</span>", TITLE_SHOWN),
        (TITLE_SHOWN, f"{TITLE_SHOWN} <span class='label'>Trực tiếp</span>", TITLE_SHOWN),
        (LONG_HEADLINE, f"{LONG_HEADLINE}<span class='label'>Video</span>", LONG_HEADLINE),
        (f"{TITLE_SHOWN}...", f"{TITLE_SHOWN}...<span class='label'>Video</span>", f"{TITLE_SHOWN}..."),
        (LONG_HEADLINE[:104].rstrip(), f"{LONG_HEADLINE[:104]}<em>{LONG_HEADLINE[104:]}</em>", LONG_HEADLINE),
    ],
    ids=[
        "cut-with-ellipsis",
        "cut-at-a-word",
        "label-after",
        "label-after-a-space",
        "label-after-a-long-whole-one",
        "label-after-one-ending-in-dots",
        "cut-before-an-emphasis",
    ],
)
def test_the_shown_headline_completes_a_json_ld_headline_only_where_that_was_cut(
    headline: str, shown: str, title: str
) -> None:
    """Sites cut JSON-LD headlines near 110 characters: the shown one is then the whole. A short headline is
    whole, and a label the page shows after it ("Video") is no part of the title."""
    ld = json.dumps({"@type": "NewsArticle", "headline": headline}, ensure_ascii=False)
    page = (
        f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
        f"<h1 class='detail-title'>{shown}</h1><div class='__MASTERCMS_CONTENT'>{BODY}</div></body></html>"
    )
    assert EXTRACTOR.extract(page, "https://baomoi.example/giao-luu-12345.html").article.title == title


@pytest.mark.parametrize(
    ("first", "author"),
    [
        ("Bài và ảnh: Trọng Tùng", "Trọng Tùng"),
        ("Bài và ảnh Trọng Tùng", "Trọng Tùng"),
        ("Tác giả: Minh Anh", "Minh Anh"),
        ("Trọng Tùng", None),
        ("Bài viết này kể về Trọng Tùng", None),
    ],
)
def test_a_labelled_byline_at_the_top_of_the_body_is_the_author(first: str, author: str | None) -> None:
    """Only a line labelled as a byline says so at the top of a body; a bare name there may be a heading."""
    page = headline_page("__MASTERCMS_CONTENT").replace(PARAGRAPHS, f"<p>{first}</p>{PARAGRAPHS}")
    article = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article
    assert article.author == author
    assert (first in article.text.split("\n")) is (author is None)


@pytest.mark.parametrize(
    "line",
    ["Tác giả: Minh Anh", "PV: Minh Anh | 10:30 12/05/2023", "10:30 12/05/2023 | Phóng viên: Minh Anh"],
)
def test_a_labelled_byline_under_the_headline_is_the_author_whatever_its_class(line: str) -> None:
    page = headline_page(below=f"<div class='k4'>{line}</div>")
    extraction = EXTRACTOR.extract(page, "https://example.vn/tieu-de-bai-viet-123.html")
    assert (extraction.article.author, extraction.sources["author"]) == ("Minh Anh", "generic")
    teaser = (
        f"<div class='article'><a href='/bai-khac-1234.html'>Bài khác</a><div class='k3'>{line}</div></div>"
    )
    other = page.replace(f"<div class='k4'>{line}</div>", teaser)
    assert EXTRACTOR.extract(other, "https://example.vn/tieu-de-bai-viet-123.html").article.author is None


@pytest.mark.parametrize(
    ("authors", "author"),
    [
        (
            '[{"@type": "Person", "name": "Minh Anh"}, {"@type": "Person", "name": "Thu Hà"}]',
            "Minh Anh, Thu Hà",
        ),
        (
            '[{"@type": "Organization", "name": "Báo Quốc tế"}, {"@type": "Person", "name": "Minh Anh"}]',
            "Minh Anh",
        ),
        ('"Minh Anh"', "Minh Anh"),
    ],
    ids=["two-people", "a-publisher-and-a-person", "a-name"],
)
def test_every_person_json_ld_names_as_author_is_the_author(authors: str, author: str) -> None:
    ld = f'<script type="application/ld+json">{{"@type": "NewsArticle", "author": {authors}}}</script>'
    page = headline_page("k2").replace("<html>", f"<html><head>{ld}</head>")
    assert EXTRACTOR.extract(page, "https://baoquocte.vn/tin-chinh-254999.html").article.author == author


@pytest.mark.parametrize(
    "ld",
    [
        '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Hồng Nhung"}, "datePublished": "2025-07-10T08:30:00+07:00"}',
        '{"@graph": [{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "author": {"@type": "Person",'
        ' "name": "Hồng Nhung"}, "datePublished": "2025-07-10T08:30:00+07:00"}}]}',
    ],
    ids=["the-article", "the-article-as-the-pages-main-entity"],
)
def test_json_ld_is_read_wherever_it_nests_the_article(ld: str) -> None:
    page = headline_page("k2").replace(
        "<html>", f"<html><head><script type='application/ld+json'>{ld}</script></head>"
    )
    article = EXTRACTOR.extract(page, "https://baoquocte.vn/tin-chinh-254999.html").article
    assert (article.author, article.published_at) == ("Hồng Nhung", "2025-07-10T08:30:00+07:00")


@pytest.mark.parametrize(
    "headline",
    [
        "<h2 class='title-news'>Ngân hàng đồng loạt giảm lãi suất cho vay</h2>",
        "<div class='k9'>Ngân hàng đồng loạt giảm lãi suất cho vay</div>",
        "<h1 class='logo'><a href='/'>Thời báo Ngân hàng</a></h1><h2>Ngân hàng đồng loạt giảm lãi suất cho vay</h2>",
    ],
    ids=["an-h2", "a-div", "after-the-sites-h1"],
)
def test_without_head_or_h1_the_headline_the_address_spells_is_the_title(headline: str) -> None:
    crumb = "<div class='k8'><a href='/ngan-hang-giam-lai-suat-cho-vay-154999.html'>Ngân hàng giảm lãi suất cho vay</a></div>"
    page = f"<html><body>{crumb}{headline}<div class='__MASTERCMS_CONTENT'>{PARAGRAPHS}</div></body></html>"
    result = EXTRACTOR.extract(page, "https://thoibaonganhang.vn/ngan-hang-giam-lai-suat-cho-vay-154999.html")
    assert (result.article.title, result.sources["title"]) == (
        "Ngân hàng đồng loạt giảm lãi suất cho vay",
        "generic",
    )


def test_a_slug_that_spells_no_shown_text_finds_no_headline() -> None:
    page = f"<html><body><div class='k9'>Tin khác hẳn</div><div class='__MASTERCMS_CONTENT'>{PARAGRAPHS}</div></body></html>"
    with pytest.raises(NotAnArticle) as raised:
        EXTRACTOR.extract(page, "https://thoibaonganhang.vn/ngan-hang-giam-lai-suat-cho-vay-154999.html")
    assert raised.value.reason == "no_title"


def test_a_microdata_author_is_the_author() -> None:
    byline = "<div class='k1' itemprop='author' itemscope><span itemprop='name'>Minh Anh</span></div>"
    page = headline_page(below=byline)
    extraction = EXTRACTOR.extract(page, "https://example.vn/tieu-de-bai-viet-123.html")
    assert (extraction.article.author, extraction.sources["author"]) == ("Minh Anh", "selectors")


@pytest.mark.parametrize(
    "box",
    [
        "<div class='k9'><b>Tin liên quan:</b><ul>{links}</ul></div>",
        "<p><strong>TIN LIÊN QUAN</strong></p><ul>{links}</ul>",
        "<h4>Xem thêm</h4><ul>{links}</ul>",
    ],
)
@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_a_related_box_in_the_body_takes_its_title_and_leaves_the_text_after_it(
    box: str, container: str
) -> None:
    """The title of a related box inside the body goes with the box: left behind, it would read as the
    related box that ends an article, and the paragraphs after it would go too."""
    links = "".join(
        f"<li><a href='/bai-lien-quan-so-{n}-{2000 + n}.html'>Bài liên quan số {n}</a></li>" for n in range(3)
    )
    after = "<p>Đoạn cuối của bài viết, sau hộp tin liên quan, một câu đủ dài để đọc.</p>"
    page = headline_page(container, ending=f"{box.format(links=links)}{after}")
    article = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article
    lines = read_page(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article.text.split("\n")
    assert lines[-1] == "Đoạn cuối của bài viết, sau hộp tin liên quan, một câu đủ dài để đọc."
    assert len(lines) == 5 and len(article.related_urls) == 3


@pytest.mark.parametrize(
    "widget",
    [
        "<div class='k7'><span>Quảng cáo</span><iframe src='https://ads.example/1'></iframe></div>",
        "<div class='k8'><a href='https://facebook.com/sharer'>Chia sẻ</a> <a href='https://twitter.com/share'>Tweet</a></div>",
        "<div class='k6'><span>A-</span> <span>A</span> <span>A+</span></div>",
    ],
)
@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_widgets_inside_the_body_leave_no_line_whatever_their_classes(widget: str, container: str) -> None:
    last = "<p>Đoạn cuối của bài viết, sau các tiện ích của trang, một câu đủ dài để đọc.</p>"
    page = headline_page(container, ending=f"{widget}{last}")
    lines = read_page(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article.text.split("\n")
    assert lines[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS), lines[-1]] and len(lines) == 5


def test_a_schema_org_microdata_breadcrumb_is_the_trail() -> None:
    items = "".join(
        f"<li itemprop='itemListElement' itemscope itemtype='https://schema.org/ListItem'>"
        f"<a itemprop='item' href='{href}'><span itemprop='name'>{name}</span></a></li>"
        for href, name in (
            ("/", "Trang chủ"),
            ("/huu-nghi", "Hữu nghị"),
            ("/huu-nghi/bon-phuong", "Bốn phương"),
        )
    )
    trail = f"<ol class='k5' itemscope itemtype='https://schema.org/BreadcrumbList'>{items}</ol>"
    page = headline_page(above=trail)
    extraction = EXTRACTOR.extract(page, "https://example.vn/tin-chinh-123.html")
    assert (extraction.article.section, extraction.sources["section"]) == (
        ["Hữu nghị", "Bốn phương"],
        "selectors",
    )


@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_an_unsigned_attribution_ending_the_body_is_the_source(container: str) -> None:
    page = headline_page(container, ending="<p>Minh Anh</p><p>(Theo Báo Nhân Dân)</p>")
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-123.html").article
    assert (article.author, article.source) == ("Minh Anh", "Báo Nhân Dân")
    assert "Theo" not in article.text


@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_a_box_of_tags_that_closes_the_body_gives_the_tags_and_a_linked_keyword_does_not(
    container: str,
) -> None:
    box = "<p>Tags: <a href='/tag/huu-nghi.html'>hữu nghị</a>, <a href='/tag/giao-luu.html'>giao lưu</a></p>"
    sentence = (
        "<p>Hoạt động này thắt chặt thêm tình <a href='/tag/huu-nghi.html'>hữu nghị</a> giữa hai nước.</p>"
    )
    for ending, tags in ((box, ["hữu nghị", "giao lưu"]), (sentence, [])):
        page = headline_page(container, ending=ending)
        article = read_page(page, "https://thoidai.com.vn/tin-chinh-123.html").article
        assert article.tags == tags
        assert ("Tags:" in article.text) is False


@pytest.mark.parametrize(
    "headline",
    [
        "Nâng cấp Quốc lộ 404 qua Quảng Nam",
        "Hơn 200 trang web lừa đảo đã bị xóa trong tháng 4",
        "Cầu Long Biên đang bảo trì",
        "Just a moment in time",
    ],
)
def test_a_dated_headline_that_names_a_404_or_a_removal_is_an_articles(headline: str) -> None:
    page = headline_page(below="<div class='k8'>10:20 | 12/05/2025</div>").replace("Tin chính", headline)
    assert EXTRACTOR.extract(page, "https://congthuong.vn/tin-chinh-123456.html").article.title == headline


@pytest.mark.parametrize(
    "message",
    [
        "Xin lỗi, trang bạn yêu cầu không tồn tại hoặc đã bị xóa",
        "Lỗi 404 - Không tìm thấy trang",
        "Hệ thống đang bảo trì",
        "Just a moment...",
    ],
    ids=["removed", "404", "maintenance", "bot-check"],
)
def test_an_undated_page_whose_heading_says_it_does_not_exist_is_a_soft_404(message: str) -> None:
    """An error page served with HTTP 200, or a page that stands in for the article for a while (a
    maintenance notice, a bot check): no article, and a later run asks for the page again."""
    page = f"<html><body><h1>{message}</h1><p>Quay lại <a href='/'>trang chủ</a>.</p></body></html>"
    with pytest.raises(NotAnArticle) as raised:
        EXTRACTOR.extract(page, "https://congthuong.vn/tin-chinh-123456.html")
    assert raised.value.reason == "soft_404"


GOES_ON = "<p>Đoạn kết của bài viết nói tiếp về định hướng phát triển trong giai đoạn tới của thành phố.</p>"


@pytest.mark.parametrize(
    "after",
    [
        "<div class='box-newsletter'><p><strong>Đăng ký nhận bản tin</strong></p><p>Nhận tin mới mỗi ngày qua"
        " email của bạn, nhập email và nhấn Đăng ký.</p></div>",
        "<div class='box-hotline'><p>Đường dây nóng tiếp nhận phản ánh của bạn đọc: 0983.123.456</p></div>",
        "<div class='vote-box'><p><strong>Bạn có quan tâm?</strong></p><p><a href='#'>Biểu quyết</a></p></div>",
        "<p><em>Mời quý độc giả theo dõi các video, phóng sự mới nhất của Báo Công Thương tại kênh Youtube.</em></p>",
        "<p><em>Bạn đang đọc bài viết <a href='/tin-chinh-349505.html'>Tin chính</a> tại chuyên mục Thị trường."
        " Mọi thông tin góp ý xin gửi về hòm thư toasoan@congthuong.vn</em></p>",
        "<div class='box-series'><p><strong>Loạt bài: Hợp tác y tế Việt - Nhật</strong></p><ul>"
        "<li><a href='/bai-1-hop-tac-y-te-6990.html'>Bài 1: 30 năm hợp tác y tế</a></li>"
        "<li><a href='/bai-2-bac-si-nhat-6995.html'>Bài 2: Bác sĩ Nhật ở Bạch Mai</a></li></ul></div>",
    ],
    ids=["newsletter-box", "hotline-box", "poll", "notice-to-readers", "where-you-are-reading", "series-box"],
)
@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"], ids=["known-body", "generic-layer"])
def test_what_the_site_sets_after_the_byline_leaves_the_text_and_the_byline_is_found(
    after: str, container: str
) -> None:
    ending = f"<p style='text-align:right'><strong>Quỳnh Nga</strong></p>{after}"
    page = headline_page(container, ending=ending)
    article = read_page(page, "https://congthuong.vn/tin-chinh-349505.html").article
    assert article.author == "Quỳnh Nga"
    assert article.text.splitlines()[-1].startswith("Đoạn 3")


@pytest.mark.parametrize(
    "middle",
    [
        "<table><tr><td><img src='/chart.png'></td></tr><tr><td>Tín dụng qua các tháng</td></tr></table>"
        "<p><em>Nguồn: Ngân hàng Nhà nước</em></p>",
        '<p>Chủ đề: "Thanh niên Việt Nam - Lào chung tay vì hòa bình"</p>',
        "<h2>Giá vàng</h2><table><tr><td>SJC</td><td>120.500</td><td>122.500</td></tr></table>",
        "<ul><li>Chu Văn An 42,25 42,75</li><li>Kim Liên 41,75 42,25</li><li>Yên Hòa 41,5 42</li></ul>",
    ],
    ids=[
        "a-charts-source",
        "a-theme-line",
        "a-rail-word-subheading",
        "rows-of-figures",
    ],
)
def test_a_line_like_a_trailer_inside_the_body_does_not_end_it(middle: str) -> None:
    page = headline_page("__MASTERCMS_CONTENT", ending=middle + GOES_ON)
    article = read_page(page, "https://kinhtedothi.vn/tin-chinh-123456.html").article
    assert article.text.endswith("giai đoạn tới của thành phố.")
    assert article.source is None


@pytest.mark.parametrize(
    ("ending", "gone"),
    [
        ("<p>Tin liên quan</p><p><a href='/x-1.html'>Bài khác</a> và bài nữa</p>", "Tin liên quan"),
        ("<p>Chủ đề: hữu nghị, giao lưu</p>", "Chủ đề"),
        ("<p>Nguồn: TTXVN</p>", "Nguồn"),
    ],
    ids=["related-box", "theme-tags", "source-line"],
)
def test_a_trailer_that_closes_the_body_still_leaves_the_text(ending: str, gone: str) -> None:
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", ending=ending), "https://kinhtedothi.vn/tin-chinh-123456.html"
    ).article
    assert gone not in article.text and article.text.endswith("một câu đủ dài để đọc.")


@pytest.mark.parametrize(
    "header",
    [
        "<div id='header'><span class='date'>Thứ ba, 20/05/2025</span></div>",
        "<div class='header-top'><span class='date'>Thứ ba, 20/05/2025</span></div>",
        "<div class='topbar'><div class='date'>20/05/2025</div></div>",
    ],
)
def test_the_date_in_the_sites_header_is_todays_not_the_articles(header: str) -> None:
    for below, published in (
        ("<div class='k8'>10:20 | 12/05/2025</div>", "2025-05-12T10:20:00+07:00"),
        ("", None),
    ):
        page = headline_page(above=header, below=below)
        assert (
            EXTRACTOR.extract(page, "https://netbiz.net.vn/tin-chinh-100999.html").article.published_at
            == published
        )


def test_the_lead_of_a_featured_teaser_is_not_the_articles() -> None:
    box = (
        "<div class='box-focus'><h3><a href='/gia-vang-tang-454700.html'>Giá vàng tăng</a></h3>"
        "<div class='sapo'>Giá vàng miếng SJC tăng mạnh phiên đầu tuần.</div></div>"
    )
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", above=box), "https://kinhtedothi.vn/tin-chinh-454777.html"
    ).article
    assert "Giá vàng" not in article.sapo and "Giá vàng" not in article.text


def test_a_signed_line_with_a_date_is_no_byline() -> None:
    ending = "<p style='text-align:right'><em>Hà Nội, ngày 12 tháng 5 năm 2025</em></p>"
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", ending=ending), "https://baoquocte.vn/thu-chuc-mung-304321.html"
    ).article
    assert article.author is None and article.text.endswith("Hà Nội, ngày 12 tháng 5 năm 2025")


@pytest.mark.parametrize(
    "og_title",
    ["Báo Quốc tế", "Báo Quốc tế - Tin chính", "Tin chính | Báo Quốc tế"],
    ids=["the-site-alone", "the-site-before", "the-site-after"],
)
def test_og_title_that_is_the_site_or_adds_it_to_the_headline_gives_the_headline(og_title: str) -> None:
    head = f"<head><meta property='og:site_name' content='Báo Quốc tế'><meta property='og:title' content='{og_title}'></head>"
    page = headline_page("__MASTERCMS_CONTENT").replace("<html>", f"<html>{head}")
    assert EXTRACTOR.extract(page, "https://baoquocte.vn/tin-chinh-254999.html").article.title == "Tin chính"


def test_a_head_date_without_a_time_yields_to_the_line_shown_on_that_day() -> None:
    for shown, published in (
        ("10:20 | 12/05/2025", "2025-05-12T10:20:00+07:00"),
        ("10:20 | 13/05/2025", "2025-05-12T00:00:00+07:00"),
    ):
        ld = (
            '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-05-12"}</script>'
        )
        page = headline_page(below=f"<div class='k8'>{shown}</div>").replace(
            "<html>", f"<html><head>{ld}</head>"
        )
        assert (
            EXTRACTOR.extract(page, "https://baoquocte.vn/tin-chinh-254999.html").article.published_at
            == published
        )


@pytest.mark.parametrize(
    "chrome",
    [
        "<div class='box-link'><a href='/so-ca-tang-64001.html'>Số ca tăng gấp đôi</a><br>"
        "<a href='/vaccine-64002.html'>Vaccine đầu tiên được cấp phép</a></div>",
        "<div><strong>&gt;&gt; <a href='/so-ca-tang-64001.html'>Số ca tăng gấp đôi cùng kỳ</a></strong></div>",
        "<p><span><strong>&gt;&gt;&gt; Đọc thêm:</strong></span> <a href='/cach-64003.html'>Cách nhận biết</a></p>",
        "<p>Bạn thấy bài viết này thế nào?</p><p>Hữu ích Không hữu ích</p>",
        "<div id='ads_inread_middle'><p>Quảng cáo thuốc bổ</p><img src='/banner.jpg'></div>",
        "<p>Nghe đọc bài viết00:00</p>",
    ],
    ids=["links-in-a-div", "arrowed-link", "arrowed-label", "rating-widget", "ad-slot-by-id", "audio-player"],
)
def test_widgets_and_link_boxes_of_any_markup_leave_the_text(chrome: str) -> None:
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", ending=chrome + GOES_ON),
        "https://suckhoeviet.org.vn/tin-chinh-64321.html",
    ).article
    assert article.text.splitlines()[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS + GOES_ON)]
    assert article.images == []


def test_readers_comments_after_a_body_no_selector_knows_are_not_text() -> None:
    comments = "".join(
        f"<li class='cmt'><b>Độc giả {n}</b> <span>12/05/2025 11:2{n}</span><div>Ý kiến thứ {n} của bạn đọc về bài "
        "viết này, một câu đủ dài để trông như một đoạn văn.</div></li>"
        for n in range(4)
    )
    page = headline_page("k2").replace(
        "</body>", f"<div class='user-opinions'><ul>{comments}</ul></div></body>"
    )
    article = read_page(page, "https://nongnghiep.vn/tin-chinh-384322.html").article
    assert "Độc giả" not in article.text and article.text.endswith("một câu đủ dài để đọc.")


@pytest.mark.parametrize(
    "description",
    [
        "Báo Thế giới và Việt Nam - Cơ quan ngôn luận của Bộ Ngoại giao, cập nhật tin tức thời sự.",
        "Tin chính",
        "Đoạn 1 của bài viết kể lại buổi gặp mặt bạn bè quốc tế tại Hà...",
    ],
    ids=["the-sites-tagline", "the-headline", "the-first-paragraph-cut-short"],
)
def test_a_head_description_that_is_no_lead_is_not_the_sapo(description: str) -> None:
    page = headline_page("__MASTERCMS_CONTENT").replace(
        "<html>", f"<html><head><meta name='description' content='{description}'></head>"
    )
    article = read_page(page, "https://baoquocte.vn/tin-chinh-274321.html").article
    assert article.sapo == ""
    assert article.text.splitlines()[1:] == re.findall(r"<p>(.*?)</p>", PARAGRAPHS)


def test_a_live_reports_time_stamps_in_the_body_stay_and_a_date_line_above_it_goes() -> None:
    ending = "<p><strong>10:20 | 12/05/2025</strong></p><p>Thí sinh bắt đầu làm bài thi môn Ngữ văn.</p>"
    page = headline_page("__MASTERCMS_CONTENT", ending=ending).replace(
        "<div class='__MASTERCMS_CONTENT'>", "<div class='__MASTERCMS_CONTENT'><p>08:00 | 12/05/2025</p>"
    )
    article = read_page(page, "https://kinhtedothi.vn/tin-chinh-454999.html").article
    assert "08:00" not in article.text
    assert article.text.splitlines()[-2:] == [
        "10:20 | 12/05/2025",
        "Thí sinh bắt đầu làm bài thi môn Ngữ văn.",
    ]


def test_two_cells_of_a_table_that_read_alike_both_stay() -> None:
    table = (
        "<table><tr><td>Giao lưu thanh niên</td><td>Đã hoàn thành đúng hạn</td></tr>"
        "<tr><td>Triển lãm ảnh</td><td>Đã hoàn thành đúng hạn</td></tr></table>"
    )
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", ending=table), "https://thoidai.com.vn/tin-chinh-214321.html"
    ).article
    assert article.text.count("Đã hoàn thành đúng hạn") == 2


MENU = (
    "<nav><ul><li><a href='/thoi-su'>Thời sự</a></li><li><a class='{mark}' href='/cong-nghiep'>Công nghiệp</a>"
    "</li><li class='{other}'><a href='/thi-truong'>Thị trường</a></li></ul></nav>"
)


@pytest.mark.parametrize(
    ("menu", "section"),
    [
        (MENU.format(mark="actived", other=""), ["Công nghiệp"]),
        (
            MENU.format(mark="active", other="")
            + "<ul class='tabs'><li class='active'><a href='#moi'>Mới</a></li></ul>",
            ["Công nghiệp"],
        ),
        (MENU.format(mark="active", other="active"), []),
        (
            MENU.format(mark="", other="").replace("<li>", "<li class='active'>", 1).replace("/thoi-su", "/"),
            [],
        ),
    ],
    ids=["marked-actived", "a-tab-marked-too", "two-sections-marked", "home-marked"],
)
def test_the_one_section_a_menu_marks_current_is_the_last_resort_section(
    menu: str, section: list[str]
) -> None:
    result = EXTRACTOR.extract(headline_page(above=menu), "https://congthuong.vn/tin-chinh-123456.html")
    assert (result.article.section, result.sources.get("section")) == (
        section,
        "generic" if section else None,
    )


CLOSING = "<p>Đoạn cuối cùng của bài viết này kết thúc câu chuyện.</p>"


@pytest.mark.parametrize(
    ("box", "related"),
    [
        (
            "<div class='box-xyz'><a href='/bai-khac-456.html'><img src='/t.jpg'></a>"
            "<a href='/bai-khac-456.html'>Một bài khác hoàn toàn với tiêu đề đủ dài để đọc</a>"
            "<p>Tóm tắt bài khác, một câu mô tả ngắn gọn nội dung.</p></div>",
            ["https://thoidai.com.vn/bai-khac-456.html"],
        ),
        (
            "<div class='box-abc'><h4>Đừng bỏ lỡ</h4><ul><li><a href='/bai-a-456.html'>Bài A có tiêu đề đủ dài</a>"
            "</li><li><a href='/bai-b-457.html'>Bài B có tiêu đề đủ dài</a></li></ul></div>",
            ["https://thoidai.com.vn/bai-a-456.html", "https://thoidai.com.vn/bai-b-457.html"],
        ),
    ],
    ids=["untitled-teaser-of-unknown-class", "dung-bo-lo"],
)
def test_a_box_of_other_articles_in_the_body_leaves_the_text_whatever_it_is_called(
    box: str, related: list[str]
) -> None:
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", ending=box + CLOSING),
        "https://thoidai.com.vn/tin-chinh-123.html",
    ).article
    assert article.text.splitlines()[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS + CLOSING)]
    assert article.related_urls == related


def test_a_photo_linking_another_article_inside_a_long_box_of_text_keeps_the_text() -> None:
    box = (
        f"<div class='k7'><a href='/bai-khac-456.html'><img src='/t.jpg'></a>"
        f"<a href='/bai-khac-456.html'>Bài khác</a>{PARAGRAPHS * 3}</div>"
    )
    article = read_page(headline_page("k2", ending=box), "https://thoidai.com.vn/tin-chinh-123.html").article
    assert article.text.count("Đoạn 1 của bài viết") == 4


def test_related_links_listed_in_the_leads_box_are_not_the_lead() -> None:
    lead = (
        "<div class='article-detail-desc'>Lời dẫn của bài viết về tình hữu nghị.<ul><li>"
        "<a href='/bai-a-456.html'>Bài A có tiêu đề đủ dài</a></li><li><a href='/bai-b-457.html'>Bài B có tiêu đề "
        "đủ dài</a></li></ul></div>"
    )
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", below=lead), "https://thoidai.com.vn/tin-chinh-123.html"
    ).article
    assert article.sapo == "Lời dẫn của bài viết về tình hữu nghị."
    assert "Bài A" not in article.text


TRENDING = (
    "<div class='box-tags'><h3>Từ khóa nổi bật</h3><a href='/tag/ukraine.tag'>Ukraine</a>"
    "<a href='/tag/gia-vang.tag'>giá vàng</a></div>"
)


@pytest.mark.parametrize(
    ("after", "tags", "layer"),
    [
        (f"<div class='col-right'>{TRENDING}</div>", [], None),
        (f"<aside>{TRENDING}</aside>", [], None),
        (
            f"<div class='article-tags'><a href='/tag/huu-nghi.tag'>hữu nghị</a></div>{TRENDING}",
            ["hữu nghị"],
            "selectors",
        ),
        (
            "<div class='kw'>Từ khóa: <a href='/search/?q=hữu+nghị'>hữu nghị</a>, <a href='/search/?q=Lào'>Lào</a></div>",
            ["hữu nghị", "Lào"],
            "generic",
        ),
        (
            "<div class='kw'><a href='/tim-kiem.html?keywords=hữu+nghị'>hữu nghị</a> <a href='/tim-kiem.html?keywords=Lào'>Lào</a></div>",
            ["hữu nghị", "Lào"],
            "generic",
        ),
        ("<div class='kw'><a href='/search/'>Tìm kiếm</a></div>", [], None),
    ],
    ids=[
        "trending-box",
        "trending-in-a-rail",
        "own-then-trending",
        "search-links",
        "tim-kiem-links",
        "bare-search",
    ],
)
def test_the_tags_are_the_articles_not_the_sites_trending_ones(
    after: str, tags: list[str], layer: str | None
) -> None:
    page = headline_page("k2").replace("</body>", f"{after}</body>")
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tin-chinh-123.html")
    assert (result.article.tags, result.sources.get("tags")) == (tags, layer)


@pytest.mark.parametrize(
    ("keywords", "tags"),
    [
        ("hữu nghị, Lào, giao lưu", ["hữu nghị", "Lào", "giao lưu"]),
        ("Tạp chí Thời Đại, tin tức, hữu nghị, thời sự", []),
        ("thoidai.com.vn, tin tức, thời sự", []),
    ],
    ids=["the-articles", "naming-the-site", "naming-the-host"],
)
def test_meta_keywords_that_name_the_site_are_the_sites_not_tags(keywords: str, tags: list[str]) -> None:
    head = f"<head><meta property='og:site_name' content='Tạp chí Thời Đại'><meta name='keywords' content='{keywords}'></head>"
    page = headline_page("k2").replace("<html>", f"<html>{head}")
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tin-chinh-123.html").article.tags == tags


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("<span class='k9'>Video</span> Lễ hội đường phố", "Lễ hội đường phố"),
        ("<span class='k9'>[Infographic]</span>: Lễ hội đường phố", "Lễ hội đường phố"),
        ("<span class='k9'>[Ảnh]</span> Lễ hội đường phố", "Lễ hội đường phố"),
        ("<i class='k9'></i>Lễ hội đường phố", "Lễ hội đường phố"),
        ("<span class='k9'>Video</span>", "Video"),
        ("<a href='/le-hoi-duong-pho-123.html'>Lễ hội</a> đường phố", "Lễ hội đường phố"),
        ("Chùm ảnh: Lễ hội đường phố", "Chùm ảnh: Lễ hội đường phố"),
        ("<strong>Video</strong> Clip ghi lại khoảnh khắc", "Video Clip ghi lại khoảnh khắc"),
        ("<span class='k9'>Video</span> clip ghi lại khoảnh khắc", "Video clip ghi lại khoảnh khắc"),
    ],
    ids=[
        "badge",
        "bracketed-badge",
        "photo-badge",
        "icon",
        "badge-alone",
        "linked-words",
        "badge-in-the-text",
        "bold-word",
        "word-the-title-goes-on-from",
    ],  # fmt: skip
)
def test_a_multimedia_badge_set_before_the_headline_is_not_part_of_the_title(
    headline: str, title: str
) -> None:
    for container in ("__MASTERCMS_CONTENT", "k2"):
        page = f"<html><body><h1 class='k1'>{headline}</h1><div class='{container}'>{PARAGRAPHS}</div></body></html>"
        assert EXTRACTOR.extract(page, "https://example.vn/le-hoi-duong-pho-123.html").article.title == title


@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
@pytest.mark.parametrize(
    "poll",
    [
        "<div class='k7'><p>Bạn có đồng ý?</p><label><input type='radio' name='q'>Có</label>"
        "<label><input type='radio' name='q'>Không</label><button>Bình chọn</button></div>",
        "<ul class='k7'><li>Bạn có đồng ý?</li><li><input type='radio' name='q' id='a'><label for='a'>Có</label></li>"
        "<li><input type='radio' name='q' id='b'><label for='b'>Không</label></li></ul>",
        "<p>Bạn có đồng ý? <input type='radio' name='q'> Có <input type='radio' name='q'> Không</p>",
    ],
    ids=["labels-around", "labels-for", "words-after"],
)
def test_a_polls_choices_leave_no_text_and_its_question_stays(poll: str, container: str) -> None:
    last = "<p>Đoạn cuối của bài viết, sau cuộc thăm dò ý kiến, một câu đủ dài để đọc.</p>"
    page = headline_page(container, ending=f"{poll}{last}")
    lines = read_page(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article.text.split("\n")
    assert lines[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS), "Bạn có đồng ý?", lines[-1]]
    assert lines[-1].startswith("Đoạn cuối")


@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
@pytest.mark.parametrize(
    ("markup", "kept"),
    [
        (
            "<ul><li><input type='checkbox' name='n'> 500g thịt bò tươi</li>"
            "<li><input type='checkbox' name='n'> 2 củ hành tím</li></ul>",
            ["500g thịt bò tươi", "2 củ hành tím"],
        ),
        (
            "<input type='checkbox' id='q1'><label for='q1'>Hỏi: Thủ tục đăng ký hội viên gồm những gì?</label>"
            "<div><p>Đáp: Một đơn đăng ký và hai ảnh thẻ.</p></div>",
            ["Hỏi: Thủ tục đăng ký hội viên gồm những gì?", "Đáp: Một đơn đăng ký và hai ảnh thẻ."],
        ),
        (
            "<input type='radio' name='s'><input type='radio' name='s'>"
            "<div><img src='/a.jpg'><p>Ảnh 1: đoàn đại biểu (Ảnh: Đinh Hòa)</p></div>"
            "<div><img src='/b.jpg'><p>Ảnh 2: lễ ký kết (Ảnh: Đinh Hòa)</p></div>",
            ["Ảnh 1: đoàn đại biểu (Ảnh: Đinh Hòa)", "Ảnh 2: lễ ký kết (Ảnh: Đinh Hòa)"],
        ),
    ],
    ids=["checklist", "css-accordion", "css-slider"],
)
def test_form_controls_that_are_no_poll_keep_their_text(markup: str, kept: list[str], container: str) -> None:
    page = headline_page(container, ending=markup)
    lines = read_page(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article.text.split("\n")
    assert lines[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS), *kept]


@pytest.mark.parametrize(
    ("below", "sapo"),
    [
        ("<h2 class='k3'>Một buổi gặp mặt ấm áp.</h2>", "Một buổi gặp mặt ấm áp."),
        ("<h2 class='k3'>Tin ảnh</h2>", ""),
        ("<h2 class='k3'>10:30 | 12/05/2023</h2>", ""),
        ("<h2 class='k3'><a href='/tin-khac-456.html'>Một tin khác của chuyên mục</a></h2>", ""),
        ("<p class='k3'>Một buổi gặp mặt ấm áp.</p>", ""),
        ("<h2 class='k3'>Tác giả: Nguyễn Văn An</h2>", ""),
        ("<h2 class='k3'>Nghe bài viết này</h2>", ""),
        ("<h2 class='k3'>Theo dõi Báo Thời Đại trên Google News</h2>", ""),
        ("<h2 class='k3'>Đối tượng được cấp thị thực</h2><p>Đoạn giải thích đầu tiên của mục này.</p>", ""),
    ],
    ids=[
        "subtitle",
        "label",
        "date-line",
        "link",
        "short-paragraph",
        "byline",
        "widget",
        "follow",
        "flat-text",
    ],
)
def test_a_subheading_right_under_the_headline_is_the_sapo_however_short(below: str, sapo: str) -> None:
    article = read_page(headline_page(below=below), "https://example.vn/tin-chinh-123.html").article
    assert article.sapo == sapo
    if sapo:
        assert article.text.split("\n")[:2] == ["Tin chính", sapo]


@pytest.mark.parametrize(
    ("above", "section"),
    [
        ("<div class='k5'><a href='/huu-nghi'>Hữu nghị</a></div>", ["Hữu nghị"]),
        (
            "<a class='k5' href='https://example.vn/huu-nghi/ban-be/'>Bốn phương kết bạn</a>",
            ["Bốn phương kết bạn"],
        ),
        ("<div class='k5'><a href='/'>Trang chủ</a></div>", []),
        ("<div class='k5'><a href='/tin-khac-456.html'>Tin khác</a></div>", []),
        ("<div class='k5'><a href='/tag/huu-nghi.tag'>hữu nghị</a></div>", []),
        ("<div class='k5'><a href='https://other.vn/huu-nghi'>Hữu nghị</a></div>", []),
        ("<div class='k5'><a href='/huu-nghi'>Hữu nghị</a> <a href='/quoc-te'>Quốc tế</a></div>", []),
        ("<div class='k5'>Chuyên mục <a href='/huu-nghi'>Hữu nghị</a></div>", []),
        ("<nav><a href='/huu-nghi'>Hữu nghị</a></nav>", []),
        ("<div class='k5'><a href='javascript:history.back()'>Quay lại</a></div>", []),
        ("<div class='k5'><a href='mailto:toasoan@example.vn'>Gửi tin</a></div>", []),
        ("<div class='k5'><a href='/tim-kiem?q=huu-nghi'>Tìm kiếm</a></div>", []),
        ("<div class='k5'><a href='/en'>English</a></div>", []),
        ("<div class='k5'><a href='/chu-de/dai-hoi-xiii'>Đại hội XIII</a></div>", []),
        ("<div class='k5'><a href='/nha-bao/nguyen-van-an'>Nguyễn Văn An</a></div>", []),
        ("<div class='k5'><a href='/dang-ky-nhan-tin'>Đăng ký nhận bản tin</a></div>", []),
    ],
    ids=[
        "kicker",
        "absolute",
        "home",
        "article",
        "tag",
        "other-host",
        "menu",
        "more-text",
        "in-a-menu",
        "script",
        "mail",
        "search",
        "language",
        "topic",
        "author",
        "sign-up",
    ],  # fmt: skip
)
def test_a_sections_lone_link_over_the_headline_is_the_section(above: str, section: list[str]) -> None:
    extraction = EXTRACTOR.extract(headline_page(above=above), "https://example.vn/tin-chinh-123.html")
    assert extraction.article.section == section
    assert extraction.sources.get("section") == ("generic" if section else None)


def test_a_body_written_in_several_content_blocks_is_read_whole_up_to_another_headline() -> None:
    block = "<div class='__MB_MASTERCMS_EL' id='__MB_MASTERCMS_EL_{n}'><p>Khối {n} của bài viết, một câu đủ dài.</p></div>"
    page = (
        f"<html><body><h1 class='k1'>Tin chính</h1>{block.format(n=1)}<div class='k3'></div>{block.format(n=3)}"
        f"<h1 class='k1'>Bài tiếp theo</h1>{block.format(n=5)}</body></html>"
    )
    lines = read_page(page, "https://thoidai.com.vn/tin-chinh-123.html").article.text.split("\n")
    assert lines == [
        "Tin chính",
        "Khối 1 của bài viết, một câu đủ dài.",
        "Khối 3 của bài viết, một câu đủ dài.",
    ]


def test_the_listing_an_article_was_found_on_is_its_section_over_a_lone_link_above_the_headline() -> None:
    page = headline_page(above="<div class='k5'><a href='/huu-nghi'>Hữu nghị</a></div>")
    reading = read_page(page, "https://example.vn/tin-chinh-123.html", listing=["Quốc tế", "Đối ngoại"])
    assert (reading.article.section, reading.extraction.sources["section"]) == (
        ["Quốc tế", "Đối ngoại"],
        "listing",
    )


@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_a_video_page_badged_in_its_headline_is_no_article_when_it_has_no_text(container: str) -> None:
    page = (
        "<html><body><h1 class='k1'><span class='k9'>Video</span> Giao lưu hữu nghị Việt Nam - Séc</h1>"
        f"<div class='{container}'><iframe src='https://www.youtube.com/embed/abc'></iframe></div></body></html>"
    )
    with pytest.raises(NotAnArticle) as refused:
        read_page(page, "https://thoidai.com.vn/giao-luu-huu-nghi-123.html")
    assert refused.value.reason == "video"


def test_a_video_titled_page_of_unknown_markup_with_text_is_an_article() -> None:
    page = headline_page().replace("Tin chính", "[Video] Tin chính")
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-123.html").article
    assert article.text.split("\n") == ["[Video] Tin chính", *re.findall(r"<p>(.*?)</p>", PARAGRAPHS)]


def test_a_badged_headline_inside_the_body_is_not_read_again_as_text() -> None:
    page = (
        "<html><body><div class='__MASTERCMS_CONTENT'><h1 class='k1'><span class='k9'>Video</span> Lễ hội"
        f"</h1>{PARAGRAPHS}</div></body></html>"
    )
    lines = read_page(page, "https://thoidai.com.vn/le-hoi-123.html").article.text.split("\n")
    assert lines == ["Lễ hội", *re.findall(r"<p>(.*?)</p>", PARAGRAPHS)]


@pytest.mark.parametrize(
    ("between", "caption", "related"),
    [
        (
            "<table class='MASTERCMS_TPL_TABLE'><tr><td><img src='/stores/a.jpg'></td></tr>"
            "<tr><td>Các đại biểu tham dự buổi giao lưu.</td></tr></table>",
            ["Các đại biểu tham dự buổi giao lưu."],
            [],
        ),
        (
            "<div class='banner-inpage'><a href='https://ad.vn'><img src='https://ad.vn/b.jpg'></a></div>",
            [],
            [],
        ),
        (
            "<div class='box-relate'><b>Tin liên quan</b><a href='/cuba-cam-on-214000.html'>Cuba cảm ơn</a></div>",
            [],
            ["https://thoidai.com.vn/cuba-cam-on-214000.html"],
        ),
    ],
    ids=["a-photo", "an-ad", "a-related-box"],
)
def test_what_stands_between_two_content_blocks_is_read_as_the_body_reads_it(
    between: str, caption: list[str], related: list[str]
) -> None:
    blocks = [
        f"<div id='__MB_MASTERCMS_EL_{n}' class='__MB_MASTERCMS_EL'><p>Đoạn {n} của bài viết về buổi giao lưu "
        "hữu nghị Việt Nam - Cuba.</p></div>"
        for n in (1, 2)
    ]
    page = headline_page("k2", below=f"<div class='k5'>{blocks[0]}{between}{blocks[1]}</div>").replace(
        PARAGRAPHS, ""
    )
    article = read_page(page, "https://thoidai.com.vn/giao-luu-214777.html").article
    assert [line for line in article.text.splitlines() if line.startswith("Đoạn")] == [
        f"Đoạn {n} của bài viết về buổi giao lưu hữu nghị Việt Nam - Cuba." for n in (1, 2)
    ]
    assert [image.caption for image in article.images] == caption
    assert article.related_urls == related


@pytest.mark.parametrize(
    "after",
    [
        "<div class='k3'><h2>Đọc tiếp: Tin khác</h2></div>"
        "<div class='__MASTERCMS_CONTENT'><p>Nội dung của một bài viết khác, đủ dài.</p></div>",
        "<p>Bài viết khác</p><div class='__MASTERCMS_CONTENT'><p>Nội dung của một bài viết khác, đủ dài.</p></div>",
        f"<div class='__MASTERCMS_CONTENT d-md-none'>{PARAGRAPHS}</div>",
    ],
    ids=["after-a-heading", "after-text", "a-copy"],
)
def test_a_content_block_after_text_between_or_a_copy_of_the_body_is_not_read_again(after: str) -> None:
    page = (
        f"<html><body><h1 class='k1'>Tin chính</h1><div class='__MASTERCMS_CONTENT'>{PARAGRAPHS}</div>"
        f"{after}</body></html>"
    )
    lines = read_page(page, "https://thoidai.com.vn/tin-chinh-123.html").article.text.split("\n")
    assert lines[1:] == re.findall(r"<p>(.*?)</p>", PARAGRAPHS)


@pytest.mark.parametrize(
    "home",
    [
        "<a href='https://example.vn/'>Tạp chí Thời Đại</a>",
        "<a href='/'><i class='icon-home'></i></a>",
        "<a href='/gioi-thieu'>example.vn</a>",
    ],
    ids=["named-after-the-site", "an-icon", "the-host"],
)
def test_the_home_crumb_is_no_section_whatever_it_is_called(home: str) -> None:
    trail = f"<div class='breadcrumbs'>{home}<a href='/the-gioi'>Thế giới</a></div>"
    article = EXTRACTOR.extract(headline_page(above=trail), "https://example.vn/tin-chinh-123.html").article
    assert article.section == ["Thế giới"]


@pytest.mark.parametrize("suffix", [" | Báo Thời Đại", " - Tạp chí Điện tử Việt Nam Ngày Nay", " | ABC"])
def test_og_title_is_the_headline_shown_without_whatever_site_name_follows_it(suffix: str) -> None:
    page = headline_page(html=" lang='vi'").replace(
        "<body>", f"<head><meta property='og:title' content='Tin chính{suffix}'></head><body>"
    )
    assert EXTRACTOR.extract(page, "https://example.vn/tin-chinh-123.html").article.title == "Tin chính"


def test_a_trail_labelled_breadcrumb_for_screen_readers_is_the_trail_whatever_its_classes() -> None:
    trail = (
        "<nav class='k5' aria-label='Breadcrumb'><ol><li><a href='/'>Trang chủ</a></li>"
        "<li><a href='/the-gioi'>Thế giới</a></li></ol></nav>"
    )
    extraction = EXTRACTOR.extract(headline_page(above=trail), "https://example.vn/tin-chinh-123.html")
    assert (extraction.article.section, extraction.sources["section"]) == (["Thế giới"], "generic")


@pytest.mark.parametrize("by", ["Bởi", "By", "bởi"])
def test_an_author_element_that_says_by_names_the_author_after_it(by: str) -> None:
    byline = f"<span class='byline'>{by} <a href='/author/minh-anh'>Minh Anh</a></span>"
    article = EXTRACTOR.extract(headline_page(below=byline), "https://example.vn/tin-chinh-123.html").article
    assert article.author == "Minh Anh"


@pytest.mark.parametrize(
    "label", ["Có thể bạn quan tâm", "Tin cùng chuyên mục", "Bài viết cùng chủ đề", "Tin mới"]
)
@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_a_box_of_links_in_the_body_under_a_trailer_title_takes_its_title_along(
    label: str, container: str
) -> None:
    links = "".join(
        f"<li><a href='/bai-khac-so-{n}-{3000 + n}.html'>Bài khác số {n} của trang</a></li>" for n in range(3)
    )
    after = "<p>Đoạn cuối của bài viết, sau hộp tin, một câu đủ dài để đọc.</p>"
    page = headline_page(container, ending=f"<div class='k9'><h3>{label}</h3><ul>{links}</ul></div>{after}")
    lines = read_page(page, "https://thoidai.com.vn/tieu-de-bai-viet-123.html").article.text.split("\n")
    assert lines[1:] == [
        *re.findall(r"<p>(.*?)</p>", PARAGRAPHS),
        "Đoạn cuối của bài viết, sau hộp tin, một câu đủ dài để đọc.",
    ]


REPEATED = "Ông cho rằng các hoạt động giao lưu cần đi vào chiều sâu và thực chất hơn."
SAID = f"<p>Phát biểu tại buổi gặp mặt, Phó Chủ tịch nhấn mạnh vai trò của đối ngoại nhân dân. {REPEATED}</p>"


@pytest.mark.parametrize(
    "quote",
    [
        f"<aside class='pull-quote'>{REPEATED}</aside>",
        f"<blockquote class='pullquote'><p>{REPEATED}</p></blockquote>",
        f"<div class='quote'>“{REPEATED}”</div>",
        f"<div class='box-trich-dan'><p><em>{REPEATED}</em></p></div>",
    ],
    ids=["aside", "blockquote-of-its-class", "quote-box-in-quotation-marks", "quote-box-in-italics"],
)
@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_pull_quote_that_repeats_a_sentence_of_the_body_is_read_once(
    quote: str, container: str, where: str
) -> None:
    ending = quote + SAID if where == "before" else SAID + quote
    page = headline_page(container, ending=ending)
    lines = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.text.split("\n")
    assert lines[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS), re.findall(r"<p>(.*?)</p>", SAID)[0]]


def test_a_quote_the_body_does_not_repeat_and_a_plain_blockquote_are_text() -> None:
    said = "Tình hữu nghị giữa hai dân tộc là tài sản vô giá, cần được vun đắp."
    lines = read_ending(f"<blockquote class='pull-quote'>“{said}”</blockquote>{SAID}").text.split("\n")
    assert f"“{said}”" in lines and lines.count(re.findall(r"<p>(.*?)</p>", SAID)[0]) == 1
    lines = read_ending(f"{SAID}<blockquote><p>“{REPEATED}”</p></blockquote>").text.split("\n")
    assert lines[-1] == f"“{REPEATED}”"


@pytest.mark.parametrize(
    "hero",
    [
        "<figure class='hero'><img src='/stores/2024/03/hero.jpg'><figcaption>{caption}</figcaption></figure>",
        "<div class='k5'><img src='/stores/2024/03/hero.jpg'><p>{caption}</p></div>",
        "<table class='MASTERCMS_TPL_TABLE'><tr><td><img src='/stores/2024/03/hero.jpg'></td></tr>"
        "<tr><td>{caption}</td></tr></table>",
        "<div class='picture'><img src='/stores/2024/03/hero.jpg'><p>{caption}</p></div>",
    ],
    ids=["figure", "captioned-photo-box", "image-table", "image-class"],
)
def test_a_hero_photo_above_the_headline_in_the_text_holder_is_the_first_photo_and_no_lead_repeats(
    hero: str,
) -> None:
    caption = "Các đại biểu tại buổi gặp mặt. (Ảnh: Thanh Hà)"
    page = (
        f"<html><body><article>{hero.format(caption=caption)}<h1>Tin chính</h1><div class='k3'>10:30 | 12/03/2024"
        f"</div><p class='lead'><b>{LEAD}</b></p><div class='k2'>{PARAGRAPHS}</div></article></body></html>"
    )
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert [(image.url, image.caption) for image in article.images] == [
        ("https://thoidai.com.vn/stores/2024/03/hero.jpg", caption)
    ]
    assert article.text.split("\n") == ["Tin chính", LEAD, caption, *re.findall(r"<p>(.*?)</p>", PARAGRAPHS)]


@pytest.mark.parametrize(
    ("base", "image", "related"),
    [
        ("https://othersite.vn/sub/", "https://othersite.vn/sub/images/anh.jpg", []),
        (
            "/huu-nghi/",
            "https://thoidai.com.vn/huu-nghi/images/anh.jpg",
            ["https://thoidai.com.vn/huu-nghi/ban-be-quoc-te-212300.html"],
        ),
        ("", "https://thoidai.com.vn/images/anh.jpg", ["https://thoidai.com.vn/ban-be-quoc-te-212300.html"]),
    ],
    ids=["another-host", "a-folder-of-the-site", "none"],
)
def test_relative_images_and_links_are_read_against_the_pages_base(
    base: str, image: str, related: list[str]
) -> None:
    ending = (
        "<div class='MASTERCMS_TPL_TABLE'><img src='images/anh.jpg'></div>"
        "<table class='tpl_CMS_ARTICLE_EMBED'><tr><td><a href='ban-be-quoc-te-212300.html'>Bạn bè quốc tế"
        " đến với Việt Nam</a></td></tr></table>"
    )
    page = headline_page("__MASTERCMS_CONTENT", ending=ending).replace(
        "<body>", f"<head><base href='{base}'></head><body>"
    )
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert [i.url for i in article.images] == [image] and article.related_urls == related


@pytest.mark.parametrize(
    "byline",
    [
        "<div class='article-member'>Minh Anh - Thu Hà</div>",
        "<span class='cms-author'>Minh Anh - Thu Hà</span>",
        "<div class='article-detail-infor fw'><a href='#'>Minh Anh - Thu Hà</a>"
        "<span class='article-detail-publish'>14:30 | 15/07/2022</span></div>",
    ],
    ids=["article-member", "cms-author", "article-detail-infor-link"],
)
def test_the_author_blocks_of_the_cms_family_give_the_author(byline: str) -> None:
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", below=byline), "https://thoidai.com.vn/tin-chinh-212345.html"
    ).article
    assert article.author == "Minh Anh - Thu Hà"


@pytest.mark.parametrize(
    ("links", "author"),
    [
        ("<a href='/huu-nghi'>Hữu Nghị</a>", None),
        ("<a href='https://news.google.com/publications/x'>Google News</a>", None),
        ("<a href='/huu-nghi'>Hữu Nghị</a><a href='/tac-gia/minh-anh'>Minh Anh</a>", "Minh Anh"),
    ],
    ids=["a-section", "a-follow-link", "a-section-beside-the-author"],
)
def test_a_link_of_the_info_box_to_a_page_is_no_author_but_the_authors_page_link(
    links: str, author: str | None
) -> None:
    box = f"<div class='article-detail-infor'>{links}<span class='article-detail-publish'>14:30 | 15/07/2022</span></div>"
    article = read_page(
        headline_page("__MASTERCMS_CONTENT", below=box), "https://thoidai.com.vn/tin-chinh-212345.html"
    ).article
    assert article.author == author


SIGNED = "<p style='text-align:right'><strong>{}</strong></p>"


@pytest.mark.parametrize(
    ("ending", "author"),
    [
        (SIGNED.format("Biên tập: Thu Hà"), None),
        (SIGNED.format("BTV: Thu Hà"), None),
        (SIGNED.format("Minh Anh") + SIGNED.format("Biên tập viên: Thu Hà"), "Minh Anh"),
        (SIGNED.format("Minh Anh") + "<p>Thiết kế: Quang Huy</p>", "Minh Anh"),
    ],
    ids=["editor", "btv", "editor-under-the-byline", "designer-under-the-byline"],
)
def test_an_editors_or_designers_credit_at_the_end_is_no_author_and_no_text(
    ending: str, author: str | None
) -> None:
    article = read_ending(ending)
    assert article.author == author
    assert article.text.split("\n")[1:] == re.findall(r"<p>(.*?)</p>", PARAGRAPHS)


@pytest.mark.parametrize(
    "box",
    [
        "<div class='article-detail-author'><img src='/avatar/minh-anh.jpg'><p><b>Minh Anh</b></p>"
        "<p>Nhà báo, 10 năm kinh nghiệm viết về đối ngoại nhân dân.</p></div>",
        "<div class='article-author'><img src='/avatar/minh-anh.jpg'><span class='name'>Minh Anh</span>"
        "<span class='desc'>Phóng viên ban Quốc tế.</span></div>",
        "<div class='box-tacgia'><img src='/avatar/minh-anh.jpg'><p><b>Minh Anh</b></p>"
        "<p>Nhà báo, 10 năm kinh nghiệm viết về đối ngoại nhân dân.</p></div>",
        "<div class='author-box'><div class='authorName'>Minh Anh</div><div class='authorBio'>Cộng tác viên"
        " thường xuyên</div></div>",
        "<div class='author-box'><span class='author-name'>Minh Anh</span><span class='unit-name'>Báo Thời Đại"
        "</span></div>",
    ],
    ids=[
        "known-box-name-over-a-note",
        "name-class-beside-a-note",
        "unknown-box",
        "name-class-over-a-bio",
        "name-class-beside-an-outlet",
    ],
)
@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_an_author_box_with_a_note_on_the_writer_gives_the_name_alone(box: str, container: str) -> None:
    page = headline_page(container, html="").replace("</body>", f"{box}</body>")
    assert read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.author == "Minh Anh"


@pytest.mark.parametrize(
    "box",
    [
        "<div class='box_relative_news'><p class='title_box'>Related news:</p><ul class='list_news'>"
        "<li><a href='/news/economy/gdp-grows-4811.html'>Vietnam GDP grows 7 percent in third quarter</a></li>"
        "<li><a href='/news/traffic/metro-4812.html'>Metro line 1 carries 100,000 passengers</a></li></ul></div>",
        "<div class='my-6 rounded border p-4'><p class='font-semibold'>Có thể bạn quan tâm</p>"
        "<a class='block' href='/thoi-su/pho-di-bo-4711.html'>Hà Nội công bố 12 tuyến phố đi bộ mới</a>"
        "<a class='block' href='/kinh-doanh/gia-xang-4712.html'>Giá xăng dầu đồng loạt giảm</a></div>",
    ],
    ids=["related-news-list", "a-box-of-bare-links"],
)
@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_a_titled_box_of_links_inside_the_body_leaves_the_paragraphs_after_it(
    box: str, container: str
) -> None:
    after = "<p>Đoạn sau hộp tin của bài viết, kể tiếp buổi gặp mặt bạn bè quốc tế, một câu đủ dài.</p>"
    page = headline_page(container, ending=box + after)
    lines = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.text.split("\n")
    assert lines[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS), re.findall(r"<p>(.*?)</p>", after)[0]]


def test_a_table_that_lays_out_the_page_around_a_banner_is_no_photo_table() -> None:
    paragraphs = "".join(
        f"<p>Đoạn {n} của bài viết kể lại buổi gặp mặt bạn bè quốc tế tại Hà Nội, một câu đủ dài để đọc.</p>"
        for n in range(1, 6)
    )
    page = (
        "<html><body><table><tr><td><img src='/banner.jpg' width='960'></td></tr>"
        "<tr><td class='menu'><a href='/'>Trang chủ</a> | <a href='/the-gioi'>Thế giới</a></td></tr>"
        f"<tr><td><h1>Tin chính</h1><div class='k2'>{paragraphs}</div></td><td class='right'>"
        "<a href='/a-1.html'>Bài khác</a></td></tr><tr><td>© Bản quyền thuộc về Báo X</td></tr></table></body></html>"
    )
    lines = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.text.split("\n")
    assert lines == ["Tin chính", *re.findall(r"<p>(.*?)</p>", paragraphs)]


@pytest.mark.parametrize(
    "ending",
    [
        "<p>Thiết kế: mái ngói truyền thống, tường gạch đỏ</p>",
        "<p>Thể hiện: hợp xướng thiếu nhi hai nước</p>",
    ],
)
def test_a_last_line_opened_by_a_credit_word_without_a_byline_above_is_text(ending: str) -> None:
    article = read_ending(ending)
    assert article.author is None and article.text.split("\n")[-1] == re.findall(r"<p>(.*?)</p>", ending)[0]


def test_a_teasers_photo_above_the_headline_is_no_hero() -> None:
    teaser = (
        "<figure><a href='/bai-truoc-212300.html'><img src='/stores/2024/03/t.jpg'></a>"
        "<figcaption>Bài trước: Gặp mặt bạn bè quốc tế</figcaption></figure>"
    )
    page = (
        f"<html><body><article>{teaser}<h1>Tin chính</h1><div class='k3'>10:30 | 12/03/2024</div>"
        f"<p class='lead'><b>{LEAD}</b></p><div class='k2'>{PARAGRAPHS}</div></article></body></html>"
    )
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert article.images == [] and "Bài trước: Gặp mặt bạn bè quốc tế" not in article.text


def test_an_author_box_that_reads_as_a_byline_whole_keeps_every_name() -> None:
    box = "<div class='author-box'><span class='name'>Thu Hà</span> - <span>Minh Anh</span></div>"
    page = headline_page("__MASTERCMS_CONTENT").replace("</body>", f"{box}</body>")
    assert (
        read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.author == "Thu Hà - Minh Anh"
    )


@pytest.mark.parametrize(
    "box",
    [
        "<div class='news-relation'><a class='title' href='/thoi-su/pho-di-bo-4711.html'>Hà Nội công bố 12 tuyến"
        " phố đi bộ mới</a><p class='sapo'>Thông tin chi tiết về kế hoạch đã được công bố.</p></div>",
        "<div class='author-box-wrap'><a href='/author/thanhtam/'><img src='/a.jpg'></a><div class='desc'>"
        "<div class='td-author-name'><a href='/author/thanhtam/'>Thanh Tâm</a></div></div></div>",
    ],
    ids=["a-related-box", "an-author-box"],
)
def test_a_lead_class_in_a_related_or_author_box_is_not_the_sapo(box: str) -> None:
    page = headline_page("k2", below=f"<h2 class='detail-sapo'>{LEAD}</h2>", ending=box)
    assert read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.sapo == LEAD


def test_an_author_element_that_says_written_by_names_the_writer() -> None:
    byline = "<dd class='createdby' itemprop='author'>Viết bởi <span itemprop='name'>Lò Văn Hùng</span></dd>"
    article = read_page(headline_page(below=byline), "https://example.vn/tin-chinh-123.html").article
    assert article.author == "Lò Văn Hùng"


@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_a_card_of_another_page_set_as_a_figure_is_no_text(container: str) -> None:
    card = (
        "<figure class='kg-card kg-bookmark-card'><a class='kg-bookmark-container' href='https://dothixanh.vn/pho/'>"
        "<div class='kg-bookmark-title'>Phố đi bộ: bài học từ các đô thị châu Á</div><div class='kg-bookmark-"
        "description'>Nhìn lại những mô hình phố đi bộ thành công ở Singapore.</div><span>Đô Thị Xanh</span>"
        "</a></figure>"
    )
    after = "<p>Đoạn sau tấm thẻ của bài viết, kể tiếp buổi gặp mặt bạn bè quốc tế, một câu đủ dài.</p>"
    page = headline_page(container, ending=card + after)
    lines = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.text.split("\n")
    assert lines[1:] == [*re.findall(r"<p>(.*?)</p>", PARAGRAPHS), re.findall(r"<p>(.*?)</p>", after)[0]]


@pytest.mark.parametrize("container", ["__MASTERCMS_CONTENT", "k2"])
def test_tag_lists_and_sharing_buttons_by_their_class_are_no_text(container: str) -> None:
    widgets = (
        "<div class='tags'><a href='/tags/ve-tet'>vé Tết</a><a href='/tags/cong-nhan'>công nhân</a></div>"
        "<div class='share-bar'><a href='https://www.facebook.com/sharer/sharer.php'>Chia sẻ</a>"
        "<a href='https://twitter.com/intent/tweet'>Tweet</a><a href='#'>Sao chép liên kết</a></div>"
    )
    page = headline_page(container, ending=widgets)
    lines = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article.text.split("\n")
    assert lines[1:] == re.findall(r"<p>(.*?)</p>", PARAGRAPHS)


def test_the_authors_name_and_date_line_over_the_body_of_an_unknown_template_is_no_text() -> None:
    meta = (
        "<div class='meta'><span class='author'><a href='/tac-gia/dinh-trong'>Đình Trọng</a></span> "
        "<span class='time'>Thứ năm, 25/01/2024 07:15 (GMT+7)</span></div>"
    )
    page = (
        f"<html><body><article><div class='title'><h1>Tin chính</h1></div>{meta}<div class='chappeau'><p>{LEAD}"
        f"</p></div><div class='k2'>{PARAGRAPHS}</div></article></body></html>"
    )
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert article.author == "Đình Trọng" and article.published_at == "2024-01-25T07:15:00+07:00"
    assert article.text.split("\n")[1:] == [LEAD, *re.findall(r"<p>(.*?)</p>", PARAGRAPHS)]


def photo_table(name: str, caption: str) -> str:
    return (
        f"<table class='MASTERCMS_TPL_TABLE'><tr><td><img src='/stores/{name}.jpg'></td></tr>"
        f"<tr><td>{caption}</td></tr></table>"
    )


@pytest.mark.parametrize(
    "credit", ["Nguồn: Báo Bắc Giang", "Source: hanoimoi.com.vn"], ids=["vietnamese", "english"]
)
def test_a_photo_credited_to_a_source_names_no_source_of_the_article_and_ends_no_text(credit: str) -> None:
    """A caption that only credits its photo ("Nguồn: Báo Bắc Giang") is the photo's: the captioned photos
    after it stay in the text, and the article's source stays unknown."""
    later = [
        "Các đại biểu tham quan mô hình trồng vải thiều của hợp tác xã. (Ảnh: HAUFO)",
        "Đoàn bạn bè quốc tế chụp ảnh lưu niệm cùng bà con nông dân. (Ảnh: HAUFO)",
    ]
    article = read_ending(photo_table("a", credit) + photo_table("b", later[0]) + photo_table("c", later[1]))
    assert article.text.splitlines()[-3:] == [credit, *later]
    assert article.source is None
    assert [image.caption for image in article.images] == [credit, *later]


@pytest.mark.parametrize(
    ("shown", "author"),
    [
        ("TS. Nguyễn Văn Hải", "TS. Nguyễn Văn Hải"),
        ("PGS.TS Nguyễn Văn An", "PGS.TS Nguyễn Văn An"),
        ("Đại sứ Nguyễn Văn An", "Đại sứ Nguyễn Văn An"),
        ("Dr. Le Dang Doanh", "Dr. Le Dang Doanh"),
        ("Vu Xuan Hong - Former President of the Viet Nam Union of Friendship Organizations", "Vu Xuan Hong"),
    ],
    ids=["academic-title", "two-titles", "office", "english-title", "name-and-role"],
)
def test_a_link_to_the_writers_page_names_the_writer_with_a_title_or_a_role(shown: str, author: str) -> None:
    """The CMS family links the writer's name to an author page (`/author/<slug>-<id>.sign`), the place of
    work under it: a title or an office before the name, or the writer's role after a dash, leaves the
    name the author, and the place of work is none."""
    box = (
        "<div class='article-detail-author'>"
        f"<a href='https://baoquocte.vn/author/nguyen-van-hai-1540.sign'>{shown}</a>"
        "<div class='author-position'>Học viện Ngoại giao</div></div>"
    )
    article = read_page(headline_page(below=box), "https://baoquocte.vn/tin-chinh-260504.html").article
    assert article.author == author


@pytest.mark.parametrize(
    "shown",
    [
        "Theo dõi Minh Anh",
        "Trang tác giả Minh Anh",
        "Xem tất cả bài viết",
        "Tác giả Minh Anh",
        "Bài của Minh Anh",
        "Liên hệ Minh Anh",
        "Xem thêm Minh Anh",
    ],
)
def test_a_link_to_the_writers_page_that_says_something_else_is_no_name(shown: str) -> None:
    assert author_page_name(shown) is None


RIGHT_ITALIC = "<p style='text-align: right;'><em>{}</em></p>"


@pytest.mark.parametrize(
    ("over", "kept"),
    [
        (RIGHT_ITALIC.format("Thân ái,") + RIGHT_ITALIC.format("Anna Petrova"), ["Thân ái,", "Anna Petrova"]),
        (RIGHT_ITALIC.format("Hồ Chí Minh"), ["Hồ Chí Minh"]),
        (RIGHT_ITALIC.format("“Tình sâu nghĩa nặng”"), ["“Tình sâu nghĩa nặng”"]),
    ],
    ids=["a-letters-closing-and-signature", "a-poems-author", "a-motto"],
)
def test_a_signed_line_over_the_byline_stays_in_the_text(over: str, kept: list[str]) -> None:
    """Only the byline is taken off the end of the body: the letter it translates keeps its signature, the
    poem it quotes its author."""
    article = read_ending(over + SIGNED.format("Thu Hà (dịch)"))
    assert article.author == "Thu Hà"
    assert article.text.split("\n")[-len(kept) :] == kept


@pytest.mark.parametrize(
    "note", ["(*) Tên bài do Tòa soạn đặt", "(*) Tít bài do Tòa soạn đặt.", "Đầu đề do tòa soạn đặt"]
)
def test_an_editors_note_on_the_headline_under_the_byline_is_no_text(note: str) -> None:
    article = read_ending(SIGNED.format("Minh Anh") + f"<p><em>{note}</em></p>")
    assert article.author == "Minh Anh"
    assert "Minh Anh" not in article.text and "soạn" not in article.text


def test_photos_one_under_another_in_one_table_each_take_the_caption_under_them() -> None:
    captions = [f"Ảnh thứ {n} của buổi giao lưu hữu nghị. (Ảnh: Laocai.gov.vn)" for n in range(1, 4)]
    rows = "".join(
        f"<tr><td><img src='/stores/g{n}.jpg' width='700'></td></tr><tr><td>{caption}</td></tr>"
        for n, caption in enumerate(captions, 1)
    )
    article = read_ending(f"<table class='MASTERCMS_TPL_TABLE'><tbody>{rows}</tbody></table>")
    assert [image.caption for image in article.images] == captions
    assert article.text.split("\n")[-3:] == captions


def test_a_slideshows_strip_of_thumbnails_gives_no_images() -> None:
    slides = "".join(
        f"<div class='swiper-slide'><img src='/stores/s{n}.jpg'><p class='slide-caption'>Ảnh {n} buổi lễ.</p></div>"
        for n in range(2)
    )
    thumbs = "".join(f"<div class='swiper-slide'><img src='/stores/thumb_s{n}.jpg'></div>" for n in range(2))
    article = read_ending(
        f"<div class='gallery-slider'><div class='swiper gallery-top'>{slides}</div>"
        f"<div class='swiper gallery-thumbs'>{thumbs}</div></div>"
    )
    assert [image.url.rsplit("/", 1)[-1] for image in article.images] == ["s0.jpg", "s1.jpg"]


def test_a_facebook_post_the_article_quotes_is_its_words() -> None:
    said = "Chương trình chào Xuân qua biên giới năm 2024 đã diễn ra thành công tốt đẹp."
    post = (
        "<p>Trên trang Facebook chính thức, Tổng Lãnh sự quán chia sẻ:</p>"
        "<div class='fb-post' data-href='https://www.facebook.com/TLSQ/posts/1'>"
        f"<blockquote class='fb-xfbml-parse-ignore'><p>{said}</p>Đăng bởi "
        "<a href='https://www.facebook.com/TLSQ'>Tổng Lãnh sự quán</a> vào "
        "<a href='https://www.facebook.com/TLSQ/posts/1'>Thứ Ba, 30 tháng 1, 2024</a></blockquote></div>"
    )
    assert read_ending(post).text.split("\n")[-2:] == [
        "Trên trang Facebook chính thức, Tổng Lãnh sự quán chia sẻ:",
        said,
    ]


@pytest.mark.parametrize(
    ("lead", "first"),
    [
        (f"TĐO - {LEAD}", LEAD),
        (f"(TGVN) - {LEAD}", LEAD),
        (LEAD, LEAD.rstrip(".")),
        (LEAD.replace("thân mật", "“thân mật”"), LEAD.replace("thân mật", '"thân mật"')),
    ],
    ids=["dateline", "outlet-in-brackets", "no-final-stop", "quotes-as-typed"],
)
def test_a_body_that_opens_with_its_lead_again_reads_it_once(lead: str, first: str) -> None:
    page = headline_page(
        "__MASTERCMS_CONTENT", below=f"<div class='article-detail-desc'>{lead}</div>", ending=""
    ).replace(PARAGRAPHS, f"<p>{first}</p>{PARAGRAPHS}")
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert article.text.split("\n")[:3] == ["Tin chính", lead, re.findall(r"<p>(.*?)</p>", PARAGRAPHS)[0]]


@pytest.mark.parametrize(
    ("signature", "author"),
    [
        (SIGNED.format("Minh Anh<br>Thu Hà"), "Minh Anh, Thu Hà"),
        (SIGNED.format("Minh Anh<br>Thu Hà<br>Lan Phương"), "Minh Anh, Thu Hà, Lan Phương"),
        (SIGNED.format("Bài và ảnh:<br>Minh Anh"), "Minh Anh"),
        (SIGNED.format("Lan Phương") + SIGNED.format("Minh Anh<br>Thu Hà"), "Lan Phương, Minh Anh, Thu Hà"),
        (SIGNED.format("Minh Anh") + SIGNED.format("Thu Hà"), "Minh Anh, Thu Hà"),
        (SIGNED.format("Bài và ảnh:") + SIGNED.format("Minh Anh"), "Minh Anh"),
    ],
    ids=[
        "two-names-on-two-lines",
        "three-names",
        "label-over-the-name",
        "a-signed-name-over-the-signature",
        "names-in-paragraphs-of-their-own",
        "label-in-a-paragraph-of-its-own",
    ],
)
def test_a_signature_over_two_lines_is_one_byline(signature: str, author: str) -> None:
    article = read_ending(signature)
    assert article.author == author
    assert article.text.split("\n")[-1] == re.findall(r"<p>(.*?)</p>", PARAGRAPHS)[-1]


NOTES = "<p><strong>Chú thích:</strong></p><p><em>(1) Văn kiện Đại hội VI, Nxb Sự thật, 1987.</em></p>"


def test_a_byline_signed_under_the_notes_is_the_author() -> None:
    article = read_ending(NOTES + SIGNED.format("Nguyễn Văn Hải"))
    assert article.author == "Nguyễn Văn Hải"
    assert article.text.split("\n")[-2:] == ["Chú thích:", "(1) Văn kiện Đại hội VI, Nxb Sự thật, 1987."]


def test_a_signed_line_under_the_notes_that_is_no_byline_stays_under_them() -> None:
    page = headline_page(
        "__MASTERCMS_CONTENT",
        ending=NOTES + SIGNED.format("Minh Anh"),
        below="<h2 class='author-title'>Thu Hà</h2>",
    )
    article = read_page(page, "https://thoidai.com.vn/tin-chinh-212345.html").article
    assert article.author == "Thu Hà"
    assert article.text.split("\n")[-3:] == [
        "Chú thích:",
        "(1) Văn kiện Đại hội VI, Nxb Sự thật, 1987.",
        "Minh Anh",
    ]


def test_the_next_part_announced_under_the_byline_leaves_the_byline() -> None:
    article = read_ending(
        SIGNED.format("Hồng Hạnh") + "<p><em>Đón đọc: Bài 3: Áo dài trong đời sống</em></p>"
    )
    assert article.author == "Hồng Hạnh"
    assert article.text.split("\n")[-1] == "Đón đọc: Bài 3: Áo dài trong đời sống"


@pytest.mark.parametrize(
    ("credit", "source"),
    [("(Lược dịch từ The Diplomat)", "The Diplomat"), ("Lược dịch theo Nikkei Asia", "Nikkei Asia")],
)
def test_a_translations_credit_names_the_source(credit: str, source: str) -> None:
    article = read_ending(RIGHT_ITALIC.format(credit))
    assert article.source == source
    assert credit not in article.text


def test_a_series_navigation_with_parts_not_yet_out_is_no_text() -> None:
    box = (
        "<div class='box-series'><p><strong>Loạt bài: Áo dài - sứ giả văn hóa Việt</strong></p><ul>"
        "<li><a href='https://thoidai.com.vn/bai-1-ao-dai-188746.html'>Bài 1: Áo dài - di sản văn hóa</a></li>"
        "<li><strong>Bài 2: Áo dài kết nối Việt Nam và thế giới</strong></li>"
        "<li>Bài 3: Áo dài trong đời sống đương đại</li></ul></div>"
    )
    page = headline_page("__MASTERCMS_CONTENT").replace(PARAGRAPHS, box + PARAGRAPHS)
    article = read_page(page, "https://thoidai.com.vn/bai-2-ao-dai-188747.html").article
    assert article.text.split("\n")[1:] == re.findall(r"<p>(.*?)</p>", PARAGRAPHS)
    assert article.related_urls == ["https://thoidai.com.vn/bai-1-ao-dai-188746.html"]


def test_a_list_of_parts_of_a_programme_is_text() -> None:
    """Parts named like a series' ("Phần 1: …"), with a link to no article, are the article's list."""
    parts = (
        "<ul><li>Phần 1: Khai mạc tại trụ sở <a href='https://vufo.org.vn/'>Liên hiệp</a></li>"
        "<li>Phần 2: Giao lưu văn nghệ hai nước</li></ul>"
    )
    lines = read_ending(parts).text.split("\n")
    assert lines[-2:] == ["Phần 1: Khai mạc tại trụ sở Liên hiệp", "Phần 2: Giao lưu văn nghệ hai nước"]


@pytest.mark.parametrize(
    "after",
    ["<div class='x-upd'>Cập nhật: 10:00 | 20/01/2024</div>", "<p>Hà Nội, 10:00 ngày 20/01/2024</p>"],
    ids=["an-update-line", "an-event-line"],
)
def test_a_timed_date_line_two_elements_above_the_headline_comes_before_lines_after_it(after: str) -> None:
    page = (
        "<html><body><div class='x-time'>08:15 | 15/01/2024</div><div class='x-share'>Chia sẻ</div><h1>Tiêu đề"
        f"</h1>{after}<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p><p>Đoạn hai của bài.</p></div>"
        "</body></html>"
    )
    result = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert result.article.published_at == "2024-01-15T08:15:00+07:00"


@pytest.mark.parametrize(
    ("above", "lines", "modified"),
    [
        (
            "",
            "<span class='datetime'>20:53 | 14/03/2024</span> <span class='x-upd'>Cập nhật: 21:10 | 14/03/2024</span>",
            "2024-03-14T21:10:00+07:00",
        ),
        (
            "",
            "<div class='x-pub'>20:53 | 14/03/2024</div><div class='x-upd'>Cập nhật: 08:00 15/03/2024</div>",
            "2024-03-15T08:00:00+07:00",
        ),
        ("", "<span class='datetime'>Cập nhật: 20:53 | 14/03/2024</span>", None),
        (
            "<div class='today'>Cập nhật: 09:15 | 20/05/2024</div>",
            "<span class='datetime'>20:53 | 14/03/2024</span>",
            None,
        ),
    ],
    ids=[
        "update-beside-the-date-selector",
        "update-beside-an-unknown-date-line",
        "labelled-line-alone",
        "the-sites-clock-above-the-headline",
    ],
)
def test_an_update_line_apart_from_the_date_line_gives_the_update_time(
    above: str, lines: str, modified: str | None
) -> None:
    """A line labelled "Cập nhật: …" after the headline, apart from the publication's date line, gives the
    update time; a labelled line alone gives the publication time only, and one above the headline may be
    the site's clock: it updates nothing."""
    page = (
        f"<html><body>{above}<h1>Tiêu đề</h1>{lines}<div class='__MASTERCMS_CONTENT'><p>Đoạn một của bài.</p>"
        "<p>Đoạn hai của bài.</p></div></body></html>"
    )
    article = EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html").article
    assert (article.published_at, article.modified_at) == ("2024-03-14T20:53:00+07:00", modified)


def test_an_event_told_with_its_time_in_the_body_dates_nothing() -> None:
    page = (
        "<html><body><h1>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'><p>Lúc 10:20 ngày 14/03/2024, tại Hà Nội, "
        "Liên hiệp các tổ chức hữu nghị Việt Nam tổ chức lễ kỷ niệm 74 năm ngày thành lập.</p><p>Đoạn hai.</p>"
        "</div></body></html>"
    )
    assert EXTRACTOR.extract(page, "https://thoidai.com.vn/tieu-de-123456.html").article.published_at is None


def _in_teaser_looked_up(node: lxml.html.HtmlElement, title_node: lxml.html.HtmlElement | None) -> bool:
    """`in_teaser` as its definition reads, ancestor by ancestor with nothing kept."""
    around_title = set(title_node.iterancestors()) if title_node is not None else set()
    for ancestor in (node, *node.iterancestors()):
        if ancestor in around_title:
            return False
        if _is_teaser_box(ancestor) or _is_site_header(ancestor) or _titles_an_article(ancestor):
            return True
    return False


@pytest.mark.parametrize("name", ARTICLES)
def test_teaser_verdicts_kept_for_a_page_answer_as_its_definition_does_in_any_order(name: str) -> None:
    root = parse_page(html(name))
    title_node = prominent_h1(root)
    elements = [node for node in root.iter() if isinstance(node, lxml.html.HtmlElement)]
    kept = Teasers(title_node)
    from_the_bottom = {id(node): kept.hold(node) for node in reversed(elements)}
    looked_up = {id(node): _in_teaser_looked_up(node, title_node) for node in elements}
    assert from_the_bottom == looked_up
    assert {id(node): in_teaser(node, title_node) for node in elements} == looked_up
    assert 0 < sum(looked_up.values()) < len(elements)


OTHER_SITES_STORY = "Hội hữu nghị Việt - Lào tỉnh Bắc Giang tổ chức gặp mặt"


@pytest.mark.parametrize(
    "box",
    [
        "<p><strong>Tin liên quan</strong></p><ul><li><a href='https://vov.vn/the-gioi/gap-mat-post1030001.vov'>"
        f"{OTHER_SITES_STORY}</a></li></ul>",
        f"<p><strong>Xem thêm:</strong><br><a href='https://www.vietnamplus.vn/gap-mat-post900001.vnp'>{OTHER_SITES_STORY}</a></p>",
        "<p><strong>Đọc thêm</strong></p><ul><li><a href='https://baobacgiang.vn/bac-giang/412345/gap-mat.html'>"
        f"{OTHER_SITES_STORY}</a></li><li><a href='/chu-de/huu-nghi.html'>Hữu nghị Việt - Lào</a></li></ul>",
        "<p><strong>Read more:</strong></p><ul><li><a href='https://en.vietnamplus.vn/vietnam-laos-post255555.vnp'>"
        "Vietnam, Laos sign cooperation deal in education sector</a></li></ul>",
    ],
    ids=["another-sites-article", "labelled-link", "a-news-site-path-and-a-topic", "english-read-more"],
)
def test_a_related_box_of_other_sites_pages_leaves_the_text_and_the_article_whole(box: str) -> None:
    """Under its title, a box's links are related pages whatever their addresses look like: left in the
    text, its title would end the article there."""
    after = "<p>Đoạn ba của bài, một câu đủ dài để đọc, sau hộp tin liên quan.</p>"
    article = read_article(article_page(box + after), "https://thoidai.com.vn/tieu-de-bai-viet-194335.html")
    assert article.text.splitlines()[1:] == [
        "Đoạn một của bài, một câu đủ dài để đọc.",
        "Đoạn hai của bài, một câu đủ dài để đọc.",
        "Đoạn ba của bài, một câu đủ dài để đọc, sau hộp tin liên quan.",
    ]


def test_a_closing_block_of_credits_leaves_the_text_and_names_the_author() -> None:
    credits = "".join(
        f"<p style='text-align:right'><strong>{line}</strong></p>"
        for line in ("Bài: Anh Vũ", "Ảnh: Minh Đức")
    )
    third = "<p>Đoạn ba của bài, một câu đủ dài để đọc.</p>"
    article = read_article(
        article_page(third + credits), "https://thoidai.com.vn/tieu-de-bai-viet-194335.html"
    )
    assert article.author == "Anh Vũ"
    assert article.text.splitlines()[-1] == "Đoạn ba của bài, một câu đủ dài để đọc."


@pytest.mark.parametrize(
    "stated",
    [
        "Đoạn một của bài, một câu đủ dài để đọc.\nĐoạn hai của bài, một câu đủ dài để đọc.",
        "<p>Đoạn một của bài, một câu <strong>đủ dài</strong> để đọc.</p><p>Đoạn hai của bài, một câu đủ dài"
        " để đọc.</p>",
    ],
    ids=["plain-text", "markup"],
)
def test_a_page_its_script_alone_renders_is_read_from_its_json_ld_body(stated: str) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Tiêu đề bài viết",
        "datePublished": "2023-08-09T16:43:00+07:00",
        "articleBody": stated,
    }
    page = (
        f"<html><head><script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script></head>"
        "<body><div id='app'></div></body></html>"
    )
    result = EXTRACTOR.extract(page, "https://example.vn/tieu-de-bai-viet-194335.html")
    assert result.article.text.splitlines() == [
        "Tiêu đề bài viết",
        "Đoạn một của bài, một câu đủ dài để đọc.",
        "Đoạn hai của bài, một câu đủ dài để đọc.",
    ]
    assert (result.sources["text"], result.fallback) == ("json-ld", True)


def test_the_open_graph_tags_of_a_page_are_its_tags_when_it_shows_none() -> None:
    head = "".join(f"<meta property='article:tag' content='{tag}'>" for tag in ("Bắc Giang", "hữu nghị"))
    result = EXTRACTOR.extract(article_page("", head=head), "https://example.vn/tieu-de-bai-viet-194335.html")
    assert (result.article.tags, result.sources["tags"]) == (["Bắc Giang", "hữu nghị"], "meta")
