import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import {
  createRandom,
  decodeCsvBytes,
  formatResidentsV1,
  generateDemoResidents,
  type ImportResidentsResult,
  importResidents,
  operatorActor,
  parseResidentsV1,
  RESIDENTS_V1_COLUMNS,
  type ResidentsV1Record,
} from '@madoguchi/core';
import type { Database, DatabaseTarget } from '@madoguchi/db';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { round } from './stats';

/** The import file, made once, and residents picked from it to search for. */
export interface BenchFile {
  readonly bytes: Buffer;
  /** Current residents with a kana reading, a uniform sample (seeded, so every run asks the same). */
  readonly sample: readonly ResidentsV1Record[];
}

export function makeBenchFile(residents: number, today: string, sampleSize: number): BenchFile {
  const random = createRandom('bench-sample');
  const sample: ResidentsV1Record[] = [];
  let seen = 0;
  function* sampled(): Generator<ResidentsV1Record> {
    for (const record of generateDemoResidents({ residents, seed: 'bench', today })) {
      if (record.status === 'resident' && record.familyNameKana !== null) {
        seen += 1;
        // Reservoir sampling: every eligible resident ends up in the sample with the same chance.
        const slot = sample.length < sampleSize ? sample.length : random.int(0, seen - 1);
        if (slot < sampleSize) sample[slot] = record;
      }
      yield record;
    }
  }
  const text = [...formatResidentsV1(sampled(), { includeIndividualNumber: false })].join('');
  return { bytes: Buffer.from(text, 'utf8'), sample };
}

const BARE = `create table bare (${RESIDENTS_V1_COLUMNS.map((c) => `${c} text`).join(', ')})`;
const COPY_BARE = 'COPY bare FROM STDIN WITH (FORMAT csv, HEADER true)';
const CHUNK = 64 * 1024;

/**
 * The baseline: the same bytes through COPY into a table of 27 text columns with no index, no
 * check and nothing computed. PostgreSQL: a plain pg client on the bench database; PGlite: an
 * in-memory instance of its own (the product's is not reachable), as db.bench.ts does.
 */
export async function rawCopy(target: DatabaseTarget, bytes: Buffer, rows: number) {
  let ms: number;
  let copied: number;
  if (target.engine === 'pglite') {
    const pglite = await PGlite.create();
    try {
      await pglite.exec(BARE);
      const start = performance.now();
      const result = await pglite.query(COPY_BARE.replace('STDIN', "'/dev/blob'"), [], { blob: new Blob([bytes]) });
      ms = performance.now() - start;
      copied = result.affectedRows ?? 0;
    } finally {
      await pglite.close();
    }
  } else {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query(BARE);
      await client.query('checkpoint'); // the import gets one too: both start with clean buffers
      const start = performance.now();
      const stream = client.query(copyFromStream(COPY_BARE));
      await pipeline(Readable.from(chunks(bytes)), stream);
      ms = performance.now() - start;
      copied = Number(stream.rowCount);
      await client.query('drop table bare');
    } finally {
      await client.end();
    }
  }
  if (copied !== rows) throw new Error(`raw COPY loaded ${copied} rows, expected ${rows}`);
  return { ms: round(ms), rowsPerSecond: Math.round((rows / ms) * 1000), mbPerSecond: round(bytes.length / ms / 1000) };
}

function* chunks(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

/** decodeCsvBytes + parseResidentsV1 alone, as importResidents calls them: the validation part. */
export function timeParse(bytes: Buffer, today: string, rows: number) {
  const t0 = performance.now();
  const { text } = decodeCsvBytes(bytes);
  const t1 = performance.now();
  const parsed = parseResidentsV1(text, { today });
  const t2 = performance.now();
  if (parsed.problems.length > 0 || parsed.records.length !== rows) {
    throw new Error(`the file does not parse cleanly: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  }
  return { decodeMs: round(t1 - t0), parseMs: round(t2 - t1), rowsPerSecond: Math.round((rows / (t2 - t0)) * 1000) };
}

export type TimedImport = Awaited<ReturnType<typeof timedImport>>;

/**
 * importResidents, timed, its phases told apart by its progress callbacks: validation (tenant
 * check, decode, parse), loading (COPY lines built and streamed; on PGlite only built, as the whole
 * COPY runs at the end) and the rest (COPY tail, merge, support measures, counters, audit, commit).
 * Node CPU per phase shows how much of it was this process and how much waiting for the server.
 */
export async function timedImport(db: Database, lgCode: string, bytes: Buffer) {
  const start = performance.now();
  const marks = { start, validated: start, loaded: start };
  const cpu = { start: process.cpuUsage(), validated: process.cpuUsage(), loaded: process.cpuUsage() };
  const memory = { heapUsedMb: 0, rssMb: 0 };
  const sampleMemory = () => {
    const m = process.memoryUsage();
    memory.heapUsedMb = Math.max(memory.heapUsedMb, Math.round(m.heapUsed / 1e6));
    memory.rssMb = Math.max(memory.rssMb, Math.round(m.rss / 1e6));
  };
  const sampler = setInterval(sampleMemory, 200);
  let lastReport = 0;
  let result: ImportResidentsResult | undefined;
  let error: unknown;
  try {
    result = await importResidents(db, operatorActor('bench'), {
      lgCode,
      bytes,
      onProgress: ({ phase, done, total }) => {
        sampleMemory();
        const now = performance.now();
        const mark = phase === 'validating' ? 'validated' : 'loaded';
        marks[mark] = now;
        cpu[mark] = process.cpuUsage();
        if (now - lastReport > 5000) {
          lastReport = now;
          console.error(`  import: ${phase} ${done}${total === null ? '' : `/${total}`} at ${round(now - start)} ms`);
        }
      },
    });
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(sampler);
  }
  const end = performance.now();
  const cpuEnd = process.cpuUsage();
  sampleMemory();
  const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
    round((to.user - from.user + to.system - from.system) / 1000);
  const totalMs = end - start;
  const rows = result?.rows ?? 0;
  return {
    ms: round(totalMs),
    rowsPerSecond: Math.round((rows / totalMs) * 1000),
    ...(result ?? {}),
    ...(error === undefined ? {} : { error: describeError(error) }),
    phases: {
      validate: { ms: round(marks.validated - start), nodeCpuMs: cpuMs(cpu.start, cpu.validated) },
      load: { ms: round(marks.loaded - marks.validated), nodeCpuMs: cpuMs(cpu.validated, cpu.loaded) },
      rest: { ms: round(end - marks.loaded), nodeCpuMs: cpuMs(cpu.loaded, cpuEnd) },
    },
    peakMemory: memory,
  };
}

function describeError(error: unknown): object {
  const e = error as { name?: string; code?: string; message?: string };
  return { name: e.name, code: e.code, message: String(e.message ?? error).slice(0, 500) };
}
