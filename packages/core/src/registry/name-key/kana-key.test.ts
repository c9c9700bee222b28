import { describe, expect, it } from 'vitest';
import { kanaSearchKey } from './kana-key';

describe('kana search key (standard section 330)', () => {
  it.each([
    ['ヂ and ジ', 'フジ', 'フヂ'],
    ['ズ and ヅ', 'ミズノ', 'ミヅノ'],
    ['ワ and ハ', 'カワイ', 'カハイ'],
    ['ヴァ and バ', 'ヴァン', 'バン'],
    ['ヴ and ブ', 'ヴント', 'ブント'],
    ['オ and ヲ', 'ヲダ', 'オダ'],
    ['ヒ and ピ (清音・半濁音)', 'ヒカリ', 'ピカリ'],
    ['シ and ジ (清音・濁音)', 'シマダ', 'ジマダ'],
    ['ッ and ツ', 'ハットリ', 'ハツトリ'],
    ['ャ and ヤ', 'キャノン', 'キヤノン'],
    ['space between family and given name', 'サトウ タロウ', 'サトウタロウ'],
    ['ウ after オ段 from the second character', 'サトウ', 'サトオ'],
    ['long vowel present or not', 'サトー', 'サト'],
    ['spelled-out long vowel and ー', 'オオタ', 'オータ'],
    ['ー, ―, －, ‐, ｰ and -', 'ユーコ', 'ユ-コ'],
    ['full-width dash', 'ユ―コ', 'ユｰコ'],
    ['hiragana and half-width', 'たなか', 'ﾀﾅｶ'],
  ])('%s', (_label, a, b) => {
    expect(kanaSearchKey(a)).toBe(kanaSearchKey(b));
  });

  it('keeps different names apart', () => {
    expect(kanaSearchKey('タナカ')).not.toBe(kanaSearchKey('タカナ'));
    expect(kanaSearchKey('サトウ')).not.toBe(kanaSearchKey('サイトウ'));
    // ウ at the start stays ウ (only from the second character).
    expect(kanaSearchKey('ウエダ')).not.toBe(kanaSearchKey('オエダ'));
  });
});
