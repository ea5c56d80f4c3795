"""Stage 5: the chapter model as Markdown pages and data files."""
