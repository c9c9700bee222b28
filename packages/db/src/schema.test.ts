import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { SCHEMA_COLUMNS } from './schema';
import { createTestDatabase } from './testing';

describe('schema', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('matches the Kysely types in schema.ts, table for table and column for column', async () => {
    const rows = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' order by table_name, ordinal_position`.execute(db.kysely);
    const catalog: Record<string, string[]> = {};
    for (const row of rows.rows) {
      catalog[row.table_name] = [...(catalog[row.table_name] ?? []), row.column_name];
    }
    const declared = Object.fromEntries(Object.entries(SCHEMA_COLUMNS).map(([t, c]) => [t, [...c]]));
    expect(catalog).toEqual(declared);
  });

  it('has a comment on every table and every column', async () => {
    const missing = await sql<{ what: string }>`
      select c.relname || coalesce('.' || a.attname, '') as what
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and (case when a.attname is null then obj_description(c.oid, 'pg_class')
                  else col_description(c.oid, a.attnum) end) is null
      union
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and obj_description(c.oid, 'pg_class') is null
      order by 1`.execute(db.kysely);
    expect(missing.rows.map((r) => r.what)).toEqual([]);
  });

  it('validates the lg_code check digit in the database too', async () => {
    const rows = await sql<{ code: string; ok: boolean }>`
      select code, lg_code_is_valid(code) as ok from unnest(array['131130','182079','011002','999997','131131','12345','abcdef']) code`.execute(
      db.kysely,
    );
    expect(Object.fromEntries(rows.rows.map((r) => [r.code, r.ok]))).toEqual({
      '131130': true,
      '182079': true,
      '011002': true,
      '999997': true,
      '131131': false,
      '12345': false,
      abcdef: false,
    });
  });

  it('has pg_trgm, and it finds trigrams in Japanese (needs a UTF-8 ctype)', async () => {
    const result = await sql<{ n: number; sim: number }>`
      select array_length(show_trgm('ヤマダタロウ'), 1) as n, similarity('ヤマダタロウ', 'ヤマダタロー') as sim`.execute(
      db.kysely,
    );
    expect(result.rows[0]?.n).toBeGreaterThan(3);
    expect(result.rows[0]?.sim).toBeGreaterThan(0.3);
  });
});
