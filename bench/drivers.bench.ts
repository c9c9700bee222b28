import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import postgres from 'postgres';
import { cpuPerRequest, cpuSnapshot, databaseBackends } from './support/cpu';
import { withBenchTarget } from './support/database';
import type { BenchOptions } from './support/options';
import { round } from './support/stats';

export const description =
  "drivers: the online submission's three statements (session, household read, two-table insert) at 50 concurrent requests over 10 connections — node-postgres against postgres.js (pipelining; the service's driver since ADR 0015) in the same run, with CPU per request of the client and the database";

export const defaultEngine = 'postgres';

/**
 * The evidence for ADR 0015 (docs/performance.md): node-postgres sends a connection's
 * next query only after the last one's result; postgres.js writes queued queries down the
 * connection together, so a database backend wakes once for several. The statements have the
 * shapes of a submission's, on a small schema of their own.
 */
const CONCURRENCY = 50;
const POOL = 10;
const WARMUP_REQUESTS = 2_000;
const LG = '999997';
const SESSIONS = 200;

const SESSION = 'select * from bench_session where lg_code = $1 and token_hash = $2';
const HOUSEHOLD = `select person_id, household_order, family_name, given_name, birth_date, address, relationship
  from bench_record where lg_code = $1 and status = $2
   and household_id = (select household_id from bench_record where lg_code = $1 and person_id = $3)
 order by household_order`;
const INSERT = `with a as (insert into bench_application (lg_code, application_id, answers) values ($1, $2, $3::jsonb)
  returning lg_code, application_id)
  insert into bench_event (lg_code, application_id, seq, data) select lg_code, application_id, 1, $4::jsonb from a`;
const ANSWERS = JSON.stringify({
  phone: '090-1234-5678',
  children: [{ fullName: 'デモ 一郎', birthDate: '2021-01-01', livesWithApplicant: 'yes' }],
  bank: { bankName: 'デモ銀行', branchName: '本店', accountType: 'ordinary', accountNumber: '1234567' },
});

const SCHEMA = `
  create table bench_session (lg_code text, token_hash bytea, subject_id text, assurance_level int, method text,
    expires_at timestamptz, last_seen_at timestamptz, primary key (lg_code, token_hash));
  insert into bench_session select '${LG}', sha256(i::text::bytea), lpad((2 * i)::text, 10, '0'), 3, 'card',
    now() + interval '1 day', now() from generate_series(1, ${SESSIONS}) i;
  create table bench_record (lg_code text, person_id text, household_id text, household_order int,
    family_name text, given_name text, birth_date date, address text, relationship text, status text,
    primary key (lg_code, person_id));
  insert into bench_record select '${LG}', lpad(i::text, 10, '0'), 'h' || (i / 2), i % 2, 'デモ', '花子',
    date '1990-01-01', 'デモ県デモ市中央一丁目', case when i % 2 = 0 then '世帯主' else '子' end, 'resident'
    from generate_series(1, ${2 * SESSIONS + 1}) i;
  create index on bench_record (lg_code, household_id);
  create table bench_application (lg_code text, application_id uuid, answers jsonb,
    created_at timestamptz default now(), primary key (lg_code, application_id));
  create table bench_event (lg_code text, application_id uuid, seq int, data jsonb,
    primary key (lg_code, application_id, seq));
  analyze;`;

interface Driver {
  readonly name: string;
  /** One submission's statements, in order, as the service sends them. */
  submit(i: number): Promise<void>;
  end(): Promise<void>;
}

const tokenHash = (i: number) =>
  createHash('sha256')
    .update(String((i % SESSIONS) + 1))
    .digest();

function nodePostgres(url: string): Driver {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  // Named statements, as the service sent them with node-postgres before ADR 0015.
  const query = <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) =>
    pool.query<R>({ name, text, values });
  return {
    name: 'node-postgres',
    async submit(i) {
      const session = await query<{ subject_id: string }>('s', SESSION, [LG, tokenHash(i)]);
      const household = await query('h', HOUSEHOLD, [LG, 'resident', session.rows[0]?.subject_id]);
      await query('i', INSERT, [LG, randomUUID(), ANSWERS, JSON.stringify({ members: household.rowCount })]);
    },
    end: () => pool.end(),
  };
}

function postgresJs(url: string): Driver {
  const sql = postgres(url, { max: POOL, prepare: true, onnotice: () => {} });
  return {
    name: 'postgres.js',
    async submit(i) {
      const session = await sql.unsafe<{ subject_id: string }[]>(SESSION, [LG, tokenHash(i)], { prepare: true });
      const household = await sql.unsafe(HOUSEHOLD, [LG, 'resident', session[0]?.subject_id as string], {
        prepare: true,
      });
      await sql.unsafe(INSERT, [LG, randomUUID(), ANSWERS, JSON.stringify({ members: household.length })], {
        prepare: true,
      });
    },
    end: () => sql.end(),
  };
}

/** CONCURRENCY requests at a time until `until` (or `count` requests); how many were made. */
async function load(driver: Driver, limit: { until?: number; count?: number }): Promise<number> {
  let made = 0;
  const more = () =>
    limit.count !== undefined ? made < limit.count : performance.now() < (limit.until ?? Number.NEGATIVE_INFINITY);
  const worker = async () => {
    while (more()) await driver.submit(made++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return made;
}

async function measure(driver: Driver, url: string, seconds: number) {
  await load(driver, { count: WARMUP_REQUESTS });
  const backends = await databaseBackends(url);
  const before = cpuSnapshot(undefined, backends);
  const started = performance.now();
  const requests = await load(driver, { until: started + seconds * 1000 });
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuPerRequest(before, cpuSnapshot(undefined, backends), requests);
  return {
    driver: driver.name,
    requestsPerSecond: round(requests / elapsed),
    cpuMsPerRequest: { client: cpu.loadGenerator, database: cpu.database, machine: cpu.machine },
  };
}

export async function run(options: BenchOptions): Promise<object> {
  if (options.engine !== 'postgres') throw new Error('the drivers benchmark needs PostgreSQL (--engine postgres)');
  return withBenchTarget('postgres', async (target) => {
    if (target.engine !== 'postgres') throw new Error('unreachable');
    const setup = new pg.Client({ connectionString: target.url });
    await setup.connect();
    await setup.query(SCHEMA);
    await setup.end();
    // Alternating, twice: the machine's load drifts within a run.
    const runs: Awaited<ReturnType<typeof measure>>[] = [];
    for (const make of [nodePostgres, postgresJs, nodePostgres, postgresJs]) {
      const driver = make(target.url);
      try {
        runs.push(await measure(driver, target.url, options.duration));
      } finally {
        await driver.end();
      }
    }
    const mean = (name: string, pick: (r: (typeof runs)[number]) => number | null) => {
      const values = runs.filter((r) => r.driver === name).map(pick);
      return values.includes(null) ? null : (values as number[]).reduce((a, b) => a + b, 0) / values.length;
    };
    const ratio = (pick: (r: (typeof runs)[number]) => number | null) => {
      const base = mean('node-postgres', pick);
      const other = mean('postgres.js', pick);
      return base === null || other === null ? null : round(other / base, 3);
    };
    return {
      benchmark: 'drivers',
      node: process.version,
      durationSecondsPerRun: options.duration,
      concurrency: CONCURRENCY,
      connections: POOL,
      runs,
      postgresJsToNodePostgres: {
        requestsPerSecond: ratio((r) => r.requestsPerSecond),
        clientCpu: ratio((r) => r.cpuMsPerRequest.client),
        databaseCpu: ratio((r) => r.cpuMsPerRequest.database),
        machineCpu: ratio((r) => r.cpuMsPerRequest.machine),
      },
    };
  });
}
