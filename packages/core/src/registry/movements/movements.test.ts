import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../../audit';
import { recordAsOf } from '../as-of';
import { addDays, todayInJapan } from '../clock';
import { isValidRegistryId } from '../ids';
import { findCurrent, findHistory, findHouseholdMembers } from '../resident-record.repository';
import { clerk, DEMO_ADDRESS, LG, person, registryTestDatabase } from '../test-fixtures';
import {
  cancelMovement,
  changeHousehold,
  correctResident,
  recordBirth,
  recordDeath,
  recordMoveIn,
  recordMoveOut,
  recordRelocation,
} from '.';

const today = todayInJapan();
const daysAgo = (n: number) => addDays(today, -n);

describe('registry movements', () => {
  let db: Database;
  beforeEach(async () => {
    db = await registryTestDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  async function family() {
    return recordMoveIn(db, clerk, {
      lgCode: LG,
      effectiveOn: daysAgo(30),
      notifiedOn: daysAgo(25),
      previousAddress: 'デモ県サンプル町1番地',
      destination: DEMO_ADDRESS,
      persons: [
        person({ relationship: '妻', givenName: '花子', givenNameKana: 'ハナコ', sex: 2, birthDate: '1982-05-05' }),
        person(),
        person({ relationship: '子', givenName: '一郎', givenNameKana: 'イチロウ', birthDate: '2012-01-10' }),
      ],
    });
  }
  const audits = async () => findAuditRecords(db.kysely, LG, 0, 100);

  it('転入: numbers persons and household with check digits, head first, one audit row in the same transaction', async () => {
    const moved = await family();
    expect(moved.personIds).toHaveLength(3);
    expect(moved.personIds.every(isValidRegistryId)).toBe(true);
    expect(isValidRegistryId(moved.householdId)).toBe(true);
    const members = await findHouseholdMembers(db.kysely, LG, moved.householdId);
    expect(members.map((m) => [m.householdOrder, m.relationship, m.givenName])).toEqual([
      [1, '世帯主', '太郎'],
      [2, '妻', '花子'],
      [3, '子', '一郎'],
    ]);
    expect(members[0]).toMatchObject({
      becameResidentOn: daysAgo(30),
      addressSince: daysAgo(30),
      previousAddress: 'デモ県サンプル町1番地',
      movement: { reasonCode: 'move-in', effectiveOn: daysAgo(30), notifiedOn: daysAgo(25), operatorId: 'staff-0001' },
    });
    const rows = await audits();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'registry.movement.record',
      subjectPersonIds: [...moved.personIds].sort(),
    });
    expect(rows[0]?.detailsText).not.toContain('太郎');
    expect(moved.lateNotification).toBe(false);
  });

  it('転入 from abroad needs no previous address; a late notification is accepted and flagged', async () => {
    const moved = await recordMoveIn(db, clerk, {
      lgCode: LG,
      fromAbroad: true,
      effectiveOn: daysAgo(40),
      notifiedOn: daysAgo(1),
      previousAddress: null,
      destination: DEMO_ADDRESS,
      persons: [
        person({
          residentKind: 'foreign',
          familyName: 'SMITH',
          givenName: 'JOHN',
          familyNameKana: 'スミス',
          givenNameKana: 'ジョン',
          nationality: 'アメリカ合衆国',
          residenceStatus: '技術・人文知識・国際業務',
          residenceExpiry: addDays(today, 300),
          foreignResidentCategory: '中長期在留者',
        }),
      ],
    });
    expect(moved.reasonCode).toBe('move-in-from-abroad');
    expect(moved.lateNotification).toBe(true);
  });

  it('refuses a move-in without exactly one 世帯主, with bad items, or notified in the future — writing nothing', async () => {
    const base = {
      lgCode: LG,
      effectiveOn: daysAgo(3),
      notifiedOn: daysAgo(1),
      previousAddress: 'デモ県サンプル町',
      destination: DEMO_ADDRESS,
    };
    await expect(recordMoveIn(db, clerk, { ...base, persons: [person({ relationship: '子' })] })).rejects.toMatchObject(
      { code: 'MOVEMENT_REFUSED', details: { rule: 'HOUSEHOLD_HEAD' } },
    );
    await expect(
      recordMoveIn(db, clerk, {
        ...base,
        persons: [person({ familyNameKana: 'でも', birthDate: '2023-02-30' })],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        problems: expect.arrayContaining([
          { field: 'persons[0].familyNameKana', message: 'must be full-width katakana' },
          { field: 'persons[0].birthDate', message: 'is not a calendar date (expected YYYY-MM-DD)' },
        ]),
      },
    });
    await expect(
      recordMoveIn(db, clerk, { ...base, notifiedOn: addDays(today, 2), persons: [person()] }),
    ).rejects.toMatchObject({ code: 'MOVEMENT_REFUSED', details: { rule: 'NOTIFIED_IN_FUTURE' } });
    await expect(
      recordMoveIn(db, clerk, { ...base, persons: [person({ residentKind: 'foreign' })] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const count = await sql<{ n: number }>`select count(*)::int as n from resident_record`.execute(db.kysely);
    expect(count.rows[0]?.n).toBe(0);
    expect(await audits()).toHaveLength(0);
  });

  it('転居: the household moves; previous address and 住定日 follow; history keeps the old version unchanged', async () => {
    const moved = await family();
    const relocated = await recordRelocation(db, clerk, {
      lgCode: LG,
      householdId: moved.householdId,
      destination: { postalCode: '999-0002', address: 'デモ県デモ市緑町二丁目3番4号', addressDetail: 'デモハイツ101' },
      effectiveOn: daysAgo(5),
      notifiedOn: daysAgo(2),
    });
    expect(relocated.householdId).toBe(moved.householdId);
    const head = await findCurrent(db.kysely, LG, moved.personIds[0] as string);
    expect(head).toMatchObject({
      address: 'デモ県デモ市緑町二丁目3番4号',
      addressDetail: 'デモハイツ101',
      addressSince: daysAgo(5),
      previousAddress: DEMO_ADDRESS.address,
      becameResidentOn: daysAgo(30),
      version: 2,
    });
    const history = await findHistory(db.kysely, LG, moved.personIds[0] as string);
    expect(history.map((h) => [h.version, h.address])).toEqual([
      [1, DEMO_ADDRESS.address],
      [2, 'デモ県デモ市緑町二丁目3番4号'],
    ]);
    expect(recordAsOf(history, daysAgo(10))?.address).toBe(DEMO_ADDRESS.address);
    expect(recordAsOf(history, daysAgo(5))?.address).toBe('デモ県デモ市緑町二丁目3番4号');
    expect(recordAsOf(history, daysAgo(31))).toBeNull();
  });

  it('転居 to the same address is refused (section 630); part of a household forms a new one with its own head', async () => {
    const moved = await family();
    await expect(
      recordRelocation(db, clerk, {
        lgCode: LG,
        householdId: moved.householdId,
        destination: DEMO_ADDRESS,
        effectiveOn: daysAgo(1),
        notifiedOn: daysAgo(1),
      }),
    ).rejects.toMatchObject({ code: 'MOVEMENT_REFUSED', details: { rule: 'SAME_ADDRESS' } });
    const son = moved.personIds[2] as string;
    await expect(
      recordRelocation(db, clerk, {
        lgCode: LG,
        householdId: moved.householdId,
        personIds: [son],
        destination: { address: 'デモ県デモ市桜台三丁目5番6号' },
        effectiveOn: daysAgo(1),
        notifiedOn: daysAgo(1),
      }),
    ).rejects.toMatchObject({ details: { rule: 'RELATIONSHIP_REQUIRED' } });
    const split = await recordRelocation(db, clerk, {
      lgCode: LG,
      householdId: moved.householdId,
      personIds: [son],
      newHouseholdRelationships: { [son]: '世帯主' },
      destination: { address: 'デモ県デモ市桜台三丁目5番6号' },
      effectiveOn: daysAgo(1),
      notifiedOn: daysAgo(1),
    });
    expect(split.householdId).not.toBe(moved.householdId);
    expect(await findCurrent(db.kysely, LG, son)).toMatchObject({ relationship: '世帯主', householdOrder: 1 });
    expect(await findHouseholdMembers(db.kysely, LG, moved.householdId)).toHaveLength(2);
  });

  it('転出: removes as of the planned date with the 転出証明書 data; a household may be left without 世帯主 (sections 100, 490)', async () => {
    const moved = await family();
    const [head, wife, son] = moved.personIds as [string, string, string];
    const out = await recordMoveOut(db, clerk, {
      lgCode: LG,
      householdId: moved.householdId,
      personIds: [head],
      plannedDestination: 'デモ県サンプル市本町1-1',
      plannedMoveOn: addDays(today, 7),
      notifiedOn: today,
    });
    expect(out.certificate).toEqual([
      expect.objectContaining({
        personId: head,
        plannedDestination: 'デモ県サンプル市本町1-1',
        plannedMoveOn: addDays(today, 7),
      }),
    ]);
    expect(out.householdsWithoutHead).toEqual([moved.householdId]);
    expect(await findCurrent(db.kysely, LG, head)).toMatchObject({
      status: 'removed',
      removalReason: '転出',
      removedOn: addDays(today, 7),
    });
    const changed = await changeHousehold(db, clerk, {
      kind: 'head-change',
      lgCode: LG,
      householdId: moved.householdId,
      relationships: { [wife]: '世帯主', [son]: '子' },
      effectiveOn: today,
      notifiedOn: today,
    });
    expect(changed.householdsWithoutHead).toEqual([]);
    const members = await findHouseholdMembers(db.kysely, LG, moved.householdId);
    expect(members.map((m) => [m.personId, m.relationship, m.householdOrder])).toEqual([
      [wife, '世帯主', 1],
      [son, '子', 2],
    ]);
    // The head dies and one member remains: they become 世帯主 ex officio.
    const died = await recordDeath(db, clerk, { lgCode: LG, personId: wife, diedOn: today, notifiedOn: today });
    expect(died.householdsWithoutHead).toEqual([]);
    expect(await findCurrent(db.kysely, LG, son)).toMatchObject({ relationship: '世帯主', householdOrder: 1 });
    expect((await audits()).map((a) => JSON.parse(a.detailsText).reasonCode)).toEqual([
      'move-in',
      'move-out',
      'household-head-change',
      'death',
      'household-head-change',
    ]);
  });

  it('出生 and 死亡: the child joins at the household address; a death removes the record', async () => {
    const moved = await family();
    const born = await recordBirth(db, clerk, {
      lgCode: LG,
      householdId: moved.householdId,
      child: person({ relationship: '子', givenName: '次郎', givenNameKana: 'ジロウ', birthDate: daysAgo(3) }),
      notifiedOn: daysAgo(1),
    });
    expect(await findCurrent(db.kysely, LG, born.personId)).toMatchObject({
      address: DEMO_ADDRESS.address,
      becameResidentOn: daysAgo(3),
      householdOrder: 4,
      movement: { reasonCode: 'birth' },
    });
    await expect(
      recordBirth(db, clerk, {
        lgCode: LG,
        householdId: moved.householdId,
        child: person({ relationship: '子', birthDate: addDays(today, 1) }),
        notifiedOn: today,
      }),
    ).rejects.toMatchObject({ code: 'MOVEMENT_REFUSED', details: { rule: 'EFFECTIVE_IN_FUTURE' } });
    await recordDeath(db, clerk, {
      lgCode: LG,
      personId: moved.personIds[1] as string,
      diedOn: daysAgo(2),
      notifiedOn: daysAgo(1),
    });
    expect(await findCurrent(db.kysely, LG, moved.personIds[1] as string)).toMatchObject({
      status: 'removed',
      removalReason: '死亡',
      removedOn: daysAgo(2),
    });
    await expect(
      recordDeath(db, clerk, {
        lgCode: LG,
        personId: moved.personIds[1] as string,
        diedOn: daysAgo(1),
        notifiedOn: today,
      }),
    ).rejects.toMatchObject({ code: 'RESIDENT_NOT_FOUND' });
  });

  it('世帯変更: split, head change with 続柄, merge at the same address', async () => {
    const moved = await family();
    const [head, wife, son] = moved.personIds as [string, string, string];
    const split = await changeHousehold(db, clerk, {
      kind: 'split',
      lgCode: LG,
      householdId: moved.householdId,
      personIds: [son],
      relationships: { [son]: '世帯主' },
      effectiveOn: daysAgo(2),
      notifiedOn: daysAgo(2),
    });
    expect(await findCurrent(db.kysely, LG, son)).toMatchObject({
      householdId: split.householdId,
      address: DEMO_ADDRESS.address,
    });
    await changeHousehold(db, clerk, {
      kind: 'head-change',
      lgCode: LG,
      householdId: moved.householdId,
      relationships: { [wife]: '世帯主', [head]: '夫' },
      effectiveOn: daysAgo(1),
      notifiedOn: daysAgo(1),
    });
    expect((await findHouseholdMembers(db.kysely, LG, moved.householdId)).map((m) => m.relationship)).toEqual([
      '世帯主',
      '夫',
    ]);
    await expect(
      changeHousehold(db, clerk, {
        kind: 'merge',
        lgCode: LG,
        householdId: split.householdId,
        intoHouseholdId: moved.householdId,
        relationships: { [wife]: '世帯主', [head]: '世帯主', [son]: '子' },
        effectiveOn: today,
        notifiedOn: today,
      }),
    ).rejects.toMatchObject({ details: { rule: 'HOUSEHOLD_HEAD' } });
    await changeHousehold(db, clerk, {
      kind: 'merge',
      lgCode: LG,
      householdId: split.householdId,
      intoHouseholdId: moved.householdId,
      relationships: { [wife]: '世帯主', [head]: '夫', [son]: '子' },
      effectiveOn: today,
      notifiedOn: today,
    });
    expect(await findHouseholdMembers(db.kysely, LG, split.householdId)).toHaveLength(0);
    expect((await findHouseholdMembers(db.kysely, LG, moved.householdId)).map((m) => m.personId)).toEqual([
      wife,
      head,
      son,
    ]);
  });

  it('修正 / 誤記修正 need a reason, change only correctable items, and keep the old version', async () => {
    const moved = await family();
    const id = moved.personIds[0] as string;
    await expect(
      correctResident(db, clerk, {
        lgCode: LG,
        personId: id,
        kind: 'clerical-error-correction',
        changes: { givenName: '太朗' },
        reason: ' ',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      correctResident(db, clerk, {
        lgCode: LG,
        personId: id,
        kind: 'ex-officio-correction',
        // biome-ignore lint/suspicious/noExplicitAny: the API may send anything
        changes: { address: 'どこか' } as any,
        reason: '職権',
      }),
    ).rejects.toMatchObject({ details: { problems: [{ field: 'changes.address' }] } });
    await expect(
      correctResident(db, clerk, {
        lgCode: LG,
        personId: id,
        kind: 'ex-officio-correction',
        // biome-ignore lint/suspicious/noExplicitAny: the API may send anything
        changes: { familyName: 12, sex: 5, kanaCertified: 'yes', aliasName: null } as any,
        reason: '職権',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        problems: [
          { field: 'changes.familyName', message: 'must be a string' },
          { field: 'changes.kanaCertified', message: 'must be a boolean' },
        ],
      },
    });
    await expect(
      correctResident(db, clerk, {
        lgCode: LG,
        personId: id,
        kind: 'ex-officio-correction',
        changes: { sex: 5 as 1 },
        reason: '職権',
      }),
    ).rejects.toMatchObject({
      details: { problems: [{ field: 'changes.sex', message: 'must be 0, 1, 2 or 9 (ISO 5218)' }] },
    });
    await expect(
      correctResident(db, clerk, {
        lgCode: LG,
        personId: id,
        kind: 'minor-correction',
        changes: { givenName: '太郎' },
        reason: '確認',
      }),
    ).rejects.toMatchObject({ details: { rule: 'NO_CHANGE' } });
    await correctResident(db, clerk, {
      lgCode: LG,
      personId: id,
      kind: 'clerical-error-correction',
      changes: { givenName: '太朗', kanaCertified: true },
      reason: '戸籍照合により誤記を訂正',
    });
    const history = await findHistory(db.kysely, LG, id);
    expect(history.map((h) => [h.givenName, h.movement.reasonCode, h.movement.note])).toEqual([
      ['太郎', 'move-in', null],
      ['太朗', 'clerical-error-correction', '戸籍照合により誤記を訂正'],
    ]);
  });

  it('異動の取消し restores the version before; only the latest movement; never twice; an entry cancelled is removed', async () => {
    const moved = await family();
    const relocated = await recordRelocation(db, clerk, {
      lgCode: LG,
      householdId: moved.householdId,
      destination: { address: 'デモ県デモ市緑町二丁目3番4号' },
      effectiveOn: daysAgo(5),
      notifiedOn: daysAgo(5),
    });
    await expect(
      cancelMovement(db, clerk, { lgCode: LG, movementId: moved.movementId, reason: '誤入力' }),
    ).rejects.toMatchObject({
      code: 'MOVEMENT_SUPERSEDED',
    });
    const cancelled = await cancelMovement(db, clerk, {
      lgCode: LG,
      movementId: relocated.movementId,
      reason: '誤入力',
    });
    expect(cancelled.reasonCode).toBe('cancel-change');
    const head = await findCurrent(db.kysely, LG, moved.personIds[0] as string);
    expect(head).toMatchObject({
      address: DEMO_ADDRESS.address,
      version: 3,
      movement: { cancelsMovementId: relocated.movementId },
    });
    const history = await findHistory(db.kysely, LG, moved.personIds[0] as string);
    expect(recordAsOf(history, today)?.version).toBe(1);
    await expect(
      cancelMovement(db, clerk, { lgCode: LG, movementId: cancelled.movementId, reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'MOVEMENT_REFUSED',
    });
    await cancelMovement(db, clerk, { lgCode: LG, movementId: moved.movementId, reason: '二重登録' });
    expect(await findCurrent(db.kysely, LG, moved.personIds[0] as string)).toMatchObject({
      status: 'removed',
      removalReason: '記載の取消し',
    });
    await expect(cancelMovement(db, clerk, { lgCode: LG, movementId: 'no-such', reason: 'x' })).rejects.toMatchObject({
      code: 'MOVEMENT_NOT_FOUND',
    });
  });

  it('再転入 keeps the 宛名番号 of the removed record; a lookalike of a removed person is flagged (section 600)', async () => {
    const moved = await family();
    const son = moved.personIds[2] as string;
    await recordMoveOut(db, clerk, {
      lgCode: LG,
      householdId: moved.householdId,
      personIds: [son],
      plannedDestination: 'デモ県サンプル市',
      plannedMoveOn: daysAgo(10),
      notifiedOn: daysAgo(10),
    });
    const base = {
      lgCode: LG,
      effectiveOn: daysAgo(2),
      notifiedOn: daysAgo(1),
      previousAddress: 'デモ県サンプル市',
      destination: { address: 'デモ県デモ市桜台三丁目5番6号' },
    };
    const son3 = person({ givenName: '一郎', givenNameKana: 'イチロウ', birthDate: '2012-01-10' });
    const flagged = await recordMoveIn(db, clerk, { ...base, persons: [son3] });
    expect(flagged.possibleReturning).toEqual([{ personId: flagged.personIds[0], removedPersonIds: [son] }]);
    await cancelMovement(db, clerk, { lgCode: LG, movementId: flagged.movementId, reason: '再転入者として入力し直す' });
    const back = await recordMoveIn(db, clerk, { ...base, persons: [{ ...son3, returningPersonId: son }] });
    expect(back.personIds).toEqual([son]);
    expect(back.possibleReturning).toEqual([]);
    expect((await findHistory(db.kysely, LG, son)).map((h) => [h.version, h.status, h.movement.reasonCode])).toEqual([
      [1, 'resident', 'move-in'],
      [2, 'removed', 'move-out'],
      [3, 'resident', 'move-in'],
    ]);
    await expect(
      recordMoveIn(db, clerk, { ...base, persons: [{ ...son3, returningPersonId: moved.personIds[0] as string }] }),
    ).rejects.toMatchObject({ details: { rule: 'NOT_REMOVED' } });
  });

  it('the database refuses rewriting or deleting a version, even outside the service', async () => {
    const moved = await family();
    const id = moved.personIds[0] as string;
    await expect(
      sql`update resident_record set given_name = 'x' where lg_code = ${LG} and person_id = ${id}`.execute(db.kysely),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from resident_record where lg_code = ${LG}`.execute(db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(
      sql`update resident_record set is_current = true where lg_code = ${LG} and person_id = ${id}`.execute(db.kysely),
    ).rejects.toThrow(/append-only/);
  });
});
