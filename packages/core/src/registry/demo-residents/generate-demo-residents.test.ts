import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidRegistryId, registryIdFromSerial } from '../ids';
import { formatResidentsV1, parseResidentsV1, type ResidentsV1Record } from '../residents-csv';
import {
  createRandom,
  FAMILY_NAMES,
  generateDemoResidents,
  givenNamesFor,
  seedHash,
  VARIANT_FAMILY_NAMES,
} from './index';

const TODAY = '2026-04-01';
const KANA = /^[ァ-ヶー・\u3000]+$/;
const generate = (residents: number, seed = 'demo', extra = {}) => [
  ...generateDemoResidents({ residents, seed, today: TODAY, ...extra }),
];
const digest = (records: readonly ResidentsV1Record[]) =>
  createHash('sha256').update(JSON.stringify(records)).digest('hex');
const byHousehold = (records: readonly ResidentsV1Record[]) => {
  const households = new Map<string, ResidentsV1Record[]>();
  for (const r of records) households.set(r.householdId, [...(households.get(r.householdId) ?? []), r]);
  return households;
};
/** `iso` plus whole calendar years, as a comparable string (02-29 stays 02-29, which sorts right). */
const plusYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
const isIsoDate = (iso: string | null) =>
  iso !== null && /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

const residents = generate(5000);

describe('generateDemoResidents: determinism and size', () => {
  it('gives the same records for the same seed and different ones for another seed', () => {
    expect(digest(generate(2000))).toBe(digest(residents.slice(0, 2000)));
    expect(digest(generate(2000, 'other'))).not.toBe(digest(residents.slice(0, 2000)));
  });

  it('yields exactly the number asked for, a smaller number being a prefix of a larger one', () => {
    for (const n of [0, 1, 7, 200]) expect(generate(n)).toEqual(residents.slice(0, n));
    expect(residents).toHaveLength(5000);
  });

  it('rejects a bad count or date', () => {
    expect(() => generate(-1)).toThrow(RangeError);
    expect(() => [...generateDemoResidents({ residents: 1, seed: 's', today: '2026-02-30' })]).toThrow(RangeError);
  });

  it('pins the random source, so a seed means the same data on every Node version', () => {
    const random = createRandom('madoguchi');
    expect(seedHash('madoguchi')).toBe(2723673384);
    expect([random.next(), random.next(), random.next()].map((x) => x * 2 ** 32)).toEqual([
      1830718502, 798602467, 1069797667,
    ]);
  });
});

describe('generateDemoResidents: households', () => {
  const households = [...byHousehold(residents).values()];

  it('numbers persons and households 1.. in order, with valid check digits', () => {
    expect(residents.map((r) => r.personId)).toEqual(residents.map((_, i) => registryIdFromSerial(i + 1)));
    expect(households.map((members) => members[0]?.householdId)).toEqual(
      households.map((_, i) => registryIdFromSerial(i + 1)),
    );
    const ids = residents.flatMap((r) => [r.personId, r.householdId]);
    expect(ids.every(isValidRegistryId)).toBe(true);
    expect(new Set(residents.map((r) => r.personId)).size).toBe(residents.length);
  });

  it('has 1–6 members, the head first, one 世帯主 among those still resident, one address', () => {
    for (const members of households) {
      expect(members.length).toBeGreaterThanOrEqual(1);
      expect(members.length).toBeLessThanOrEqual(6);
      expect(members[0]?.relationship).toBe('世帯主');
      expect(members.filter((m) => m.relationship === '世帯主')).toHaveLength(1);
      const current = members.filter((m) => m.status === 'resident');
      if (current.length > 0) expect(current.filter((m) => m.relationship === '世帯主')).toHaveLength(1);
      expect(new Set(members.map((m) => `${m.postalCode}|${m.address}|${m.addressDetail}`)).size).toBe(1);
      expect(new Set(members.map((m) => m.residentKind)).size).toBe(1);
    }
  });

  it('shares the family name, except with a 同居人, and never repeats a given name', () => {
    for (const members of households) {
      const family = members.filter((m) => m.relationship !== '同居人').map((m) => m.familyName);
      expect(new Set(family).size).toBe(1);
      expect(new Set(members.map((m) => m.givenName)).size).toBe(members.length);
    }
  });

  it('makes children at least 18 years younger than their parents', () => {
    const generations: readonly (readonly [readonly string[], readonly string[]])[] = [
      [['父', '母'], ['世帯主']],
      [['世帯主', '妻', '夫'], ['子']],
      [['子', '子の妻', '子の夫'], ['孫']],
    ];
    let pairs = 0;
    for (const members of households) {
      for (const [parentRoles, childRoles] of generations) {
        for (const parent of members.filter((m) => parentRoles.includes(m.relationship))) {
          for (const child of members.filter((m) => childRoles.includes(m.relationship))) {
            expect(child.birthDate >= plusYears(parent.birthDate, 18), `${parent.personId} ${child.personId}`).toBe(
              true,
            );
            pairs += 1;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });

  it('puts everyone at a fictitious address in the 999 postal range', () => {
    for (const r of residents) {
      expect(r.address).toMatch(/^デモ県デモ市.+[0-9]+番[0-9]+号$/);
      expect(r.postalCode).toMatch(/^999-[0-9]{4}$/);
    }
    expect(residents.some((r) => r.addressDetail?.endsWith('号室'))).toBe(true);
    const [first] = generate(1, 'demo', { prefecture: '見本県', city: '例題町' });
    expect(first?.address.startsWith('見本県例題町')).toBe(true);
  });
});

describe('generateDemoResidents: items', () => {
  it('passes the residents-v1 checks and survives a round trip through the file format', () => {
    const text = [...formatResidentsV1(residents, { includeIndividualNumber: true })].join('');
    const { records, problems } = parseResidentsV1(text, { today: TODAY });
    expect(problems).toEqual([]);
    expect(records).toEqual(residents);
  });

  it('never contains an individual number', () => {
    expect(residents.every((r) => r.individualNumber === null)).toBe(true);
  });

  it('writes every reading in full-width katakana', () => {
    for (const r of residents) {
      expect(r.familyNameKana).toMatch(KANA);
      expect(r.givenNameKana).toMatch(KANA);
    }
  });

  it('contains every variant-kanji family name', () => {
    const names = new Set(residents.map((r) => r.familyName));
    for (const [name] of VARIANT_FAMILY_NAMES) expect(names, name).toContain(name);
  });

  it('keeps dates valid and in order', () => {
    for (const r of residents) {
      for (const date of [r.birthDate, r.becameResidentOn, r.addressSince, r.notifiedOn])
        expect(isIsoDate(date)).toBe(true);
      expect(r.birthDate <= r.becameResidentOn).toBe(true);
      expect(r.becameResidentOn <= r.addressSince).toBe(true);
      expect(r.addressSince <= TODAY).toBe(true);
      expect(r.notifiedOn && r.notifiedOn >= r.addressSince && r.notifiedOn <= TODAY).toBe(true);
      if (r.becameResidentOn === r.birthDate) expect(r.previousAddress).toBeNull();
      expect([1, 2]).toContain(r.sex);
    }
  });

  it('removes some records, after they became resident and before today', () => {
    const removed = residents.filter((r) => r.status === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    for (const r of removed) {
      expect(['転出', '死亡']).toContain(r.removalReason);
      expect(isIsoDate(r.removedOn)).toBe(true);
      expect(r.removedOn && r.removedOn > r.becameResidentOn && r.removedOn < TODAY).toBe(true);
    }
    for (const r of residents.filter((r) => r.status === 'resident')) expect(r.removalReason ?? r.removedOn).toBeNull();
  });

  it('describes foreign residents by nationality and status of residence', () => {
    const foreign = residents.filter((r) => r.residentKind === 'foreign');
    expect(foreign.length).toBeGreaterThan(0);
    for (const r of foreign) {
      expect(r.nationality).toBeTruthy();
      expect(r.familyName).toMatch(/^[A-Z]+$/);
      expect(r.givenName).toMatch(/^[A-Z]+( [A-Z]+)*$/);
      const permanent = r.residenceStatus === '永住者' || r.residenceStatus === '特別永住者';
      if (permanent) expect(r.residenceExpiry).toBeNull();
      else expect(r.residenceExpiry && r.residenceExpiry > TODAY && isIsoDate(r.residenceExpiry)).toBe(true);
    }
    const japanese = residents.filter((r) => r.residentKind === 'japanese');
    expect(japanese.every((r) => r.nationality === null && r.residenceStatus === null && r.aliasName === null)).toBe(
      true,
    );
  });

  it('has the expected shares of foreign, removed, 旧氏 and support measures', () => {
    const many = generate(20_000, 'shares');
    const share = (test: (r: ResidentsV1Record) => boolean) => many.filter(test).length / many.length;
    expect(share((r) => r.residentKind === 'foreign')).toBeGreaterThan(0.015);
    expect(share((r) => r.residentKind === 'foreign')).toBeLessThan(0.04);
    expect(share((r) => r.status === 'removed')).toBeGreaterThan(0.01);
    expect(share((r) => r.status === 'removed')).toBeLessThan(0.03);
    expect(share((r) => r.formerFamilyName !== null)).toBeGreaterThan(0.005);
    expect(share((r) => r.formerFamilyName !== null)).toBeLessThan(0.02);
    expect(share((r) => r.supportMeasureUntil !== null)).toBeLessThan(0.003);
  });

  it('puts at least one resident under a support measure ending within a year', () => {
    const supported = generate(200).filter((r) => r.supportMeasureUntil !== null);
    expect(supported.length).toBeGreaterThan(0);
    for (const r of supported) {
      expect(r.status).toBe('resident');
      expect(r.supportMeasureUntil && r.supportMeasureUntil > TODAY).toBe(true);
      expect((r.supportMeasureUntil ?? '') <= plusYears(TODAY, 1)).toBe(true);
    }
  });
});

describe('name pools', () => {
  const given = (sex: 1 | 2) => [1950, 1975, 2005].flatMap((year) => givenNamesFor(sex, year));

  it('are large enough and read in katakana', () => {
    expect(FAMILY_NAMES.length).toBeGreaterThanOrEqual(80);
    expect(given(1).length).toBeGreaterThanOrEqual(40);
    expect(given(2).length).toBeGreaterThanOrEqual(40);
    for (const [, kana] of [...FAMILY_NAMES, ...VARIANT_FAMILY_NAMES, ...given(1), ...given(2)])
      expect(kana).toMatch(KANA);
    expect(new Set(FAMILY_NAMES.map(([name]) => name)).size).toBe(FAMILY_NAMES.length);
  });

  it.each([
    ['佐藤', 'サトウ'],
    ['鈴木', 'スズキ'],
    ['高橋', 'タカハシ'],
    ['渡辺', 'ワタナベ'],
    ['長谷川', 'ハセガワ'],
    ['五十嵐', 'イガラシ'],
    ['服部', 'ハットリ'],
  ])('reads %s as %s', (name, kana) => {
    expect(FAMILY_NAMES).toContainEqual([name, kana]);
  });

  it.each([
    [1, 1950, '茂', 'シゲル'],
    [2, 1950, '和子', 'カズコ'],
    [1, 1975, '大輔', 'ダイスケ'],
    [2, 1975, '真由美', 'マユミ'],
    [1, 2010, '蓮', 'レン'],
    [2, 2010, '陽葵', 'ヒマリ'],
  ] as const)('gives a %s born in %s the name %s (%s)', (sex, year, name, kana) => {
    expect(givenNamesFor(sex, year)).toContainEqual([name, kana]);
  });
});
