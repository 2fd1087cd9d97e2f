"""Writing one story's words: title, sapo and body blocks, from the real sentences and the section's patterns.

Every choice comes from the `random.Random` passed in, so a seed gives the same stories every time.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime

from friendship_crawler.replica.stories import BodyPart, ImageBlock, TextBlock, TextKind
from friendship_crawler.replica.vocab import (
    COUNTRIES,
    FAMILY_NAMES,
    FOREIGN_FRIENDS,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    PHOTO_CREDITS,
    PROVINCES,
    ROMAN,
    fold_ascii,
    headlines,
    sentences,
    slugify,
)

_TITLES = (
    "Hội hữu nghị Việt Nam - {c} tỉnh {p} kỷ niệm {n} năm thành lập",
    "Giao lưu hữu nghị Việt Nam - {c} tại {p}",
    "{p} tăng cường hợp tác nhân dân với các địa phương của {c}",
    "Đại sứ {c} thăm và làm việc với Liên hiệp hữu nghị tỉnh {p}",
    "Trao học bổng hữu nghị cho lưu học sinh {c} tại {p}",
    "Liên hiệp các tổ chức hữu nghị tỉnh {p} tổng kết công tác năm {y}",
    "Bạn bè {c} chung tay hỗ trợ người dân {p}",
    "{f}: người bạn thủy chung của nhân dân Việt Nam",
    "Thân gửi Việt Nam từ {c}: {f} và những kỷ niệm ở {p}",
    "Gặp mặt cựu chuyên gia {c} nhân kỷ niệm {n} năm quan hệ ngoại giao",
    "{p} phê duyệt chương trình nhân đạo do tổ chức phi chính phủ {c} tài trợ",
    "Ươm mầm hữu nghị: thanh niên {p} giao lưu với sinh viên {c}",
)
_EVENTS = (
    "gặp mặt hữu nghị", "tọa đàm về quan hệ hợp tác", "lễ trao học bổng", "chương trình giao lưu văn hóa",
    "hội nghị tổng kết công tác đối ngoại nhân dân", "lễ ký kết quy chế phối hợp", "buổi làm việc",
)  # fmt: skip
_ORGS = (
    "Liên hiệp các tổ chức hữu nghị tỉnh {p}", "Hội hữu nghị Việt Nam - {c} tỉnh {p}",
    "Liên hiệp hữu nghị tỉnh {p}", "Ủy ban nhân dân tỉnh {p}",
)  # fmt: skip
_ROLES = (
    "Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh {p}", "Phó Chủ tịch UBND tỉnh {p}",
    "Tổng Thư ký Liên hiệp các tổ chức hữu nghị Việt Nam", "Chủ tịch Hội hữu nghị Việt Nam - {c} tỉnh {p}",
)  # fmt: skip
_CAPTIONS = (
    "{who}, {role} phát biểu tại {e}.",
    "Các đại biểu chụp ảnh lưu niệm tại {e}.",
    "{who} trao quà cho đại diện bạn bè {c}.",
    "Quang cảnh {e} tại {p}.",
)
_ON_TOPIC = re.compile(r"hữu nghị|Việt Nam|đối ngoại|Đại sứ|quốc tế|Hội|Liên hiệp|hòa bình", re.IGNORECASE)
_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@dataclass(frozen=True)
class Words:
    """The slots one story's words are filled from, so title, sapo, body and captions agree."""

    province: str
    country: str
    person: str
    friend: str
    event: str
    org: str
    role: str


class StoryWriter:
    """Writes titles, sapos and bodies; one instance per corpus, fed by the corpus's seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._titles_used: set[str] = set()
        self._headlines = [h for h in headlines() if _ON_TOPIC.search(h)]
        rng.shuffle(self._headlines)

    def words(self) -> Words:
        rng = self.rng
        p, c = rng.choice(PROVINCES), rng.choice(COUNTRIES)
        return Words(
            province=p,
            country=c,
            person=self.person(),
            friend=rng.choice(FOREIGN_FRIENDS),
            event=rng.choice(_EVENTS),
            org=rng.choice(_ORGS).format(p=p, c=c),
            role=rng.choice(_ROLES).format(p=p, c=c),
        )

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"

    def title(self, words: Words, year: int) -> str:
        """A headline no other story of the corpus has."""
        for attempt in range(40):
            if self._headlines and self.rng.random() < 0.25:
                title = self._headlines.pop()
            else:
                title = self.rng.choice(_TITLES).format(
                    p=words.province, c=words.country, f=words.friend, y=year - 1, n=self.rng.randint(5, 75)
                )
            if attempt > 30:
                title = f"{title} ({self.rng.randint(2, 99999)})"
            if title not in self._titles_used:
                self._titles_used.add(title)
                return title
        raise RuntimeError("could not find an unused title")

    def reserve_title(self, title: str) -> str:
        self._titles_used.add(title)
        return title

    def sapo(self, words: Words, published: datetime, dateline: bool) -> str:
        lead = (
            f"Ngày {published.day}/{published.month}, tại {words.province}, {words.org} "
            f"đã tổ chức {words.event} với sự tham dự của đông đảo bạn bè {words.country}."
        )
        if self.rng.random() < 0.2:
            lead = f"{lead} {self.rng.choice(sentences())}"
        return f"TĐO - {lead}" if dateline else lead

    def paragraph(self, count: int | None = None) -> str:
        return " ".join(self.rng.sample(sentences(), count or self.rng.randint(1, 3)))

    def body(self, words: Words, title: str, published: datetime, slug: str) -> list[BodyPart]:
        """Opening, pool paragraphs, maybe a subheading, a list or a quote, and 0-3 images."""
        rng = self.rng
        parts: list[BodyPart] = [
            TextBlock(
                "p",
                f"Phát biểu tại {words.event}, ông {words.person}, {words.role} cho biết, thời gian qua "
                f"quan hệ hữu nghị giữa nhân dân {words.province} và nhân dân {words.country} không ngừng "
                "được củng cố và phát triển.",
            )
        ]
        parts += [TextBlock("p", self.paragraph()) for _ in range(rng.randint(3, 7))]
        if rng.random() < 0.4:
            kind: TextKind = rng.choice(("h2", "h3", "strong"))
            spot = rng.randint(2, len(parts))
            heading = rng.choice([h for h in headlines() if h != title])
            parts[spot:spot] = [TextBlock(kind, heading), TextBlock("p", self.paragraph())]
        if rng.random() < 0.25:
            spot = rng.randint(1, len(parts))
            parts[spot:spot] = [TextBlock("li", s) for s in rng.sample(sentences(), rng.randint(2, 4))]
        if rng.random() < 0.2:
            spot = rng.randint(1, len(parts))
            parts.insert(spot, TextBlock("quote", f"“{rng.choice(sentences())}”"))
        seo_alt = rng.choice(headlines()) if published.year >= 2021 and rng.random() < 0.3 else None
        for number in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
            spot = rng.randint(1, len(parts))
            parts.insert(spot, self.image(words, title, published, slug, number, seo_alt))
        parts.append(
            TextBlock(
                "p",
                f"Nhân dịp này, {words.org} đã trao tặng {rng.randint(2, 40)} suất quà và "
                f"{rng.randint(2, 30)} suất học bổng cho đại diện bạn bè {words.country}.",
            )
        )
        return parts

    def image(
        self, words: Words, title: str, published: datetime, slug: str, number: int, seo_alt: str | None
    ) -> ImageBlock:
        rng = self.rng
        stamp = published.strftime("%Y%m%d%H%M%S")
        url = (
            f"https://tacnghiep.thoidai.com.vn/stores/news_dataimages/{published:%Y}/{published:%m%Y}/"
            f"{published:%d}/{published:%H}/{slug[:60].rstrip('-')}-{stamp}{number}.jpg"
        )
        caption: tuple[str, ...] = ()
        shape = rng.random()
        if shape > 0.15:
            line = rng.choice(_CAPTIONS).format(
                who=f"Ông {words.person}", role=words.role, e=words.event, c=words.country, p=words.province
            )
            credit = rng.choice(PHOTO_CREDITS)
            if shape > 0.6:
                caption = (line, f"(Ảnh: {credit}).")
            elif shape > 0.35:
                caption = (f"{line[:-1]} (Ảnh: {credit}).",)
            else:
                caption = (line,)
        alt = seo_alt if seo_alt is not None else fold_ascii(title)
        return ImageBlock(url=url, alt=alt, caption=caption, lazy=rng.random() < 0.85)

    def family_body(self, words: Words, term: tuple[int, int], congress: int) -> list[BodyPart]:
        """A provincial congress report: a look-alike family's shared skeleton, its own names and figures."""
        rng = self.rng
        p, (start, end) = words.province, term
        chair, guest = self.person(), self.person()
        members, projects = rng.randint(15, 45), rng.randint(8, 90)
        skeleton = [
            f"Đại hội đã bầu Ban Chấp hành Liên hiệp hữu nghị tỉnh {p} lần thứ {ROMAN[congress - 1]}, "
            f"nhiệm kỳ {start} – {end} gồm {members} ủy viên. Ông {chair} được bầu giữ chức Chủ tịch.",
            f"Phát biểu tại Đại hội, ông {guest}, Phó Chủ tịch UBND tỉnh {p} đánh giá cao những kết quả mà "
            f"Liên hiệp hữu nghị tỉnh {p} đạt được trong nhiệm kỳ {start - 5}-{start}.",
            f"Trong 5 năm qua, tỉnh {p} đã có {projects} dự án của các tổ chức phi chính phủ nước ngoài "
            "với tổng "
            f"số tiền giải ngân {rng.randint(2, 30)},{rng.randint(1, 9)} triệu USD.",
        ]
        parts: list[BodyPart] = [TextBlock("p", line) for line in skeleton]
        for _ in range(rng.randint(3, 5)):
            parts.insert(rng.randint(1, len(parts)), TextBlock("p", self.paragraph(2)))
        return parts


def gif_placeholder() -> str:
    """The 1x1 GIF the site puts in `src` of lazy images."""
    return _GIF


def family_title(province: str, congress: int, term: tuple[int, int]) -> str:
    return (
        f"Liên hiệp các tổ chức hữu nghị tỉnh {province}: Đại hội đại biểu lần thứ {ROMAN[congress - 1]}, "
        f"nhiệm kỳ {term[0]}-{term[1]}"
    )


def story_slug(title: str) -> str:
    return slugify(title)[:120].rstrip("-")
