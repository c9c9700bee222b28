import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../database';
import { createTestDatabase, testEngine } from '../testing';
import { openPostgres } from './open-postgres';
import { preparable } from './prepared-statements';

const backend = sql<{ pid: number }>`select pg_backend_pid() as pid`;

// The server engine's driver (ADR 0015): statements outside a transaction share the pool's
// connections, a transaction has one to itself.
describe.runIf(testEngine() === 'postgres')('the PostgreSQL engine (postgres.js)', () => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('runs a transaction on one connection that nothing else interleaves into', async () => {
    db = await createTestDatabase({ migrated: false, poolSize: 2 });
    const kysely = db.kysely;
    await sql`create table probe (n int)`.execute(kysely);
    const seen = await kysely.transaction().execute(async (trx) => {
      const pids = new Set<number>();
      for (let i = 0; i < 5; i += 1) {
        // Load on the pool meanwhile: these go to the other connection, never into the transaction.
        const outside = Promise.all(Array.from({ length: 10 }, () => sql`select count(*) from probe`.execute(kysely)));
        await sql`insert into probe values (${i})`.execute(trx);
        pids.add((await backend.execute(trx)).rows[0]?.pid as number);
        const counts = await outside;
        expect(counts.every((c) => Number((c.rows[0] as { count: string }).count) === 0)).toBe(true);
      }
      return pids;
    });
    expect(seen.size).toBe(1);
    expect((await sql<{ n: number }>`select count(*)::int as n from probe`.execute(kysely)).rows[0]?.n).toBe(5);
  });

  it('rolls back a failed transaction and gives its connection back to the pool', async () => {
    db = await createTestDatabase({ migrated: false, poolSize: 1 });
    const kysely = db.kysely;
    await sql`create table probe (n int primary key)`.execute(kysely);
    for (let i = 0; i < 3; i += 1) {
      await expect(
        kysely.transaction().execute(async (trx) => {
          await sql`insert into probe values (1)`.execute(trx);
          await sql`insert into probe values (1)`.execute(trx);
        }),
      ).rejects.toMatchObject({ code: '23505' });
    }
    // One connection only: had a transaction kept it, this would wait for ever.
    expect((await sql<{ n: number }>`select count(*)::int as n from probe`.execute(kysely)).rows[0]?.n).toBe(0);
  });

  it('reports a failed commit and gives the connection back', async () => {
    db = await createTestDatabase({ migrated: false, poolSize: 1 });
    const kysely = db.kysely;
    await sql`create table probe (n int, unique (n) deferrable initially deferred)`.execute(kysely);
    await expect(
      kysely.transaction().execute(async (trx) => {
        await sql`insert into probe values (1), (1)`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await sql<{ n: number }>`select count(*)::int as n from probe`.execute(kysely)).rows[0]?.n).toBe(0);
  });

  it('rolls back to a savepoint, releases one, and runs a multi-statement script', async () => {
    db = await createTestDatabase({ migrated: false, poolSize: 2 });
    const kysely = db.kysely;
    await sql
      .raw('create table probe (n int); insert into probe values (1); insert into probe values (2)')
      .execute(kysely);
    const trx = await kysely.startTransaction().execute();
    const inner = await trx.savepoint('inner').execute();
    await sql`insert into probe values (${3})`.execute(inner);
    const undone = await inner.rollbackToSavepoint('inner').execute();
    const kept = await undone.savepoint('kept').execute();
    await sql`insert into probe values (${4})`.execute(kept);
    await (await kept.releaseSavepoint('kept').execute()).commit().execute();
    const rows = await sql<{ n: number }>`select n from probe order by n`.execute(kysely);
    expect(rows.rows.map((r) => r.n)).toEqual([1, 2, 4]);
  });

  it('starts transactions while the pool is kept busy with pipelined statements', async () => {
    db = await createTestDatabase({ migrated: false, poolSize: 1 });
    const kysely = db.kysely;
    let busy = true;
    let statements = 0;
    const worker = async () => {
      while (busy) {
        await sql`select ${statements}::int`.execute(kysely);
        statements += 1;
      }
    };
    // Twenty requests' statements at a time on one connection: it is rarely idle, and a
    // transaction needs it to itself.
    const load = Promise.all(Array.from({ length: 20 }, worker));
    try {
      for (let i = 0; i < 5; i += 1) {
        const before = statements;
        await kysely.transaction().execute((trx) => backend.execute(trx));
        await sql`select pg_sleep(0.05)`.execute(kysely);
        expect(statements).toBeGreaterThan(before);
      }
    } finally {
      busy = false;
      await load;
    }
  });

  it('reports rows changed, and sends parameters as node-postgres did', async () => {
    db = await createTestDatabase({ migrated: false });
    const kysely = db.kysely;
    await sql`create table probe (n int, doc jsonb, at timestamptz, day date, flag boolean, bytes bytea, tags text[])`.execute(
      kysely,
    );
    const at = new Date('2024-02-29T03:34:56.789Z');
    const inserted = await sql`insert into probe values
      (1, ${JSON.stringify({ a: 1 })}, ${at}, ${'2024-02-29'}, ${true}, ${Buffer.from([0, 255])}, ${['x', 'y']}),
      (2, ${{ b: [2] }}, ${'2024-03-01T00:00:00Z'}, ${undefined}, ${false}, ${null}, ${[]})`.execute(kysely);
    expect(inserted.numAffectedRows).toBe(2n);
    const rows = await sql`select * from probe order by n`.execute(kysely);
    expect(rows.rows).toEqual([
      { n: 1, doc: { a: 1 }, at, day: '2024-02-29', flag: true, bytes: Buffer.from([0, 255]), tags: ['x', 'y'] },
      { n: 2, doc: { b: [2] }, at: new Date('2024-03-01T00:00:00Z'), day: null, flag: false, bytes: null, tags: [] },
    ]);
    const updated = await sql`update probe set flag = not flag where n > ${0}`.execute(kysely);
    expect(updated.numAffectedRows).toBe(2n);
    expect((await sql`select 1`.execute(kysely)).numAffectedRows).toBeUndefined();
  });
});

const SOCKET_DIR = '/var/run/postgresql';

describe.runIf(testEngine() === 'postgres' && existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`))(
  'a DATABASE_URL naming the Unix socket (docs/operations/database-roles.md)',
  () => {
    it('connects through the socket, as node-postgres did', async () => {
      const setup = inject('madoguchiTestDb');
      if (setup.engine !== 'postgres') throw new Error('unreachable');
      const url = new URL(setup.adminUrl);
      url.searchParams.set('host', SOCKET_DIR);
      const db = await openPostgres({ url: url.toString() });
      try {
        // No server address: the connection is not TCP.
        const row = await sql<{ addr: string | null }>`select inet_server_addr()::text as addr`.execute(db.kysely);
        expect(row.rows).toEqual([{ addr: null }]);
      } finally {
        await db.close();
      }
    });
  },
);

describe('prepared statements', () => {
  it('prepares the first 2,000 distinct statement texts and runs any text after them unprepared', () => {
    // Earlier tests in this file may have taken some of the 2,000 already.
    const accepted = Array.from({ length: 2_500 }, (_, i) => `select ${i}`).filter((text) => preparable(text));
    expect(accepted.length).toBeGreaterThan(1_500);
    expect(accepted.length).toBeLessThanOrEqual(2_000);
    expect(accepted.every((text) => preparable(text))).toBe(true);
    expect(preparable('select 2499')).toBe(false);
  });
});
