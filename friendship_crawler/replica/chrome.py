"""The parts every replica page shares: hosts and links, head, site menu, breadcrumbs, trailer boxes, footer.

Markup follows the contract the extractor is written against (docs in the package `__init__`); the
trailer boxes carry the real site's box names and rails in the order the saved page texts show them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from friendship_crawler.replica.corpus import SECTION, SUBSECTIONS, Corpus
from friendship_crawler.replica.stories import LinkVariant, RelatedLink, Section
from friendship_crawler.replica.vocab import fold_ascii, headlines, slug_line

OTHER_SECTIONS = (
    ("/thoi-su", "Thời sự"),
    ("/bo-coi-bien-dao", "Bờ cõi biển đảo"),
    ("/multimedia", "Multimedia"),
)
BIEN_DAO_MENU = ("Miền đất - Con người", "Cuộc sống vùng biên", "Nhịp sống biển đảo", "Lịch sử chủ quyền")
SPECIAL_ISSUES = ("Xuân Giáp Thìn - 2024", "Việt Nam - Nhật Bản", "Việt Lào online", "Tình hữu nghị vĩ đại")
FOREIGN_ID_BASE = 900000
"""Ids of pages outside the section that the rails link; the replica does not serve them."""


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class Hosts:
    """The replica's base URL and the loopback names standing in for the site's other hosts."""

    canonical: str

    @property
    def www(self) -> str:
        return self._on("localhost")

    @property
    def newsroom(self) -> str:
        return self._on("127.0.0.2")

    def _on(self, host: str) -> str:
        parts = urlsplit(self.canonical)
        return f"{parts.scheme}://{host}:{parts.port}" if parts.port else f"{parts.scheme}://{host}"

    def link(self, path: str, variant: LinkVariant = "") -> str:
        if variant == "www":
            return f"{self.www}{path}"
        if variant == "tacnghiep":
            return f"{self.newsroom}{path}"
        if variant == "fbclid":
            return f"{self.canonical}{path}?fbclid=IwAR0{len(path) * 7919 % 100000:05d}xq"
        if variant == "utm":
            return f"{self.canonical}{path}?utm_source=facebook&utm_medium=social&utm_campaign=huunghi"
        return f"{self.canonical}{path}"


def date_line(moment: datetime, gmt: bool = True) -> str:
    return f"{moment:%H:%M} | {moment:%d/%m/%Y}" + (" GMT+7 |" if gmt else "")


def head(title: str, extra: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)} | Thời Đại</title>\n{extra}</head>\n"
    )


def site_menu(hosts: Hosts, section_page: bool = False) -> str:
    """The header menu; the hidden subsection is listed only on the section page itself."""
    subs = "".join(
        f'<li><a href="{attr(hosts.link(s.path))}">{esc(s.name)}</a></li>'
        for s in SUBSECTIONS
        if s.in_site_menu or section_page
    )
    others = "".join(f'<li><a href="{attr(hosts.link(p))}">{esc(n)}</a></li>' for p, n in OTHER_SECTIONS)
    return (
        f'<header><div class="logo"><a href="{attr(hosts.link("/"))}">Thời Đại</a></div>'
        f'<ul class="menu"><li><a href="{attr(hosts.link("/"))}">Trang chủ</a></li>'
        f'<li class="has-child"><a href="{attr(hosts.link(SECTION.path))}">Hữu nghị</a>'
        f'<ul class="sub-menu">{subs}</ul></li>{others}</ul></header>\n'
    )


def breadcrumbs(hosts: Hosts, section: Section) -> str:
    links = [
        f'<a href="{attr(hosts.link("/"))}">Trang chủ</a>',
        f'<a href="{attr(hosts.link(SECTION.path))}">Hữu nghị</a>',
    ]
    if section != SECTION:
        links.append(f'<a href="{attr(hosts.link(section.path))}">{esc(section.name)}</a>')
    return f'<div class="breadcrumbs">{" ".join(links)}</div>\n'


def footer(hosts: Hosts, mobile_url: str | None = None) -> str:
    href = mobile_url or hosts.link("/")
    return (
        '<footer><div class="footer-mobile">'
        f'<a href="{attr(href)}">Phiên bản di động</a></div></footer>\n</body></html>\n'
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


def thumb(path: str) -> str:
    return f"https://tacnghiep.thoidai.com.vn/stores/news_dataimages/thumb{path.replace('.html', '.jpg')}"


def _picks(pool: list[int] | tuple[str, ...], seed: int, count: int) -> list[int]:
    """Positions in `pool` chosen by a page's own number, so a page's rails never change between requests."""
    size = len(pool)
    return [(seed * 31 + n * 977) % size for n in range(min(count, size))]


def trailers(hosts: Hosts, corpus: Corpus, related: tuple[RelatedLink, ...], seed: int) -> str:
    """Every box after the article, in the order the saved page texts show them."""
    pool = corpus.linkable_ids
    titles = headlines()
    related_html = "".join(_story_item(hosts, corpus, link) for link in related)
    others = "".join(_story_item(hosts, corpus, RelatedLink(pool[n])) for n in _picks(pool, seed, 4))
    most_read = "".join(_story_item(hosts, corpus, RelatedLink(pool[n])) for n in _picks(pool, seed + 5, 4))
    bien_dao_menu = " ".join(
        f'<a href="{attr(hosts.link("/bo-coi-bien-dao"))}">{esc(n)}</a>' for n in BIEN_DAO_MENU
    )
    bien_dao = "".join(_foreign_item(hosts, titles[n], n) for n in _picks(titles, seed + 11, 3))
    multimedia = "".join(
        _foreign_item(hosts, f"[{kind}] {titles[n]}", n + 1000)
        for kind, n in zip(
            ("Infographic", "Video", "Infographic"), _picks(titles, seed + 17, 3), strict=False
        )
    )
    slugs = "".join(
        f'<div class="rail-item"><a href="{attr(_foreign_url(hosts, titles[n], n + 2000))}">'
        f'<img src="{attr(thumb(f"/i{n}.html"))}" alt="{attr(slug_line(titles[n]))}"></a></div>'
        for n in _picks(titles, seed + 23, 5)
    )
    videos = "".join(
        f'<li><a href="{attr(_foreign_url(hosts, titles[n], n + 3000))}">[Video] {esc(titles[n])}</a></li>'
        for n in _picks(titles, seed + 29, 6)
    )
    weather = "".join(_foreign_item(hosts, titles[n], n + 4000) for n in _picks(titles, seed + 37, 2))
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


def _foreign_url(hosts: Hosts, title: str, number: int) -> str:
    return hosts.link(
        f"/{slug_line(title).replace(' ', '-')[:80].strip('-')}-{FOREIGN_ID_BASE + number}.html"
    )


def _foreign_item(hosts: Hosts, title: str, number: int) -> str:
    href = attr(_foreign_url(hosts, title, number))
    return (
        f'<div class="box-item"><div class="box-item-img"><a href="{href}"><img '
        f'src="{attr(thumb(f"/f{number}.html"))}" '
        f'alt="{attr(fold_ascii(title))}"></a></div><h4 class="box-item-title"><a href="{href}">'
        f"{esc(title)}</a></h4></div>"
    )
