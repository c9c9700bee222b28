import type { DB } from '@madoguchi/db';
import { type Kysely, sql } from 'kysely';

const BATCH = 5_000;

/**
 * Chains the municipality's committed pending audit rows into the log (audit_seal in SQL: the same
 * encoding and hash as verification uses). Every reader of the log calls it first, so what it reads
 * is never behind; `serve` also calls it every few hundred milliseconds. Returns the rows sealed.
 */
export async function sealAuditLog(db: Kysely<DB>, lgCode: string): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await sql<{ sealed: number }>`select audit_seal(${lgCode}, ${BATCH}) as sealed`.execute(db);
    const sealed = Number(rows[0]?.sealed ?? 0);
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

export interface AuditSealerLog {
  error(fields: object, message: string): void;
}

/**
 * Seals every municipality's pending rows every `intervalMs`, so the chain is at most that far
 * behind the commits (the window in which a row is protected by privileges but not yet by the hash
 * chain). Returns a stop function that waits for the round in progress.
 */
export function startAuditSealer(
  db: Kysely<DB>,
  options: { intervalMs?: number; log: AuditSealerLog },
): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 250;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      const tenants = await db.selectFrom('tenant').select('lg_code').execute();
      for (const { lg_code } of tenants) await sealAuditLog(db, lg_code);
    } catch (error) {
      options.log.error({ err: error }, 'sealing the audit log failed');
    }
    if (!stopped) {
      timer = setTimeout(() => {
        running = round();
      }, intervalMs);
      timer.unref();
    }
  };
  running = round();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
