import { PGlite } from '@electric-sql/pglite';
import { type Database, type DatabaseTarget, openDatabase } from '@madoguchi/db';
import { sql } from 'kysely';
import pg from 'pg';
import { withBenchTarget } from './support/database';
import type { BenchOptions } from './support/options';
import { median, percentile, round } from './support/stats';

export const description =
  'Data layer overhead: 20,000 rows in batches of 500 through Kysely and our dialect vs the raw driver; 200 concurrent small transactions';

const ROWS = 20_000;
const BATCH = 500;
const TRANSACTIONS = 200;
/** Timed rounds after one untimed warm-up; the median is reported, the samples too. */
const ROUNDS = 5;

// A type alias, not an interface: withTables() needs its implicit index signature.
type BenchTables = {
  bench_row: { id: number; name: string; n: number };
  bench_tx: { id: number; name: string; n: number };
};
type Row = BenchTables['bench_row'];
const scratch = (db: Database) => db.kysely.withTables<BenchTables>();
type Scratch = ReturnType<typeof scratch>;

const SETUP = `
  create table bench_row (id int primary key, name text not null, n int not null);
  create table bench_tx (id int primary key, name text not null, n int not null);
`;
/** What one would write by hand for the driver: the same statement Kysely compiles. */
const INSERT_BATCH = `insert into bench_row (id, name, n) values ${Array.from(
  { length: BATCH },
  (_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`,
).join(', ')}`;

/** The baseline: the driver with nothing of ours in between. */
interface RawDriver {
  exec(text: string): Promise<unknown>;
  query(text: string, params: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function run(options: BenchOptions): Promise<object> {
  const rows: Row[] = Array.from({ length: ROWS }, (_, i) => ({ id: i + 1, name: `デモ市 窓口 ${i + 1}`, n: i }));
  return withBenchTarget(options.engine, async (target) => {
    const db = await openDatabase(target);
    try {
      const raw = await openRaw(target);
      try {
        const k = scratch(db);
        await sql.raw(SETUP).execute(k);
        // On PGlite the baseline is a second in-memory instance: it needs the table too.
        if (target.engine === 'pglite') await raw.exec(SETUP);
        const insert = await compareInserts(k, raw, rows);
        const transactions = await compareTransactions(k);
        return {
          benchmark: 'db',
          engine: options.engine,
          storage: target.engine === 'pglite' ? 'in-memory PGlite' : 'local PostgreSQL server',
          node: process.version,
          rounds: ROUNDS,
          insert,
          transactions,
        };
      } finally {
        await raw.close();
      }
    } finally {
      await db.close();
    }
  });
}

async function openRaw(target: DatabaseTarget): Promise<RawDriver> {
  if (target.engine === 'pglite') {
    const pglite = await PGlite.create();
    return { exec: (t) => pglite.exec(t), query: (t, p) => pglite.query(t, p), close: () => pglite.close() };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return { exec: (t) => client.query(t), query: (t, p) => client.query(t, p), close: () => client.end() };
}

async function insertWithKysely(k: Scratch, rows: readonly Row[]): Promise<void> {
  await k.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('bench_row')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  });
}

async function insertRaw(raw: RawDriver, rows: readonly Row[]): Promise<void> {
  await raw.exec('begin');
  try {
    for (let i = 0; i < rows.length; i += BATCH) {
      const params: unknown[] = [];
      for (const row of rows.slice(i, i + BATCH)) params.push(row.id, row.name, row.n);
      await raw.query(INSERT_BATCH, params);
    }
    await raw.exec('commit');
  } catch (error) {
    await raw.exec('rollback');
    throw error;
  }
}

async function compareInserts(k: Scratch, raw: RawDriver, rows: readonly Row[]) {
  const samples = { kysely: [] as number[], raw: [] as number[] };
  const paths = {
    kysely: async () => {
      await sql`truncate bench_row`.execute(k);
      const ms = await timed(() => insertWithKysely(k, rows));
      await expectCount(k, 'bench_row', rows.length);
      return ms;
    },
    raw: async () => {
      await raw.exec('truncate bench_row');
      const ms = await timed(() => insertRaw(raw, rows));
      await raw.exec('truncate bench_row'); // on PostgreSQL the two paths share the table
      return ms;
    },
  };
  for (let r = 0; r <= ROUNDS; r++) {
    // Alternate which path goes first, so neither always gets the warmer (or noisier) slot.
    for (const path of r % 2 === 0 ? (['raw', 'kysely'] as const) : (['kysely', 'raw'] as const)) {
      const ms = await paths[path]();
      if (r > 0) samples[path].push(ms);
    }
  }
  const kysely = insertFigures(samples.kysely, rows.length);
  const baseline = insertFigures(samples.raw, rows.length);
  return {
    rows: rows.length,
    rowsPerStatement: BATCH,
    kysely,
    raw: baseline,
    ratioKyselyToRaw: round(kysely.rowsPerSecond / baseline.rowsPerSecond, 3),
  };
}

function insertFigures(samplesMs: number[], rows: number) {
  const ms = median(samplesMs);
  return {
    rowsPerSecond: Math.round((rows / ms) * 1000),
    medianMs: round(ms),
    samplesMs: samplesMs.map((s) => round(s)),
  };
}

/** One small transaction, as a request handler would do it: insert, then read back. */
async function oneTransaction(k: Scratch, id: number): Promise<void> {
  await k.transaction().execute(async (trx) => {
    await trx
      .insertInto('bench_tx')
      .values({ id, name: `申請 ${id}`, n: id })
      .execute();
    await trx.selectFrom('bench_tx').select('name').where('id', '=', id).executeTakeFirstOrThrow();
  });
}

/**
 * 200 transactions started at once vs the same 200 one after another (the baseline).
 * On PGlite the dialect's mutex makes them queue, so concurrency buys nothing; on
 * PostgreSQL the pool (10 connections) runs them side by side.
 */
async function compareTransactions(k: Scratch) {
  const ids = Array.from({ length: TRANSACTIONS }, (_, i) => i + 1);
  const totals = { concurrent: [] as number[], sequential: [] as number[] };
  const latencies: number[] = [];
  const ways = {
    concurrent: async () => {
      const start = performance.now();
      const done = await Promise.all(
        ids.map(async (id) => {
          await oneTransaction(k, id);
          return performance.now() - start;
        }),
      );
      return { ms: performance.now() - start, done };
    },
    sequential: async () => {
      const start = performance.now();
      for (const id of ids) await oneTransaction(k, id);
      return { ms: performance.now() - start, done: [] };
    },
  };
  for (let r = 0; r <= ROUNDS; r++) {
    for (const way of r % 2 === 0 ? (['sequential', 'concurrent'] as const) : (['concurrent', 'sequential'] as const)) {
      await sql`truncate bench_tx`.execute(k);
      const { ms, done } = await ways[way]();
      await expectCount(k, 'bench_tx', TRANSACTIONS);
      if (r === 0) continue;
      totals[way].push(ms);
      latencies.push(...done);
    }
  }
  const concurrentMs = median(totals.concurrent);
  const sequentialMs = median(totals.sequential);
  return {
    count: TRANSACTIONS,
    statementsEach: 2,
    concurrent: {
      totalMs: round(concurrentMs),
      transactionsPerSecond: Math.round((TRANSACTIONS / concurrentMs) * 1000),
      // Time from the common start to each transaction's commit: queueing shows here.
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      samplesMs: totals.concurrent.map((s) => round(s)),
    },
    sequentialBaseline: {
      totalMs: round(sequentialMs),
      transactionsPerSecond: Math.round((TRANSACTIONS / sequentialMs) * 1000),
      samplesMs: totals.sequential.map((s) => round(s)),
    },
    ratioConcurrentToSequential: round(sequentialMs / concurrentMs, 3),
  };
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** A benchmark that silently did less work would report a flattering figure. */
async function expectCount(k: Scratch, table: keyof BenchTables, expected: number): Promise<void> {
  const { n } = await k
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(n) !== expected) throw new Error(`${table} has ${n} rows, expected ${expected}`);
}
