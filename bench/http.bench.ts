import autocannon from 'autocannon';
import { startBenchServer, stopBenchServer, waitForReady } from './support/bench-server';
import { withBenchTarget } from './support/database';
import type { BenchOptions } from './support/options';
import { round } from './support/stats';

export const description =
  'API overhead: req/s and latency of GET /api/v1/tenants (full stack, one query) vs GET /healthz (bare route)';

const CONNECTIONS = 20;
/** Untimed load on each route first, so JIT and pools are warm for both. */
const WARMUP_SECONDS = 1;
const SERVER_SCRIPT = new URL('./support/serve-for-bench.ts', import.meta.url).href;

export async function run(options: BenchOptions): Promise<object> {
  return withBenchTarget(options.engine, async (target) => {
    // The server stops itself even if this process is killed before it can stop it.
    const child = startBenchServer(SERVER_SCRIPT, target, 2 * (options.duration + WARMUP_SECONDS) + 120);
    try {
      const base = `http://127.0.0.1:${(await waitForReady(child)).port}`;
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
      await stopBenchServer(child);
    }
  });
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
