"""Headless subcommands of ``gisdesk``. Each module exposes ``register(subparsers)``.

A module's ``register`` adds its subparser and sets ``func`` to a callable taking the parsed
arguments and returning an exit code. Heavy imports happen inside that callable so
``gisdesk --help`` stays instant.
"""

COMMAND_MODULES: list[str] = [
    # one line per subcommand module, e.g. "gisdesk.commands.info"
    "gisdesk.commands.sample_data",
    "gisdesk.commands.render",
    "gisdesk.commands.info",
    "gisdesk.commands.export_web",
    "gisdesk.commands.export_table",
    "gisdesk.commands.export_layer",
    "gisdesk.commands.export_map",
    "gisdesk.commands.export_report",
    "gisdesk.commands.query",
    "gisdesk.commands.trace",
    "gisdesk.commands.plan",
    "gisdesk.commands.sync",
]
