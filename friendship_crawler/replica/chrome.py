"""The parts every replica page shares: head, site menu, breadcrumbs, trailer boxes, side column, footer.

Markup follows the contract the extractor is written against (docs in the package `__init__`); the
trailer boxes carry the real site's box names and rails in the order the saved page texts show them. The
furniture that gives pages their real weight (mega-menu, sidebar, ads, inline assets) is `furniture.py`.
"""

from __future__ import annotations

from datetime import datetime

from friendship_crawler.replica.assets import body_scripts
from friendship_crawler.replica.corpus import SECTION, Corpus
from friendship_crawler.replica.furniture import (
    COMMENT_BOX,
    footer_columns,
    foreign_item,
    foreign_url,
    mega_menu,
    page_head,
    sidebar,
)
from friendship_crawler.replica.links import Hosts, attr, esc, picks, thumb
from friendship_crawler.replica.stories import RelatedLink, Section
from friendship_crawler.replica.vocab import headlines, slug_line

BIEN_DAO_MENU = ("Miền đất - Con người", "Cuộc sống vùng biên", "Nhịp sống biển đảo", "Lịch sử chủ quyền")
SPECIAL_ISSUES = ("Xuân Giáp Thìn - 2024", "Việt Nam - Nhật Bản", "Việt Lào online", "Tình hữu nghị vĩ đại")


def date_line(moment: datetime, gmt: bool = True) -> str:
    return f"{moment:%H:%M} | {moment:%d/%m/%Y}" + (" GMT+7 |" if gmt else "")


def head(title: str, extra: str = "", site_meta: bool = True) -> str:
    """The page head: site meta (unless `site_meta` is false), inline styles and scripts, then `extra`."""
    top, rest = page_head(site_meta)
    return f"{top}<title>{esc(title)} | Thời Đại</title>\n{rest}{extra}</head>\n"


def site_menu(hosts: Hosts, section_page: bool = False) -> str:
    """The header with its mega-menu; the hidden subsection is listed only on the section page itself."""
    return mega_menu(hosts, section_page)


def side_column(hosts: Hosts, corpus: Corpus, seed: int) -> str:
    """What stands between the page's main column and its footer: the comment form and the sidebar."""
    return COMMENT_BOX + sidebar(hosts, corpus, seed)


def breadcrumbs(hosts: Hosts, section: Section) -> str:
    links = [
        f'<a href="{attr(hosts.link("/"))}">Trang chủ</a>',
        f'<a href="{attr(hosts.link(SECTION.path))}">Hữu nghị</a>',
    ]
    if section != SECTION:
        links.append(f'<a href="{attr(hosts.link(section.path))}">{esc(section.name)}</a>')
    return f'<div class="breadcrumbs">{" ".join(links)}</div>\n'


def footer(hosts: Hosts, mobile_url: str | None = None) -> str:
    """The footer, ending in the mobile-version link (the last line of a saved page text), then scripts."""
    href = mobile_url or hosts.link("/")
    return (
        f'<footer class="footer">{footer_columns(hosts)}<div class="footer-mobile">'
        f'<a href="{attr(href)}">Phiên bản di động</a></div></footer>\n{body_scripts()}</body></html>\n'
    )


def _story_item(hosts: Hosts, corpus: Corpus, link: RelatedLink, with_sapo: bool = True) -> str:
    story = corpus.stories[link.article_id]
    href = attr(hosts.link(story.path, link.variant))
    sapo = f'<div class="box-item-desc">{esc(story.sapo)}</div>' if with_sapo else ""
    return (
        f'<div class="box-item"><div class="box-item-img"><a href="{href}"><img '
        f'src="{attr(thumb(story.path))}" '
        f'alt="{attr(story.title)}"></a></div><h4 class="box-item-title"><a href="{href}">'
        f"{esc(story.title)}</a>"
        f"</h4>{sapo}</div>"
    )


def trailers(hosts: Hosts, corpus: Corpus, related: tuple[RelatedLink, ...], seed: int) -> str:
    """Every box after the article, in the order the saved page texts show them."""
    pool = corpus.linkable_ids
    titles = headlines()
    related_html = "".join(_story_item(hosts, corpus, link) for link in related)
    others = "".join(_story_item(hosts, corpus, RelatedLink(pool[n])) for n in picks(pool, seed, 4))
    most_read = "".join(_story_item(hosts, corpus, RelatedLink(pool[n])) for n in picks(pool, seed + 5, 4))
    bien_dao_menu = " ".join(
        f'<a href="{attr(hosts.link("/bo-coi-bien-dao"))}">{esc(n)}</a>' for n in BIEN_DAO_MENU
    )
    bien_dao = "".join(foreign_item(hosts, titles[n], n) for n in picks(titles, seed + 11, 3))
    multimedia = "".join(
        foreign_item(hosts, f"[{kind}] {titles[n]}", n + 1000)
        for kind, n in zip(("Infographic", "Video", "Infographic"), picks(titles, seed + 17, 3), strict=False)
    )
    slugs = "".join(
        f'<div class="rail-item"><a href="{attr(foreign_url(hosts, titles[n], n + 2000))}">'
        f'<img src="{attr(thumb(f"/i{n}.html"))}" alt="{attr(slug_line(titles[n]))}"></a></div>'
        for n in picks(titles, seed + 23, 5)
    )
    videos = "".join(
        f'<li><a href="{attr(foreign_url(hosts, titles[n], n + 3000))}">[Video] {esc(titles[n])}</a></li>'
        for n in picks(titles, seed + 29, 6)
    )
    weather = "".join(foreign_item(hosts, titles[n], n + 4000) for n in picks(titles, seed + 37, 2))
    special = "".join(
        f'<div class="box-item"><div class="box-item-img"><img src="{attr(thumb(f"/s{n}.html"))}" '
        f'alt="{attr(name)}"></div>'
        f"<h4>{esc(name)}</h4></div>"
        for n, name in enumerate(SPECIAL_ISSUES)
    )
    return (
        f'<div class="box-related"><h3 class="box-title">Tin bài liên quan</h3>{related_html}</div>\n'
        f'<div class="box-other-news"><h3 class="box-title">Các tin bài khác</h3>{others}</div>\n'
        f'<div class="box-most-read"><h3 class="box-title">Đọc nhiều</h3>{most_read}</div>\n'
        f'<div class="box-bien-dao"><h3 class="box-title">Bờ cõi biển đảo</h3>'
        f'<div class="box-menu">{bien_dao_menu}</div>{bien_dao}</div>\n'
        f'<div class="box-multimedia"><h3 class="box-title">Multimedia</h3>{multimedia}</div>\n'
        f'<div class="box-infographic-rail">{slugs}</div>\n'
        f'<div class="box-video-rail"><div class="loading">Xin chờ trong giây lát...</div><ul>'
        f"{videos}</ul></div>\n"
        f'<div class="box-weather">{weather}</div>\n'
        '<div class="box-ad"><a href="https://ads.thoidai.com.vn/click?z=12"><img '
        'src="https://ads.thoidai.com.vn/b.gif" alt=""></a></div>\n'
        f'<div class="box-special">{special}</div>\n'
    )
