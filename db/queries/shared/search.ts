/**
 * Search for a part of a name: `column ILIKE containsPattern(q)`. On PostgreSQL and PGlite the
 * searched columns carry trigram indexes (pg_trgm, docs/lists-and-search.md), which serve such a
 * pattern from three characters on; LIKE's own wildcards (% and _) and its escape (\) in what the
 * user typed are matched as themselves.
 */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
