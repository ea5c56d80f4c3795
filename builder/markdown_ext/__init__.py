"""Python-Markdown extensions the site's mkdocs.yml loads."""
