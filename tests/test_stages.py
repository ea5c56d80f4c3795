"""Each stage takes what the ones before it returned and changes none of it
(the README's claim): run on a real chapter stage by stage, everything a stage
returned is the same after all the later stages have run."""
import copy

from builder import ruler
from builder.blocks.paragraphs import assemble
from builder.blocks.segment import Segmenter
from builder.config import load_chapter
from builder.pipeline import line_state
from builder.structure.chapter import build_chapter

from conftest import REAL


def test_no_stage_changes_what_it_was_given(layout):
    config = load_chapter(REAL, layout)
    _, state = line_state(config, layout)
    states = [state]
    for rule in ruler.chain(layout.rules):
        states.append(rule.fn(states[-1]))
    kept = [copy.deepcopy((s.lines, s.figures)) for s in states]
    ledger = states[-1].ledger
    blocks = Segmenter(states[-1].lines, layout, config, ledger).run()
    kept_blocks = copy.deepcopy(blocks)
    flow = assemble(blocks, layout, config.hints_of("paragraph_break"), ledger)
    kept_flow = copy.deepcopy(flow)
    chapter = build_chapter(flow, list(states[-1].figures), config, layout)
    assert chapter.sections
    for rule, s, before in zip(["(raw)"] + layout.rules, states, kept):
        assert (s.lines, s.figures) == before, f"a later stage changed what {rule} returned"
    assert blocks == kept_blocks, "a later stage changed the segmenter's blocks"
    assert flow == kept_flow, "the chapter model changed the paragraphs it was given"
