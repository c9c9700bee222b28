import { createHash } from 'node:crypto';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { loadDocumentFont } from './document-font';
import { assertFontCovers } from './glyphs';

/** A font cut down to one document's characters, ready to embed whole. */
export interface DocumentFontSubset {
  readonly bytes: Uint8Array;
  readonly font: Font;
  /** 'ABCDEF+IPAmjMincho': the tag marks a subset (ISO 32000 9.6.4); taken from a hash, so output is reproducible. */
  readonly baseFontName: string;
  /** Advance width of the text in em, so the caller multiplies by the font size. */
  advance(text: string): number;
}

function subsetTag(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/**
 * Subsets with HarfBuzz (subset-font) because pdf-lib's own subsetter breaks CJK fonts, then checks
 * the subset holds every character: HarfBuzz leaves out what the font lacks without a word.
 */
export async function subsetDocumentFont(strings: readonly string[]): Promise<DocumentFontSubset> {
  const source = await loadDocumentFont();
  // subset-font and fontkit tell formats apart with Buffer methods, so a plain Uint8Array will not do.
  const { buffer, byteOffset, byteLength } = source.bytes;
  const bytes = await subsetFont(Buffer.from(buffer, byteOffset, byteLength), strings.join(''), {
    targetFormat: 'sfnt',
  });
  const font = fontkit.create(bytes);
  assertFontCovers(font, strings);
  const widths = new Map<string, number>();
  return {
    bytes,
    font,
    baseFontName: `${subsetTag(bytes)}+${font.postscriptName ?? source.name}`,
    advance(text) {
      let width = widths.get(text);
      if (width === undefined) {
        width = font.layout(text).advanceWidth / font.unitsPerEm;
        widths.set(text, width);
      }
      return width;
    },
  };
}
