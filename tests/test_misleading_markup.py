"""Markup of other MasterCMS sites that misleads one field while the rest of the page reads right: a hidden
headline, a label before the headline, the site's clock above it, a date only a meta tag or the microdata
states, a trail whose last level is no link, a box of links labelled on the line before it, a related box
titled in words of its own, a writer's job beside the name, a photographer credited on the byline, an
author box that names no one, a motto signed where a byline stands. Each page is one change from a page
every field of which reads right."""

from __future__ import annotations

import pytest

from friendship_crawler.extract import NotAnArticle
from friendship_crawler.reader import read_article

URL = "https://baoquocte.vn/hoi-huu-nghi-viet-nam-lao-to-chuc-giao-luu-van-hoa-254321.html"
TITLE = "Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An tổ chức giao lưu văn hóa"
PARAGRAPHS = (
    "Tham dự chương trình có đại diện lãnh đạo Liên hiệp các tổ chức hữu nghị tỉnh cùng hơn 200 lưu học"
    " sinh Lào đang theo học tại các trường trên địa bàn.",
    "Phát biểu tại chương trình, Chủ tịch Hội cho biết quan hệ hữu nghị giữa hai nước không ngừng được vun"
    " đắp trong những năm qua.",
    "Nhân dịp này, Hội đã trao 20 suất học bổng cho các lưu học sinh Lào có thành tích học tập xuất sắc,"
    " vượt khó vươn lên.",
    "Chương trình giao lưu văn nghệ với những tiết mục đặc sắc của hai nước đã để lại nhiều ấn tượng tốt"
    " đẹp trong lòng các đại biểu.",
)
TRAIL = (
    "<ul class='breadcrumb'><li><a href='/'>Trang chủ</a></li><li><a href='/huu-nghi'>Hữu nghị</a></li>"
    "<li><a href='/huu-nghi/doi-ngoai-nhan-dan'>Đối ngoại nhân dân</a></li></ul>"
)
DATE_LINE = "<div class='article-detail-info'><span class='format_time'>19:45</span> | 12/03/2024</div>"
OTHER_NEWS = (
    "<div class='news-other'><h3>Tin cùng chuyên mục</h3><ul><li><a href='/nghe-an-don-doan-254000.html'>"
    "Nghệ An đón đoàn đại biểu tỉnh Xiêng Khoảng</a><p>Sáng nay, lãnh đạo tỉnh Nghệ An đã tiếp đoàn đại biểu"
    " tỉnh Xiêng Khoảng (Lào) sang thăm và làm việc.</p></li><li><a href='/trao-tang-nha-254001.html'>Trao"
    " tặng nhà tình nghĩa tại Bolikhamxay</a></li></ul></div>"
)
"""A box of the section's other articles after the article, a teaser's description among its titles."""
BYLINE = "<p style='text-align:right'><strong>Minh Châu</strong></p>"
RELATED = (
    "<ul><li><a href='/nghe-an-va-lao-ky-ket-thoa-thuan-253000.html'>Nghệ An và Lào ký kết thỏa thuận hợp"
    " tác</a></li><li><a href='/luu-hoc-sinh-lao-vui-tet-253001.html'>Lưu học sinh Lào vui Tết"
    " Bunpimay</a></li></ul>"
)


def page(
    *,
    head: str = "",
    above: str = "",
    headline: str = f"<h1 class='article-detail-title'>{TITLE}</h1>",
    date_line: str = DATE_LINE,
    trail: str = TRAIL,
    container: str = "article-detail-content __MASTERCMS_CONTENT",
    between: str = "",
    after: str = "",
    opening: str = "",
    byline: str = BYLINE,
) -> str:
    """An article page of a MasterCMS sister site; `between` stands in the body after its second paragraph."""
    first, second, *rest = (f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (
        f"<html lang='vi'><head><meta charset='utf-8'><title>{TITLE} | Báo Quốc tế</title>{head}</head><body>"
        "<header><nav class='menu'><ul><li><a href='/'>Trang chủ</a></li><li><a href='/huu-nghi'>Hữu nghị"
        "</a></li></ul></nav></header>"
        f"<main>{above}<div class='col-main'>{trail}<div class='article-detail'>{headline}{date_line}"
        f"<div class='{container}'>{opening}{first}{second}{between}{''.join(rest)}{byline}</div>"
        f"{after}</div></div></main>"
        "<footer><p>Báo Thế giới và Việt Nam. Giấy phép số 123/GP-BTTTT. © Bản quyền.</p></footer>"
        "</body></html>"
    )


def test_the_base_page_reads_right() -> None:
    article = read_article(page(), URL)
    assert article.title == TITLE
    assert article.text.split("\n") == [TITLE, *PARAGRAPHS]
    assert (article.author, article.published_at) == ("Minh Châu", "2024-03-12T19:45:00+07:00")
    assert article.section == ["Hữu nghị", "Đối ngoại nhân dân"]


@pytest.mark.parametrize(
    "hidden",
    [
        "<h1 style='display:none'>Báo Quốc tế - Tin tức thế giới</h1>",
        "<h1 class='sr-only'>Báo Quốc tế - Tin tức thế giới</h1>",
        "<div hidden><h1>Báo Quốc tế - Tin tức thế giới</h1></div>",
    ],
    ids=["style", "class", "hidden-box"],
)
@pytest.mark.parametrize("headline_class", ["article-detail-title", "title-detail-news"])
def test_a_headline_no_reader_sees_is_not_the_title(hidden: str, headline_class: str) -> None:
    """A site's name set in a hidden `h1` for search engines, before the article's own `h1` (of a class the
    selectors know, and of one they do not)."""
    article = read_article(page(above=hidden, headline=f"<h1 class='{headline_class}'>{TITLE}</h1>"), URL)
    assert article.title == TITLE
    assert article.text.split("\n")[0] == TITLE


@pytest.mark.parametrize(
    "label",
    [
        "<span class='label'>Độc quyền</span> ",
        "<a href='/huu-nghi'>Hữu nghị</a>",
        "<span>Phỏng vấn</span> - ",
    ],
    ids=["span", "category-link-unspaced", "dashed"],
)
def test_a_label_before_the_headline_goes_when_the_head_states_the_rest(label: str) -> None:
    head = f"<meta property='og:title' content='{TITLE}'>"
    article = read_article(
        page(head=head, headline=f"<h1 class='article-detail-title'>{label}{TITLE}</h1>"), URL
    )
    assert article.title == TITLE


def test_a_word_before_the_headline_stays_when_the_head_does_not_state_the_rest() -> None:
    headline = f"<h1 class='article-detail-title'><span>Nghệ An:</span> {TITLE}</h1>"
    assert read_article(page(headline=headline), URL).title == f"Nghệ An: {TITLE}"


@pytest.mark.parametrize(
    "clock",
    ["<div class='today'>Thứ Tư, 13/03/2024</div>", "<p>Hà Nội, 13/03/2024</p>"],
    ids=["weekday", "place"],
)
def test_a_day_without_a_time_above_the_headline_yields_to_the_date_line_after_it(clock: str) -> None:
    """The site's clock right above the headline, the article's date line with its time after it; with no
    date in the head and none the selectors know."""
    date_line = "<div class='meta'><span class='format_date'>12/03/2024</span> <span>19:45</span></div>"
    article = read_article(page(headline=f"{clock}<h1>{TITLE}</h1>", date_line=date_line), URL)
    assert article.published_at == "2024-03-12T19:45:00+07:00"


def test_a_day_without_a_time_above_the_headline_is_the_date_when_no_line_gives_a_time() -> None:
    headline = f"<div class='day'>Thứ Ba, 12/03/2024</div><h1>{TITLE}</h1>"
    assert (
        read_article(page(headline=headline, date_line=""), URL).published_at == "2024-03-12T00:00:00+07:00"
    )


@pytest.mark.parametrize(
    "meta",
    [
        "<meta property='og:published_time' content='2024-03-12T19:45:00+07:00'>",
        "<meta name='dc.date.issued' content='2024-03-12T19:45:00+07:00'>",
        "<meta name='publishdate' content='2024-03-12T19:45:00+07:00'>",
        "<meta name='date' content='2024-03-12T19:45:00+07:00'>",
    ],
    ids=["og", "dublin-core", "publishdate", "date"],
)
def test_a_publication_time_in_the_heads_meta_tags_keeps_its_time(meta: str) -> None:
    """htmldate reads these tags too, and gives their day alone."""
    date_line = "<div class='article-detail-info'>Thứ Ba, 12/03/2024</div>"
    article = read_article(page(head=meta, date_line=date_line), URL)
    assert article.published_at == "2024-03-12T19:45:00+07:00"


def test_the_microdata_in_the_body_gives_the_publication_time() -> None:
    date_line = (
        "<div itemscope itemtype='http://schema.org/NewsArticle'>"
        "<meta itemprop='datePublished' content='2024-03-12T19:45:00+07:00'>"
        "<span class='date'>Thứ Ba, 12/03/2024</span></div>"
    )
    assert read_article(page(date_line=date_line), URL).published_at == "2024-03-12T19:45:00+07:00"


@pytest.mark.parametrize(
    "meta",
    [
        "<meta property='og:updated_time' content='2024-03-14T10:00:00+07:00'>",
        "<meta property='article:modified_time' content='2024-03-14T10:00:00+07:00'>",
    ],
)
def test_an_update_time_alone_is_no_publication_time(meta: str) -> None:
    article = read_article(page(head=meta, date_line=""), URL)
    assert (article.published_at, article.modified_at) == (None, "2024-03-14T10:00:00+07:00")


def test_the_trails_last_level_named_without_a_link_is_read() -> None:
    trail = (
        "<nav aria-label='breadcrumb'><ol class='breadcrumb'><li class='breadcrumb-item'><a href='/'>Trang chủ"
        "</a></li><li class='breadcrumb-item'><a href='/huu-nghi'>Hữu nghị</a></li>"
        "<li class='breadcrumb-item active' aria-current='page'>Đối ngoại nhân dân</li></ol></nav>"
    )
    assert read_article(page(trail=trail), URL).section == ["Hữu nghị", "Đối ngoại nhân dân"]


def test_a_trail_that_ends_with_the_headline_cut_short_gives_no_level_of_it() -> None:
    trail = (
        "<ol class='breadcrumb'><li><a href='/'>Trang chủ</a></li><li><a href='/huu-nghi'>Hữu nghị</a></li>"
        "<li>Hội hữu nghị Việt Nam - Lào...</li></ol>"
    )
    assert read_article(page(trail=trail), URL).section == ["Hữu nghị"]


@pytest.mark.parametrize(
    "label", ["<p><strong>Đọc thêm:</strong></p>", "<h3>Tin liên quan</h3>", "<p>Xem thêm</p>"]
)
@pytest.mark.parametrize("container", ["article-detail-content __MASTERCMS_CONTENT", "detail-content"])
def test_a_box_of_links_labelled_on_the_line_before_it_leaves_the_text_after_it(
    label: str, container: str
) -> None:
    """In a known container and in one only the generic layer reads (the section's other articles after
    it): the label goes with its links, and the paragraphs and the byline after them stay."""
    article = read_article(page(container=container, between=label + RELATED, after=OTHER_NEWS), URL)
    assert article.text.split("\n") == [TITLE, *PARAGRAPHS]
    assert article.author == "Minh Châu"


@pytest.mark.parametrize("title", ["Tin tức liên quan", "Các bài viết liên quan", "Tin liên quan khác"])
def test_a_related_box_titled_in_words_of_its_own_is_no_text(title: str) -> None:
    after = (
        f"<div class='box-more'><h3>{title}</h3><p>Nghệ An và Lào ký kết thỏa thuận hợp tác giáo dục</p>"
        "<p>Lưu học sinh Lào vui Tết Bunpimay cùng bạn bè Việt Nam</p></div>"
    )
    article = read_article(page(container="detail-content", after=after), URL)
    assert article.text.split("\n") == [TITLE, *PARAGRAPHS]
    assert article.author == "Minh Châu"


@pytest.mark.parametrize(
    "box",
    [
        "<div class='article-detail-author'><b>Minh Châu</b><span class='role'>Phóng viên thường trú tại Lào</span></div>",
        "<div class='article-detail-author'><b>Minh Châu</b> <span>Phóng viên thường trú tại Lào</span></div>",
    ],
    ids=["glued", "spaced"],
)
def test_the_writers_job_beside_the_name_in_bold_is_no_part_of_the_author(box: str) -> None:
    assert read_article(page(byline="", after=box), URL).author == "Minh Châu"


@pytest.mark.parametrize("label", ["Bài", "Nội dung"])
def test_a_labelled_byline_at_the_top_with_the_photographer_credited_after_it(label: str) -> None:
    opening = f"<p><strong>{label}: Minh Châu - Ảnh: Thu Hà</strong></p>"
    article = read_article(page(opening=opening, byline=""), URL)
    assert (article.author, article.text.split("\n")) == ("Minh Châu", [TITLE, *PARAGRAPHS])


@pytest.mark.parametrize(
    "named", ["Tổng hợp", "admin", "bientap@baoquocte.vn", "Minh Châu (minhchau@baoquocte.vn)"]
)
def test_an_author_box_that_names_no_one_gives_no_author(named: str) -> None:
    author = read_article(
        page(byline="", after=f"<div class='article-detail-author'>{named}</div>"), URL
    ).author
    assert author == ("Minh Châu" if "(" in named else None)


@pytest.mark.parametrize("motto", ["Việt Nam - Lào mãi mãi anh em", "Thủ đô Viêng Chăn", "Cảm ơn Lào"])
def test_a_motto_signed_where_a_byline_stands_is_text_and_no_author(motto: str) -> None:
    article = read_article(page(byline=f"<p style='text-align:right'><strong>{motto}</strong></p>"), URL)
    assert (article.author, article.text.split("\n")) == (None, [TITLE, *PARAGRAPHS, motto])


@pytest.mark.parametrize(
    ("heading", "line"),
    [("<h3>Bình luận</h3>", "Bình luận"), ("<p><strong>Đừng bỏ lỡ</strong></p>", "Đừng bỏ lỡ")],
)
def test_a_subheading_that_reads_as_a_box_title_heads_the_text_after_it(heading: str, line: str) -> None:
    article = read_article(page(between=heading), URL)
    assert article.text.split("\n") == [TITLE, *PARAGRAPHS[:2], line, *PARAGRAPHS[2:]]


def test_the_same_title_over_no_paragraph_still_ends_the_text() -> None:
    """A comment form set in the body's container after the byline: its title ends the text."""
    form = "<h3>Bình luận</h3><p>Họ và tên</p><p>Gửi bình luận</p>"
    article = read_article(page(byline=f"{BYLINE}{form}"), URL)
    assert (article.text.split("\n"), article.author) == ([TITLE, *PARAGRAPHS], "Minh Châu")


def photo(caption: str, number: int = 1) -> str:
    return (
        f"<table class='MASTERCMS_TPL_TABLE'><tr><td><img class='__img_mastercms' src='/2024/03/12/anh-{number}.jpg'"
        f" width='800'></td></tr><tr><td>{caption}</td></tr></table>"
    )


SAPO = (
    "Chiều 12/3, Hội hữu nghị Việt Nam - Lào tỉnh Nghệ An tổ chức chương trình giao lưu với lưu học sinh Lào."
)


@pytest.mark.parametrize(
    "captions",
    [
        ["Toàn cảnh Hội nghị."],
        ["Toàn cảnh Hội nghị.", "Các đại biểu chụp ảnh lưu niệm.", "Quang cảnh Đại hội"],
    ],
    ids=["photo-news", "photo-story"],
)
def test_a_body_of_photos_and_captions_is_the_article_not_a_media_page(captions: list[str]) -> None:
    """Photo news: the known container holds photos and captions only; its captions are the text, not the
    rails around it (the generic layer's reading), and the page is no infographic."""
    rail = "".join(
        f"<div class='story'><h3><a href='/tin-khac-{n}-25430{n}.html'>Tin khác số {n} của chuyên mục Hữu nghị</a></h3>"
        f"<p>Mô tả của tin khác số {n}, một câu dài đủ để đọc như một đoạn văn của bài báo.</p></div>"
        for n in range(5)
    )
    html = (
        f"<html><head><title>{TITLE}</title></head><body><main><div class='col-main'>{TRAIL}"
        f"<h1 class='article-detail-title'>{TITLE}</h1>{DATE_LINE}<div class='article-detail-desc'>{SAPO}</div>"
        f"<div class='article-detail-content __MASTERCMS_CONTENT'>{''.join(photo(caption, number) for number, caption in enumerate(captions))}</div></div>"
        f"<aside class='col-right'>{rail}</aside></main></body></html>"
    )
    article = read_article(html, URL)
    assert article.text.split("\n") == [TITLE, SAPO, *captions]
    assert len(article.images) == len(captions)


def test_a_body_of_one_image_named_as_a_graphic_is_an_infographic_page() -> None:
    html = (
        f"<html><head><title>{TITLE}</title></head><body><h1 class='article-detail-title'>{TITLE}</h1>"
        f"<div class='article-detail-content __MASTERCMS_CONTENT'>{photo('Đồ họa: Minh Châu')}</div></body></html>"
    )
    with pytest.raises(NotAnArticle) as refused:
        read_article(html, URL)
    assert refused.value.reason == "infographic"


@pytest.mark.parametrize(
    "credit", ["( Translated by Phi Yen )", "(Translated by Phi Yen)", "Translated by Phi Yen"]
)
def test_an_english_editions_translator_credit_is_the_byline(credit: str) -> None:
    article = read_article(page(byline=f"<p style='text-align: right;'><strong>{credit}</strong></p>"), URL)
    assert (article.author, article.text.split("\n")) == ("Phi Yen", [TITLE, *PARAGRAPHS])


@pytest.mark.parametrize("byline", ["PV Thời Đại", "PV Báo Thời Đại", "CTV Báo Quốc tế"])
def test_a_short_role_before_an_outlet_is_the_author_not_the_outlet(byline: str) -> None:
    """ "PV Thời Đại" is the magazine's reporter, as "PV" alone is; before a name the role goes ("PV Minh Anh")."""
    article = read_article(page(byline=f"<p style='text-align:right'><strong>{byline}</strong></p>"), URL)
    assert (article.author, article.text.split("\n")) == (byline.split()[0], [TITLE, *PARAGRAPHS])
    named = read_article(page(byline="<p style='text-align:right'><strong>PV Minh Anh</strong></p>"), URL)
    assert named.author == "Minh Anh"


def test_the_update_line_shown_beside_the_date_line_is_read_when_the_head_dates_the_article() -> None:
    head = "<meta property='article:published_time' content='2024-03-12T19:45:00+07:00'>"
    date_line = (
        "<span class='article-detail-date'>19:45 | 12/03/2024 GMT+7</span>"
        " <span class='article-detail-date'>Cập nhật: 08:00 | 15/03/2024</span>"
    )
    headline = f"{date_line}<h1 class='article-detail-title'>{TITLE}</h1>"  # the dates above it, as thoidai sets them
    article = read_article(page(head=head, headline=headline, date_line=""), URL)
    assert (article.published_at, article.modified_at) == (
        "2024-03-12T19:45:00+07:00",
        "2024-03-15T08:00:00+07:00",
    )


def test_an_update_time_before_the_publication_is_no_update() -> None:
    """A scheduled article's head keeps the time its draft was saved."""
    head = (
        "<meta property='article:published_time' content='2024-03-12T19:45:00+07:00'>"
        "<meta property='article:modified_time' content='2024-03-11T09:00:00+07:00'>"
    )
    article = read_article(page(head=head), URL)
    assert (article.published_at, article.modified_at) == ("2024-03-12T19:45:00+07:00", None)


@pytest.mark.parametrize(
    ("srcset", "address"),
    [
        (
            "https://res.cloudinary.com/tdo/image/upload/w_400,c_fill/anh-1.jpg 400w,"
            " https://res.cloudinary.com/tdo/image/upload/w_1200,c_fill/anh-1.jpg 1200w",
            "https://res.cloudinary.com/tdo/image/upload/w_1200,c_fill/anh-1.jpg",
        ),
        (
            "/anh-1.jpg?crop=16:9,smart&width=400 400w, /anh-1.jpg?crop=16:9,smart&width=1200 1200w",
            "https://baoquocte.vn/anh-1.jpg?crop=16:9,smart&width=1200",
        ),
        ("/anh-1.jpg 1x,/anh-1@2x.jpg 2x", "https://baoquocte.vn/anh-1@2x.jpg"),
    ],
    ids=["commas-in-the-path", "commas-in-the-query", "no-space-after-the-comma"],
)
def test_an_images_sizes_are_split_as_the_html_standard_splits_them(srcset: str, address: str) -> None:
    image = f"<figure><img data-srcset='{srcset}' width='800'><figcaption>Toàn cảnh buổi lễ.</figcaption></figure>"
    assert [image.url for image in read_article(page(between=image), URL).images] == [address]


@pytest.mark.parametrize(
    "image",
    [
        "<img src='/2024/03/ra-mat-logo-nam-huu-nghi-viet-nam-lao.jpg' width='800'>",
        "<img src='/images/logo-lazy.png' data-src='/2024/03/ra-mat-logo-nam-huu-nghi-viet-nam-lao.jpg'>",
    ],
    ids=["named-for-what-it-shows", "lazy-placeholder"],
)
def test_a_photo_whose_name_says_logo_between_its_words_is_a_photo(image: str) -> None:
    box = f"<figure>{image}<figcaption>Nghi thức ra mắt logo.</figcaption></figure>"
    urls = [image.url for image in read_article(page(between=box), URL).images]
    assert urls == ["https://baoquocte.vn/2024/03/ra-mat-logo-nam-huu-nghi-viet-nam-lao.jpg"]


@pytest.mark.parametrize("image", ["<img src='/images/icons/zalo.png'>", "<img src='/images/zalo-icon.png'>"])
def test_an_icon_is_no_photo(image: str) -> None:
    assert read_article(page(between=f"<p>{image}</p>"), URL).images == []


def test_a_cover_photo_the_body_sets_again_is_one_image() -> None:
    cover = photo("Toàn cảnh Hội nghị.")
    lead = f"{DATE_LINE}<div class='article-detail-desc'>{cover}<p>{SAPO}</p></div>"
    article = read_article(page(date_line=lead, opening=cover), URL)
    assert [(image.url, image.caption) for image in article.images] == [
        ("https://baoquocte.vn/2024/03/12/anh-1.jpg", "Toàn cảnh Hội nghị.")
    ]


TAGS = (
    "<div class='tags'><span>Tags:</span> <a href='/tags/nghe-an.tag'>Nghệ An</a>"
    " <a href='/tags/luu-hoc-sinh-lao.tag'>lưu học sinh Lào</a></div>"
)


@pytest.mark.parametrize(
    "title",
    [
        "<div class='box-title'>Từ khóa nổi bật</div>",
        "<span class='title'>Chủ đề nóng</span>",
        "<h3>Tiêu điểm</h3>",
    ],
)
def test_the_sites_box_of_trending_keywords_gives_no_tags(title: str) -> None:
    trending = (
        f"<div class='box-hot'>{title}<div class='tags'><a href='/tags/bau-cu-my.tag'>Bầu cử Mỹ</a>"
        " <a href='/tags/gia-vang.tag'>Giá vàng</a></div></div>"
    )
    assert read_article(page(after=TAGS + trending), URL).tags == ["Nghệ An", "lưu học sinh Lào"]


def test_the_tags_in_an_articles_own_footer_are_its_tags() -> None:
    """A WordPress article's `footer.entry-footer`, read by the generic layer: no page chrome."""
    html = (
        f"<html><head><title>{TITLE}</title></head><body><header><nav><ul><li><a href='/'>Trang chủ</a></li>"
        f"</ul></nav></header><main><article><h1>{TITLE}</h1><div class='entry-content'>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
        + "</div><footer class='entry-footer'><span class='tags-links'><a href='/tag/nghe-an/' rel='tag'>Nghệ An"
        "</a>, <a href='/tag/lao/' rel='tag'>Lào</a></span></footer></article></main>"
        "<footer><p>© 2024 Báo Quốc tế.</p></footer></body></html>"
    )
    assert read_article(html, URL).tags == ["Nghệ An", "Lào"]


@pytest.mark.parametrize("edition", ["m.", "www.", "amp."])
def test_a_page_read_at_another_edition_of_the_site_is_at_its_canonical_address(edition: str) -> None:
    head = f"<link rel='canonical' href='{URL}'>"
    related = "<p>Xem thêm: <a href='https://baoquocte.vn/giao-luu-van-hoa-viet-lao-260002.html'>Giao lưu văn hóa</a></p>"
    article = read_article(page(head=head, between=related), URL.replace("https://", f"https://{edition}"))
    assert (article.url, article.related_urls) == (
        URL,
        ["https://baoquocte.vn/giao-luu-van-hoa-viet-lao-260002.html"],
    )
