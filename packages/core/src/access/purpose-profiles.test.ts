import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from './data-categories';
import { PURPOSE_PROFILES, projectForPurpose } from './purpose-profiles';

const record = {
  personId: '000000000001',
  familyName: 'テスト',
  givenName: '花子',
  familyNameKana: 'テスト',
  birthDate: '1990-01-01',
  address: 'デモ市役所前1-1',
  householdId: 'H1',
  relationship: '世帯主',
  familyRegisterReference: 'not for these purposes',
};

describe('purpose profiles', () => {
  it('gives a purpose only its fields', () => {
    expect(Object.keys(projectForPurpose(record, 'tax-assessment', 'basic-resident-record')).sort()).toEqual([
      'address',
      'familyName',
      'givenName',
      'personId',
    ]);
  });

  it('lets a caller narrow the fields, never widen them', () => {
    expect(
      projectForPurpose(record, 'tax-assessment', 'basic-resident-record', ['familyName', 'familyRegisterReference']),
    ).toEqual({ familyName: 'テスト' });
  });

  it('refuses a purpose no profile lists', () => {
    expect(() => projectForPurpose(record, 'curiosity', 'basic-resident-record')).toThrow(
      expect.objectContaining({
        code: 'ACCESS_DENIED',
        details: { purpose: 'curiosity', dataCategory: 'basic-resident-record' },
      }),
    );
  });

  it('names a legal basis for every profile, and only categories that exist', () => {
    for (const profile of PURPOSE_PROFILES) {
      expect(profile.legalBasis.length).toBeGreaterThan(0);
      expect(DATA_CATEGORIES[profile.dataCategory]).toBeDefined();
    }
  });
});
