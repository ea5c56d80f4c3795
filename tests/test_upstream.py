"""Our templates that copy Material's (overrides/), against the installed Material: each copy's
source, as it was when we copied it, is kept in tests/upstream/material/ (a whole partial, or one
block of base.html as base.html@<block>). An upgrade of Material that changes one of them fails
here with the diff, so that our copy is brought up to date on purpose, not left behind."""

import difflib
import re
from pathlib import Path

import material
from conftest import REPO

INSTALLED = Path(material.__file__).parent / "templates"
RECORD = REPO / "tests" / "upstream" / "material"
OURS = REPO / "overrides"


def block(text: str, name: str) -> str:
    """The block `name` of a template, from its {% block %} to its own {% endblock %}."""
    start = re.search(r"\{%-?\s*block\s+" + re.escape(name) + r"\s*-?%\}", text)
    assert start, f"no block {name}"
    depth, pos = 1, start.end()
    for tag in re.finditer(r"\{%-?\s*(block\s+\w+|endblock)\b[^%]*%\}", text[pos:]):
        depth += 1 if tag.group(1).startswith("block") else -1
        if depth == 0:
            return text[start.start() : pos + tag.end()]
    raise AssertionError(f"block {name} never ends")


def upstream(recorded: Path) -> str:
    name = recorded.relative_to(RECORD).as_posix()
    file, _, name_of_block = name.partition("@")
    text = (INSTALLED / file).read_text(encoding="utf-8")
    return block(text, name_of_block) if name_of_block else text


def recorded_copies() -> list[Path]:
    return sorted(p for p in RECORD.rglob("*") if p.is_file())


def test_the_material_we_copied_from_is_the_material_installed():
    changed = []
    for recorded in recorded_copies():
        then, now = recorded.read_text(encoding="utf-8"), upstream(recorded)
        if then != now:
            changed.append(
                "".join(
                    difflib.unified_diff(
                        then.splitlines(True),
                        now.splitlines(True),
                        f"{recorded.relative_to(REPO)} (copied)",
                        "installed Material",
                    )
                )
            )
    assert not changed, (
        "Material changed what overrides/ copies; bring our copy up to date, then "
        "record the new text in tests/upstream/material/:\n" + "\n".join(changed)
    )


def test_every_copy_in_overrides_has_its_source_on_record():
    """A partial we replace, or a block of main.html that does not call super(), is a copy."""
    recorded = {p.relative_to(RECORD).as_posix() for p in recorded_copies()}
    copies = {
        p.relative_to(OURS).as_posix()
        for p in (OURS / "partials").rglob("*.html")
        if (INSTALLED / p.relative_to(OURS)).exists()
    }
    main = (OURS / "main.html").read_text(encoding="utf-8")
    for name in re.findall(r"\{%-?\s*block\s+(\w+)", main):
        if "super()" not in block(main, name):
            copies.add(f"base.html@{name}")
    assert copies <= recorded, f"on record in tests/upstream/material/: none for {sorted(copies - recorded)}"


def test_a_changed_source_is_told():
    """The comparison can fail: a recorded block that differs by one character is caught."""
    recorded = RECORD / "base.html@config"
    assert upstream(recorded) == recorded.read_text(encoding="utf-8")
    assert upstream(recorded) != recorded.read_text(encoding="utf-8").replace("search", "saerch", 1)
