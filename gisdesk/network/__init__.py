"""Utility networks: graphs built from mains and drains, quality checks, isolation and traces.

No Qt and no scipy: nodes come from snapping line ends (and valves) within a tolerance, the graph
is a compressed adjacency (CSR) in numpy arrays, and traversals expand whole frontiers at once.
"""
