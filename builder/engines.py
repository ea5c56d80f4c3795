"""The writer for the engine: how MkDocs, ProperDocs or Zensical is told what the site is.

The site model (builder/site.py) says what the site is: each edition's pages and data files,
its navigation, its words. This module alone knows an engine: it writes each edition's docs
folder and the config the engine reads (the repository's mkdocs.yml, inherited, with the
edition's folders, nav, words and language switch added).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .page import page_url
from .site import SiteResult

# A config as the engine reads it: YAML's mappings, lists and scalars.
Config = dict[str, Any]


def write_site(result: SiteResult, build_dir: Path, repo: Path, engine: str = "mkdocs") -> Path:
    """Every edition's docs folder and the configs `engine` reads: MkDocs' (which ProperDocs reads
    too, and `builder serve` builds from) always, Zensical's as well for Zensical."""
    docs = write_docs(result, build_dir, repo)
    if engine == "zensical":
        write_zensical_config(result, build_dir, repo)
    return docs


def write_docs(result: SiteResult, build_dir: Path, repo: Path) -> Path:
    """Bring each edition's docs folder in line with the (already checked) result: write
    what changed, remove what is no longer built; then its MkDocs config. Writing in
    place keeps `mkdocs serve` watching the same folder. The main edition's folder is
    build/docs, another's build/docs-<lang>; their sites are site/ and site/<lang>/."""
    docs = _write_folder(result.files, build_dir / "docs")
    write_config(build_dir / "mkdocs.yml", mkdocs_config(result, result, docs, repo / "site", repo))
    for edition in result.editions:
        folder = _write_folder(edition.files, build_dir / f"docs-{edition.lang}")
        write_config(
            build_dir / f"mkdocs-{edition.lang}.yml",
            mkdocs_config(edition, result, folder, repo / "site" / edition.lang, repo),
        )
    for stale in build_dir.glob("mkdocs-*.yml"):
        if stale.stem.removeprefix("mkdocs-") not in {e.lang for e in result.editions}:
            stale.unlink()
    return docs


def _write_folder(files: dict[str, str], docs: Path) -> Path:
    wanted = {docs / path: text for path, text in files.items()}
    if docs.exists():
        for old in sorted(docs.rglob("*"), reverse=True):
            if old.is_file() and old not in wanted:
                old.unlink()
            elif old.is_dir() and not any(old.iterdir()):
                old.rmdir()
    for target, text in sorted(wanted.items()):
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return docs


def mkdocs_config(edition: SiteResult, main: SiteResult, docs: Path, site: Path, repo: Path) -> Config:
    """MkDocs (and ProperDocs) read the repository's mkdocs.yml; this adds an edition's folders, its
    generated nav, its words and, where the site has several editions, the language switch."""
    config: Config = {
        "INHERIT": str((repo / "mkdocs.yml").resolve()),
        "docs_dir": str(docs.resolve()),
        "site_dir": str(site.resolve()),
        "theme": {"custom_dir": str((repo / "overrides").resolve())},
        "nav": edition.nav,
        "extra": {"hakusho": edition.theme_words, "hakusho_search": edition.search},
        "markdown_extensions": markdown_extensions(edition),
        # the search worker's data, from the index the search plugin writes (builder/search_hook.py)
        "hooks": [str((repo / "builder" / "search_hook.py").resolve())],
    }
    return with_edition_settings(config, edition, main)


def with_edition_settings(config: Config, edition: SiteResult, main: SiteResult) -> Config:
    """The config with the edition's own settings merged in, a mapping into the mapping it extends."""
    for key, value in edition_settings(edition, main).items():
        config[key] = {**config.get(key, {}), **value} if isinstance(value, dict) else value
    return config


def edition_settings(edition: SiteResult, main: SiteResult) -> Config:
    """What sets an edition apart in its engine's config: its name and language, and the switch
    to the others (links relative to its own root, so that they work from file:// too)."""
    if not main.editions:
        return {}
    up = "../" * edition.root.count("/")
    every = [main, *main.editions]
    # our switch (overrides/partials/alternate.html); alternate: true only makes Material's header show it
    out: Config = {
        "extra": {
            "hakusho": edition.theme_words,
            "alternate": True,
            "hakusho_editions": [
                {
                    "name": LANGUAGE_NAMES.get(e.lang, e.lang),
                    "lang": e.lang,
                    "link": f"{up}{e.root}",
                    "current": e is edition,
                    "pages": sorted(page_url(p) for p in e.files if p.endswith(".md")),
                }
                for e in every
            ],
        }
    }
    # the scripts the site adds to every page (where each page is in the other editions, for the
    # search results' offer: hakusho.js)
    out["extra_javascript"] = list(repo_config().get("extra_javascript") or []) + edition.scripts
    if edition is not main:
        out["site_name"] = edition.site_name
        out["site_description"] = edition.site_description or edition.site_name
        out["theme"] = {"language": edition.lang, "palette": palette(edition.dark_mode, edition.light_mode)}
    return out


@functools.cache
def repo_config() -> Config:
    """The repository's mkdocs.yml, for the lists an edition's config extends: a list in a config
    replaces the inherited one whole, so it is read there and written again (a Python object the
    engine makes, the toc's slugify, as its tag: PythonTag)."""

    class Loader(yaml.SafeLoader):
        pass

    # !ENV: not needed here
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)
    config: Config = yaml.load(
        (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), Loader
    )
    return config


def _python_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> PythonTag:
    value = loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else None
    return PythonTag(node.tag, value)


@dataclass(frozen=True)
class PythonTag:
    """A YAML node the engine reads as a Python object (!!python/object/apply:…), kept to be written again."""

    tag: str
    value: dict[Any, Any] | None


class _Dumper(yaml.SafeDumper):
    pass


def _represent_tag(dumper: yaml.SafeDumper, tag: PythonTag) -> yaml.Node:
    return dumper.represent_mapping(tag.tag, tag.value or {})


_Dumper.add_representer(PythonTag, _represent_tag)


def markdown_extensions(edition: SiteResult) -> list[Any]:
    """The repository's Markdown extensions, with the title of the link after each heading in the
    edition's words (label permalink; the toc extension's own is English)."""
    out = []
    for ext in repo_config()["markdown_extensions"]:
        if isinstance(ext, dict) and "toc" in ext:
            ext = {"toc": {**ext["toc"], "permalink_title": edition.permalink}}
        out.append(ext)
    return out


def palette(dark: str, light: str) -> list[Config]:
    """The repository's palette, its toggles named in the edition's words."""
    schemes = [dict(s, toggle=dict(s.get("toggle", {}))) for s in repo_config()["theme"]["palette"]]
    for scheme, name in zip(schemes, (dark, light)):
        scheme["toggle"]["name"] = name
    return schemes


# each language's name in itself, for the switch
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}


def write_zensical_config(result: SiteResult, build_dir: Path, repo: Path) -> dict[str, Path]:
    """Zensical reads the same mkdocs.yml, but refuses a theme folder, a docs
    folder or a site folder outside the folder of the config it is given: its
    configs sit at the repository's root (zensical.yml, zensical-offline.yml,
    and zensical-<lang>.yml, zensical-<lang>-offline.yml for another edition;
    not committed), with paths relative to it. It has no option for the site
    folder, so the site and the offline build each have a config naming its
    own, under build/ (the Makefile runs them side by side, then moves them)."""
    targets = {}
    for edition in [result, *result.editions]:
        tag = "" if edition is result else f"-{edition.lang}"
        docs = build_dir / ("docs" if edition is result else f"docs-{edition.lang}")
        for name, config_file, site_dir in (
            ("site", f"zensical{tag}.yml", f"zensical-site{tag}"),
            ("offline", f"zensical{tag}-offline.yml", f"zensical-offline{tag}"),
        ):
            targets[name + tag] = repo / config_file
            write_config(targets[name + tag], zensical_config(edition, result, docs, build_dir / site_dir, repo))
    for stale in repo.glob("zensical-*.yml"):
        if stale not in targets.values() and stale.name != "zensical-offline.yml":
            stale.unlink()
    return targets


def zensical_config(edition: SiteResult, main: SiteResult, docs: Path, site: Path, repo: Path) -> Config:
    """One of an edition's Zensical configs: its paths relative to the repository's root."""
    config: Config = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": docs.resolve().relative_to(repo.resolve()).as_posix(),
        "site_dir": site.resolve().relative_to(repo.resolve()).as_posix(),
        "theme": {"custom_dir": "overrides", "variant": "classic"},  # classic: Material's look
        "nav": edition.nav,
        "extra": {"hakusho": edition.theme_words},
        "markdown_extensions": markdown_extensions(edition),
    }
    return with_edition_settings(config, edition, main)


def write_config(target: Path, config: Config) -> None:
    text = "# Generated by `python -m builder build`; edit the repository's mkdocs.yml instead.\n" + yaml.dump(
        config, Dumper=_Dumper, allow_unicode=True, sort_keys=False
    )
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
