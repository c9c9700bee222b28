import path from 'node:path';
import {
  AppError,
  createAuditKeyFile,
  createCheckpoint,
  holdAccessLogEntry,
  loadAuditPrivateKey,
  loadPublicKeyFile,
  parseLgCode,
  registerAuditKey,
  verifyAuditChain,
} from '@madoguchi/core';
import type { Command } from 'commander';
import { type DatabaseFlags, withDatabase, withDatabaseOptions } from '../database-options';
import { UsageError } from '../errors';
import type { Io } from '../io';
import { printResult, warn } from '../output';
import { createProgress } from '../progress';

interface Flags extends DatabaseFlags {
  lgCode: string;
  recompute?: boolean;
  keyDir?: string;
  publicKey?: string;
  json?: boolean;
}

export const DEFAULT_KEY_DIR = '.madoguchi/keys';

export function keyDirOf(flags: { keyDir?: string }, io: Io): string {
  return path.resolve(io.cwd, flags.keyDir ?? io.env.MADOGUCHI_KEY_DIR ?? DEFAULT_KEY_DIR);
}

export function auditCommand(program: Command, io: Io): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  const common = (command: Command) =>
    withDatabaseOptions(
      command.requiredOption('--lg-code <code>', '地方公共団体コード').option('--json', 'print the result as JSON'),
    );

  common(
    audit
      .command('keygen')
      .description("create the municipality's Ed25519 checkpoint key (a file, mode 0600) and record its public key")
      .option('--key-dir <dir>', `where key files live (default MADOGUCHI_KEY_DIR or ./${DEFAULT_KEY_DIR})`),
  ).action(async (flags: Flags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const keyDir = keyDirOf(flags, io);
    const result = await withDatabase(flags, io, async (db) => {
      const { file, publicKey } = await createAuditKeyFile(keyDir, lgCode);
      return { file, keyId: await registerAuditKey(db.kysely, lgCode, publicKey) };
    });
    printResult(
      io,
      Boolean(flags.json),
      { lgCode, ...result },
      () => `created ${result.file} (key ${result.keyId}); keep a copy offline`,
    );
  });

  common(
    audit
      .command('checkpoint')
      .description('sign the current end of the chain (run it periodically, e.g. from cron)')
      .option('--key-dir <dir>', `where key files live (default MADOGUCHI_KEY_DIR or ./${DEFAULT_KEY_DIR})`),
  ).action(async (flags: Flags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const key = await loadAuditPrivateKey(keyDirOf(flags, io), lgCode);
    const checkpoint = await withDatabase(flags, io, (db) => createCheckpoint(db.kysely, lgCode, key));
    const value = checkpoint
      ? { lgCode, seq: checkpoint.seq, keyId: checkpoint.keyId, signedAt: checkpoint.signedAt.toISOString() }
      : { lgCode, seq: null };
    printResult(io, Boolean(flags.json), value, () =>
      checkpoint ? `signed the chain of ${lgCode} at row ${checkpoint.seq}` : `nothing new to sign for ${lgCode}`,
    );
  });

  common(
    audit
      .command('hold')
      .description("withhold an audit row from the resident's access log until a date, on a legal basis")
      .requiredOption('--seq <n>', 'the audit row')
      .requiredOption('--until <date>', 'YYYY-MM-DD: from this date the resident sees it')
      .requiredOption('--legal-basis <text>', 'the provision that allows withholding it'),
  ).action(async (flags: Flags & { seq: string; until: string; legalBasis: string }) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const seq = Number(flags.seq);
    if (!Number.isSafeInteger(seq) || seq < 1) throw new UsageError(`--seq must be a row number (got "${flags.seq}")`);
    await withDatabase(flags, io, (db) =>
      holdAccessLogEntry(db, {
        lgCode,
        seq,
        holdUntil: flags.until,
        legalBasis: flags.legalBasis,
        heldBy: io.env.USER ?? 'operator',
      }),
    );
    printResult(
      io,
      Boolean(flags.json),
      { lgCode, seq, holdUntil: flags.until },
      () => `row ${seq} is withheld until ${flags.until}`,
    );
  });

  common(
    audit
      .command('verify')
      .description('recompute the hash chain and check every signed checkpoint')
      .option('--public-key <file>', 'trusted public key (PEM); without it, keys recorded in the database are used')
      .option('--recompute', "recompute every hash here, trusting none of the database's functions (slower)"),
  ).action(async (flags: Flags) => {
    const lgCode = parseLgCode(flags.lgCode, '--lg-code');
    const publicKeys = flags.publicKey ? [await loadPublicKeyFile(flags.publicKey)] : undefined;
    const progress = createProgress(io, !flags.json);
    const result = await withDatabase(flags, io, (db) =>
      verifyAuditChain(db.kysely, lgCode, {
        ...(publicKeys ? { publicKeys } : {}),
        recompute: Boolean(flags.recompute),
        onProgress: (done, total) => progress.update(done, total, 'rows'),
      }),
    ).finally(() => progress.stop());
    if (result.keysFromDatabase && result.checkpoints > 0) {
      warn(
        io,
        'checkpoints were checked against public keys stored in the same database; pass --public-key for an independent check',
      );
    }
    if (!result.ok && result.firstBad) {
      throw new AppError(
        'AUDIT_CHAIN_BROKEN',
        `the audit chain of ${lgCode} is broken at row ${result.firstBad.seq}: ${result.firstBad.message}`,
        {
          ...result.firstBad,
          rows: result.rows,
        },
      );
    }
    printResult(
      io,
      Boolean(flags.json),
      result,
      () => `the audit chain of ${lgCode} is intact: ${result.rows} rows, ${result.checkpoints} checkpoint(s)`,
    );
  });
}
