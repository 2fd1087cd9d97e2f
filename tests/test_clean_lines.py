"""One test per cleaning rule: input lines -> kept lines, and what the rule must leave alone."""

from __future__ import annotations

import pytest

from friendship_crawler.clean.lines import (
    Removal,
    author_name,
    clean_markdown,
    cut_trailer,
    drop_box_blocks,
    drop_cell_box,
    drop_header_lines,
    drop_image_alts,
    drop_lead_box,
    drop_related_lines,
    drop_widget_lines,
    ends_in_cut_credit,
    is_byline,
    is_own_address,
    is_related_line,
    own_hosts,
    read_dated_byline,
    split_byline,
    trailer_start,
)
from friendship_crawler.site_rules import date_iso

TITLE = "Liên hiệp Hữu nghị tỉnh Bắc Giang: “Chủ động, linh hoạt, sáng tạo, hiệu quả”"
PARAGRAPH = "Nhiệm kỳ qua, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang đã triển khai hiệu quả công tác đối ngoại nhân dân."
CAPTION = "Ông Trần Công Thắng tiếp tục được bầu làm Chủ tịch Liên hiệp Các tổ chức hữu nghị tỉnh Bắc Giang"
CREDIT = "(Ảnh: Báo Bắc Giang)."


# --- header ------------------------------------------------------------------------------------------
def test_header_lines_are_dropped() -> None:
    lines = [
        "Trang chủ Hữu nghị Bốn phương kết bạn",
        "07:12 | 23/01/2023 GMT+7",
        "Theo dõi thoidai.com.vn trên",
        "aa",
        PARAGRAPH,
    ]
    kept, removed = drop_header_lines(lines)
    assert kept == [PARAGRAPH]
    assert [r.rule for r in removed] == ["header"] * 4


@pytest.mark.parametrize(
    "widget",
    [
        "Chia sẻ | Facebook | Zalo",
        "A- A A+",
        "Quảng cáo",
        "ADVERTISEMENT",
        "In bài viết Gửi email",
        "Video:",
        "Nghe bài viết",
        "Bình chọn",
        "#hữu nghị #giao lưu",
        "#HuuNghi",
        "Ảnh: 1/5",
        "Mời quý độc giả theo dõi các video, phóng sự mới nhất của Báo Công Thương tại kênh Youtube.",
        "Bạn đang đọc bài viết “Tin chính” tại chuyên mục Thị trường.",
        "Đăng ký nhận bản tin",
        "Đường dây nóng tiếp nhận phản ánh của bạn đọc: 0983.123.456",
        "↑ Về đầu trang",
        "Trở lại đầu trang",
        "1/4",
        "‹ ›",
        "“",
        "* * *",
        "Quý độc giả muốn đọc chi tiết xin vui lòng bấm vào đây",
    ],
)
def test_a_line_of_widget_words_goes_wherever_it_stands(widget: str) -> None:
    kept, removed = drop_widget_lines([PARAGRAPH, widget, CAPTION])
    assert kept == [PARAGRAPH, CAPTION] and removed == [Removal("widget", widget)]


@pytest.mark.parametrize(
    "line",
    [
        "In",
        "A",
        "Chia sẻ kinh nghiệm với bạn bè quốc tế",
        "Email: hoihuunghi@gmail.com",
        "Facebook và Zalo",
        "Nghe nói ông đã đến Hà Nội",
        "#1 Việt Nam là điểm đến",
        "Ảnh: Minh Anh",
        "Đường dây nóng 111 bảo vệ trẻ em đã tiếp nhận hơn 500 cuộc gọi của người dân trong tháng.",
        "Mời quý vị đại biểu về dự lễ kỷ niệm.",
        "12/5",
        "Về đầu trang của tờ báo là dòng tít lớn.",
        "| |",
    ],
)
def test_a_line_with_words_of_its_own_is_no_widget(line: str) -> None:
    assert drop_widget_lines([PARAGRAPH, line])[0] == [PARAGRAPH, line]


@pytest.mark.parametrize(
    "notice", ["© Bản quyền thuộc về Báo ABC.", "(c) 2024 Báo ABC", "Copyright © 2024 ABC"]
)
def test_the_sites_copyright_notice_ends_the_article(notice: str) -> None:
    assert trailer_start([PARAGRAPH, notice, CAPTION]) == 1
    assert trailer_start([PARAGRAPH, "Bản quyền tác giả được bảo hộ theo luật.", CAPTION]) is None


@pytest.mark.parametrize(
    "line",
    [
        "Theo dõi thoidai.com.vn trên",
        "Theo dõi Tạp chí Thời Đại trên Google News",
        "THEO DÕI THỜI ĐẠI TRÊN",
        "Theo dõi TGVN trên",
        "Theo dõi Baoquocte.vn trên",
        "Theo dõi Báo Hải quan trên Google News",
        "Theo dõi Báo Ấp Bắc trên Google News",
        "Theo dõi Ánh Dương trên Zalo",
        "Theo dõi Sức khỏe Việt trên Zalo để cập nhật tin tức nhanh nhất",
        "Theo dõi tạp chí trên Google News",
    ],
)
def test_the_follow_line_of_the_site_and_its_sisters_is_a_header_line(line: str) -> None:
    assert drop_header_lines([line, PARAGRAPH]) == ([PARAGRAPH], [Removal("header", line)])


def test_header_rule_keeps_sentences_that_start_like_header_lines() -> None:
    lines = [
        "Trang chủ của Liên hiệp đã đăng tải toàn văn báo cáo tổng kết năm 2023.",
        "Theo dõi Thời Đại, bạn đọc biết thêm nhiều hoạt động hữu nghị của các tỉnh.",
        "Theo dõi tình hình trên biển",
        "Theo dõi diễn biến dịch bệnh trên địa bàn tỉnh, Hội đã kịp thời hỗ trợ bạn bè.",
        "THEO DÕI TÌNH HÌNH TRÊN BIỂN",
        "Theo dõi Trung Quốc trên Biển Đông",
        "Theo dõi Mỹ trên biển.",
        "Theo dõi Báo Nhân Dân đưa tin trên trang nhất.",
        "Theo dõi 1.500 trên tổng số 2.000 ca.",
        "Theo dõi Hà Nội trên bản đồ số",
        "Theo dõi Ấp Bắc trên bản đồ số",
        "Theo dõi các trận đấu trên YouTube.",
    ]
    assert drop_header_lines(lines) == (lines, [])


# --- trailer -----------------------------------------------------------------------------------------
def test_everything_from_the_first_trailer_box_goes() -> None:
    lines = [PARAGRAPH, "Tin bài liên quan", "Các tin bài khác", "Một bài khác", "Đọc nhiều", "Bài đọc nhiều"]
    kept, removed = cut_trailer(lines)
    assert kept == [PARAGRAPH]
    assert [r.text for r in removed] == lines[1:] and {r.rule for r in removed} == {"trailer"}


@pytest.mark.parametrize(
    "marker",
    ["Tin liên quan", "TIN LIÊN QUAN:", "Tin khác", "Xem thêm", "Tin mới", "Đọc nhiều", "Bờ cõi biển đảo",
     "Xin chờ trong giây lát...", "Phiên bản di động", "In bài viết", "| Tin bài liên quan |"],
)  # fmt: skip
def test_box_titles_end_the_article_wherever_they_stand_alone(marker: str) -> None:
    assert trailer_start([PARAGRAPH, marker, PARAGRAPH]) == 1


@pytest.mark.parametrize(
    "rail", ["Multimedia", "Video", "Infographic", "Podcast", "Emagazine", "Thời tiết", "Truyền hình"]
)
def test_rail_titles_end_the_article_when_no_paragraph_follows(rail: str) -> None:
    assert (
        trailer_start([PARAGRAPH, rail, "[Infographic] Quan hệ Đối tác toàn diện giữa Việt Nam và Hungary"])
        == 1
    )
    assert trailer_start([PARAGRAPH, rail]) == 1


def test_a_rail_word_used_as_a_subheading_stays() -> None:
    lines = [
        PARAGRAPH,
        "Video",
        "Đoạn video ghi lại buổi giao lưu hữu nghị giữa thanh niên hai nước tại Bắc Giang.",
    ]
    assert trailer_start(lines) is None


def test_markers_mid_sentence_are_not_markers() -> None:
    lines = [
        "Chương trình Multimedia của Liên hiệp giới thiệu các Video và Tin bài liên quan đến đối ngoại nhân dân.",
        "Đọc nhiều sách về lịch sử giúp thanh niên hiểu thêm về tình hữu nghị.",
    ]
    assert cut_trailer(lines) == (lines, [])


def test_a_run_of_media_items_or_slug_lines_is_a_rail() -> None:
    media = [
        "[Video] Người truyền cảm hứng về tình yêu nước",
        "[Infographic] Quan hệ Đối tác chiến lược toàn diện Việt Nam - Pháp",
    ]
    slugs = [
        "infographic 6 danh hieu cua viet nam duoc unesco ghi danh nam 2025",
        "viet nam khang dinh vi the va dau an noi bat tai unesco",
    ]
    assert trailer_start([PARAGRAPH, *media]) == 1
    assert trailer_start([PARAGRAPH, *slugs]) == 1


@pytest.mark.parametrize(
    "marker",
    ["Có liên quan", "Bài trước đó", "Bài sau đó", "Tin mới nhất", "Ý kiến bạn đọc", "Gửi bình luận",
     "Tags: hòa bình, hữu nghị", "Từ khóa: Việt Nam - Lào", "Most read", "Latest news", "Other news",
     "You may also like", "Next article", "Leave a comment"],
)  # fmt: skip
def test_the_cms_familys_trailer_and_widget_boxes_end_the_article(marker: str) -> None:
    assert trailer_start([PARAGRAPH, marker, PARAGRAPH]) == 1


@pytest.mark.parametrize("marker", ["Từ khóa: lãi suất", "Giá vàng", "Chủ đề: Hữu nghị"])
def test_in_a_body_a_label_over_a_box_of_teasers_ends_the_article(marker: str) -> None:
    """From markup, a labelled line or a rail title ends the article when no paragraph of its own follows
    before the next box title: the descriptions of the teasers that box lists are not the article's."""
    teasers = ["Tin cùng chuyên mục", "Hà Nội công bố 12 tuyến phố đi bộ mới", PARAGRAPH]
    assert trailer_start([PARAGRAPH, "Minh Anh", marker, *teasers], from_markup=True) == 2
    assert trailer_start([PARAGRAPH, marker, PARAGRAPH, *teasers], from_markup=True) == 3


def test_a_market_ticker_is_a_rail_and_a_market_subheading_stays() -> None:
    ticker = ["Giá vàng", "SJC 79.000 81.000", "PNJ 78.500 80.200"]
    assert trailer_start([PARAGRAPH, *ticker]) == 1
    assert trailer_start([PARAGRAPH, "USD 25.450 25.820", "EUR 27.100 28.300"]) == 1
    market = [
        "Thị trường",
        "Hàng Việt Nam được người tiêu dùng Lào tin dùng nhờ chất lượng và giá cả hợp lý.",
    ]
    assert trailer_start([PARAGRAPH, *market]) is None


# --- markdown ----------------------------------------------------------------------------------------
def test_a_line_that_is_only_the_sites_own_address_is_removed() -> None:
    lines = [
        PARAGRAPH,
        "https://thoidai.com.vn/",
        "| www.thoidai.com.vn |",
        "https://forms.gle/AbC",
        "Xem tại https://thoidai.com.vn",
    ]
    kept, removed = clean_markdown(lines)
    assert kept == [PARAGRAPH, lines[3], lines[4]]  # another site's address is a link the article gives
    assert removed == [Removal("markdown", lines[1]), Removal("markdown", lines[2])]


@pytest.mark.parametrize(
    ("line", "own"),
    [
        ("https://suckhoeviet.org.vn/", True),
        ("suckhoeviet.org.vn", True),
        ("//www.suckhoeviet.org.vn/tags/suc-khoe-73.tag", True),
        ("https://dulich.petrotimes.vn/", False),
        ("TP.HCM", False),
        ("suckhoeviet.org.vn là trang của Hội", False),
    ],
)
def test_own_address_is_the_pages_host_or_the_sites(line: str, own: bool) -> None:
    hosts = own_hosts("https://www.suckhoeviet.org.vn/mach-ban-6316.html")
    assert is_own_address(line, hosts) is own
    assert is_own_address("https://tacnghiep.thoidai.com.vn", hosts)


def test_markdown_image_rows_and_bars_are_removed_and_captions_kept() -> None:
    lines = [
        "![]() |",
        "Ông Phan Anh Sơn tặng Cờ lưu niệm cho Liên hiệp. |",
        "| |",
        "| Liên hiệp Bình Dương tặng quà |",
        PARAGRAPH + " |",
    ]
    kept, removed = clean_markdown(lines)
    assert kept == [
        "Ông Phan Anh Sơn tặng Cờ lưu niệm cho Liên hiệp.",
        "Liên hiệp Bình Dương tặng quà",
        PARAGRAPH,
    ]
    assert {r.rule for r in removed} == {"markdown"}
    assert [r.text for r in removed if r.whole_line] == ["![]() |", "| |"]


def test_bar_wrapped_rows_outside_images_are_related_articles() -> None:
    lines = [PARAGRAPH, "| Ấn Độ tìm kiếm cơ hội hợp tác công nghệ số tại Cần Thơ |", PARAGRAPH]
    kept, removed = clean_markdown(lines)
    assert kept == [PARAGRAPH, PARAGRAPH]
    assert removed == [Removal("related", lines[1])]


def test_a_longer_bar_wrapped_row_among_the_paragraphs_is_an_editorial_box() -> None:
    box = f"| {PARAGRAPH} Từ đó đến nay, nơi đây đã trở thành một biểu tượng của tình hữu nghị hai nước. |"
    assert clean_markdown([PARAGRAPH, box, PARAGRAPH])[0] == [PARAGRAPH, box.strip("| "), PARAGRAPH]
    assert clean_markdown([box, PARAGRAPH])[0] == [PARAGRAPH]  # before any text: a teaser row


def test_a_last_word_or_two_under_a_teaser_row_is_the_next_teaser_cut_where_the_copy_ends() -> None:
    row = "Sau khi kết thúc thời gian cách ly, các du khách người Ba Lan tại Hội An đã ... |"
    kept, removed = clean_markdown([PARAGRAPH, row, "Trước"])
    assert kept == [PARAGRAPH] and [r.rule for r in removed] == ["related", "related"]
    assert clean_markdown([PARAGRAPH, "Trước"])[0] == [PARAGRAPH, "Trước"]
    assert clean_markdown([PARAGRAPH, row, "Trước diễn biến phức tạp"])[0] == [
        PARAGRAPH,
        "Trước diễn biến phức tạp",
    ], "three words may open the body again"


def test_a_slug_line_with_a_photo_file_number_is_the_photos_alt() -> None:
    file_name = "0031 117444785 230267651741922 3909466882018620653 o"
    caption = "Gần 20 tổ chức người Việt trên khắp nước Mỹ đã phát động chiến dịch gây quỹ."
    kept, _ = drop_image_alts([PARAGRAPH, file_name, caption, PARAGRAPH], TITLE, shows_alt_text=True)
    assert kept == [PARAGRAPH, caption, PARAGRAPH]
    years = "2019 2020 2021"
    assert drop_image_alts([PARAGRAPH, years, PARAGRAPH], TITLE, shows_alt_text=True)[0] == [
        PARAGRAPH,
        years,
        PARAGRAPH,
    ]


def test_a_thumbnail_with_its_teaser_or_a_cell_cut_with_an_ellipsis_is_another_article() -> None:
    thumbnail = (
        "![]() Lãnh đạo Đảng, Chính phủ, Quốc hội Việt Nam đã gửi điện mừng tới những người đồng cấp. |"
    )
    cut = (
        "Cảnh sát ở thủ đô Ulaanbaatar (Mông Cổ) vừa tiến hành chiến dịch đột kích đã bắt giữ 800 người ... |"
    )
    caption = "| Biểu diễn đàn Morin Khuur – một loại đàn truyền thống độc đáo của Mông Cổ. |"
    kept, removed = clean_markdown([thumbnail, cut, "![]() |", caption, PARAGRAPH + " |"])
    assert kept == [caption.strip("| "), PARAGRAPH]
    assert [r.text for r in removed if r.rule == "related"] == [thumbnail, cut]


def test_a_thumbnail_with_its_teaser_whose_cell_closes_on_the_next_line_is_another_article() -> None:
    thumbnail = "![]() Lãnh đạo Đảng, Chính phủ, Quốc hội Việt Nam đã gửi điện mừng tới những người đồng cấp."
    kept, removed = clean_markdown([thumbnail, "|", PARAGRAPH])
    assert kept == [PARAGRAPH]
    assert removed == [Removal("related", thumbnail), Removal("related", "|")]
    kept, removed = clean_markdown([PARAGRAPH, thumbnail])  # the stored copy ends inside the cell
    assert kept == [PARAGRAPH]
    assert removed == [Removal("related", thumbnail)]


def test_inline_markdown_images_go_and_links_keep_their_text() -> None:
    line = "Xem ![[Video] Người truyền cảm hứng](https://www.thoidai.com.vn/a.jpg?rt=1) bài [Giao lưu hữu nghị](https://thoidai.com.vn/a-1.html) hôm nay."
    kept, _ = clean_markdown([line])
    assert kept == ["Xem bài Giao lưu hữu nghị hôm nay."]


def test_an_image_only_line_is_dropped() -> None:
    line = "![[Video] 60 phút - Hành trình thay đổi cuộc đời](https://www.thoidai.com.vn/stores/x.png?250325023758)"
    assert clean_markdown([line, PARAGRAPH])[0] == [PARAGRAPH]


# --- related -----------------------------------------------------------------------------------------
def test_title_twice_and_ascii_alt_plus_title_are_related_lines() -> None:
    twice = "Nâng cao chất lượng mọi mặt công tác Nâng cao chất lượng mọi mặt công tác"
    folded = "Hoi huu nghi Viet Nam - Lien bang Duc tinh Bac Giang ky niem 25 nam Hội hữu nghị Việt Nam - Liên bang Đức tỉnh Bắc Giang kỷ niệm 25 năm"
    apostrophe = "Samaritans Purse va Plan International Viet Nam ho tro Samaritan’s Purse và Plan International Việt Nam hỗ trợ"
    kept, removed = drop_related_lines(
        [twice, PARAGRAPH, folded, apostrophe, "[Video] Người truyền cảm hứng về tình yêu nước"]
    )
    assert kept == [PARAGRAPH]
    assert len(removed) == 4 and {r.rule for r in removed} == {"related"}


def test_a_related_title_after_its_opening_or_a_shortened_ascii_alt_is_a_related_line() -> None:
    opening = 'Ca khúc Ca khúc "Ngày Tết quê em" thu hút đặc biệt qua giọng hát của Đại sứ Israel'
    shortened = (
        "Ong Nguyen Van A 14 cong hien cho tinh huu nghi Ông Nguyễn Văn A: 14 năm cống hiến cho tình hữu nghị"
    )
    renamed = (
        "nghe si jimmii nguyen tet co truyen o my cong dong nguoi viet duy tri kha tot"
        " Bác sĩ gốc Việt làm Giám đốc Trung tâm Y tế của Đại học Harvard"
    )
    assert is_related_line(opening)
    assert is_related_line(shortened)
    assert is_related_line(renamed), "a slug alt of any title before another article's title"
    assert not is_related_line(
        "nghe si jimmii nguyen tet co truyen o my cong dong Bác sĩ nói rằng anh đã về."
    )
    assert not is_related_line(
        "nghe si jimmii nguyen tet co truyen o my cong dong Nghệ sĩ biểu diễn (Ảnh: NVCC)"
    ), "a credit after the slug marks the image's own caption"
    assert not is_related_line("Hà Nội Hà Nội mùa thu, cây cơm nguội vàng, cây bàng lá đỏ.")
    assert not is_related_line("Ong Nguyen Van A noi Việt Nam là quê hương thứ hai của ông")


def test_labelled_related_links_go() -> None:
    link = "Xem thêm: Giao lưu hữu nghị Việt Nam - Nhật Bản tại Cà Mau"
    other = "Tin liên quan >> Hội hữu nghị Việt - Lào kỷ niệm 25 năm thành lập"
    sentence = "Xem thêm: " + PARAGRAPH + " " + PARAGRAPH
    kept, removed = drop_related_lines([link, PARAGRAPH, other, sentence])
    assert kept == [PARAGRAPH, sentence]
    assert [r.text for r in removed] == [link, other]


@pytest.mark.parametrize(
    "label", ["Read more:", "READ MORE:", "See also:", "Also read:", "Read also >>", "See more:"]
)
def test_english_labelled_related_links_go(label: str) -> None:
    """An English page labels its related links in the body as a Vietnamese page says "Xem thêm:"; a
    paragraph that merely opens with the words stays."""
    link = f"{label} Ho Chi Minh City metro line 1 carries 100,000 passengers"
    paragraph = (
        "Read more about the plan on the city's portal, where the full resolution was published today."
    )
    assert drop_related_lines([PARAGRAPH, link, paragraph]) == (
        [PARAGRAPH, paragraph],
        [Removal("related", link)],
    )


def test_ordinary_lines_are_not_related_lines() -> None:
    assert not is_related_line(PARAGRAPH)
    assert not is_related_line("Việt Nam - Cuba: Việt Nam")
    assert not is_related_line("Hà Nội Hà Nội")  # two words each side are too few for a box title
    paragraph = "[Video] Đại sứ Lào tại Việt Nam phát biểu. Phối hợp với các ngành, địa phương tổ chức nhiều hoạt động."
    assert drop_related_lines([paragraph]) == ([paragraph], [])


# --- image alt ---------------------------------------------------------------------------------------
def test_alt_equal_to_title_or_its_ascii_folding_goes() -> None:
    folded = "Lien hiep Huu nghi tinh Bac Giang: Chu dong, linh hoat, sang tao, hieu qua"
    numbered = f"{folded} hinh anh 1"
    lines = [
        TITLE,
        CAPTION,
        folded,
        PARAGRAPH,
        folded.lower(),
        numbered,
        f"{TITLE}- Ảnh 1.",
        f"{TITLE} - Hình 12",
        "Chú thích ảnh",
        "Quang cảnh buổi lễ.",
        f"{TITLE} - Ảnh 1 và 2 của đoàn.",
    ]
    kept, removed = drop_image_alts(lines, TITLE)
    assert kept == [CAPTION, PARAGRAPH, "Quang cảnh buổi lễ.", f"{TITLE} - Ảnh 1 và 2 của đoàn."]
    assert {r.rule for r in removed} == {"image_alt"}


def test_a_credited_caption_under_two_photos_stays_twice() -> None:
    caption = "Đại sứ quán Việt Nam tại Mông Cổ dâng hoa kỷ niệm ngày sinh nhật Bác. Nguồn: ĐSQ"
    credited = "Đoàn đại biểu dâng hoa tại tượng đài (Ảnh: TTXVN)"
    lines = [caption, PARAGRAPH, caption, credited, credited, PARAGRAPH, credited]
    kept, removed = drop_image_alts(lines, TITLE)
    assert kept == [caption, PARAGRAPH, caption, credited, PARAGRAPH, credited]
    assert [r.text for r in removed] == [credited]


def test_an_seo_sentence_repeated_before_captions_goes() -> None:
    seo = "Liên hiệp Hữu nghị tỉnh Bắc Giang giữ đúng phương châm của công tác đối ngoại nhân dân"
    kept, removed = drop_image_alts(
        [seo, CAPTION, CREDIT, PARAGRAPH, seo, "Một chú thích khác.", CREDIT], TITLE
    )
    assert kept == [CAPTION, CREDIT, PARAGRAPH, "Một chú thích khác.", CREDIT]
    assert [r.text for r in removed] == [seo, seo]


def test_repeated_sentences_and_credits_stay() -> None:
    lines = [PARAGRAPH, CREDIT, PARAGRAPH, CREDIT]
    assert drop_image_alts(lines, TITLE) == (lines, [])


def test_a_headline_right_before_a_credited_caption_is_an_alt_in_page_text() -> None:
    seo, other = "Vui Xuân mới trên đảo Trường Sa", "Thiêng liêng Lễ chào cờ đầu năm mới"
    one_line = "Các đại biểu chụp ảnh lưu niệm tại gặp mặt hữu nghị (Ảnh: LHHN tỉnh)."
    lines = [PARAGRAPH, seo, CAPTION, CREDIT, PARAGRAPH, other, one_line]
    kept, removed = drop_image_alts(lines, TITLE, shows_alt_text=True)
    assert kept == [PARAGRAPH, CAPTION, CREDIT, PARAGRAPH, one_line]
    assert [r.text for r in removed] == [seo, other]
    assert drop_image_alts(lines, TITLE) == (lines, []), (
        "extracted text has no alt lines: a subheading may precede a caption"
    )


def test_the_caption_before_its_credit_line_is_never_taken_for_an_alt() -> None:
    lines = [PARAGRAPH, CAPTION, CREDIT, PARAGRAPH]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True) == (lines, [])


SUBHEADING = "Nhiều hoạt động nổi bật trong năm 2022"
FOLDED = "Lien hiep Huu nghi tinh Bac Giang: Chu dong, linh hoat, sang tao, hieu qua"
STRANDED = '"Mắc kẹt" vì đại dịch Covid-19'
STRANDED_SLUG = "cuoc song cua du khach nuoc ngoai khi mac ket tai viet nam vi covid 19"
HEADING = 'Nghệ sĩ Jimmii Nguyễn: "Tết cổ truyền ở Mỹ, cộng đồng người Việt duy trì khá tốt"'
HEADING_SLUG = "nghe si jimmii nguyen tet co truyen o my cong dong nguoi viet duy tri kha tot"


@pytest.mark.parametrize(
    ("line", "alt", "caption"),
    [
        (SUBHEADING, FOLDED, [CAPTION, CREDIT]),  # the image's own ASCII alt, then its caption
        (STRANDED, STRANDED_SLUG, [CREDIT, PARAGRAPH]),  # a credit line alone under the slug
        (HEADING, HEADING_SLUG, [CAPTION, PARAGRAPH]),  # the slug folds this very line: no caption of it
    ],
    ids=["before-a-caption", "before-a-credit-line", "folded-by-the-slug"],
)
def test_a_line_before_an_images_ascii_alt_stays(line: str, alt: str, caption: list[str]) -> None:
    kept, removed = drop_image_alts([PARAGRAPH, line, alt, *caption], TITLE, shows_alt_text=True)
    assert kept == [PARAGRAPH, line, *caption]
    assert [r.text for r in removed] == [alt]


def test_a_caption_printed_twice_in_a_row_is_kept_once() -> None:
    caption = (
        "Một tiết mục văn nghệ do các hội viên Hội hữu nghị Việt Nam - Belarus biểu diễn. (Ảnh: Đinh Hòa)"
    )
    for shows_alt_text in (False, True):
        kept, removed = drop_image_alts([PARAGRAPH, caption, caption, PARAGRAPH], TITLE, shows_alt_text)
        assert kept == [PARAGRAPH, caption, PARAGRAPH]
        assert [r.text for r in removed] == [caption]


def test_an_alt_that_tells_the_caption_again_goes_in_page_text() -> None:
    alt = "Hội Hữu nghị Việt Nam - Thái Lan và Hội Hữu nghị Thái Lan - Việt Nam đã tiến hành cuộc làm việc trực tuyến."
    caption = (
        "Cuộc làm việc trực tuyến của Hội Hữu nghị Việt Nam - Thái Lan và Hội Hữu nghị Thái Lan - Việt Nam."
    )
    lines = [PARAGRAPH, alt, caption, PARAGRAPH]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True)[0] == [PARAGRAPH, caption, PARAGRAPH]
    assert drop_image_alts(lines, TITLE)[0] == lines
    long_line = CAPTION + " và phát biểu tại Đại hội về phương hướng hoạt động trong nhiệm kỳ mới."
    assert drop_image_alts([long_line, CAPTION], TITLE, shows_alt_text=True)[0] == [long_line, CAPTION], (
        "an alt never outgrows its caption"
    )


def test_the_folded_title_before_another_title_and_a_cut_title_are_alts() -> None:
    title = "Hơn 1000 đại biểu Nhật Bản dự đêm giao lưu văn hóa Việt - Nhật tại Đà Nẵng"
    folded_then_other = (
        "hon 1000 dai bieu nhat ban du dem giao luu van hoa viet nhat tai da nang "
        "Đoàn đại biểu Nhật Bản quy mô nhất từ trước đến nay thăm Việt Nam"
    )
    cut = "Hơn 1000 đại biểu Nhật Bản dự đê"
    kept, removed = drop_image_alts([PARAGRAPH, folded_then_other, PARAGRAPH, cut], title)
    assert kept == [PARAGRAPH, PARAGRAPH]
    assert {r.rule for r in removed} == {"image_alt"}
    assert drop_image_alts(["Hơn 1000", PARAGRAPH], title)[0] == ["Hơn 1000", PARAGRAPH]


# --- the related box under the sapo ------------------------------------------------------------------
RELATED = "Hội hữu nghị Việt Nam, Thái Lan làm cầu nối thúc đẩy tình hữu nghị, hợp tác nhân dân"
TEASER = (
    "Ngày 19/12, tại Nhà Quốc hội, Phó Chủ tịch Quốc hội tiếp Đoàn Ủy ban Thường trực của Hạ viện Thái Lan."
)


def test_the_lead_box_takes_titles_shown_once_twice_or_run_together_and_their_teasers() -> None:
    twice = "Nâng cao chất lượng mọi mặt công tác Nâng cao chất lượng mọi mặt công tác"
    run = " ".join([RELATED, "Lãnh đạo VUFO, hội Việt Mỹ tiếp Đoàn Trợ lý Nghị sĩ Mỹ", twice])
    block = [RELATED, twice, TEASER, run, "Quan hệ hữu nghị Việt Nam - Thái Lan: Sâu đậm từ quá khứ -"]
    kept, removed = drop_lead_box(block, TITLE)
    assert kept == []
    assert [r.text for r in removed] == block and {r.rule for r in removed} == {"related"}


def test_the_lead_box_ends_at_the_first_image_or_byline() -> None:
    ascii_alt = "lien hiep huu nghi tinh bac giang chu dong linh hoat"
    credited = "Quang cảnh gặp gỡ hữu nghị ngày 16/9. Ảnh: P.Y"
    byline = "Phạm Hoàng Anh - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh."
    seo_alt = "Vui Xuân mới trên đảo Trường Sa"
    sourced = "Con cháu người Việt múa nón tại lễ hội đón Tết. (Nguồn: Hội Ái Hữu Vanuatu)"
    for image in (
        [ascii_alt, credited],
        [TITLE, CAPTION],
        [seo_alt, credited],
        ["(Ảnh: Báo Bắc Giang)."],
        [sourced.replace("(Nguồn", "Nguồn").rstrip(")"), sourced],
    ):
        assert drop_lead_box([RELATED, *image], TITLE)[0] == image
    assert drop_lead_box([RELATED, byline], TITLE)[0] == [byline]


def test_the_lead_box_takes_a_title_that_asks_or_exclaims() -> None:
    block = ["Vì sao đối ngoại nhân dân góp phần giữ vững môi trường hòa bình?", RELATED, "Hữu nghị mãi mãi!"]
    kept, removed = drop_lead_box(block, TITLE)
    assert (kept, [r.text for r in removed]) == ([], block)


def test_the_lead_box_leaves_a_paragraph_no_title_introduces_and_an_alt_printed_again() -> None:
    assert drop_lead_box([PARAGRAPH, RELATED], TITLE)[0] == [PARAGRAPH, RELATED]
    seo = "Liên hiệp Hữu nghị tỉnh Bắc Giang giữ đúng phương châm của công tác đối ngoại nhân dân"
    assert drop_lead_box([RELATED, seo], TITLE, printed_again={seo})[0] == [seo]


CUT_TEASER = "Ngày 30/9, Liên hiệp các Tổ chức hữu nghị TP.HCM phối hợp tổ chức họp mặt kỷ niệm ..."


def test_the_box_goes_on_in_blocks_of_one_line_titles_printed_twice_with_their_teasers() -> None:
    twice = [RELATED, RELATED, "“Chương trình Gặp gỡ hữu nghị và hợp tác nhân dân lần thứ 5 sẽ diễn ra"]
    kept, removed = drop_box_blocks([*twice, *twice, PARAGRAPH], after_box=False)
    assert kept == [PARAGRAPH] and len(removed) == 6 and {r.rule for r in removed} == {"related"}


def test_once_an_item_shows_its_teaser_the_next_title_printed_twice_brings_one_cut_or_not() -> None:
    teaser = "Ngày 5/11, Hội hữu nghị Việt Nam – Liên Bang Nga tỉnh Thái Bình đã tổ chức Đại hội lần thứ II."
    twice_on_one_line = f"{RELATED} {RELATED}"
    lines = [CUT_TEASER, twice_on_one_line, teaser, PARAGRAPH]
    assert drop_box_blocks(lines, after_box=True)[0] == [PARAGRAPH]
    assert drop_box_blocks([twice_on_one_line, teaser, PARAGRAPH], after_box=True)[0] == [teaser, PARAGRAPH]


def test_the_articles_own_title_printed_twice_opens_the_body_not_a_box() -> None:
    lines = [TITLE, TITLE, PARAGRAPH, PARAGRAPH]
    assert drop_box_blocks(lines, after_box=False, title=TITLE) == (lines, [])
    assert drop_box_blocks(lines, after_box=False)[0] == [PARAGRAPH], "another article's title is a box item"


def test_a_cut_teaser_after_the_box_and_a_title_after_its_alt_go_until_the_body() -> None:
    slug = "chi hoi cuu chien binh vi hoa binh tai viet nam tro lai quang tri de hieu va han gan"
    lines = [CUT_TEASER, f"{slug} {RELATED}", CUT_TEASER, slug, CAPTION]
    assert drop_box_blocks(lines, after_box=True)[0] == [slug, CAPTION]
    assert drop_box_blocks(lines, after_box=False)[0] == lines  # no box above: a cut line opens nothing


def test_the_second_print_of_a_title_cut_where_the_stored_copy_ends() -> None:
    assert drop_box_blocks([RELATED, RELATED[:1]], after_box=False, ends_text=True)[0] == []
    assert drop_box_blocks([RELATED, RELATED[:1]], after_box=False)[0] == [RELATED, RELATED[:1]]


def test_the_box_blocks_leave_a_subheading_and_its_paragraph() -> None:
    subheading = "Nhịp cầu hữu nghị hơn 7 thập kỷ"
    assert drop_box_blocks([subheading, PARAGRAPH], after_box=True)[0] == [subheading, PARAGRAPH]


def test_page_text_alts_a_slug_line_and_a_credited_caption_cut_at_the_end() -> None:
    slug = "lien hoan huu nghi nhan dan viet nam an do la hoat dong noi bat"
    lines = [PARAGRAPH, slug, CAPTION, PARAGRAPH]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True)[0] == [PARAGRAPH, CAPTION, PARAGRAPH]
    assert drop_image_alts(lines, TITLE)[0] == lines
    short_slug = "tin quoc te ngay 26"
    assert drop_image_alts([short_slug, PARAGRAPH], TITLE, shows_alt_text=True)[0] == [short_slug, PARAGRAPH]
    credited = f"{CAPTION}. Ảnh: Dương Giang/TTXVN"
    cut = CAPTION[:60]
    assert drop_image_alts([PARAGRAPH, credited, cut], TITLE, shows_alt_text=True)[0] == [PARAGRAPH, cut]


def test_page_text_alts_a_stray_one_word_alt_but_no_word_of_prose() -> None:
    lines = [PARAGRAPH, "avc", PARAGRAPH]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True)[0] == [PARAGRAPH, PARAGRAPH]
    assert drop_image_alts(lines, TITLE)[0] == lines
    for kept in ("Hết", "TTXVN", "avc 2", "a"):
        assert drop_image_alts([PARAGRAPH, kept], TITLE, shows_alt_text=True)[0] == [PARAGRAPH, kept]


def test_page_text_alts_a_file_name_and_a_number_over_a_credited_caption() -> None:
    credited = "Gia đình chị Bun Kiệm đang bày mâm cỗ cúng tết. Ảnh: Thành Tâm"
    for alt in ("2.jpg", "IMG_0412.JPG", "8"):
        lines = [PARAGRAPH, alt, credited, PARAGRAPH]
        assert drop_image_alts(lines, TITLE, shows_alt_text=True)[0] == [PARAGRAPH, credited, PARAGRAPH]
    kept = [PARAGRAPH, "8", PARAGRAPH]  # a number over no caption: a count, a list's item
    assert drop_image_alts(kept, TITLE, shows_alt_text=True)[0] == kept


def test_an_alt_the_caption_repeats_with_its_credit_goes_in_page_text() -> None:
    alt, caption = "Quang cảnh buổi tiếp.", "Quang cảnh buổi tiếp. Ảnh: Minh Thái."
    lines = [PARAGRAPH, alt, caption, PARAGRAPH]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True)[0] == [PARAGRAPH, caption, PARAGRAPH]
    assert drop_image_alts(lines, TITLE)[0] == lines
    longer = "Quang cảnh buổi tiếp đoàn đại biểu tỉnh Bắc Giang. Ảnh: Minh Thái."
    assert drop_image_alts([alt, longer], TITLE, shows_alt_text=True)[0] == [alt, longer]


def test_a_caption_in_two_lines_keeps_its_first_half() -> None:
    first, second = (
        "Lãnh đạo HUFO tặng tranh cho bà Indira Lopez Arguelles,",
        "Tổng lãnh sự Cuba (Ảnh: TTXVN)",
    )
    lines = [PARAGRAPH, first, second, PARAGRAPH]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True)[0] == lines


# --- byline and source -------------------------------------------------------------------------------
def test_byline_before_source_becomes_author_and_empty_source_is_none() -> None:
    byline = "Phạm Hoàng Anh - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Vĩnh Phúc."
    found = split_byline([PARAGRAPH, byline, "Nguồn:"])
    assert found.lines == [PARAGRAPH]
    assert found.author == "Phạm Hoàng Anh" and found.source is None
    assert [r.rule for r in found.removals] == ["source", "byline"]


def test_a_name_with_a_role_before_the_trailer_is_a_byline_without_a_source_line() -> None:
    byline = "Phạm Hoàng Anh - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Vĩnh Phúc."
    found = split_byline([PARAGRAPH, byline], before_trailer=True)
    assert (found.lines, found.author) == ([PARAGRAPH], "Phạm Hoàng Anh")


def test_a_last_paragraph_opening_with_place_names_is_not_a_byline() -> None:
    last = "Việt Nam - Lào, tình hữu nghị đặc biệt mãi mãi xanh tươi, đời đời bền vững."
    found = split_byline([PARAGRAPH, last], before_trailer=True)
    assert found.lines == [PARAGRAPH, last] and found.author is None


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Bài và ảnh: Phương Lê", "Phương Lê"),
        ("Bài: Anh Vũ", "Anh Vũ"),
        ("Thu Hà - Minh Anh", "Thu Hà - Minh Anh"),
        ("Minh Anh, phóng viên", "Minh Anh"),
        ("Bài và ảnh Trọng Tùng", "Trọng Tùng"),
        ("Tin và ảnh: Minh Anh", "Minh Anh"),
        ("Bài/ảnh: Minh Anh", "Minh Anh"),
        ("Bài, ảnh: Minh Anh", "Minh Anh"),
        ("PV Minh Anh - CTV Thu Hà", "Minh Anh - Thu Hà"),
        ("Minh Anh (TTXVN/Vietnam+)", "Minh Anh"),
        ("Hoài Nam thực hiện", "Hoài Nam"),
        ("Minh Anh - minhanh@thoidai.com.vn", "Minh Anh"),
        ("Minh Anh (minhanh@thoidai.com.vn)", "Minh Anh"),
        ("Bài - ảnh: Minh Anh", "Minh Anh"),
        ("Thu Hà/TTXVN", "Thu Hà"),
        ("Minh Anh/Báo Quốc tế", "Minh Anh"),
        ("Vân Anh/dulich.petrotimes.vn (tổng hợp)", "Vân Anh"),
    ],
)
def test_byline_prefixes_and_roles_are_not_part_of_the_author(byline: str, author: str) -> None:
    found = split_byline([PARAGRAPH, byline, "Nguồn:"])
    assert (found.lines, found.author) == ([PARAGRAPH], author)


@pytest.mark.parametrize(
    ("tail", "author"),
    [
        (["(theo TTXVN)", "Nguồn:"], None),
        (["Anh Vũ", "(theo TTXVN)", "Nguồn:"], "Anh Vũ"),
        (["Nguồn: TTXVN", "Nguồn:"], None),
        (["Anh Vũ (tổng hợp)", "(Nguồn: TTXVN)", "Nguồn:"], "Anh Vũ"),
    ],
    ids=["alone", "under-the-byline", "a-source-line", "a-source-line-under-the-byline"],
)
def test_an_attribution_over_an_empty_source_line_names_the_source(
    tail: list[str], author: str | None
) -> None:
    found = split_byline([PARAGRAPH, PARAGRAPH, *tail])
    assert (found.lines, found.author, found.source) == ([PARAGRAPH, PARAGRAPH], author, "TTXVN")


def test_source_value_and_what_follows_it_are_taken() -> None:
    found = split_byline([PARAGRAPH, "Anh Vũ (tổng hợp)", "Nguồn: TTXVN", "đối ngoại nhân dân hữu nghị"])
    assert found.lines == [PARAGRAPH]
    assert (found.author, found.source) == ("Anh Vũ", "TTXVN")
    assert "article_footer" in {r.rule for r in found.removals}


@pytest.mark.parametrize(
    ("tail", "author", "source"),
    [
        (["Phương Lê", "(Nguồn: TTXVN)"], "Phương Lê", "TTXVN"),
        (["(Nguồn: Báo Quốc tế)."], None, "Báo Quốc tế"),
        (["Phương Lê (Nguồn: TTXVN)"], "Phương Lê", "TTXVN"),
        (["Sources: Reuters, AFP"], None, "Reuters, AFP"),
    ],
    ids=["under-the-byline", "alone", "after-the-name", "english-plural"],
)
def test_a_source_line_in_brackets_or_labelled_in_english_names_the_source(
    tail: list[str], author: str | None, source: str
) -> None:
    found = split_byline([PARAGRAPH, PARAGRAPH, *tail], before_trailer=True)
    assert (found.lines, found.author, found.source) == ([PARAGRAPH, PARAGRAPH], author, source)


def test_a_bracket_that_opens_with_the_source_label_and_goes_on_is_text() -> None:
    last = "(Nguồn: TTXVN) và các hãng tin nước ngoài đưa tin"
    found = split_byline([PARAGRAPH, PARAGRAPH, last], before_trailer=True)
    assert (found.lines, found.source) == ([PARAGRAPH, PARAGRAPH, last], None)


@pytest.mark.parametrize(
    ("byline", "source"),
    [("Phương Lê - Theo Reuters", "Reuters"), ("Phương Lê | According to VNA", "VNA")],
)
def test_an_outlet_credited_after_a_dash_is_the_source_and_no_part_of_the_name(
    byline: str, source: str
) -> None:
    found = split_byline([PARAGRAPH, PARAGRAPH, byline], before_trailer=True)
    assert (found.lines, found.author, found.source) == ([PARAGRAPH, PARAGRAPH], "Phương Lê", source)


@pytest.mark.parametrize(
    ("tail", "author"),
    [
        (["Phương Lê · 10:10 10/10/2024"], "Phương Lê"),
        (["Phương Lê - 12/05/2025 10:20", "Nguồn:"], "Phương Lê"),
        (["Hà Nội - 12/05/2025"], None),
    ],
    ids=["before-the-trailer", "over-the-source-line", "a-place"],
)
def test_a_byline_with_the_time_it_was_filed_is_the_writers_and_a_dated_place_stays(
    tail: list[str], author: str | None
) -> None:
    found = split_byline([PARAGRAPH, PARAGRAPH, *tail], before_trailer=True)
    kept = [PARAGRAPH, PARAGRAPH] if author else [PARAGRAPH, PARAGRAPH, *tail]
    assert (found.lines, found.author) == (kept, author)


@pytest.mark.parametrize(
    ("byline", "source"),
    [
        ("Hồng Nhung (dịch từ The Diplomat)", "The Diplomat"),
        ("Hồng Nhung (lược dịch theo Nikkei Asia)", "Nikkei Asia"),
        ("Hồng Nhung (dịch từ tiếng Anh)", None),
    ],
)
def test_the_outlet_a_translator_names_after_the_name_is_the_source(byline: str, source: str | None) -> None:
    found = split_byline([PARAGRAPH, PARAGRAPH, byline], before_trailer=True)
    assert (found.lines, found.author, found.source) == ([PARAGRAPH, PARAGRAPH], "Hồng Nhung", source)


@pytest.mark.parametrize(
    "tail", [["Việt Nam - Lào"], ["Việt Nam - Lào", "Nguồn:"]], ids=["last", "over-the-source"]
)
def test_a_pair_of_places_at_the_end_stays_and_names_no_author(tail: list[str]) -> None:
    found = split_byline([PARAGRAPH, PARAGRAPH, *tail], before_trailer=True)
    assert (found.lines, found.author) == ([PARAGRAPH, PARAGRAPH, "Việt Nam - Lào"], None)


def test_a_bare_name_before_the_trailer_is_a_byline() -> None:
    found = split_byline([PARAGRAPH, "Phương Lê"], before_trailer=True)
    assert (found.lines, found.author) == ([PARAGRAPH], "Phương Lê")


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("TS. Nguyễn Văn An", "TS. Nguyễn Văn An"),
        ("PGS.TS Nguyễn Viết Thảo", "PGS.TS Nguyễn Viết Thảo"),
        ("Đại sứ Nguyễn Phương Nga", "Đại sứ Nguyễn Phương Nga"),
        ("Phóng viên Thu Hà", "Thu Hà"),
        ("Bài: Phương Lê - Ảnh: Minh Đức", "Phương Lê"),
        ("Phương Lê | Ảnh: Minh Đức", "Phương Lê"),
        ("ThS. Nguyễn Văn An", "ThS. Nguyễn Văn An"),
        ("Phương Lê; Ảnh: Minh Đức", "Phương Lê"),
        ("Phương Lê - Nguồn ảnh: Internet", "Phương Lê"),
        ("Phương Lê - Ảnh minh họa: Minh Đức", "Phương Lê"),
    ],
)
def test_a_titled_byline_or_one_crediting_the_photographer_before_the_trailer_is_the_author(
    byline: str, author: str
) -> None:
    """A title is kept in the name (as an author box's link keeps it); a role and the photographer are not.
    Over a "Nguồn:" line the byline reads the same."""
    found = split_byline([PARAGRAPH, PARAGRAPH, byline], before_trailer=True)
    assert (found.lines, found.author) == ([PARAGRAPH, PARAGRAPH], author)
    over_source = split_byline([PARAGRAPH, PARAGRAPH, byline, "Nguồn:"])
    assert (over_source.lines, over_source.author) == ([PARAGRAPH, PARAGRAPH], author)


@pytest.mark.parametrize(
    ("ending", "author", "kept"),
    [
        (["Hà Nội"], None, ["Hà Nội"]),
        (["TP.HCM"], None, ["TP.HCM"]),
        (["Phương Lê", "TP.HCM"], "Phương Lê", []),
        (["Phương Lê", "Hà Nội", "Nguồn: TTXVN"], "Phương Lê", []),
    ],
    ids=["a-city", "a-city-abbreviated", "under-the-name", "under-the-name-over-the-source"],
)
def test_a_place_alone_before_the_trailer_is_no_byline_and_under_one_goes_with_it(
    ending: list[str], author: str | None, kept: list[str]
) -> None:
    """Where a text was written is no writer's name; under the name it is the writer's place."""
    found = split_byline([PARAGRAPH, PARAGRAPH, *ending], before_trailer=True)
    assert (found.lines, found.author) == ([PARAGRAPH, PARAGRAPH, *kept], author)


@pytest.mark.parametrize(
    ("top", "author"),
    [
        ("Bài và ảnh: Trọng Tùng", "Trọng Tùng"),
        ("Tác giả: Minh Anh", "Minh Anh"),
        ("PV: Thu Hà - Minh Anh", "Thu Hà - Minh Anh"),
        ("Trọng Tùng", None),
        ("Bài viết của Trọng Tùng", None),
        ("Ảnh: Trọng Tùng", None),
    ],
)
def test_a_labelled_byline_at_the_top_of_the_body_is_one(top: str, author: str | None) -> None:
    """A line that says it is a byline is one at the top of the body too, under the sapo; a bare name or a
    photo credit there says nothing of itself."""
    sapo = "Sáng nay, buổi gặp mặt thân mật đã diễn ra trong không khí ấm áp."
    found = split_byline([sapo, top, PARAGRAPH])
    assert found.author == author
    assert found.lines == ([sapo, PARAGRAPH] if author else [sapo, top, PARAGRAPH])
    assert split_byline([sapo, top, PARAGRAPH], author="Lan Hương").lines == [sapo, top, PARAGRAPH]


@pytest.mark.parametrize(
    ("last", "source"),
    [
        ("Theo TTXVN", "TTXVN"),
        ("(Theo Báo Nhân Dân)", "Báo Nhân Dân"),
        ("According to VNA", "VNA"),
        ("(According to Reuters)", "Reuters"),
    ],
)
def test_an_outlets_attribution_at_the_end_is_the_source_and_the_name_before_it_the_author(
    last: str, source: str
) -> None:
    found = split_byline([PARAGRAPH, CAPTION, "Phương Lê", last])
    assert (found.lines, found.author, found.source) == ([PARAGRAPH, CAPTION], "Phương Lê", source)


@pytest.mark.parametrize(
    "last",
    [
        "Theo đó, sự kiện sẽ diễn ra vào tháng sau.",
        "Theo Bộ Ngoại giao, Việt Nam sẽ tham dự.",
        "Theo 2 nguồn tin",
        "According to Hoe, apart from Europe, other markets have also imposed the rules.",
        "According to the ministry",
        "Theo Đại sứ Vũ H",
        "Theo Thứ trưởng Nguyễn Minh",
        "Theo Tổng lãnh sự Trần Thanh Huân",
        "Theo PGS.TS Nguyễn Viết Thảo",
        "Theo Bà Lan",
    ],
)
def test_a_sentence_opening_with_theo_is_no_attribution(last: str) -> None:
    """A sentence, or a person quoted by title (the stored text cut before the comma): no outlet."""
    found = split_byline([PARAGRAPH, CAPTION, last])
    assert (found.lines, found.source) == ([PARAGRAPH, CAPTION, last], None)


def test_a_real_last_paragraph_is_never_a_byline() -> None:
    last = (
        "Nhân dịp này, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang đã trao tặng 12 suất quà cho bạn bè Lào."
    )
    for lines in ([PARAGRAPH, last, "Nguồn:"], [PARAGRAPH, last]):
        found = split_byline(lines, before_trailer=True)
        assert found.lines == [PARAGRAPH, last] and found.author is None


def test_without_a_trailer_or_known_author_a_name_like_last_line_stays() -> None:
    assert split_byline([PARAGRAPH, "Phương Lê"]).lines == [PARAGRAPH, "Phương Lê"]


def test_the_known_author_is_taken_off_the_end() -> None:
    found = split_byline([PARAGRAPH, "Thu Hà (theo TTXVN)"], author="Thu Hà")
    assert (found.lines, found.author) == ([PARAGRAPH], "Thu Hà")


@pytest.mark.parametrize(
    ("line", "with_role", "expected"),
    [
        ("Phương Lê", False, True),
        ("PV", False, True),
        ("Kim Min-jun", False, True),
        ("Anh Vũ (tổng hợp)", False, True),
        ("Phạm Hoàng Anh - Phó Bí thư Thường trực Tỉnh ủy", False, False),
        ("Phạm Hoàng Anh - Phó Bí thư Thường trực Tỉnh ủy", True, True),
        ("Ông Trần Công Thắng", False, False),
        ("Hội nghị kết thúc.", False, False),
        ("Quang cảnh hội nghị", True, False),
        ("Ngày 16/7 Hà Nội", False, False),
        ("Thu Hà - Minh Anh", False, True),
        ("Thu Hà và Minh Anh", False, True),
        ("Thu Hà - Minh Anh (tổng hợp)", False, True),
        ("Việt Nam - các nước", False, False),
        ("Việt Nam - Lào", False, False),
        ("Hà Nội - Viêng Chăn", False, False),
        ("Nhật Bản và Hàn Quốc", False, False),
        ("Thu Hà/TTXVN", False, True),
        ("Hà Nội/Việt Nam", False, False),
        ("Nhóm phóng viên", False, True),
        ("Ban biên tập", False, True),
        ("Ban tổ chức", False, False),
        ("Nhóm thực hiện", False, False),
        ("Đội tuyển Việt Nam", False, False),
        ("Vân Anh/Kinh tế và Dự báo", False, True),
        ("Minh Anh (TTXVN/Vietnam+)", False, True),
        ("Hoài Nam thực hiện", False, True),
        ("Minh Anh ghi", False, True),
        ("Hoài Nam thực hiện dự án", False, False),
        ("Minh Anh - minhanh@thoidai.com.vn", False, True),
        ("minhanh@thoidai.com.vn", False, False),
        ("Minh Anh (Báo Quốc tế/TTXVN)", False, True),
        ("C.Tin", False, True),
        ("V.H.", False, True),
        ("N.T.Hà", False, True),
        ("T.L (tổng hợp)", False, True),
        ("TP.HCM", False, False),
        ("N.Hà nói thêm", False, False),
        ("A.", False, False),
    ],
)
def test_what_reads_as_a_byline(line: str, with_role: bool, expected: bool) -> None:
    assert is_byline(line, with_role=with_role) is expected


def test_author_name_drops_suffixes_and_roles_but_keeps_shared_bylines() -> None:
    assert author_name("Anh Vũ (tổng hợp)") == "Anh Vũ"
    assert author_name("Phạm Hoàng Anh - Chủ tịch") == "Phạm Hoàng Anh"
    assert author_name("Thu Hà và Minh Anh") == "Thu Hà và Minh Anh"
    assert author_name("Nguyễn Văn An") == "Nguyễn Văn An"
    assert author_name("minhanh@thoidai.com.vn") == "minhanh@thoidai.com.vn"


@pytest.mark.parametrize(
    "byline",
    [
        "By Minh Anh",
        "BY Minh Anh",
        "Bởi Minh Anh",
        "Story: Minh Anh",
        "Text and photos: Minh Anh",
        "Story & photo: Minh Anh",
        "Written by Minh Anh",
        "Reported by Minh Anh",
        "Story: Minh Anh; Photos: Tuan Anh",
        "By Minh Anh - Photo: VNA",
    ],
)
def test_a_byline_of_an_english_edition_names_the_writer_without_its_by(byline: str) -> None:
    english = "The two sides agreed to strengthen people-to-people exchanges in the coming years."
    found = split_byline([english, byline], before_trailer=True)
    assert (found.lines, found.author) == ([english], "Minh Anh")
    assert author_name(byline) == "Minh Anh"


# --- the box under the title of a markdown-like copy ------------------------------------------------
RUN_TOGETHER = (
    f"{RELATED} Văn học bắc nhịp cầu hữu nghị Việt - Séc Hội Hữu nghị Việt Nam - Ukraine đến Kiev, bắt đầu "
    "chuyến thăm Ukraine |"
)


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        ([RUN_TOGETHER, "![]() |", f"{CAPTION} |", PARAGRAPH], ["![]() |", f"{CAPTION} |", PARAGRAPH]),
        ([RUN_TOGETHER, f"{CAPTION} (Ảnh: P.Y) |", PARAGRAPH], [f"{CAPTION} (Ảnh: P.Y) |", PARAGRAPH]),
        ([f"{RELATED} {PARAGRAPH} |", f"{RELATED} {PARAGRAPH} |", PARAGRAPH], [PARAGRAPH]),
        ([f"{CAPTION} |", PARAGRAPH], [f"{CAPTION} |", PARAGRAPH]),
        ([RUN_TOGETHER, RUN_TOGETHER, f"{CAPTION} |", PARAGRAPH], [f"{CAPTION} |", PARAGRAPH]),
        ([RUN_TOGETHER, f"{CAPTION}. |", PARAGRAPH], [f"{CAPTION}. |", PARAGRAPH]),
        ([f"{CAPTION}. Ảnh: P.Y |", "![]() |", PARAGRAPH], [f"{CAPTION}. Ảnh: P.Y |", "![]() |", PARAGRAPH]),
        ([PARAGRAPH, RUN_TOGETHER, "![]() |"], [PARAGRAPH, RUN_TOGETHER, "![]() |"]),
        ([RUN_TOGETHER, PARAGRAPH], [PARAGRAPH]),
        ([f"{RUN_TOGETHER.removesuffix(' |')}? |", PARAGRAPH], [PARAGRAPH]),
        (
            [f"{RUN_TOGETHER.removesuffix(' |')}. |", PARAGRAPH],
            [f"{RUN_TOGETHER.removesuffix(' |')}. |", PARAGRAPH],
        ),
    ],
    ids=[
        "before-an-image",
        "before-a-credited-caption",
        "two-cells",
        "one-caption",
        "a-caption-after-the-box",
        "a-caption-after-titles-run-together",
        "credited",
        "not-first",
        "titles-run-together-before-text",
        "titles-run-together-ending-in-a-question",
        "a-long-caption-ending-in-a-full-stop",
    ],
)
def test_cells_under_the_title_are_the_box_when_two_stand_in_a_row_or_an_image_follows(
    lines: list[str], kept: list[str]
) -> None:
    assert drop_cell_box(lines)[0] == kept


def test_cells_of_a_title_and_its_teaser_above_a_bar_alone_are_the_box() -> None:
    teaser = "Ngày 1/9, Đại sứ Đặng Hoàng Giang đã gặp Phó Tổng Thư ký Liên hợp quốc về chuyển đổi số."
    caption = "Đại sứ phát biểu tại một phiên họp Đại hội đồng (Ảnh: TTXVN)"
    cell = [RELATED, teaser, "|"]
    assert drop_cell_box([*cell, *cell, caption, PARAGRAPH])[0] == [caption, PARAGRAPH]
    assert drop_cell_box([*cell, "![]() |", caption])[0] == ["![]() |", caption]
    alone = [*cell, PARAGRAPH]
    assert drop_cell_box(alone)[0] == alone, "one cell with text after it is the first image's caption"
    caption_cell = ["![]()", "Quang cảnh buổi lễ trao tặng", "|", "![]() |", PARAGRAPH]
    assert drop_cell_box(caption_cell)[0] == caption_cell
    split_caption = [caption.removesuffix(" (Ảnh: TTXVN)"), "(Ảnh: TTXVN)", "|", PARAGRAPH]
    assert drop_cell_box(split_caption)[0] == split_caption


def test_two_title_cells_under_the_title_are_the_box_one_is_a_caption() -> None:
    first, second = f"{RELATED} |", "Indonesia tập trận lớn ở Biển Đông sau khi từ chối đàm phán |"
    assert drop_cell_box([first, second, PARAGRAPH])[0] == [PARAGRAPH]
    assert drop_cell_box([first, PARAGRAPH])[0] == [first, PARAGRAPH]
    captions = ["Quang cảnh buổi lễ. |", "Các đại biểu chụp ảnh lưu niệm. |", PARAGRAPH]
    assert drop_cell_box(captions)[0] == captions


def test_an_alt_its_caption_tells_word_for_word_ends_the_lead_box() -> None:
    alt = "Hội thảo khoa học quốc tế về Biển Đông lần thứ 16"
    caption = f"Quang cảnh {alt}."
    assert drop_lead_box([RELATED, alt, caption], TITLE)[0] == [alt, caption]
    teaser = f"Sáng 23/10, {alt} đã khai mạc tại thành phố Hạ Long, tỉnh Quảng Ninh với gần 300 đại biểu."
    assert drop_lead_box([RELATED, alt, teaser, PARAGRAPH], TITLE)[0] == [PARAGRAPH], "a title and its teaser"


def test_an_alt_typed_in_lower_case_ends_the_lead_box_a_slug_before_a_title_does_not() -> None:
    alt = "cộng đồng người Việt tại Ba Lan đã có những hành động thiết thực và ý nghĩa nhằm giúp đỡ"
    caption = "Cộng đồng người Việt tại Ba Lan đã có những hành động thiết thực nhằm hỗ trợ y, bác sỹ."
    assert drop_lead_box([RELATED, alt, caption], TITLE)[0] == [alt, caption]
    branded = "iPhone và những người bạn Việt Nam của Hội hữu nghị Việt Nam - Hoa Kỳ"
    assert drop_lead_box([branded, RELATED, alt, caption], TITLE)[0] == [alt, caption]
    slug_then_title = f"viet kieu my tat bat phat thuc pham tuong tro nhau {RELATED}"
    assert drop_lead_box([slug_then_title, RELATED, alt, caption], TITLE)[0] == [alt, caption]


def test_the_first_half_of_a_caption_split_over_two_lines_is_no_alt() -> None:
    lines = [
        PARAGRAPH,
        "Thứ trưởng Bộ Ngoại giao Nguyễn Quốc Dũng thông báo",
        "kết quả Hội nghị Hội đồng điều phối ASEAN (ACC-25) lần thứ 25 (Ảnh: TTXVN)",
        PARAGRAPH,
    ]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True) == (lines, [])


def test_credited_captions_in_a_row_pair_off_as_alt_then_caption() -> None:
    alt = "Đại sứ Nguyễn Phương Nga đánh giá cao công tác đối ngoại nhân dân của tỉnh. (Ảnh: T.Thuận)."
    caption = "Bà Nguyễn Phương Nga phát biểu tại buổi làm việc ngày 29/3/2023 (Ảnh: T.Thuận)."
    second_alt, second = (
        "Quang cảnh buổi tiếp. (Ảnh: Đinh Hoà)",
        "Các đại biểu chụp ảnh lưu niệm. (Ảnh: Đinh Hòa)",
    )
    lines = [PARAGRAPH, alt, caption, second_alt, second, PARAGRAPH]
    kept, removed = drop_image_alts(lines, TITLE, shows_alt_text=True)
    assert kept == [PARAGRAPH, caption, second, PARAGRAPH]
    assert [r.text for r in removed] == [alt, second_alt]
    assert drop_image_alts(lines, TITLE)[0] == lines, "extracted text has no alt lines"
    told = "Bức ảnh về chuyến thăm hữu nghị năm 2010 được Nguyên Phó Thủ tướng tặng cho Liên hiệp."
    credited_paragraph = f"{told} {told} {told} {told} {told} Bức ảnh được trao tặng (Ảnh: T.Thuận)."
    unpaired = [PARAGRAPH, caption, credited_paragraph, PARAGRAPH]
    assert drop_image_alts(unpaired, TITLE, shows_alt_text=True)[0] == unpaired
    odd_run = [PARAGRAPH, alt, caption, second, PARAGRAPH]
    assert drop_image_alts(odd_run, TITLE, shows_alt_text=True)[0] == odd_run, "an image without an alt"
    printed_twice = [PARAGRAPH, caption, second, second, PARAGRAPH]
    assert drop_image_alts(printed_twice, TITLE, shows_alt_text=True)[0] == [
        PARAGRAPH,
        caption,
        second,
        PARAGRAPH,
    ]


def test_an_alt_that_retells_the_headline_goes_unless_it_captions_the_headline_printed_as_alt() -> None:
    title = "Quan hệ nhân dân Việt Nam – Philippines sắp tới sẽ có những dấu ấn lịch sử và đầy lý thú"
    retold = "Quan hệ nhân dân Việt Nam – Philippines có những dấu ấn lịch sử và đầy lý thú"
    caption = "Ông Mario Ferdinand Pasion, Chủ tịch Hội hữu nghị Philippines - Việt Nam."
    lines = [PARAGRAPH, retold, caption, PARAGRAPH]
    assert drop_image_alts(lines, title, shows_alt_text=True)[0] == [PARAGRAPH, caption, PARAGRAPH]
    assert drop_image_alts(lines, title)[0] == lines
    under_title = [PARAGRAPH, title, retold, PARAGRAPH]
    assert drop_image_alts(under_title, title, shows_alt_text=True)[0] == [PARAGRAPH, retold, PARAGRAPH]
    slug = "quan he nhan dan viet nam philippines sap toi se co nhung dau an lich su va day ly thu"
    under_slug = [PARAGRAPH, slug, retold, PARAGRAPH]
    assert drop_image_alts(under_slug, title, shows_alt_text=True)[0] == [PARAGRAPH, retold, PARAGRAPH]
    assert drop_image_alts([retold, PARAGRAPH], title, shows_alt_text=True)[0] == [retold, PARAGRAPH], (
        "a sapo"
    )


def test_a_caption_with_a_credit_that_names_nobody_printed_under_its_alt_stays_once() -> None:
    caption = "Phấn đấu xây dựng và phát triển văn hóa, con người Việt Nam toàn diện (Ảnh minh họa)"
    kept, _ = drop_lead_box([RELATED, RELATED, caption, caption], TITLE)
    assert kept == [caption, caption]
    assert drop_image_alts([PARAGRAPH, caption, caption, PARAGRAPH], TITLE)[0] == [
        PARAGRAPH,
        caption,
        PARAGRAPH,
    ]


def test_an_alt_over_its_caption_cut_where_the_stored_copy_ends_goes() -> None:
    alt = "Đại sứ Nguyễn Phương Nga - Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam tiếp xã giao Đại sứ Algeria"
    cut = "Đại sứ Nguyễn Phương Nga - Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam chào m"
    assert drop_image_alts([PARAGRAPH, alt, cut], TITLE, shows_alt_text=True)[0] == [PARAGRAPH, cut]
    assert drop_image_alts([alt, cut, PARAGRAPH], TITLE, shows_alt_text=True)[0] == [alt, cut, PARAGRAPH]


def test_an_alt_over_its_caption_split_before_the_credit_goes() -> None:
    caption = "Hệ thống xử lý nước sinh hoạt tập trung do tổ chức Espérance viện trợ người dân Kiên Giang"
    credit = "(Ảnh: Liên hiệp Hữu nghị Kiên Giang)."
    lines = [PARAGRAPH, f"{caption} {credit}", caption, credit, PARAGRAPH]
    assert drop_image_alts(lines, TITLE, shows_alt_text=True)[0] == [PARAGRAPH, caption, credit, PARAGRAPH]


def test_an_alt_written_at_length_over_the_credited_caption_it_tells_goes() -> None:
    alt = (
        "ông Phan Anh Sơn, Phó Chủ tịch - Tổng Thư ký Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO) tiếp bà "
        "Sizakele Malobane – Nikosi, Chủ tịch Cơ quan lập pháp tỉnh Gauteng, Cộng hòa Nam Phi"
    )
    caption = (
        "Phó Chủ tịch - Tổng Thư ký VUFO Phan Anh Sơn tiếp đoàn công tác Cơ quan lập pháp tỉnh Gauteng, "
        "Cộng hòa Nam Phi (Ảnh: Thu Hà)."
    )
    sentence = f"Chiều 11/7, {alt} nhân dịp kỷ niệm 30 năm thiết lập quan hệ ngoại giao hai nước."
    assert drop_image_alts([PARAGRAPH, alt, caption], TITLE, shows_alt_text=True)[0] == [PARAGRAPH, caption]
    assert drop_image_alts([sentence, caption], TITLE, shows_alt_text=True)[0] == [sentence, caption]
    assert drop_image_alts([PARAGRAPH, alt, caption], TITLE)[0] == [PARAGRAPH, alt, caption]


def test_an_seo_alt_that_holds_the_title_ends_the_lead_box_and_goes() -> None:
    title = "Hội hữu nghị Việt - Nga tỉnh Phú Yên: Đổi mới, đa dạng hình thức hoạt động để phát triển"
    seo = "Phú Yên Online - Đại hội Hội Hữu nghị Việt - Nga tỉnh lần thứ IV: Đổi mới, đa dạng hình thức hoạt động để phát triển"
    caption = "Lãnh đạo Hội Hữu nghị Việt - Nga tỉnh tặng quà, chúc mừng Trung tâm An điều dưỡng tàu ngầm."
    kept, _ = drop_lead_box([RELATED, seo, caption], title)
    assert kept == [seo, caption]
    assert drop_lead_box([RELATED, "Chú thích ảnh", caption], title)[0] == ["Chú thích ảnh", caption]
    assert drop_image_alts([PARAGRAPH, seo, caption], title, shows_alt_text=True)[0] == [PARAGRAPH, caption]


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("Chủ tịch Liên hiệp phát biểu tại buổi làm việc với tỉnh Hải Dương (", True),
        ("Các đại biểu chụp ảnh lưu niệm (Ản", True),
        ("Các đại biểu chụp ảnh lưu niệm. (Nguồ", True),
        ("Các đại biểu chụp ảnh lưu niệm (Ảnh: TTXVN)", False),
        ("Hội nghị lần thứ hai (khu vực", False),
        ("Hội nghị lần thứ hai (", True),
        ("Hội nghị lần thứ hai", False),
    ],
)
def test_a_caption_cut_as_its_credit_opens(line: str, cut: bool) -> None:
    assert ends_in_cut_credit(line) is cut


@pytest.mark.parametrize(
    ("line", "author", "day"),
    [
        ("Phương Lê · 10/10/2024", "Phương Lê", "2024-10-10T00:00:00+07:00"),
        ("Minh Anh | 12/05/2024", "Minh Anh", "2024-05-12T00:00:00+07:00"),
        ("Hà Nội · 10/10/2024", None, "2024-10-10T00:00:00+07:00"),
    ],
)
def test_a_byline_set_apart_from_a_day_without_a_time_is_a_dated_byline(
    line: str, author: str | None, day: str
) -> None:
    byline = read_dated_byline(line)
    assert byline is not None
    assert (byline.author, date_iso(byline.date)) == (author, day)


@pytest.mark.parametrize("line", ["Phương Lê 10/10/2024", "10/10/2024", "Lễ kỷ niệm · 10/10/2024 tại Hà Nội"])
def test_a_day_after_a_name_alone_or_in_a_sentence_is_no_dated_byline(line: str) -> None:
    assert read_dated_byline(line) is None
