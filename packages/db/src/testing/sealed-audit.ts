import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';

/**
 * The database with every municipality's pending audit rows chained (what `serve`'s sealer does
 * every few hundred milliseconds), for tests that read audit_log right after an action.
 */
export async function sealedAudit(db: Kysely<DB>): Promise<Kysely<DB>> {
  await sql`select audit_seal(lg_code) from tenant`.execute(db);
  return db;
}
