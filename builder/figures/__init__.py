"""Reading a figure's printed text: as data where its content allows."""
from __future__ import annotations

from . import capacity_building, printed_text, table, visits

READERS = {"visits": visits.read, "capacity_building": capacity_building.read, "table": table.read}


def read_figure(figure, chapter_config):
    spec = (chapter_config.figures or {}).get(figure.num)
    if spec:
        return spec["kind"], READERS[spec["kind"]](figure, spec, chapter_config)
    return "text", printed_text.read(figure)
