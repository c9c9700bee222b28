import type { Database } from '@madoguchi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../../audit';
import { addDays, todayInJapan } from '../clock';
import { recordMoveIn } from '../movements';
import { setSupportMeasure } from '../support-measures';
import { clerk, DEMO_ADDRESS, LG, person, registryTestDatabase } from '../test-fixtures';
import { inspectionList } from '.';

describe('閲覧 list (法第11条)', () => {
  let db: Database;
  let supported: string;
  beforeAll(async () => {
    db = await registryTestDatabase();
    const moved = await recordMoveIn(db, clerk, {
      lgCode: LG,
      effectiveOn: addDays(todayInJapan(), -5),
      notifiedOn: addDays(todayInJapan(), -5),
      previousAddress: 'デモ県サンプル町',
      destination: DEMO_ADDRESS,
      persons: [person(), person({ relationship: '子', givenName: '守', birthDate: '2015-01-01' })],
    });
    supported = moved.personIds[1] as string;
    await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: supported,
      kind: 'full',
      reason: 'case-7',
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows only the four items, leaves supported persons out, and audits the list', async () => {
    const list = await inspectionList(db, clerk, { lgCode: LG, addressPrefix: 'デモ県デモ市中央' });
    expect(list).toEqual({
      entries: [
        { familyName: 'デモ', givenName: '太郎', address: DEMO_ADDRESS.address, birthDate: '1980-04-01', sex: 1 },
      ],
      excludedSupported: 1,
    });
    const withReason = await inspectionList(db, clerk, {
      lgCode: LG,
      addressPrefix: 'デモ県デモ市中央',
      includeSupported: { reason: '支援措置担当の判断 case-7' },
    });
    expect(withReason.entries).toHaveLength(2);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 100)).filter(
      (a) => a.action === 'registry.inspection-list',
    );
    expect(audit.map((a) => JSON.parse(a.detailsText).excludedSupported)).toEqual([1, 0]);
    await expect(inspectionList(db, clerk, { lgCode: LG, addressPrefix: 'デ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
