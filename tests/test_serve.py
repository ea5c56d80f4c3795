"""`python -m builder serve` with content that does not build: it stops with the content's
error and its own, naming the content folder, before MkDocs or a server starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import InputError
from builder.serve import serve


def test_serve_stops_naming_the_content_when_the_first_build_fails(tmp_path, capsys):
    content = tmp_path / "content"

    def build(content: Path, out: Path, quiet: bool = False, engine: str = "mkdocs") -> object:
        raise InputError(content / "layout.yaml", 3, "expected a mapping")

    with pytest.raises(InputError) as stopped:
        serve(content, tmp_path / "build", build, "127.0.0.1:0")
    assert stopped.value.path == content
    assert "fix them and run `make serve` again" in str(stopped.value)
    assert f"{content / 'layout.yaml'}:3: expected a mapping" in capsys.readouterr().err
