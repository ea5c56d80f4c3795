"""Rules as a named chain that a profile chooses, after markdown-it-py's Ruler.

A rule is one module in one of the rule packages, named after what it does
(`rules_furniture/running_head.py` is the rule `running_head`); its `apply`
takes the stage's state and returns a new one, and its docstring's first
line says what it does. A layout profile (content/layout.yaml, or the one a
chapter names) lists the rules it runs, in order: a new edition is a new list,
not new code.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .state import LineState

PACKAGES = ("rules_furniture", "rules_lines")


@dataclass(frozen=True)
class Rule:
    name: str
    fn: Callable[[LineState], LineState]
    doc: str  # what it does, from its module's docstring
    package: str
    needs: tuple[str, ...] = ()  # the profile's keys it reads (its module's NEEDS)


def _discover() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for package in PACKAGES:
        pkg = importlib.import_module(f"{__package__}.{package}")
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{pkg.__name__}.{info.name}")
            fn = getattr(module, "apply", None)
            if fn is None:
                continue
            if info.name in rules:
                raise RuntimeError(f"rule '{info.name}' is in both {rules[info.name].package} and {package}")
            rules[info.name] = Rule(
                info.name,
                fn,
                (module.__doc__ or "").strip().split("\n")[0],
                package,
                tuple(getattr(module, "NEEDS", ())),
            )
    return rules


_RULES: dict[str, Rule] | None = None


def rules() -> dict[str, Rule]:
    """Every rule, by name."""
    global _RULES
    if _RULES is None:
        _RULES = _discover()
    return _RULES


def chain(names: Iterable[str]) -> list[Rule]:
    """The rules a profile names, in its order (the profile's schema check has
    already refused an unknown name)."""
    known = rules()
    return [known[n] for n in names]


def run(names: Iterable[str], state: LineState) -> LineState:
    for rule in chain(names):
        state = rule.fn(state)
    return state
