import { randomBytes } from 'node:crypto';
import type { DatabaseTarget, Engine } from '@madoguchi/db';
import { adminQuery } from '@madoguchi/db/testing/admin';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|\[::1\]|)$/;

/**
 * Runs `fn` against a database of its own: in-memory PGlite, or on PostgreSQL a fresh
 * `madoguchi_bench_<random>` database made through the maintenance connection
 * (DATABASE_URL, else the local default) and dropped afterwards, whatever happens.
 */
export async function withBenchTarget<T>(engine: Engine, fn: (target: DatabaseTarget) => Promise<T>): Promise<T> {
  if (engine === 'pglite') return fn({ engine: 'pglite', dataDir: null });
  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  const url = new URL(adminUrl);
  // Project rule: benchmark load only ever goes to this machine.
  if (!LOOPBACK.test(url.hostname)) {
    throw new Error(`benchmarks only run against a local server; DATABASE_URL points at ${url.hostname}`);
  }
  const name = `madoguchi_bench_${randomBytes(6).toString('hex')}`;
  // The same locale as the test templates: pg_trgm needs a UTF-8 ctype for Japanese.
  await adminQuery(
    adminUrl,
    `create database "${name}" template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  url.pathname = `/${name}`;
  const drop = () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
  // Ctrl-C would skip the finally below: drop the database before going.
  const onSignal = (signal: NodeJS.Signals) => {
    void drop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    return await fn({ engine: 'postgres', url: url.toString() });
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await drop();
  }
}
