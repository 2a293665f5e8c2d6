import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * A name in the order Chinese readers expect: pinyin (阿 < 北 < 成 < 上 < 张 < 浙). PostgreSQL
 * sorts by its ICU collation "zh-x-icu"; on the embedded PGlite, whose ICU has no Chinese
 * tailoring, the same collation (made by migration 0010) sorts Chinese characters in code point
 * order, as before. Use it in ORDER BY: `orderBy(pinyin(carriers.name))`.
 */
export function pinyin(column: AnyColumn | SQL): SQL {
  return sql`${column} COLLATE "zh-x-icu"`;
}
