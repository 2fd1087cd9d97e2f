"""The 2024 template generation: article and listing pages in the markup of the CMS family's sister sites.

None of it is markup the site's own earlier pages use, and the head states nothing about the article (no
JSON-LD, no article meta, no canonical link), so only generic extraction layers can read it:

- title `h1.post-title` or `h1.detail-title`, sapo `div.post-desc` or `p.detail-sapo`;
- date `span.post-publish-time` ("DD/MM/YYYY HH:MM") or `span.format_time` + `span.format_date`;
- body `div.post-content > div#__MB_MASTERCMS_EL_3` (the stored content is the same CMS markup as v2021);
- byline a right-aligned italic last paragraph ("Bài và ảnh Trọng Tùng", "Bài: ...", or the name alone);
- breadcrumb: the section name, then every subsection with the current one `active`, inside a wrapper
  whose class is `breadcrumb`;
- listings: `div.__MB_LIST_ITEM` of `article.article` teasers, a "XEM THÊM" button and the load-more URL
  in the hidden input `__MB_NEXT_URL` (`/apicenter@/article_lm&...&BRSR=N&lim=20`, which robots.txt
  disallows, so a crawler pages with `&s_cond=&BRSR=N`).

Which variant a page shows is decided by its id, so a page never changes between requests.
"""

from __future__ import annotations

from friendship_crawler.replica.chrome import footer, head, side_column, site_menu
from friendship_crawler.replica.corpus import SECTION, SECTIONS, Corpus, Listed
from friendship_crawler.replica.furniture import COMMENT_BOX, section_links, sidebar
from friendship_crawler.replica.links import Hosts, attr, esc, picks, thumb
from friendship_crawler.replica.stories import Section, Story
from friendship_crawler.replica.templates import content_html, print_path
from friendship_crawler.replica.vocab import slugify
from friendship_crawler.replica.writer import gif_placeholder

PAGE_SIZE = 20
LOAD_MORE_PATH = "/apicenter@/article_lm"
BYLINE_PREFIXES = ("Bài và ảnh ", "", "Bài: ")


def byline(story: Story) -> str:
    """The byline as the page writes it; the record keeps the name alone."""
    return f"{BYLINE_PREFIXES[story.article_id % len(BYLINE_PREFIXES)]}{story.author}"


def article_page(story: Story, corpus: Corpus, hosts: Hosts) -> str:
    """A v2024 article page, from the bare head to the footer."""
    plain = story.article_id % 2 == 0
    moment = story.published
    if plain:
        title = f'<h1 class="post-title">{esc(story.title)}</h1>'
        date = f'<span class="post-publish-time">{moment:%d/%m/%Y %H:%M}</span>'
        sapo = f'<div class="post-desc">{esc(story.sapo)}</div>'
    else:
        title = f'<h1 class="detail-title">{esc(story.title)}</h1>'
        date = (
            f'<span class="format_time">{moment:%H:%M}</span> '
            f'<span class="format_date">{moment:%d/%m/%Y}</span>'
        )
        sapo = f'<p class="detail-sapo">{esc(story.sapo)}</p>'
    author = f'<p style="text-align: right;"><em>{esc(byline(story))}</em></p>\n' if story.author else ""
    source = f'<p class="post-source">Nguồn: {esc(story.source)}</p>\n' if story.source else ""
    section_href = attr(hosts.link(story.section.path))
    return (
        head(story.title, site_meta=False)
        + '<body class="detail-page">\n'
        + site_menu(hosts)
        + breadcrumb(hosts, story.section)
        + '<main class="main"><div class="wrapper clearfix"><div class="w720 lt"><div class="post">\n'
        + f"{title}\n"
        + '<div class="post-share"><div class="fb-like" data-share="true" data-layout="button"></div>'
        + '<div class="zalo-share-button" data-oaid="3982617747360131920"></div>'
        + f'<a class="print" href="{attr(hosts.link(print_path(story)))}" rel="nofollow">'
        + '<i class="fas fa-print"></i></a></div>\n'
        + f'<div class="post-meta">{date} <a class="article-catname" href="{section_href}">'
        + f"{esc(story.section.name)}</a></div>\n"
        + f"{sapo}\n"
        + '<div class="post-content"><div id="__MB_MASTERCMS_EL_3">\n'
        + content_html(story, corpus, hosts, "v2021")
        + author
        + "</div></div>\n"
        + source
        + _tags(story, hosts)
        + _related(story, corpus, hosts)
        + "</div>\n"
        + COMMENT_BOX
        + _other_news(story, corpus, hosts)
        + "</div>\n"
        + sidebar(hosts, corpus, story.article_id)
        + "</div></main>\n"
        + footer(hosts)
    )


def breadcrumb(hosts: Hosts, section: Section) -> str:
    current = section if section != SECTION else None
    return (
        '<div class="wrapper breadcrumb"><div class="cat-title"><div class="cat-name">'
        f'<a class="cat-name-lv1" href="{attr(hosts.link(SECTION.path))}">{esc(SECTION.name)}</a></div>'
        f'<div class="subcat-name">{section_links(hosts, current)}</div></div></div>\n'
    )


def _tags(story: Story, hosts: Hosts) -> str:
    if not story.tags:
        return ""
    links = "".join(
        f'<a class="tag-item" href="{attr(hosts.link(f"/tag/{slugify(t)}"))}">{esc(t)}</a>'
        for t in story.tags
    )
    return (
        f'<div class="post-tag"><div class="tag-title">Tags:</div><div class="clearfix">{links}</div></div>\n'
    )


def teaser(item: Listed, hosts: Hosts, href: str, desc: str = "") -> str:
    """One `article.article` teaser: lazy thumbnail, title link, date, description."""
    link = attr(href)
    return (
        f'<article class="article"><a class="article-thumb" href="{link}" title="{attr(item.title)}">'
        f'<img class="article-image" src="{gif_placeholder()}" data-src="{attr(thumb(item.path))}" '
        f'alt="{attr(item.title)}"></a><div class="article-info"><h3 class="article-title">'
        f'<a href="{link}" title="{attr(item.title)}">{esc(item.title)}</a></h3>'
        f'<div class="article-meta"><span class="format_date">{item.published:%d/%m/%Y}</span></div>'
        f'<div class="article-desc">{esc(desc)}</div></div></article>'
    )


def _related(story: Story, corpus: Corpus, hosts: Hosts) -> str:
    if not story.related:
        return ""
    items = "".join(
        teaser(other, hosts, hosts.link(other.path, link.variant))
        for link in story.related
        for other in (corpus.stories[link.article_id],)
    )
    return (
        '<div class="cat-grid-3 box-related"><div class="cat-title"><h2 class="cat-name">Tin liên quan</h2>'
        f'</div><div class="cat-content">{items}</div></div>\n'
    )


def _other_news(story: Story, corpus: Corpus, hosts: Hosts) -> str:
    pool = corpus.linkable_ids
    items = "".join(
        teaser(other, hosts, hosts.link(other.path))
        for n in picks(pool, story.article_id + 7, 6)
        for other in (corpus.stories[pool[n]],)
    )
    return (
        '<div class="cat-listing"><div class="cat-title"><h2 class="cat-name">Tin bài khác</h2></div>'
        f'<div class="cat-content __MB_LIST_ITEM">{items}</div></div>\n'
    )


def load_more_path(section: Section, offset: int) -> str:
    return f"{LOAD_MORE_PATH}&sid=14&cid={101 + SECTIONS.index(section)}&BRSR={offset}&lim={PAGE_SIZE}"


def section_of_load_more(cid: str) -> Section | None:
    """The listing a load-more request's `cid` names, or None."""
    index = int(cid) - 101 if cid.isdigit() else -1
    return SECTIONS[index] if 0 <= index < len(SECTIONS) else None


def teasers(
    entries: list[tuple[Listed, str, str]], hosts: Hosts, section: Section, next_offset: int | None
) -> str:
    """The teasers of one listing page (or load-more answer), then the load-more URL while more follow."""
    items = "\n".join(teaser(item, hosts, href, desc) for item, href, desc in entries)
    more = (
        f'<input type="hidden" id="__MB_NEXT_URL" class="__MB_NEXT_URL" '
        f'value="{attr(load_more_path(section, next_offset))}">'
        if next_offset is not None
        else ""
    )
    return f'<div class="cat-content __MB_LIST_ITEM" id="h-loadmore">\n{items}\n</div>\n{more}'


def listing_page(
    section: Section,
    entries: list[tuple[Listed, str, str]],
    next_offset: int | None,
    corpus: Corpus,
    hosts: Hosts,
) -> str:
    """A v2024 listing page: `entries` are (item, link, description) in page order."""
    button = (
        '<div class="view-more"><span class="btn-xemthem" id="btnViewmore">XEM THÊM</span></div>\n'
        if next_offset is not None
        else ""
    )
    return (
        head(section.name, site_meta=False)
        + '<body class="category-page">\n'
        + site_menu(hosts, section_page=section == SECTION)
        + breadcrumb(hosts, section)
        + '<main class="main"><div class="wrapper clearfix"><div class="w720 lt"><div class="cat-listing">\n'
        + teasers(entries, hosts, section, next_offset)
        + button
        + "</div></div>\n"
        + side_column(hosts, corpus, len(entries) + len(section.path))
        + "</div></main>\n"
        + footer(hosts)
    )
