"""Two builds of the same commit give byte-identical site/ and zip."""

import hashlib

from conftest import SITE_URL, build_everything


def tree_digest(root):
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_two_builds_are_identical(tmp_path, built):
    """A second build, in another folder, against the session's."""
    b = build_everything(tmp_path / "b", site_url=SITE_URL)
    assert tree_digest(built["site"]) == tree_digest(b[0])
    assert tree_digest(built["offline"]) == tree_digest(b[1])
    assert built["zip"].read_bytes() == b[2].read_bytes()
    sitemap = (built["site"] / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2015-04-25</lastmod>" in sitemap  # SOURCE_DATE_EPOCH=1430000000, not today
