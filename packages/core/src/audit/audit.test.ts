import { generateKeyPairSync } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../actor';
import { addTenant } from '../tenants';
import { appendAudit } from './append-audit';
import { findAuditRecords } from './audit.repository';
import type { AuditEvent } from './audit.types';
import { createCheckpoint } from './audit-checkpoint';
import { canonicalRecord, chainHash, genesisHash, type HashableRecord } from './audit-hash';
import { catchUpSubjectIndex } from './audit-subject.repository';
import { sealAuditLog } from './seal-audit-log';
import { verifyAuditChain } from './verify-audit-chain';

const LG = '999997';
const OTHER = '131130';
const staff: Actor = {
  kind: 'staff',
  id: 'staff-0001',
  terminalId: 'T-01',
  zone: 'individual-number',
  department: 'citizen',
};
const read = (personId: string, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  lgCode: LG,
  action: 'registry.person.read',
  purpose: 'certificate-issuance',
  result: 'allowed',
  subjectPersonIds: [personId],
  dataCategory: 'basic-resident-record',
  details: { z: 1, a: { y: [2, { c: 3, b: 4 }] } },
  ...extra,
});

describe('audit log', () => {
  let db: Database;
  beforeEach(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    await addTenant(db, systemActor('test'), { lgCode: OTHER, name: '渋谷区' });
  });
  afterEach(async () => {
    await db.close();
  });

  // Sealed at once, as serve's sealer would soon after: the tampering below works on the chain.
  const append = async (events: AuditEvent[], actor: Actor = staff) => {
    await db.kysely.transaction().execute((trx) => appendAudit(trx, actor, events));
    for (const lgCode of [LG, OTHER]) await sealAuditLog(db.kysely, lgCode);
  };
  const seed = async (n: number) =>
    append(Array.from({ length: n }, (_, i) => read(`P${String(i + 1).padStart(6, '0')}`)));
  const verify = (lgCode = LG) => verifyAuditChain(db.kysely, lgCode);
  const exec = (text: string) => sql.raw(text).execute(db.kysely);

  it('chains rows per municipality from 1 without gaps, and verifies', async () => {
    await seed(5);
    await append([read('P9', { lgCode: OTHER }), read('P10')]);
    const rows = await findAuditRecords(db.kysely, LG, 0, 100);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]?.prevHash.equals(genesisHash(LG))).toBe(true);
    expect(
      rows[5]?.hash.equals(chainHash(rows[4]?.hash ?? Buffer.alloc(0), canonicalRecord(rows[5] as HashableRecord))),
    ).toBe(true);
    expect(rows[0]).toMatchObject({
      actorKind: 'staff',
      actorId: 'staff-0001',
      zone: 'individual-number',
      terminalId: 'T-01',
    });
    expect(await verify()).toMatchObject({ ok: true, rows: 6, lastSeq: 6 });
    expect(await verify(OTHER)).toMatchObject({ ok: true, rows: 1, lastSeq: 1 });
  });

  it('writes nothing when the transaction it belongs to rolls back', async () => {
    await seed(2);
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        await appendAudit(trx, staff, [read('P3')]);
        throw new Error('the change failed');
      })
      .catch(() => {});
    expect(await verify()).toMatchObject({ ok: true, rows: 2 });
    await seed(1);
    expect(await verify()).toMatchObject({ ok: true, rows: 3, lastSeq: 3 });
  });

  it('keeps the chain whole under concurrent transactions', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => append([read(`P${i}`), read(`Q${i}`)])));
    expect(await verify()).toMatchObject({ ok: true, rows: 80, lastSeq: 80 });
  });

  it('hashes the same bytes in the database as in TypeScript, whatever the text', async () => {
    await append(
      [
        read('P1', {
          details: {
            note: 'quote " backslash \\ tab \t 改行\n 𠮷 葛\u{E0100}',
            n: 1.5,
            nested: { b: [true, null], a: 'x' },
          },
        }),
        read('P2', { subjectPersonIds: [], details: {}, dataCategory: undefined }),
        read('P3', { subjectPersonIds: ['a"b', 'c\\d', '{e,f}'] }),
      ],
      { kind: 'resident', id: 'resident-1', onBehalfOf: 'P9' },
    );
    const rows = await findAuditRecords(db.kysely, LG, 0, 10);
    const sqlBytes = await sql<{ seq: number; canonical: Buffer }>`
      select seq, audit_canonical(a) as canonical from audit_log a where lg_code = ${LG} order by seq`.execute(
      db.kysely,
    );
    expect(sqlBytes.rows.map((r) => r.canonical.toString())).toEqual(rows.map((r) => canonicalRecord(r)));
    expect(rows[2]?.subjectPersonIds).toEqual(['a"b', 'c\\d', '{e,f}']);
    expect(await verify()).toMatchObject({ ok: true, rows: 3 });
    expect(await verifyAuditChain(db.kysely, LG, { recompute: true })).toMatchObject({
      ok: true,
      rows: 3,
      mode: 'recompute',
    });
  });

  it('indexes rows by the person whose data was read', async () => {
    await append([read('P1'), read('P2', { subjectPersonIds: ['P1', 'P2', 'P1'] })]);
    const catchUp = () => db.kysely.transaction().execute((trx) => catchUpSubjectIndex(trx, LG));
    expect(await catchUp()).toBe(3);
    expect(await catchUp()).toBe(0);
    await append([read('P3')]);
    expect(await catchUp()).toBe(1);
    const rows = await db.kysely
      .selectFrom('audit_log_subject')
      .select(['person_id', 'seq'])
      .orderBy('seq')
      .orderBy('person_id')
      .execute();
    expect(rows).toEqual([
      { person_id: 'P1', seq: 1 },
      { person_id: 'P1', seq: 2 },
      { person_id: 'P2', seq: 2 },
      { person_id: 'P3', seq: 3 },
    ]);
  });

  describe.each([
    ['verified by the database', false],
    ['recomputed by the verifier', true],
  ])('tampering done directly in the database, %s', (_mode, recompute) => {
    beforeEach(async () => {
      await seed(10);
    });
    const verify = (lgCode = LG) => verifyAuditChain(db.kysely, lgCode, { recompute });

    it('detects a modified row, at that row', async () => {
      await exec(`update audit_log set purpose = 'curiosity' where lg_code = '${LG}' and seq = 4`);
      expect((await verify()).firstBad).toMatchObject({ seq: 4, problem: 'hash-mismatch' });
    });

    it('detects a modified detail, subject list or time', async () => {
      await exec(`update audit_log set details = '{"z": 2}' where lg_code = '${LG}' and seq = 7`);
      expect((await verify()).firstBad).toMatchObject({ seq: 7, problem: 'hash-mismatch' });
      await exec(
        `update audit_log set details = '{"z":1,"a":{"y":[2,{"b":4,"c":3}]}}' where lg_code = '${LG}' and seq = 7`,
      );
      expect((await verify()).ok).toBe(true);
      await exec(`update audit_log set subject_person_ids = '{}' where lg_code = '${LG}' and seq = 2`);
      expect((await verify()).firstBad).toMatchObject({ seq: 2, problem: 'hash-mismatch' });
    });

    it('detects a deleted row, at its position', async () => {
      await exec(`delete from audit_log_subject where lg_code = '${LG}' and seq = 5`);
      await exec(`delete from audit_log where lg_code = '${LG}' and seq = 5`);
      expect((await verify()).firstBad).toMatchObject({ seq: 5, problem: 'row-missing' });
    });

    it('detects a row inserted in the middle, at its position', async () => {
      await exec(`delete from audit_log_subject where lg_code = '${LG}' and seq >= 6`);
      await exec(`update audit_log set seq = seq + 100 where lg_code = '${LG}' and seq >= 6`);
      await exec(`update audit_log set seq = seq - 99 where lg_code = '${LG}' and seq >= 106`);
      await exec(`insert into audit_log (lg_code, seq, occurred_at, actor_kind, actor_id, purpose, action, result, prev_hash, hash)
        select lg_code, 6, occurred_at, actor_kind, actor_id, purpose, action, result, hash, hash from audit_log where lg_code = '${LG}' and seq = 5`);
      expect((await verify()).firstBad).toMatchObject({ seq: 6, problem: 'hash-mismatch' });
    });

    it('detects a row appended outside appendAudit', async () => {
      await exec(`insert into audit_log (lg_code, seq, occurred_at, actor_kind, actor_id, purpose, action, result, prev_hash, hash)
        values ('${LG}', 11, now(), 'staff', 'intruder', 'x', 'x', 'allowed', '\\x${'00'.repeat(32)}', '\\x${'00'.repeat(32)}')`);
      expect((await verify()).firstBad).toMatchObject({ seq: 11, problem: 'prev-hash-mismatch' });
    });

    it('detects the last rows deleted together with the head, through a signed checkpoint', async () => {
      const { privateKey } = generateKeyPairSync('ed25519');
      expect(await createCheckpoint(db.kysely, LG, privateKey)).toMatchObject({ seq: 10 });
      await exec(`delete from audit_checkpoint where lg_code = '${LG}'`);
      await createCheckpoint(db.kysely, LG, privateKey);
      const rows = await findAuditRecords(db.kysely, LG, 0, 100);
      await exec(`alter table audit_checkpoint drop constraint audit_checkpoint_log_fkey`);
      await exec(`delete from audit_log_subject where lg_code = '${LG}' and seq > 8`);
      await exec(`delete from audit_log where lg_code = '${LG}' and seq > 8`);
      await exec(
        `update audit_chain_head set seq = 8, hash = '\\x${rows[7]?.hash.toString('hex')}' where lg_code = '${LG}'`,
      );
      expect((await verify()).firstBad).toMatchObject({ seq: 9, problem: 'row-missing' });
    });

    it('detects history rewritten with recomputed hashes, through a signed checkpoint', async () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      await createCheckpoint(db.kysely, LG, privateKey);
      // The intruder rewrites row 3 and recomputes every hash after it, head included.
      await exec(`update audit_log set purpose = 'curiosity' where lg_code = '${LG}' and seq = 3`);
      const rows = await findAuditRecords(db.kysely, LG, 0, 100);
      let running = rows[1]?.hash ?? Buffer.alloc(0);
      for (const row of rows.slice(2)) {
        const hash = chainHash(running, canonicalRecord(row));
        await exec(
          `update audit_log set prev_hash = '\\x${running.toString('hex')}', hash = '\\x${hash.toString('hex')}' where lg_code = '${LG}' and seq = ${row.seq}`,
        );
        running = hash;
      }
      await exec(`update audit_chain_head set hash = '\\x${running.toString('hex')}' where lg_code = '${LG}'`);
      const result = await verifyAuditChain(db.kysely, LG, { publicKeys: [publicKey], recompute });
      expect(result.firstBad).toMatchObject({ seq: 10, problem: 'checkpoint-mismatch' });
    });

    it('refuses checkpoints signed by a key that is not trusted', async () => {
      const mine = generateKeyPairSync('ed25519');
      const theirs = generateKeyPairSync('ed25519');
      await createCheckpoint(db.kysely, LG, theirs.privateKey);
      const result = await verifyAuditChain(db.kysely, LG, { publicKeys: [mine.publicKey], recompute });
      expect(result).toMatchObject({
        ok: false,
        keysFromDatabase: false,
        firstBad: { problem: 'checkpoint-key-unknown' },
      });
      expect(await verify()).toMatchObject({ ok: true, keysFromDatabase: true, checkpoints: 1 });
    });
  });
});
