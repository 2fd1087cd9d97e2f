import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from friendship_crawler.items import Article, content_hash
from friendship_crawler.textnorm import normalize_line, normalize_text

TEXT = "Liên hiệp Hữu nghị tỉnh Bắc Giang: “Chủ động, linh hoạt”\nĐổi mới – phát triển"


def test_nfd_and_nfc_give_the_same_text_and_hash() -> None:
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decomposed != TEXT
    assert normalize_text(decomposed) == normalize_text(TEXT) == TEXT
    assert content_hash(decomposed) == content_hash(TEXT)


def test_invisible_and_non_breaking_spaces() -> None:
    assert normalize_line("\ufeffHữu\u200b nghị\u00a0\u00a0 Việt\u2009Nam ") == "Hữu nghị Việt Nam"


def test_quotes_and_dashes_are_kept_and_blank_lines_dropped() -> None:
    assert normalize_text("“a” – b\r\n\r\n\n  \n‘c’ — d") == "“a” – b\n‘c’ — d"


def test_article_hash_follows_its_text() -> None:
    article = Article(url="https://thoidai.com.vn/a-1234.html", article_id=1234, title="A", text=TEXT)
    assert article.content_hash == content_hash(TEXT)


def _rewrite(line: str) -> str:
    """The normalisation without the fast path: what `normalize_line` must always equal. Invisible and
    control characters go first, so that one between a letter and its mark does not keep them apart."""
    line = re.sub(
        "[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]", "", line
    )
    line = unicodedata.normalize("NFC", line)
    spaces = r"[ \t\n\r\x0b\x0c\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
    return re.sub(spaces, " ", line).strip()


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("aă\u0301 \t\u00a0\u200b\u00ad\u3000\nĐđ́x\x01\x85\u2028\ufffe")),
        max_size=30,
    )
)
def test_fast_path_equals_the_full_rewrite(line: str) -> None:
    assert normalize_line(line) == _rewrite(line)
