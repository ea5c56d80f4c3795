"""The real chapter: expectations written from reading the raw text
(content/dwp2015-part3-ch3/dwp2015-part3-ch3.raw.txt), not from our output.
What every chapter has (its outline, its notes' places, its captions, its
figures) is data, in tests/chapters/dwp2015-part3-ch3.yaml (test_chapters.py);
here is what is particular to this one."""

import itertools
import re

from builder.blocks.model import Box, Caption, CrossRef, Heading, Paragraph
from builder.text import ABBR_RE, RUBY_RE, is_wide, plain


def test_intro_is_the_two_paragraphs_before_section_1(chapter):
    paras = [b for b in chapter.intro if isinstance(b, Paragraph)]
    assert len(paras) == 2
    assert paras[0].text.startswith("今日の国際社会においては")
    assert paras[1].text == (
        "こうした状況を踏まえ、防衛大綱において、同盟国や安全保障上の利益を共有する関係国などと"
        "平素からの協力を推進しつつ、地域紛争、国際テロの拡大・拡散、破綻国家、大量破壊兵器などの"
        "拡散をはじめとするグローバルな安全保障上の課題などに対応するため、能力構築支援、"
        "軍備管理・軍縮・不拡散などに関する各種取組を継続・強化することとしている。"
    )


def test_footnotes_are_whole_and_on_the_citing_page(chapter):
    # where each note's marker is: tests/chapters/dwp2015-part3-ch3.yaml
    notes = {(s.num, n.num): (item.num, n.text) for s in chapter.sections for item in s.items for n in item.footnotes}
    assert len(notes) == 17
    assert notes[(1, 13)][1] == "脚注8参照"
    # note 10 runs on after a blank line; note 15 runs on after a blank line
    assert notes[(1, 10)][1].endswith("また、防衛省職員の豪国防省への派遣期間は約3か月間を予定")
    assert notes[(1, 15)][1].endswith("（5）未来を担う若い世代の交流をさらに活発に行い、相互理解を促進する。")
    assert "自由で開かれた海洋" in notes[(1, 15)][1]
    assert notes[(1, 5)][1].endswith("シャングリラ会合（Shangri-La Dialogue）と通称される。")
    assert notes[(2, 1)][1].endswith("決議第2184号（14（同26）年採択）がある。")


SPLIT_ACRONYMS = {
    ("ARF", "ASEAN Regional Forum"),
    ("ADMM", "ASEAN Defence Ministers’ Meeting"),
    ("ADSOM", "ASEAN Defence Senior Officials’ Meeting"),
    ("EWG", "Experts’ Working Group"),
    ("ISM-MS", "Inter-Sessional Meeting on Maritime Security"),
    ("DiREx", "Disaster Relief Exercise"),
    ("EU", "European Union"),
    ("ICRC", "International Committee of the Red Cross"),
    ("UNOCHA", "United Nations Office for the Coordination of Humanitarian Affairs"),
    ("IISS", "The International Institute for Strategic Studies"),
    ("CHOD", "Chief of Defense"),
    ("CAEX", "Chief of Army’s Exercise"),
    ("WPNS", "Western Pacific Naval Symposium"),
    ("PACS", "Pacific Air Chiefs Symposium"),
    ("ACDJ", "Air Chiefs' Dialogue in Japan"),
    ("ACDJ", "Air Chief’s Dialogue in Japan"),
    ("NGO", "Non–Governmental Organization"),
    ("PP", "Pacific Partnership"),
    ("NEO", "Non-combatant Evacuation Operation"),
    ("GPOI", "Global Peace Operations Initiative"),
    ("MCAP", "Multinational Cooperation program in the Asia Pacific"),
    ("ACSA", "Acquisition and Cross-Servicing Agreement"),
    ("UNMISS", "United Nations Mission in the Republic of South Sudan"),
    ("PKO", "UN Peacekeeping Operations"),
    ("SDCF", "Security and Defense Cooperation Forum"),
    ("SDD", "Seoul Defense Dialogue"),
    ("JWG", "Joint Working Group"),
    ("G7", "Group of Seven"),
    ("ISIL", "Islamic State of Iraq and the Levant"),
    ("NATO", "North Atlantic Treaty Organization"),
    ("NSC", "National Security Council"),
}


def all_text(chapter):
    for s in chapter.sections:
        for item in s.items:
            for b in item.blocks:
                if isinstance(b, Heading):
                    yield b.title
            for p in item.paragraphs():
                yield p.text


def test_split_acronyms_read_as_acronyms_with_their_english_names(chapter, real):
    got = {(m.group(1), m.group(2)) for t in all_text(chapter) for m in ABBR_RE.finditer(t)}
    assert got == SPLIT_ACRONYMS
    # the English name lines of the raw text are all used, none left in the text
    english = [r.text for r in real.raw_lines if re.fullmatch(r"[A-Z][A-Za-z’'\-– ]+ [A-Za-z’'\-– ]+", r.text)]
    assert len(english) == len(SPLIT_ACRONYMS) == 31  # ACDJ is spelled out twice, differently
    assert not any(e in plain(t) for t in all_text(chapter) for e in english)


def test_ruby(chapter):
    got = [(m.group(1), m.group(2)) for t in all_text(chapter) for m in RUBY_RE.finditer(t)]
    assert got == [
        ("白承周", "ペク・スンジュ"),
        ("韓民求", "ハン・ミング"),
        ("深", "しん"),
        ("圳", "せん"),
        ("鄭", "てい"),
        ("和", "わ"),
    ]
    assert any("中国海軍駆逐艦「深圳」、同練習艦「鄭和」が訪日する" in plain(t) for t in all_text(chapter))


def test_no_furniture_leaks_into_text(chapter):
    for t in all_text(chapter):
        p = plain(t)
        for leak in ("参 照", "参照", "\ufffd", "平成27年版 防衛白書", "日本の防衛", "第Ⅲ部", "第1節各国"):
            assert leak not in p, (leak, p[:40])
        assert not re.search(r"安全保障協力の積極的な推進", p)


def test_no_justification_space_left_between_japanese(chapter):
    """Every space between Japanese characters the site shows, in the text, its notes, its
    captions and its boxes' titles: a justification space is gone, and the text layer's space
    for a lost character is shown as missing (「右：齊〓空幕長」)."""
    texts = list(all_text(chapter))
    for item in chapter.items():
        texts += [n.text for n in item.footnotes]
        texts += [b.text for b in item.blocks if isinstance(b, Caption)]
        texts += [b.title for b in item.blocks if isinstance(b, Box)]
    spaces = []
    for t in texts:
        p = plain(t)
        spaces += [
            p[i - 6 : i + 7]
            for i, c in enumerate(p)
            if c == " " and 0 < i < len(p) - 1 and is_wide(p[i - 1]) and is_wide(p[i + 1])
        ]
    # the two real spaces between a name and a title, as printed: each line fills its 22-em column
    # with at most half an em left at the space, no room for a lost character (FIELD-GUIDE.md)
    assert spaces == ["ハーグルンド フィンランド", "は、モレネス スペイン国防"]
    assert sum(t.count("〓") for t in texts) == 1 and any("右：齊〓空幕長）" in t for t in texts)


def test_only_the_last_paragraph_ends_mid_sentence(chapter):
    open_paragraphs = []
    for s in chapter.sections:
        for item in s.items:
            for b in item.blocks:
                if isinstance(b, Paragraph) and not plain(b.text).endswith(("。", "。」", "。）")):
                    open_paragraphs.append((b.cut_off, plain(b.text)[-12:]))
    assert open_paragraphs == [(True, "に軍艦および軍用機の派遣")]


def test_boxes(chapter):
    boxes = [b for item in chapter.items() for b in item.blocks if isinstance(b, Box)]
    assert [(b.kind, b.title) for b in boxes] == [
        ("解説", "空自創設60周年記念空軍参謀長等招へい行事について"),
        ("VOICE", "防衛省職員としての抱負"),
    ]
    kaisetsu, voice = boxes
    assert plain(kaisetsu.paragraphs[0].text).startswith("14（平成26）年10月、空自は創設60周年記念行事の一環として")
    assert kaisetsu.paragraphs[-1].text.endswith("防衛協力・交流を継続していくことが重要である。")
    assert voice.paragraphs[0].text == "防衛政策局国際政策課\u3000タラ・ボイド（Tara Boyd）"
    assert voice.paragraphs[-1].text.endswith(
        "この地域における日本の能力構築支援事業に携われることを楽しみにしています。"
    )
    # the column narrows beside the photo: 「…思っています。」 (29 of 42) ends the first
    # paragraph, and the narrow column's first line (22 of 23, indented) starts the second,
    # which goes on past the blank line beside the photo: 「幸運なことに、…」 is full, no first line
    assert [plain(p.text)[:12] for p in voice.paragraphs[1:]] == [
        "オーストラリア国防省から",
        "私は防衛省での経験を非常",
    ]
    assert voice.paragraphs[1].text.endswith("両国が連携して努力していける機会を見つけていきたいと思っています。")
    assert "楽しんでおります。幸運なことに、中谷防衛大臣を始め" in voice.paragraphs[2].text
    # in the 解説 box, the line after 「…（ACDJ）を実施した。」 (full) is indented: a new paragraph
    starts = ["14（平成26）年10月", "空幕長は訪日した", "同行事最大の", "続いて、首相官邸", "このように、多数"]
    assert len(kaisetsu.paragraphs) == len(starts)
    assert all(plain(p.text).startswith(w) for p, w in zip(kaisetsu.paragraphs, starts))
    # the running text around the 解説 box joins up: 「PACSは、…開催されている。」 ends at the
    # column's edge, and the blank line after it is the box's; PACS's paragraph goes on after it
    item2 = chapter.sections[0].items[1]
    texts = [plain(p.text) for p in item2.blocks if isinstance(p, Paragraph)]
    assert (
        "理解を促進するとともに、安全保障上の関係を強化することを目的として隔年で開催されている。"
        "空自は、89（同01）年の第1回以来、13（同25）年の第13回を除き、継続的に参加しており、"
        "14（同26）年3月はワシントンD.C.などで開催され、空幕長が参加した。" in "".join(texts)
    )
    assert not any(t.startswith("空自は、89（同01）年") for t in texts)


def test_crossrefs(chapter):
    refs = [
        (e["label"], e["target"])
        for item in chapter.items()
        for b in item.blocks
        if isinstance(b, CrossRef)
        for e in b.entries
    ]
    labels = [r[0] for r in refs]
    assert labels.count("図表Ⅲ-3-1-6") == 5
    assert ("図表Ⅲ-3-2-1", ("figure", "Ⅲ-3-2-1")) in refs  # cited, but not in this raw text
    assert {label for label in labels if label.startswith("資料")} == {
        f"資料{n}" for n in (54, 55, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67)
    }
    assert labels.count("Ⅲ部2章4節2項") == 5 and "Ⅲ部1章1節4項" in labels


def test_visits_figure_is_data(chapter, real):
    fig = chapter.figures["Ⅲ-3-1-1"]
    kind, visits = fig.kind, fig.data
    assert kind == "visits"
    # every 平成年.月 date printed in the figure is one visit
    dates = [d for r in real.raw_lines if fig.nos[0] <= r.no <= fig.nos[-1] for d in re.findall(r"\d\d\.\d+", r.text)]
    assert len(visits) == len(dates) == 108

    def by(c, p):
        return [v["date"] for v in visits if v["country"] == c and v["post"] == p]

    assert by("オーストラリア", "陸幕長") == ["2014-09", "2014-09"]
    assert by("米国", "防衛審議官") == ["2014-08", "2014-09", "2014-11", "2015-03", "2015-04"]
    assert by("韓国", "防衛審議官") == ["2014-10", "2014-12", "2015-02"]
    assert by("中国", "海幕長") == ["2014-04"] and by("インドネシア", "政務官") == ["2014-04"]
    assert len({v["country"] for v in visits}) == 36
    assert all("2014-01" <= v["date"] <= "2015-05" for v in visits)


def test_capacity_building_figure_is_data(chapter):
    fig = chapter.figures["Ⅲ-3-1-6"]
    assert fig.kind == "capacity_building"
    data = fig.data
    projects = data["projects"]
    assert [p["no"] for p in projects] == list(range(1, 26))
    p1, p20 = projects[0], projects[19]
    assert (p1["start"], p1["end"], p1["recipient"], p1["people"]) == (
        "2012-12",
        "2013-03",
        "東ティモール",
        {"陸": 2, "内": 1, "民": 4},
    )
    assert p20["personnel"] == "海×1、内×2（海上保安官×1）"
    assert projects[3]["target"] == "カンボジア国家平和維持・地雷処理爆発性戦争残存物除去センター"
    # the map's number labels each cover projects of one country
    for label in data["map_labels"]["ranges"]:
        a, _, b = label.partition("～")
        nums = range(int(a), int(b or a) + 1)
        assert len({projects[n - 1]["recipient"] for n in nums}) == 1, label
    covered = sorted(
        n
        for label in data["map_labels"]["ranges"]
        for n in range(int(label.split("～")[0]), int(label.split("～")[-1]) + 1)
    )
    assert covered == list(range(1, 26))


def test_every_raw_line_is_accounted_for_and_lands_in_one_place(chapter, real):
    assert real.ledger.unaccounted(real.raw_lines) == []
    placed = {}
    blocks = list(chapter.intro) + [b for s in chapter.sections for b in s.intro]
    for item in chapter.items():
        blocks += item.blocks + item.footnotes + [item.heading]
    blocks += [s.heading for s in chapter.sections] + list(chapter.figures.values())
    for b in blocks:
        for no in b.nos:
            placed.setdefault(no, []).append(type(b).__name__)
    for no, category in ((no, e.category) for no, e in real.ledger.entries.items()):
        if category in ("blank", "furniture"):
            continue
        assert no in placed, (no, category)
    # a line is in one block; a box holds its paragraphs; one line held two captions
    assert all(len(v) == 1 or set(v) == {"Box", "Paragraph"} or v == ["Caption", "Caption"] for v in placed.values())
    assert sum(1 for r in real.raw_lines if r.text.strip()) == sum(
        1 for e in real.ledger.entries.values() if e.category != "blank"
    )


def test_dialogue_figure_is_a_table(chapter):
    fig = chapter.figures["Ⅲ-3-1-2"]
    kind, data = fig.kind, fig.data
    assert kind == "table" and data["columns"] == ["区分", "類型", "意義", "概要"]
    assert [(r["group"], "".join(r["label"]), len(r["points"])) for r in data["rows"]] == [
        ("二国間", "防衛首脳などハイレベルの交流", 2),
        ("二国間", "防衛当局者間の定期協議など", 2),
        ("二国間", "部隊間の交流", 2),
        ("二国間", "留学生の交換", 2),
        ("二国間", "研究交流", 1),
        ("多国間", "安全保障対話", 4),
        ("多国間", "共同訓練セミナーなど", 2),
    ]
    research = data["rows"][4]
    assert (
        research["meaning"]
        == "研究者の立場からの自由な意見交換を行い、相互理解を深めるとともに、防衛交流の維持・深化に寄与する。"
    )
    assert all(r["meaning"].endswith("。") for r in data["rows"])


def line_roles(real):
    """The chapter's body lines by what the builder made of them: (lines that run on
    to the next line of their paragraph, paragraphs' last lines followed at once by text)."""
    raw = {r.no: r.text for r in real.raw_lines}
    runs_on, ends = [], []
    for item in real.chapter.items():
        for p in (b for b in item.blocks if isinstance(b, Paragraph)):  # the body column (no boxes)
            nos = [n for n in p.nos if raw[n].strip()]
            runs_on += [
                a
                for a, b in itertools.pairwise(nos)
                if b == a + 1
                # an English name on a line of its own, a split acronym, a ruby reading: not body lines
                and len(raw[a].strip()) > 10
                and not re.search(r"[A-Za-z]{2,}[ ’'\-]+[A-Za-z]", raw[a])
            ]
            if raw[nos[-1]].rstrip().endswith("。") and raw.get(nos[-1] + 1, "").strip():
                ends.append(nos[-1])
    return raw, runs_on, ends


def test_line_widths_are_measured_as_the_page_set_them(real, layout):
    """Every body line that runs on to the next is full. Measured as print sets capitals
    and digits (layout.yaml's char_widths), 92 % of the chapter's 853 such lines come
    within 1 of the column's width; counted as half width, 87 % did, and
    「ADMMプラスの取組について意見交換を行った。」 (full, its paragraph running on)
    read as a paragraph's end."""
    raw, runs_on, _ = line_roles(real)
    body = layout.body_width
    within = [n for n in runs_on if abs(layout.width(raw[n]) - body) <= 1]
    assert len(runs_on) > 800 and len(within) / len(runs_on) >= 0.92
    line = next(n for n, t in raw.items() if t == "ADMMプラスの取組について意見交換を行った。")
    assert line in runs_on and layout.width(raw[line]) == body


def test_a_paragraph_ends_on_a_full_line_only_before_a_heading_or_by_a_hint(real, layout, chapter):
    """Checked on every paragraph of the chapter: where a sentence ends at the column's
    edge and text follows on the next line, only a heading or a hint ends the paragraph."""
    raw, _, ends = line_roles(real)
    body = layout.body_width
    hinted = [h.quote for h in chapter.config.hints_of("paragraph_break")]
    headings = [layout.re(k) for k in ("section_heading", "numbered_heading", "paren_heading", "kana_heading")]
    full = [n for n in ends if layout.width(raw[n]) > body - 1]
    assert full, "the chapter has such paragraph ends"
    for n in full:
        following = raw[n + 1].lstrip(" ").replace("\ufffd", "")
        assert any(h.match(following) for h in headings) or any(raw[n].rstrip().endswith(q) for q in hinted), (
            n,
            raw[n],
        )


def test_projects_map_key_pairs_each_country_with_its_own_numbers(chapter):
    """The map's key prints 7 names, then 8 number ranges in another order (モンゴル
    first, 19～21 first): read as pairs, モンゴル got Indonesia's projects. The key
    pairs them through the projects' recipients."""
    fig = chapter.figures["Ⅲ-3-1-6"]
    key = {k["country"]: k["labels"] for k in fig.data["map_key"]}
    assert list(key) == fig.data["map_labels"]["countries"]  # the map's own order
    assert key["インドネシア"] == ["19～21"] and "7" in key["モンゴル"]
    projects = fig.data["projects"]
    for country, labels in key.items():
        for label in labels:
            a, _, b = label.partition("～")
            assert {projects[n - 1]["recipient"] for n in range(int(a), int(b or a) + 1)} == {country}
    assert sorted(label for ls in key.values() for label in ls) == sorted(fig.data["map_labels"]["ranges"])


def test_stages_figure_is_a_table_of_stages_and_their_examples(chapter):
    """Fig. III-3-1-4, arranged in chapter.yaml from its printed lines: 防衛交流, 防衛協力
    and a third stage whose label the text layer lacks, each with its ○ examples."""
    fig = chapter.figures["Ⅲ-3-1-4"]
    assert fig.kind == "arranged"
    (part,) = fig.data["parts"]

    def text(cell):
        return "".join(q["text"] for q in cell)

    assert [text(c) for c in part["table"]["header"]] == ["段階", "具体的な取組例"]
    rows = part["table"]["rows"]
    assert [text(r[0]) for r in rows] == ["防衛交流", "防衛協力", "共同対処"]
    assert "supplied" in rows[2][0][0] and not any("supplied" in q for r in rows for q in r[1])
    assert [sum(q["text"].startswith("○") for q in r[1]) for r in rows] == [4, 4, 3]


def test_admm_plus_figure_pairs_each_meeting_with_how_often_and_at_what_level(chapter):
    fig = chapter.figures["Ⅲ-3-1-5"]
    meetings = fig.data["parts"][0]["items"]
    said = {
        "".join(q["text"] for q in m["cell"]): ["".join(q["text"] for q in i["cell"]) for i in m["items"]]
        for m in meetings
    }
    assert said == {
        "拡大ASEAN国防相会議（ADMMプラス）": ["・2年ごとに開催", "・閣僚級"],
        "高級事務レベル会合（ADSOMプラス）": ["・年次開催", "・次官・局長級"],
        "ADSOMプラスWG": ["・年次開催", "・課長級"],
        "専門家会合（EWG）": [],
    }
    chairs = fig.data["parts"][3]["items"]
    assert len(chairs) == 6 and chairs[0]["cell"][0]["text"] == "① 人道支援・災害救援：ラオス、日本"


def test_dialogue_to_cooperation_figure_is_a_grid_and_pairs_no_year_wrongly(chapter):
    """Fig. III-3-1-3 was its printed text in raw order: cells of a lone 「＋」, years
    glued together (11年 13年06年), and a year read with the wrong milestone (the EAS
    was founded in 2005, not 1997). Now a grid of 二国間 / 三国間 / 多国間 against the
    three periods; a milestone carries a year only where the text layer sets the year
    right after it; the years the text cannot tie to a milestone are listed apart."""
    fig = chapter.figures["Ⅲ-3-1-3"]
    grid, milestones, unpaired = fig.data["parts"]

    def text(cell, sep=""):
        """The cell's lines as one text, `sep` between its entries."""
        return "".join((sep if q.get("entry") else "") + q["text"] for q in cell)

    assert [text(c) for c in grid["table"]["header"]] == [
        "",
        "冷戦期",
        "草創期（90年代～ 2000年初頭）",
        "発展・深化期（2000年初頭～）",
    ]
    assert [text(r[0]) for r in grid["table"]["rows"]] == ["二国間", "三国間", "多国間"]
    assert all(text(c) != "＋" for r in grid["table"]["rows"] for c in r)
    paired = {text(it["cell"], " ").split(" ")[0]: text(it["cell"], " ") for it in milestones["items"]}
    assert paired["ARF創設"] == "ARF創設 94年" and paired["EAS創設"] == "EAS創設 05年"
    assert not any("97年" in v and "EAS" in v for v in paired.values())
    assert sorted(text(it["cell"]) for it in unpaired["items"]) == ["06年", "09年", "10年", "11年", "13年", "14年"]
    assert "supplied" in unpaired["title"][0]  # the page says why these stand apart


def test_a_supplied_label_says_where_it_comes_from(chapter):
    """Fig. III-3-1-3's two headings and Fig. III-3-1-4's third stage, 「共同対処」, are the
    editor's: nothing in the chapter's inputs shows the printed figure has them (「共同対処」
    is in neither edition's text layer). They are marked 〔…〕, and the note says so."""
    from conftest import CONTENT

    from builder.figures import arranged
    from builder.inputs.schema import load_checked
    from builder.labels import Labels

    labels = Labels(load_checked(CONTENT / "labels.yaml", "labels"))
    pages = {
        num: arranged.render(chapter.figures[num].data, chapter.config.figures[num], labels)
        for num in ("Ⅲ-3-1-3", "Ⅲ-3-1-4")
    }
    assert [(n["text"], n["from"]) for n in arranged.supplied(chapter.figures["Ⅲ-3-1-3"].data)] == [
        ("多国間の主な出来事", "editor"),
        ("出来事との対応が原文のテキストから読み取れない年", "editor"),
    ]
    three = pages["Ⅲ-3-1-3"]
    assert ">〔多国間の主な出来事〕</span></h2>" in three
    assert ">〔出来事との対応が原文のテキストから読み取れない年〕</span></h2>" in three
    assert three.count("は原文のテキストにない見出しで、説明のために編者が付けた（") == 2
    four = pages["Ⅲ-3-1-4"]
    assert [n["from"] for n in arranged.supplied(chapter.figures["Ⅲ-3-1-4"].data)] == ["editor"]
    assert '<th scope="row"><span class="hk-supplied" title="' in four and ">〔共同対処〕</span></th>" in four
    assert "〔共同対処〕は原文のテキストにない見出しで、説明のために編者が付けた（" in four
    assert "原図にある" not in three + four


def test_every_label_on_a_figure_page_is_the_figures_or_marked_the_editors(chapter):
    """On each of the six figure pages, every table head, heading and line of prose is the
    figure's printed text (its raw lines) or marked as the editor's: 〔…〕 in a span that says
    why, and the headings named in the note under the figure (Fig. III-3-1-1's 国 | 訪問した者 |
    時期 and its count, Fig. III-3-1-6's No. | 事業 and 地図上の表記 were shown as print's)."""
    import html as html_

    from conftest import CONTENT

    from builder.figures import kind_of
    from builder.inputs.schema import load_checked
    from builder.labels import Labels

    labels = Labels(load_checked(CONTENT / "labels.yaml", "labels"))
    editor = re.compile(r'<span class="hk-supplied" title="[^"]+">〔([^〕]+)〕</span>')
    assert len(chapter.figures) == 6
    marked_on = {}
    for num, fig in chapter.figures.items():
        page = kind_of(fig).render(fig.data, chapter.config.figures.get(num), labels)
        printed = re.sub(r"\s", "", "".join(line.text for line in fig.lines))
        marked_on[num] = editor.findall(page)
        # a heading of the editor's is named in the note under the figure
        heads = [m for m in marked_on[num] if not m.endswith("。")]
        assert all(f"〔{h}〕" in page.split("<small>")[-1] for h in heads), num
        bare = editor.sub("", page)
        labels_of = (
            re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", bare)
            + re.findall(r"<h2>(.*?)</h2>", bare)
            + [
                c
                for line, rule in zip(bare.splitlines(), bare.splitlines()[1:])
                if rule.startswith("| ---")
                for c in line.strip("| ").split(" | ")
            ]
            + [line.replace("**", "") for line in bare.splitlines() if line and not line.startswith(("|", "<", "["))]
        )
        assert labels_of, num
        for text in labels_of:
            for piece in re.split(r"[、。\s]+", html_.unescape(re.sub(r"<[^>]+>", "", text))):
                assert piece in printed, (num, piece)
    assert marked_on["Ⅲ-3-1-1"][1:] == ["国", "訪問した者", "時期"] and marked_on["Ⅲ-3-1-1"][0].startswith("36か国")
    assert marked_on["Ⅲ-3-1-6"][:2] == ["No.", "事業"] and "地図上の表記" in marked_on["Ⅲ-3-1-6"]
    assert marked_on["Ⅲ-3-1-2"] == marked_on["Ⅲ-3-1-5"] == []


def test_a_box_stands_after_the_unit_it_interrupts(chapter):
    """The 解説 box came between 「PACSは…隔年で開催されている。」 and the sentence that
    goes on with it, 「空自は、89（同01）年の第1回以来…」, so 「第1回」 read as the box's.
    No box is now followed by a paragraph of its own unit."""
    for item in chapter.items():
        for k, b in enumerate(item.blocks):
            if isinstance(b, Box):
                after = next((x for x in item.blocks[k + 1 :] if isinstance(x, (Heading, Paragraph))), None)
                assert not isinstance(after, Paragraph), (item.path, b.title, after.text[:20])
    item2 = chapter.sections[0].items[1]
    texts = [(type(b).__name__, getattr(b, "text", getattr(b, "kind", ""))) for b in item2.blocks]
    pacs = next(i for i, (_, t) in enumerate(texts) if "開催されている。空自は、89（同01）年の第1回以来" in t)
    box = next(i for i, (kind, t) in enumerate(texts) if kind == "Box" and t == "解説")
    assert pacs < box


class CaptionUnits(dict):
    """Each photo caption with the heading of the run it stands in; looked up by its start."""

    def __init__(self, chapter):
        super().__init__()
        for item in chapter.items():
            head = item.heading.title
            for b in item.blocks:
                if isinstance(b, Heading):
                    head = b.title
                elif isinstance(b, Caption):
                    self[b.text] = head

    def __getitem__(self, start):
        (text,) = [t for t in self if t.startswith(start)]
        return dict.__getitem__(self, text)


def test_captions_stand_in_the_sub_item_they_illustrate(chapter):
    """Read against the raw text, caption by caption: each stands under the heading
    whose text names what the photo shows. Before, a caption followed whatever
    paragraph its page broke in."""
    units = CaptionUnits(chapter)
    assert len(units) == 19
    assert units["フィリピン国防次官および"] == "フィリピン"  # was under （7）その他
    assert units["第一次世界大戦100周年記"] == "日仏防衛協力・交流"  # was under （1）欧州諸国
    assert units["第6回日ASEAN諸国防衛"] == "日ASEAN諸国防衛当局次官級会合"  # was under ア CHOD
    assert units["コブラ・ゴールド15におけ"].startswith("多国間共同訓練")  # was under イ 机上演習
    assert units["コープ・ノース・グアム15"].startswith("多国間共同訓練")
    assert units["日ASEAN防衛担当大臣ラ"] == "日ASEAN防衛担当大臣ラウンドテーブル"  # stayed
    assert units["日インドネシア首脳会談にお"] == "インドネシア"
    assert units["日英外務・防衛閣僚会合（ロ"] == "日英防衛協力・交流"


def test_a_boxs_photo_caption_stays_with_its_box(chapter):
    """「中谷防衛大臣と筆者」 is the VOICE column's photo (its author): it follows the box."""
    item4 = chapter.sections[0].items[3]
    k = next(i for i, b in enumerate(item4.blocks) if isinstance(b, Caption) and b.text == "中谷防衛大臣と筆者")
    assert isinstance(item4.blocks[k - 1], Box) and item4.blocks[k - 1].kind == "VOICE"
