"""Headless subcommands of ``gisdesk``. Each module exposes ``register(subparsers)``.

A module's ``register`` adds its subparser and sets ``func`` to a callable taking the parsed
arguments and returning an exit code. Heavy imports happen inside that callable so
``gisdesk --help`` stays instant.
"""

COMMAND_MODULES = [
    "gisdesk.commands.sample_data",
    "gisdesk.commands.info",
    "gisdesk.commands.render",
]
