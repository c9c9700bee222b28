import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { findTenantKeyViolations } from './tenant-key-invariant';
import { createTestDatabase } from './testing';

describe('tenant key invariant', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('holds for every table the migrations create', async () => {
    expect(await findTenantKeyViolations(db.kysely)).toEqual([]);
  });

  // Each case adds a throwaway table inside a transaction that is rolled back.
  const violationsWith = async (ddl: string) => {
    let found: Awaited<ReturnType<typeof findTenantKeyViolations>> = [];
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await sql.raw(ddl).execute(trx);
        found = await findTenantKeyViolations(trx);
        throw new Error('rollback');
      })
      .catch(() => {});
    return found;
  };

  it('fails for a table whose primary key does not lead with lg_code', async () => {
    const found = await violationsWith('create table throwaway (id int, lg_code text, primary key (id, lg_code))');
    expect(found).toEqual([
      {
        table: 'throwaway',
        rule: 'primary-key',
        message: 'primary key of throwaway is (id, lg_code); it must lead with lg_code',
      },
    ]);
  });

  it('fails for a table without lg_code or without a primary key', async () => {
    expect(await violationsWith('create table throwaway (id int primary key)')).toMatchObject([
      { rule: 'primary-key' },
    ]);
    expect(await violationsWith('create table throwaway (lg_code text)')).toMatchObject([
      { rule: 'primary-key', message: 'table throwaway has no primary key; it must lead with lg_code' },
    ]);
  });

  it('fails for a foreign key that does not carry lg_code', async () => {
    const found = await violationsWith(`
      create table parent (lg_code text, id int, primary key (lg_code, id), unique (id));
      create table child (lg_code text, id int, parent_id int references parent (id), primary key (lg_code, id));`);
    expect(found.map((v) => [v.table, v.rule])).toEqual([
      ['child', 'foreign-key'],
      ['parent', 'unique'],
    ]);
  });

  it('accepts a child whose foreign key pairs lg_code with the parent', async () => {
    const found = await violationsWith(`
      create table parent (lg_code text references tenant (lg_code), id int, primary key (lg_code, id));
      create table child (lg_code text, id int, parent_id int, primary key (lg_code, id),
        foreign key (lg_code, parent_id) references parent (lg_code, id));
      create unique index child_parent on child (lg_code, parent_id);`);
    expect(found).toEqual([]);
  });

  it('fails for a unique index without lg_code', async () => {
    const found = await violationsWith(`
      create table throwaway (lg_code text, id int, code text, primary key (lg_code, id));
      create unique index throwaway_code on throwaway (code);`);
    expect(found).toMatchObject([{ table: 'throwaway', rule: 'unique' }]);
  });
});
