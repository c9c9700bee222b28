import { existsSync } from 'node:fs';
import { auditKeyFile, createCheckpoint, listTenants, loadAuditPrivateKey, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';

export interface CheckpointLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Signs each municipality's audit chain every `minutes`, for every municipality whose key file is
 * in `keyDir`. A failure is logged and retried at the next tick; it never stops the server.
 */
export function scheduleCheckpoints(db: Database, keyDir: string, minutes: number, log: CheckpointLog): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const tenant of await listTenants(db, systemActor('checkpoint-scheduler'))) {
        if (!existsSync(auditKeyFile(keyDir, tenant.lgCode))) continue;
        const checkpoint = await createCheckpoint(
          db.kysely,
          tenant.lgCode,
          await loadAuditPrivateKey(keyDir, tenant.lgCode),
        );
        if (checkpoint) log.info({ lgCode: tenant.lgCode, seq: checkpoint.seq }, 'audit checkpoint signed');
      }
    } catch (error) {
      log.error({ err: error }, 'audit checkpoint failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
