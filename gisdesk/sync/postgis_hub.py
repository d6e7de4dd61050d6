"""The PostgreSQL/PostGIS hub: the city's central store on a real database server.

Same interface as :class:`~gisdesk.sync.folder_hub.FolderHub`, so working copies, the merge and
the tests do not care which hub they talk to. What the server adds:

* **grants, not trust.** Each layer table may be changed only by its owning department's role
  (``gisdesk_opd_pdam`` for water mains, …); everyone with ``gisdesk_viewer`` may read. A push
  runs as the connecting user, so PostgreSQL itself refuses another department's edits — also
  for someone typing SQL into psql.
* **the audit trail on the server**: triggers on every layer table write who (session_user),
  when and what (old and new row as JSON, one audit row per changed feature) into
  ``gisdesk.audit``, which users cannot write. They are statement-level triggers reading the
  statement's transition tables, so a push of 10 000 features is audited by a few set-based
  INSERTs instead of 10 000 trigger calls; a change typed in psql is audited the same way.
* **no passwords in GIS Desk**: the hub is named by a libpq connection string without a password
  (``host=… dbname=… user=…`` or ``service=…``); libpq takes the password from ``.pgpass`` or the
  service file.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pyarrow as pa
import pyogrio
import shapely
from psycopg import sql

from gisdesk.io.gpkg_store_blob import from_blob
from gisdesk.io.gpkg_store_tables import quote
from gisdesk.sync.changelog import Revision, coalesce, row_to_json, summarise, value_to_json
from gisdesk.sync.folder_hub import HubError
from gisdesk.sync.merge import Change, Conflict
from gisdesk.sync.postgis_apply import DATA_SCHEMA, apply_all, column_types

SCHEMA = "gisdesk"
LOCK_KEY = 4_711_2026  # advisory lock that serialises pushes from all workstations

_PG_TYPES = {"TEXT": "text", "INTEGER": "bigint", "MEDIUMINT": "bigint", "SMALLINT": "bigint",
             "TINYINT": "bigint", "REAL": "double precision", "FLOAT": "double precision",
             "DOUBLE": "double precision", "DATE": "date", "DATETIME": "timestamptz",
             "BOOLEAN": "boolean", "BLOB": "bytea"}  # BLOB: inspection photos stay bytes
_SQLITE_TYPES = {"text": "TEXT", "bigint": "INTEGER", "integer": "INTEGER",
                 "double precision": "REAL", "date": "DATE",
                 "timestamp with time zone": "DATETIME", "boolean": "BOOLEAN", "bytea": "BLOB"}

_BOOKKEEPING = """
CREATE SCHEMA IF NOT EXISTS gisdesk;
CREATE SCHEMA IF NOT EXISTS city;
CREATE TABLE IF NOT EXISTS gisdesk.hub_meta (key text PRIMARY KEY, value jsonb NOT NULL);
CREATE TABLE IF NOT EXISTS gisdesk.revisions (
    number integer PRIMARY KEY, author text NOT NULL, time timestamptz NOT NULL DEFAULT now(),
    summary text NOT NULL, sync_id text NOT NULL UNIQUE,
    db_user text NOT NULL DEFAULT session_user);
CREATE TABLE IF NOT EXISTS gisdesk.changes (
    id bigserial PRIMARY KEY, revision integer NOT NULL, layer text NOT NULL, uuid text NOT NULL,
    kind text NOT NULL, old jsonb, new jsonb);
CREATE INDEX IF NOT EXISTS changes_revision ON gisdesk.changes (revision);
CREATE INDEX IF NOT EXISTS changes_uuid ON gisdesk.changes (uuid);
CREATE TABLE IF NOT EXISTS gisdesk.conflicts (
    id bigserial PRIMARY KEY, revision integer NOT NULL, layer text NOT NULL, uuid text NOT NULL,
    field text, kind text NOT NULL, base jsonb, mine jsonb, theirs jsonb, author text NOT NULL,
    resolved_by text, restored boolean NOT NULL DEFAULT false);
CREATE TABLE IF NOT EXISTS gisdesk.audit (
    id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
    db_user text NOT NULL DEFAULT session_user, client_addr inet DEFAULT inet_client_addr(),
    layer text NOT NULL, uuid text, action text NOT NULL, old jsonb, new jsonb);
CREATE OR REPLACE FUNCTION gisdesk.audit_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, gisdesk AS $fn$
DECLARE
    cols text;
    old_rows text := 'SELECT NULL::bigint AS fid, NULL::jsonb AS j WHERE false';
    new_rows text := old_rows;
BEGIN
    -- Every column but the geometry: converting geometries to JSON (GeoJSON) only to drop
    -- them again was most of the cost of auditing a large push.
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
    WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped
      AND t.typname NOT IN ('geometry', 'geography');
    IF TG_OP <> 'INSERT' THEN
        old_rows := format('SELECT r.fid, to_jsonb(r) AS j FROM (SELECT %s FROM gisdesk_old) r',
                           cols);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_rows := format('SELECT r.fid, to_jsonb(r) AS j FROM (SELECT %s FROM gisdesk_new) r',
                           cols);
    END IF;
    EXECUTE format(
        'INSERT INTO gisdesk.audit (layer, uuid, action, old, new) '
        'SELECT %L, coalesce(n.j ->> %L, o.j ->> %L), %L, o.j, n.j '
        'FROM (%s) o FULL JOIN (%s) n USING (fid) ORDER BY fid',
        TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[0], lower(TG_OP), old_rows, new_rows);
    RETURN NULL;
END $fn$;
-- Only triggers run it (EXECUTE is checked when a trigger is created, not when it fires), so no
-- user can attach it to a table of their own and fill the audit trail with made-up rows.
REVOKE EXECUTE ON FUNCTION gisdesk.audit_rows() FROM PUBLIC;
"""


def _ident(*parts: str) -> sql.Identifier:
    return sql.Identifier(*parts)


class PostgisHub:
    """A hub in a PostgreSQL database with PostGIS; ``dsn`` carries no password."""

    def __init__(self, dsn: str) -> None:
        if "password=" in dsn.replace(" ", "").lower():
            raise HubError("put the password in .pgpass or a service file, not in the "
                           "connection string; GIS Desk never stores passwords")
        self.dsn = dsn
        try:
            with self._connect() as conn:
                row = conn.execute(
                    "SELECT value FROM gisdesk.hub_meta WHERE key = 'keys'"
                ).fetchone()
        except psycopg.errors.UndefinedTable as exc:
            raise HubError(f"{self.describe()} holds no GIS Desk hub; run 'gisdesk hub init'") \
                from exc
        if row is None:
            raise HubError(f"{self.describe()} holds no GIS Desk hub; run 'gisdesk hub init'")
        self.keys: dict[str, str] = dict(row[0])
        self._lock_owner: int | None = None  # thread holding the advisory lock via this object

    def _connect(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self.dsn, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise HubError(f"{self.describe()} is unreachable: {exc}".strip()) from exc

    def describe(self) -> str:
        """The hub's name in messages (never includes a password)."""
        return f"PostGIS hub '{self.dsn}'"

    @property
    def spec(self) -> str:
        """What a working copy stores to find this hub again."""
        return "postgresql:" + self.dsn

    @classmethod
    def init(cls, dsn: str, source: Path, keys: dict[str, str], owners: dict[str, str | None],
             author: str, departments: list[str] | None = None) -> PostgisHub:
        """Create the schema, load ``source``'s layers and set grants per owning department.

        Every department in ``departments`` (the OPD domain's codes) gets a group role that may
        read all layers; a layer's owner's role may also change it. Layers owned by nobody
        (inspections) may be changed by every department.
        """
        with psycopg.connect(dsn) as conn:
            if conn.execute(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = %s "
                "AND table_name = 'hub_meta'", (SCHEMA,)
            ).fetchone():
                raise HubError(f"PostGIS hub '{dsn}' already exists")
            conn.execute(_BOOKKEEPING)
            for layer, key in keys.items():
                _load_layer(conn, source, layer, key)
            _grant(conn, keys, owners, departments or [])
            conn.execute(
                "INSERT INTO gisdesk.hub_meta VALUES ('keys', %s)", (json.dumps(keys),)
            )
            conn.execute(
                "INSERT INTO gisdesk.revisions (number, author, summary, sync_id) "
                "VALUES (0, %s, 'hub created', 'init')", (author,)
            )
        return cls(dsn)

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the advisory lock that serialises pushes (released even if we are killed).

        Re-entrant for the thread that holds it, like the folder hub's file lock: a sync that
        holds the lock may call :meth:`checkout` (which locks too) without waiting for itself.
        """
        if self._lock_owner == threading.get_ident():
            yield
            return
        conn = self._connect()
        try:
            conn.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
            self._lock_owner = threading.get_ident()
            yield
        finally:
            self._lock_owner = None
            conn.close()  # closing the session releases the lock

    def head(self) -> int:
        """Newest revision number."""
        with self._connect() as conn:
            return int(conn.execute("SELECT max(number) FROM gisdesk.revisions").fetchone()[0])

    def has_sync(self, sync_id: str) -> int | None:
        """The revision a sync already produced (a retried push), or None."""
        with self._connect() as conn:
            row = conn.execute(
                "SELECT number FROM gisdesk.revisions WHERE sync_id = %s", (sync_id,)
            ).fetchone()
        return None if row is None else int(row[0])

    def changes_since(self, revision: int) -> list[Change]:
        """Every feature changed after ``revision``, one coalesced change each."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT layer, uuid, old::text, new::text FROM gisdesk.changes "
                "WHERE revision > %s ORDER BY revision, id", (revision,)
            ).fetchall()
        return coalesce(rows)

    def columns(self) -> dict[str, list[tuple[str, str]]]:
        """(name, SQLite type) of each layer table, so new hub fields reach working copies.

        One catalogue query for all layers: every sync asks, even one with nothing to do.
        """
        out: dict[str, list[tuple[str, str]]] = {layer: [] for layer in self.keys}
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = %s AND table_name = ANY(%s) "
                "AND data_type <> 'USER-DEFINED' ORDER BY table_name, ordinal_position",
                (DATA_SCHEMA, list(self.keys)),
            ).fetchall()
        for layer, name, pg_type in rows:
            if name != "fid":
                out[layer].append((name, _SQLITE_TYPES.get(pg_type, "TEXT")))
        return out

    def commit(self, changes: list[Change], conflicts: list[Conflict], author: str,
               sync_id: str) -> int:
        """Apply and record ``changes`` as one revision in one transaction; idempotent per id."""
        done = self.has_sync(sync_id)
        if done is not None:
            return done
        with self._connect() as conn:
            try:
                with conn.transaction():
                    number = int(conn.execute(
                        "SELECT max(number) FROM gisdesk.revisions"
                    ).fetchone()[0]) + 1
                    apply_all(conn, changes, self.keys)
                    _record(conn, number, changes, conflicts, author, sync_id)
            except psycopg.errors.InsufficientPrivilege as exc:
                raise HubError(
                    f"{self.describe()} refused the changes: {exc.diag.message_primary}. "
                    "Your department may not edit this layer; ask an administrator."
                ) from exc
        return number

    def checkout(self, target: Path) -> int:
        """Write the hub's layers into a new GeoPackage at ``target``; returns the revision."""
        tmp = target.with_name(target.name + ".part.gpkg")
        tmp.unlink(missing_ok=True)
        with self.locked(), self._connect() as conn:
            revision = int(conn.execute(
                "SELECT max(number) FROM gisdesk.revisions").fetchone()[0])
            for layer in self.keys:
                _write_layer(conn, layer, tmp)
        tmp.replace(target)
        return revision

    def log(self, limit: int = 50) -> list[Revision]:
        """Newest revisions first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT number, author, to_char(time AT TIME ZONE 'UTC', "
                "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), summary, sync_id FROM gisdesk.revisions "
                "ORDER BY number DESC LIMIT %s", (limit,)
            ).fetchall()
        return [Revision(*row) for row in rows]

    def conflicts(self, uuid: str | None = None) -> list[dict]:
        """Conflict records, values as JSON text like the folder hub's."""
        query = ("SELECT id, revision, layer, uuid, field, kind, base::text, mine::text, "
                 "theirs::text, author, resolved_by, restored FROM gisdesk.conflicts")
        params: tuple = ()
        if uuid is not None:
            query, params = query + " WHERE uuid = %s", (uuid,)
        with self._connect() as conn:
            cur = conn.execute(query + " ORDER BY id", params)
            names = [d.name for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def revision_changes(self, number: int) -> list[Change]:
        """What one revision changed (for the history view)."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT layer, uuid, old::text, new::text FROM gisdesk.changes "
                "WHERE revision = %s ORDER BY id", (number,)
            ).fetchall()
        return coalesce(rows)

    def feature_history(self, uuid: str) -> list[tuple[int, str, str, str | None, str | None]]:
        """(revision, author, kind, old, new) of every change to one asset, oldest first."""
        with self._connect() as conn:
            return conn.execute(
                "SELECT c.revision, r.author, c.kind, c.old::text, c.new::text "
                "FROM gisdesk.changes c JOIN gisdesk.revisions r ON r.number = c.revision "
                "WHERE c.uuid = %s ORDER BY c.revision, c.id", (uuid,)
            ).fetchall()

    def audit(self, uuid: str) -> list[tuple[str, str, str]]:
        """(database user, action, time) of every server-side change to one feature."""
        with self._connect() as conn:
            return conn.execute(
                "SELECT db_user, action, at::text FROM gisdesk.audit WHERE uuid = %s "
                "ORDER BY id", (uuid,)
            ).fetchall()


def _record(conn: psycopg.Connection, number: int, changes: list[Change],
            conflicts: list[Conflict], author: str, sync_id: str) -> None:
    """Log the revision's changes and conflicts (COPY: one stream, not a statement per row)."""
    with conn.cursor() as cur:
        with cur.copy("COPY gisdesk.changes (revision, layer, uuid, kind, old, new) "
                      "FROM STDIN") as copy:
            for c in changes:
                copy.write_row((number, c.layer, c.uuid, c.kind, row_to_json(c.old),
                                row_to_json(c.new)))
        cur.executemany(
            "INSERT INTO gisdesk.conflicts (revision, layer, uuid, field, kind, base, mine, "
            "theirs, author, resolved_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(number, c.layer, c.uuid, c.field, c.kind, value_to_json(c.base),
              value_to_json(c.mine), value_to_json(c.theirs), author,
              None if c.resolved_by is None else str(c.resolved_by)) for c in conflicts],
        )
    conn.execute(
        "INSERT INTO gisdesk.revisions (number, author, summary, sync_id) "
        "VALUES (%s, %s, %s, %s)", (number, author, summarise(changes, conflicts), sync_id),
    )


def _load_layer(conn: psycopg.Connection, source: Path, layer: str, key: str) -> None:
    """Create ``city.<layer>`` with the GeoPackage's declared column types and copy its rows."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        geom = src.execute(
            "SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns "
            "WHERE table_name = ?", (layer,)
        ).fetchone()
        info = src.execute(f"PRAGMA table_info({quote(layer)})").fetchall()
        geom_col = geom[0] if geom else None
        fields = [(r[1], r[2]) for r in info if not r[5] and r[1] != geom_col]
        table = _ident(DATA_SCHEMA, layer)
        columns = [sql.SQL("fid bigserial PRIMARY KEY")]
        for name, decl in fields:
            pg = _PG_TYPES.get(decl.upper().split("(")[0].strip(), "text")
            extra = sql.SQL(" UNIQUE NOT NULL") if name == key else sql.SQL("")
            columns.append(sql.SQL("{} {}{}").format(_ident(name), sql.SQL(pg), extra))
        if geom:
            columns.append(sql.SQL("geom geometry({}, {})").format(
                sql.SQL(_postgis_type(geom[1])), sql.Literal(int(geom[2]))))
        conn.execute(sql.SQL("CREATE TABLE {} ({})").format(table, sql.SQL(", ").join(columns)))
        if geom:
            conn.execute(sql.SQL("CREATE INDEX ON {} USING gist (geom)").format(table))
        names = [n for n, _ in fields]
        select = ", ".join(quote(n) for n in [*names, *([geom_col] if geom_col else [])])
        target = sql.SQL(", ").join(_ident(n) for n in [*names, *(["geom"] if geom else [])])
        rows = src.execute(f"SELECT {select} FROM {quote(layer)}")  # noqa: S608 - quoted names
        with conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(table, target)) as cp:
            for row in rows:
                values = list(row)
                if geom:
                    values[-1] = _ewkb_hex(values[-1], int(geom[2]))
                cp.write_row(values)
    finally:
        src.close()
    _create_audit_triggers(conn, layer, key)


def _create_audit_triggers(conn: psycopg.Connection, layer: str, key: str) -> None:
    """One statement-level trigger per action (PostgreSQL allows transition tables only on
    single-event triggers); each audits every row of its statement."""
    table = _ident(DATA_SCHEMA, layer)
    for action, tables in (("INSERT", "NEW TABLE AS gisdesk_new"),
                           ("UPDATE", "OLD TABLE AS gisdesk_old NEW TABLE AS gisdesk_new"),
                           ("DELETE", "OLD TABLE AS gisdesk_old")):
        conn.execute(sql.SQL(
            "CREATE TRIGGER {} AFTER {} ON {} REFERENCING {} FOR EACH STATEMENT "
            "EXECUTE FUNCTION {}.audit_rows({})"
        ).format(_ident(f"audit_{action.lower()}"), sql.SQL(action), table, sql.SQL(tables),
                 _ident(SCHEMA), sql.Literal(key)))


def _ewkb_hex(blob: bytes | None, srid: int) -> str | None:
    if blob is None:
        return None
    geom = from_blob(bytes(blob))
    return None if geom is None else f"SRID={srid};{shapely.to_wkb(geom, hex=True)}"


def _postgis_type(geom_type: str) -> str:
    base = geom_type.upper().replace("25D", "").replace("Z", "")
    allowed = {"POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
               "MULTIPOLYGON", "GEOMETRY"}
    return base if base in allowed else "GEOMETRY"


def _grant(conn: psycopg.Connection, keys: dict[str, str], owners: dict[str, str | None],
           departments: list[str]) -> None:
    """Viewer may read everything; each OPD role may change only the layers it owns."""
    roles = {"gisdesk_viewer"} | {_opd_role(o) for o in [*owners.values(), *departments] if o}
    for role in sorted(roles):
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(_ident(role)))
    editors = sorted(roles - {"gisdesk_viewer"})
    for role in sorted(roles):
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {}, {} TO {}").format(
            _ident(SCHEMA), _ident(DATA_SCHEMA), _ident(role)))
        conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {}, {} TO {}").format(
            _ident(SCHEMA), _ident(DATA_SCHEMA), _ident(role)))
    for role in editors:
        conn.execute(sql.SQL(
            "GRANT INSERT ON {}.revisions, {}.changes, {}.conflicts TO {}").format(
            _ident(SCHEMA), _ident(SCHEMA), _ident(SCHEMA), _ident(role)))
        conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {}, {} TO {}").format(
            _ident(SCHEMA), _ident(DATA_SCHEMA), _ident(role)))
    for layer, owner in owners.items():
        if layer not in keys:
            continue
        writers = editors if owner is None else [_opd_role(owner)]  # e.g. inspections: all
        for role in writers:
            conn.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(
                _ident(DATA_SCHEMA, layer), _ident(role)))


def _opd_role(opd: str) -> str:
    return "gisdesk_opd_" + "".join(ch for ch in opd.lower() if ch.isalnum())


def opd_role(opd: str) -> str:
    """The PostgreSQL group role of a department (grant it to a staff member's login role)."""
    return _opd_role(opd)


_ARROW_TYPES = {"bigint": pa.int64(), "integer": pa.int64(), "double precision": pa.float64(),
                "date": pa.date32(), "timestamp with time zone": pa.timestamp("ms", tz="UTC"),
                "boolean": pa.bool_(), "text": pa.string(), "bytea": pa.binary()}


def _write_layer(conn: psycopg.Connection, layer: str, target: Path) -> None:
    """Copy ``city.<layer>`` into the GeoPackage ``target`` keeping DATE/BOOLEAN column types."""
    table = _ident(DATA_SCHEMA, layer)
    types = column_types(conn, layer)
    fields = [n for n in types if n not in ("fid", "geom")]
    has_geom = "geom" in types
    select = sql.SQL(", ").join(
        [_ident(n) for n in fields] + ([sql.SQL("ST_AsBinary(geom)")] if has_geom else [])
    )
    rows = conn.execute(sql.SQL("SELECT {} FROM {} ORDER BY fid").format(select, table)).fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [()] * (len(fields) + has_geom)
    arrays = [pa.array(list(columns[i]), type=_ARROW_TYPES.get(types[n], pa.string()))
              for i, n in enumerate(fields)]
    names = list(fields)
    kwargs: dict[str, Any] = {}
    if has_geom:
        srid, geom_type = conn.execute(
            "SELECT srid, type FROM geometry_columns WHERE f_table_schema = %s AND "
            "f_table_name = %s", (DATA_SCHEMA, layer)).fetchone()
        arrays.append(pa.array([bytes(g) if g is not None else None for g in columns[-1]],
                               type=pa.binary()))
        names.append("geom")
        kwargs = {"geometry_name": "geom", "geometry_type": _ogr_type(geom_type),
                  "crs": f"EPSG:{srid}" if srid else None}
    pyogrio.write_arrow(pa.Table.from_arrays(arrays, names=names), str(target), layer=layer,
                        driver="GPKG", append=target.exists(), **kwargs)


def _ogr_type(postgis_type: str) -> str:
    names = {"POINT": "Point", "LINESTRING": "LineString", "POLYGON": "Polygon",
             "MULTIPOINT": "MultiPoint", "MULTILINESTRING": "MultiLineString",
             "MULTIPOLYGON": "MultiPolygon"}
    return names.get(postgis_type.upper(), "Unknown")
