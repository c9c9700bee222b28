import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '@madoguchi/db';
import autocannon from 'autocannon';
import { withBenchTarget } from './support/database';
import type { BenchOptions } from './support/options';
import { round } from './support/stats';

export const description =
  'API overhead: req/s and latency of GET /api/v1/tenants (full stack, one query) vs GET /healthz (bare route)';

const CONNECTIONS = 20;
/** Untimed load on each route first, so JIT and pools are warm for both. */
const WARMUP_SECONDS = 1;
const STARTUP_TIMEOUT_MS = 60_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_SCRIPT = fileURLToPath(new URL('./support/serve-for-bench.ts', import.meta.url));

export async function run(options: BenchOptions): Promise<object> {
  return withBenchTarget(options.engine, async (target) => {
    // The server stops itself even if this process is killed before it can stop it.
    const child = startServer(target, 2 * (options.duration + WARMUP_SECONDS) + 120);
    try {
      const base = `http://127.0.0.1:${await waitForPort(child)}`;
      await expectTenant(base);
      for (const path of ['/healthz', '/api/v1/tenants']) await load(`${base}${path}`, WARMUP_SECONDS);
      const healthz = figures(await load(`${base}/healthz`, options.duration));
      const tenants = figures(await load(`${base}/api/v1/tenants`, options.duration));
      return {
        benchmark: 'http',
        engine: options.engine,
        node: process.version,
        durationSeconds: options.duration,
        connections: CONNECTIONS,
        healthz,
        tenants,
        ratioTenantsToHealthz: round(tenants.requestsPerSecond / healthz.requestsPerSecond, 3),
      };
    } finally {
      await stopServer(child);
    }
  });
}

function startServer(target: DatabaseTarget, maxSeconds: number): ChildProcess {
  // `node --import tsx` rather than `npx tsx`: one process, so killing it kills the server.
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      BENCH_ENGINE: target.engine,
      BENCH_DATABASE_URL: target.engine === 'postgres' ? target.url : '',
      BENCH_MAX_SECONDS: String(maxSeconds),
    },
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), STARTUP_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`the server exited before listening (${code ?? signal})`)));
    if (!child.stdout) return fail(new Error('the server has no stdout'));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const port = (JSON.parse(line) as { port?: unknown }).port;
      if (typeof port === 'number') resolve(port);
      else reject(new Error(`unexpected line from the server: ${line}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The full-stack route must really answer from the database, or its figure means nothing. */
async function expectTenant(base: string): Promise<void> {
  const response = await fetch(`${base}/api/v1/tenants`);
  const body = (await response.json()) as { items?: unknown[] };
  if (response.status !== 200 || body.items?.length !== 1) {
    throw new Error(`GET /api/v1/tenants answered ${response.status} ${JSON.stringify(body)}`);
  }
}

async function load(url: string, seconds: number): Promise<autocannon.Result> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  return result;
}

function figures(result: autocannon.Result) {
  return {
    requestsPerSecond: round(result.requests.average),
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
