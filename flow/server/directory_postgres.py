"""A channel directory in the PostgreSQL store's schema: each claim is one ``INSERT … ON CONFLICT`` statement."""

from __future__ import annotations

import psycopg

from flow.errors import StoreUnavailable
from flow.server.directory import DEFAULT_TIMEOUT_SECONDS, DirectoryEntry, check_kind
from flow.stores._outages import reports_outages
from flow.stores._postgres_schema import PostgresLocation, open_pool, postgres_outage


def _outage(directory: PostgresDirectory, error: Exception) -> StoreUnavailable | None:
    return postgres_outage(directory.location, directory.timeout, error)


@reports_outages(psycopg.OperationalError, diagnose=_outage)
class PostgresDirectory:
    """Rows of the ``directory`` table, keyed by kind and key, beside the store's tables."""

    def __init__(self, store_url: str, kind: str, *, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.kind = check_kind(kind)
        self.location = PostgresLocation.parse(store_url)
        self.timeout = timeout
        self._pool = open_pool(self.location, timeout=timeout, max_size=4)
        s = self.location.quoted_schema
        self._find = f"SELECT conversation_id, token FROM {s}.directory WHERE kind = %s AND key = %s"
        # The conflict arm updates only the row that still holds the replaced entry, and PostgreSQL
        # takes the row lock for it, so two claims cannot both replace the same entry.
        self._claim = (
            f"INSERT INTO {s}.directory AS d (kind, key, conversation_id, token) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (kind, key) DO UPDATE SET conversation_id = excluded.conversation_id, token = excluded.token "
            "WHERE d.conversation_id = %s AND d.token = %s RETURNING conversation_id, token"
        )

    def find(self, key: str) -> DirectoryEntry | None:
        """The key's current entry, if it has one."""
        with self._pool.connection() as db:
            row = db.execute(self._find, (self.kind, key)).fetchone()
        return None if row is None else DirectoryEntry(str(row[0]), str(row[1]))

    def claim(self, key: str, entry: DirectoryEntry, *, replacing: DirectoryEntry | None = None) -> DirectoryEntry:
        """Put ``entry`` in place if the key's entry is still ``replacing``; the entry in place afterwards."""
        old = (None, None) if replacing is None else tuple(replacing)
        with self._pool.connection() as db:
            if db.execute(self._claim, (self.kind, key, *entry, *old)).fetchone() is not None:
                return entry
            # Lost: read the winner in a new statement, which sees the row the conflict waited for.
            row = db.execute(self._find, (self.kind, key)).fetchone()
        assert row is not None
        return DirectoryEntry(str(row[0]), str(row[1]))

    def close(self) -> None:
        """Close the pool's connections."""
        self._pool.close()
