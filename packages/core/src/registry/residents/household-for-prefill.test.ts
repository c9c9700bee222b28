import type { Database } from '@madoguchi/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PURPOSE_PROFILES } from '../../access';
import { recordMoveIn } from '../movements';
import { columnOf } from '../record-row';
import { findCurrent } from '../resident-record.repository';
import { clerk, DEMO_ADDRESS, LG, person, registryTestDatabase } from '../test-fixtures';
import { readForPrefill } from '.';

describe('columnOf: the column of a record field', () => {
  it('maps every field to its own column, and only the movement to none', () => {
    const fields = new Set(PURPOSE_PROFILES.flatMap((p) => p.fields));
    expect([...fields].filter((field) => columnOf(field) === null)).toEqual(['movement']);
    expect(columnOf('householdOrder')).toBe('household_order');
    expect(columnOf('password')).toBeNull();
  });
});

describe('readForPrefill: the household as a purpose may see it, and nothing more', () => {
  let db: Database;
  let parent: string;
  let child: string;
  beforeEach(async () => {
    db = await registryTestDatabase();
    const moved = await recordMoveIn(db, clerk, {
      lgCode: LG,
      effectiveOn: '2026-01-05',
      notifiedOn: '2026-01-05',
      previousAddress: 'デモ県サンプル町1番',
      destination: DEMO_ADDRESS,
      persons: [
        person({ givenName: '花子', sex: 2, birthDate: '1988-05-05' }),
        person({ relationship: '子', givenName: '一郎', birthDate: '2020-06-01' }),
      ],
    });
    [parent, child] = moved.personIds as [string, string];
  });
  afterEach(async () => {
    await db.close();
  });

  it('reads only the columns of the purpose profile, with the values the full record holds', async () => {
    for (const profile of PURPOSE_PROFILES.filter((p) => p.dataCategory === 'basic-resident-record')) {
      const read = await readForPrefill(db.kysely, LG, parent, profile.purpose);
      const full = (await findCurrent(db.kysely, LG, parent)) as unknown as Record<string, unknown>;
      // Every field but the movement (no form is filled in with it) and exactly those.
      const expected = Object.fromEntries(
        profile.fields.filter((field) => field !== 'movement').map((field) => [field, full[field]]),
      );
      expect([profile.purpose, read?.applicant]).toEqual([profile.purpose, expected]);
      expect(read?.members.map((m) => Object.keys(m).sort())).toEqual([Object.keys(expected).sort()]);
    }
  });

  it('refuses a purpose no profile allows, and finds nobody for a person of no household here', async () => {
    await expect(readForPrefill(db.kysely, LG, parent, 'marketing')).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    expect(await readForPrefill(db.kysely, LG, '9999999999', 'child-allowance-eligibility')).toBeNull();
    expect((await readForPrefill(db.kysely, LG, child, 'child-allowance-eligibility'))?.members).toHaveLength(1);
  });
});
