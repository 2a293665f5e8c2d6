import { sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { listTables, readAppliedMigrations, readSequences } from './catalog';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupWriter, type BackupHeader } from './file';

const PAGE = 2000;

export type BackupSummary = { file: string; tables: { name: string; rows: number }[] };

/**
 * Writes every table of the public schema, the sequences and the list of applied migrations to
 * `file`, from one read-only snapshot, so a backup taken while others write is still consistent.
 */
export async function backupDatabase(db: Db, file: string, source: string): Promise<BackupSummary> {
  const writer = new BackupWriter(file);
  try {
    const tables = await db.transaction(
      async (tx) => {
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source,
          migrations: await readAppliedMigrations(tx),
        };
        await writer.line('H', JSON.stringify(header));
        const counts: { name: string; rows: number }[] = [];
        for (const table of await listTables(tx)) {
          await writer.line('T', JSON.stringify({ name: table.name, columns: table.columns }));
          const order = table.primaryKey.length
            ? sql` ORDER BY ${sql.join(
                table.primaryKey.map((c) => sql.identifier(c)),
                sql`, `,
              )}`
            : sql``;
          let n = 0;
          for (let offset = 0; ; offset += PAGE) {
            // Without a primary key there is no stable order to page by: such a table is read at once.
            const limit = table.primaryKey.length ? sql` LIMIT ${PAGE} OFFSET ${offset}` : sql``;
            const page = await tx.execute<{ j: string }>(sql`SELECT to_jsonb(t)::text AS j FROM ${sql.identifier(table.name)} t${order}${limit}`);
            for (const r of page.rows) await writer.line('R', r.j);
            n += page.rows.length;
            if (page.rows.length < PAGE || !table.primaryKey.length) break;
          }
          counts.push({ name: table.name, rows: n });
        }
        for (const s of await readSequences(tx)) await writer.line('S', JSON.stringify(s));
        await writer.line('E', JSON.stringify({ rows: Object.fromEntries(counts.map((c) => [c.name, c.rows])) }));
        return counts;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await writer.finish();
    return { file, tables };
  } catch (e) {
    await writer.abandon();
    throw e;
  }
}
