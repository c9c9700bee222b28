import { buildApp } from '@madoguchi/api';
import {
  addDays,
  addTenant,
  createSession,
  recordMoveIn,
  startAuditSealer,
  startWebhookDispatcher,
  syncProcedureCatalog,
  systemActor,
  todayInJapan,
} from '@madoguchi/core';
import { type DatabaseTarget, migrate, openDatabase } from '@madoguchi/db';

/**
 * The API for the submissions benchmark, in a process of its own: a municipality with the standard
 * catalog and HOUSEHOLDS synthetic households (a parent and a child), each parent logged in with a
 * card (level 3), and the audit sealer and webhook dispatcher running as in `serve`. Prints {"port":N,"cookies":[...],"child":{...}} once listening. Stops on SIGTERM,
 * when its parent goes away, or after BENCH_MAX_SECONDS.
 */
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 200);
const target: DatabaseTarget =
  process.env.BENCH_ENGINE === 'postgres'
    ? { engine: 'postgres', url: process.env.BENCH_DATABASE_URL as string }
    : { engine: 'pglite', dataDir: null };
const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 300);
const LG = '999997';

// The service's default pool unless BENCH_POOL says otherwise (bench/README).
const db = await openDatabase(target, process.env.BENCH_POOL ? { poolSize: Number(process.env.BENCH_POOL) } : {});
await migrate(db);
const setup = systemActor('bench');
await addTenant(db, setup, { lgCode: LG, name: 'デモ市' });
await syncProcedureCatalog(db, setup, LG);
const today = todayInJapan();
const child = { fullName: 'デモ 一郎', birthDate: addDays(today, -2000) };
const cookies: string[] = [];
for (let i = 0; i < HOUSEHOLDS; i += 1) {
  const moved = await recordMoveIn(
    db,
    { kind: 'staff', id: 'bench', zone: 'individual-number' },
    {
      lgCode: LG,
      effectiveOn: addDays(today, -30),
      notifiedOn: addDays(today, -30),
      previousAddress: 'デモ県サンプル町1番',
      destination: { postalCode: '999-0001', address: `デモ県デモ市中央一丁目${i + 1}番1号`, addressDetail: null },
      persons: [
        {
          residentKind: 'japanese',
          relationship: '世帯主',
          familyName: 'デモ',
          givenName: '花子',
          birthDate: '1990-01-01',
          sex: 2,
        },
        {
          residentKind: 'japanese',
          relationship: '子',
          familyName: 'デモ',
          givenName: '一郎',
          birthDate: child.birthDate,
          sex: 1,
        },
      ],
    },
  );
  const { token } = await createSession(db.kysely, {
    lgCode: LG,
    subjectKind: 'resident',
    subjectId: moved.personIds[0] as string,
    method: 'card',
    maxAgeSeconds: maxSeconds + 60,
    idleTimeoutSeconds: maxSeconds + 60,
  });
  cookies.push(`madoguchi_session=${token}`);
}
const app = await buildApp({ db, logger: false });
// The background work `serve` does too: chaining audit rows, delivering the outbox.
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const stopSealer = startAuditSealer(db.kysely, { log: quiet });
const stopWebhooks = startWebhookDispatcher(db, { log: quiet });

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([stopSealer(), stopWebhooks()]).catch(() => {});
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
process.stdout.write(`${JSON.stringify({ port: address.port, cookies, child })}\n`);
