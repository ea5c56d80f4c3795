"""The English chapter paired with the Japanese (builder/align.py, issue 22): every heading,
paragraph, note, figure, caption and box of both editions is paired or listed with its reason
in alignment.yaml; every pair's shared numbers, dates and acronyms agree, or the file says why
they differ; and the file's entries are checked, each error naming the file."""

from __future__ import annotations

import itertools

import pytest
import yaml
from conftest import CONTENT, copy_content

from builder.__main__ import main as cli
from builder.align import Evidencer, align, check, disagreements, pair_unit, unexplained, units, verdict
from builder.blocks.model import Paragraph
from builder.content import load_content
from builder.errors import InputError
from builder.inputs.schema import load_checked
from builder.site import build_site, evidencers
from builder.text import plain

EN = CONTENT / "dwp2015-part3-ch3-en"


@pytest.fixture(scope="module")
def site():
    return build_site(CONTENT)


@pytest.fixture(scope="module")
def english(site):
    edition = site.editions[0]
    return edition, edition.chapters[0], edition.alignments[edition.chapters[0].chapter.id]


def paragraphs(chapter):
    out = [p.anchor for p in chapter.intro if isinstance(p, Paragraph)]
    for s in chapter.sections:
        out += [p.anchor for p in s.intro if isinstance(p, Paragraph)]
        for item in s.items:
            out += [p.anchor for p in item.paragraphs()]
    return out


def test_every_paragraph_of_both_editions_is_in_one_pair(site, english):
    _, result, alignment = english
    ja = site.chapters[0].chapter
    theirs = [p.anchor for pair in alignment.pairs for p in pair.theirs]
    mine = [p.anchor for pair in alignment.pairs for p in pair.mine]
    assert sorted(theirs) == sorted(paragraphs(ja)) and len(set(theirs)) == len(theirs)
    assert sorted(mine) == sorted(paragraphs(result.chapter)) and len(set(mine)) == len(mine)
    # order kept within each heading's run and each box: a pairing never crosses another
    for side, chapter in (("theirs", ja), ("mine", result.chapter)):
        for name, run in units(chapter):
            assert [p.anchor for pair in alignment.pairs if pair.unit == name for p in getattr(pair, side)] == [
                p.anchor for p in run
            ], name


def test_what_is_not_one_to_one_has_its_reason(english):
    _, _, alignment = english
    odd = [pair for pair in alignment.pairs if pair.kind != "1-1"]
    assert odd and all(pair.why for pair in odd)
    kinds = sorted(pair.kind for pair in odd)
    print("\nexceptions:", {k: kinds.count(k) for k in set(kinds)})
    assert {k: kinds.count(k) for k in set(kinds)} == {"1-2": 5, "0-1": 1}
    # the PACS paragraph is one in both editions: the Japanese ends its first sentence at the
    # column's edge, and the blank line after it is the 解説 box's (issue 27; it was two)
    pacs = next(pair for pair in alignment.pairs if pair.mine and pair.mine[0].text.startswith("The PACS"))
    assert pacs.kind == "1-1" and pacs.theirs[0].text.startswith("PACSは")
    assert "開催されている。空自は、89（同01）年の第1回以来" in plain(pacs.theirs[0].text)
    # and the VOICE column's second paragraph starts where the English one does, at the
    # narrower column's first line (it was the first paragraph's last sentence)
    voice = next(pair for pair in alignment.pairs if pair.mine and pair.mine[0].text.startswith("My experience in"))
    assert voice.kind == "1-1" and voice.theirs[0].text.startswith("私は防衛省での経験を非常に楽しんでおります。幸運")


def test_headings_notes_figures_captions_boxes_pair_by_number(english):
    _, _, alignment = english
    by_kind = {}
    for m in alignment.matches:
        by_kind.setdefault(m.kind, []).append(m)
    assert set(by_kind) == {"heading", "note", "figure", "caption", "box"}
    for m in alignment.matches:
        assert (m.theirs is not None and m.mine is not None) or m.why, m.key
    # the printed numbers agree on every paired heading (2 sections, 5 items, the sub-items)
    for m in by_kind["heading"]:
        if m.theirs is not None and m.mine is not None:
            assert m.theirs.num == m.mine.num or m.theirs.level == "kana", m.key
    assert [m.key for m in by_kind["note"] if m.theirs is None] == ["2 note 2"]
    print(
        "\n"
        + ", ".join(
            f"{k}: {sum(1 for m in ms if m.theirs is not None and m.mine is not None)} paired"
            for k, ms in by_kind.items()
        )
    )


def test_every_pair_shared_evidence_agrees_or_is_explained(english):
    """The done-when: for every pair, the numbers, dates (after era conversion) and acronyms both
    hold agree; the ones that do not are exactly those alignment.yaml explains, each read."""
    _, _, alignment = english
    verdicts = [verdict(alignment, pair)[0] for pair in alignment.pairs]
    flagged = [pair for pair, _ in disagreements(alignment)]
    spec = yaml.safe_load((EN / "alignment.yaml").read_text(encoding="utf-8"))
    assert len(flagged) == len(spec["disagreements"])
    assert all(pair.why for pair in flagged)
    print(
        f"\nshared evidence: {verdicts.count('confirmed')} pairs confirmed, {verdicts.count('flagged')} flagged "
        f"(each explained), {verdicts.count('unchecked')} with nothing shared"
    )
    # most pairs hold something both texts share: the check is not vacuous
    assert verdicts.count("confirmed") > 2 * verdicts.count("unchecked")


def test_the_check_catches_an_alignment_one_paragraph_off(site, english):
    """Shift the English of item 1-4 by one paragraph against the Japanese: the evidence
    check must flag many of the shifted pairs (it is what would catch a wrong pairing)."""
    _, _, alignment = english
    from copy import copy

    shifted = copy(alignment)
    ones = [pair for pair in alignment.pairs if pair.kind == "1-1" and pair.unit.startswith("1-4")]
    shifted.pairs = [type(a)(a.unit, a.theirs, b.mine) for a, b in itertools.pairwise(ones)]
    flagged = len(disagreements(shifted))
    confirmed = sum(1 for pair in shifted.pairs if verdict(shifted, pair)[0] == "confirmed")
    print(f"\nshifted by one in 1-4: {flagged} of {len(shifted.pairs)} flagged, {confirmed} still confirmed")
    assert flagged > len(shifted.pairs) // 3
    # unshifted, the same pairs flag only what alignment.yaml explains, each read
    assert all(
        pair.why
        for pair, _ in disagreements(
            type(alignment)(
                pairs=ones, evidence_theirs=alignment.evidence_theirs, evidence_mine=alignment.evidence_mine
            )
        )
    )


def test_evidence_reads_eras_months_numbers_and_acronyms():
    eras = {"昭和": 1925, "平成": 1988}
    ja = Evidencer(eras, 50, None)("14（平成26）年7月、第14回シャングリラ会合において、8か国のARF参加国と")
    en = Evidencer({}, 50, None)("In July 2014, at the 14th Shangri-La Dialogue, with eight ARF participants")
    assert ja.years == en.years == {2014}
    assert ja.months == en.months == {"2014-07"}
    assert ja.numbers == en.numbers == {14, 8}
    assert ja.acronyms == en.acronyms == {"ARF"}
    # a year is not a count, nor a name's digits
    assert Evidencer({}, 50, None)("In 2013, CTF151 and the P-3C").numbers == frozenset()


def test_the_best_pairing_joins_two_paragraphs_where_the_evidence_says_so():
    eras = {"平成": 1988}
    theirs = [
        Paragraph([1], "13（平成25）年5月、ARFが開催された。"),
        Paragraph([2], "14（同26）年3月、ADMMが開催された。"),
        Paragraph([3], "15（同27）年1月、WPNSに参加した。"),
    ]
    mine = [
        Paragraph([1], "The ARF was held in May 2013. The ADMM was held in March 2014."),
        Paragraph([2], "Japan took part in the WPNS in January 2015."),
    ]
    pairs = pair_unit(
        "u",
        theirs,
        mine,
        [Evidencer(eras, 50, None)(p.text) for p in theirs],
        [Evidencer({}, 50, None)(p.text) for p in mine],
        2.5,
    )
    assert [pair.kind for pair in pairs] == ["2-1", "1-1"]


# -- the file is checked: each slip stops the build with the file's name ---------------


@pytest.fixture(scope="module")
def proposed(site):
    content = load_content(CONTENT)
    result = site.editions[0].chapters[0]
    theirs, mine = evidencers(content, result.chapter.config, content.registry.in_language("en"))
    return lambda: align(site.chapters[0].chapter, result.chapter, theirs, mine)


def checked(tmp_path, proposed, edit):
    path = tmp_path / "alignment.yaml"
    spec = yaml.safe_load((EN / "alignment.yaml").read_text(encoding="utf-8"))
    edit(spec)
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    doc = load_checked(path, "alignment")
    alignment = check(proposed(), doc.data, doc, path)
    return unexplained(alignment, doc.data, doc)


def test_an_exception_the_file_lacks_stops_the_build(tmp_path, proposed):
    with pytest.raises(InputError) as e:
        checked(tmp_path, proposed, lambda s: s["exceptions"].pop(0))
    msg = str(e.value)
    assert "alignment.yaml" in msg and "1-4 sub 1 paren 2" in msg and "python -m builder align" in msg
    assert "en: ['At the Japan-Australia Summit Meeting in', 'At the Japan-Australia Ministers Meeting']" in msg


def test_an_exception_no_longer_found_names_its_line(tmp_path, proposed):
    with pytest.raises(InputError) as e:
        checked(
            tmp_path,
            proposed,
            lambda s: s["exceptions"].append({"ja": ["存在しない段落"], "en": ["No such"], "why": "slip"}),
        )
    assert "alignment.yaml:" in str(e.value) and "no such pairing" in str(e.value)


def test_a_lone_note_must_be_listed(tmp_path, proposed):
    with pytest.raises(InputError) as e:
        checked(tmp_path, proposed, lambda s: s.pop("unpaired"))
    assert "note '2 note 2' of the en edition has no counterpart" in str(e.value)
    with pytest.raises(InputError) as e:
        checked(tmp_path, proposed, lambda s: s["unpaired"].append({"ja": "1-2 caption 9", "why": "slip"}))
    assert "'1-2 caption 9' is not an unpaired ja" in str(e.value)


def test_a_disagreement_not_explained_is_reported_and_a_stale_one_is_an_error(tmp_path, proposed):
    left = checked(tmp_path, proposed, lambda s: s["disagreements"].pop(0))
    assert [p.theirs[0].anchor for p, _ in left] == ["p-1-2-14"] and "CAEX" in left[0][1]
    with pytest.raises(InputError) as e:
        checked(tmp_path, proposed, lambda s: s["disagreements"].append({"ja": "なし", "en": "None", "why": "slip"}))
    assert "alignment.yaml:" in str(e.value) and "whose evidence differs" in str(e.value)


def test_the_align_command_proposes_what_the_file_lacks(tmp_path, capsys):
    assert cli(["align"]) == 0
    out = capsys.readouterr().out
    assert "alignment.yaml says all it must" in out and "NOT LISTED" not in out
    content = copy_content(tmp_path)
    path = content / "dwp2015-part3-ch3-en" / "alignment.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["exceptions"].pop()
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    assert cli(["align", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert (
        "NOT LISTED; add under exceptions:\n  - {ja: ['ミャンマーとの間では、11（同23）年3'], en: ['Regarding Japan"
        in out
    )


def test_every_link_to_a_counterpart_lands_on_a_paragraph_of_the_other_edition(site):
    """The small EN/JA links, at the paragraphs' ends, beside a profile's mentions and the
    timeline's sources, and the ¶ links of the counterparts shown: each leads to an anchor
    of a paragraph the other edition's page has."""
    import posixpath
    import re

    editions = {e.root: e for e in [site] + site.editions}
    anchors = {
        root: {
            (path.removesuffix(".md") + ".html", a)
            for path, text in e.files.items()
            if path.endswith(".md")
            for a in re.findall(r"\{: #(p-[\w-]+) \}", text)
        }
        for root, e in editions.items()
    }
    checked, kinds = 0, set()
    for root, e in editions.items():
        for path, text in e.files.items():
            if not path.endswith(".md"):
                continue
            for href in re.findall(r'class="hk-cp-link" href="([^"]+)"', text) + re.findall(
                r'\[¶\]\(([^)]+)\)\{: hreflang', text
            ):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(root + path), href))
                page, anchor = target.split("#")
                other = next(r for r in editions if r != root and (r == "" or page.startswith(r)))
                assert (page.removeprefix(other), anchor) in anchors[other], (path, href)
                checked += 1
                kinds.add(path.split("/")[0] if "/" in path else path)
    assert checked > 1000 and {"countries", "timeline.md", "dwp2015-3-3"} <= kinds
