import type { Database } from '@madoguchi/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../../audit';
import { addDays, addYears, todayInJapan } from '../clock';
import { recordMoveIn } from '../movements';
import { clerk, DEMO_ADDRESS, LG, person, registryTestDatabase } from '../test-fixtures';
import { expiringSupportMeasures, guardSupportMeasures, setSupportMeasure, supportedPersons } from '.';

const today = todayInJapan();

describe('support measures (支援措置, section 440)', () => {
  let db: Database;
  let victim: string;
  let other: string;
  beforeEach(async () => {
    db = await registryTestDatabase();
    const moved = await recordMoveIn(db, clerk, {
      lgCode: LG,
      effectiveOn: addDays(today, -3),
      notifiedOn: addDays(today, -3),
      previousAddress: 'デモ県サンプル町',
      destination: DEMO_ADDRESS,
      persons: [person(), person({ relationship: '子', givenName: '次郎', birthDate: '2010-01-01' })],
    });
    [victim, other] = moved.personIds as [string, string];
  });
  afterEach(async () => {
    await db.close();
  });

  it('starts for one year by default, alerts from a month before the end, extends, and ends', async () => {
    const started = await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: victim,
      kind: 'full',
      reason: 'DV-2026-001',
    });
    expect(started).toMatchObject({ kind: 'full', startsOn: today, expiringSoon: false });
    expect(started?.endsOn).toBe(addDays(addYears(today, 1), -1));
    expect(await expiringSupportMeasures(db, LG, addDays(today, 200))).toEqual([]);
    expect(
      (await expiringSupportMeasures(db, LG, addDays(started?.endsOn as string, -20))).map((s) => s.personId),
    ).toEqual([victim]);
    await expect(
      setSupportMeasure(db, clerk, { action: 'start', lgCode: LG, personId: victim, kind: 'full', reason: 'again' }),
    ).rejects.toMatchObject({ details: { rule: 'ALREADY_ACTIVE' } });
    const extended = await setSupportMeasure(db, clerk, {
      action: 'extend',
      lgCode: LG,
      personId: victim,
      reason: 'DV-2026-001 延長',
    });
    expect(extended?.endsOn).toBe(addDays(addYears(addDays(started?.endsOn as string, 1), 1), -1));
    expect((await supportedPersons(db.kysely, LG)).has(victim)).toBe(true);
    await setSupportMeasure(db, clerk, { action: 'end', lgCode: LG, personId: victim, reason: '申出により終了' });
    expect((await supportedPersons(db.kysely, LG)).has(victim)).toBe(false);
    const actions = (await findAuditRecords(db.kysely, LG, 0, 100)).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('registry.support-measure'))).toEqual([
      'registry.support-measure.start',
      'registry.support-measure.extend',
      'registry.support-measure.end',
    ]);
  });

  it('a provisional measure (仮支援措置) protects at once and can be confirmed as full', async () => {
    await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: victim,
      kind: 'provisional',
      endsOn: addDays(today, 30),
      reason: 'case-2',
    });
    expect((await supportedPersons(db.kysely, LG, [victim])).get(victim)).toMatchObject({
      kind: 'provisional',
      expiringSoon: true,
    });
    await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: victim,
      kind: 'full',
      reason: 'case-2 確認',
    });
    expect((await supportedPersons(db.kysely, LG, [victim])).get(victim)).toMatchObject({ kind: 'full' });
  });

  it('refuses bad input', async () => {
    await expect(
      setSupportMeasure(db, clerk, { action: 'start', lgCode: LG, personId: victim, kind: 'full', reason: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      setSupportMeasure(db, clerk, {
        action: 'start',
        lgCode: LG,
        personId: victim,
        kind: 'full',
        startsOn: '2026-02-30',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      setSupportMeasure(db, clerk, { action: 'extend', lgCode: LG, personId: victim, reason: 'x' }),
    ).rejects.toMatchObject({
      details: { rule: 'NOT_ACTIVE' },
    });
    await expect(
      setSupportMeasure(db, clerk, { action: 'end', lgCode: LG, personId: '0000000000', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'RESIDENT_NOT_FOUND',
    });
  });

  it('the guard refuses anyone but the person and leaves an alert row that survives the refusal', async () => {
    await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: victim,
      kind: 'full',
      reason: 'case-3',
    });
    const request = {
      lgCode: LG,
      personIds: [victim, other],
      channel: 'counter' as const,
      action: 'registry.certificate.issue' as const,
    };
    for (const requester of ['household-member', 'third-party', 'official'] as const) {
      await expect(guardSupportMeasures(db, clerk, { ...request, requester })).rejects.toMatchObject({
        code: 'SUPPORT_MEASURE_BLOCKED',
      });
    }
    await expect(
      guardSupportMeasures(db, clerk, { ...request, requester: 'self', requesterPersonId: other }),
    ).rejects.toMatchObject({
      code: 'SUPPORT_MEASURE_BLOCKED',
    });
    await guardSupportMeasures(db, clerk, {
      ...request,
      personIds: [victim],
      requester: 'self',
      requesterPersonId: victim,
    });
    await guardSupportMeasures(db, clerk, { ...request, personIds: [other], requester: 'third-party' });
    const alerts = (await findAuditRecords(db.kysely, LG, 0, 100)).filter((a) => a.result === 'alert');
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toMatchObject({ subjectPersonIds: [victim], dataCategory: 'support-measure' });
  });
});
