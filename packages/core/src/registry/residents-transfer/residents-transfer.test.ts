import { randomBytes } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../actor';
import { findAuditRecords } from '../../audit';
import { addTenant } from '../../tenants';
import { todayInJapan } from '../clock';
import { generateDemoResidents } from '../demo-residents';
import { IndividualNumberCipher } from '../individual-number';
import { correctResident, recordMoveIn } from '../movements';
import { findHistory } from '../resident-record.repository';
import { formatResidentsV1, type ResidentsV1Record } from '../residents-csv';
import { searchResidents } from '../search';
import { clerk, LG, person, registryTestDatabase } from '../test-fixtures';
import { exportResidents, importResidents } from '.';

const operator = systemActor('operator-test');
const today = todayInJapan();
const encode = (text: string) => new TextEncoder().encode(text);
const demo = (n: number, seed = 'test') => [...generateDemoResidents({ residents: n, seed, today })];
const csv = (records: readonly ResidentsV1Record[], includeIndividualNumber = false) =>
  [...formatResidentsV1(records, { includeIndividualNumber })].join('');

async function exported(db: Database, lgCode = LG, options: Partial<Parameters<typeof exportResidents>[2]> = {}) {
  let text = '';
  const result = await exportResidents(
    db,
    operator,
    { lgCode, includeSupported: { reason: 'test round trip' }, ...options },
    (chunk) => {
      text += chunk;
    },
  );
  return { text, ...result };
}

const count = async (db: Database) =>
  (await sql<{ n: number }>`select count(*)::int as n from resident_record`.execute(db.kysely)).rows[0]?.n;

describe('residents-v1 import and export', () => {
  let db: Database;
  beforeEach(async () => {
    db = await registryTestDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  it('imports a file, exports the same bytes, and re-importing changes nothing', async () => {
    const file = csv(demo(300));
    const first = await importResidents(db, operator, { lgCode: LG, bytes: encode(file) });
    expect(first).toMatchObject({ rows: 300, inserted: 300, updated: 0, unchanged: 0, encoding: 'utf-8' });
    expect((await exported(db)).text).toBe(file);
    const again = await importResidents(db, operator, { lgCode: LG, bytes: encode(file) });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 300 });
    expect(await count(db)).toBe(300);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 10)).filter((a) => a.action === 'registry.import');
    expect(audit).toHaveLength(2);
    expect(audit[0]?.detailsText).not.toMatch(/デモ|[一-龠]/);
  });

  it('import(export(x)) reproduces x in another municipality, and imported records are searchable', async () => {
    await importResidents(db, operator, { lgCode: LG, bytes: encode(csv(demo(200))) });
    const { text } = await exported(db);
    await addTenant(db, operator, { lgCode: '131016', name: '千代田区' });
    await importResidents(db, operator, { lgCode: '131016', bytes: encode(text) });
    expect((await exported(db, '131016')).text).toBe(text);
    const digests = await sql<{ lg_code: string; d: string }>`
      select lg_code, string_agg(concat_ws('|', person_id, household_id, household_order, family_name, given_name,
             family_name_kana, given_name_kana, birth_date, sex, address, address_detail, status, removed_on), '' order by person_id) as d
        from resident_record where is_current group by lg_code order by lg_code`.execute(db.kysely);
    expect(digests.rows[0]?.d).toBe(digests.rows[1]?.d);
    const anyone = demo(200)[5] as ResidentsV1Record;
    const found = await searchResidents(db, clerk, {
      lgCode: '131016',
      personId: anyone.personId,
      includeRemoved: true,
    });
    expect(found.residents[0]?.familyName).toBe(anyone.familyName);
  });

  it('a changed row becomes a new version; new rows are added; numbers continue after the imported ones', async () => {
    const records = demo(100);
    await importResidents(db, operator, { lgCode: LG, bytes: encode(csv(records)) });
    const target = records.find((r) => r.status === 'resident' && r.relationship === '世帯主') as ResidentsV1Record;
    await correctResident(db, clerk, {
      lgCode: LG,
      personId: target.personId,
      kind: 'ex-officio-correction',
      changes: { honseki: 'デモ県デモ市中央一丁目1番' },
      reason: '戸籍照合',
    });
    // Items the layout does not carry are not "changes": re-importing the same file writes nothing.
    expect(await importResidents(db, operator, { lgCode: LG, bytes: encode(csv(records)) })).toMatchObject({
      unchanged: 100,
    });
    const changed = records.map((r) => (r.personId === target.personId ? { ...r, postalCode: '999-9999' } : r));
    const result = await importResidents(db, operator, { lgCode: LG, bytes: encode(csv(changed)) });
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 99 });
    const history = await findHistory(db.kysely, LG, target.personId);
    expect(history.map((h) => [h.version, h.postalCode, h.honseki, h.movement.reasonCode])).toEqual([
      [1, target.postalCode, null, 'data-migration'],
      [2, target.postalCode, 'デモ県デモ市中央一丁目1番', 'ex-officio-correction'],
      [3, '999-9999', 'デモ県デモ市中央一丁目1番', 'migration-update'],
    ]);
    const moved = await recordMoveIn(db, clerk, {
      lgCode: LG,
      effectiveOn: today,
      notifiedOn: today,
      previousAddress: 'デモ県サンプル町',
      destination: { address: 'デモ県デモ市新町1番1号' },
      persons: [person()],
    });
    const serial = (id: string) => Number(id.slice(0, 9));
    expect(serial(moved.personIds[0] as string)).toBe(Math.max(...records.map((r) => serial(r.personId))) + 1);
    expect(serial(moved.householdId)).toBe(Math.max(...records.map((r) => serial(r.householdId))) + 1);
  });

  it('refuses an invalid file with every problem located, writing nothing', async () => {
    const rows = demo(20);
    const lines = csv(rows).split('\n');
    lines[3] = (lines[3] as string).replace(/,(\d{4})-\d{2}-\d{2},/, ',$1-02-30,');
    const problem = importResidents(db, operator, { lgCode: LG, bytes: encode(lines.join('\n')) });
    await expect(problem).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: { problems: [expect.objectContaining({ line: 4, code: 'INVALID_DATE' })] },
    });
    await expect(
      importResidents(db, operator, { lgCode: LG, bytes: new Uint8Array([0x82, 0xff, 0xfe]) }),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: { problems: [expect.objectContaining({ code: 'ENCODING_INVALID' })] },
    });
    expect(await count(db)).toBe(0);
  });

  it('a failure while loading rolls everything back', async () => {
    const records = demo(50);
    await sql`create function fail_import() returns trigger language plpgsql as $$ begin raise exception 'disk full (simulated)'; end $$`.execute(
      db.kysely,
    );
    await sql`create trigger fail_import before insert on support_measure for each row execute function fail_import()`.execute(
      db.kysely,
    );
    const withMeasure = records.map((r, i) => (i === 10 ? { ...r, supportMeasureUntil: '2099-01-01' } : r));
    await expect(importResidents(db, operator, { lgCode: LG, bytes: encode(csv(withMeasure)) })).rejects.toThrow(
      'disk full',
    );
    expect(await count(db)).toBe(0);
    expect(await findAuditRecords(db.kysely, LG, 0, 10)).toHaveLength(0);
  });

  it('individual numbers: encrypted at rest, exported only when asked, refused without a key', async () => {
    const cipher = new IndividualNumberCipher(randomBytes(32));
    const records = demo(10).map((r, i) => (i === 0 ? { ...r, individualNumber: '123456789018' } : r));
    const file = csv(records, true);
    await expect(importResidents(db, operator, { lgCode: LG, bytes: encode(file) })).rejects.toMatchObject({
      code: 'INDIVIDUAL_NUMBER_KEY_MISSING',
    });
    await importResidents(db, operator, { lgCode: LG, bytes: encode(file), cipher });
    const stored = await sql<{ t: string }>`select ciphertext::text as t from individual_number`.execute(db.kysely);
    expect(stored.rows[0]?.t).not.toContain('123456789018');
    expect(Buffer.from((stored.rows[0]?.t ?? '').slice(2), 'hex').toString('latin1')).not.toContain('123456789018');
    expect((await exported(db)).text).not.toContain('123456789018');
    expect((await exported(db, LG, { includeIndividualNumber: true, cipher })).text).toBe(file);
    expect((await importResidents(db, operator, { lgCode: LG, bytes: encode(file), cipher })).unchanged).toBe(10);
  });

  it('supported persons are left out of exports unless a reason is recorded', async () => {
    const records = demo(30).map((r, i) =>
      i === 3 ? { ...r, supportMeasureUntil: '2099-12-31' } : { ...r, supportMeasureUntil: null },
    );
    await importResidents(db, operator, { lgCode: LG, bytes: encode(csv(records)) });
    let plain = '';
    const result = await exportResidents(db, operator, { lgCode: LG }, (c) => {
      plain += c;
    });
    expect(result.excludedSupported).toBe(1);
    expect(plain.split('\n').some((line) => line.startsWith(`${(records[3] as ResidentsV1Record).personId},`))).toBe(
      false,
    );
    const full = await exported(db);
    expect(full.text).toBe(csv(records));
    const audit = (await findAuditRecords(db.kysely, LG, 0, 100)).filter((a) => a.action === 'registry.export');
    expect(audit.map((a) => JSON.parse(a.detailsText).includeSupported)).toEqual([
      false,
      { reason: 'test round trip' },
    ]);
  });

  it('a first load of an empty registry rebuilds the same indexes it set aside', async () => {
    const indexes = async () =>
      (
        await sql<{
          d: string;
        }>`select indexdef as d from pg_indexes where tablename = 'resident_record' order by indexname`.execute(
          db.kysely,
        )
      ).rows.map((r) => r.d);
    const before = await indexes();
    expect(before.length).toBeGreaterThan(5);
    await importResidents(db, operator, { lgCode: LG, bytes: encode(csv(demo(12_000))) });
    expect(await indexes()).toEqual(before);
    await sql`analyze resident_record`.execute(db.kysely);
    // The search's own order comes from the index, so there is no sort for the planner to misjudge
    // (a full sort of every 渡辺 in a city took 25 ms after some ANALYZE samples).
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select person_id from resident_record
      where lg_code = ${LG} and is_current and name_key >= 'たかはし' and name_key < 'たかはしz'
      order by name_key, person_id limit 51`.execute(db.kysely);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('resident_record_name_idx');
    expect(text).not.toMatch(/Sort/);
  }, 60_000);

  it('a dry run validates and counts without writing', async () => {
    const file = csv(demo(40));
    expect(await importResidents(db, operator, { lgCode: LG, bytes: encode(file), dryRun: true })).toMatchObject({
      rows: 40,
      inserted: 40,
      dryRun: true,
    });
    expect(await count(db)).toBe(0);
    await importResidents(db, operator, { lgCode: LG, bytes: encode(file) });
    const changed = csv(demo(41).map((r, i) => (i === 0 ? { ...r, postalCode: '999-9999' } : r)));
    expect(await importResidents(db, operator, { lgCode: LG, bytes: encode(changed), dryRun: true })).toMatchObject({
      inserted: 1,
      updated: 1,
      unchanged: 39,
      dryRun: true,
    });
    expect(await count(db)).toBe(40);
    expect((await findAuditRecords(db.kysely, LG, 0, 10)).filter((a) => a.action === 'registry.import')).toHaveLength(
      1,
    );
  });
});
