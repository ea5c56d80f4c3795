"""Each stage takes what the ones before it returned and changes none of it
(the README's claim): run on each real chapter stage by stage, everything a
stage returned is the same after all the later stages have run."""

import copy

import pytest
from conftest import CONTENT

from builder import ruler
from builder.blocks.paragraphs import assemble
from builder.config import load_site
from builder.countries.registry import load_registry
from builder.figures import read_figure
from builder.pipeline import line_state, process_chapter, segmenter
from builder.site import with_counterpart
from builder.structure.chapter import build_chapter


@pytest.fixture(scope="module")
def site(layout):
    return load_site(CONTENT, layout)


@pytest.mark.parametrize("edition", [0, 1], ids=["ja", "en"])
def test_no_stage_changes_what_it_was_given(site, edition):
    config = site.editions[edition].chapters[0]
    if edition:
        main = site.editions[0].chapters[0]
        registry = load_registry(CONTENT / "data" / "countries.yaml").in_language("en")
        config = with_counterpart(config, process_chapter(main, main.layout).chapter, registry)
    layout = config.layout
    _, state = line_state(config, layout)
    states = [state]
    for rule in ruler.chain(layout.rules):
        states.append(rule.fn(states[-1]))
    kept = [copy.deepcopy((s.lines, s.figures)) for s in states]
    ledger = states[-1].ledger
    blocks = segmenter(layout)(states[-1].lines, layout, config, ledger, states[-1].raw).run()
    kept_blocks = copy.deepcopy(blocks)
    flow = assemble(blocks, layout, config.hints_of("paragraph_break"), ledger, config.hints_of("counterpart_end"))
    kept_flow = copy.deepcopy(flow)
    figures = [read_figure(f, config, layout) for f in states[-1].figures]
    chapter = build_chapter(flow, figures, config, layout)
    assert chapter.sections
    for rule, s, before in zip(["(raw)", *layout.rules], states, kept):
        assert (s.lines, s.figures) == before, f"a later stage changed what {rule} returned"
    assert blocks == kept_blocks, "a later stage changed the segmenter's blocks"
    assert flow == kept_flow, "the chapter model changed the paragraphs it was given"
