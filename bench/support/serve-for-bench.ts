import { buildApp } from '@madoguchi/api';
import { addTenant, systemActor } from '@madoguchi/core';
import { type DatabaseTarget, migrate, openDatabase } from '@madoguchi/db';

/**
 * The API under load, in a process of its own so the load generator does not share its
 * event loop. Spawned by http.bench.ts with BENCH_ENGINE (and BENCH_DATABASE_URL for
 * PostgreSQL); prints {"port":N} once listening on 127.0.0.1. It stops on SIGTERM, when
 * its parent goes away (stdin closes), or after BENCH_MAX_SECONDS, whichever is first.
 */
const target: DatabaseTarget =
  process.env.BENCH_ENGINE === 'postgres'
    ? { engine: 'postgres', url: required('BENCH_DATABASE_URL') }
    : { engine: 'pglite', dataDir: null };
const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 300);

const db = await openDatabase(target);
await migrate(db);
await addTenant(db, systemActor('bench'), { lgCode: '999997', name: 'デモ市' });
const app = await buildApp({ db, logger: false });

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await app.close().catch(() => {});
  await db.close().catch(() => {});
  process.exit(code);
}
process.once('SIGTERM', () => void stop(0));
process.once('SIGINT', () => void stop(0));
process.stdin.once('close', () => void stop(0)).resume();
setTimeout(() => void stop(2), maxSeconds * 1000).unref();

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
