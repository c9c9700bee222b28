import type { Font } from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, type PDFDocument, type PDFFont, PDFName, PDFRef } from 'pdf-lib';

interface UsedGlyph {
  readonly codePoints: readonly number[];
  /** In thousandths of an em, the unit of a PDF W array. */
  readonly width: number;
}

/** The bfchar operator takes at most 100 entries (Adobe technical note 5411). */
const BFCHAR_CHUNK = 100;

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

/** UTF-16BE of the code points: a character beyond the BMP (𠮷) becomes its surrogate pair. */
function utf16Hex(codePoints: readonly number[]): string {
  const text = String.fromCodePoint(...codePoints);
  return Array.from({ length: text.length }, (_, index) => hex(text.charCodeAt(index))).join('');
}

function toUnicodeCMap(glyphs: ReadonlyMap<number, UsedGlyph>): string {
  const entries = [...glyphs].map(([id, glyph]) => `<${hex(id)}> <${utf16Hex(glyph.codePoints)}>`);
  const chunks: string[] = [];
  for (let start = 0; start < entries.length; start += BFCHAR_CHUNK) {
    const chunk = entries.slice(start, start + BFCHAR_CHUNK);
    chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** W array: each run of consecutive glyph ids as `first [w1 w2 …]`. */
function widthsArray(glyphs: ReadonlyMap<number, UsedGlyph>): (number | number[])[] {
  const result: (number | number[])[] = [];
  let previous = -2;
  let run: number[] = [];
  for (const [id, glyph] of glyphs) {
    if (id !== previous + 1) {
      run = [];
      result.push(id, run);
    }
    run.push(Math.round(glyph.width));
    previous = id;
  }
  return result;
}

/**
 * pdf-lib writes the ToUnicode map and the widths only for glyphs the font's main cmap reaches, so a
 * variation-sequence glyph (葛󠄂 U+845B U+E0102) would draw but not extract. Once pdf-lib has embedded
 * the font, both are rewritten from the glyphs the drawn text lays out to (the same font, the same ids).
 */
export async function rewriteFontMaps(
  pdfDoc: PDFDocument,
  pdfFont: PDFFont,
  font: Font,
  drawn: Iterable<string>,
): Promise<void> {
  await pdfDoc.flush();
  const scale = 1000 / font.unitsPerEm;
  const used = new Map<number, UsedGlyph>();
  for (const text of drawn) {
    for (const glyph of font.layout(text).glyphs) {
      if (!used.has(glyph.id) && glyph.codePoints.length > 0) {
        used.set(glyph.id, { codePoints: glyph.codePoints, width: glyph.advanceWidth * scale });
      }
    }
  }
  const glyphs = new Map([...used].sort(([a], [b]) => a - b));
  const { context } = pdfDoc;
  const type0 = context.lookup(pdfFont.ref, PDFDict);
  const toUnicode = type0.get(PDFName.of('ToUnicode'));
  if (!(toUnicode instanceof PDFRef)) throw new Error('The embedded font has no ToUnicode map to replace');
  context.assign(toUnicode, context.flateStream(toUnicodeCMap(glyphs)));
  const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
  cidFont.set(PDFName.of('W'), context.obj(widthsArray(glyphs)));
}
