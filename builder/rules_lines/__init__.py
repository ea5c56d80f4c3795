"""Rules that join raw lines the text layer split apart (acronyms, ruby), take
figures out, and repair the text the layer damaged.

They run on the running text after the furniture is out, and keep every raw
line number in a joined line so the ledger can account for it.
"""
