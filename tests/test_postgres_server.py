"""The PostgreSQL fixture really runs a server with PostGIS and password authentication."""

from __future__ import annotations

import secrets

import pytest


@pytest.mark.postgres
def test_postgres_server_runs_postgis(postgres) -> None:
    db = postgres.create_database("fixture_check")
    out = postgres.psql("SELECT ST_AsText(ST_MakePoint(123.06, 0.54))", dbname=db).stdout.strip()
    assert out == "POINT(123.06 0.54)"


@pytest.mark.postgres
def test_postgres_server_refuses_wrong_password(postgres) -> None:
    postgres.psql(f"CREATE ROLE clerk LOGIN PASSWORD '{secrets.token_hex(8)}'")
    postgres.add_password("clerk", "not-the-password")
    result = postgres.psql("SELECT 1", user="clerk", check=False)
    assert result.returncode != 0
    assert "password authentication failed" in result.stderr
