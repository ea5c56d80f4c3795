"""`lang` is right on every element that holds the other language (issue 22): in each
edition's built pages, Japanese text sits only under lang="ja", and a run of English words only
under lang="en", so that screen readers and fonts switch with the text."""

import re
from html.parser import HTMLParser

JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
# English: two words or more, and more than a name's length (an acronym or 「ASEAN」 in Japanese
# text is part of the Japanese sentence)
ENGLISH = re.compile(r"[A-Za-z]{3,}(?:[\s\-][A-Za-z]{2,})+")
VOID = {"br", "img", "meta", "link", "input", "hr", "wbr", "col", "area", "base", "source"}
SKIP = {"script", "style", "code", "rt"}


class Languages(HTMLParser):
    """The article's text runs that are in another language than the element around them says."""

    def __init__(self, page_lang: str):
        super().__init__()
        self.langs, self.tags, self.skip, self.article, self.wrong = [page_lang], [], 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.article += tag == "article"
        self.skip += tag in SKIP
        self.tags.append(tag)
        self.langs.append(dict(attrs).get("lang") or self.langs[-1])

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.tags:
            t = self.tags.pop()
            self.langs.pop()
            self.skip -= t in SKIP
            self.article -= t == "article"
            if t == tag:
                break

    def handle_data(self, data):
        if not self.article or self.skip:
            return
        lang, text = self.langs[-1], data.strip()
        if lang == "en" and JAPANESE.search(text):
            self.wrong.append(f"Japanese under lang=en: {text[:40]}")
        if lang == "ja" and not JAPANESE.search(text) and ENGLISH.search(text) and len(text) > 15:
            self.wrong.append(f"English under lang=ja: {text[:40]}")


def wrong_languages(site, edition_root: str, lang: str) -> dict:
    out = {}
    for path in sorted((site / edition_root).rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if edition_root == "" and rel.startswith("en/"):
            continue
        parser = Languages(lang)
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.wrong:
            out[rel] = parser.wrong[:3]
    return out


def test_the_other_language_is_marked_on_every_page(built):
    site = built["site"]
    assert wrong_languages(site, "", "ja") == {}
    assert wrong_languages(site, "en", "en") == {}


def test_the_check_sees_a_missing_lang():
    parser = Languages("ja")
    parser.feed(
        '<article><p>日本語の段落。</p><p class="hk-cp">The same paragraph in English.</p>'
        '<p lang="en">Marked English text here.</p></article>'
    )
    assert parser.wrong == ["English under lang=ja: The same paragraph in English."]
    parser = Languages("en")
    parser.feed('<article><p>English.</p><td>オーストラリア</td><span lang="ja">豪州</span></article>')
    assert parser.wrong == ["Japanese under lang=en: オーストラリア"]
