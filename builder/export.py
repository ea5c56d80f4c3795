"""The data files (JSON, YAML) written beside the pages, for readers and editors.

Both are written with json.dumps, whose C encoder is used only without
`indent`: containers are laid out here instead, one element a line, which
keeps the files readable and costs a tenth of json's indent or yaml.dump.
"""

from __future__ import annotations

import json
import re


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def json_text(value: object, expand: int = 2) -> str:
    """JSON with the outer `expand` levels of lists and mappings one element a line."""
    return _layout(value, expand, "") + "\n"


def _layout(value: object, expand: int, indent: str) -> str:
    inner = indent + " "
    if expand and isinstance(value, list) and value:
        return "[\n" + ",\n".join(inner + _layout(v, expand - 1, inner) for v in value) + f"\n{indent}]"
    if expand and isinstance(value, dict) and value:
        return (
            "{\n"
            + ",\n".join(f"{inner}{_json(str(k))}: {_layout(v, expand - 1, inner)}" for k, v in value.items())
            + f"\n{indent}}}"
        )
    return _json(value)


# What YAML will not take raw inside a double-quoted scalar (non-printables,
# and the breaks it would fold): written as \uXXXX escapes.
_NOT_RAW = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _scalar(value: object) -> str:
    return _NOT_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def dump_records(records: list[dict[str, object]]) -> str:
    """A list of flat records (strings, numbers, lists of them) as block YAML.

    Every value is a JSON scalar or list, which is YAML too: yaml.dump's
    representer costs a tenth of the builder's time for the same text."""
    out = []
    for record in records:
        lead = "- "
        for key, value in record.items():
            out.append(f"{lead}{key}: {_scalar(value)}")
            lead = "  "
    return "\n".join(out) + "\n" if out else "[]\n"
