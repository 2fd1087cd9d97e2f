"""Scaling: how the time to read one page grows with the page, on shapes that once grew with its square.

A page of thousands of paragraphs in a template nobody knows (the generic layer places the text's holder
line by line), and a page whose related box or sidebar holds thousands of teasers with titled classes (the
class walk hands libxml2 thousands of elements to merge). Each shape is timed at sizes that double, ours
and trafilatura (text only) side by side on the same pages, and the growth per doubling is printed as an
exponent: 1.0 is linear, 2.0 the square.

python -m bench.scaling               # sizes 1000, 2000, 4000, 8000
python -m bench.scaling 2000 16000    # from 2000 to 16000
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Sequence

from bench.pages import Expected, Page
from bench.quality import run_system
from bench.systems import System, ours, trafilatura_text

HOST = "https://thoidai.com.vn"
TITLE = "Trao học bổng hữu nghị cho lưu học sinh Chile tại Lào Cai"
URL = f"{HOST}/trao-hoc-bong-huu-nghi-cho-luu-hoc-sinh-chile-tai-lao-cai-121412.html"
PHRASE = (
    "hữu nghị nhân dân hợp tác giao lưu văn hóa tỉnh bạn bè quốc tế đoàn đại biểu học bổng sinh viên "
    "truyền thống phát triển quan hệ hai nước tổ chức chương trình kỷ niệm năm thành lập hội"
)
WORDS = PHRASE.split()


def sentence(number: int, words: int = 24) -> str:
    """A Vietnamese sentence of `words` words, the same for the same number."""
    chosen = [WORDS[(number * 7 + k * 13) % len(WORDS)] for k in range(words)]
    return f"{' '.join(chosen).capitalize()} số {number}."


def teaser(number: int) -> str:
    """A teaser of another article with a titled class, as related boxes and rails set them."""
    href = f"{HOST}/bai-viet-so-{number}-{200000 + number}.html"
    return (
        f"<div class='box-item'><a href='{href}'><img src='/stores/{number}.jpg'></a>"
        f"<h3 class='box-item-title'><a href='{href}'>{sentence(number, 10)}</a></h3></div>"
    )


def article(body: str, *, after: str = "", aside: str = "") -> str:
    """An article page of the site's current template around `body`."""
    return (
        f"<html lang='vi'><head><meta charset='utf-8'><title>{TITLE}</title>"
        f"<link rel='canonical' href='{URL}'></head><body>"
        f"<h1 class='article-detail-title'>{TITLE}</h1>"
        "<span class='article-detail-date'>07:07 | 05/01/2021 GMT+7 |</span>"
        f"<div class='__MASTERCMS_CONTENT'>{body}</div>{after}"
        f"<div class='sidebar'>{aside}</div></body></html>"
    )


def paragraphs(count: int) -> str:
    return "".join(f"<p>{sentence(number)}</p>" for number in range(count))


SHAPES: dict[str, Callable[[int], str]] = {
    "unknown template, N paragraphs": lambda n: (
        f"<html lang='vi'><head><title>{TITLE}</title></head><body><div class='main'><h1>{TITLE}</h1>"
        f"<div>07:07 | 05/01/2021</div><div class='text'>{paragraphs(n)}</div></div></body></html>"
    ),
    "related box of N teasers": lambda n: article(
        paragraphs(8),
        after="<div class='box-related'><h3 class='box-title'>Tin bài liên quan</h3>"
        + "".join(map(teaser, range(n)))
        + "</div>",
    ),
    "sidebar of N teasers": lambda n: article(
        paragraphs(8),
        aside="<div class='side-box'><h3 class='box-title'>Bờ cõi biển đảo</h3>"
        + "".join(map(teaser, range(n)))
        + "</div>",
    ),
}


def best_ms(system: System, page: Page, repeats: int) -> float:
    """The fastest of `repeats` runs, in milliseconds: the machine's noise only ever adds time."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run_system(system, page)
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def growth(times: Sequence[float]) -> str:
    """The exponent of each doubling: log2 of the ratio of successive times."""
    return " ".join(f"{math.log2(b / a):.2f}" for a, b in zip(times, times[1:], strict=False) if a > 0)


def main(argv: Sequence[str] = ()) -> int:
    low, high = (int(argv[0]), int(argv[1])) if len(argv) == 2 else (1000, 8000)
    sizes = [low]
    while sizes[-1] * 2 <= high:
        sizes.append(sizes[-1] * 2)
    systems = [ours(), trafilatura_text()]
    empty = Expected("", None, None)
    for shape, build in SHAPES.items():
        sys.stdout.write(f"{shape}\n")
        times: dict[str, list[float]] = {system.name: [] for system in systems}
        for size in sizes:
            page = Page(f"{shape} {size}", "scaling", URL, build(size), empty)
            for system in systems:
                times[system.name].append(best_ms(system, page, 1 if size >= 4000 else 3))
        for name, measured in times.items():
            figures = "  ".join(f"N={size}: {ms:8.1f} ms" for size, ms in zip(sizes, measured, strict=True))
            sys.stdout.write(f"  {name:<24} {figures}  growth per doubling {growth(measured)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
