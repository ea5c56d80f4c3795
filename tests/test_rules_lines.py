"""Furniture, acronym, ruby, heading and footnote rules on small hand-made chapters."""

from builder.blocks.model import Box, Caption, Heading, Paragraph
from builder.text import ABBR_RE, RUBY_RE, plain


def paragraphs(result):
    ch = result.chapter
    out = [p for p in ch.intro if isinstance(p, Paragraph)]
    for item in ch.items():
        out += list(item.paragraphs())
    return out


BODY = ["第1節\u3000節の題", "\t1\t 項の題", ""]


def test_page_furniture_is_dropped_and_the_sentence_joins(small):
    r = small(
        BODY
        + [
            "これは段落のはじめで、ページの終わりをまたい",
            "",
            "第",
            "３",
            "章",
            "",
            "テ",
            "ス",
            "ト",
            "",
            "285 平成27年版 防衛白書",
            "",
            "第Ⅲ部 テスト",
            "",
            "でつづく文である。",
        ]
    )
    [p] = paragraphs(r)
    assert p.text == "これは段落のはじめで、ページの終わりをまたいでつづく文である。"
    cats = r.ledger.counts()
    assert cats["furniture"] == 8  # 6 title characters, a page foot, a running head
    assert "285" in [e.page for e in r.ledger.entries.values()]


def test_page_start_space_and_glyph(small):
    r = small(BODY + ["段落のはじめで、ページをまたいで、次のページ", "", " につづいている。", "\t2\t \ufffd次の項"])
    assert [p.text for p in paragraphs(r)] == ["段落のはじめで、ページをまたいで、次のページにつづいている。"]
    assert [i.title for i in r.chapter.items()] == ["項の題", "次の項"]
    assert r.ledger.chars["page-start space"] == 1 and r.ledger.chars["U+FFFD glyph"] == 1


def test_split_acronym_is_joined_with_its_english_name(small):
    r = small(
        BODY
        + [
            "地域フォーラム（A",
            "ASEAN Regional Forum",
            "",
            "RF）や、災害救援実動演習（ARF-D",
            "",
            "Disaster Relief Exercise",
            "iREx）を行う。",
        ]
    )
    [p] = paragraphs(r)
    assert plain(p.text) == "地域フォーラム（ARF）や、災害救援実動演習（ARF-DiREx）を行う。"
    assert [(m.group(1), m.group(2)) for m in ABBR_RE.finditer(p.text)] == [
        ("ARF", "ASEAN Regional Forum"),
        ("DiREx", "Disaster Relief Exercise"),
    ]


def test_acronym_with_a_digit_then_a_footnote_marker(small):
    r = small(BODY + ["政府としてG", "", "Group of Seven", "71の連帯を重視する。", "", "1\t わが国のほか、米国、英国"])
    [p] = paragraphs(r)
    assert plain(p.text) == "政府としてG7の連帯を重視する。"
    assert [(m.group(1), m.group(2)) for m in ABBR_RE.finditer(p.text)] == [("G7", "Group of Seven")]
    assert "G7\ue001Group of Seven\ue002\ue0061\ue007の" in p.text
    assert [n.num for n in r.chapter.sections[0].items[0].footnotes] == [1]


def test_ruby_readings_become_ruby(small):
    r = small(BODY + ["駆逐艦「深", "", "しん", "", "圳", "せん", "", "」が訪日した。"])
    [p] = paragraphs(r)
    assert plain(p.text) == "駆逐艦「深圳」が訪日した。"
    assert [(m.group(1), m.group(2)) for m in RUBY_RE.finditer(p.text)] == [("深", "しん"), ("圳", "せん")]


def test_name_ruby_needs_a_hint_for_its_extent(small):
    raw = BODY + ["国防次官の白", "", "ペク・スンジュ", "", "承周次官と会談した。"]
    hint = "- kind: ruby_base\n  quote: 白承周\n  reading: ペク・スンジュ\n  reason: test\n"
    r = small(raw, hints=hint)
    [p] = paragraphs(r)
    assert [(m.group(1), m.group(2)) for m in RUBY_RE.finditer(p.text)] == [("白承周", "ペク・スンジュ")]
    assert plain(p.text) == "国防次官の白承周次官と会談した。"


def test_numbered_headings_told_apart_by_numbering(small):
    r = small(
        [
            "第1節\u3000節",
            "\t1\t 項一",
            "",
            "本文。",
            "",
            "\t1\t 小項目一",
            "",
            "本文。",
            "",
            "\t2\t 小項目二",
            "",
            "本文。",
            "",
            "\t2\t 項二",
            "",
            "本文。",
            "",
            "\t1\t 項二の小項目",
            "",
            "本文。",
        ]
    )
    items = list(r.chapter.items())
    assert [(i.num, i.title) for i in items] == [(1, "項一"), (2, "項二")]
    assert [(b.num, b.level) for b in items[0].blocks if isinstance(b, Heading)] == [("1", "sub"), ("2", "sub")]


def test_heading_with_hanging_indent_wraps(small):
    r = small(
        [
            "第1節\u3000節",
            "\t1\t 項",
            "\t1\t \ufffd拡大ASEAN国防相会議（ADMMプラス）",
            "のもとでの取組",
            "",
            "本文である。",
        ]
    )
    [h] = [b for b in r.chapter.sections[0].items[0].blocks if isinstance(b, Heading)]
    assert h.title == "拡大ASEAN国防相会議（ADMMプラス）のもとでの取組"


def test_footnote_runs_on_after_a_blank_when_its_line_is_full(small):
    long = "あ" * 60
    r = small(BODY + ["本文の語1を含む。", "", f"1\t {long}の", "", "つづき", "", "写真の説明文"])
    [note] = r.chapter.sections[0].items[0].footnotes
    assert note.text == long + "のつづき"
    captions = [b for b in r.chapter.sections[0].items[0].blocks if isinstance(b, Caption)]
    assert [c.text for c in captions] == ["写真の説明文"]


def test_box_title_after_its_text(small):
    wide = "い" * 40
    r = small(
        BODY + ["段落である。", "", f"{wide}。{wide}", "短い行で終わる。", "", "解 説 箱の題", "", "箱の写真の説明"]
    )
    [box] = [b for b in r.chapter.sections[0].items[0].blocks if isinstance(b, Box)]
    assert (box.kind, box.title) == ("解説", "箱の題")
    assert [p.text for p in box.paragraphs] == [f"{wide}。{wide}短い行で終わる。"]


def test_cut_off_paragraph_is_marked(small):
    r = small(BODY + ["この章の原文テキストの最後の文は、途中で切", "れている"])
    [p] = paragraphs(r)
    assert p.cut_off and p.text == "この章の原文テキストの最後の文は、途中で切れている"


def test_a_caption_goes_to_the_sub_item_that_names_its_subject(small):
    """The page broke in （3）ミャンマー, so print gives the caption there; it names フィリピン."""
    r = small(
        BODY
        + [
            "（1）タイ",
            "タイとの間では、陸幕長がタイを訪問し、陸軍司令官と会談した。",
            "",
            "（2）フィリピン",
            "フィリピンとの間では、海幕長がフィリピンを訪問し、フィリピン海軍司令官と会談した。",
            "",
            "（3）ミャンマー",
            "ミャンマーとの間では、防衛当局間の協議を行った。",
            # the page ends here: its margin holds a see-also box and the photo's caption
            "参 照",
            "資料1（ある資料）",
            "フィリピン海軍司令官と会談する海幕長",
            "",
            " （4）その他",
            "そのほかの国とも交流した。",
        ]
    )
    [item] = r.chapter.items()
    where = None
    for b in item.blocks:
        if isinstance(b, Heading):
            where = b.title
        if isinstance(b, Caption):
            assert (b.text, where) == ("フィリピン海軍司令官と会談する海幕長", "フィリピン")
