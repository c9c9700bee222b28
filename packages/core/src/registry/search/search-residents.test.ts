import type { Database } from '@madoguchi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../../audit';
import { addDays, todayInJapan } from '../clock';
import { recordDeath, recordMoveIn } from '../movements';
import { setSupportMeasure } from '../support-measures';
import { clerk, DEMO_ADDRESS, LG, person, registryTestDatabase } from '../test-fixtures';
import { searchResidents } from '.';

const today = todayInJapan();

describe('resident search (sections 320–340)', () => {
  let db: Database;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    db = await registryTestDatabase();
    const people = [
      person({
        familyName: '髙橋',
        givenName: '一郎',
        familyNameKana: 'タカハシ',
        givenNameKana: 'イチロウ',
        birthDate: '1970-01-01',
      }),
      ...[
        ['齋藤', 'サイトウ', '1971-02-02'],
        ['渡邊', 'ワタナベ', '1972-03-03'],
        ['山﨑', 'ヤマザキ', '1973-04-04'],
        ['𠮷田', 'ヨシダ', '1974-05-05'],
        ['濵田', 'ハマダ', '1975-06-06'],
        ['國分', 'コクブ', '1976-07-07'],
        ['葛\u{E0100}西', 'カサイ', '1977-08-08'],
        ['大田', 'オオタ', '1978-09-09'],
        ['佐藤', 'サトー', '1979-10-10'],
        ['ヴォーン', 'ヴォーン', '1980-11-11'],
        ['松木', 'マツキ', '1981-12-12'],
      ].map(([family, kana, birth]) =>
        person({
          relationship: '同居人',
          familyName: family as string,
          familyNameKana: kana as string,
          birthDate: birth as string,
        }),
      ),
      person({
        relationship: '同居人',
        residentKind: 'foreign',
        familyName: 'KIM',
        givenName: 'MINSU',
        familyNameKana: 'キム',
        givenNameKana: 'ミンス',
        aliasName: '金山 民洙',
        nationality: '韓国',
        foreignResidentCategory: '特別永住者',
        birthDate: '1960-01-01',
      }),
    ];
    const moved = await recordMoveIn(db, clerk, {
      lgCode: LG,
      effectiveOn: addDays(today, -10),
      notifiedOn: addDays(today, -10),
      previousAddress: 'デモ県サンプル町',
      destination: { ...DEMO_ADDRESS, addressDetail: 'デモハイツ１０１' },
      persons: people,
    });
    for (const r of moved.records) ids.set(r.familyName, r.personId);
    await recordDeath(db, clerk, {
      lgCode: LG,
      personId: ids.get('松木') as string,
      diedOn: addDays(today, -1),
      notifiedOn: today,
    });
  });
  afterAll(async () => {
    await db.close();
  });

  const names = async (criteria: Record<string, unknown>) =>
    (await searchResidents(db, clerk, { lgCode: LG, ...criteria })).residents.map((r) => r.familyName);

  it.each([
    ['高橋', '髙橋'],
    ['髙橋 一郎', '髙橋'],
    ['斎藤', '齋藤'],
    ['渡辺', '渡邊'],
    ['渡邉', '渡邊'],
    ['山崎', '山﨑'],
    ['吉田', '𠮷田'],
    ['浜田', '濵田'],
    ['濱田', '濵田'],
    ['国分', '國分'],
    ['葛西', '葛\u{E0100}西'],
  ])('finds a variant-kanji name: %s → %s', async (query, expected) => {
    expect(await names({ name: query })).toEqual([expected]);
  });

  it.each([
    ['たかはし', '髙橋'],
    ['ﾀｶﾊｼ', '髙橋'],
    ['タカハシイチ', '髙橋'],
    ['さいと', '齋藤'],
    ['ヨシダ', '𠮷田'],
    ['おおた', '大田'],
    ['オータ', '大田'],
    ['さとお', '佐藤'],
    ['ボーン', 'ヴォーン'],
    ['ぼおん', 'ヴォーン'],
    ['サトウ', '佐藤'],
    ['たがはじ', '髙橋'],
  ])(
    'finds a kana reading insensitive to script, width, small kana, ー, ヴ, 濁点 and オ段+ウ (section 330): %s → %s',
    async (query, expected) => {
      expect(await names({ kana: query })).toEqual([expected]);
    },
  );

  it('combines kana prefix and birth date; finds by alias (通称), address with 方書 in any width, person id', async () => {
    expect(await names({ kana: 'サ', birthDate: '1971-02-02' })).toEqual(['齋藤']);
    expect(await names({ kana: 'サ', birthDate: '1999-01-01' })).toEqual([]);
    expect(await names({ name: '金山' })).toEqual(['KIM']);
    expect(await names({ name: 'kim' })).toEqual(['KIM']);
    expect((await names({ address: 'デモ県デモ市中央一丁目1番1号デモハイツ101' })).length).toBe(12);
    expect(await names({ personId: ids.get('國分') })).toEqual(['國分']);
  });

  it('leaves removed records out unless asked', async () => {
    expect(await names({ kana: 'マツキ' })).toEqual([]);
    const found = await searchResidents(db, clerk, { lgCode: LG, kana: 'マツキ', includeRemoved: true });
    expect(found.residents.map((r) => [r.familyName, r.status])).toEqual([['松木', 'removed']]);
  });

  it('flags supported persons in results, truncates at the limit, and writes one audit row without the criteria values', async () => {
    await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: ids.get('大田') as string,
      kind: 'full',
      reason: 'case-1',
    });
    const found = await searchResidents(db, clerk, { lgCode: LG, kana: 'おおた' });
    expect(found.residents[0]?.supportMeasure).toBe(true);
    const limited = await searchResidents(db, clerk, { lgCode: LG, address: 'デモ県', limit: 2 });
    expect(limited).toMatchObject({ truncated: true, residents: [{}, {}] });
    const audit = (await findAuditRecords(db.kysely, LG, 0, 1000))
      .filter((a) => a.action === 'registry.person.search')
      .at(-1);
    expect(audit?.subjectPersonIds).toHaveLength(2);
    expect(audit?.detailsText).toContain('address');
    expect(audit?.detailsText).not.toContain('デモ県');
  });

  it('says what is wrong with bad criteria', async () => {
    await expect(searchResidents(db, clerk, { lgCode: LG })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      searchResidents(db, clerk, { lgCode: LG, name: ' ・ ', birthDate: '2023-02-30', limit: 0 }),
    ).rejects.toMatchObject({
      details: {
        problems: [
          { field: 'name', message: 'has no searchable characters' },
          { field: 'birthDate', message: 'is not a calendar date (expected YYYY-MM-DD)' },
          { field: 'limit', message: 'must be an integer from 1 to 200' },
        ],
      },
    });
  });
});
