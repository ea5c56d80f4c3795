"""The inputs under content/: read with line marks, validated against a
schema before any stage runs."""
