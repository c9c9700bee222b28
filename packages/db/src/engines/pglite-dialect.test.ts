import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { openPglite } from './open-pglite';

// A driver test: it exercises the embedded dialect itself, whichever engine the run targets.
describe('PGlite dialect', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openPglite({ dataDir: null });
    await sql`create table probe (n int not null)`.execute(db.kysely);
  });
  afterAll(async () => {
    await db.close();
  });

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  // biome-ignore lint/suspicious/noExplicitAny: a scratch table outside the app schema
  const k = () => db.kysely as any;

  it('never interleaves two concurrent transactions in its one session', async () => {
    const events: string[] = [];
    const first = k()
      .transaction()
      .execute(async (trx: typeof db.kysely) => {
        events.push('A begin');
        await sql`insert into probe values (1)`.execute(trx);
        await pause(50);
        events.push('A end');
        throw new Error('roll back A');
      })
      .catch(() => events.push('A rolled back'));
    const second = k()
      .transaction()
      .execute(async (trx: typeof db.kysely) => {
        events.push('B begin');
        const seen = await sql<{ n: number }>`select count(*)::int as n from probe`.execute(trx);
        events.push(`B saw ${seen.rows[0]?.n}`);
      });
    await Promise.all([first, second]);
    // Without the lock, B's count would run inside A's open transaction and see A's row.
    expect(events).toEqual(['A begin', 'A end', 'A rolled back', 'B begin', 'B saw 0']);
  });

  it('queues plain queries behind an open transaction', async () => {
    const events: string[] = [];
    const trx = k()
      .transaction()
      .execute(async (t: typeof db.kysely) => {
        await sql`insert into probe values (2)`.execute(t);
        await pause(30);
        events.push('trx done');
      });
    await pause(5);
    const read = sql<{ n: number }>`select count(*)::int as n from probe`.execute(db.kysely).then((r) => {
      events.push(`read ${r.rows[0]?.n}`);
    });
    await Promise.all([trx, read]);
    expect(events).toEqual(['trx done', 'read 1']);
  });

  it('keeps many concurrent transactions consistent', async () => {
    await sql`create table counter (id int primary key, value int not null)`.execute(db.kysely);
    await sql`insert into counter values (1, 0)`.execute(db.kysely);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        k()
          .transaction()
          .execute(async (t: typeof db.kysely) => {
            const row = await sql<{ value: number }>`select value from counter where id = 1`.execute(t);
            await pause(1);
            await sql`update counter set value = ${(row.rows[0]?.value ?? 0) + 1} where id = 1`.execute(t);
          }),
      ),
    );
    const final = await sql<{ value: number }>`select value from counter where id = 1`.execute(db.kysely);
    // A read-then-write race would lose updates; serialised transactions lose none.
    expect(final.rows[0]?.value).toBe(50);
  });

  it('rolls back to a savepoint inside a transaction', async () => {
    const trx = await db.kysely.startTransaction().execute();
    await sql`delete from probe`.execute(trx);
    await sql`insert into probe values (10)`.execute(trx);
    const inner = await trx.savepoint('inner').execute();
    await sql`insert into probe values (11)`.execute(inner);
    await inner.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    const rows = await sql<{ n: number }>`select n from probe order by n`.execute(db.kysely);
    expect(rows.rows).toEqual([{ n: 10 }]);
  });

  it('runs a multi-statement script without parameters', async () => {
    await sql.raw('create table s1 (x int); insert into s1 values (7); insert into s1 values (8)').execute(db.kysely);
    const rows = await sql<{ x: number }>`select x from s1 order by x`.execute(db.kysely);
    expect(rows.rows.map((r) => r.x)).toEqual([7, 8]);
  });
});
