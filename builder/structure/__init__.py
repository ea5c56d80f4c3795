"""Stage 4: the chapter model — sections (節), items (項), and what they hold."""
