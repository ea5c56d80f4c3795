"""Rules that join raw lines the text layer split apart (acronyms, ruby).

They run on the running text after figures are out, and keep every raw line
number in the joined line so the ledger can account for it.
"""
