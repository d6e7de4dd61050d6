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
* **direct edits travel too**: a write that is not a GIS Desk push (psql, QGIS connected to the
  database, a script) becomes a revision of its own, written by the same trigger into the change
  log, so working copies receive it on their next sync. A push marks its transaction
  (``gisdesk.push``) so its rows are logged once, by the push.
* **a versioned schema**: ``hub_meta.schema_version`` is checked on every open. A hub from a newer
  GIS Desk is refused; an older one is upgraded in one transaction when the connecting role owns
  the hub, else refused with the command the owner must run (``gisdesk hub upgrade``).
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

from gisdesk.i18n import translate
from gisdesk.io.gpkg_store_blob import from_blob
from gisdesk.io.gpkg_store_tables import quote
from gisdesk.sync.changelog import Revision, coalesce, row_to_json, summarise, value_to_json
from gisdesk.sync.folder_hub import HubError
from gisdesk.sync.merge import Change, Conflict
from gisdesk.sync.postgis_apply import DATA_SCHEMA, apply_all, column_types

SCHEMA = "gisdesk"
LOCK_KEY = 4_711_2026  # advisory lock that serialises pushes from all workstations
HUB_SCHEMA_VERSION = 3
"""1: a per-row audit trigger (the first PostGIS hubs, no version recorded); 2: statement-level
audit triggers (no version recorded); 3: version recorded, conflict records keep the value that
was kept, direct database edits become revisions."""
_UTC = "to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
PUSH_SETTING = "gisdesk.push"  # set in a push's transaction: the trigger leaves logging to it

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
    resolved_by text, restored boolean NOT NULL DEFAULT false, kept jsonb);
CREATE TABLE IF NOT EXISTS gisdesk.audit (
    id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
    db_user text NOT NULL DEFAULT session_user, client_addr inet DEFAULT inet_client_addr(),
    layer text NOT NULL, uuid text, action text NOT NULL, old jsonb, new jsonb);
"""

_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION gisdesk.audit_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, gisdesk AS $fn$
DECLARE
    cols text;
    old_rows text := 'SELECT NULL::bigint AS fid, NULL::jsonb AS j WHERE false';
    new_rows text := old_rows;
    rev integer;
    fresh boolean;
    logged bigint;
    postgis text;
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
    IF coalesce(current_setting('gisdesk.push', true), '') <> '' THEN
        RETURN NULL;  -- a GIS Desk push logs its own changes
    END IF;
    -- A direct edit: log whole rows the way working copies store them (no fid, geometry as
    -- ISO WKB under "geometry", booleans 0/1, times as GeoPackage text) in one revision per
    -- transaction, so the next sync of every working copy receives it.
    SELECT n.nspname INTO postgis FROM pg_extension e
    JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis';
    SELECT string_agg(format('%s AS %I', CASE
        WHEN t.typname = 'geometry' THEN format(
            'CASE WHEN %1$I IS NULL THEN NULL ELSE jsonb_build_object(''$wkb'', '
            'encode(%2$I.st_asbinary(%1$I, ''NDR''), ''hex'')) END', a.attname, postgis)
        WHEN t.typname = 'bytea' THEN format(
            'CASE WHEN %1$I IS NULL THEN NULL ELSE jsonb_build_object(''$wkb'', '
            'encode(%1$I, ''hex'')) END', a.attname)
        WHEN t.typname = 'timestamptz' THEN format(
            'to_char(%I AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'')', a.attname)
        WHEN t.typname = 'bool' THEN format('%I::integer', a.attname)
        ELSE quote_ident(a.attname) END,
        CASE WHEN t.typname = 'geometry' THEN 'geometry' ELSE a.attname END),
        ', ' ORDER BY a.attnum) INTO cols
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
    WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'fid';
    old_rows := 'SELECT NULL::text AS k, NULL::jsonb AS j WHERE false';
    new_rows := old_rows;
    IF TG_OP <> 'INSERT' THEN
        old_rows := format('SELECT r.%I AS k, to_jsonb(r) AS j FROM (SELECT %s FROM gisdesk_old) r',
                           TG_ARGV[0], cols);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_rows := format('SELECT r.%I AS k, to_jsonb(r) AS j FROM (SELECT %s FROM gisdesk_new) r',
                           TG_ARGV[0], cols);
    END IF;
    rev := nullif(current_setting('gisdesk.direct_revision', true), '')::integer;
    fresh := rev IS NULL;
    IF fresh THEN
        SELECT coalesce(max(number), 0) + 1 INTO rev FROM gisdesk.revisions;
    END IF;
    -- Joined on the key, not the fid: an UPDATE that changes a UUID is a delete and an insert.
    EXECUTE format(
        'INSERT INTO gisdesk.changes (revision, layer, uuid, kind, old, new) '
        'SELECT %s, %L, coalesce(n.k, o.k), CASE WHEN o.j IS NULL THEN ''insert'' '
        'WHEN n.j IS NULL THEN ''delete'' ELSE ''update'' END, o.j, n.j '
        'FROM (%s) o FULL JOIN (%s) n ON n.k = o.k WHERE o.j IS DISTINCT FROM n.j '
        'ORDER BY 3', rev, TG_TABLE_NAME, old_rows, new_rows);
    GET DIAGNOSTICS logged = ROW_COUNT;
    IF logged = 0 THEN
        RETURN NULL;  -- nothing really changed: no empty revision
    END IF;
    IF fresh THEN
        BEGIN
            INSERT INTO gisdesk.revisions (number, author, summary, sync_id)
            VALUES (rev, session_user, 'direct database edit', 'direct-' || txid_current());
        EXCEPTION WHEN unique_violation THEN
            RAISE EXCEPTION 'GIS Desk hub: a sync took revision % at the same moment; '
                'nothing was changed, run your statement again', rev
                USING ERRCODE = 'serialization_failure';
        END;
        PERFORM set_config('gisdesk.direct_revision', rev::text, true);
    END IF;
    -- The same summary shape as a push's ("2 updated in water_mains"), after a marker.
    UPDATE gisdesk.revisions SET summary = (
        SELECT 'direct database edit; ' || string_agg(part, '; ' ORDER BY layer) FROM (
            SELECT layer, string_agg(n || ' ' || CASE kind WHEN 'insert' THEN 'added'
                WHEN 'update' THEN 'updated' ELSE 'deleted' END, ', ' ORDER BY kind)
                || ' in ' || layer AS part
            FROM (SELECT layer, kind, count(DISTINCT uuid) AS n FROM gisdesk.changes
                  WHERE revision = rev GROUP BY layer, kind) c
            GROUP BY layer) p)
    WHERE number = rev;
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
                version = _stored_version(conn)
        except psycopg.errors.UndefinedTable as exc:
            raise HubError(f"{self.describe()} holds no GIS Desk hub; run 'gisdesk hub init'") \
                from exc
        if row is None:
            raise HubError(f"{self.describe()} holds no GIS Desk hub; run 'gisdesk hub init'")
        self.keys: dict[str, str] = dict(row[0])
        self._lock_owner: int | None = None  # thread holding the advisory lock via this object
        self._locked_head: int | None = None  # head when the lock was taken (see commit)
        if version > HUB_SCHEMA_VERSION:
            raise HubError(translate(
                "SyncHub", "{hub} was made by a newer GIS Desk (hub schema version {version}; "
                "this GIS Desk knows up to {known}). Update GIS Desk on this workstation to use "
                "it; nothing was changed.").format(
                    hub=self.describe(), version=version, known=HUB_SCHEMA_VERSION))
        if version < HUB_SCHEMA_VERSION:
            self._upgrade(version)
        self.schema_version = HUB_SCHEMA_VERSION

    def _upgrade(self, version: int) -> None:
        """Bring a hub made by an older GIS Desk to this schema, in one transaction.

        Needs the hub's owner (it replaces triggers); anyone else gets the command to give the
        owner, and the hub is left exactly as it was.
        """
        old = (translate("SyncHub", "per-row audit trigger") if version == 1 else translate(
            "SyncHub", "statement-level audit trigger, direct database edits not distributed"))
        try:
            with self._connect() as conn, conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))  # no push now
                if _stored_version(conn) < HUB_SCHEMA_VERSION:  # another client may have won
                    _install_schema(conn, self.keys)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise HubError(translate(
                "SyncHub", "{hub} was made by an older GIS Desk (hub schema version {version}: "
                "{old}) and must be upgraded once to version {known} by the owner of the hub's "
                "database objects: run '{command}' as that user. Nothing was changed.").format(
                    hub=self.describe(), version=version, old=old, known=HUB_SCHEMA_VERSION,
                    command=f"gisdesk hub upgrade {self.spec}")
            ) from exc

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
            _install_schema(conn, keys)
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
            self._locked_head = int(conn.execute(
                "SELECT max(number) FROM gisdesk.revisions").fetchone()[0])
            self._lock_owner = threading.get_ident()
            yield
        finally:
            self._lock_owner = self._locked_head = None
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
        """Apply and record ``changes`` as one revision in one transaction; idempotent per id.

        Call inside :meth:`locked`. Pushes are serialised by the lock, but a direct database
        edit is not: when one became a revision after the lock was taken, the changes were
        merged without it, so the push is refused (nothing written) and the next sync merges
        it. The transaction is marked as a push so the audit trigger does not log it again.
        """
        done = self.has_sync(sync_id)
        if done is not None:
            return done
        moved = HubError(translate(
            "SyncHub", "{hub} changed during this sync (an edit made directly in the database); "
            "nothing was sent. Sync again.").format(hub=self.describe()))
        with self._connect() as conn:
            try:
                with conn.transaction():
                    conn.execute("SET LOCAL lock_timeout = '30s'")
                    head = int(conn.execute(
                        "SELECT max(number) FROM gisdesk.revisions"
                    ).fetchone()[0])
                    if self._locked_head is not None and head != self._locked_head:
                        raise moved
                    number = head + 1
                    conn.execute("SELECT set_config(%s, %s, true)", (PUSH_SETTING, str(number)))
                    apply_all(conn, changes, self.keys)
                    _record(conn, number, changes, conflicts, author, sync_id)
            except psycopg.errors.InsufficientPrivilege as exc:
                raise HubError(
                    f"{self.describe()} refused the changes: {exc.diag.message_primary}. "
                    "Your department may not edit this layer; ask an administrator."
                ) from exc
            except psycopg.errors.UniqueViolation as exc:
                raise moved from exc
            except psycopg.errors.LockNotAvailable as exc:
                raise HubError(translate(
                    "SyncHub", "{hub} is busy (someone is editing its tables directly); "
                    "nothing was sent. Try again shortly.").format(hub=self.describe())) from exc
        return number

    def checkout(self, target: Path) -> int:
        """Write the hub's layers into a new GeoPackage at ``target``; returns the revision."""
        tmp = target.with_name(target.name + ".part.gpkg")
        tmp.unlink(missing_ok=True)
        with self.locked(), self._connect() as conn:
            # One snapshot: a direct database edit committed meanwhile is in both or neither.
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
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
                "SELECT number, author, " + _UTC.format("time") + ", summary, sync_id "
                "FROM gisdesk.revisions "
                "ORDER BY number DESC LIMIT %s", (limit,)
            ).fetchall()
        return [Revision(*row) for row in rows]

    def conflicts(self, uuid: str | None = None) -> list[dict]:
        """Conflict records, values as JSON text like the folder hub's."""
        query = ("SELECT c.id, c.revision, c.layer, c.uuid, c.field, c.kind, c.base::text AS "
                 "base, c.mine::text AS mine, c.theirs::text AS theirs, c.author, c.resolved_by, "
                 "c.restored, c.kept::text AS kept, " + _UTC.format("r.time") + " AS time "
                 "FROM gisdesk.conflicts c LEFT JOIN gisdesk.revisions r ON r.number = c.revision")
        params: tuple = ()
        if uuid is not None:
            query, params = query + " WHERE c.uuid = %s", (uuid,)
        with self._connect() as conn:
            cur = conn.execute(query + " ORDER BY c.id", params)
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

    def feature_history(
        self, uuid: str
    ) -> list[tuple[int, str, str, str | None, str | None, str, str]]:
        """(revision, author, kind, old, new, time, layer) of every change to one asset,
        oldest first."""
        with self._connect() as conn:
            return conn.execute(
                "SELECT c.revision, r.author, c.kind, c.old::text, c.new::text, "
                + _UTC.format("r.time") + ", c.layer "
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
            "theirs, author, resolved_by, kept) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(number, c.layer, c.uuid, c.field, c.kind, value_to_json(c.base),
              value_to_json(c.mine), value_to_json(c.theirs), author,
              None if c.resolved_by is None else str(c.resolved_by), value_to_json(c.kept))
             for c in conflicts],
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


def _stored_version(conn: psycopg.Connection) -> int:
    """The hub's schema version; hubs made before it was recorded are told by their trigger."""
    row = conn.execute(
        "SELECT value FROM gisdesk.hub_meta WHERE key = 'schema_version'").fetchone()
    if row is not None:
        return int(row[0])
    per_row = conn.execute(
        "SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n "
        "ON n.oid = p.pronamespace WHERE n.nspname = %s AND p.proname = 'audit_row' LIMIT 1",
        (SCHEMA,)).fetchone()
    return 1 if per_row else 2


def _install_schema(conn: psycopg.Connection, keys: dict[str, str]) -> None:
    """Functions, triggers and the version of the current schema (new hubs and upgrades)."""
    conn.execute("ALTER TABLE gisdesk.conflicts ADD COLUMN IF NOT EXISTS kept jsonb")
    conn.execute(_FUNCTIONS)
    for layer, key in keys.items():
        _create_audit_triggers(conn, layer, key)
    conn.execute("DROP FUNCTION IF EXISTS gisdesk.audit_row()")  # version 1's per-row function
    conn.execute(
        "INSERT INTO gisdesk.hub_meta VALUES ('schema_version', %s) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(HUB_SCHEMA_VERSION),))


def _create_audit_triggers(conn: psycopg.Connection, layer: str, key: str) -> None:
    """One statement-level trigger per action (PostgreSQL allows transition tables only on
    single-event triggers); each audits every row of its statement. Replaces any older
    trigger (version 1's per-row ``audit``)."""
    table = _ident(DATA_SCHEMA, layer)
    for name in ("audit", "audit_insert", "audit_update", "audit_delete"):
        conn.execute(sql.SQL("DROP TRIGGER IF EXISTS {} ON {}").format(_ident(name), table))
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
