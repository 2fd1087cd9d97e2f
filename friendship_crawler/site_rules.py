"""The site's writing conventions, read by both paths from page to record.

The HTML path (`extract/`) and the text path (`clean/`) meet the same conventions of thoidai.com.vn and
its CMS family: how a byline and a "Nguồn:" line are written, the date line and the site's offset, the
titles of related boxes, the heading of an error page, how a sentence ends. Each is written here once,
so a marker changed here changes both paths. What only one path can see stays with it: selectors and
class names in `extract/selectors.py`, text-layout markers (breadcrumb, rails, markdown remnants) in
`clean/rules.py`; the section's names and paths are in `site.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone


def marker_key(line: str, longest: int | None = None) -> str:
    """A line as markers are compared: NFC, case-folded, without trailing colon, dots or ellipsis.

    Markers are stored as keys, so "TIN LIÊN QUAN:" matches "tin liên quan". Folding keeps spaces, colons
    and dots as they are and never shortens a text, so it comes last, and a line longer than `longest` (the
    longest marker) gives "" unfolded: folding a paragraph is the costly part and it can match no marker.
    """
    text = unicodedata.normalize("NFC", line).strip().rstrip(" :.…").strip()
    if longest is not None and len(text) > longest:
        return ""
    return text.casefold()


# --- sentences -------------------------------------------------------------------------------------
SENTENCE_END = re.compile(r"[.!?…:;]$")
CLOSING_QUOTES = "\"'”’»)"
"""Closing marks a sentence may end in after its punctuation: `… hai dân tộc.”`."""


def ends_sentence(line: str) -> bool:
    """The line ends a sentence, closing quotes and brackets aside: a paragraph, never a name or a title."""
    # SENTENCE_END is one character at the end: the last character left decides.
    return bool(SENTENCE_END.search(line.rstrip(CLOSING_QUOTES).rstrip()[-1:]))


# --- bylines and the "Nguồn:" line ---------------------------------------------------------------
_CREDIT = r"(?:bài|tin)\s*(?:và|&|\+|/|,|-|–)\s*ảnh|bài"
_WORK = r"lược dịch|biên dịch|dịch|thực hiện|nội dung|video|clip"
_ENGLISH_CREDIT = r"(?:story|text|words)(?:\s*(?:and|&|\+|/|,)\s*photos?)?"
"""An English edition's credit of the text, and of the photos with it ("Story and photos", "Text & photo")."""
_ENGLISH_BY = r"(?:written|reported|story|text|words|compiled|translated)\s+by"
BYLINE_PREFIX = re.compile(
    rf"^(?:(?:{_CREDIT}|tác giả|phóng viên|pv|by|{_WORK}|{_ENGLISH_CREDIT})\s*:\s*"
    rf"|(?:{_CREDIT}|ảnh|{_ENGLISH_BY})\s+(?=\S))",
    re.IGNORECASE,
)
"""What may stand before the name: "Bài và ảnh: Phương Lê", "Bài/ảnh: Anh Vũ", "Bài: Anh Vũ", the work done
with a colon ("Lược dịch: Minh Thu", "Video: Minh Đức"), and a credit without a colon ("Bài và ảnh Trọng
Tùng", "Ảnh Trọng Tùng"); "Ảnh:" with a colon is a photo credit, not a byline. English editions write
"Story: Minh Anh", "Text and photos: Minh Anh", "Written by Minh Anh"."""
CREDIT_LINE = re.compile(
    r"^(?:ảnh|thiết kế|đồ họa|đồ hoạ|trình bày|video|clip|quay phim|dựng phim|kỹ thuật|minh họa|minh hoạ"
    r"|biên tập|biên tập viên|btv|thể hiện)\s*:\s*\S",
    re.IGNORECASE,
)
"""The credit of another hand in a block of credits under a labelled byline ("Nội dung: Hoài Nam" then
"Ảnh: Khánh Huy", "Thiết kế: Minh Tú"), as a long-form page opens with one."""
CREDIT_LINE_MAX_WORDS = 10
WORK_SUFFIX = re.compile(r"\s+(?:thực hiện|lược dịch|biên dịch|tổng hợp|ghi)\s*$")
"""The work done, after the name and in lower case ("Hoài Nam thực hiện", an interview's byline); a name
itself is capitalised ("Nguyễn Văn Ghi")."""
AUTHOR_BY = re.compile(r"^(?:by|(?:viết |đăng )?bởi)\s+(?=\S)", re.IGNORECASE)
"""What an author element may print before the name ("Bởi Minh Anh", "Viết bởi Minh Anh", "By Minh Anh");
in a line of text it may open a sentence ("Bởi lẽ …"), so only an author element, or a line already read
as a byline (`clean.lines.author_name`), loses it."""
LABELLED_BYLINE = re.compile(
    rf"^(?:(?:{_CREDIT}|tác giả|phóng viên|pv|by|nội dung|thực hiện|lược dịch|biên dịch"
    rf"|{_ENGLISH_CREDIT})\s*:"
    rf"|(?:{_CREDIT}|{_ENGLISH_BY})\s)"
    r"\s*(?=\S)",
    re.I,
)
"""A line that says it is a byline by its label, wherever it stands: a credit or a role with a colon ("Tác
giả: Minh Anh", "PV: Thu Hà", "Nội dung: Hoài Nam"), or a credit without one ("Bài và ảnh Trọng Tùng"); a
bare name says nothing of itself, nor does "Ảnh …", which credits a photo."""
OUTLET_SUFFIX = re.compile(
    r"\s*/\s*(?:(?i:báo|tạp chí|thời báo|tuần báo|nhật báo|đài|cổng|kênh|vietnam\s*\+|vietnamplus)(?!\w)"
    r"|[A-ZĐ]{2,}(?!\w)|(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w@-])(?!\.\w)).*$"
)
"""The outlet after the name in a byline, "Minh Anh/Báo Hải quan", "Thu Hà/TTXVN", or its address ("Vân
Anh/dulich.petrotimes.vn"): the author is the name before it. A name after the slash ("Minh Anh/Thu Hà") is
a second author and stays."""


_ROLES = "pv|ctv|btv|phóng viên|nhà báo"
"""The press roles a byline may write before a name, without a colon ("PV Minh Anh")."""
DASH_OUTLET = re.compile(
    rf"\s+[-–|]\s+(?:(?i:{_ROLES})\s+)?"
    r"(?:[A-ZĐ]{3,}|(?i:báo|tạp chí|thông tấn xã|đài (?:truyền hình|phát thanh|tiếng nói))\s+\w.*)$"
)
"""The outlet after a dash or a bar that ends a byline, with the writer's role at it or not ("Minh Anh -
TTXVN", "Minh Anh | TTXVN", "Minh Anh - PV Báo Thời Đại"): a second author after a dash is a name, not an
acronym or an outlet."""
OUTLET_WORD = re.compile(
    r"(?<!\w)(?i:báo|tạp chí|thông tấn|truyền hình|phát thanh|điện tử|online|đài|cổng|news)(?!\w)"
)
"""A word that says a name is an outlet's, wherever it stands in it ("Kinh tế và Dự báo", "Báo Thời Đại")."""
SENTENCE_MARKS = re.compile(r"[,:;!?()]")


ATTRIBUTION_OPENER = r"theo|according\s+to"
"""What credits a text to its source, matched without case: "Theo TTXVN", an English edition's "According to
VNA"."""
TRANSLATION_CREDIT = r"(?:lược\s+|biên\s+)?dịch\s+(?:từ|theo)"
"""What credits a translation to the outlet it is made from, matched without case: "Lược dịch từ The
Diplomat", "dịch theo Reuters"."""
ATTRIBUTED_AFTER = re.compile(
    rf"\s+[-–|]\s+(?i:{ATTRIBUTION_OPENER})\s+(?P<source>[A-ZĐ][^()\d,;:]{{0,60}}?)\s*\.?$"
)
"""An outlet credited after a dash or a bar that ends the byline ("Minh Anh - Theo Reuters", "Minh Anh |
According to VNA"): the source, and no part of the name."""


_EMAIL = r"(?:(?:e-?mail|thư điện tử)\s*:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
"""An e-mail address, labelled or not ("Email: minhanh@thoidai.com.vn")."""
WRITER_ADDRESS = re.compile(
    rf"\s*(?:[-–|,;]\s*|\(\s*(?=[^()]*\)\s*$))?{_EMAIL}\s*\)?\s*$",
    re.IGNORECASE,
)
"""The writer's e-mail address after the name, after a dash or a bar, in brackets or labelled ("Minh Anh -
minhanh@thoidai.com.vn", "Minh Anh (minhanh@thoidai.com.vn)")."""


def without_outlet(byline: str) -> str:
    """The byline without the writer's address (`WRITER_ADDRESS`), without the outlet after its slash
    (`OUTLET_SUFFIX`) or its last dash (`DASH_OUTLET`, `ATTRIBUTED_AFTER`), or after its last slash a name
    that says it is an outlet's (`OUTLET_WORD`: "Vân Anh/Kinh tế và Dự báo"); a second author ("Minh
    Anh/Thu Hà", "Thu Hà - Đài Trang"), a role or a place after the slash stays, and a slash in brackets is
    the bracket's own: the work done ("(t/h)"), the outlets of a suffix ("(TTXVN/Vietnam+)")."""
    if "@" in byline:  # the address pattern, tried at every word of a long line, costs more than the check
        byline = WRITER_ADDRESS.sub("", byline) or byline
    byline = ATTRIBUTED_AFTER.sub("", byline)
    outlet = OUTLET_SUFFIX.search(byline)
    if outlet and byline.count("(", 0, outlet.start()) <= byline.count(")", 0, outlet.start()):
        byline = byline[: outlet.start()]
    byline = DASH_OUTLET.sub("", byline)
    name, slash, after = byline.rpartition("/")
    if (
        slash
        and name.strip()
        and "(" not in name
        and OUTLET_WORD.search(after)
        and not SENTENCE_MARKS.search(after)
    ):
        return name.rstrip()
    return byline


DATED_BYLINE = re.compile(
    r"^(?P<name>[^\d|·•]{2,60}?)\s+[-–|·•]\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}:\d{2})\b"
)
"""A name, then the time it was filed in figures after a dash, a bar or a dot ("Thu Hà - 12/05/2025 10:20",
"Minh Anh · 10:10 10/10/2024"); a letter's place and day are written with a comma and the month in words
("Hà Nội, ngày 12 tháng 5 năm 2025")."""
NAME_MAX_WORDS = 6
"""Words of one author's name ("Nguyễn Thị Minh Khai", "Kim Min-jun"); more is a sentence or a title."""
INITIALS_NAME = re.compile(r"(?:[A-ZĐ]\.){1,3}[A-ZĐ][^\W\d_]*\.?")
"""A name the press writes by its initials, as one word: "C.Tin", "N.Hà", "V.H.", "T.L", "N.T.H"."""
BYLINE_MAX_WORDS = 40
"""Words of a byline with its role ("Phạm Hoàng Anh - Phó Bí thư Thường trực Tỉnh ủy, ...")."""
AUTHOR_NOISE = re.compile(
    rf"\s*(?:[|,;]\s*)?(?:{_EMAIL}|\+?\s*(?:theo dõi|follow)"
    r"|phóng viên|biên tập viên|cộng tác viên|nhà báo)\s*$",
    re.I,
)
"""What an author block prints after the name: an e-mail address, labelled or not, a follow button, the bare
role ("Minh Anh Phóng viên", "Minh Anh | minhanh@baoquocte.vn", "Minh Anh Email: minhanh@baoquocte.vn")."""
ACADEMIC_TITLE = r"(?:GS|PGS|TSKH|TS|ThS|Ths|NCS|CN|KS|BS|LS|ThS\.BS)\."
ACADEMIC_START = re.compile(ACADEMIC_TITLE)
"""How a paper's line of authors opens: an academic title (most lines are read no further)."""
ACADEMIC_AUTHOR = re.compile(
    rf"(?P<titled>(?:{ACADEMIC_TITLE}\s*)+(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){{1,5}}))\s*(?:#+)?"
)
"""One author of a paper: academic titles ("PGS.TS.", "NCS.") before a name of two to six words, and the
place of work in brackets after it (blanked out as "#" by the reader)."""
AUTHOR_LIST_SEPARATOR = re.compile(rf"\s+[-–]\s+|\s*;\s*|,\s+(?={ACADEMIC_TITLE})")
"""Between the authors of a paper: a dash, a semicolon, or a comma before the next one's titles."""
GROUP_BYLINE = re.compile(
    r"^(?:nhóm|ban|tổ|team)\s+(?:phóng viên|pv|ctv|cộng tác viên|tác giả|biên tập(?: viên)?)"
    r"(?:\s+(?:thường trú|báo|tạp chí)\b.{0,40})?$",
    re.IGNORECASE,
)
"""A byline that names a group of writers by its role: "Nhóm phóng viên", "Nhóm PV", "Ban biên tập"."""
AUTHOR_ROLE = re.compile(rf"^(?i:{_ROLES})\s+")
"""A role before the name, without a colon ("PV Minh Anh"): dropped when a capitalised name follows."""


def unbracketed(line: str) -> str:
    """A line set wholly in one pair of brackets without them ("( Translated by Phi Yen )"), else as it is."""
    inner = line[1:-1] if line.startswith("(") and line.endswith(")") else ""
    return inner.strip() if inner.strip() and "(" not in inner and ")" not in inner else line


SITE_NAMES = frozenset({"thời đại", "tạp chí thời đại", "báo thời đại", "thoidai.com.vn"})
"""The site's own name as a byline writes it after a role ("PV Thời Đại"), as `marker_key`s."""


def without_role(byline: str) -> str:
    """The byline without the role before its name (`AUTHOR_ROLE`), when a capitalised name follows; the role
    alone when it is written short and an outlet follows it instead of a name ("PV Báo Thời Đại", "PV Thời
    Đại": the outlet's reporter, as "PV" alone is)."""
    role = AUTHOR_ROLE.match(byline)
    if role is None or not byline[role.end() : role.end() + 1].isupper():
        return byline
    rest = byline[role.end() :]
    if role[0].isupper() and (marker_key(rest) in SITE_NAMES or OUTLET_WORD.match(rest)):
        return role[0].strip()
    return rest


WRITER_TITLE = re.compile(
    r"^(?:(?:GS|PGS|TSKH|TS|ThS|NCS|BS|LS|KS)\.?(?:\s*TS\.?)?|Dr\.?|Prof\.?|Đại sứ|Nhà văn|Nhà thơ"
    r"|Nhà nghiên cứu|Luật sư|Tiến sĩ|Thạc sĩ|Giáo sư|Phó giáo sư|Bác sĩ|Kỹ sư|Nghệ sĩ|Họa sĩ|Nhạc sĩ"
    r"|Đại tá|Thượng tá|Trung tá|Thiếu tá|Thiếu tướng|Trung tướng)\s+(?=\S)",
    re.IGNORECASE,
)
"""A title, a profession or a rank a byline or a link to the writer's page may set before the name ("TS.",
"Đại sứ", "Dr.", "Nhà văn"), kept in the author's name (a role, "Nhà báo", "PV", is not: `AUTHOR_ROLE`);
"Tác giả", "Theo dõi" or "Xem thêm" before a name say what the link is for."""
NO_WRITER = re.compile(
    r"^(?:tổng hợp|t/h|st|sưu tầm|admin|administrator|quản trị viên|quản trị|webmaster|editor)$",
    re.IGNORECASE,
)
"""What an author box or an author field says when it names no one: how the text was made ("Tổng hợp",
"Sưu tầm") or the site's account ("admin")."""
EMAIL = re.compile(r"\(?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)?")
"""An e-mail address, in brackets or not, as an author box prints it beside the name or instead of it."""
HOME_COUNTRY = frozenset({"Việt Nam", "Viet Nam", "Vietnam"})
"""The country the site writes from, named in a motto or a pair of places ("Việt Nam - Lào mãi mãi anh
em"), never a writer."""
OFFICE_TITLE = re.compile(
    r"^(?:Phó\s+)?(?:Thủ tướng|Chủ tịch|Bộ trưởng|Thứ trưởng|Tổng Bí thư|Bí thư|Tổng lãnh sự|Lãnh sự"
    r"|Đại biện|Tham tán|Tổng Thư ký|Tổng Giám đốc|Giám đốc|Viện trưởng|Hiệu trưởng|Trưởng ban"
    r"|Trưởng đoàn|Chánh Văn phòng|Người phát ngôn|Ông|Bà)\s+(?=\S)",
    re.IGNORECASE,
)
"""An office or a form of address before a person's name ("Thứ trưởng", "Tổng lãnh sự", "Bà"): "Theo" before
it quotes the person ("Theo Thứ trưởng Nguyễn Minh Vũ, …"), never credits an outlet."""
PHOTO_CREDIT_WORD = r"(?:Ảnh(?:\s+(?:minh\s+họa|minh\s+hoạ|tư\s+liệu))?|Nguồn ảnh|Photos?)"
"""What labels a photo credit, before its colon ("Ảnh:", "Ảnh minh họa:", "Nguồn ảnh:", "Photos:"): a regex
part, matched without case."""
PHOTO_CREDIT_AFTER = re.compile(rf"\s*[-–|;,]\s*{PHOTO_CREDIT_WORD}\s*:\s*[^:|;]{{1,40}}$", re.IGNORECASE)
"""The photographer credited after the writer on the byline's line ("Bài: Phương Lê - Ảnh: Minh Đức",
"Phương Lê | Ảnh: Minh Đức", "Story: Minh Anh; Photos: Tuan Anh")."""


CO_AUTHOR_ROLE = re.compile(rf"(?:(?<=\s[-–]\s)|(?<=,\s)|(?<=\svà\s))(?i:{_ROLES})\s+(?P<next>\w+)")
"""The same role before a co-author's name ("PV Minh Anh - CTV Thu Hà"), not before an outlet ("Minh Anh - PV
TTXVN", "PV Báo Thời Đại"): `co_author_name_follows` tells."""


def co_author_name_follows(match: re.Match[str]) -> bool:
    """The word after a co-author's role opens a person's name: capitalised, no acronym, no outlet."""
    word = match["next"]
    return (
        word[:1].isupper() and not word.isupper() and not OUTLET_WORD.match(match.string, match.start("next"))
    )


OTHER_CREDITS = re.compile(r"\s*[|;]\s*[^|;:]{1,30}:.*$")
"""Credits of other people after the author's, behind a bar or semicolon and labelled ("Minh Anh | Biên
tập: Thu Hà", "Minh Anh; Đồ họa: Lan Phương"): the author is the name before them."""
SERIES_MARK = re.compile(
    r"^\(?\s*(?:còn nữa|còn tiếp|hết|(?:đón đọc\s*:?\s*)?(?:kỳ|bài)\s+(?:\d+|[ivx]+|sau|tới|cuối)\b.*)"
    r"\s*\)?[.…]*$",
    re.I,
)
"""The last line of an instalment of a series ("(Còn nữa)", "Kỳ sau: …", "Bài 2: …"): part of the text,
styled like a signature, and no name."""
NOTES_TITLES = frozenset(
    {
        "tài liệu tham khảo", "danh mục tài liệu tham khảo", "nguồn tham khảo", "chú thích", "ghi chú",
        "references", "notes",
    }
)  # fmt: skip
"""Titles of the notes or references that close an article, after its byline (as `marker_key`s)."""
NOTES_LONGEST = max(map(len, NOTES_TITLES))
NOTES_MAX_LINES = 30
"""The lines of such a closing block at most: a longer run after the title is the article's own text."""
LEAD_DATELINE = re.compile(r"^(?:\([A-ZĐ][\w. ]{1,24}\)|[A-ZĐ][\w.]{1,24})\s*[-–.]\s+")
"""The outlet's mark that opens a lead ("TĐO - ", "(TGVN) - ", "(Dân trí) - ", "(Thoidai.com.vn). "): the
body that repeats the lead as its first paragraph leaves it out."""
SIGNING_OFFICE = re.compile(
    r"^(?:(?:tm|kt|tl|tuq|q|t/m)\.\s*|thay mặt\s+)?(?:nguyên\s+)?(?:phó\s+)?"
    r"(?:chủ tịch|chủ nhiệm|tổng bí thư|bí thư|thủ tướng|bộ trưởng|thứ trưởng|tổng giám đốc|giám đốc|"
    r"viện trưởng|cục trưởng|vụ trưởng|trưởng ban|trưởng đoàn|đại sứ|tổng lãnh sự|tổng thư ký|"
    r"tổng biên tập|thống đốc|hiệu trưởng|chánh văn phòng|chánh án|ủy ban|uỷ ban|ban chấp hành|"
    r"ban thường vụ|ban chỉ đạo|ban tổ chức|bộ|hội đồng|hội|liên hiệp|chính phủ|quốc hội|mặt trận)\b",
    re.IGNORECASE,
)
"""The office a letter, a message or a decree is signed for, above the signer's name ("CHỦ TỊCH NƯỚC" over
"Lương Cường", "TM. BAN CHẤP HÀNH TRUNG ƯƠNG", "BỘ TRƯỞNG"): the name under it signs the text it ends and
is no byline."""
SIGNED_MARK = re.compile(r"^\(?\s*(?:đã ký|đã kí|ký tên|kí tên)\s*\)?\.?$", re.IGNORECASE)
""""(Đã ký)" between a letter's office and its signer's name."""
OFFICE_MAX_WORDS = 15


def signs_for_office(lines_above: Sequence[str]) -> bool:
    """The lines above a name end with the office it signs for, "(Đã ký)" aside: a line in capitals that
    opens with an office (`SIGNING_OFFICE`). Other words in capitals may be a signer's name over a byline,
    and an office in lower case ("Tổng Bí thư Tô Lâm") a quote's attribution over one."""
    lines = list(lines_above)
    while lines and SIGNED_MARK.match(lines[-1]):
        lines.pop()
    if not lines:
        return False
    line = lines[-1].strip()
    if not line.isupper() or len(line.split()) > OFFICE_MAX_WORDS or ends_sentence(line):
        return False
    return SIGNING_OFFICE.match(line) is not None


SERIES_LABEL = re.compile(r"^(?:cùng )?(?:loạt bài|chùm bài|tuyến bài)\s*:", re.IGNORECASE)
"""The title of a box listing the parts of a series ("Loạt bài: Hợp tác y tế Việt - Nhật")."""
CITATION = re.compile(r"^\(?\s*(?:trích|nguồn trích)\b", re.IGNORECASE)
"""Where a quote is taken from ("(Trích Di chúc của Chủ tịch Hồ Chí Minh)"): styled like a signature, and
no byline."""
ROLE_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
"""A parenthesised suffix of a byline, "(tổng hợp)", "(TTXVN)": the author is the name without it."""
ROLE_SEPARATOR = re.compile(r"^\s*(?:[-–—,]|\()")
"""What may follow the name in a byline with a role: " - Phó Bí thư ...", ", phóng viên", " (tổng hợp)"."""
ROLE_START = re.compile(
    r"^[-–—,(]?\s*(?:nguyên\s+)?(?:phó|chủ tịch|bí thư|ủy viên|uỷ viên|giám đốc|tổng|trưởng|đại sứ|thư ký|"
    r"phóng viên|pv|ctv|cộng tác viên|nhà báo|gs|pgs|ts|ths|giáo sư|tiến sĩ|thạc sĩ|chuyên gia|đại diện)\b",
    re.IGNORECASE,
)
"""A role after the name ("- Phó Bí thư ...", ", phóng viên"): enough for a byline with no "Nguồn:" line."""
CO_AUTHOR_SEPARATOR = re.compile(r"\s*(?: - | – |, | và | & )\s*")
"""Between the names of a shared byline: "Thu Hà - Minh Anh", "Thu Hà và Minh Anh"."""
HONORIFICS = frozenset({"ông", "bà", "ngài", "đồng chí", "anh chị", "các", "những", "tại", "theo"})
"""Words that start a caption or a sentence about someone, never a bare byline."""
OUTLET_MAX_WORDS = 3
"""Words of each outlet an attribution lists between commas ("Theo Reuters, AFP", "Theo Tân Hoa xã, AP")."""
SOURCE_WORD = r"nguồn|sources?"
"""What labels a source, matched without case: "Nguồn:", and "Source:" or "Sources:" on the family's English
editions."""
ATTRIBUTED_SUFFIX = re.compile(
    rf"\(\s*(?:(?i:(?:{ATTRIBUTION_OPENER})\s+|(?:{SOURCE_WORD})\s*:\s*)"
    rf"|(?i:{TRANSLATION_CREDIT}\s+)(?=[A-ZĐ]))(?P<source>[^()]+?)\s*\)\s*\.?$"
)
"""An outlet credited after the name, in brackets: "Hà Anh (Theo Nikkei Asia)", "Hà Anh (Nguồn: TTXVN)", "Ha
Anh (According to Reuters)", or the outlet a translation is made from ("Hồng Nhung (dịch từ The Diplomat)";
not "(dịch từ tiếng Anh)")."""
SOURCE_LABEL = re.compile(rf"^\s*(?P<bracket>\(\s*)?(?:{SOURCE_WORD})\s*:\s*", re.IGNORECASE)
"""What labels the source line (`SOURCE_WORD`), in brackets or not ("(Nguồn: TTXVN)")."""
SOURCE_MAX_CHARS = 120
"""A "Nguồn:" line names a source in a few words; a longer text after the label is a paragraph."""
_CLOSING_BRACKET = re.compile(r"\)\s*\.?$")


def source_of(line: str) -> str | None:
    """The value of a "Nguồn:" line ("" for an empty one, as the site often prints it), else None; a line
    that opens a bracket before the label is one when the bracket closes the line ("(Nguồn: TTXVN)")."""
    label = SOURCE_LABEL.match(line)
    if label is None or len(line) - label.end() > SOURCE_MAX_CHARS:
        return None
    value = line[label.end() :].strip()
    if label["bracket"]:
        closing = _CLOSING_BRACKET.search(value)
        if closing is None or "(" in value or ")" in value[: closing.start()]:
            return None
        value = value[: closing.start()].strip()
    return value


# --- the date line ---------------------------------------------------------------------------------
VIETNAM = timezone(timedelta(hours=7))
"""The site's offset: every time in the record is written in it (`+07:00`)."""
CENTURY = 2000
"""What a two-digit year is counted from: the site publishes only in this century."""
_TIME = (
    r"(?P<hour>\d{1,2})\s*[:hg]\s*(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?:(?P<half>[AaPp])\.?[Mm]|(?P<buoi>SA|CH))\b\.?)?"
)
"""A time of day, 24-hour or with AM / PM (in Vietnamese "SA" / "CH": sáng, chiều)."""
_HALF_OF_DAY = {"A": "A", "P": "P", "SA": "A", "CH": "P"}
MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
"""English month names and their abbreviations, as an English edition of a sister site writes its dates."""
_MONTH_NAME = (
    r"(?P<month_name>"
    + "|".join(
        form for name in sorted(MONTH_NAMES, key=len, reverse=True) for form in (name.title(), name.upper())
    )
    + r")\.?"
)
"""Capitalised as a date writes it: "may" is a Vietnamese word too ("Tổng công ty may 10")."""
_ENGLISH_DAYS = (
    _MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r",?\s+(?P<year>\d{4})",
)
""""May 12, 2025" and "12 May 2025"."""
_DAY = r"(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})"
_DATE_LEAD = (
    r"^(?:(?:Cập nhật|Ngày đăng|Đăng lúc|Đăng ngày|Xuất bản)\s*(?:lúc|ngày)?\s*:?\s*)?"
    r"(?:(?:Thứ\s+\w+|Chủ nhật|CN|T[2-7])\s*,?\s*)?"
)
_DATE_TAIL = r"\s*(?:\(?\s*GMT\s*\+\s*0?7(?::00)?\s*\)?)?\s*\|?$"
DATE_LINES = (
    re.compile(_DATE_LEAD + _TIME + r"\s*[|,-]?\s*(?:ngày\s*)?" + _DAY + _DATE_TAIL, re.IGNORECASE),
    re.compile(_DATE_LEAD + _DAY + r"\s*[|,-]?\s*(?:lúc\s*)?" + _TIME + _DATE_TAIL, re.IGNORECASE),
)
"""A whole line that is the date line, with or without `GMT+7`, weekday or "Cập nhật:":
`16:43 | 09/08/2023 GMT+7`, `10:14 | 10/11/2025` (print view), `Cập nhật: 10:30 | 12/05/2023`,
`12/05/2023 10:30`, `Thứ hai, 12/05/2023 10:30`, `Thứ Ba, 12/05/2023 - 10:30 (GMT+7)`."""
DAY_LINE = re.compile(_DATE_LEAD + _DAY + _DATE_TAIL, re.IGNORECASE)
"""A line of a day without a time of day ("10/10/2024", "Thứ Năm, 10/10/2024"), as a byline's meta line
sets it after the writer's name ("Phương Lê · 10/10/2024"); alone on its line it is no date line."""
TIME_OF_DAY = re.compile(_TIME)
_ISO_DAY = r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
_SHORT_DAY = r"(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{2})(?![\d/])"
_LABELS = r"(?i:cập nhật|updated?|xuất bản|ngày đăng|đăng|published)"
_GAP = rf"(?:(?!{_LABELS})\D){{1,20}}?"
"""What may stand between a time and its day: not a label, after which the other time of the line begins."""
DATES_IN_TEXT = (
    re.compile(_TIME + _GAP + _DAY),
    re.compile(_DAY + r"(?:" + _GAP + _TIME + ")?"),
    re.compile(_ISO_DAY + r"(?:(?:T|\s{1,3})" + _TIME + r")?(?![\d:T]|\s*(?:Z\b|[+-]\d|\d{1,2}:\d{2}))"),
    re.compile(_TIME + r"\s*[|,-]?\s*" + _SHORT_DAY),
    *(re.compile(_TIME + _GAP + r"(?<!\w)" + day) for day in _ENGLISH_DAYS),
    *(re.compile(r"(?<!\w)" + day + r"(?:" + _GAP + _TIME + ")?") for day in _ENGLISH_DAYS),
)
"""A date inside the text of an element known to hold one (a date `span`): time first, else the day
with or without a time, else the day written year first as machines write it ("2023-05-12 10:30"), but
not with a zone such as "Z" or "+00:00" after it, which these patterns do not read; last, a time and a
day with a two-digit year ("14:30 | 24/06/22"), of this century; then a day with the month in English,
time first ("10:20 AM | May 12, 2025") or with or without a time after it ("May 12, 2025 | 10:20 AM",
"12 May 2025 - 15:20")."""
PUBLISHED_LABEL = re.compile(
    r"\b(?:Xuất bản|Ngày đăng|Đăng lúc|Đăng ngày|Đăng(?=\s*:)|Published)\b", re.IGNORECASE
)
"""What names the publication time in a line that gives the update time too ("Cập nhật: … | Xuất bản: …")."""
UPDATED_LABEL = re.compile(r"\b(?:Cập nhật|Updated?)\b", re.IGNORECASE)
"""What names the update time: in a line without a publication label, the date before it is the
publication's ("12/05/2025 10:20 | Cập nhật: 15/05/2025 08:00")."""
_SPELLED_DAY = r"(?:ngày\s+)?(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s*(?:,|năm)?\s*(?P<year>\d{4})"
SPELLED_DATE_LINES = (
    re.compile(_DATE_LEAD + _TIME + r"\s*[|,-]?\s*" + _SPELLED_DAY + _DATE_TAIL, re.IGNORECASE),
    re.compile(
        _DATE_LEAD + _SPELLED_DAY + r"(?:\s*[|,-]?\s*(?:lúc\s*)?" + _TIME + ")?" + _DATE_TAIL, re.IGNORECASE
    ),
)
"""A date line with the month spelled out ("Thứ sáu, 12 Tháng 5 2023 14:30", "12 tháng 5 năm 2023"): only a
whole line, since a sentence names days that way too ("Lễ ký kết ngày 20 tháng 11 năm 2019 tại ...")."""
_GMT_OFFSET = re.compile(
    r"\b(?:GMT|UTC)(?:\s*(?P<sign>[+-])\s*(?:(?P<hh>\d{2}):?(?P<mm>\d{2})|(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?)"
    r"(?!\d)|(?!\s*[+-])\b)",
    re.I,
)
"""A zone beside the date ("GMT+7", "GMT+05:30", "GMT+0530", "UTC+7", "UTC" or "GMT" alone for UTC itself),
not run into a number that follows it ("GMT+7" then "12 bình luận" reads "GMT+712")."""
_GMT_REACH = 16
"""How far from its date a zone may stand."""
DIGIT = re.compile(r"\d")
"""A digit as the date patterns write one: a line without it in its opening is no date line."""


EARLIEST_YEAR = 1990
"""No page of the web is older: an earlier year is a typo ("09/08/0202") or a template's empty date."""


def iso_vietnam(moment: datetime) -> str:
    """`moment` as `YYYY-MM-DDTHH:MM:SS+07:00`; a naive moment is taken to be Vietnam time. Raises
    ValueError for a moment that Vietnam time cannot hold (year 1 or 9999 at the edge of a day), or one
    before `EARLIEST_YEAR`."""
    if moment.year < EARLIEST_YEAR:
        raise ValueError(f"{moment.isoformat()} is older than any web page")
    try:
        aware = moment.replace(tzinfo=VIETNAM) if moment.tzinfo is None else moment.astimezone(VIETNAM)
    except OverflowError as exc:
        raise ValueError(f"{moment.isoformat()} is out of range in Vietnam time") from exc
    return aware.replace(microsecond=0).isoformat(timespec="seconds")


def match_date_line(line: str) -> re.Match[str] | None:
    """The date line's parts, when the whole line is a date line in any of the CMS family's forms."""
    if not line[:1].isalnum() or DIGIT.search(line, 0, 40) is None:  # most lines: no date here
        return None
    for pattern in DATE_LINES:
        match = pattern.match(line)
        if match:
            return match
    return None


def date_iso(match: re.Match[str]) -> str | None:
    """The date a match of these patterns names, in the record's form; None for an impossible date.

    A `GMT±H` beside the matched date gives the zone; without one the time is Vietnam time.
    """
    groups = match.groupdict()  # a day alone has no time groups: midnight
    hour, minute, second = (
        int(groups[name]) if groups.get(name) else 0 for name in ("hour", "minute", "second")
    )
    half = _HALF_OF_DAY.get((groups.get("half") or groups.get("buoi") or "").upper(), "")
    if half and hour <= 12:
        hour = hour % 12 + (12 if half == "P" else 0)
    zone = VIETNAM
    offset = _GMT_OFFSET.search(match.string, max(0, match.start() - _GMT_REACH), match.end() + _GMT_REACH)
    try:
        if offset:
            hours, minutes = (
                (offset["hh"], offset["mm"]) if offset["hh"] else (offset["h"] or 0, offset["mi"])
            )
            delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
            if delta < timedelta(hours=24):  # "GMT+25" names no zone
                zone = timezone(delta if offset["sign"] == "+" else -delta)
        year = int(match["year"]) + (CENTURY if len(match["year"]) == 2 else 0)
        named = match.groupdict().get("month_name")
        month = MONTH_NAMES[named.lower()] if named else int(match["month"])
        moment = datetime(year, month, int(match["day"]), hour, minute, second)
        return iso_vietnam(moment.replace(tzinfo=zone))
    except ValueError:  # no such day or hour, or out of range in Vietnam time
        return None


def parse_date_line(text: str) -> str | None:
    """The date in a date element's text ("16:43 | 09/08/2023 GMT+7 |", "09/08/2023 16:43"), or in a whole
    line that spells its month out, or None. In a line that gives the update time too, the one after the
    publication label ("Cập nhật: 08:00 25/06/2022 | Xuất bản: 14:30 24/06/2022"), else the one before
    the update label ("12/05/2025 10:20 | Cập nhật: 15/05/2025 08:00"). A time and a day are never taken
    from either side of a label."""
    spans = [(0, len(text))]
    if published := PUBLISHED_LABEL.search(text):
        spans.insert(0, (published.end(), len(text)))
    elif (updated := UPDATED_LABEL.search(text)) and updated.start() > 0:
        spans.insert(0, (0, updated.start()))
    for start, end in spans:
        for pattern in DATES_IN_TEXT:
            match = pattern.search(text, start, end)
            if match:
                return date_iso(match)
    for pattern in SPELLED_DATE_LINES:
        match = pattern.match(text.strip())
        if match:
            return date_iso(match)
    return None


def updates_only(text: str) -> bool:
    """A date line labelled as the update time ("Cập nhật: 09:30 | 24/01/2023") that gives no other time:
    beside a date line of its own, the publication time is that other one (alone, it may give it)."""
    return (
        bool(UPDATED_LABEL.search(text))
        and parse_update_line(text) is None
        and not PUBLISHED_LABEL.search(text)
    )


def parse_update_line(text: str) -> str | None:
    """The update time of a line that gives the publication time too ("12/05/2025 10:20 | Cập nhật: 15/05/2025
    08:00", "Cập nhật: 15:45 12/05/2025 | Đăng: 10:20 12/05/2025"): the date after the update label, up to a
    publication label; None for a line with one date, whatever its label (a date line may open with
    "Cập nhật:" for the publication time)."""
    updated = UPDATED_LABEL.search(text)
    if updated is None:
        return None
    published = PUBLISHED_LABEL.search(text)
    if published is None and not DIGIT.search(text, 0, updated.start()):
        return None
    end = published.start() if published and published.start() > updated.end() else len(text)
    for pattern in DATES_IN_TEXT:
        match = pattern.search(text, updated.end(), end)
        if match:
            return date_iso(match)
    return None


# --- boxes around the article -----------------------------------------------------------------------
RELATED_MARKS = ("liên quan", "related")
"""Every related box title says one of these ("Tin bài liên quan", "Related news"): the HTML path looks for
headings by them."""
RELATED_NOUNS = ("tin", "bài", "tin bài", "bài viết", "tin tức", "thông tin")
"""What a related box's title says it lists, before "liên quan"."""
RELATED_BOX_TITLES = frozenset(
    {
        f"{many}{noun}{has}liên quan{other}"
        for many in ("", "các ", "những ")
        for noun in (f"{noun} " for noun in RELATED_NOUNS)
        for has in ("", "có ")
        for other in ("", " khác")
    }
    | {"có liên quan", "related news", "related articles", "related stories", "related posts", "related"}
)
"""Titles of the box of related articles after the article (as `marker_key`s), each noun with or without
"các"/"những", "có", "khác" ("Tin bài liên quan", "Các bài viết có liên quan", "Tin liên quan khác"): its
links are the record's `related_urls`, and in page text it ends the article."""
RELATED_LABELS = RELATED_BOX_TITLES | frozenset(
    {
        "xem thêm",
        "đọc thêm",
        "xem thêm tin",
        "mời bạn đọc xem thêm",
        "mời độc giả xem thêm",
        "mời quý độc giả xem thêm",
        "read more",
        "read also",
        "also read",
        "see also",
        "see more",
    }
)
"""What labels related links in the body, as a box's title or before each link (as `marker_key`s), on
the pages in Vietnamese and in English ("Xem thêm: …", "Read more: …")."""
CONTENTS_LABELS = frozenset({"mục lục", "nội dung chính", "nội dung bài viết", "table of contents"})
"""Titles of an article's table of contents (as `marker_key`s)."""

# --- pages that are not articles -------------------------------------------------------------------
NOT_FOUND = re.compile(
    r"\b(?:không tìm thấy|không tồn tại|đã bị xóa|đã bị xoá|page not found|not found|404|lỗi truy cập)\b",
    re.IGNORECASE,
)
"""What the site's error pages (served with HTTP 200) say in their title and headings."""
STANDS_IN = re.compile(
    r"^\W*(?:(?:hệ thống|website|trang web|trang)\s+)?(?:đang bảo trì|bảo trì hệ thống|under maintenance"
    r"|just a moment|attention required!?(?:\s*\|\s*cloudflare)?)\W*$",
    re.IGNORECASE,
)
"""The whole title or heading of a page that stands in for the article for a while: a maintenance notice
("Hệ thống đang bảo trì"), a bot check ("Just a moment..."). A headline that goes on ("Cầu Long Biên đang
bảo trì") is an article's."""
NOT_FOUND_TITLE_OTHER_WORDS = 3
"""An error page's heading is the message and a few words ("Không tìm thấy trang", "Lỗi 404"); a title
with more words beside it ("Quốc lộ 404 được nâng cấp") is an article's."""


def is_not_found_title(title: str) -> bool:
    """The title is an error page's message, or a stand-in's (`STANDS_IN`): the page holds no article."""
    if STANDS_IN.match(title):
        return True
    rest, found = NOT_FOUND.subn(" ", title)
    return found > 0 and len(rest.split()) <= NOT_FOUND_TITLE_OTHER_WORDS
