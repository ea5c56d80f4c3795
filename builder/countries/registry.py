"""The registry (content/data/countries.yaml), checked as it is read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..checked import YamlMap, line_at, yaml_map
from ..errors import InputError
from ..inputs.schema import did_you_mean, load_checked
from ..inputs.yamldoc import Doc

ISO3 = re.compile(r"^[A-Z]{3}$")


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
    is_org: bool = False  # in the registry's organization_region
    names_en: list[str] = field(default_factory=list)
    forms_en: list[str] = field(default_factory=list)
    members_note_en: str = ""
    shown: str = ""  # the name the edition's pages show (in_language), else name_ja
    region_shown: str = ""
    kana: str = ""  # the reading of a name in kanji, in hiragana (the timeline's filter finds by it)

    @property
    def name(self) -> str:
        return self.shown or self.name_ja

    @property
    def other_name(self) -> str:
        """The name in the registry's other language: the English one on the main edition's pages."""
        return self.name_ja if self.shown else self.name_en

    @property
    def region_name(self) -> str:
        return self.region_shown or self.region

    @property
    def slug(self) -> str:
        return self.id.lower()

    @property
    def path(self) -> str:
        """The profile's page."""
        return f"countries/{self.slug}.md"


@dataclass
class Registry:
    path: Path
    regions: list[str]
    entries: dict[str, Country]
    compound_pattern: str
    abbreviations: dict[str, str]
    regions_en: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # phrases that hold a name but mention no one
    lang: str = "ja"

    @property
    def other_lang(self) -> str:
        """The language of the names the pages show beside the edition's own (the registry holds
        two: name_ja and name_en)."""
        return "en" if self.lang == "ja" else "ja"

    def in_language(self, lang: str) -> Registry:
        """The registry as an edition in another language sees it: its names to find and link, the
        names and regions its pages show. The main edition's (ja) is the registry as read."""
        if lang == self.lang:
            return self
        if lang != "en":
            raise InputError(self.path, None, f"the registry has no names in '{lang}'; expected names_{lang}")
        region = dict(zip(self.regions, self.regions_en or self.regions))
        # the name shown is the one the edition's text writes first (Vietnam, not the registry's Viet Nam)
        entries = {
            cid: replace(
                c,
                names=c.names_en,
                forms=c.forms_en,
                shown=(c.names_en or [c.name_en])[0],
                members_note=c.members_note_en,
                region_shown=region[c.region],
            )
            for cid, c in self.entries.items()
        }
        return replace(self, entries=entries, compound_pattern="", abbreviations={}, lang=lang)

    def by_name(self, name: str) -> Country | None:
        for c in self.entries.values():
            if name in c.names or name == c.name_ja:
                return c
        return None

    def named_in_figure(self, name: str, figure: str, raw: Path, line: int) -> Country:
        """The entry a figure's cell names; a name the registry lacks stops the build there."""
        c = self.by_name(name)
        if c is None:
            raise InputError(
                raw,
                line,
                f"'{name}' in 図表{figure} is not in the registry {self.path}; "
                "expected one of its names (add an entry, or a name to one)",
            )
        return c


def load_registry(path: Path) -> Registry:
    doc = load_checked(path, "countries", optional=True)
    data = yaml_map(doc)
    regions = data["regions"]
    org_region = data["organization_region"]
    if org_region not in regions:
        raise doc.error(("organization_region",), f"'{org_region}' is not one of the regions: {', '.join(regions)}")
    entries: dict[str, Country] = {}
    seen_names: dict[str, tuple[str, int]] = {}
    for i, raw in enumerate(data["entries"]):
        country = _entry(doc, i, raw, regions, org_region)
        if country.id in entries:
            raise doc.error(
                ("entries", i, "id"), f"id '{country.id}' is used twice (first at line {entries[country.id].line})"
            )
        _check_names_unique(doc, i, country, seen_names)
        entries[country.id] = country
    _check_members(doc, data["entries"], entries)
    compounds = data.get("compounds") or {}
    abbreviations = compounds.get("abbreviations") or {}
    _check_abbreviations(doc, abbreviations, entries)
    if data.get("regions_en") and len(data["regions_en"]) != len(regions):
        raise doc.error(
            ("regions_en",),
            f"{len(data['regions_en'])} English names for {len(regions)} regions; "
            "expected one for each region, in the same order",
        )
    return Registry(
        path,
        regions,
        entries,
        compounds.get("pattern", ""),
        abbreviations,
        list(data.get("regions_en") or []),
        list(data.get("places_en") or []),
    )


def _entry(doc: Doc, i: int, raw: YamlMap, regions: list[str], org_region: str) -> Country:
    """Entry i of the registry, its region and id checked."""
    line = line_at(doc, ("entries", i))
    cid = raw["id"]
    if raw["region"] not in regions:
        raise doc.error(
            ("entries", i, "region"),
            f"region '{raw['region']}' of {cid} is not one of the regions"
            + (did_you_mean(raw["region"], regions) or f": {', '.join(regions)}"),
        )
    is_org = raw["region"] == org_region
    if not is_org and not ISO3.match(cid):
        raise doc.error(
            ("entries", i, "id"),
            f"id '{cid}'; expected an ISO 3166-1 alpha-3 code for a country "
            f"(or the region {org_region} for an organization)",
        )
    members = raw.get("members") or {}
    return Country(
        cid,
        raw["name_ja"],
        raw["name_en"],
        raw["region"],
        list(raw["names"]),
        list(raw.get("forms") or []),
        list(members.get("ids", [])),
        members.get("note", ""),
        line,
        is_org,
        list(raw.get("names_en") or []),
        list(raw.get("forms_en") or []),
        members.get("note_en", members.get("note", "")),
        kana=raw.get("kana", ""),
    )


def _check_names_unique(doc: Doc, i: int, country: Country, seen_names: dict[str, tuple[str, int]]) -> None:
    """Refuse a name of entry i that an earlier entry has; record its names in seen_names."""
    # a name is how the text finds an entry, so it must point at one
    for k, name in enumerate(country.names):
        if name in seen_names:
            other, other_line = seen_names[name]
            raise doc.error(
                ("entries", i, "names", k),
                f"name '{name}' of {country.id} is already a name of {other} "
                f"(line {other_line}); a name must point at one entry",
            )
        seen_names[name] = (country.id, country.line)


def _check_members(doc: Doc, raws: list[YamlMap], entries: dict[str, Country]) -> None:
    """Refuse a member id that is no entry (checked once all entries are read: a member may come later)."""
    for i, raw in enumerate(raws):
        for k, m in enumerate((raw.get("members") or {}).get("ids", [])):
            if m not in entries:
                raise doc.error(
                    ("entries", i, "members", "ids", k),
                    f"member '{m}' of {raw['id']} is not an id in the registry{did_you_mean(m, entries)}",
                )


def _check_abbreviations(doc: Doc, abbreviations: dict[str, str], entries: dict[str, Country]) -> None:
    """Refuse an abbreviation that points at no entry."""
    for abbr, cid in abbreviations.items():
        if cid not in entries:
            raise doc.error(
                ("compounds", "abbreviations", abbr),
                f"abbreviation {abbr} points at '{cid}', which is "
                f"not an id in the registry{did_you_mean(cid, entries)}",
            )
