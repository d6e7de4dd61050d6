"""The ``gisdesk`` entry point: no arguments opens the desktop app, subcommands run headless."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from gisdesk import __version__
from gisdesk.commands import COMMAND_MODULES


class UserError(Exception):
    """A problem the user can fix (bad path, bad argument); printed without a traceback."""


def build_parser(with_files: bool = True) -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand.

    ``with_files=False`` drops the app's ``files`` positional, which would otherwise swallow
    the subcommand name (argparse gives ``render`` to ``files`` and the path to COMMAND).
    """
    parser = argparse.ArgumentParser(
        prog="gisdesk",
        description="GIS Desk: offline-first desktop GIS for city asset management. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"gisdesk {__version__}")
    parser.add_argument("--lang", choices=["en", "id"], help="user interface language")
    if with_files:
        parser.add_argument("files", nargs="*", help="project or data files to open in the app")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app or a subcommand; returns the process exit code."""
    from gisdesk.paths import ConfigDirError  # noqa: PLC0415 - --help stays import-light

    try:
        return _main(argv)
    except ConfigDirError as exc:
        print(f"gisdesk: error: {exc}", file=sys.stderr)
        return 2


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # argparse would treat a file path as an unknown command: route only known commands.
    parser = build_parser()
    lang, rest = _split_lang(args_list)
    if rest and not rest[0].startswith("-") and rest[0] not in _command_names(parser):
        return _open_app(rest, lang=lang)
    if args_list and args_list[0] in _command_names(parser):
        parser = build_parser(with_files=False)
    args = parser.parse_args(args_list)
    if args.command is None:
        return _open_app(args.files, lang=args.lang)
    return _run_command(args)


def _run_command(args: argparse.Namespace) -> int:
    """Run a subcommand: user errors without a traceback, a closed pipe quietly."""
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except UserError as exc:
        if isinstance(exc.__cause__, BrokenPipeError):  # progress printed inside a job
            return _reader_went_away()
        print(f"gisdesk {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"gisdesk {args.command}: cancelled", file=sys.stderr)
        return 130


def _reader_went_away() -> int:
    """The reader of our output closed the pipe (``gisdesk trace … | head -1``): stop quietly.

    Python's documented way (signal module, "Note on SIGPIPE"): point stdout at devnull so the
    interpreter's last flush cannot raise again and print a traceback, and exit 1 (the
    output was cut short). No message: the reader chose to stop, nobody is left to read it.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (captured, replaced)
        pass
    return 1


def _split_lang(args: list[str]) -> tuple[str | None, list[str]]:
    """Take ``--lang X`` / ``--lang=X`` out of an app command line (``gisdesk --lang id f``)."""
    lang, rest, i = None, [], 0
    while i < len(args):
        if args[i] == "--lang" and i + 1 < len(args):
            lang, i = args[i + 1], i + 2
            continue
        if args[i].startswith("--lang="):
            lang = args[i].split("=", 1)[1]
        else:
            rest.append(args[i])
        i += 1
    return (lang if lang in ("en", "id") else None), rest


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _open_app(files: Sequence[str], lang: str | None) -> int:
    # Qt is imported only when the GUI is wanted, so headless subcommands stay Qt-free.
    from gisdesk.paths import ConfigDirError  # noqa: PLC0415
    from gisdesk.ui.app import run_app  # noqa: PLC0415

    try:
        return run_app(list(files), lang=lang)
    except ConfigDirError as exc:
        # gisdesk.exe has no console on Windows: say it in a window too.
        from gisdesk.ui.app import show_startup_error  # noqa: PLC0415

        show_startup_error(str(exc))
        raise


if __name__ == "__main__":
    raise SystemExit(main())
