"""Errors about the input: they name the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input: the build stops and says where and why.

    Printed as `file:line:column: key: message`, the form compilers and
    editors understand; line, column and key appear where they are known."""

    def __init__(self, path: Path | str, line: int | None, message: str, column: int | None = None, key: str = ""):
        self.path = Path(path)
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = str(self.path)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.key + ': ' if self.key else ''}{self.message}"


class Warnings:
    """Collects what a user would rather be told about than stopped by."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        self.items.append(str(InputError(path, line, message)))
