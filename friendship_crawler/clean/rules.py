"""Boilerplate markers of thoidai.com.vn page text, kept as data and grouped by what they stand for.

The cleaning functions (`lines.py`, `page.py`) hold no site strings of their own: when the site renames
a box or adds a rail, the change is one entry here. Markers are compared with `site_rules.marker_key()`
(NFC, case-folded, trailing ":" and ellipsis dropped), so "TIN LIÊN QUAN:" matches "Tin liên quan". The
conventions the HTML path meets too (bylines, the date line, related box titles, error pages, sentence
ends) are in `site_rules.py`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from friendship_crawler.site_rules import PHOTO_CREDIT_WORD, RELATED_BOX_TITLES, RELATED_LABELS
from friendship_crawler.textnorm import CAPITAL


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, so that a word is tried before its prefixes."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# --- header: what stands above the title ---------------------------------------------------------
BREADCRUMB_ROOT = "Trang chủ"
BREADCRUMB_SEPARATORS = re.compile(r"\s*(?:>|»|›|/|\|)\s*")
BREADCRUMB_MAX_WORDS = 16
FOLLOW_SERVICES = ("Google News", "Google Tin tức", "Zalo", "Facebook", "YouTube", "TikTok", "Telegram")
"""Where a follow line sends the reader, after "trên"."""
FOLLOW_LINE = re.compile(
    rf"^(?i:theo dõi) (?:[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{{2,}}|{CAPITAL}[\w&]*(?: (?:{CAPITAL}|&)[\w&]*){{0,4}}"
    rf"|(?i:tạp chí|báo) {CAPITAL}\w*(?: \w+){{0,3}}) (?i:trên)"
    rf"(?:\s+(?i:{'|'.join(map(re.escape, FOLLOW_SERVICES))})(?:\s+(?i:để)\s.{{0,60}})?)?$"
    rf"|^(?i:theo dõi) \S.{{0,40}}? (?i:trên) (?i:{'|'.join(map(re.escape, FOLLOW_SERVICES))})"
    rf"(?:\s+(?i:để)\s.{{0,60}})?$"
)
"""`Theo dõi thoidai.com.vn trên` (some copies add the service: "Google News"), and the same line of a
sister site, which names itself by its address or its capitalised name ("Theo dõi TGVN trên"); nothing
but a service follows "trên", so a line that goes on about something else stays ("Theo dõi Trung Quốc
trên Biển Đông", "THEO DÕI TÌNH HÌNH TRÊN BIỂN"). Named by a service, a site's name may be any words,
with what it is for after it ("Theo dõi Sức khỏe Việt trên Zalo để cập nhật tin tức nhanh nhất")."""
READER_NOTICE = re.compile(
    r"^(?:mời (?:quý )?(?:độc giả|bạn đọc) (?:theo dõi|xem|đón đọc|đọc|tham gia|gửi)\b"
    r"|bạn đang đọc bài viết\b|đăng ký nhận (?:bản )?tin\b"
    r"|(?:quý )?(?:độc giả|bạn đọc) muốn (?:đọc|xem|tải)\b.{0,60}\b(?:bấm|nhấn|click|nhấp) vào đây\b"
    r"|(?:đường dây nóng|hotline)\b.{0,80}\b(?:bạn đọc|độc giả)\b"
    r"|\(?\*+\)?\s*(?:bài viết|nội dung bài viết) (?:thể hiện|là|phản ánh) quan điểm"
    r"|(?:\(?\*+\)?\s*)?(?:các )?(?:tiêu đề|tít|tên bài|đầu đề|nhan đề)(?: bài viết| bài| phụ| và tít phụ)?"
    r" (?:do|của) (?:tòa soạn|toà soạn|ban biên tập))",
    re.IGNORECASE,
)
"""The site's notice to its readers, no line of the article: "Mời quý độc giả theo dõi các video …", "Bạn
đang đọc bài viết … tại chuyên mục …", "Đăng ký nhận bản tin", a hotline "… phản ánh của bạn đọc: …", an
editor's note ("(*) Bài viết thể hiện quan điểm riêng của tác giả.", "Tiêu đề do Tòa soạn đặt.", "(*) Tên bài
do Tòa soạn đặt"), a link to the full paper ("Quý độc giả muốn đọc chi tiết xin vui lòng bấm vào đây")."""
FONT_SIZE_CONTROL = re.compile(r"^[aA]\s?[aA]$")
"""The two-letter font-size control rendered as "aa" between title and sapo."""
FONT_SIZE_CHOICES = re.compile(
    r"^(?:nhỏ|vừa|bình thường|lớn)(?:\s+(?:nhỏ|vừa|bình thường|lớn)){1,3}$", re.IGNORECASE
)
"""The font-size control of an older sister template, its sizes spelt out ("Nhỏ Bình thường Lớn") above the
title: a header line, never the title."""
HEADER_SCAN_LINES = 15
"""How far into a full page text the breadcrumb, date, follow line and "aa" are looked for."""
HEADER_BYLINE_LINES = 3
"""How many byline lines a mirror copy's header may hold before its follow line."""

# --- trailer boxes: everything from the first of these on is not the article ---------------------
RAIL_BOX_TITLES = frozenset(
    {
        "đọc nhiều", "đọc nhiều nhất", "xem nhiều", "xem nhiều nhất", "tin đọc nhiều", "tin xem nhiều",
        "tin mới", "tin mới nhất", "tin mới cập nhật", "bờ cõi biển đảo", "most read", "most viewed",
        "most popular", "latest news",
    }
)  # fmt: skip
"""Titles of the site's rails: a box of links under one, set in the body, lists no article of its own."""
TRAILER_BOXES = RELATED_BOX_TITLES | RAIL_BOX_TITLES | frozenset(
    {
        "các tin bài khác", "tin bài khác", "các tin khác", "tin khác", "bài viết khác",
        "tin cùng chuyên mục", "cùng chuyên mục", "cùng chủ đề", "tin cùng chủ đề", "bài cùng chủ đề",
        "bài viết cùng chủ đề", "đọc thêm", "tin mới hơn", "tin cũ hơn", "tin đã đưa", "các tin đã đưa",
        "xem thêm", "có thể bạn quan tâm",
        "bạn có thể quan tâm", "đừng bỏ lỡ", "có thể bạn chưa đọc",
        "xin chờ trong giây lát",
        "phiên bản di động", "in bài viết", "gửi bài viết", "bình luận",
        "bài trước đó", "bài sau đó", "bài trước",
        "bài sau", "tin trước", "tin sau", "ý kiến bạn đọc", "ý kiến của bạn", "gửi bình luận",
        "viết bình luận", "bình luận của bạn", "gửi ý kiến", "loạt bài", "cùng loạt bài",
        "more news", "other news", "read next", "you may also like", "you might also like",
        "you may be interested", "don't miss", "don’t miss",
        "previous article", "next article", "previous post", "next post", "leave a comment",
        "leave a reply", "post a comment",
    }
)  # fmt: skip
"""Box titles that end the article wherever they stand alone on a line (with the CMS family's trailer and
widget boxes: previous/next links, "latest", comment forms), in Vietnamese and as the family's English
editions print them ("Most read", "Latest news")."""
TEMPLATE_CELL = re.compile(r"^\|[ ]*\t")
"""A row whose cell opens with tabs: the indentation of the site's template around an embedded box of
another article (`|   \t\t\t Quan chức cao cấp ASEAN …`), which a writer typing in the editor never makes."""
HEADING_WORDS = frozenset({"bình luận", "đừng bỏ lỡ"})
"""Box titles an article may head a section of its own text with ("Bình luận": a commentary after the
news): in a body read from its container, they end it only when no paragraph follows them."""
TRAILER_PREFIX = re.compile(
    r"^(?:(?:Tags?|Từ khóa|Từ khoá|Chủ đề)\s*:|(?:Bình luận|Ý kiến bạn đọc|Ý kiến)\s*\(\d+\)"
    r"|©|\(c\)\s|Copyright\s*©)",
    re.IGNORECASE,
)
"""A trailer line that carries its content after the label: "Tags: hòa bình, hữu nghị"; or the site's
copyright notice ("© Bản quyền thuộc về …"), which no line of an article opens with."""
SITE_TAGLINE = re.compile(
    r"\bcơ quan (?:ngôn luận|chủ quản|thông tấn)\b|\bcập nhật tin tức\b|\btin tức (?:mới nhất|24h|nhanh)\b",
    re.I,
)
"""What a site's own description says of itself ("Cơ quan ngôn luận của Bộ Ngoại giao, cập nhật tin tức …"),
which a head gives as every page's description: never an article's lead."""
LABELLED_TRAILER = re.compile(r"^(?:Tags?|Từ khóa|Từ khoá|Chủ đề)\s*:", re.IGNORECASE)
"""The trailer lines of `TRAILER_PREFIX` whose label an article's own line may open with too ("Chủ đề:
\"Thanh niên …\"", an event's theme)."""
RAIL_TITLES = frozenset(
    {
        "multimedia", "video", "videos", "infographic", "infographics", "podcast", "emagazine",
        "e-magazine", "longform", "photo", "ảnh", "thời tiết", "truyền hình", "quảng cáo",
        "advertisement", "chuyên đề", "ấn phẩm đặc biệt", "số đặc biệt",
        "giá vàng", "tỷ giá", "tỷ giá ngoại tệ", "chứng khoán", "thị trường", "lịch âm", "tiện ích",
        "chia sẻ", "tin nổi bật",
    }
)  # fmt: skip
"""Rail titles that are ordinary words too: they end the article only when no paragraph follows them."""
WIDGET_WORDS = (
    "chia sẻ", "share", "tweet", "facebook", "twitter", "zalo", "linkedin", "pinterest", "messenger",
    "youtube", "tiktok", "instagram", "telegram",
    "gửi email", "gửi mail", "email", "e-mail", "in bài viết", "in bài", "in", "lưu bài", "lưu tin", "lưu",
    "copy link", "sao chép liên kết", "sao chép link", "quảng cáo", "advertisement", "ads", "cỡ chữ",
    "video:", "nghe bài viết", "nghe đọc bài viết", "nghe đọc bài", "nghe bài", "nghe", "bình chọn",
    "bài viết này", "bạn thấy bài viết này thế nào?", "không hữu ích", "hữu ích",
)  # fmt: skip
"""What the page's widgets print (share, print and listen buttons, "… bài viết này" after any of them, ad
labels, the font-size control, an embed's label, a poll's button): a line of these words only is no line
of the article, wherever it stands. A title that ends an article on a line of its own ("In bài viết") is
the trailer's, read before."""
WIDGET_LINE = re.compile(
    rf"^(?:(?:{alternation(WIDGET_WORDS)}|a[-+]?)(?:\s*[|•·/,]\s*|\s+|$))+$"
    r"|^#[^#\s][^#]{0,40}(?:\s+#[^#\s][^#]{0,40})+$|^#[^#\s\d]\S*(?:\s\S+){0,2}$"
    r"|^ảnh\s*:?\s*\d+\s*/\s*\d+$|^nghe (?:đọc )?bài(?: viết)?\s*\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?$"
    r"|^[↑^▲]?\s*(?:về|trở (?:lại|về)|lên|quay (?:lại|về))\s+đầu trang\s*[↑^▲]?$|^back to top\s*[↑^▲]?$"
    r"|^back to [\w-]+(?: [\w-]+)?$",
    re.IGNORECASE,
)
"""A line of widget words only, the font-size control's letters ("A- A A+") among them; a line of hashtags
("#hữu nghị #giao lưu", or one of a few words, not "#1 …", a ranking's heading); a gallery's photo
counter ("Ảnh: 1/5"); a link back to the top of the page ("↑ Về đầu trang") or to the page a story is
part of ("Back to E-magazine")."""
OPENING_QUOTES = frozenset({'"', "“", "‘", "«", "'"})
"""A paragraph's opening quote: alone on the last line of a stored copy, where the copy was cut."""
MARKUP_DEBRIS = re.compile(r"(?:\s*(?:-->|<!--|/?>))+\s*")
"""What a page dump keeps of its markup above the title ("--> -->"): the mark of a dump of the whole page,
as a breadcrumb or a date line is."""
MARKDOWN_MARKS = ("|", "[", "]", "(", ")")
"""What a markdown-like copy draws its images and tables with ("![]() |", "| |"): such a line of no
letter marks where a caption or a related box stands, which later rules read."""
SLIDE_COUNTER = re.compile(r"(?P<shown>\d{1,3})\s*/\s*(?P<of>\d{1,3})")
"""A slideshow's counter alone on a line ("1/4"): a number of no more than the number after it."""
WIDGET_LINE_ALONE_MIN_CHARS = 4
"""A widget word alone on a line is one of these only when it is this long: "In", "Lưu" or "A" alone may
be something else (a list's letter, a cell)."""
MARKER_MAX_CHARS = max(map(len, TRAILER_BOXES | RAIL_TITLES))
"""The longest box or rail title: a longer line is neither, and is not case-folded to compare it."""
PARAGRAPH_MIN_WORDS = 8
"""A line after a rail title that ends a sentence and has this many words makes the title a subheading."""
MEDIA_ITEM = re.compile(
    r"^\[(?:video|infographics?|podcast|emagazine|e-magazine|longform|ảnh|photo)\]\s*\S", re.I
)
"""A multimedia rail item: "[Video] ...", "[Infographic] ..."; a run of them is a rail."""
MEDIA_BADGE = re.compile(
    r"^(?:e[-\s]?mag(?:azine)?|longform|megastory|infographics?|podcast|video|clip|audio|photo|ảnh)$", re.I
)
"""The badge a multimedia page shows above its title ("e mag", "[Ảnh]"): never the title."""
SLUG_LINE = re.compile(r"^[a-z0-9]+(?: [a-z0-9]+){2,}$")
"""An ASCII slug line of a rail ("infographic 6 danh hieu cua viet nam ...")."""
SLUG_WORD = re.compile(r"[a-z0-9]+$")
SLUG_ALT_MIN_WORDS = 6
"""Words of a slug line that is an image's alt on its own (a rail's slug lines come in runs)."""
PHOTO_FILE_NUMBER = re.compile(r"\d{8,}")
"""A number of eight digits or more in a slug line: the photo's file name ("0031 117444785 …
3909466882018620653 o", an upload or camera id), never a phrase of the text."""
FILE_NAME_ALT = re.compile(r"^[\w.-]{1,60}\.(?:jpe?g|png|gif|webp)$", re.I)
"""An image's file name left as its alt ("2.jpg"): no line of an article."""
NUMBER_ALT = re.compile(r"^\d{1,3}$")
"""A bare number as an image's alt ("8"), before that image's credited caption."""
STRAY_ALT = re.compile(r"^[a-z]{2,12}$")
"""One lower-case ASCII word alone on a line: an alt typed as a placeholder ("avc"). No line of an
article is one bare word without a diacritic or a capital."""
RELATED_MIN_WORDS = 3
"""Words of a related title; a shorter phrase said twice ("Hà Nội Hà Nội") is left alone."""
RELATED_PREFIX = re.compile(
    rf"^(?:[>»►▶•*+]+\s*)?(?:{alternation(RELATED_LABELS)})\s*[:>»]+\s*\S|^(?:>>+|[►▶])\s*\S", re.IGNORECASE
)
"""An inline related link written with its label: "Xem thêm: <title>", "Tin liên quan >> <title>",
"►>> Đọc thêm: <title>", or with an arrow alone: ">> <title>"."""
HEADLINE_MAX_WORDS = 30
"""Longer lines are paragraphs, never a headline, rail item or alt sentence."""
LABEL_MAX_WORDS = 4
"""Words of a category label a copy prints above the title ("Kinh tế - Xã hội", "Thống kê nước ngoài")."""
RAIL_RUN = 2
"""Consecutive media items, slug lines or ticker rows that make a rail (one alone is not a rail)."""
TICKER_ROW = re.compile(
    r"^[A-ZĐ][\w./-]{1,12}+(?:\s++[A-ZĐa-zđ][\w./-]*+){0,3}(?:\s++[-+▲▼]?\d[\d.,]*+%?){2,}$"
)
"""A market ticker row: a code or name then figures ("USD 25.450 25.820", "VN-Index 1.250,3 +0,5%"). A word,
a space or a figure is taken whole (possessive): giving part of one back never lets the rest match, and a
line of prose fails without retrying every shorter cut of its first words."""
RAIL_ROWS = {
    "[": MEDIA_ITEM,
    **dict.fromkeys(string.ascii_lowercase + string.digits, SLUG_LINE),
    **dict.fromkeys(string.ascii_uppercase + "Đ", TICKER_ROW),
}
"""The row of each rail kind by the character it opens with, as its pattern does: a media item opens with
"[", a slug line with a lower-case letter or a digit, a ticker row with a capital; a line is matched
against the one kind it may be a row of."""
LEAD_BOX_MAX_WORDS = 3 * HEADLINE_MAX_WORDS
"""Related titles run together on one line stay under this many words."""
NEAR_DUPLICATE = 0.6
"""Shared words (Jaccard) above which an image's alt line and its caption are the same text told twice."""
CAPTION_RETOLD = 0.8
"""Share of a credited caption's words an alt line above it holds when it tells the same photo at length."""
TITLE_PART_MIN_WORDS = 5
"""Words of the title (or of its part after a colon or an ellipsis) an SEO alt must hold to be taken for
one."""
TITLE_PART_BREAK = re.compile(r": |(?:\.\.\.|…) ")
"""Where a headline's lead-in ends and the part an alt may name on its own begins."""

# --- markdown-like remnants of the second text style ---------------------------------------------
MARKDOWN_IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)]*\)")
"""`![alt](url)`, also `![]()` and `![[Video] title](url)`; a remnant's alt text is never article text."""
MARKDOWN_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]]+)\]\((?:https?://|/)[^)]*\)")
"""`[text](url)`: the text stays, the link goes."""
WEB_ADDRESS = re.compile(
    r"^(?P<prefix>(?:https?:)?//|www\.)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})(?::\d+)?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
"""A line that is a web address and nothing else, with its scheme or "www." (`prefix`) or as a bare
domain; `host` is its host without "www."."""
EMPTY_CELL = re.compile(r"^\|?(?:\s*\|)*\s*$")
"""A row with no text between its bars: `| |`, `|`."""
EDGE_BARS = re.compile(r"^\|\s*|\s*\|$")
TRUNCATED_CELL = re.compile(r"(?:\.\.\.|…)\s*\|$")
"""A cell cut by the CMS with an ellipsis ("... đàn ... |"): the teaser of another article, never text."""

# --- images: captions and credits ----------------------------------------------------------------
PHOTO_CREDIT = re.compile(rf"^\(?\s*{PHOTO_CREDIT_WORD}\s*:", re.IGNORECASE)
"""A caption's photo-credit part: "(Ảnh: Báo Bắc Giang)."."""
TRAILING_CREDIT = re.compile(rf"[(\s.]{PHOTO_CREDIT_WORD}\s*:\s*[^()]{{1,80}}\)?\s*\.?$", re.IGNORECASE)
"""A credit at the end of a one-line caption: "... tại Sóc Trăng (Ảnh: TTXVN).", "... Ảnh: Báo Bạc Liêu"."""
SOURCE_AFTER_CAPTION = re.compile(r"[(.\s]Nguồn\s*:\s*[^()]{1,80}\)?\s*\.?$", re.IGNORECASE)
"""A source named at the end of a caption ("… Bác. Nguồn: ĐSQ", "… (Nguồn: Hội)"), as a credit is."""
CUT_CREDIT = re.compile(r"\s\(\s*(?P<start>[^\s()]{0,5})$")
"""A caption the stored copy cut as its credit opened ("… tỉnh Hải Dương (", "… (Ản"): an opening
parenthesis and at most the start of a credit word end the line (`lines.ends_in_cut_credit`)."""
CREDIT_WORDS = ("ảnh", "nguồn", "photo")
"""The words a credit opens with, whose start `CUT_CREDIT` may have kept."""
UNNAMED_CREDIT = re.compile(rf"\(\s*{PHOTO_CREDIT_WORD}\s*\)\s*\.?$", re.IGNORECASE)
"""A credit that names nobody at the end of a caption: "… toàn diện (Ảnh minh họa)"."""
CAPTION_PLACEHOLDER = "chú thích ảnh"
"""What an image's alt says when nobody wrote one (as a `marker_key`): never article text."""
CREDIT_MAX_WORDS = 12
CAPTION_MAX_WORDS = 60
"""A line ending in a photo credit but longer than this is a paragraph, not a caption."""
ALT_MIN_WORDS = 3
"""An SEO alt sentence repeated before captions has at least this many words."""
CAPTION_OVER_ALT_WORDS = 8
"""Words a caption that tells its alt word for word adds to it ("Quang cảnh …", "Ông X phát biểu tại …");
a teaser that repeats its title goes on for a sentence or more."""
NUMBERED_IMAGE = re.compile(r"\s*[-–—]?\s*(?:ảnh|hình|hình ảnh)\s+\d{1,2}\.?", re.I)
"""What the CMS adds after the title in a generated alt: "<title>- Ảnh 1.", "<title> - Hình 2"."""
HEADER_DATE_LINE_MAX_CHARS = 90
"""A header line this long at most may be a date line in a form `match_date_line` does not know: a longer
one is a headline or a ticker, whose dates are not the article's."""
DATE_LINE_WORDS = frozenset(
    {
        "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "t", "ngày", "tháng", "lúc",
        "h", "giờ", "phút", "sa", "ch", "gmt", "utc", "cập", "đăng", "xuất", "bản", "am", "pm", "at", "on",
        "updated", "published", "posted", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip
"""The words a date line may hold beside its figures: weekdays and months in Vietnamese and English,
the labels of publication and update, the zone and the parts of the day."""
NUMBERED_IMAGE_MAX_CHARS = 16
"""The longest such number: a longer rest after the title is words of a caption, not a number."""
ALT_TITLE_SIMILARITY = 0.8
"""Share of slug words a thumbnail's ASCII alt shares with its title when the CMS shortened it."""

# --- byline and source ---------------------------------------------------------------------------
SOURCE_SEARCH_LINES = 4
"""The "Nguồn:" line is looked for among the last lines of the body only."""
LEADING_BYLINE_LINES = 3
"""Lines at the top of a body (a sapo the body repeats first) where a labelled byline is looked for."""
