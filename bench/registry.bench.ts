import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { addTenant, systemActor, todayInJapan } from '@madoguchi/core';
import { type Database, type Engine, migrate, openDatabase } from '@madoguchi/db';
import { sql } from 'kysely';
import { withBenchTarget } from './support/database';
import type { BenchOptions } from './support/options';
import { makeBenchFile, rawCopy, type TimedImport, timedImport, timeParse } from './support/registry-import';
import { type Shape, searchCriteria, timeSearches } from './support/registry-search';
import { serverFloor } from './support/registry-server-floor';
import { round } from './support/stats';

export const description =
  'registry: residents-v1 import vs raw COPY of the same file, re-import, and search p50/p95/p99 through the service vs a bare select (--residents N; 1,000,000 on PostgreSQL, 200,000 on PGlite)';

/** The floors are about PostgreSQL. */
export const defaultEngine: Engine = 'postgres';

const LG = '999997';
const QUERIES = 500;
/** PGlite is single-threaded WebAssembly: a fifth of the residents keeps its run to minutes. */
const DEFAULT_RESIDENTS: Record<Engine, number> = { postgres: 1_000_000, pglite: 200_000 };
/** At the desk: a clerk searching for residents, one search at a time. */
const clerk = { kind: 'staff' as const, id: 'staff-0001', terminalId: 'T-01', zone: 'lgwan' as const };

export async function run(options: BenchOptions & { readonly residents?: string }): Promise<object> {
  const residents = parseResidents(options.residents, DEFAULT_RESIDENTS[options.engine]);
  const started = performance.now();
  const say = (message: string) =>
    console.error(`[registry ${round((performance.now() - started) / 1000)} s] ${message}`);
  const code = codeVersion(); // before the run: the modules measured were loaded at start
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadavgAtStart: os.loadavg() };
  const today = todayInJapan();

  say(`generating ${residents} residents`);
  const generateStart = performance.now();
  const file = makeBenchFile(residents, today, 3 * QUERIES);
  const generateMs = performance.now() - generateStart;
  say(`file: ${round(file.bytes.length / 1e6)} MB in ${round(generateMs)} ms`);

  return withBenchTarget(options.engine, async (target) => {
    say('raw COPY baseline');
    const raw = await rawCopy(target, file.bytes, residents);
    say(`raw COPY: ${raw.ms} ms; decode + parse alone`);
    const parse = timeParse(file.bytes, today, residents);
    const db = await openDatabase(target);
    try {
      await migrate(db);
      await addTenant(db, systemActor('bench'), { lgCode: LG, name: 'デモ市' });
      await sql`checkpoint`.execute(db.kysely);
      const server = await serverFacts(db);
      say(`parse: ${round(parse.decodeMs + parse.parseMs)} ms; importResidents into an empty municipality`);
      const first = await timedImport(db, LG, file.bytes);
      say(`import: ${first.ms} ms; re-import of the same file`);
      const again = first.error ? null : await timedImport(db, LG, file.bytes);
      const current = await currentRecords(db);
      say('server floor: the final rows alone, COPY FREEZE + the registry indexes');
      const floor = first.error ? null : await serverFloor(target, LG, residents);
      const imported = {
        rows: residents,
        fileMb: round(file.bytes.length / 1e6),
        generateMs: round(generateMs),
        rawCopyBaseline: raw,
        parseAlone: parse,
        import: first,
        importVsRawCopy: round(raw.ms / first.ms, 3),
        serverFloor: floor,
        serverFloorVsRawCopy: floor ? round(raw.ms / floor.ms, 3) : null,
        reimport: again,
        currentRecordsAfter: current,
        residentRecordTableMb: await tableMb(db),
      };
      checkImport(first, again, residents, current);
      if (first.error) return report(options.engine, { code, machine: { ...machine, server } }, imported, null);

      // As a live server would be soon after a bulk load: planner statistics and visibility map
      // (autovacuum), and the load's WAL checkpointed — not a checkpoint in the middle of the searches.
      await sql`vacuum analyze resident_record`.execute(db.kysely);
      if (options.engine === 'postgres') await sql`checkpoint`.execute(db.kysely);
      const criteria = searchCriteria(LG, file.sample, QUERIES);
      const search: Partial<Record<Shape, object>> = {};
      for (const shape of Object.keys(criteria) as Shape[]) {
        say(`search: ${shape}`);
        search[shape] = await timeSearches(db, clerk, criteria[shape]);
      }
      return report(options.engine, { code, machine: { ...machine, server } }, imported, search);
    } finally {
      await db.close();
    }
  });
}

function report(
  engine: Engine,
  { code, machine }: { code: object; machine: object },
  registryImport: object,
  search: object | null,
): object {
  return {
    benchmark: 'registry',
    engine,
    storage: engine === 'pglite' ? 'in-memory PGlite' : 'local PostgreSQL server',
    node: process.version,
    code,
    machine: { ...machine, loadavgAtEnd: os.loadavg(), totalMemoryGb: round(os.totalmem() / 1e9) },
    import: registryImport,
    search: search ?? 'skipped: the import failed',
    searchNotes:
      'sequential; service = searchResidents (transaction, query, support-measure lookup, one audit row); ' +
      'baseline = the same select (limit 51) on the same pool without the service',
    floors: { importVsRawCopyOnPostgres: 0.5, searchP95MsOnPostgres: 10 },
  };
}

/** A benchmark that silently did less work would report a flattering figure. */
function checkImport(first: TimedImport, again: TimedImport | null, residents: number, current: number): void {
  if (first.error) return;
  if (first.inserted !== residents || current !== residents) {
    throw new Error(`import inserted ${first.inserted}, ${current} current records; expected ${residents}`);
  }
  if (again && !again.error && again.unchanged !== residents) {
    throw new Error(`re-import left ${again.unchanged} unchanged, expected ${residents}`);
  }
}

async function currentRecords(db: Database): Promise<number> {
  const { n } = await db.kysely
    .selectFrom('resident_record')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('lg_code', '=', LG)
    .where('is_current', '=', true)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** What a commit and a bulk load cost depends on these (the service's audit row is one commit per search). */
async function serverFacts(db: Database): Promise<object> {
  const { rows } = await sql<Record<string, string>>`
    select version() as version, current_setting('shared_buffers') as shared_buffers,
           current_setting('max_wal_size') as max_wal_size, current_setting('synchronous_commit') as synchronous_commit,
           current_setting('fsync') as fsync, current_setting('wal_level') as wal_level`.execute(db.kysely);
  return rows[0] ?? {};
}

async function tableMb(db: Database): Promise<number> {
  const { rows } = await sql<{ bytes: string }>`select pg_total_relation_size('resident_record') as bytes`.execute(
    db.kysely,
  );
  return round(Number(rows[0]?.bytes) / 1e6);
}

/** The commit measured, and how many files differed from it (work in progress is measured as it stood). */
function codeVersion(): object {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: 'pipe' }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no').split('\n').filter(Boolean);
    return { commit: git('rev-parse', '--short', 'HEAD'), changedFiles: changed.length };
  } catch {
    return { commit: 'unknown' };
  }
}

/** Bounded, so that a typo cannot start an hour of load on a shared machine. */
function parseResidents(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1_000 || n > 2_000_000) {
    throw new Error(`--residents must be a whole number from 1,000 to 2,000,000 (got ${value})`);
  }
  return n;
}
