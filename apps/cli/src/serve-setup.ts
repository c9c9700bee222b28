import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseZoneEntry, type ZoneEntry } from '@madoguchi/api';
import {
  auditKeyFile,
  createAuditKeyFile,
  DEMO_TENANT,
  initDevCa,
  loadTrustStoreFromFiles,
  registerAuditKey,
  revocationWarnings,
  type TrustStore,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { type CheckpointLog, scheduleCheckpoints } from './checkpoint-scheduler';
import { keyDirOf } from './commands/audit';
import { UsageError } from './errors';
import type { Io } from './io';
import { warn } from './output';

/** What `serve` sets up besides the database and the HTTP app: trust, terminals, checkpoints. */
export interface ServeSetupFlags {
  demo?: boolean;
  cardTrustAnchor?: string[];
  cardCrl?: string[];
  zone?: string[];
  checkpointEvery: string;
  keyDir?: string;
}

const DEMO_CA_DIR = '.madoguchi/dev-ca';

/**
 * Trust anchors for card login: the given files; with --demo and none given, a development CA
 * created on first use (and a loud warning, since trusting it in production would let anyone in).
 */
export async function cardTrust(flags: ServeSetupFlags, io: Io): Promise<TrustStore | undefined> {
  let anchors = flags.cardTrustAnchor ?? [];
  let crls = flags.cardCrl ?? [];
  if (anchors.length === 0 && flags.demo) {
    const dir = path.resolve(io.cwd, DEMO_CA_DIR);
    if (!existsSync(path.join(dir, 'ca-cert.pem'))) await initDevCa(dir);
    anchors = [path.join(dir, 'ca-cert.pem')];
    crls = [path.join(dir, 'ca.crl.pem')];
    warn(io, `card login trusts the DEVELOPMENT CA in ${dir}: demo only, never in production`);
  }
  if (anchors.length === 0) return undefined;
  const store = await loadTrustStoreFromFiles({ anchorFiles: anchors, crlFiles: crls });
  for (const warning of revocationWarnings(store)) warn(io, warning);
  return store;
}

/** Staff terminals by address range; --demo treats this machine as a terminal of the individual-number zone. */
export function terminalZones(flags: ServeSetupFlags, io: Io): ZoneEntry[] {
  try {
    const zones = (flags.zone ?? []).map(parseZoneEntry);
    if (zones.length === 0 && flags.demo) {
      warn(
        io,
        'staff may log in from this machine (127.0.0.0/8, ::1) as a terminal of the individual-number zone: demo only',
      );
      return [parseZoneEntry('127.0.0.0/8=individual-number'), parseZoneEntry('::1/128=individual-number')];
    }
    if (zones.length === 0) warn(io, 'no --zone is configured: staff cannot log in from any terminal');
    return zones;
  } catch (error) {
    throw new UsageError(`--zone: ${(error as Error).message}`);
  }
}

/** Periodic audit checkpoints; --demo creates the demo municipality's key and signs every 5 minutes. */
export async function checkpoints(
  db: Database,
  flags: ServeSetupFlags,
  io: Io,
  log: CheckpointLog,
): Promise<() => void> {
  const keyDir = keyDirOf(flags, io);
  let minutes = Number(flags.checkpointEvery);
  if (!Number.isFinite(minutes) || minutes < 0) throw new UsageError('--checkpoint-every must be a number of minutes');
  if (flags.demo && minutes === 0) {
    minutes = 5;
    if (!existsSync(auditKeyFile(keyDir, DEMO_TENANT.lgCode))) {
      const { publicKey } = await createAuditKeyFile(keyDir, DEMO_TENANT.lgCode);
      await registerAuditKey(db.kysely, DEMO_TENANT.lgCode, publicKey);
    }
  }
  return minutes > 0 ? scheduleCheckpoints(db, keyDir, minutes, log) : () => {};
}

/** `{ key: value }` when there is a value, else nothing (options are absent, not undefined). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
