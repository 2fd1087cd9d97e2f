"""Article pages in the site's two template generations (v2019, v2021), their AMP variant and print view."""

from __future__ import annotations

import json
from typing import Any

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
    trailers,
)
from friendship_crawler.replica.corpus import Corpus
from friendship_crawler.replica.stories import (
    BodyPart,
    Generation,
    ImageBlock,
    InlineRelated,
    Story,
    TextBlock,
    iso,
)
from friendship_crawler.replica.vocab import fold_ascii, slugify
from friendship_crawler.replica.writer import gif_placeholder

SITE_ROOT = "https://thoidai.com.vn"


def amp_path(story: Story) -> str:
    return f"{story.path}&mobile=yes&amp=1"


def print_path(story: Story) -> str:
    return f"/apicenter@/print_article&i={story.article_id}"


def article_page(story: Story, corpus: Corpus, hosts: Hosts) -> str:
    """The full article page of the story's generation, trailer boxes and footer included."""
    new = story.generation == "v2021"
    content = content_html(story, corpus, hosts, story.generation)
    if new:
        body = f'<div class="__MASTERCMS_CONTENT">\n{content}</div>\n{_author_heading(story, hosts)}'
    else:
        body = (
            '<div class="__MASTERCMS_CONTENT __MB_CONTENT_FOR_PRINTER"><div class="__MB_MASTERCMS_EL">\n'
            f"{content}{_author_paragraph(story)}</div></div>\n"
        )
    follow = (
        '<div class="follow-news">Theo dõi thoidai.com.vn trên <a href="https://news.google.com/">'
        "Google News</a></div>"
        if story.follow_line
        else ""
    )
    return (
        head(story.title, _head_meta(story, hosts))
        + "<body>\n"
        + site_menu(hosts)
        + breadcrumbs(hosts, story.section)
        + '<div class="article-detail">\n'
        + f'<span class="article-detail-date">{date_line(story.published)}</span>\n{follow}\n'
        + f'<h1 class="article-detail-title">{esc(story.title)}</h1>\n'
        + '<div class="font-size-tool"><a>a</a><a>a</a><a class="btn-print" '
        + f'href="{attr(hosts.link(print_path(story)))}" '
        + 'title="In bài viết"></a></div>\n'
        + f'<div class="article-detail-desc">{esc(story.sapo)}</div>\n'
        + body
        + f'<div class="article-detail-source">Nguồn: {esc(story.source)}</div>\n'
        + _tag_box(story, hosts)
        + "</div>\n"
        + trailers(hosts, corpus, story.related, story.article_id)
        + side_column(hosts, corpus, story.article_id)
        + footer(hosts, hosts.link(amp_path(story)))
    )


def amp_page(story: Story, corpus: Corpus, hosts: Hosts) -> str:
    """The lighter mobile page: same article, current-generation content markup, no trailer boxes."""
    content = content_html(story, corpus, hosts, "v2021", amp=True)
    return (
        '<!DOCTYPE html>\n<html amp lang="vi"><head><meta charset="utf-8">'
        f"<title>{esc(story.title)} | Thời Đại</title>"
        f'<link rel="canonical" href="{attr(story.canonical_url)}"></head>\n<body>\n'
        f'<header class="amp-header"><a href="{attr(hosts.link("/"))}">Thời Đại</a></header>\n'
        + breadcrumbs(hosts, story.section)
        + '<article class="article-detail">\n'
        + f'<span class="article-detail-date">{date_line(story.published)}</span>\n'
        + f'<h1 class="article-detail-title">{esc(story.title)}</h1>\n'
        + f'<div class="article-detail-desc">{esc(story.sapo)}</div>\n'
        + f'<div class="__MASTERCMS_CONTENT">\n{content}</div>\n{_author_heading(story, hosts)}'
        + f'<div class="article-detail-source">Nguồn: {esc(story.source)}</div>\n'
        + _tag_box(story, hosts)
        + "</article>\n"
        + f'<footer><a href="{attr(hosts.link(story.path))}">Xem phiên bản đầy đủ</a></footer>\n</body>'
        + "</html>\n"
    )


def print_page(story: Story, corpus: Corpus, hosts: Hosts) -> str:
    """The print view: the article alone; its date line has no GMT+7."""
    content = content_html(story, corpus, hosts, "v2021")
    return (
        head(story.title, f'<link rel="canonical" href="{attr(story.canonical_url)}">')
        + '<body onload="window.print()">\n<div class="print-article">\n'
        + f'<span class="article-detail-date">{date_line(story.published, gmt=False)}</span>\n'
        + f'<h1 class="article-detail-title">{esc(story.title)}</h1>\n'
        + f'<div class="article-detail-desc">{esc(story.sapo)}</div>\n'
        + f'<div class="__MASTERCMS_CONTENT">\n{content}</div>\n{_author_heading(story, hosts)}'
        + f'<div class="article-detail-source">Nguồn: {esc(story.source)}</div>\n</div>\n</body></html>\n'
    )


def _head_meta(story: Story, hosts: Hosts) -> str:
    parts = [
        f'<link rel="canonical" href="{attr(story.canonical_url)}">',
        f'<link rel="amphtml" href="{attr(hosts.link(amp_path(story)))}">',
        f'<meta name="description" content="{attr(story.sapo)}">',
    ]
    if story.tags:
        parts.append(f'<meta name="keywords" content="{attr(", ".join(story.tags))}">')
    images = [part.url for part in story.body if isinstance(part, ImageBlock)]
    if story.og_meta:
        parts += [
            f'<meta property="og:title" content="{attr(story.title)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{attr(story.canonical_url)}">',
            f'<meta property="og:description" content="{attr(story.sapo)}">',
        ]
        if images:
            parts.append(f'<meta property="og:image" content="{attr(images[0])}">')
    if story.published_meta:
        parts.append(f'<meta property="article:published_time" content="{iso(story.published)}">')
    if story.jsonld:
        parts.append(_jsonld(_news_article(story, images)))
        if story.breadcrumb_ld:
            parts.append(_jsonld(_breadcrumb_list(story)))
    return "\n".join(parts) + "\n"


def _news_article(story: Story, images: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": iso(story.published),
    }
    if story.modified:
        data["dateModified"] = iso(story.modified)
    data["description"] = story.sapo
    data["image"] = images
    data["mainEntityOfPage"] = {"@type": "WebPage", "@id": story.canonical_url}
    if story.author:
        data["author"] = {"@type": "Person", "name": story.author}
    data["publisher"] = {
        "@type": "Organization",
        "name": "Thời Đại",
        "logo": {"@type": "ImageObject", "url": f"{SITE_ROOT}/logo.png"},
    }
    return data


def _breadcrumb_list(story: Story) -> dict[str, Any]:
    names = [("Trang chủ", "/"), ("Hữu nghị", "/huu-nghi")]
    if len(story.section.breadcrumb) > 1:
        names.append((story.section.name, story.section.path))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": f"{SITE_ROOT}{path}"}
            for n, (name, path) in enumerate(names, start=1)
        ],
    }


def _jsonld(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _author_heading(story: Story, hosts: Hosts) -> str:
    if not story.author:
        return ""
    name = f"{story.author} {story.author_suffix}".strip()
    href = attr(hosts.link(f"/tac-gia/{slugify(story.author)}"))
    return f'<h2 class="author-title"><a href="{href}">{esc(name)}</a></h2>\n'


def _author_paragraph(story: Story) -> str:
    return f'<p style="text-align: right;"><strong>{esc(story.author)}</strong></p>\n' if story.author else ""


def _tag_box(story: Story, hosts: Hosts) -> str:
    if not story.tag_box:
        return ""
    links = " ".join(f'<a href="{attr(hosts.link(f"/tag/{slugify(t)}"))}">{esc(t)}</a>' for t in story.tags)
    return f'<div class="article-tags">{links}</div>\n'


def content_html(
    story: Story, corpus: Corpus, hosts: Hosts, generation: Generation, amp: bool = False
) -> str:
    """The body blocks; consecutive list items share one `<ul>`, consecutive quotes one `<blockquote>`."""
    out: list[str] = []
    open_group = ""
    for part in story.body:
        group = part.kind if isinstance(part, TextBlock) and part.kind in ("li", "quote") else ""
        if group != open_group:
            out.append({"li": "</ul>", "quote": "</blockquote>", "": ""}[open_group])
            out.append({"li": "<ul>", "quote": "<blockquote>", "": ""}[group])
            open_group = group
        out.append(_part(part, corpus, hosts, generation, amp))
    out.append({"li": "</ul>", "quote": "</blockquote>", "": ""}[open_group])
    return "\n".join(piece for piece in out if piece) + "\n"


def _part(part: BodyPart, corpus: Corpus, hosts: Hosts, generation: Generation, amp: bool) -> str:
    if isinstance(part, TextBlock):
        text = esc(part.text)
        return {
            "p": f"<p>{text}</p>",
            "h2": f"<h2>{text}</h2>",
            "h3": f"<h3>{text}</h3>",
            "strong": f"<p><strong>{text}</strong></p>",
            "li": f"<li>{text}</li>",
            "quote": f"<p>{text}</p>",
        }[part.kind]
    if isinstance(part, ImageBlock):
        return _image(part, amp)
    return _inline_related(part, corpus, hosts, generation)


def _image(image: ImageBlock, amp: bool) -> str:
    if amp:
        tag = (
            f'<amp-img src="{attr(image.url)}" alt="{attr(image.alt)}" width="800" height="533" '
            'layout="responsive"></amp-img>'
        )
    elif image.lazy:
        tag = (
            f'<img class="__img_mastercms" src="{gif_placeholder()}" data-src="{attr(image.url)}" '
            f'alt="{attr(image.alt)}" style="max-width:100%;">'
        )
    else:
        tag = f'<img class="__img_mastercms" src="{attr(image.url)}" alt="{attr(image.alt)}">'
    caption = ""
    if image.caption:
        caption = "<tr><td>" + "".join(f"<p>{esc(line)}</p>" for line in image.caption) + "</td></tr>"
    return f'<table class="MASTERCMS_TPL_TABLE"><tbody><tr><td>{tag}</td></tr>{caption}</tbody></table>'


def _inline_related(box: InlineRelated, corpus: Corpus, hosts: Hosts, generation: Generation) -> str:
    rows: list[str] = []
    for link in box.links:
        story = corpus.stories[link.article_id]
        href = attr(hosts.link(story.path, link.variant))
        if generation == "v2021":
            rows.append(
                f'<tr><td><a href="{href}"><img src="{attr(_thumb(story))}" alt="{attr(story.title)}"></a> '
                f'<a href="{href}">{esc(story.title)}</a></td></tr>'
            )
        else:
            rows.append(
                f'<div class="__mb_article_in_image"><a class="__MB_ARTICLE_A" href="{href}">'
                f'<img src="{attr(_thumb(story))}" alt="{attr(fold_ascii(story.title))}">'
                f"{esc(story.title)}</a></div>"
            )
    if generation == "v2021":
        return f'<table class="tpl_CMS_ARTICLE_EMBED"><tbody>{"".join(rows)}</tbody></table>'
    return "".join(rows)


def _thumb(story: Story) -> str:
    return f"https://tacnghiep.thoidai.com.vn/stores/news_dataimages/thumb/{story.slug[:40].rstrip('-')}.jpg"
