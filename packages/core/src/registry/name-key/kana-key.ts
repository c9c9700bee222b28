import { nameSearchKey } from './name-key';

/**
 * Search key for 氏名フリガナ, with the fuzzy rules of the standard (section 330) on top of
 * `nameSearchKey` (script, width, small kana, ヴ, spaces):
 *
 *  - 清音・濁音・半濁音 are not distinguished (ジ/ヂ/シ, ヒ/ビ/ピ …): voiced marks are removed;
 *    ワ searches as ハ and ヲ as オ (both as in the standard's examples);
 *  - from the second character, ウ after a kana of the オ段 searches as オ (サトウ = サトオ);
 *  - the presence of a long vowel is ignored: ー and a vowel repeating the previous kana's vowel
 *    are dropped (サトー = サトウ = サト, オオタ = オータ = オタ).
 *
 * It finds more candidates than `nameSearchKey` on purpose: a clerk picks from the list.
 */
export function kanaSearchKey(text: string): string {
  const base = nameSearchKey(DASHES.test(text) ? text.replace(DASHES_ALL, 'ー') : text);
  let out = '';
  let prevVowel: string | undefined;
  for (const char of base) {
    let c = UNVOICED[char] ?? char;
    if (c === 'わ') c = 'は';
    if (c === 'う' && prevVowel === 'お') c = 'お';
    if (prevVowel !== undefined && c === prevVowel) continue; // a spelled-out long vowel
    out += c;
    prevVowel = VOWEL_OF[c];
  }
  return out;
}

const DASHES = /[―－‐-]/;
const DASHES_ALL = /[―－‐-]/g;

/** Voiced and semi-voiced hiragana → unvoiced (が → か, ぱ → は …); computed once from Unicode. */
const UNVOICED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽゔ'].map((c) => [c, c.normalize('NFD').charAt(0)]),
);

/** The vowel of each unvoiced hiragana (voiced ones are decomposed before lookup). */
const VOWEL_OF: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['あかさたなはまやらわ', 'あ'],
    ['いきしちにひみり', 'い'],
    ['うくすつぬふむゆる', 'う'],
    ['えけせてねへめれ', 'え'],
    ['おこそとのほもよろ', 'お'],
  ].flatMap(([chars, vowel]) => [...(chars as string)].map((c) => [c, vowel as string])),
);
