"""The inline styles and scripts that make up most of a saved MasterCMS page's weight, built once.

Saved pages of the site and its sister sites carry 40-60 KB of inline CSS (the theme, minified) and
inline scripts (tag manager, ad slots, the CMS's own page variables and lazy-image loader) in the head and
at the end of the body. Extraction must read past them, and their size is what makes a page 80-200 KB, so
the replica writes them too: from a fixed seed, the same bytes on every page and every run, computed once
per process.
"""

from __future__ import annotations

import random
from functools import cache

_SEED = "masterCMS-theme"
_BLOCKS = (
    "header", "top-bar", "logo", "menu", "mega-menu", "sub-menu", "menu-col", "menu-featured", "search-box",
    "breadcrumbs", "article-detail", "article-detail-title", "article-detail-desc", "article-detail-date",
    "font-size-tool", "follow-news", "__MASTERCMS_CONTENT", "MASTERCMS_TPL_TABLE", "tpl_CMS_ARTICLE_EMBED",
    "box-related", "box-other-news", "box-most-read", "box-bien-dao", "box-multimedia", "box-video-rail",
    "box-item", "box-item-img", "box-item-title", "box-item-desc", "box-title", "box-menu", "rail-item",
    "box-weather", "box-special", "box-ad", "ads", "ad-slot", "sidebar", "side-box", "side-list",
    "box-comment", "comment-form", "comment-list", "footer", "footer-col", "footer-menu", "footer-mobile",
    "post", "post-title", "post-desc", "post-meta", "post-content", "post-tag", "post-share", "cat-listing",
    "cat-title", "cat-name", "cat-content", "article", "article-thumb", "article-image", "article-info",
    "article-title", "article-desc", "article-meta", "btn-xemthem", "wrapper", "w720", "w380", "clearfix",
)  # fmt: skip
_STATES = ("", ":hover", " a", " a:hover", " img", " h3", " h4", " p", " li", " ul", "::after", ".active")
_PROPERTIES = (
    ("display", ("block", "inline-block", "flex", "none", "grid")),
    ("position", ("relative", "absolute", "static")),
    ("margin", ("0", "0 auto", "0 0 15px", "10px 0", "0 -15px")),
    ("padding", ("0", "5px 10px", "10px 15px", "0 0 20px", "15px")),
    ("font-size", ("12px", "13px", "14px", "16px", "18px", "22px", "28px")),
    ("font-weight", ("400", "600", "700")),
    ("line-height", ("1.3", "1.5", "1.6", "20px", "24px")),
    ("color", ("#222", "#333", "#666", "#999", "#b30000", "#005aab", "#fff")),
    ("background", ("#fff", "#f5f5f5", "#005aab", "transparent", "#eee")),
    ("border-bottom", ("1px solid #e5e5e5", "1px dotted #ccc", "2px solid #005aab", "0")),
    ("width", ("100%", "50%", "33.333%", "720px", "380px", "300px", "auto")),
    ("text-transform", ("uppercase", "none")),
    ("overflow", ("hidden", "visible")),
    ("transition", ("all .3s ease", "color .2s", "none")),
)
_MEDIA = ("(max-width:1199px)", "(max-width:991px)", "(max-width:767px)", "print")


def _rule(rng: random.Random, selector: str) -> str:
    chosen = rng.sample(_PROPERTIES, rng.randint(2, 6))
    body = ";".join(f"{name}:{rng.choice(values)}" for name, values in chosen)
    return f"{selector}{{{body}}}"


def _stylesheet(rng: random.Random, rules: int) -> str:
    out = []
    for _ in range(rules):
        block = rng.choice(_BLOCKS)
        parent = f".{rng.choice(_BLOCKS)} " if rng.random() < 0.4 else ""
        out.append(_rule(rng, f"{parent}.{block}{rng.choice(_STATES)}"))
    for media in _MEDIA:
        selectors = (f".{rng.choice(_BLOCKS)}{rng.choice(_STATES)}" for _ in range(rules // 12))
        inner = "".join(_rule(rng, selector) for selector in selectors)
        out.append(f"@media {media}{{{inner}}}")
    return "".join(out)


_SLOTS = ("top_banner", "right_1", "right_2", "right_3", "detail_inread", "detail_bottom", "catfish", "popup")


def _ad_slots(rng: random.Random) -> str:
    lines = [
        f"googletag.defineSlot('/21812778492/thoidai_{slot}',[[{rng.choice((300, 728, 970))},"
        f"{rng.choice((90, 250, 600))}]],'div-gpt-ad-{rng.randint(10**12, 10**13 - 1)}-{n}')"
        ".addService(googletag.pubads());"
        for n, slot in enumerate(_SLOTS)
    ]
    return (
        "window.googletag=window.googletag||{cmd:[]};googletag.cmd.push(function(){"
        + "".join(lines)
        + "googletag.pubads().enableSingleRequest();googletag.pubads().collapseEmptyDivs();"
        "googletag.enableServices();});"
    )


_CMS_SCRIPT = (
    "var __MB_SITE_ID=14,__MB_DOMAIN='thoidai.com.vn',__MB_STATIC='https://static.thoidai.com.vn/';"
    "var __MB_LAZY=function(){var e=document.querySelectorAll('img[data-src]');for(var t=0;t<e.length;t++)"
    "{var n=e[t];if(n.getBoundingClientRect().top<window.innerHeight+300){n.src=n.getAttribute('data-src');"
    "n.removeAttribute('data-src')}}};window.addEventListener('scroll',__MB_LAZY);"
    "window.addEventListener('load',__MB_LAZY);"
    "function __MB_FONT(e){var t=document.querySelector('.__MASTERCMS_CONTENT');if(t){var n=parseInt("
    "window.getComputedStyle(t).fontSize,10)||16;t.style.fontSize=Math.max(12,Math.min(24,n+e))+'px'}}"
)


def _vendor_script(rng: random.Random, functions: int) -> str:
    """A minified library as the site bundles it inline: many short functions over short names."""
    names = [f"{chr(97 + n % 26)}{n // 26 or ''}" for n in range(functions)]
    out = ["!function(w,d){'use strict';"]
    for name in names:
        a, b = rng.sample(names, 2)
        out.append(
            f"function {name}(e,t){{var n=e&&e.length||0,r=[];for(var i=0;i<n;i++){{if({a}(e[i],t))"
            f"r.push({b}(e[i],i));else if(t&&t.{rng.choice(('fallback', 'next', 'done'))})"
            f"r.push(t.{rng.choice(('fallback', 'next', 'done'))}(e[i]))}}return r.length?r:"
            f"{rng.randint(0, 255)}}}"
        )
    out.append("w.__MB_UTIL={" + ",".join(f"{n}:{n}" for n in names[:40]) + "}}(window,document);")
    return "".join(out)


@cache
def head_assets() -> str:
    """Stylesheets and scripts of the page head (about 40 KB), the same on every page."""
    rng = random.Random(f"{_SEED}:head")
    return (
        '<link rel="preconnect" href="https://static.thoidai.com.vn">'
        '<link rel="dns-prefetch" href="https://www.googletagmanager.com">'
        '<link rel="stylesheet" href="https://static.thoidai.com.vn/web/css/main.min.css?v=20240912">\n'
        f"<style>{_stylesheet(rng, 230)}</style>\n"
        f"<style>{_stylesheet(rng, 50)}</style>\n"
        '<script async src="https://www.googletagmanager.com/gtag/js?id=G-7NS2M8KJ1Q"></script>\n'
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "gtag('js',new Date());gtag('config','G-7NS2M8KJ1Q');</script>\n"
        '<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>\n'
        f"<script>{_ad_slots(rng)}</script>\n"
        f"<script>{_CMS_SCRIPT}</script>\n"
    )


@cache
def body_scripts() -> str:
    """Scripts at the end of the body (about 10 KB): the bundled helpers, comments widget, tracking."""
    rng = random.Random(f"{_SEED}:body")
    return (
        f"<script>{_vendor_script(rng, 60)}</script>\n"
        '<script async defer crossorigin="anonymous" '
        'src="https://connect.facebook.net/vi_VN/sdk.js#xfbml=1&amp;version=v18.0"></script>\n'
        '<script src="https://sp.zalo.me/plugins/sdk.js"></script>\n'
        "<script>(function(){var s=document.createElement('script');s.async=true;"
        "s.src='https://static.thoidai.com.vn/web/js/comment.min.js?v=3';"
        "document.body.appendChild(s)})();</script>\n"
    )
