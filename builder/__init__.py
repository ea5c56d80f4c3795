"""hakusho: a white-paper chapter, as it comes out of a PDF, into a documentation site."""
