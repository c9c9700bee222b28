import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { APP_ROLE, migrate } from './migrator';
import type { DB } from './schema';
import { createTestDatabase } from './testing';

/**
 * The app role gets only what grants.sql lists. Roles are cluster-wide on a server, so
 * the role is created if missing and left in place (it owns nothing and cannot log in).
 */
describe('the madoguchi_app role', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    await sql
      .raw(`do $$ begin create role ${APP_ROLE} nologin; exception when duplicate_object then null; end $$`)
      .execute(db.kysely);
  });
  afterAll(async () => {
    await db.close();
  });

  const asApp = (work: (trx: Kysely<DB>) => Promise<unknown>) =>
    db.kysely.transaction().execute(async (trx) => {
      await sql.raw(`set local role ${APP_ROLE}`).execute(trx);
      return work(trx);
    });

  it('is granted its privileges by every migration run', async () => {
    expect((await migrate(db)).appRole).toBe('granted');
  });

  it('may read and add municipalities', async () => {
    await asApp((trx) => trx.insertInto('tenant').values({ lg_code: '999997', name: 'デモ市' }).execute());
    const rows = await asApp((trx) => trx.selectFrom('tenant').select('lg_code').execute());
    expect(rows).toEqual([{ lg_code: '999997' }]);
  });

  it('may add audit rows and have them chained, but not write the chain itself', async () => {
    await asApp(async (trx) => {
      await sql`insert into audit_log_pending (lg_code, occurred_at, actor_kind, actor_id, purpose, action, result)
        values ('999997', now(), 'system', 'grants-test', 'test', 'test', 'allowed')`.execute(trx);
      const sealed = await sql<{ n: number }>`select audit_seal('999997') as n`.execute(trx);
      expect(Number(sealed.rows[0]?.n)).toBe(1);
    });
    for (const statement of [
      `insert into audit_log (lg_code, seq, occurred_at, actor_kind, actor_id, purpose, action, result, prev_hash, hash)
        values ('999997', 99, now(), 'system', 'x', 'x', 'x', 'allowed', '\\x00', '\\x00')`,
      "update audit_chain_head set seq = 0 where lg_code = '999997'",
      "delete from audit_log_pending where lg_code = '999997'",
      "update audit_log set action = 'x' where lg_code = '999997'",
    ]) {
      await expect(asApp((trx) => sql.raw(statement).execute(trx))).rejects.toThrow(/permission denied/);
    }
  });

  it.each([
    ['delete municipalities', 'delete from tenant'],
    ['change the migration history', "delete from schema_migration where version = '0'"],
    ['create tables', 'create table intruder (lg_code text primary key)'],
    ['drop tables', 'drop table tenant'],
    ['alter tables', 'alter table tenant add column x int'],
  ])('may not %s', async (_what, statement) => {
    await expect(asApp((trx) => sql.raw(statement).execute(trx))).rejects.toThrow(/permission denied|must be owner/);
  });
});
