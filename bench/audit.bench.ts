import { createHash } from 'node:crypto';
import type { AuditEvent } from '@madoguchi/core';
import {
  addTenant,
  appendAudit,
  canonicalRecord,
  findAuditRecords,
  genesisHash,
  sealAuditLog,
  systemActor,
  verifyAuditChain,
} from '@madoguchi/core';
import { migrate, openDatabase } from '@madoguchi/db';
import { type Kysely, sql } from 'kysely';
import { withBenchTarget } from './support/database';
import type { BenchOptions } from './support/options';
import { round } from './support/stats';

export const description =
  'audit log: batched appends (rows/s) against plain batched inserts of the same rows, and verify against raw SHA-256 over the same bytes';

const LG = '999997';
const ROWS = 50_000;
const BATCH = 1_000;
const staff = {
  kind: 'staff' as const,
  id: 'staff-0001',
  terminalId: 'T-01',
  zone: 'individual-number' as const,
  department: 'citizen',
};

function event(i: number): AuditEvent {
  return {
    lgCode: LG,
    action: 'registry.person.read',
    purpose: 'certificate-issuance',
    result: 'allowed',
    subjectPersonIds: [`P${String(i % 10_000).padStart(8, '0')}`],
    dataCategory: 'basic-resident-record',
    details: { requestId: `r-${i}`, fields: ['name', 'address'] },
  };
}

export async function run(options: BenchOptions): Promise<object> {
  return withBenchTarget(options.engine, async (target) => {
    const db = await openDatabase(target);
    try {
      await migrate(db);
      await addTenant(db, systemActor('bench'), { lgCode: LG, name: 'デモ市' });
      await sql`create table bench_plain (like audit_log including defaults)`.execute(db.kysely);

      // Appending is writing the rows with their change, then chaining them (ADR 0014): both are timed.
      const writeMs = await time(async () => {
        for (let i = 0; i < ROWS; i += BATCH) {
          const events = Array.from({ length: BATCH }, (_, j) => event(i + j));
          await db.kysely.transaction().execute((trx) => appendAudit(trx, staff, events));
        }
      });
      const sealMs = await time(async () => {
        if ((await sealAuditLog(db.kysely, LG)) !== ROWS) throw new Error('not every row was chained');
      });
      const appendMs = writeMs + sealMs;

      // Baseline: the same rows, already hashed, inserted in the same batches with no chain work.
      const rows = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('lg_code', '=', LG)
        .orderBy('seq')
        .execute();
      const plainMs = await time(async () => {
        for (let i = 0; i < rows.length; i += BATCH) {
          const chunk = rows.slice(i, i + BATCH).map((row) => ({ ...row, details: JSON.stringify(row.details) }));
          // A scratch table outside the typed schema: give Kysely a view of it.
          const scratch = db.kysely as unknown as Kysely<{ bench_plain: (typeof chunk)[number] }>;
          await scratch.transaction().execute((trx) => trx.insertInto('bench_plain').values(chunk).execute());
        }
      });

      // As autovacuum would have by now on a live table: planner statistics (the hash scan runs in parallel).
      await sql`analyze audit_log`.execute(db.kysely);
      const verifyMs = await time(async () => {
        const result = await verifyAuditChain(db.kysely, LG);
        if (!result.ok || result.rows !== ROWS) throw new Error(`verify failed: ${JSON.stringify(result)}`);
      });
      const recomputeMs = await time(async () => {
        const result = await verifyAuditChain(db.kysely, LG, { recompute: true });
        if (!result.ok || result.rows !== ROWS) throw new Error(`recompute failed: ${JSON.stringify(result)}`);
      });

      // Baseline: chained SHA-256 over exactly the bytes verify hashes, already in memory.
      const canon = (await findAuditRecords(db.kysely, LG, 0, ROWS)).map((r) => Buffer.from(canonicalRecord(r)));
      const bytes = canon.reduce((n, b) => n + b.length, 0);
      let last = genesisHash(LG);
      const rawShaMs = await time(async () => {
        let running = genesisHash(LG);
        for (const b of canon) running = createHash('sha256').update(running).update(b).digest();
        last = running;
      });
      if (!last.equals(Buffer.from(rows.at(-1)?.hash ?? []))) throw new Error('the baseline hashed different bytes');

      return {
        benchmark: 'audit',
        engine: options.engine,
        rows: ROWS,
        batch: BATCH,
        bytesHashed: bytes,
        append: {
          ms: round(appendMs),
          rowsPerSecond: round((ROWS / appendMs) * 1000),
          writeMs: round(writeMs),
          sealMs: round(sealMs),
        },
        plainInsertBaseline: { ms: round(plainMs), rowsPerSecond: round((ROWS / plainMs) * 1000) },
        appendVsPlain: round(plainMs / appendMs, 3),
        verify: {
          ms: round(verifyMs),
          rowsPerSecond: round((ROWS / verifyMs) * 1000),
          mbPerSecond: round(bytes / verifyMs / 1000, 2),
        },
        verifyRecompute: {
          ms: round(recomputeMs),
          rowsPerSecond: round((ROWS / recomputeMs) * 1000),
          mbPerSecond: round(bytes / recomputeMs / 1000, 2),
        },
        rawSha256Baseline: { ms: round(rawShaMs), mbPerSecond: round(bytes / rawShaMs / 1000, 2) },
        verifyVsRawSha256: round(rawShaMs / verifyMs, 3),
        recomputeVsRawSha256: round(rawShaMs / recomputeMs, 3),
        floors: { appendRowsPerSecondOnPostgres: 20_000, verifyVsRawSha256: 0.5 },
      };
    } finally {
      await db.close();
    }
  });
}

async function time(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}
