"""Pages that are not articles: listings (every markup), video and infographic pages, soft 404, robots."""

from __future__ import annotations

from friendship_crawler.replica import v2024
from friendship_crawler.replica.chrome import (
    Hosts,
    attr,
    breadcrumbs,
    date_line,
    esc,
    footer,
    head,
    side_column,
    site_menu,
    thumb,
    trailers,
)
from friendship_crawler.replica.corpus import SECTION, Corpus, Listed, SpecialPage
from friendship_crawler.replica.stories import Section, Story

PAGE_SIZES = {"current": 16, "older": 15, "2024": v2024.PAGE_SIZE}
ROBOTS_TXT = """User-agent: *
Disallow: /apiservice@/
Disallow: /apicenter@/
Disallow: /widgets@/

User-agent: GPTBot
Disallow: /
"""


def listing_page(section: Section, offset: int, corpus: Corpus, hosts: Hosts, endless: bool = False) -> str:
    """One page of a listing from `offset`; past the end the page is an empty listing, not an error.

    `endless` is a pagination trap: from its last page on, the listing shows that page's entries again
    and again, each time with a link to a further offset.
    """
    markup = corpus.listing_markup(section)
    size = PAGE_SIZES[markup]
    items = corpus.listed(section)
    last_page = max(0, (len(items) - 1) // size * size)
    start = min(offset, last_page) if endless else offset
    shown = items[start : start + size] if offset >= 0 else []
    more = endless or offset + size < len(items)
    if markup == "2024":
        teasers = [(item, _entry_href(item, hosts), _desc(item)) for item in shown]
        return v2024.listing_page(section, teasers, offset + size if more else None, corpus, hosts)
    if markup == "current":
        entries = "\n".join(_current_entry(item, hosts) for item in shown)
        listing = f'<div class="_BX_LISTING">\n{entries}\n</div>\n'
        if more:
            next_url = attr(_page_url(section, offset + size, hosts))
            listing += f'<div class="btn-viewmore"><a href="{next_url}">Xem thêm</a></div>\n'
    else:
        entries = "\n".join(_older_entry(item, hosts) for item in shown)
        listing = f'<div class="_MB_CATEGORY_LIST">\n{entries}\n</div>\n' + _paging(
            section, offset, len(items), hosts, more
        )
    return (
        head(section.name)
        + "<body>\n"
        + site_menu(hosts, section_page=section == SECTION)
        + breadcrumbs(hosts, section)
        + f'<h1 class="category-title">{esc(section.name)}</h1>\n'
        + listing
        + side_column(hosts, corpus, offset + len(section.path))
        + footer(hosts)
    )


def load_more(section: Section, offset: int, corpus: Corpus, hosts: Hosts) -> str | None:
    """The answer to a v2024 listing's load-more request: the next teasers alone; None for other listings."""
    if corpus.listing_markup(section) != "2024":
        return None
    items = corpus.listed(section)
    shown = items[offset : offset + v2024.PAGE_SIZE]
    entries = [(item, _entry_href(item, hosts), _desc(item)) for item in shown]
    following = offset + v2024.PAGE_SIZE
    return v2024.teasers(entries, hosts, section, following if following < len(items) else None)


def _page_url(section: Section, offset: int, hosts: Hosts) -> str:
    return hosts.link(f"{section.path}&s_cond=&BRSR={offset}")


def _entry_href(item: Listed, hosts: Hosts) -> str:
    if isinstance(item, Story):
        path = f"/{item.old_slug}-{item.article_id}.html" if item.old_slug else item.path
        return hosts.link(path, item.listing_variant)
    return hosts.link(item.path)


def _desc(item: Listed) -> str:
    if isinstance(item, Story):
        return item.sapo
    if item.kind == "soft404":
        return f"{item.title}: chương trình gặp mặt, trao đổi kinh nghiệm công tác đối ngoại nhân dân."
    return ""


def _current_entry(item: Listed, hosts: Hosts) -> str:
    href = attr(_entry_href(item, hosts))
    return (
        f'<div class="article"><a href="{href}"><img src="{attr(thumb(item.path))}" '
        f'alt="{attr(item.title)}"></a>'
        f'<h3><a href="{href}">{esc(item.title)}</a></h3>'
        f'<span class="article-date">{item.published:%H:%M | %d/%m/%Y}</span>'
        f'<div class="article-desc">{esc(_desc(item))}</div></div>'
    )


def _older_entry(item: Listed, hosts: Hosts) -> str:
    href = attr(_entry_href(item, hosts))
    return (
        f'<div class="bx-article"><a href="{href}"><img src="{attr(thumb(item.path))}" '
        f'alt="{attr(item.title)}"></a>'
        f'<h3><a href="{href}">{esc(item.title)}</a></h3><span class="bx-date">'
        f"{item.published:%d/%m/%Y}</span>"
        f'<div class="bx-description">{esc(_desc(item))}</div></div>'
    )


def _paging(section: Section, offset: int, total: int, hosts: Hosts, more: bool) -> str:
    """Numbered links around the current page, and "Sau" while a next page exists."""
    size = PAGE_SIZES[section.markup]
    pages = max(1, -(-total // size), offset // size + 2 if more else 0)
    current = offset // size + 1
    links: list[str] = []
    for number in range(max(1, current - 3), min(pages, current + 3) + 1):
        if number == current:
            links.append(f'<span class="active">{number}</span>')
        else:
            links.append(f'<a href="{attr(_page_url(section, (number - 1) * size, hosts))}">{number}</a>')
    if more:
        links.append(f'<a href="{attr(_page_url(section, offset + size, hosts))}">Sau</a>')
    elif offset >= total:
        links = []
    return f'<div class="__MB_ARTICLE_PAGING">{" ".join(links)}</div>\n'


def special_page(page: SpecialPage, corpus: Corpus, hosts: Hosts) -> str:
    """A video page (player only) or an infographic page (one image, ending "In bài viết" / "Truyền hình")."""
    if page.kind == "soft404":
        return not_found_page(hosts)
    top = (
        head(page.title)
        + "<body>\n"
        + site_menu(hosts)
        + breadcrumbs(hosts, page.section)
        + '<div class="article-detail">\n'
        + f'<span class="article-detail-date">{date_line(page.published)}</span>\n'
        + f'<h1 class="article-detail-title">{esc(page.title)}</h1>\n'
    )
    if page.kind == "video":
        player = (
            '<div class="__MASTERCMS_CONTENT"><div class="video-player">'
            f'<iframe src="https://www.youtube.com/embed/tdo{page.article_id}" width="800" height="450" '
            "allowfullscreen></iframe></div></div>\n</div>\n"
        )
        return (
            top
            + player
            + trailers(hosts, corpus, (), page.article_id)
            + side_column(hosts, corpus, page.article_id)
            + footer(hosts)
        )
    image = f"https://tacnghiep.thoidai.com.vn/stores/news_dataimages/{page.published:%Y/%m%Y}/{page.slug[:50]}.png"
    return (
        top
        + '<div class="__MASTERCMS_CONTENT"><table class="MASTERCMS_TPL_TABLE"><tbody><tr><td>'
        + f'<img class="__img_mastercms" src="{attr(image)}" alt="{attr(page.title)}"></td></tr>'
        + "</tbody></table></div>\n"
        + '</div>\n<div class="article-tools"><a '
        + f'href="{attr(hosts.link(f"/apicenter@/print_article&i={page.article_id}"))}">'
        + 'In bài viết</a></div>\n<div class="box-tv"><a href="https://tv.thoidai.com.vn/">Truyền '
        + "hình</a></div>\n"
        + "</body></html>\n"
    )


def not_found_page(hosts: Hosts) -> str:
    """The page the site shows for a missing article (with HTTP 200 at a soft 404)."""
    return (
        head("Không tìm thấy trang")
        + "<body>\n"
        + site_menu(hosts)
        + '<div class="page-404"><h2>Không tìm thấy trang</h2>'
        + "<p>Trang bạn tìm kiếm không tồn tại hoặc đã bị xóa.</p>"
        + f'<p><a href="{attr(hosts.link("/"))}">Về trang chủ</a></p></div>\n'
        + footer(hosts)
    )


def home_page(hosts: Hosts) -> str:
    return (
        head("Tạp chí Thời Đại")
        + "<body>\n"
        + site_menu(hosts)
        + f'<div class="home"><a href="{attr(hosts.link(SECTION.path))}">Hữu nghị</a></div>\n'
        + footer(hosts)
    )
