-- The one table that exists before any migration: which migrations ran.
-- Everything else is created by sql/migrations/NNN-*.sql, applied in order
-- by conf/stack.sh (see "Database migrations" in README.md).
CREATE TABLE IF NOT EXISTS schema_migrations (
	name		VARCHAR(128) NOT NULL PRIMARY KEY,
	applied_at	DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
