import variantMap from './variant-map.json' with { type: 'json' };

/**
 * Search key for a resident's name (kanji or kana), insensitive to the usual spelling variants:
 *
 *  1. NFKC (full/half width, compatibility ideographs, ｶﾞ → ガ).
 *  2. Whitespace (incl. U+3000), middle dots (・ ･ ·) and variation selectors (U+FE00–FE0F, IVS U+E0100–E01EF)
 *     are dropped; an IVS sequence therefore folds like its base character.
 *  3. Variant kanji fold to one representative through variant-map.json (derived from the MJ縮退マップ, see
 *     VARIANT-MAP-LICENSE.md): 髙→高, 齋/齊/斉→斎, 邊/邉→辺, 𠮷→吉 … 々 repeats the previous (folded) kanji.
 *  4. Katakana → hiragana; small kana → normal kana (ぁ→あ, っ→つ, ゃ→や, ゎ→わ, ヵ/ヶ→か/け);
 *     ぢ/づ → じ/ず; ゐ/ゑ/を → い/え/お; ヴァ/ヴィ/ヴ/ヴェ/ヴォ (and ヷ/ヸ/ヹ/ヺ) → ば/び/ぶ/べ/ぼ; ゝ/ヽ repeat.
 *  5. Long-vowel mark ー: replaced by the vowel of the preceding kana (オータ → おおた = オオタ, ユーコ → ゆうこ,
 *     サトー → さとお). This is the spelling-preserving rule: おお and おう stay different (大田 おおた ≠
 *     王田 おうた), so サトー does not match サトウ. A ー with no preceding kana vowel (start, after ん) is dropped.
 *  6. ASCII letters are lower-cased.
 *
 * Code points are processed one by one (surrogate pairs stay intact, 𠮷 is one character).
 */
export function nameSearchKey(text: string): string {
  const input = text.normalize('NFKC');
  const out: number[] = [];
  let pendingVu = false; // previous output was ぶ coming from ゔ: a following small vowel turns it into ば/び/べ/ぼ
  for (let i = 0; i < input.length; ) {
    let c = input.codePointAt(i) as number;
    i += c > 0xffff ? 2 : 1;
    if (isIgnorable(c)) continue;

    const folded = VARIANTS.get(c);
    if (folded !== undefined) c = folded;
    if (c >= 0x30a1 && c <= 0x30f6) c -= 0x60; // katakana → hiragana (ヵ/ヶ → ゕ/ゖ)

    if (pendingVu) {
      pendingVu = false;
      const vu = VU_FOLLOWERS.get(c);
      if (vu !== undefined) {
        out[out.length - 1] = vu[0];
        if (vu[1] !== 0) out.push(vu[1]);
        continue;
      }
    }
    if (c === VU) {
      out.push(BU);
      pendingVu = true;
      continue;
    }
    if (c === LONG_VOWEL) {
      const prev = out[out.length - 1];
      const vowel = prev === undefined ? undefined : VOWEL_OF.get(prev);
      if (vowel !== undefined) out.push(vowel);
      continue;
    }
    if (c === ITERATION_KANJI || c === ITERATION_HIRA || c === ITERATION_KATA) {
      const prev = out[out.length - 1];
      if (prev !== undefined) out.push(prev);
      continue;
    }
    const kana = KANA_FOLD.get(c);
    if (kana !== undefined) c = kana;
    else if (c >= 0x41 && c <= 0x5a) c += 0x20; // ASCII A-Z → a-z
    out.push(c);
  }
  return fromCodePoints(out);
}

function fromCodePoints(cps: readonly number[]): string {
  if (cps.length <= 4096) return String.fromCodePoint(...cps);
  let s = '';
  for (let i = 0; i < cps.length; i += 4096) s += String.fromCodePoint(...cps.slice(i, i + 4096));
  return s;
}

const LONG_VOWEL = 0x30fc; // ー (NFKC maps half-width ｰ to it)
const ITERATION_KANJI = 0x3005; // 々
const ITERATION_HIRA = 0x309d; // ゝ
const ITERATION_KATA = 0x30fd; // ヽ
const VU = 0x3094; // ゔ (ヴ after katakana → hiragana)
const BU = 0x3076; // ぶ

function isIgnorable(c: number): boolean {
  return (
    c === 0x20 || // space (NFKC maps U+3000 and other spaces to it)
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x30fb || // ・ (and half-width ･ after NFKC)
    c === 0x00b7 || // ·
    c === 0x2027 || // ‧
    (c >= 0xfe00 && c <= 0xfe0f) || // standardized variation selectors
    (c >= 0xe0100 && c <= 0xe01ef) // ideographic variation selectors (IVS)
  );
}

const toCodePointMap = (pairs: Record<string, string>): Map<number, number> => {
  const map = new Map<number, number>();
  for (const [from, to] of Object.entries(pairs)) map.set(from.codePointAt(0) as number, to.codePointAt(0) as number);
  return map;
};

/** Precompiled once: variant kanji code point → representative code point. */
const VARIANTS: ReadonlyMap<number, number> = toCodePointMap(variantMap.entries);

/** Hiragana folds applied after katakana → hiragana (so they also cover katakana and half-width input). */
const KANA_FOLD: ReadonlyMap<number, number> = toCodePointMap({
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
  ぢ: 'じ',
  づ: 'ず',
  ゐ: 'い',
  ゑ: 'え',
  を: 'お',
  ヷ: 'ば',
  ヸ: 'び',
  ヹ: 'べ',
  ヺ: 'ぼ',
  // Katakana phonetic extensions (small katakana, U+31F0–31FF)
  ㇰ: 'く',
  ㇱ: 'し',
  ㇲ: 'す',
  ㇳ: 'と',
  ㇴ: 'ぬ',
  ㇵ: 'は',
  ㇶ: 'ひ',
  ㇷ: 'ふ',
  ㇸ: 'へ',
  ㇹ: 'ほ',
  ㇺ: 'む',
  ㇻ: 'ら',
  ㇼ: 'り',
  ㇽ: 'る',
  ㇾ: 'れ',
  ㇿ: 'ろ',
});

/** After ゔ: small (or plain) vowel / small y-kana → replacement for the ぶ already written, plus an optional kana. */
const VU_FOLLOWERS: ReadonlyMap<number, readonly [number, number]> = new Map<number, readonly [number, number]>([
  [0x3041, [0x3070, 0]], // ぁ → ば
  [0x3043, [0x3073, 0]], // ぃ → び
  [0x3045, [0x3076, 0]], // ぅ → ぶ
  [0x3047, [0x3079, 0]], // ぇ → べ
  [0x3049, [0x307c, 0]], // ぉ → ぼ
  [0x3083, [0x3073, 0x3084]], // ゃ → びや
  [0x3085, [0x3073, 0x3086]], // ゅ → びゆ
  [0x3087, [0x3073, 0x3088]], // ょ → びよ
]);

/** Vowel (あいうえお) of each hiragana after folding, for expanding ー. */
const VOWEL_OF: ReadonlyMap<number, number> = (() => {
  const rows: Record<string, string> = {
    あ: 'あかがさざただなはばぱまやらわ',
    い: 'いきぎしじちぢにひびぴみりゐ',
    う: 'うくぐすずつづぬふぶぷむゆるゔ',
    え: 'えけげせぜてでねへべぺめれゑ',
    お: 'おこごそぞとどのほぼぽもよろを',
  };
  const map = new Map<number, number>();
  for (const [vowel, kana] of Object.entries(rows)) {
    for (const k of kana) map.set(k.codePointAt(0) as number, vowel.codePointAt(0) as number);
  }
  return map;
})();
