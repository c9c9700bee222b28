import type { Font } from '@pdf-lib/fontkit';

export function isVariationSelector(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

/**
 * Splits text into what a reader sees as one character: a code point (𠮷 is one, not two UTF-16
 * units) together with the variation selector that follows it (葛󠄀 is U+845B U+E0100).
 */
export function characters(text: string): string[] {
  const result: string[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const last = result.length - 1;
    if (isVariationSelector(codePoint) && last >= 0 && !isVariationSelector(result[last]?.codePointAt(0) ?? 0)) {
      result[last] += char;
    } else {
      result.push(char);
    }
  }
  return result;
}

export function formatCodePoints(text: string): string {
  return [...text]
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');
}

/**
 * A certificate or notice must print every character of the record: one the font lacks is an error, never
 * a blank. A variation sequence the font does not register draws its base character, as Unicode
 * prescribes, and keeps its selector in the text layer: IPAmj明朝 registers the Moji_Joho sequences
 * (葛 U+E0102–E0108) but not the Adobe-Japan1 ones (葛 U+E0100, U+E0101), and records hold both.
 */
export function assertFontCovers(font: Font, strings: readonly string[]): void {
  const checked = new Set<string>();
  for (const character of strings.flatMap(characters)) {
    if (checked.has(character)) continue;
    checked.add(character);
    const base = character.codePointAt(0) ?? 0;
    // A selector with nothing before it to select is not a character either.
    if (isVariationSelector(base) || !font.hasGlyphForCodePoint(base)) {
      throw new Error(`document text has a character the font lacks: ${formatCodePoints(character)}`);
    }
  }
}
