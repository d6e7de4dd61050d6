"""``gisdesk hub init``, ``checkout``, ``sync``, ``status``, ``log``: offline work from a shell."""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add the sync subcommands."""
    hub = sub.add_parser("hub", help="create and inspect hubs (the city's central store)")
    hub_sub = hub.add_subparsers(dest="hub_command", metavar="HUB_COMMAND", required=True)
    init = hub_sub.add_parser("init", help="create a hub (folder or PostGIS) from a GeoPackage")
    init.add_argument("hub", help="hub folder (a shared drive or USB stick), or "
                      "'postgresql:<connection string>' such as postgresql:service=gorontalo "
                      "(passwords come from .pgpass or the service file, never the command)")
    init.add_argument("--from", dest="source", type=Path, required=True,
                      help="GeoPackage holding the city's layers")
    init.add_argument("--author", default=None)
    init.set_defaults(func=_hub_init)

    checkout = sub.add_parser("checkout", help="copy a hub's data into a working-copy folder")
    checkout.add_argument("hub", help="hub folder or postgresql:<connection string>")
    checkout.add_argument("folder", type=Path)
    checkout.set_defaults(func=_checkout)

    sync = sub.add_parser("sync", help="send local edits to the hub and receive others'")
    sync.add_argument("folder", type=Path, nargs="?", default=Path("."))
    sync.add_argument("--author", default=None)
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(func=_sync)

    status = sub.add_parser("status", help="pending local changes and hub revision")
    status.add_argument("folder", type=Path, nargs="?", default=Path("."))
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=_status)

    log = sub.add_parser("log", help="revision history of the hub")
    log.add_argument("folder", type=Path, nargs="?", default=Path("."),
                     help="working copy or hub folder")
    log.add_argument("--limit", type=int, default=20)
    log.add_argument("--json", action="store_true")
    log.set_defaults(func=_log)


def _author(args: argparse.Namespace) -> str:
    return args.author or getpass.getuser()


def _layers_for(source: Path) -> tuple[dict[str, str], dict[str, str | None], list[str]]:
    """(table -> UUID key, table -> owning OPD, all OPD codes) for the tables a hub carries."""
    from gisdesk.core.definitions import default_catalog
    from gisdesk.sync.layers import hub_layers

    found = hub_layers(source, default_catalog())
    return found.keys, found.owners, found.departments


def _hub_init(args: argparse.Namespace) -> int:
    from gisdesk.cli import UserError
    from gisdesk.sync.folder_hub import FolderHub, HubError
    from gisdesk.sync.hubs import POSTGRES_PREFIX

    if not args.source.is_file():
        raise UserError(f"{args.source} not found")
    keys, owners, departments = _layers_for(args.source)
    if not keys:
        raise UserError(f"{args.source} has no layer matching a layer definition; nothing to sync")
    try:
        if args.hub.startswith(POSTGRES_PREFIX):
            from gisdesk.sync.postgis_hub import PostgisHub

            hub = PostgisHub.init(args.hub.removeprefix(POSTGRES_PREFIX), args.source, keys,
                                  owners, _author(args), departments)
        else:
            hub = FolderHub.init(Path(args.hub), args.source, keys, _author(args))
    except HubError as exc:
        raise UserError(str(exc)) from exc
    print(f"created {hub.describe()} with layers: {', '.join(sorted(keys))}")
    return 0


def _checkout(args: argparse.Namespace) -> int:
    from gisdesk.cli import UserError
    from gisdesk.sync.folder_hub import HubError
    from gisdesk.sync.hubs import open_hub
    from gisdesk.sync.working_copy import SyncError, WorkingCopy

    try:
        copy = WorkingCopy.checkout(open_hub(args.hub), args.folder)
    except (HubError, SyncError) as exc:
        raise UserError(str(exc)) from exc
    print(f"checked out revision {copy.state.revision} into {copy.data}")
    return 0


def _open_copy(folder: Path):
    from gisdesk.cli import UserError
    from gisdesk.sync.working_copy import SyncError, WorkingCopy

    try:
        return WorkingCopy(folder)
    except SyncError as exc:
        raise UserError(str(exc)) from exc


def _sync(args: argparse.Namespace) -> int:
    from gisdesk.cli import UserError
    from gisdesk.core.definitions import default_catalog
    from gisdesk.sync.folder_hub import HubError
    from gisdesk.sync.policies import policies_from_catalog

    copy = _open_copy(args.folder)
    try:
        report = copy.sync(_author(args), policies_from_catalog(default_catalog()))
    except HubError as exc:
        raise UserError(f"sync FAILED, nothing was lost, you can keep working offline: {exc}") \
            from exc
    open_conflicts = [c for c in report.conflicts if c.resolved_by is None]
    if args.json:
        print(json.dumps({
            "revision": report.revision, "sent": len(report.pushed),
            "received": len(report.pulled), "conflicts": len(open_conflicts),
            "up_to_date": report.up_to_date,
        }))
    else:
        print(report.describe())
        for c in open_conflicts:
            print(f"  conflict: {c.layer} {c.uuid} {c.field or '(whole feature)'}: "
                  f"mine={c.mine!r} theirs={c.theirs!r}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from gisdesk.sync.folder_hub import HubError

    copy = _open_copy(args.folder)
    try:
        hub = copy.hub()
        head, reachable = hub.head(), True
        pending = copy.local_changes()
    except HubError:
        head, reachable, pending = None, False, []
    data = {
        "working_copy": str(copy.folder), "hub": copy.state.hub, "hub_reachable": reachable,
        "revision": copy.state.revision, "hub_revision": head,
        "local_changes": len(pending), "unresolved_conflicts": len(copy.state.conflicts),
        "unfinished_sync": copy.state.pending_sync is not None,
    }
    if args.json:
        print(json.dumps(data))
    else:
        for key, value in data.items():
            print(f"{key.replace('_', ' ')}: {value}")
    return 0


def _log(args: argparse.Namespace) -> int:
    from gisdesk.cli import UserError
    from gisdesk.sync.folder_hub import FolderHub, HubError

    folder: Path = args.folder
    try:
        hub = FolderHub(folder) if (folder / "hub.json").is_file() else _open_copy(folder).hub()
        revisions = hub.log(args.limit)
    except HubError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print(json.dumps([r.__dict__ for r in revisions]))
    else:
        for rev in revisions:
            print(f"{rev.number:>5}  {rev.time}  {rev.author:<16} {rev.summary}")
    return 0
