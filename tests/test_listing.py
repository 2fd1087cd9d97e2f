from datetime import date

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from friendship_crawler.listing import goes_back, listing_offset, listing_url, parse_listing
from friendship_crawler.spiders.friendship import GUESSED_PAGE, FriendshipSpider

CURRENT = """<html><body><div class="_BX_LISTING">
<div class="article"><a href="/a-200.html"><img src="x.jpg"></a><h3><a href="/a-200.html">A</a></h3>
<span class="article-date">09:10 | 05/03/2024</span></div>
<div class="article"><a href="https://www.thoidai.com.vn/b-199.html"><img></a><h3><a href="https://www.thoidai.com.vn/b-199.html">B</a></h3></div>
</div><div class="btn-viewmore"><a href="/huu-nghi&s_cond=&BRSR=16">Xem thêm</a></div></body></html>"""

OLD = """<html><body><div class="_MB_CATEGORY_LIST">
<div class="bx-article"><a href="/c-55.html"><img></a><h3><a href="/c-55.html">C</a></h3><span class="bx-date">01/02/2019</span></div>
</div><div class="__MB_ARTICLE_PAGING"><a href="/huu-nghi/x&s_cond=&BRSR=0">1</a>
<a href="/huu-nghi/x&s_cond=&BRSR=15">2</a><a href="/huu-nghi/x&s_cond=&BRSR=15">Sau</a></div></body></html>"""


def test_current_markup() -> None:
    page = parse_listing(CURRENT, "https://thoidai.com.vn/huu-nghi")
    assert page.markup == "current"
    assert [e.url for e in page.entries] == [
        "https://thoidai.com.vn/a-200.html",
        "https://www.thoidai.com.vn/b-199.html",
    ]
    assert [e.published for e in page.entries] == [date(2024, 3, 5), None]
    assert page.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16"


def test_2020_markup_follows_the_sau_link() -> None:
    page = parse_listing(OLD, "https://thoidai.com.vn/huu-nghi/x")
    assert page.markup == "2020"
    assert page.entries[0].published == date(2019, 2, 1)
    assert page.next_url == "https://thoidai.com.vn/huu-nghi/x&s_cond=&BRSR=15"


def test_paging_boxes_of_the_family_and_rel_next_give_the_next_page() -> None:
    url = "https://thoidai.com.vn/huu-nghi/x"
    next_page = "https://thoidai.com.vn/huu-nghi/x&s_cond=&BRSR=15"
    bare = OLD.replace("__MB_ARTICLE_PAGING", "other").replace(">Sau<", ">2<")
    assert parse_listing(bare, url).next_url is None
    for box in (
        '<div class="grNextPage"><a href="/huu-nghi/x&s_cond=&BRSR=15">&gt;</a></div>',
        '<ul class="pagination"><li><a href="/huu-nghi/x&s_cond=&BRSR=15">»</a></li></ul>',
        '<a rel="next" href="/huu-nghi/x&s_cond=&BRSR=15">2</a>',
    ):
        assert parse_listing(bare.replace("</body>", f"{box}</body>"), url).next_url == next_page
    head = bare.replace("<html>", '<html><head><link rel="next" href="/huu-nghi/x&s_cond=&BRSR=15"></head>')
    assert parse_listing(head, url).next_url == next_page


def test_last_page_and_unknown_markup() -> None:
    last = OLD.replace('<a href="/huu-nghi/x&s_cond=&BRSR=15">Sau</a>', "")
    assert parse_listing(last, "https://thoidai.com.vn/huu-nghi/x").next_url is None
    unknown = parse_listing("<html><body><p>nothing</p></body></html>", "https://thoidai.com.vn/huu-nghi")
    assert unknown.markup is None and unknown.entries == ()


def test_listing_urls() -> None:
    assert listing_url("https://thoidai.com.vn/huu-nghi", 0) == "https://thoidai.com.vn/huu-nghi"
    assert listing_url("https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16", 32) == (
        "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=32"
    )
    assert listing_offset("https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=48") == 48
    assert listing_offset("https://thoidai.com.vn/huu-nghi") == 0


LOAD_MORE = """<html><body><header><nav><a href="/menu-100.html">Menu</a></nav></header>
<div class="cat-content __MB_LIST_ITEM">
<article class="article"><h3 class="article-title"><a href="/a-300.html">A</a></h3><span>10:00 | 19/08/2024</span></article>
<article class="article"><h3 class="article-title"><a href="/b-299.html">B</a></h3></article>
</div><input type="hidden" name="__MB_NEXT_URL" value="/apicenter@/article_lm&sid=12&BRSR=2&lim=10">
<span class="btn-viewmore">XEM THÊM</span></body></html>"""

TEASERS = "".join(
    f'<li><a href="/tin-{n}-{400 + n}.html">Tin {n}</a> <span>0{n}/08/2024</span></li>' for n in range(1, 7)
)
TEASER_URLS = [f"https://thoidai.com.vn/tin-{n}-{400 + n}.html" for n in range(1, 7)]
"""The article addresses `TEASERS` links, in page order."""
UNKNOWN = f"""<html><body><header><a href="/menu-101.html">Menu</a></header><div class="main-menu"><a href="/m-102.html">M</a></div>
<div class="list-news"><ul>{TEASERS}</ul></div>
<div class="box"><h2>Đọc nhiều</h2><ul><li><a href="/doc-nhieu-500.html">Đọc nhiều</a></li></ul></div>
<div class="box"><h2>Tin khác</h2><a href="https://other.example/x-600.html">Ngoài site</a></div>
<footer><a href="/footer-700.html">F</a></footer></body></html>"""


def test_load_more_markup_pages_by_offset_where_the_hidden_next_url_is_a_disallowed_service_path() -> None:
    page = parse_listing(LOAD_MORE, "https://thoidai.com.vn/huu-nghi")
    assert page.markup == "load-more"
    assert [e.url for e in page.entries] == [
        "https://thoidai.com.vn/a-300.html",
        "https://thoidai.com.vn/b-299.html",
    ]
    assert page.entries[0].published == date(2024, 8, 19)
    assert page.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=2"
    for named_by in ('id="__MB_NEXT_URL"', 'class="__MB_NEXT_URL" id="h-next"'):
        unnamed = LOAD_MORE.replace('name="__MB_NEXT_URL"', named_by)
        assert parse_listing(unnamed, "https://thoidai.com.vn/huu-nghi").next_url == page.next_url
    allowed = LOAD_MORE.replace("/apicenter@/article_lm&sid=12&BRSR=2&lim=10", "/huu-nghi/trang-2")
    assert (
        parse_listing(allowed, "https://thoidai.com.vn/huu-nghi").next_url
        == "https://thoidai.com.vn/huu-nghi/trang-2"
    )


@pytest.mark.parametrize(
    "control",
    [
        '<button class="load-more-v3" data-api="/api/list?p=2">Xem thêm</button>',
        '<a href="javascript:void(0)" class="more">XEM THÊM</a>',
    ],
    ids=["a-button", "a-script-link"],
)
def test_a_load_more_control_that_names_no_address_pages_by_the_cms_offset(control: str) -> None:
    """The site's "Xem thêm" turned into a script's button: the list still goes on at the address the CMS
    serves its pages at, and is not read as ending on its first page."""
    scripted = LOAD_MORE.split("</div>")[0] + f"</div>{control}</body></html>"
    page = parse_listing(scripted, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=2")
    assert page.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=4"
    last = LOAD_MORE.split("</div>")[0] + "</div></body></html>"
    assert parse_listing(last, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=2").next_url is None
    rail = last.replace("</body>", '<div class="btn-viewmore"><a href="/van-hoa">Xem thêm</a></div></body>')
    assert parse_listing(rail, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=2").next_url is None


def test_a_load_more_url_pages_at_the_offset_it_states_whatever_the_entries_read() -> None:
    """A listing in a markup nobody knows, read by the fallback, counts a teaser beside the list among its
    entries: the offset the load-more URL states, not the count, names the next page, so no article of
    the next page is skipped."""
    unknown = UNKNOWN.replace(
        "</ul></div>",
        '</ul></div><input type="hidden" name="__MB_NEXT_URL" value="/apicenter@/article_lm&sid=12&BRSR=5">',
    ).replace('<div class="list-news">', '<div class="list-news"><a href="/noi-bat-800.html">Nổi bật</a>')
    page = parse_listing(unknown, "https://thoidai.com.vn/huu-nghi")
    assert (page.markup, len(page.entries)) == ("fallback", 7)
    assert page.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=5"


def test_unknown_markup_falls_back_to_the_main_columns_article_links() -> None:
    page = parse_listing(UNKNOWN, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16")
    assert page.markup == "fallback"
    assert [e.url for e in page.entries] == TEASER_URLS
    assert page.entries[2].published == date(2024, 8, 3)
    assert page.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=22"


def test_a_few_article_links_make_no_listing_unless_the_page_is_known_to_be_one() -> None:
    """An article page links a few articles too; a page the crawl asked for as a listing (a young
    subsection's first page) lists what it lists."""
    few = UNKNOWN.replace(TEASERS, TEASERS[: TEASERS.index('<li><a href="/tin-3')])
    page = parse_listing(few, "https://thoidai.com.vn/huu-nghi")
    assert page.markup is None and page.entries == ()
    known = parse_listing(few, "https://thoidai.com.vn/huu-nghi", known_listing=True)
    assert (known.markup, [e.url for e in known.entries]) == (
        "fallback",
        ["https://thoidai.com.vn/tin-1-401.html", "https://thoidai.com.vn/tin-2-402.html"],
    )


def _current(buttons: str, page: str = "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16") -> str | None:
    return parse_listing(
        CURRENT.replace(CURRENT[CURRENT.index('<div class="btn-viewmore">') :], buttons), page
    ).next_url


def test_a_button_back_or_to_another_listing_is_no_next_page() -> None:
    """Page 2 on of the current template shows "Trang trước" before "Trang sau", the last page only the
    first; a section page's subsection boxes have "Xem thêm" buttons of their own."""
    back = '<div class="btn-viewmore"><a href="/huu-nghi&s_cond=&BRSR=0">Trang trước</a></div>'
    forward = '<div class="btn-viewmore"><a href="/huu-nghi&s_cond=&BRSR=32">Trang sau</a></div>'
    assert _current(back + forward + "</body></html>") == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=32"
    assert _current(back + "</body></html>") is None
    subsection = '<div class="btn-viewmore"><a href="/huu-nghi/bon-phuong-ket-ban">Xem thêm</a></div>'
    first_page = _current(subsection + forward + "</body></html>", "https://thoidai.com.vn/huu-nghi")
    assert first_page == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=32"


@pytest.mark.parametrize(
    "paging",
    [
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">«</a><a href="/huu-nghi/x&s_cond=&BRSR=30">Sau »</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=30">Trang sau ›</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=30">Tiếp »</a>',
        '<a class="next" href="/huu-nghi/x&s_cond=&BRSR=30"><i class="fa fa-angle-right"></i></a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=450" title="Trang cuối">»</a>'
        '<a href="/huu-nghi/x&s_cond=&BRSR=30" title="Trang sau">›</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">1</a><span class="current">2</span>'
        '<a href="/huu-nghi/x&s_cond=&BRSR=30">3</a><a href="/huu-nghi/x&s_cond=&BRSR=45">4</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">Trang trước</a><a href="/huu-nghi/x&s_cond=&BRSR=30">Trang kế</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">Trước</a><a href="/huu-nghi/x&s_cond=&BRSR=30">Kế »</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">Trước</a><a href="/huu-nghi/x&s_cond=&BRSR=30">Trang&nbsp;kế</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">1</a><a class="is-active" href="/huu-nghi/x&s_cond=&BRSR=15">2</a>'
        '<a href="/huu-nghi/x&s_cond=&BRSR=30">3</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">1</a><span class="current">2</span>'
        '<a href="/huu-nghi/x&s_cond=&BRSR=30">3</a><a href="/huu-nghi/x&s_cond=&BRSR=450">»</a>',
        '<a href="/huu-nghi/x&s_cond=&BRSR=0">1</a><span>2</span><a href="/huu-nghi/x&s_cond=&BRSR=30">3</a>'
        '<a href="/huu-nghi/x&s_cond=&BRSR=45">4</a><a class="next" href="/huu-nghi/x&s_cond=&BRSR=450">»</a>',
    ],
    ids=[
        "sau-raquo",
        "trang-sau",
        "tiep",
        "an-icon-of-class-next",
        "raquo-is-the-last-page",
        "numbers-only",
        "trang-ke",
        "ke-raquo",
        "trang-nbsp-ke",
        "the-current-page-a-link-marked-is-active",
        "an-untitled-raquo-to-the-last-page-after-the-numbers",
        "a-next-arrow-that-jumps-past-the-numbered-next-page",
    ],
)
def test_a_paging_box_gives_the_next_page_however_it_says_so(paging: str) -> None:
    page = OLD.replace(
        OLD[OLD.index('<div class="__MB_ARTICLE_PAGING">') :],
        f'<div class="__MB_ARTICLE_PAGING">{paging}</div></body></html>',
    )
    next_url = parse_listing(page, "https://thoidai.com.vn/huu-nghi/x&s_cond=&BRSR=15").next_url
    assert next_url == "https://thoidai.com.vn/huu-nghi/x&s_cond=&BRSR=30"


@pytest.mark.parametrize(
    "more",
    [
        '<div class="phantrang"><a href="/huu-nghi&s_cond=&BRSR=0">Trang trước</a>'
        '<a href="/huu-nghi&s_cond=&BRSR=32">Trang sau</a></div>',
        '<div class="view-more-wrap"><a class="view-more" href="/huu-nghi&s_cond=&BRSR=32">Xem thêm</a></div>',
        '<div class="box-xemthem"><span class="btn-xemthem" data-url="/huu-nghi&s_cond=&BRSR=32">Xem thêm</span></div>',
    ],
    ids=["a-paging-box-named-in-vietnamese", "a-view-more-link", "a-load-more-button-with-its-url"],
)
def test_the_next_page_of_a_list_read_by_the_fallback_is_the_one_its_page_names(more: str) -> None:
    """The offset a page names, not one counted from the entries read (a featured teaser among them would
    skip articles of the next page)."""
    page = _unknown(TEASERS, more).replace(
        '<div class="list-news">', '<div class="list-news"><a href="/noi-bat-800.html">Nổi bật</a>'
    )
    assert parse_listing(page, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16").next_url == (
        "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=32"
    )


def test_a_view_more_link_or_button_to_another_listing_is_no_next_page() -> None:
    for more in (
        '<a class="view-more" href="/huu-nghi/bon-phuong-ket-ban&s_cond=&BRSR=16">Xem thêm</a>',
        '<span class="btn-xemthem" data-url="/huu-nghi/chan-dung-be-ban">Xem thêm</span>',
    ):
        page = parse_listing(_unknown(TEASERS, more), "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16")
        assert page.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=22"


def test_a_next_address_that_is_none_ends_the_listing() -> None:
    more = '<span class="btn-xemthem" data-url="http://[::1&BRSR=10">Xem thêm</span>'
    assert parse_listing(_unknown(TEASERS, more), "").next_url is None


def test_a_layouts_header_and_footer_are_chrome() -> None:
    chrome = '<div class="layout-header"><a href="/dau-trang-801.html">Đầu</a></div>'
    page = (
        _unknown(TEASERS)
        .replace("<body>", f"<body>{chrome}")
        .replace("</body>", '<div class="layout-footer"><a href="/cuoi-trang-802.html">Cuối</a></div></body>')
    )
    assert [e.url for e in parse_listing(page, "https://thoidai.com.vn/huu-nghi").entries] == TEASER_URLS


def _unknown(teasers: str, after: str = "", wrapper: str = "list-news") -> str:
    return UNKNOWN.replace(f"<ul>{TEASERS}</ul>", f"<ul>{teasers}</ul>{after}").replace("list-news", wrapper)


def test_the_page_being_read_is_no_next_page_though_its_marker_holds_a_link() -> None:
    paging = (
        '<ul class="pagination"><li class="active"><a href="/huu-nghi/x?page=1">1</a></li>'
        '<li><a href="/huu-nghi/x?page=2">2</a></li></ul>'
    )
    page = OLD.replace(OLD[OLD.index('<div class="__MB_ARTICLE_PAGING">') :], f"{paging}</body></html>")
    assert parse_listing(page, "https://thoidai.com.vn/huu-nghi/x").next_url == (
        "https://thoidai.com.vn/huu-nghi/x?page=2"
    )


def test_the_fallback_pages_as_the_page_numbers_and_stops_where_its_paging_box_does() -> None:
    numbered = parse_listing(
        _unknown(
            TEASERS,
            '<div class="paging"><a href="/tin-tuc/p1">1</a><span class="active">2</span>'
            '<a href="/tin-tuc/p3">3</a></div>',
        ),
        "https://example.vn/tin-tuc/p2",
    )
    assert numbered.next_url == "https://example.vn/tin-tuc/p3"
    last = parse_listing(
        _unknown(TEASERS, '<div class="paging"><a href="/huu-nghi">Trước</a></div>'),
        "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16",
    )
    assert (len(last.entries), last.next_url) == (6, None)


def test_a_later_page_of_a_listing_lists_however_few_teasers_it_holds() -> None:
    few = TEASERS[: TEASERS.index('<li><a href="/tin-3')]
    page = parse_listing(_unknown(few), "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=48")
    assert [e.url for e in page.entries] == [
        "https://thoidai.com.vn/tin-1-401.html",
        "https://thoidai.com.vn/tin-2-402.html",
    ]


@pytest.mark.parametrize(
    ("teasers", "wrapper"),
    [
        (
            "".join(
                f'<article><header><h3><a href="/tin-{n}-{400 + n}.html">Tin {n}</a></h3></header></article>'
                for n in range(1, 7)
            ),
            "list-news",
        ),
        (TEASERS, "page-wrap has-sidebar"),
        (TEASERS, "container layout-sidebar-right"),
        (
            "".join(
                f'<li><a href="/tin-{n}-{400 + n}.html">Tin {n}</a> <a href="/tin-{n}-{400 + n}.html#box-comment">3</a></li>'
                for n in range(1, 7)
            ),
            "list-news",
        ),
    ],
    ids=[
        "teasers-with-their-own-header",
        "a-layout-that-has-a-sidebar",
        "a-layout-named-by-its-sidebar",
        "comment-count-links",
    ],
)
def test_the_fallback_reads_each_teaser_once_whatever_wraps_it(teasers: str, wrapper: str) -> None:
    page = parse_listing(_unknown(teasers, wrapper=wrapper), "https://thoidai.com.vn/huu-nghi")
    assert [e.url for e in page.entries] == TEASER_URLS


@pytest.mark.parametrize(
    "rail",
    [
        '<div class="box"><div class="box-heading"><h3>Tin mới</h3><a href="/tin-moi">Xem thêm</a></div>'
        '<ul><li><a href="/moi-1-900.html">Mới</a></li><li><a href="/moi-2-901.html">Mới</a></li></ul></div>',
        '<div class="box"><h3>Most Read</h3><ul><li><a href="/moi-1-900.html">A</a></li>'
        '<li><a href="/moi-2-901.html">B</a></li></ul></div>',
        '<div class="col-right"><div class="box-heading"><span>Đọc nhiều</span></div><ul>'
        '<li><a href="/moi-1-900.html">A</a></li><li><a href="/moi-2-901.html">B</a></li></ul></div>',
        '<div class="box"><h3>Tin đọc nhiều nhất</h3><ul><li><a href="/moi-1-900.html">A</a></li>'
        '<li><a href="/moi-2-901.html">B</a></li></ul></div>',
        '<div class="colRight"><div class="titleBox"><a href="/tin-moi">Tin mới cập nhật</a></div><ul>'
        '<li><a href="/moi-1-900.html">A</a></li><li><a href="/moi-2-901.html">B</a></li></ul></div>',
        '<div class="box"><p class="box-title">Sự kiện nổi bật</p><ul><li><a href="/moi-1-900.html">A</a></li>'
        '<li><a href="/moi-2-901.html">B</a></li></ul></div>',
    ],
    ids=[
        "a-title-bar-with-its-own-link",
        "in-english",
        "a-heading-by-class",
        "a-title-with-an-ending",
        "a-camel-case-title-box",
        "events-in-the-spotlight",
    ],
)
def test_a_rails_links_are_no_entries(rail: str) -> None:
    page = parse_listing(_unknown(TEASERS, rail), "https://thoidai.com.vn/huu-nghi")
    assert [e.url for e in page.entries] == TEASER_URLS


def test_a_teaser_titled_as_a_rail_is_an_entry() -> None:
    """A teaser's title that reads like a rail's heading ("Video") links its article: it heads no rail."""
    teasers = TEASERS.replace(
        '<a href="/tin-1-401.html">Tin 1</a>', '<h3><a href="/tin-1-401.html">Video</a></h3>'
    )
    page = parse_listing(_unknown(teasers), "https://thoidai.com.vn/huu-nghi")
    assert [e.url for e in page.entries] == TEASER_URLS


@pytest.mark.parametrize(
    "empty_rail",
    [
        '<div class="box"><h3>Tin mới</h3><div class="__lazy_widget"></div></div>',
        '<div class="col"><h4>Multimedia</h4><ul><li><a href="/video">Video</a></li></ul></div>',
    ],
    ids=["a-box-a-widget-fills-later", "a-heading-over-category-links"],
)
def test_a_rail_heading_over_no_article_links_leaves_the_list_whole(empty_rail: str) -> None:
    """A rail's heading whose box holds no article links climbs to the box around it that does: the
    column around the list is no rail, on a known markup or an unknown one."""
    current = CURRENT.replace(
        '</div><div class="btn-viewmore">', f'</div>{empty_rail}<div class="btn-viewmore">'
    )
    column = f'<html><body><div class="main-col">{current[len("<html><body>") : -len("</body></html>")]}</div></body></html>'
    assert [e.url for e in parse_listing(column, "https://thoidai.com.vn/huu-nghi").entries] == [
        "https://thoidai.com.vn/a-200.html",
        "https://www.thoidai.com.vn/b-199.html",
    ]
    unknown = _unknown(TEASERS, empty_rail)
    assert [e.url for e in parse_listing(unknown, "https://thoidai.com.vn/huu-nghi").entries] == TEASER_URLS


FEATURED = (
    '<div class="cat-hot"><div class="hot-big"><a href="/noi-bat-1-801.html"><img></a>'
    '<h2><a href="/noi-bat-1-801.html">Nổi bật 1</a></h2></div>'
    '<ul><li><a href="/noi-bat-2-802.html"><img src="t.jpg"></a><a href="/noi-bat-2-802.html">Nổi bật 2</a></li>'
    '<li><a href="/a-200.html"><img src="t.jpg"></a><a href="/a-200.html">A</a></li></ul></div>'
)


def test_a_first_pages_featured_box_above_the_list_is_read_first() -> None:
    """A section's first page puts its featured articles above the list, in a box of their own: they are
    entries too, each once, and the page's paging is the list's; a later page shows no featured box. A
    ticker's bare links and a rail above the list are no featured box."""
    ticker = '<div class="ticker"><span>Tin nóng:</span><a href="/khac-900.html">Tin nóng</a></div>'
    rail = (
        '<div class="box"><h3>Đọc nhiều</h3><ul><li><a href="/doc-nhieu-901.html"><img src="t.jpg"></a>'
        '<a href="/doc-nhieu-901.html">Đọc nhiều</a></li></ul></div>'
    )
    page = CURRENT.replace(
        '<html><body><div class="_BX_LISTING">',
        f'<html><body><div class="col-main">{ticker}<div class="breadcrumbs"><a href="/huu-nghi">Hữu nghị</a></div>'
        f'{rail}{FEATURED}<div class="_BX_LISTING">',
    ).replace("</body>", "</div></body>")
    first = parse_listing(page, "https://thoidai.com.vn/huu-nghi")
    assert [e.url for e in first.entries] == [
        "https://thoidai.com.vn/noi-bat-1-801.html",
        "https://thoidai.com.vn/noi-bat-2-802.html",
        "https://thoidai.com.vn/a-200.html",
        "https://www.thoidai.com.vn/b-199.html",
    ]
    assert first.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16"
    later = parse_listing(page, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16")
    assert [e.url for e in later.entries] == [
        "https://thoidai.com.vn/a-200.html",
        "https://www.thoidai.com.vn/b-199.html",
    ]


def test_a_rails_own_box_stays_a_rail_on_a_page_of_few_entries_or_none() -> None:
    """A rail holds most of the article links of a last page with a few entries, or of a page with none:
    it is still a rail, and a rail built with another listing markup does not outnumber the list."""
    rail = "".join(
        f'<article class="article"><h3><a href="/doc-nhieu-{n}-90{n}.html">R</a></h3></article>'
        for n in range(6)
    )
    aside = f'<div class="col-right"><h3>Đọc nhiều</h3><div class="__MB_LIST_ITEM">{rail}</div></div>'
    last = CURRENT.replace("</body>", f"{aside}</body>")
    page = parse_listing(last, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=32")
    assert [e.url for e in page.entries] == [
        "https://thoidai.com.vn/a-200.html",
        "https://www.thoidai.com.vn/b-199.html",
    ]
    links = "".join(f'<li><a href="/doc-nhieu-{n}-90{n}.html">R</a></li>' for n in range(6))
    empty = (
        '<html><body><div class="content"><p>Chưa có bài viết.</p></div>'
        f'<div class="col"><div><h3>Đọc nhiều</h3><ul>{links}</ul></div></div></body></html>'
    )
    for url, known in (
        ("https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=320", False),
        ("https://thoidai.com.vn/huu-nghi/moi", True),
    ):
        assert parse_listing(empty, url, known_listing=known).entries == ()


def test_the_list_of_most_entries_is_the_listing_whatever_the_markup_of_a_box_beside_it() -> None:
    """A page of the 2020 markup with a side box built with the current one: the list is the 2020 one."""
    side = '<div class="side"><div class="_BX_LISTING"><div class="article"><a href="/khac-900.html">K</a></div></div></div>'
    teasers = "".join(
        f'<div class="bx-article"><h3><a href="/c-{n}-{50 + n}.html">C</a></h3></div>' for n in range(1, 4)
    )
    page = OLD.replace('<div class="_MB_CATEGORY_LIST">', f'{side}<div class="_MB_CATEGORY_LIST">{teasers}')
    listing = parse_listing(page, "https://thoidai.com.vn/huu-nghi/x&s_cond=&BRSR=15")
    assert listing.markup == "2020"
    assert [e.url.rsplit("-", 1)[-1] for e in listing.entries] == ["51.html", "52.html", "53.html", "55.html"]


@pytest.mark.parametrize(
    ("teaser", "day"),
    [
        (
            '<h3><a href="/a-200.html">Kỷ niệm Quốc khánh (2/9/1945 - 2/9/2025)</a></h3>'
            '<span class="article-date">09:10 | 28/08/2025</span>',
            date(2025, 8, 28),
        ),
        (
            '<h3><a href="/a-200.html">A</a></h3><time datetime="2025-08-28T09:10:00+07:00">Hôm qua</time>',
            date(2025, 8, 28),
        ),
        (
            '<h3><a href="/a-200.html">A</a></h3><p>Ngày 30/4/1975, Sài Gòn được giải phóng.</p><span>28/08/2025</span>',
            date(2025, 8, 28),
        ),
        ('<h3><a href="/a-200.html">A</a></h3><p>Ngày 30/4/1975, Sài Gòn được giải phóng.</p>', None),
        (
            '<h3><a href="/a-200.html">A</a></h3><time datetime="2024-10-10T23:30:00Z">11/10/2024</time>',
            date(2024, 10, 11),
        ),
        (
            '<h3><a href="/a-200.html">A</a></h3><time datetime="2024-10-10T23:30:00Z">Hôm qua</time>',
            date(2024, 10, 11),
        ),
        ('<h3><a href="/a-200.html">A</a></h3><p>Phương Lê - 10/10/2024</p>', date(2024, 10, 10)),
        ('<h3><a href="/a-200.html">A</a></h3><p>Hữu nghị | 10/10/2024 10:10</p>', date(2024, 10, 10)),
        (
            '<h3><a href="/a-200.html">A</a></h3><span class="updated">Cập nhật 12/10/2024</span>'
            '<span class="date">10/10/2024</span>',
            date(2024, 10, 10),
        ),
    ],
    ids=[
        "a-date-in-the-title",
        "a-time-element",
        "a-date-alone-after-the-lead",
        "a-date-in-the-lead-alone",
        "a-time-element-shows-its-day",
        "a-time-element-in-utc",
        "a-name-then-the-date",
        "a-section-then-the-date",
        "an-update-before-the-date",
    ],
)
def test_a_teasers_date_is_the_one_it_shows_for_its_article(teaser: str, day: date | None) -> None:
    """A date in a teaser's title or lead is another day's: only a date element, or a date standing alone,
    dates the article (a wrong day would put it outside the crawl's window and lose it)."""
    for box in ("article", "article has-time"):  # a teaser's own class says nothing of its date
        page = f'<html><body><div class="_BX_LISTING"><div class="{box}">{teaser}</div></div></body></html>'
        assert [e.published for e in parse_listing(page, "https://thoidai.com.vn/huu-nghi").entries] == [day]


def test_known_markup_reads_each_teasers_article_link_and_leaves_the_rest_to_the_spider() -> None:
    """A category label before the title link is no entry, nor is a rail built with the listing's own
    widget; an ad slot's or a partner site's link in the list is handed on for the spider to refuse and
    count."""
    teaser = '<article class="article"><a href="/hoi-nhap">Hội nhập</a><a class="article-title" href="/{0}-{1}.html">T</a></article>'
    listing = "".join(teaser.format("tin", 300 + n) for n in range(3))
    extras = (
        '<article class="article"><a href="/adsfw/click?id=9">Quảng cáo</a></article>'
        '<article class="article"><h3><a href="https://doitac.example.vn/bai-777.html">Đối tác</a></h3></article>'
    )
    rail = (
        '<div class="box"><h2>Đọc nhiều</h2><div class="__MB_LIST_ITEM"><article class="article"><h3>'
        '<a href="/doc-nhieu-500.html">R</a></h3></article></div></div>'
    )
    page = parse_listing(
        f'<html><body><div class="__MB_LIST_ITEM">{listing}{extras}</div>{rail}</body></html>',
        "https://congthuong.vn/hoi-nhap",
    )
    assert [e.url for e in page.entries] == [
        *(f"https://congthuong.vn/tin-{300 + n}.html" for n in range(3)),
        "https://congthuong.vn/adsfw/click?id=9",
        "https://doitac.example.vn/bai-777.html",
    ]


SECTION = "https://thoidai.com.vn/huu-nghi"


@pytest.mark.parametrize(
    ("page", "next_page", "back"),
    [
        ("https://example.vn/tin-tuc/", "https://example.vn/tin-tuc/p2", False),
        ("https://example.vn/tin-tuc/p2", "https://example.vn/tin-tuc/p3", False),
        ("https://example.vn/tin-tuc/p3", "https://example.vn/tin-tuc/p2", True),
        ("https://example.vn/huu-nghi?page=2", "https://example.vn/huu-nghi?page=3", False),
        (SECTION, listing_url(SECTION, 16), False),
        (listing_url(SECTION, 16), listing_url(SECTION, 16), True),
        (listing_url(SECTION, 32), listing_url(SECTION, 16), True),
    ],
)
def test_a_next_page_goes_forward_by_its_number_or_its_offset(page: str, next_page: str, back: bool) -> None:
    assert goes_back(next_page, page) is back


def open_spider() -> FriendshipSpider:
    """The spider with its crawler's stats open, to ask where its paging stops."""
    crawler = get_crawler(FriendshipSpider)
    spider = FriendshipSpider.from_crawler(crawler)
    crawler.stats.open_spider()
    return spider


NUMBERED_TEASERS = "".join(
    f"<div class='article'><h3><a href='/bai-so-{n}-{8000 + n}.html'>Bài số {n}</a></h3></div>"
    for n in range(3)
)


def test_the_spider_pages_a_listing_numbered_by_page_to_its_end() -> None:
    """A listing whose addresses number the pages ("/tin-tuc/p2") advances by its numbers, not an offset:
    the walk goes on past the second page."""
    spider = open_spider()
    paging = (
        "<div class='grNextPage __MB_ARTICLE_PAGING'><a href='/tin-tuc/p1'>1</a><a class='page active'>2</a>"
        "<a href='/tin-tuc/p3'>3</a></div>"
    )
    page_url = "https://example.vn/tin-tuc/p2"
    listing = parse_listing(
        f"<div class='_BX_LISTING'>{NUMBERED_TEASERS}</div>{paging}", page_url, known_listing=True
    )
    assert listing.next_url == "https://example.vn/tin-tuc/p3"
    assert spider._stop_paging(listing, len(listing.entries), 2, page_url) is None


def test_a_featured_row_above_the_lists_own_row_is_read_first() -> None:
    """netbiz's category page: the featured stories in a row of their own (a cover and a column of three),
    the list in the next row's column beside its load-more button; the load-more list leaves them out."""

    def teaser(n: int) -> str:
        return (
            f'<article class="article"><a href="/bai-{n}.html"><img src="{n}.jpg"></a>'
            f'<h3 class="article-title"><a href="/bai-{n}.html">Bài {n}</a></h3></article>'
        )

    page = (
        '<html><body><main class="main"><div class="wrapper clearfix mb35">'
        f'<div class="w720 lt"><div class="cat-cover"><div class="cat-content">{teaser(700)}</div></div></div>'
        f'<div class="w380 rt"><div class="cat-listing"><div class="cat-content">{teaser(699)}{teaser(698)}'
        "</div></div></div></div>"
        '<div class="wrapper clearfix"><div class="w720 lt"><div class="cat-listing">'
        f'<div class="cat-content __MB_LIST_ITEM">{teaser(696)}{teaser(695)}</div></div>'
        '<input type="hidden" class="__MB_NEXT_URL" value="/apicenter@/article_lm&amp;sid=12&amp;BRSR=2">'
        '<span class="btn-viewmore">XEM THÊM</span></div></div></main></body></html>'
    )
    listing = parse_listing(page, "https://netbiz.net.vn/quoc-te/huu-nghi")
    assert [entry.url.rsplit("-", 1)[-1] for entry in listing.entries] == [
        "700.html",
        "699.html",
        "698.html",
        "696.html",
        "695.html",
    ]


def test_a_teasers_photo_and_title_in_boxes_side_by_side_are_one_teaser_with_its_date() -> None:
    """laodongthudo's teasers: the photo in a box of its own, the title and date in the next one."""
    teasers = "".join(
        f'<div class="list_news"><div class="list_news_img"><a href="/ld-bai-{aid}.html"><img src="l.jpg"></a>'
        f'</div><div class="list_news_title"><h2><a href="/ld-bai-{aid}.html">Bài {aid}</a></h2>'
        f'<span class="date">0{day}/11/2019</span><p>Tóm tắt.</p></div></div>'
        for aid, day in ((88016, 1), (88015, 2), (88014, 3))
    )
    listing = parse_listing(
        f'<html><body><div class="col_category">{teasers}</div></body></html>',
        "http://laodongthudo.vn/giao-duc&s_cond=&BRSR=16",
        known_listing=True,
    )
    assert [entry.published for entry in listing.entries] == [date(2019, 11, day) for day in (1, 2, 3)]


def test_the_spider_does_not_page_into_another_listing() -> None:
    """A "next" link to another section (a `rel=next` a template got wrong) ends this listing's walk."""
    spider = open_spider()
    page = f"<html><head><link rel='next' href='/the-gioi'></head><body><div class='_BX_LISTING'>{NUMBERED_TEASERS}</div>"
    listing = parse_listing(page + "</body></html>", SECTION, known_listing=True)
    assert listing.next_url == "https://thoidai.com.vn/the-gioi"
    assert spider._stop_paging(listing, len(listing.entries), 1, SECTION) == "offset_not_advancing"


@pytest.mark.parametrize(
    ("link", "fetched"),
    [
        (
            "https://thoidai.com.vn/giao-luu-huu-nghi-194335.html",
            "https://thoidai.com.vn/giao-luu-huu-nghi-194335.html",
        ),
        (
            "https://thoidai.com.vn/giao-luu-huu-nghi-194335.htm",
            "https://thoidai.com.vn/giao-luu-huu-nghi-194335.htm",
        ),
        (
            "https://thoidai.com.vn/giao-luu-huu-nghi-post194335.html",
            "https://thoidai.com.vn/giao-luu-huu-nghi-post194335.html",
        ),
        ("https://thoidai.com.vn/apicenter@/print_article&i=194335", None),
    ],
    ids=["html", "htm", "post-id", "print-view"],
)
def test_an_article_link_is_fetched_in_every_address_form_the_urls_read_but_a_print_view(
    link: str, fetched: str | None
) -> None:
    """The site moving to `.htm` addresses (or `-post<id>`) must not leave every article unfetched."""
    assert open_spider()._article_request_url(link) == fetched


def test_a_section_the_site_moved_is_read_at_its_new_place_with_its_subsections() -> None:
    spider = open_spider()
    spider.base_url = "https://thoidai.com.vn"
    menu = (
        "<nav><a href='/doi-ngoai/huu-nghi/bon-phuong-ket-ban'>Bốn phương kết bạn</a>"
        "<a href='/doi-ngoai/huu-nghi/nhip-cau'>Nhịp cầu</a></nav>"
    )
    response = HtmlResponse(
        "https://thoidai.com.vn/doi-ngoai/huu-nghi",
        body=f"<html><body>{menu}<div class='_BX_LISTING'>{NUMBERED_TEASERS}</div></body></html>".encode(),
        encoding="utf-8",
        request=Request("https://thoidai.com.vn/huu-nghi"),
    )
    listings = [r.url for r in spider.parse_section(response) if r.callback == spider.parse_listing]
    assert listings == [
        "https://thoidai.com.vn/doi-ngoai/huu-nghi/bon-phuong-ket-ban",
        "https://thoidai.com.vn/doi-ngoai/huu-nghi/nhip-cau",
    ]
    assert spider.crawler.stats.get_value("friendship/sections/moved") == 1


def test_a_page_past_the_end_of_a_script_paged_list_ends_it_quietly() -> None:
    """The CMS's own address of the next page, guessed under a script's button, may lie past the end: no
    entries there is the listing's end, not a page whose markup went unrecognised."""
    scripted = LOAD_MORE.split("</div>")[0] + '</div><button class="more">Xem thêm</button></body></html>'
    first = parse_listing(scripted, "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=2")
    assert first.next_guessed and first.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=4"
    spider = open_spider()
    past_the_end = HtmlResponse(
        first.next_url,
        body=b"<html><body><p>Kh\xc3\xb4ng c\xc3\xb3 b\xc3\xa0i</p></body></html>",
        encoding="utf-8",
        request=Request(first.next_url, meta={GUESSED_PAGE: True}),
    )
    assert list(spider.parse_listing(past_the_end, slug="huu-nghi", page=3)) == []
    stats = spider.crawler.stats
    assert (
        stats.get_value("friendship/listing/unrecognised"),
        stats.get_value("friendship/listing/stopped/end"),
    ) == (None, 1)


@pytest.mark.parametrize(
    "label", ["Xem thêm tin", "Tải thêm bài", "XEM THÊM TIN", "Xem thêm bài viết", "More stories"]
)
def test_a_load_more_link_that_says_what_it_loads_gives_the_next_page(label: str) -> None:
    more = f'<div class="more"><a href="/huu-nghi&s_cond=&BRSR=6">{label}</a></div>'
    assert parse_listing(_unknown(TEASERS, more), "https://thoidai.com.vn/huu-nghi").next_url == (
        "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=6"
    )


@pytest.mark.parametrize("part", ["entry-header", "post-header", "card-header", "item-footer"])
def test_a_teasers_own_header_or_footer_is_no_page_chrome(part: str) -> None:
    teasers = "".join(
        f'<div class="news-item"><div class="{part}"><h3><a href="/tin-{n}-{400 + n}.html">Tin {n}</a></h3></div></div>'
        for n in range(1, 7)
    )
    page = UNKNOWN.replace(f"<ul>{TEASERS}</ul>", teasers)
    assert [
        entry.url for entry in parse_listing(page, "https://thoidai.com.vn/huu-nghi").entries
    ] == TEASER_URLS


@pytest.mark.parametrize(
    "rail",
    [
        '<h2 class="box-title">Bài đọc nhiều</h2>',
        "<h3>Tin tức mới nhất</h3>",
        "<h4>Tin nóng</h4>",
        '<div class="box-hd">Đọc nhiều</div>',
        "<h5>Nhiều người đọc</h5>",
        '<p class="tit">Mới cập nhật</p>',
    ],
)
def test_a_rail_beside_the_list_gives_no_entries_however_its_title_is_set(rail: str) -> None:
    box = (
        f'<div class="col-md-4"><div class="box">{rail}<ul>'
        + "".join(f'<li><a href="/doc-nhieu-{n}-{900 + n}.html">Bài đọc nhiều {n}</a></li>' for n in range(3))
        + "</ul></div></div>"
    )
    page = UNKNOWN.replace('<div class="box"><h2>Đọc nhiều</h2>', f'{box}<div class="box"><h2>Đọc nhiều</h2>')
    assert [
        entry.url for entry in parse_listing(page, "https://thoidai.com.vn/huu-nghi").entries
    ] == TEASER_URLS


def full_page(first_id: int, paging: str = "") -> bytes:
    """A listing page of the CMS's 16 teasers, the newest first, and its paging box."""
    teasers = "".join(
        f"<div class='article'><h3><a href='/bai-so-{n}-{first_id - n}.html'>Bài số {n}</a></h3></div>"
        for n in range(16)
    )
    return f"<html><body><div class='_BX_LISTING'>{teasers}</div>{paging}</body></html>".encode()


def listing_response(url: str, body: bytes, **meta: object) -> HtmlResponse:
    return HtmlResponse(url, body=body, encoding="utf-8", request=Request(url, meta=dict(meta)))


def next_pages(requests: list[Request], spider: FriendshipSpider) -> list[tuple[str, bool]]:
    return [(r.url, bool(r.meta.get(GUESSED_PAGE))) for r in requests if r.callback == spider.parse_listing]


def test_a_full_page_without_a_next_link_is_followed_at_the_cms_offset() -> None:
    """The site's next link changed beyond recognition: a full page still has a next page, where the CMS
    serves it; that page, guessed, ends the listing quietly when it repeats the last entries."""
    spider = open_spider()
    requests = list(spider.parse_listing(listing_response(SECTION, full_page(9000)), slug="huu-nghi", page=1))
    assert next_pages(requests, spider) == [(listing_url(SECTION, 16), True)]
    assert spider.crawler.stats.get_value("friendship/listing/next_guessed") == 1
    again = listing_response(listing_url(SECTION, 16), full_page(9000), **requests[-1].meta)
    assert next_pages(list(spider.parse_listing(again, slug="huu-nghi", page=2)), spider) == []
    assert spider.crawler.stats.get_value("friendship/listing/stopped/end") == 1
    assert "huu-nghi" in spider._walked


def test_a_next_page_that_answers_the_full_first_page_again_is_broken_paging() -> None:
    spider = open_spider()
    paging = f"<div class='__MB_ARTICLE_PAGING'><a href='{listing_url(SECTION, 16)}'>Sau</a></div>"
    requests = list(
        spider.parse_listing(listing_response(SECTION, full_page(9000, paging)), slug="huu-nghi", page=1)
    )
    assert next_pages(requests, spider) == [(listing_url(SECTION, 16), False)]
    again = listing_response(listing_url(SECTION, 16), full_page(9000, paging), **requests[-1].meta)
    assert next_pages(list(spider.parse_listing(again, slug="huu-nghi", page=2)), spider) == []
    assert spider.crawler.stats.get_value("friendship/listing/stopped/back_to_first_page") == 1
    assert "huu-nghi" not in spider._walked


@pytest.mark.parametrize("label", ["Tin cũ hơn", "Older posts"])
def test_a_link_to_older_news_is_the_next_page(label: str) -> None:
    page = full_page(9000, f"<div class='paging'><a href='/huu-nghi/p2'>{label}</a></div>").decode()
    assert parse_listing(page, SECTION, known_listing=True).next_url == "https://thoidai.com.vn/huu-nghi/p2"
