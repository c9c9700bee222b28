import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nameSearchKey } from './index';
import variantMap from './variant-map.json' with { type: 'json' };

const sameKey = (...names: string[]) => {
  const keys = names.map(nameSearchKey);
  for (const key of keys) expect(key, names.join(' / ')).toBe(keys[0]);
};

describe('nameSearchKey: variant kanji', () => {
  it.each([
    ['髙橋', '高橋'],
    ['齋藤', '齊藤', '斉藤', '斎藤'],
    ['渡邊', '渡邉', '渡辺'],
    ['山﨑', '山崎'],
    ['𠮷田', '吉田'],
    ['濵田', '濱田', '浜田'],
    ['國分', '国分'],
    ['櫻井', '桜井'],
    ['廣瀬', '広瀬'],
    ['澤田', '沢田'],
    ['佐々木', '佐佐木'],
  ])('%s matches %s', (...names) => sameKey(...names));

  it('folds an IVS sequence like its base character', () => {
    sameKey('葛\u{E0100}城', '葛城');
    expect(nameSearchKey('葛\u{E0100}城')).toBe('葛城');
    sameKey('邊\u{E0108}見', '辺見');
  });

  it('folds compatibility ideographs via NFKC', () => {
    sameKey('\u{FA12}美', '晴美'); // U+FA12 CJK COMPATIBILITY IDEOGRAPH → 晴
  });

  it('keeps unrelated names apart', () => {
    expect(nameSearchKey('田中')).not.toBe(nameSearchKey('中田'));
    expect(nameSearchKey('斉藤')).not.toBe(nameSearchKey('斎木'));
    expect(nameSearchKey('高橋')).not.toBe(nameSearchKey('髙木'));
    expect(nameSearchKey('吉田')).not.toBe(nameSearchKey('古田'));
  });

  it('treats characters outside the BMP as single code points', () => {
    expect([...nameSearchKey('𠮷田')]).toEqual(['吉', '田']);
    expect(nameSearchKey('𩸽ホッケ')).toBe('𩸽ほつけ'); // astral code point (two UTF-16 units) kept intact
    expect(nameSearchKey('𠀋')).toBe('丈'); // astral variant folds (民一2842号 俗字)
  });
});

describe('nameSearchKey: kana', () => {
  it.each([
    ['ヤマダ', 'やまだ', 'ﾔﾏﾀﾞ', 'ヤマダ'],
    ['オオタ', 'オータ', 'おおた', 'ｵｰﾀ'],
    ['ユウコ', 'ユーコ', 'ゆうこ'],
    ['ヴィクトリア', 'ビクトリア', 'ｳﾞｨｸﾄﾘｱ'],
    ['ヴァイオリン', 'バイオリン'],
    ['ヴェルディ', 'ベルディ'],
    ['ヴォルフ', 'ボルフ'],
    ['ヴ', 'ブ'],
    ['ジョウ', 'ぢょう', 'ヂョウ', 'じよう'],
    ['ミスズ', 'みすづ'],
    ['キャシー', 'キヤシイ'],
    ['一ヶ谷', '一ケ谷', '一ヵ谷'.replace('ヵ', 'ヶ')],
    ['ハッタ', 'ハツタ'],
    ['ワ', 'ゎ'],
    ['カヲル', 'かおる'],
    ['ヰ', 'い'],
  ])('%s matches %s', (...names) => sameKey(...names));

  it('maps small kana to normal kana', () => {
    expect(nameSearchKey('ぁぃぅぇぉっゃゅょゎヵヶ')).toBe('あいうえおつやゆよわかけ');
  });

  it('expands ー to the vowel of the preceding kana and keeps おお/おう apart', () => {
    expect(nameSearchKey('オータ')).toBe('おおた');
    expect(nameSearchKey('サトー')).toBe('さとお');
    expect(nameSearchKey('オウタ')).not.toBe(nameSearchKey('オオタ'));
    expect(nameSearchKey('ーン')).toBe('ん');
  });

  it('keeps different kana apart', () => {
    expect(nameSearchKey('さとう')).not.toBe(nameSearchKey('さど'));
    expect(nameSearchKey('ハナ')).not.toBe(nameSearchKey('バナ'));
  });
});

describe('nameSearchKey: spacing and punctuation', () => {
  it('removes half- and full-width spaces and middle dots', () => {
    sameKey('ヤマダ　タロウ', 'やまだたろう', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ・タロウ', 'ヤマダ･タロウ');
    sameKey('山田 太郎', '山田　太郎', '山田太郎');
    expect(nameSearchKey('ヤマダ　タロウ')).toBe('やまだたろう');
  });

  it('folds full-width and case of Latin letters', () => {
    sameKey('ＳＭＩＴＨ　Ｊｏｈｎ', 'smith john', 'Smith John');
  });

  it('returns an empty key for empty or blank input', () => {
    expect(nameSearchKey('')).toBe('');
    expect(nameSearchKey(' 　・')).toBe('');
  });
});

describe('variant-map.json', () => {
  const entries: Record<string, string> = variantMap.entries;

  it('maps each key to a single representative (no chains: folding twice = folding once)', () => {
    for (const [from, to] of Object.entries(entries)) {
      expect([...from], from).toHaveLength(1);
      expect([...to], from).toHaveLength(1);
      expect(to, from).not.toBe(from);
      expect(entries[to], `${from} → ${to} → ${entries[to]}`).toBeUndefined();
      expect(nameSearchKey(nameSearchKey(from))).toBe(nameSearchKey(from));
    }
  });

  it('has keys that survive NFKC (otherwise they could never be looked up)', () => {
    for (const from of Object.keys(entries)) expect(from.normalize('NFKC'), from).toBe(from);
  });

  it('header checksum matches the entries (catches hand edits; regenerate with the derive script)', () => {
    const sha256 = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
    expect(sha256).toBe(variantMap.sha256);
    expect(Object.keys(entries)).toHaveLength(variantMap.count);
    expect(variantMap.mojidataVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('includes the documented supplement', () => {
    expect(variantMap.supplement).toEqual({ 斉: '斎' });
    expect(entries.斉).toBe('斎');
  });
});
