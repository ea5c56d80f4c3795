"""Errors about the input: they name the file, the line and what was expected."""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input: the build stops and says where and why."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class Warnings:
    """Collects what a user would rather be told about than stopped by."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(str(InputError(path, line, message)))
