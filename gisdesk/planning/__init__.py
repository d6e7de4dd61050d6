"""Planning priority: risk per asset (likelihood × consequence) and budgeted programmes.

Qt-free: the ``Risk & programme`` dialog, ``gisdesk plan`` and the benchmark all call
:func:`~gisdesk.planning.risk.score_risk` and :func:`~gisdesk.planning.programme.plan_programme`.
"""
