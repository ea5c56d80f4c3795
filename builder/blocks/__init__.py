"""Stage 3: lines into blocks (headings, paragraphs, notes, figures, boxes)."""
