"""Rules that work inside one line or paragraph of text."""
