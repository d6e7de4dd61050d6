"""Queries over layers: the expression language, location queries, nearest and summaries.

Nothing here imports Qt: the desktop app, the command line and scripts share the same code.
"""
