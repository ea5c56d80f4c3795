"""Rules inside a line or paragraph, each on small hand-made text."""

from builder.escape import to_markdown
from builder.rules_inline import footnote_markers as fm
from builder.rules_inline.crossref import split_entries
from builder.rules_inline.justification import remove_justification
from builder.text import abbr, fnref, join_lines, plain, ruby, width


def test_justification_spaces_between_japanese_are_removed():
    assert (
        remove_justification("同 年7月 に は 東 京 で、12月 に は ラ オ ス で") == "同年7月には東京で、12月にはラオスで"
    )
    assert remove_justification("CRC） お よ び 国 連") == "CRC）および国連"


def test_a_single_space_is_a_real_one():
    assert remove_justification("ハーグルンド フィンランド国防大臣") == "ハーグルンド フィンランド国防大臣"
    assert remove_justification("TGEX KOA KAI EAST に は で") == "TGEX KOA KAI EAST にはで"


def test_latin_words_keep_their_space_when_lines_join():
    assert join_lines(["シャングリラ会合（Shangri-La ", "Dialogue）と"]) == "シャングリラ会合（Shangri-La Dialogue）と"
    assert join_lines(["Confidence Building", "Measures"]) == "Confidence Building Measures"
    assert join_lines(["同盟国や", "安全保障"]) == "同盟国や安全保障"


ERAS = {"昭和": 1925, "平成": 1988, "令和": 2018}


def test_width_counts_half_width_as_half():
    assert width("ASEAN諸国") == 4.5
    assert width(abbr("ARF", "ASEAN Regional Forum")) == 1.5


def test_footnote_marker_found_by_number_not_by_quantity():
    text = "14（同26）年3月、ASEAN域外国8か国2を加えた"
    assert fm.find_marker(text, 2, ERAS) == (text.index("2を"), text.index("2を") + 1)
    assert fm.find_marker("今後3年間の議長国", 3, ERAS) is None
    assert fm.find_marker("第1回会議", 1, ERAS) is None
    assert fm.find_marker("人員約10名を", 10, ERAS) is None


def test_footnote_marker_after_an_acronym():
    text = "政府として" + abbr("G7", "Group of Seven") + "14の連帯"
    a, b = fm.find_marker(text, 14, ERAS)
    assert text[a:b] == "14"
    assert plain(fm.place(text, (a, b), 14)) == "政府としてG7の連帯"


def test_footnote_marker_not_inside_markup():
    text = "会合（" + abbr("ISM", "Inter-Sessional Meeting 4") + "）が開催4されて"
    a, _ = fm.find_marker(text, 4, ERAS)
    assert text[a + 1 : a + 3] == "され"


def test_orphan_marker_reads_like_a_note():
    assert fm.find_orphan_marker("北大西洋理事会17では演説", 17) is not None
    assert fm.find_orphan_marker("17か国が参加", 17) is None


def test_crossref_entries_nest_brackets():
    import re

    entry = re.compile(r"(?P<label>資料(?P<doc>\d+)|図表(?P<fig>Ⅲ-\d+-\d+-\d+)|(?P<part>Ⅲ部\d+章\d+節\d+項))")
    got = split_entries("資料54（多国間（アジア・最近5年間））、資料55（留学生）", entry)
    assert [(e["label"], e["title"]) for e in got] == [("資料54", "多国間（アジア・最近5年間）"), ("資料55", "留学生")]
    fig = split_entries("図表Ⅲ-3-1-6（能力構築支援事業の活動状況）", entry)
    assert fig[0]["target"] == ("figure", "Ⅲ-3-1-6")
    assert split_entries("資料54（閉じない", entry) is None


def test_markdown_rendering_escapes_input():
    md = to_markdown("<script>alert(1)</script> *x* [a](b) " + abbr("A&B", 'say "hi"') + fnref(3) + ruby("深", "しん"))
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert r"\*x\*" in md and r"\[a\]" in md
    assert '<abbr title="say &quot;hi&quot;">A&amp;B</abbr>' in md
    assert "[^3]" in md and '<ruby>深<rt data-search-exclude="rt">しん</rt></ruby>' in md
