import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { createTestDatabase } from './testing';

// The bulk path of the registry import: COPY inside a transaction, on both engines.
describe('database sessions with COPY', () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase({ migrated: false });
    await sql`create table probe (n int not null, label text)`.execute(db.kysely);
  });
  afterEach(async () => {
    await db.close();
  });

  const count = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from probe`.execute(db.kysely)).rows[0]?.n;

  it('copies rows inside a transaction that commits', async () => {
    await db.withSession((session) =>
      session.kysely.transaction().execute(async (trx) => {
        await sql`insert into probe values (0, 'before')`.execute(trx);
        await session.copyFrom('COPY probe (n, label) FROM STDIN WITH (FORMAT csv)', ['1,"a,b"\n', '2,"名前"\n3,\n']);
      }),
    );
    expect(await count()).toBe(4);
    const labels = await sql<{ label: string | null }>`select label from probe order by n`.execute(db.kysely);
    expect(labels.rows.map((r) => r.label)).toEqual(['before', 'a,b', '名前', null]);
  });

  it('leaves nothing when the transaction rolls back after the COPY', async () => {
    await expect(
      db.withSession((session) =>
        session.kysely.transaction().execute(async () => {
          await session.copyFrom('COPY probe (n) FROM STDIN WITH (FORMAT csv)', ['1\n2\n']);
          throw new Error('abort after copy');
        }),
      ),
    ).rejects.toThrow('abort after copy');
    expect(await count()).toBe(0);
  });

  it('reports bad COPY data and rolls back, and the database stays usable', async () => {
    await expect(
      db.withSession((session) =>
        session.kysely.transaction().execute(async () => {
          await session.copyFrom('COPY probe (n) FROM STDIN WITH (FORMAT csv)', ['1\nnot-a-number\n']);
        }),
      ),
    ).rejects.toThrow(/invalid input syntax/);
    expect(await count()).toBe(0);
    await sql`insert into probe values (9, null)`.execute(db.kysely);
    expect(await count()).toBe(1);
  });
});
