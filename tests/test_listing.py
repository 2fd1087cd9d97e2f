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
