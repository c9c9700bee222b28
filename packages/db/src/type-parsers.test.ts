import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { createTestDatabase } from './testing';

describe('result types', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('come back as the same JavaScript values on either engine', async () => {
    const result = await sql<Record<string, unknown>>`
      select 42::int8 as big, 1.50::numeric(4,2) as amount, '2024-02-29'::date as day,
        '2024-02-29 12:34:56+09'::timestamptz as at, '2024-02-29 03:34:56'::timestamp as naive,
        '{"a":[1,2]}'::jsonb as doc, true as flag, 7::int as small, '\\x00ff'::bytea as bytes,
        array['a', 'b']::text[] as list`.execute(db.kysely);
    expect(result.rows[0]).toEqual({
      big: 42,
      amount: '1.50',
      day: '2024-02-29',
      at: new Date('2024-02-29T03:34:56Z'),
      naive: new Date('2024-02-29T03:34:56Z'),
      doc: { a: [1, 2] },
      flag: true,
      small: 7,
      bytes: Buffer.from([0, 255]),
      list: ['a', 'b'],
    });
  });

  it('refuses an int8 that JavaScript cannot hold exactly', async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(db.kysely)).rejects.toThrow(/safe integer range/);
  });
});
