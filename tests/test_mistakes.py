"""Editing mistakes in every input file (tests/mistakes.yaml): each stops the
build with `file:line:column: key: what was expected`, through the command
line as a user runs it, with no traceback, and the docs folder of the build
before left as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT

from builder.__main__ import main

CASES = yaml.safe_load((Path(__file__).parent / "mistakes.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(CONTENT, root / "content")
    return root / "content"


@pytest.mark.parametrize("case", CASES, ids=[f"{c['file']}: {c['what']}" for c in CASES])
def test_mistake_gives_a_clear_error(case, pristine, tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    target = content / case["file"]
    text = target.read_text(encoding="utf-8")
    assert case["old"] in text, "the corpus no longer matches the content"
    edited = text.replace(case["old"], case["new"].replace("LONG", "長" * case.get("long", 0)), 1)
    target.write_text(edited, encoding="utf-8")
    # the error may name another file than the one edited (a raw line the edit left unplaced)
    if "error_in" in case:
        target = content / case["error_in"]
    lines = [i for i, t in enumerate(target.read_text(encoding="utf-8").splitlines(), 1) if case["at"] in t]
    line = lines[case.get("nth", 1) - 1]
    previous = tmp_path / "out" / "docs" / "index.md"  # what the last good build left
    previous.parent.mkdir(parents=True)
    previous.write_text("# the site as it was\n", encoding="utf-8")

    assert main(["build", "--content", str(content), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1, err
    where = f"error: {target}:{line}:"
    assert err.startswith(where), f"expected {where}…, got {err}"
    if "key" in case:
        assert f": {case['key']}: " in err, err
    for phrase in case["says"]:
        assert phrase in err, err
    assert list((tmp_path / "out" / "docs").rglob("*")) == [previous]
    assert previous.read_text(encoding="utf-8") == "# the site as it was\n"


def test_the_corpus_covers_every_input_file():
    files = {c["file"].split("/")[-1] for c in CASES}
    assert files == {
        "layout.yaml",
        "labels.yaml",
        "hakusho.yaml",
        "chapter.yaml",
        "hints.yaml",
        "countries.yaml",
        "event_kinds.yaml",
        "events.yaml",
        "layout-en.yaml",
        "labels-en.yaml",
        "alignment.yaml",
    }


def test_the_schemas_are_json_schemas_and_say_what_they_mean():
    """Each schema is valid JSON Schema, and no value was lost to YAML's flow
    syntax (a comma inside {…, expected: a, b} makes 'b' a key of its own)."""
    from jsonschema import Draft202012Validator

    from builder.inputs.schema import SCHEMAS, schema

    def nulls(x, place=()):
        if isinstance(x, dict):
            for k, v in x.items():
                yield from ([place + (k,)] if v is None else nulls(v, place + (k,)))
        elif isinstance(x, list):
            for i, v in enumerate(x):
                yield from nulls(v, place + (i,))

    names = sorted(p.stem for p in SCHEMAS.glob("*.yaml"))
    assert len(names) == 15
    for name in names:
        Draft202012Validator.check_schema(schema(name))
        assert list(nulls(schema(name))) == [], name


def test_a_data_file_emptied_stops_and_one_deleted_is_told(tmp_path, capsys):
    """A chronology emptied to comments alone would lose its 238 events without a word (issue 25):
    it stops the build. Deleted, it turns the events from the text off, and every build says so."""
    from builder.errors import InputError
    from builder.site import build_site

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    events_yaml = content / "dwp2015-part3-ch3" / "events.yaml"
    events_yaml.write_text("# no events reviewed yet\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        build_site(content)
    assert (e.value.path, e.value.line) == (events_yaml, 1) and "holds nothing" in e.value.message
    events_yaml.unlink()
    result = build_site(content)
    events = result.timeline.events
    assert events and {e.source for e in events} == {"figure"}  # the figures' rows stand alone
    assert result.notices == [
        f"{events_yaml}: no such file, so the timeline has no events from the text of "
        "dwp2015-3-3 (its figures' rows alone)"
    ]


def test_a_furniture_pattern_that_matches_nothing_is_told(pristine, tmp_path, capsys):
    """A slip inside a pattern leaves the running head in the text; the build goes on, and says so."""
    content = tmp_path / "content"
    shutil.copytree(pristine, content)
    target = content / "dwp2015-part3-ch3" / "chapter.yaml"
    text = target.read_text(encoding="utf-8")
    edited = text.replace("'^第Ⅲ部 国民の", "'^第III部 国民の", 1)
    assert edited != text
    target.write_text(edited, encoding="utf-8")
    line = next(i for i, t in enumerate(edited.splitlines(), 1) if "第III部" in t)
    main(["build", "--content", str(content), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert f"warning: {target}:{line}: furniture.running_heads[0].pattern '^第III部" in err
    assert "matches no line of dwp2015-part3-ch3.raw.txt" in err
