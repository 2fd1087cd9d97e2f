from datetime import date

from friendship_crawler.listing import listing_offset, listing_url, parse_listing

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
    assert [e.url for e in page.entries] == [
        f"https://thoidai.com.vn/tin-{n}-{400 + n}.html" for n in range(1, 7)
    ]
    assert page.entries[2].published == date(2024, 8, 3)
    assert page.next_url == "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=22"


def test_a_few_article_links_make_no_listing() -> None:
    few = UNKNOWN.replace(TEASERS, TEASERS[: TEASERS.index('<li><a href="/tin-3')])
    page = parse_listing(few, "https://thoidai.com.vn/huu-nghi")
    assert page.markup is None and page.entries == ()
