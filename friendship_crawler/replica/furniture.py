"""The page furniture around the article: head meta, mega-menu, ad slots, sidebar, comment form, big footer.

Saved MasterCMS pages are mostly this furniture, and a crawler that works on the replica must read past
it. The parts that are the same on every page of a host (menu, footer, head meta) are built once per
`Hosts` and reused; the sidebar's lists come from the corpus and are built per page.
"""

from __future__ import annotations

from functools import lru_cache

from friendship_crawler.replica.assets import head_assets
from friendship_crawler.replica.corpus import SECTION, SUBSECTIONS, Corpus
from friendship_crawler.replica.links import Hosts, attr, esc, picks, thumb
from friendship_crawler.replica.stories import Section
from friendship_crawler.replica.vocab import fold_ascii, headlines, slug_line
from friendship_crawler.replica.writer import gif_placeholder

FOREIGN_ID_BASE = 900000
"""Ids of pages outside the section that menus and rails link; the replica does not serve them."""
MENU_SECTIONS = (
    ("/thoi-su", "Thời sự", ("Chính trị", "Đối ngoại", "Xã hội", "Pháp luật", "Môi trường")),
    ("/quoc-te", "Quốc tế", ("Thế giới", "ASEAN", "Phân tích - Bình luận", "Hồ sơ")),
    ("/bo-coi-bien-dao", "Bờ cõi biển đảo", ("Miền đất - Con người", "Vùng biên", "Lịch sử chủ quyền")),
    ("/kinh-te", "Kinh tế", ("Doanh nghiệp", "Đầu tư", "Thị trường", "Tài chính", "Bất động sản")),
    ("/van-hoa", "Văn hóa", ("Di sản", "Văn học - Nghệ thuật", "Giải trí", "Ẩm thực")),
    ("/du-lich", "Du lịch", ("Điểm đến", "Kinh nghiệm", "Khám phá")),
    ("/giao-duc", "Giáo dục", ("Du học", "Học bổng", "Tuyển sinh")),
    ("/nguoi-viet-bon-phuong", "Người Việt bốn phương", ("Cộng đồng", "Kiều bào", "Gương mặt")),
    ("/multimedia", "Multimedia", ("Video", "Infographic", "Emagazine", "Ảnh")),
)  # fmt: skip
SITE_META = (
    ("name", "robots", "index, follow, max-image-preview:large"),
    ("name", "copyright", "Tạp chí Thời Đại - Liên hiệp các tổ chức hữu nghị Việt Nam"),
    ("name", "google-site-verification", "q7Lh2VXq0z8cN1oVtJpZs3YxRkW9uHfEoB4mDgIaCwU"),
    ("name", "theme-color", "#005aab"),
    ("name", "format-detection", "telephone=no"),
    ("name", "apple-mobile-web-app-capable", "yes"),
    ("name", "twitter:card", "summary_large_image"),
    ("name", "twitter:site", "@thoidai"),
    ("property", "og:site_name", "Thời Đại"),
    ("property", "og:locale", "vi_VN"),
    ("property", "fb:app_id", "1329417394214497"),
    ("property", "fb:pages", "1579318165622718"),
    ("name", "geo.region", "VN-HN"),
    ("name", "geo.placename", "Hà Nội"),
    ("name", "DC.language", "scheme=utf-8 content=vi"),
)
"""Meta tags every page of the site carries, whatever the page; none of them names the article."""


@lru_cache(maxsize=2)
def page_head(with_meta: bool = True) -> tuple[str, str]:
    """The head before the page's `<title>`, and after it up to the page's own tags (site meta optional)."""
    metas = "".join(f'<meta {kind}="{name}" content="{attr(value)}">' for kind, name, value in SITE_META)
    top = (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    )
    icons = (
        '<link rel="icon" href="https://static.thoidai.com.vn/web/images/favicon.ico">'
        '<link rel="apple-touch-icon" href="https://static.thoidai.com.vn/web/images/icon-192.png">\n'
    )
    return top, (f"{metas}\n" if with_meta else "") + icons + head_assets()


@lru_cache(maxsize=64)
def mega_menu(hosts: Hosts, section_page: bool) -> str:
    """Top bar, logo and the mega-menu; the hidden subsection is listed only on the section page itself."""
    subs = "".join(
        f'<li><a href="{attr(hosts.link(s.path))}">{esc(s.name)}</a></li>'
        for s in SUBSECTIONS
        if s.in_site_menu or section_page
    )
    titles = headlines()
    section_href = attr(hosts.link(SECTION.path))
    columns = [
        f'<li class="has-child"><a href="{section_href}">Hữu nghị</a><div class="mega-menu">'
        f'<ul class="sub-menu">{subs}</ul>{_menu_featured(hosts, titles, 0)}</div></li>'
    ]
    for number, (path, name, children) in enumerate(MENU_SECTIONS, start=1):
        hrefs = [attr(hosts.link(f"{path}/{'-'.join(slug_line(child).split())}")) for child in children]
        links = "".join(
            f'<li><a href="{href}">{esc(child)}</a></li>' for href, child in zip(hrefs, children, strict=True)
        )
        columns.append(
            f'<li class="has-child"><a href="{attr(hosts.link(path))}">{esc(name)}</a><div class="mega-menu">'
            f'<ul class="sub-menu">{links}</ul>{_menu_featured(hosts, titles, number)}</div></li>'
        )
    return (
        '<header class="header"><div class="top-bar"><div class="wrapper">'
        '<span class="top-slogan">Tạp chí điện tử của Liên hiệp các tổ chức hữu nghị Việt Nam</span>'
        '<form class="search-box" action="/search" method="get"><input type="text" name="q" '
        'placeholder="Tìm kiếm"><button type="submit">Tìm</button></form>'
        '<div class="top-lang"><a href="https://vietnamtimes.thoidai.com.vn/">English</a> '
        '<a href="https://shidai.thoidai.com.vn/">中文</a></div></div></div>'
        f'<div class="logo"><a href="{attr(hosts.link("/"))}"><img src="https://static.thoidai.com.vn/web/'
        'images/logo.png" alt="Thời Đại"></a></div>'
        f'<nav class="main-nav"><ul class="menu"><li><a href="{attr(hosts.link("/"))}">Trang chủ</a></li>'
        f"{''.join(columns)}</ul></nav></header>\n" + _ad_slot("top_banner", 970, 90)
    )


def _menu_featured(hosts: Hosts, titles: tuple[str, ...], column: int) -> str:
    items = "".join(
        f'<div class="menu-featured-item"><a href="{attr(foreign_url(hosts, titles[n], n + 5000))}">'
        f'<img class="lazy" src="{gif_placeholder()}" data-src="{attr(thumb(f"/m{n}.html"))}" '
        f'alt="{attr(titles[n])}"></a><a href="{attr(foreign_url(hosts, titles[n], n + 5000))}">'
        f"{esc(titles[n])}</a></div>"
        for n in picks(titles, column * 13 + 3, 3)
    )
    return f'<div class="menu-featured">{items}</div>'


def _ad_slot(name: str, width: int, height: int) -> str:
    return (
        f'<div class="ads ad-slot ad-{name}" id="div-gpt-ad-{name}"><a href="https://ads.thoidai.com.vn/'
        f'click?z={name}" rel="nofollow sponsored"><img class="lazy" src="{gif_placeholder()}" '
        f'data-src="https://ads.thoidai.com.vn/b/{name}.jpg" width="{width}" height="{height}" alt=""></a>'
        f"<script>googletag.cmd.push(function(){{googletag.display('div-gpt-ad-{name}')}});</script></div>\n"
    )


@lru_cache(maxsize=16384)
def foreign_url(hosts: Hosts, title: str, number: int) -> str:
    """A page outside the section (another section's article), under an id the replica does not serve."""
    slug = slug_line(title).replace(" ", "-")[:80].strip("-")
    return hosts.link(f"/{slug}-{FOREIGN_ID_BASE + number}.html")


@lru_cache(maxsize=16384)
def foreign_item(hosts: Hosts, title: str, number: int) -> str:
    href = attr(foreign_url(hosts, title, number))
    return (
        f'<div class="box-item"><div class="box-item-img"><a href="{href}"><img '
        f'src="{attr(thumb(f"/f{number}.html"))}" '
        f'alt="{attr(fold_ascii(title))}"></a></div><h4 class="box-item-title"><a href="{href}">'
        f"{esc(title)}</a></h4></div>"
    )


def sidebar(hosts: Hosts, corpus: Corpus, seed: int) -> str:
    """The right column: newest and most-read tabs, ad slots, special issues, the "Bờ cõi biển đảo" rail."""
    pool = corpus.linkable_ids
    titles = headlines()

    def entry(article_id: int) -> str:
        story = corpus.stories[article_id]
        return (
            f'<li><a href="{attr(hosts.link(story.path))}">{esc(story.title)}</a>'
            f'<span class="time">{story.published:%H:%M %d/%m}</span></li>'
        )

    newest = "".join(entry(i) for i in reversed(pool[-8:]))
    most_read = "".join(entry(pool[n]) for n in picks(pool, seed + 41, 8))
    bien_dao = "".join(foreign_item(hosts, titles[n], n + 6000) for n in picks(titles, seed + 43, 4))
    return (
        '<aside class="sidebar w380 rt">\n'
        + _ad_slot("right_1", 300, 250)
        + '<div class="side-box side-tabs"><ul class="tab-head"><li class="active">Tin mới</li>'
        "<li>Đọc nhiều</li></ul>"
        f'<ul class="side-list tab-newest">{newest}</ul><ul class="side-list tab-most-read">{most_read}</ul>'
        "</div>\n"
        + _ad_slot("right_2", 300, 600)
        + f'<div class="side-box side-bien-dao"><h3 class="box-title">Bờ cõi biển đảo</h3>{bien_dao}</div>\n'
        + _ad_slot("right_3", 300, 250)
        + "</aside>\n"
    )


COMMENT_BOX = (
    '<div class="box-comment" id="user-comment"><h3 class="box-title">Bình luận</h3>'
    '<form class="comment-form" action="/apiservice@/comment" method="post">'
    '<textarea name="__comment" class="__comment" placeholder="Viết tiếng Việt có dấu"></textarea>'
    '<input type="text" name="__name" placeholder="Họ và tên"><input type="email" name="__email" '
    'placeholder="Email"><button type="submit" class="button-comment">Gửi bình luận</button>'
    '<div class="errors" style="display:none">Nội dung không được để trống!</div></form>'
    '<div class="comment-list"></div></div>\n'
)
"""The reader comment form under the article (the site shows no comments, only the form)."""


@lru_cache(maxsize=64)
def footer_columns(hosts: Hosts) -> str:
    """The footer's section menu, publisher, licence and contact lines (before the mobile-version link)."""
    menu = "".join(
        f'<li><a href="{attr(hosts.link(path))}">{esc(name)}</a></li>'
        for path, name, _ in (("/huu-nghi", "Hữu nghị", ()), *MENU_SECTIONS)
    )
    return (
        '<div class="footer-menu"><ul>' + menu + "</ul></div>"
        '<div class="footer-col footer-info">'
        "<p>Cơ quan chủ quản: Liên hiệp các tổ chức hữu nghị Việt Nam</p>"
        "<p>Giấy phép hoạt động báo chí điện tử số 123/GP-BTTTT do Bộ Thông tin và Truyền thông cấp</p>"
        "<p>Tổng Biên tập: Nguyễn Văn Thời</p>"
        "<p>Tòa soạn: 105A Quán Thánh, Ba Đình, Hà Nội. Điện thoại: 024 3845 0000. "
        "Email: toasoan@thoidai.com.vn</p>"
        "<p>© Bản quyền thuộc về Tạp chí Thời Đại. Cấm sao chép dưới mọi hình thức nếu không có sự chấp "
        "thuận bằng văn bản.</p></div>"
        '<div class="footer-col footer-social"><a href="https://www.facebook.com/thoidai.com.vn" '
        'rel="nofollow"><img class="lazy" src="' + gif_placeholder() + '" data-src="https://static.thoidai'
        '.com.vn/web/images/fb.png" alt=""></a><a href="https://www.youtube.com/@thoidai" rel="nofollow">'
        '<img class="lazy" src="' + gif_placeholder() + '" data-src="https://static.thoidai.com.vn/web/'
        'images/yt.png" alt=""></a></div>' + _ad_slot("catfish", 728, 90)
    )


def section_links(hosts: Hosts, current: Section | None) -> str:
    """Subsection links as sister-site templates show them under the section name (the current one active)."""
    shown = [s for s in SUBSECTIONS if s.in_site_menu or s == current]
    return "\n".join(
        f'<a class="subcat-name-item{" active" if s == current else ""}" href="{attr(hosts.link(s.path))}">'
        f"{esc(s.name)}</a>"
        for s in shown
    )
