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
  const base = nameSearchKey(text.replace(/[―－‐-]/g, 'ー'));
  const out: string[] = [];
  for (const char of base.normalize('NFD')) {
    if (char === '\u3099' || char === '\u309A') continue; // combining (han)dakuten
    let c = char === 'わ' ? 'は' : char;
    const prev = out[out.length - 1];
    const prevVowel = prev === undefined ? undefined : VOWEL_OF[prev];
    if (c === 'う' && prevVowel === 'お') c = 'お';
    if (prevVowel !== undefined && c === prevVowel) continue; // a spelled-out long vowel
    out.push(c);
  }
  return out.join('');
}

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
