-- Search for a part of a name (ILIKE '%…%') reads trigram indexes (pg_trgm's gin_trgm_ops, created by
-- the next migration) instead of every row: docs/lists-and-search.md. pg_trgm is a trusted
-- extension: the database's owner (DATABASE_OWNER_URL, who runs the migrations) may create it
-- without being a superuser. The embedded PGlite loads the extension when it opens (db/connect.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
