import type { DatabaseTarget } from '@madoguchi/db';
import { DEFAULT_POOL_SIZE } from '@madoguchi/db';
import autocannon from 'autocannon';
import pg from 'pg';
import { startBenchServer, stopBenchServer, waitForReady } from './support/bench-server';
import { cpuPerRequest, cpuSnapshot, databaseBackends } from './support/cpu';
import { withBenchTarget } from './support/database';
import type { BenchOptions } from './support/options';
import { round } from './support/stats';

export const description =
  'submissions: POST /api/v1/me/applications/submit (child allowance, filled in from the register, audited, outbox) at 50 connections vs GET /healthz (bare route) in the same run';

export const defaultEngine = 'postgres';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const SERVER_SCRIPT = new URL('./support/serve-for-submissions.ts', import.meta.url).href;

interface Ready {
  readonly port: number;
  readonly cookies: readonly string[];
  readonly child: { readonly fullName: string; readonly birthDate: string };
}

function submission(child: Ready['child']): string {
  return JSON.stringify({
    procedureId: 'child-allowance',
    declaration: true,
    answers: {
      phone: '090-1234-5678',
      pension: 'employees-pension',
      hasSpouse: 'no',
      children: [{ ...child, livesWithApplicant: 'yes' }],
      bank: {
        bankName: 'デモ銀行',
        branchName: '本店',
        accountType: 'ordinary',
        accountNumber: '1234567',
        accountHolderKana: 'デモ ハナコ',
      },
    },
  });
}

export async function run(options: BenchOptions): Promise<object> {
  return withBenchTarget(options.engine, async (target) => {
    const child = startBenchServer(SERVER_SCRIPT, target, 4 * (options.duration + WARMUP_SECONDS) + 300);
    try {
      const ready = await waitForReady<Ready>(child);
      const base = `http://127.0.0.1:${ready.port}`;
      let next = 0;
      const submit = (seconds: number) =>
        load(seconds, {
          url: `${base}/api/v1/me/applications/submit`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: submission(ready.child),
          // Each request as another resident, round robin: many households applying at once.
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, cookie: ready.cookies[next++ % ready.cookies.length] as string },
              }),
            },
          ],
        });
      const bare = (seconds: number) => load(seconds, { url: `${base}/healthz` });
      await bare(WARMUP_SECONDS);
      const warm = await submit(WARMUP_SECONDS);
      await analyze(target);
      const healthz = await measured(child.pid, target, () => bare(options.duration));
      // Warm again right before measuring: the pool closes connections idle for 10 s, so after the
      // bare route's run the server would start on new connections with nothing prepared, which a
      // server under steady load never does.
      await submit(WARMUP_SECONDS);
      const before = await settledCount(target);
      const submissions = await measured(child.pid, target, () => submit(options.duration));
      const stored = before === null ? null : ((await countApplications(target)) ?? 0) - before;
      // Requests still in flight when the run ends are stored but not counted by autocannon.
      if (stored !== null && (stored < submissions.requests || stored > submissions.requests + CONNECTIONS)) {
        throw new Error(`${submissions.requests} submissions answered 201 but ${stored} were stored`);
      }
      return {
        benchmark: 'submissions',
        engine: options.engine,
        node: process.version,
        durationSeconds: options.duration,
        connections: CONNECTIONS,
        databasePool: options.engine === 'postgres' ? Number(process.env.BENCH_POOL ?? DEFAULT_POOL_SIZE) : 1,
        residents: ready.cookies.length,
        warmupSubmissions: warm.requests.total,
        healthz,
        submissions: { ...submissions, storedDuringRun: stored },
        ratioSubmissionsToHealthz: round(submissions.requestsPerSecond / healthz.requestsPerSecond, 3),
        floors: { submissionsPerSecondOnPostgres: 1000, p99MsOnPostgres: 100 },
      };
    } finally {
      await stopBenchServer(child);
    }
  });
}

/** The run's figures and the CPU each party spent per request during it. */
async function measured(serverPid: number | undefined, target: DatabaseTarget, run: () => Promise<autocannon.Result>) {
  const url = target.engine === 'postgres' ? target.url : undefined;
  const before = cpuSnapshot(serverPid, await databaseBackends(url));
  const result = await run();
  const after = cpuSnapshot(serverPid, await databaseBackends(url));
  return { ...figures(result), cpuMsPerRequest: cpuPerRequest(before, after, result.requests.total) };
}

async function load(seconds: number, options: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: seconds });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  return result;
}

/**
 * Statistics, as autovacuum gives any database in use. Without them, the plans PostgreSQL caches in
 * each connection for the foreign-key checks are made for empty tables and pick any index that
 * starts with lg_code: every application_event row then scanned all the municipality's applications
 * (measured: 60 % of the database's time per submission, growing with the table).
 */
async function analyze(target: { engine: string; url?: string }): Promise<void> {
  if (target.engine !== 'postgres' || !target.url) return;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

/**
 * The count once the warm-up's last requests have landed: autocannon stops waiting for the
 * requests in flight when its time is up, and the server still stores them.
 */
async function settledCount(target: DatabaseTarget): Promise<number | null> {
  let last = await countApplications(target);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await countApplications(target);
    if (now === last) return now;
    last = now;
  }
}

/** Applications in the database: the bench checks every 201 was a stored submission (PostgreSQL only). */
async function countApplications(target: { engine: string; url?: string }): Promise<number | null> {
  if (target.engine !== 'postgres' || !target.url) return null;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from application where lg_code = '999997'",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function figures(result: autocannon.Result) {
  return {
    requestsPerSecond: round(result.requests.average),
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
  };
}
