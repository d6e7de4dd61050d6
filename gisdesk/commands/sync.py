"""``gisdesk hub init|upgrade``, ``checkout``, ``sync`` (also ``sync conflicts`` and ``sync history
--asset``), ``status``, ``log``: offline work, and an administrator's view of it, from a shell."""

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
    init.add_argument("--author", default=None, metavar="NAME",
                      help="recorded as the author of revision 0 (default: your login)")
    init.set_defaults(func=_hub_init)
    upgrade = hub_sub.add_parser(
        "upgrade", help="bring a hub made by an older GIS Desk to this version's schema "
        "(run once, as the owner of the hub's database objects)")
    upgrade.add_argument("hub", help="hub folder or postgresql:<connection string>")
    upgrade.set_defaults(func=_hub_upgrade)

    checkout = sub.add_parser("checkout", help="copy a hub's data into a working-copy folder")
    checkout.add_argument("hub", help="hub folder or postgresql:<connection string>")
    checkout.add_argument("folder", type=Path)
    checkout.set_defaults(func=_checkout)

    sync = sub.add_parser(
        "sync", help="send local edits to the hub and receive others'",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="gisdesk sync [FOLDER] [--author NAME] [--json]\n"
              "       gisdesk sync conflicts [WORKING_COPY_OR_HUB] [--asset UUID] [--json]\n"
              "       gisdesk sync history --asset UUID [WORKING_COPY_OR_HUB] [--json]",
        description="Without a sub-command: sync the working copy FOLDER (default: here).\n"
                    "  conflicts  every conflict record kept on the hub: when, who, layer, "
                    "asset,\n             field, the value kept and the value set aside\n"
                    "  history    who changed what of one asset (--asset) and when\n"
                    "Both read a working copy's hub, a hub folder or postgresql:<connection "
                    "string>.\nA working copy folder named 'conflicts' or 'history' is "
                    "synced as ./conflicts.")
    sync.add_argument("folder", nargs="?", default=".", help=argparse.SUPPRESS)
    # The rest is parsed again by _sync, so options may follow a folder or a hub in any order
    # (argparse alone cannot take "history --asset U hub": two optional positionals).
    sync.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    _sync_options(sync, argparse.SUPPRESS)
    sync.set_defaults(func=_sync, author=None, asset=None, json=False, target=".")

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


def _sync_options(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument("--author", default=default, metavar="NAME",
                        help="who syncs, recorded in the hub's history (default: your login)")
    parser.add_argument("--asset", default=default, metavar="UUID",
                        help="UUID of one asset (conflicts, history)")
    parser.add_argument("--json", action="store_true", default=default,
                        help="print JSON for scripts instead of a table")


def _parse_rest(args: argparse.Namespace) -> None:
    """Options and the hub/working copy given after ``sync [conflicts|history]``."""
    action = args.folder if args.folder in ("conflicts", "history") else ""
    parser = argparse.ArgumentParser(prog=f"gisdesk sync {action}".strip())
    if action:
        parser.add_argument("target", nargs="?", default=argparse.SUPPRESS)
    _sync_options(parser, argparse.SUPPRESS)
    parser.parse_intermixed_args(args.rest, namespace=args)


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


def _hub_upgrade(args: argparse.Namespace) -> int:
    from gisdesk.cli import UserError
    from gisdesk.sync.folder_hub import HubError
    from gisdesk.sync.hubs import open_hub

    try:
        hub = open_hub(args.hub)  # opening upgrades an older hub (or says who must)
    except HubError as exc:
        raise UserError(str(exc)) from exc
    version = getattr(hub, "schema_version", None)
    print(f"{hub.describe()} is up to date" + (f" (schema version {version})" if version else ""))
    return 0


def _sync(args: argparse.Namespace) -> int:
    from gisdesk.cli import UserError
    from gisdesk.core.definitions import default_catalog
    from gisdesk.sync.folder_hub import HubError
    from gisdesk.sync.policies import policies_from_catalog

    _parse_rest(args)
    if args.folder in ("conflicts", "history"):
        return _conflicts(args) if args.folder == "conflicts" else _history(args)
    if args.asset is not None:
        raise UserError("'gisdesk sync' takes one working-copy folder; did you mean "
                        "'gisdesk sync conflicts' or 'gisdesk sync history --asset UUID'?")
    copy = _open_copy(Path(args.folder))
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


def _hub_for(target: str):
    """The hub named by a working copy folder, a hub folder or a postgresql: spec."""
    from gisdesk.cli import UserError
    from gisdesk.sync.folder_hub import HubError
    from gisdesk.sync.hubs import POSTGRES_PREFIX, open_hub

    try:
        if target.startswith(POSTGRES_PREFIX) or (Path(target) / "hub.json").is_file():
            return open_hub(target)
        return _open_copy(Path(target)).hub()
    except HubError as exc:
        raise UserError(str(exc)) from exc


def _shown(value: Any) -> str:
    """A stored value on one line: geometry as the start of its WKT, a whole feature by its
    field count, text quoted so an empty value is visible."""
    if isinstance(value, bytes):
        import shapely

        try:
            return shapely.from_wkb(value).wkt[:48] + "…"
        except shapely.errors.GEOSException:
            return f"<{len(value)} bytes>"
    if isinstance(value, dict):
        return f"feature ({len(value)} fields)"
    if value is None:
        return "(empty)"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$wkb": value.hex()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _conflicts(args: argparse.Namespace) -> int:
    from gisdesk.sync.records import conflict_entries

    entries = conflict_entries(_hub_for(args.target), args.asset)
    if args.json:
        print(json.dumps([{k: _jsonable(v) for k, v in e.__dict__.items()} for e in entries],
                         ensure_ascii=False))
        return 0
    if not entries:
        print("no conflict records: no value was ever set aside")
        return 0
    for e in entries:
        decided = e.policy or "waiting for a person (the hub value stands)"
        if e.kind == "edit_vs_delete":
            kept, aside, field = "the edited feature (mine)", "the hub's delete", "(whole feature)"
        elif e.kind == "delete_vs_edit":
            kept, aside, field = "the hub's edited feature", "my delete", "(whole feature)"
        else:
            kept = _shown(e.kept) if e.kept_known else "(not recorded)"
            aside = _shown(e.set_aside) if e.kept_known else (
                f"mine {_shown(e.mine)} / theirs {_shown(e.theirs)}")
            if e.kept_known and e.set_aside is None and e.mine != e.theirs:
                aside = "nothing (both values kept)"
            field = e.field or "(whole feature)"
        print(f"{e.time or '?'}  rev {e.revision}  {e.author}  {e.layer}  {e.uuid}  {field}\n"
              f"    kept: {kept}    set aside: {aside}    decided by: {decided}")
    return 0


def _history(args: argparse.Namespace) -> int:
    from gisdesk.cli import UserError
    from gisdesk.sync.records import asset_history

    if not args.asset:
        raise UserError("say which asset: gisdesk sync history --asset UUID [WORKING_COPY_OR_HUB]")
    changes = asset_history(_hub_for(args.target), args.asset)
    if args.json:
        print(json.dumps([{**c.__dict__, "fields": {k: [_jsonable(o), _jsonable(n)]
                                                    for k, (o, n) in c.fields.items()}}
                          for c in changes], ensure_ascii=False))
        return 0
    if not changes:
        raise UserError(f"the hub has no change recorded for asset {args.asset}")
    words = {"insert": "added", "update": "changed", "delete": "deleted"}
    for c in changes:
        print(f"{c.time}  rev {c.revision}  {c.author}  {c.layer}  {words.get(c.kind, c.kind)}")
        for name, (old, new) in sorted(c.fields.items()):
            print(f"    {name}: {_shown(old)} -> {_shown(new)}")
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
