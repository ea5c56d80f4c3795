"""Regular expressions written in the inputs, run in time that no input can blow up.

A pattern from content/ (a layout's headings, a running head, a country's
forms, an event kind's background clauses…) is compiled here and nowhere
else. Python's `re` backtracks: `(?:.+)+米国` takes longer than the age of the
universe on one line of text. So a pattern runs on RE2 (google-re2), whose time
is linear in the text, with Python's meaning of its escapes kept: `\\d` any
decimal digit (`\\p{Nd}`), `\\s` any space, the ideographic one too, `\\w` any
letter or digit, `\\uXXXX` a character. RE2 has no lookaround; a pattern that
needs one (`米(?=海軍|…)`, the English `sentence_end`) runs on Python's `re`, and
only if it cannot backtrack: no repetition in a lookaround, none inside another,
none of more than MAX_BOUND, and one without an upper bound only at the end of
the pattern (`日[米豪…]+`), where its run is never given back. Such a pattern
does a bounded work at each place of a line: its time is linear too. Anything else RE2 refuses (a
back-reference, a pattern that compiles in neither) is a PatternError, which
the schema check turns into `file:line:column: key: …` as the file is read.

(RE2's `\\b` is ASCII's word boundary: after a digit a Japanese character is one.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from re import _constants as _sre  # type: ignore[attr-defined]  # the parser `re` itself uses (3.11), no stubs
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a refused pattern is our error to report, not RE2's log line

# Python's \s in a str pattern (str.isspace), as the inside of a class
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_WORD = r"\p{L}\p{N}_"
_INSIDE = {"d": r"\p{Nd}", "s": _SPACE, "w": _WORD}
_NEGATED = {"D": "d", "S": "s", "W": "w"}


class PatternError(ValueError):
    """A pattern that cannot be run safely; the message says why and what is expected."""


def _to_re2(source: str) -> str:
    """Python's escapes in RE2's words (see above)."""
    out, i, in_class = [], 0, False
    while i < len(source):
        c = source[i]
        if c == "\\" and i + 1 < len(source):
            e = source[i + 1]
            if e == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", source[i + 2 : i + 6]):
                out.append(r"\x{" + source[i + 2 : i + 6] + "}")
                i += 6
                continue
            if e == "U" and re.fullmatch(r"[0-9a-fA-F]{8}", source[i + 2 : i + 10]):
                out.append(r"\x{" + source[i + 2 : i + 10] + "}")
                i += 10
                continue
            if e in _INSIDE:
                out.append(_INSIDE[e] if in_class else f"[{_INSIDE[e]}]")
            elif e in _NEGATED:
                if in_class and e != "D":
                    raise PatternError(f"\\{e} inside a character class; expected it outside one")
                out.append(r"\P{Nd}" if e == "D" else f"[^{_INSIDE[_NEGATED[e]]}]")
            else:
                out.append(source[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            i += 1
            # a ] first in a class (after an optional ^) is a character of it
            if source[i : i + 1] == "^":
                out.append("^")
                i += 1
            if source[i : i + 1] == "]":
                out.append(r"\]")
                i += 1
            continue
        if c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)


class Match:
    """A match, as `re`'s: RE2's binding takes no group name in start(), end() or span()."""

    __slots__ = ("_m",)

    def __init__(self, m: Any) -> None:  # re2's match (the binding has no types)
        self._m = m

    def _index(self, group: int | str) -> int:
        return group if isinstance(group, int) else int(self._m.re.groupindex[group])

    def group(self, *groups: int | str) -> Any:  # a string, None, or a tuple of them, as re's
        return self._m.group(*groups)

    def __getitem__(self, group: int | str) -> str | None:
        return cast("str | None", self._m[group])

    def groups(self, default: str | None = None) -> tuple[str | None, ...]:
        return tuple(self._m.groups(default))

    def groupdict(self, default: str | None = None) -> dict[str, str | None]:
        return dict(self._m.groupdict(default))

    def start(self, group: int | str = 0) -> int:
        return int(self._m.start(self._index(group)))

    def end(self, group: int | str = 0) -> int:
        return int(self._m.end(self._index(group)))

    def span(self, group: int | str = 0) -> tuple[int, int]:
        start, end = self._m.span(self._index(group))
        return int(start), int(end)

    @property
    def string(self) -> str:
        return str(self._m.string)


class Pattern:
    """An RE2 pattern with `re`'s methods, and its source as written."""

    def __init__(self, source: str, compiled: Any) -> None:  # re2's pattern
        self.pattern = source
        self._re = compiled
        self.groupindex: dict[str, int] = dict(compiled.groupindex)
        self.groups: int = compiled.groups

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        m = self._re.search(text, pos, endpos)
        return Match(m) if m else None

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        m = self._re.match(text, pos, endpos)
        return Match(m) if m else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Match | None:
        m = self._re.fullmatch(text, pos, endpos)
        return Match(m) if m else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match]:
        return map(Match, self._re.finditer(text, pos, endpos))

    def __repr__(self) -> str:
        return f"patterns.compile({self.pattern!r})"


MAX_BOUND = 64  # a bounded repetition's most: {0,100000} would be a line's length of work at each place


def _repeats(items: list[tuple[Any, Any]], inside: bool, tail: bool) -> None:
    """Walk a parsed pattern: refuse a repetition inside a repetition or a lookaround, and one
    without a bound anywhere but at the end of the pattern (`tail`: nothing follows these items).
    A greedy run with nothing after it never gives back, so the work at each place of the text is
    bounded by the pattern, and a search is linear in the line."""
    for n, (op, av) in enumerate(items):
        last = tail and n == len(items) - 1
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            _, hi, body = av
            if hi > 1:
                if inside:
                    raise PatternError(
                        "a repetition inside a repetition or a lookaround, which backtracks; "
                        "expected none (without a lookaround, RE2 runs any pattern)"
                    )
                _repeats(body, True, False)
                if hi == _sre.MAXREPEAT and not last:
                    raise PatternError(
                        "a repetition without a bound before the end of the pattern, which can backtrack "
                        "over the whole line at each place of it; expected one only at the end (a pattern "
                        "with a lookaround runs on Python's re)"
                    )
                if hi != _sre.MAXREPEAT and hi > MAX_BOUND:
                    raise PatternError(f"a repetition of up to {hi}; expected at most {MAX_BOUND}")
            else:
                _repeats(body, inside, last)
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            _repeats(av[1], True, False)
        elif op == _sre.SUBPATTERN:
            _repeats(av[-1], inside, last)
        elif op == _sre.BRANCH:
            for branch in av[1]:
                _repeats(branch, inside, last)
        elif op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS, _sre.ATOMIC_GROUP):
            raise PatternError("a back-reference or a conditional group; expected a pattern RE2 can run")


Compiled = Pattern | re.Pattern[str]  # what compile() gives: RE2's, or, with a lookaround, Python's


@functools.cache
def compile(source: str) -> Compiled:
    """The pattern, compiled to run in linear time (or, with a lookaround, bounded: see above);
    PatternError if it cannot be."""
    if not source:
        raise PatternError("an empty pattern matches every line; expected a pattern")
    try:
        python = re.compile(source)  # its meaning, and its syntax errors, as Python's
    except re.error as e:
        raise PatternError(f"'{source}' is not a valid regular expression ({e}); expected a Python regex") from None
    try:
        return Pattern(source, re2.compile(_to_re2(source), _OPTIONS))
    except re2.error:
        pass
    if not re.search(r"\(\?<?[=!]", source):
        raise PatternError(
            f"'{source}' uses what RE2 cannot run in linear time (a back-reference?); expected a pattern without one"
        )
    try:
        _repeats(list(sre_parse.parse(source)), False, True)
    except PatternError as e:
        raise PatternError(f"'{source}': {e}") from None
    return python
