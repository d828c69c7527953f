"""The PostgreSQL store's tables, created and migrated by version, and how a store URL becomes a pool."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flow.errors import StoreError, StoreUnavailable

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

_SCHEMA_CHARACTERS = frozenset(string.ascii_lowercase + string.digits + "_")
OPTIONS = ("schema", "pool_max")

# Entry ``i`` takes a schema from version ``i`` to ``i + 1``; ``{s}`` is the quoted schema name.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE {s}.conversations (
            id TEXT COLLATE "C" PRIMARY KEY,
            version INTEGER NOT NULL,
            updated_at BIGINT NOT NULL,
            token_digest TEXT NOT NULL,
            snapshot TEXT NOT NULL
        )""",
        "CREATE INDEX conversations_by_update ON {s}.conversations (updated_at, id)",
        """CREATE TABLE {s}.transcript (
            conversation_id TEXT COLLATE "C" NOT NULL,
            version INTEGER NOT NULL,
            message_id TEXT COLLATE "C",
            turn TEXT NOT NULL,
            PRIMARY KEY (conversation_id, version)
        )""",
        """CREATE UNIQUE INDEX transcript_by_message ON {s}.transcript (conversation_id, message_id)
            WHERE message_id IS NOT NULL""",
        """CREATE FUNCTION {s}.refuse_transcript_edit() RETURNS trigger LANGUAGE plpgsql AS
            $$BEGIN RAISE EXCEPTION 'the transcript is append-only'; END$$""",
        """CREATE TRIGGER transcript_append_only BEFORE UPDATE OR DELETE ON {s}.transcript
            FOR EACH ROW EXECUTE FUNCTION {s}.refuse_transcript_edit()""",
        """CREATE TABLE {s}.follow_ups (
            id TEXT COLLATE "C" PRIMARY KEY,
            conversation_id TEXT COLLATE "C" NOT NULL,
            turn_number INTEGER NOT NULL,
            action TEXT NOT NULL,
            due_at BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            worker TEXT,
            lease_expires_at BIGINT,
            available_at BIGINT NOT NULL
        )""",
        "CREATE INDEX follow_ups_by_availability ON {s}.follow_ups (available_at, id)",
        """CREATE TABLE {s}.directory (
            kind TEXT COLLATE "C" NOT NULL,
            key TEXT COLLATE "C" NOT NULL,
            conversation_id TEXT NOT NULL,
            token TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        )""",
    ),
    ('CREATE TABLE {s}.desk (conversation_id TEXT COLLATE "C" PRIMARY KEY)',),
)
SCHEMA_VERSION = len(_MIGRATIONS)


@dataclass(frozen=True)
class PostgresLocation:
    """A ``postgresql://`` store URL taken apart: what libpq gets, and tactful's own options."""

    conninfo: str
    schema: str = "tactful"
    pool_max: int = 10

    @property
    def quoted_schema(self) -> str:
        """The schema name ready to put in SQL (it was checked to be a plain name)."""
        return f'"{self.schema}"'

    @property
    def shown(self) -> str:
        """The URL without its user and password, for messages."""
        parts = urlsplit(self.conninfo)
        return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))

    @classmethod
    def parse(cls, url: str) -> PostgresLocation:
        """Split ``?schema=`` and ``?pool_max=`` off a URL; libpq's own parameters stay in it."""
        parts = urlsplit(url)
        ours = {k: v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k in OPTIONS}
        theirs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in OPTIONS]
        schema = ours.get("schema", "tactful")
        if not (0 < len(schema) <= 63 and not schema[0].isdigit() and set(schema) <= _SCHEMA_CHARACTERS):
            raise StoreError(f"schema={schema!r} in {url!r}: use a lower-case name of letters, digits and underscores")
        pool_max = ours.get("pool_max", "10")
        if not (pool_max.isdigit() and int(pool_max) > 0):
            raise StoreError(f"pool_max={pool_max!r} in {url!r}: give a whole number of connections above 0")
        conninfo = urlunsplit(parts._replace(query=urlencode(theirs)))
        return cls(conninfo=conninfo, schema=schema, pool_max=int(pool_max))


def open_pool(
    location: PostgresLocation, *, timeout: float, min_size: int = 1, max_size: int | None = None
) -> ConnectionPool:
    """A pool of autocommit connections to a schema migrated to this version (checked with one connection first).

    Connecting, waiting for a free connection and each statement give up after ``timeout`` seconds.
    """
    try:
        import psycopg
        from psycopg_pool import ConnectionPool
    except ImportError as error:
        raise StoreError(
            "the PostgreSQL store needs psycopg; install it with: pip install 'tactful[postgres]'"
        ) from error
    shown = location.shown
    # libpq counts whole seconds, and treats 1 as 2.
    connect_timeout = max(2, math.ceil(timeout))
    statement_timeout = f"SET statement_timeout = {math.ceil(timeout * 1000)}"
    try:
        with psycopg.connect(location.conninfo, autocommit=True, connect_timeout=connect_timeout) as connection:
            migrate(connection, location)
    except psycopg.ProgrammingError as error:
        raise StoreError(f"cannot use PostgreSQL URL {shown!r}: {error}") from error
    except psycopg.OperationalError as error:
        raise StoreError(
            f"cannot connect to PostgreSQL at {shown!r} ({str(error).strip()}); check that the server runs "
            "and that the URL's user, password and database are right"
        ) from error

    def configure(connection: psycopg.Connection[tuple[object, ...]]) -> None:
        connection.execute(statement_timeout)

    return ConnectionPool(
        location.conninfo,
        min_size=min_size,
        max_size=max_size or location.pool_max,
        kwargs={"autocommit": True, "connect_timeout": connect_timeout},
        configure=configure,
        timeout=timeout,
        open=True,
        name=f"tactful-{location.schema}",
    )


def postgres_outage(location: PostgresLocation, timeout: float, error: Exception) -> StoreUnavailable | None:
    """What a psycopg error means to a caller, or ``None`` when it is no outage but a bug."""
    import psycopg
    from psycopg_pool import PoolTimeout

    where = f"PostgreSQL at {location.shown}"
    if isinstance(error, PoolTimeout):
        return StoreUnavailable("PostgreSQL", f"no connection to {where} came free within {timeout:g} s")
    if isinstance(error, psycopg.errors.QueryCanceled):
        return StoreUnavailable("PostgreSQL", f"{where} did not answer within {timeout:g} s")
    if isinstance(error, psycopg.OperationalError):
        return StoreUnavailable("PostgreSQL", f"cannot reach {where} ({str(error).strip()})")
    return None


def migrate(connection: psycopg.Connection[tuple[object, ...]], location: PostgresLocation) -> None:
    """Create the schema's tables or bring them to ``SCHEMA_VERSION``, one process at a time."""
    s = location.quoted_schema
    with connection.transaction():
        # Workers starting together queue here instead of racing to create the same tables.
        connection.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"tactful schema {location.schema}",))
        connection.execute(f"CREATE SCHEMA IF NOT EXISTS {s}")
        connection.execute(f"CREATE TABLE IF NOT EXISTS {s}.schema_version (version INTEGER NOT NULL)")
        row = connection.execute(f"SELECT version FROM {s}.schema_version").fetchone()
        found = 0 if row is None else int(str(row[0]))
        if found > SCHEMA_VERSION:
            raise StoreError(
                f"PostgreSQL schema {location.schema} has version {found}, newer than {SCHEMA_VERSION} which this "
                "tactful understands; upgrade tactful to open it"
            )
        for statements in _MIGRATIONS[found:]:
            for statement in statements:
                connection.execute(statement.format(s=s))
        if row is None:
            connection.execute(f"INSERT INTO {s}.schema_version VALUES (%s)", (SCHEMA_VERSION,))
        elif found != SCHEMA_VERSION:
            connection.execute(f"UPDATE {s}.schema_version SET version = %s", (SCHEMA_VERSION,))
