"""The registry (content/data/countries.yaml), checked as it is read."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..config import SafeLoader, load_yaml
from ..errors import InputError

ISO3 = re.compile(r"^[A-Z]{3}$")
ORG_ID = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")


@dataclass
class Country:
    id: str
    name_ja: str
    name_en: str
    region: str
    names: list[str]
    forms: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    members_note: str = ""
    line: int = 0

    @property
    def is_org(self) -> bool:
        return self.region == "国際機関"

    @property
    def slug(self) -> str:
        return self.id.lower()


@dataclass
class Registry:
    path: Path
    regions: list[str]
    entries: dict[str, Country]
    compound_pattern: str
    abbreviations: dict[str, str]

    def by_name(self, name: str) -> Country | None:
        for c in self.entries.values():
            if name in c.names or name == c.name_ja:
                return c
        return None


def _entry_lines(path: Path) -> list[int]:
    """The line each registry entry starts on, for error messages."""
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    for key, value in node.value:
        if key.value == "entries":
            return [item.start_mark.line + 1 for item in value.value]
    return []


def load_registry(path: Path) -> Registry:
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise InputError(path, None, "expected a mapping with a list 'entries'")
    lines = _entry_lines(path)
    regions = data.get("regions") or []
    compounds = data.get("compounds") or {}
    entries: dict[str, Country] = {}
    seen_names: dict[str, tuple[str, int]] = {}
    for i, raw in enumerate(data["entries"]):
        line = lines[i] if i < len(lines) else None
        if not isinstance(raw, dict):
            raise InputError(path, line, "expected an entry with id, name_ja, name_en, region and names")
        missing = [k for k in ("id", "name_ja", "name_en", "region", "names") if k not in raw]
        if missing:
            raise InputError(path, line, f"entry is missing {', '.join(missing)}")
        cid = str(raw["id"])
        if raw["region"] not in regions:
            raise InputError(path, line, f"region '{raw['region']}' of {cid}; expected one of {regions}")
        if not (ORG_ID if raw["region"] == "国際機関" else ISO3).match(cid):
            raise InputError(path, line, f"id '{cid}'; expected an ISO 3166-1 alpha-3 code for a country "
                                         "(an upper-case short id for an organization)")
        if cid in entries:
            raise InputError(path, line, f"id '{cid}' is used twice (first at line {entries[cid].line})")
        members = raw.get("members") or {}
        country = Country(cid, str(raw["name_ja"]), str(raw["name_en"]), raw["region"],
                          [str(n) for n in raw["names"]], [str(f) for f in raw.get("forms") or []],
                          [str(m) for m in members.get("ids", [])], str(members.get("note", "")), line or 0)
        for name in country.names:
            if name in seen_names:
                other, other_line = seen_names[name]
                raise InputError(path, line, f"name '{name}' of {cid} is already a name of {other} "
                                             f"(line {other_line}); a name must point at one entry")
            seen_names[name] = (cid, line or 0)
        for form in country.forms:
            try:
                re.compile(form)
            except re.error as e:
                raise InputError(path, line, f"form '{form}' of {cid} is not a valid pattern: {e}") from None
        entries[cid] = country
    for c in entries.values():
        for m in c.members:
            if m not in entries:
                raise InputError(path, c.line, f"member '{m}' of {c.id} is not an id in the registry")
    abbreviations = {str(k): str(v) for k, v in (compounds.get("abbreviations") or {}).items()}
    for abbr, cid in abbreviations.items():
        if cid not in entries:
            raise InputError(path, None, f"compound abbreviation {abbr} points at unknown id '{cid}'")
    return Registry(path, regions, entries, str(compounds.get("pattern", "")), abbreviations)
