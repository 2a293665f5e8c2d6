import 'server-only';
import { getDatabase } from './handle';

export type { Db, Tx, DbOrTx, DatabaseMode } from './connect';
export { getDatabase };

export function getDb() {
  return getDatabase().db;
}
