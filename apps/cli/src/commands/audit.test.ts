import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addTenant, appendAudit, sealAuditLog, systemActor } from '@madoguchi/core';
import { openDatabase, resolveDatabaseTarget } from '@madoguchi/db';
import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/memory-io';
import { EXIT } from '../exit-codes';

describe('madoguchi audit', () => {
  let target: TestTarget;
  let keyDir: string;
  beforeEach(async () => {
    target = await createTestTarget();
    keyDir = await mkdtemp(path.join(tmpdir(), 'madoguchi-keys-'));
    await withDb(async (db) => {
      await addTenant(db, systemActor('test'), { lgCode: '999997', name: 'デモ市' });
      await db.kysely.transaction().execute((trx) =>
        appendAudit(
          trx,
          { kind: 'staff', id: 'staff-1' },
          Array.from({ length: 5 }, (_, i) => ({
            lgCode: '999997',
            action: 'registry.person.read',
            purpose: 'test',
            result: 'allowed' as const,
            subjectPersonIds: [`P${i}`],
          })),
        ),
      );
      // Chained now, as serve's sealer would do within a quarter of a second.
      await sealAuditLog(db.kysely, '999997');
    });
  });
  afterEach(async () => {
    await target.close();
    await rm(keyDir, { recursive: true, force: true });
  });

  async function withDb(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<unknown>) {
    const [flag, value] = target.flags;
    const db = await openDatabase(
      resolveDatabaseTarget(flag === '--data-dir' ? { dataDir: value } : { databaseUrl: value }, {}),
    );
    try {
      await work(db);
    } finally {
      await db.close();
    }
  }
  const cli = (...args: string[]) => runCli(target.flags, [...args, '--lg-code', '999997']);

  it('verifies an intact chain', async () => {
    const result = await cli('audit', 'verify', '--json');
    expect(result.code).toBe(EXIT.OK);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, rows: 5, lastSeq: 5, checkpoints: 0 });
    expect((await cli('audit', 'verify')).out).toBe('the audit chain of 999997 is intact: 5 rows, 0 checkpoint(s)\n');
  });

  it('creates a key once, signs checkpoints, and verifies against the key file', async () => {
    const keygen = await cli('audit', 'keygen', '--key-dir', keyDir, '--json');
    expect(keygen.code).toBe(EXIT.OK);
    const { file } = JSON.parse(keygen.out);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await cli('audit', 'keygen', '--key-dir', keyDir)).code).toBe(EXIT.INVALID_INPUT);
    expect(JSON.parse((await cli('audit', 'checkpoint', '--key-dir', keyDir, '--json')).out)).toMatchObject({ seq: 5 });
    expect((await cli('audit', 'checkpoint', '--key-dir', keyDir)).out).toBe('nothing new to sign for 999997\n');
    const dbKeys = await cli('audit', 'verify');
    expect(dbKeys.err).toContain('pass --public-key for an independent check');
    const publicPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const stranger = path.join(keyDir, 'stranger.pem');
    await writeFile(stranger, publicPem);
    const refused = await cli('audit', 'verify', '--public-key', stranger);
    expect(refused.code).toBe(EXIT.INTEGRITY_FAILED);
  });

  it('exits 8 and names the first bad row when a row was changed in the database', async () => {
    await withDb((db) => sql`update audit_log set purpose = 'curiosity' where seq = 3`.execute(db.kysely));
    const text = await cli('audit', 'verify');
    expect(text).toMatchObject({
      code: EXIT.INTEGRITY_FAILED,
      err: 'madoguchi: AUDIT_CHAIN_BROKEN: the audit chain of 999997 is broken at row 3: row 3 was changed after it was written\n',
    });
    const recomputed = await cli('audit', 'verify', '--recompute', '--json');
    expect(JSON.parse(recomputed.out).error.details).toMatchObject({ seq: 3, problem: 'hash-mismatch' });
    const json = await cli('audit', 'verify', '--json');
    expect(JSON.parse(json.out).error).toMatchObject({
      code: 'AUDIT_CHAIN_BROKEN',
      details: { seq: 3, problem: 'hash-mismatch', rows: 5 },
    });
  });

  it('withholds a row from the access log, records that it did, and refuses bad input', async () => {
    const held = await cli(
      'audit',
      'hold',
      '--seq',
      '2',
      '--until',
      '2027-04-01',
      '--legal-basis',
      '刑事訴訟法第197条第2項 (example)',
    );
    expect(held).toMatchObject({ code: EXIT.OK, out: 'row 2 is withheld until 2027-04-01\n' });
    expect((await cli('audit', 'hold', '--seq', '99', '--until', '2027-04-01', '--legal-basis', 'x')).err).toContain(
      'there is no audit row 99',
    );
    expect((await cli('audit', 'hold', '--seq', '3', '--until', 'soon', '--legal-basis', 'x')).err).toContain(
      'holdUntil must be a date',
    );
    expect((await cli('audit', 'hold', '--seq', 'two', '--until', '2027-04-01', '--legal-basis', 'x')).code).toBe(
      EXIT.INVALID_INPUT,
    );
    expect(JSON.parse((await cli('audit', 'verify', '--json')).out)).toMatchObject({ ok: true, rows: 6 });
  });

  it('says when there is no key to sign with', async () => {
    const result = await cli('audit', 'checkpoint', '--key-dir', keyDir);
    expect(result.code).toBe(EXIT.INVALID_INPUT);
    expect(result.err).toMatch(/^madoguchi: AUDIT_KEY_MISSING: no audit key for 999997 at /);
  });
});
