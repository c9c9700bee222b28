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
