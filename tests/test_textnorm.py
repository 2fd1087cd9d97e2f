import unicodedata

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
