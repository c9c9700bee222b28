import { characters } from './glyphs';

/** A4 portrait in points, and the frame the content flows in. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 48, marginTop: 48, marginBottom: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const PAGE_BODY_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;

/** Measures text in em; the layout multiplies by the size. */
export type Advance = (text: string) => number;

/** Something to draw; `top` is measured down from the top of the row that holds it. */
export type DrawOp =
  | { readonly kind: 'text'; readonly x: number; readonly top: number; readonly size: number; readonly text: string }
  | { readonly kind: 'rule'; readonly x: number; readonly top: number; readonly width: number }
  | { readonly kind: 'box'; readonly x: number; readonly top: number; readonly side: number };

/** The same, placed on a page: `y` is the PDF coordinate (from the bottom) of the baseline or lower edge. */
export type PlacedOp =
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly size: number; readonly text: string }
  | { readonly kind: 'rule'; readonly x: number; readonly y: number; readonly width: number }
  | { readonly kind: 'box'; readonly x: number; readonly y: number; readonly side: number };

export interface Row {
  readonly height: number;
  readonly ops: readonly DrawOp[];
}

/** Rows that stay on one page when they fit on one (a person, the certification). */
export interface Block {
  readonly rows: readonly Row[];
  readonly keepTogether: boolean;
}

/** Characters that may not start a line (行頭禁則); they hang at the end of the previous one. */
const NO_LINE_START = new Set([...'、。，．・：；？！）」』】〕〉》ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ']);

/** Latin words and numbers break only at spaces; every other character is a break opportunity. */
function tokens(text: string): string[] {
  const result: string[] = [];
  for (const character of characters(text)) {
    const last = result.length - 1;
    const isWordPart = /^[!-~]$/.test(character);
    if (isWordPart && last >= 0 && /^[!-~]+$/.test(result[last] ?? '')) result[last] += character;
    else result.push(character);
  }
  return result;
}

/** Greedy line breaking to a width in points; a word wider than the line is cut between characters. */
export function wrapText(text: string, width: number, size: number, advance: Advance): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (token: string) => {
    const fits = advance(line + token) * size <= width;
    if (line === '' || fits || NO_LINE_START.has(token)) {
      line += token;
    } else {
      lines.push(line.trimEnd());
      line = token === ' ' ? '' : token;
    }
  };
  for (const token of tokens(text)) {
    if (advance(token) * size > width && token.length > 1) characters(token).forEach(push);
    else push(token);
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Lines of text from `top`, one every `leading` points; the baseline sits one size below each line's top. */
export function textLines(lines: readonly string[], x: number, top: number, size: number, leading: number): DrawOp[] {
  return lines.map((text, index) => ({ kind: 'text', x, top: top + index * leading + size, size, text }));
}

function placeOp(op: DrawOp, rowTop: number): PlacedOp {
  switch (op.kind) {
    case 'text':
      return { kind: 'text', x: op.x, y: rowTop - op.top, size: op.size, text: op.text };
    case 'rule':
      return { kind: 'rule', x: op.x, y: rowTop - op.top, width: op.width };
    case 'box':
      return { kind: 'box', x: op.x, y: rowTop - op.top - op.side, side: op.side };
    default: {
      const unknownOp: never = op;
      throw new RangeError(`Unknown draw op: ${JSON.stringify(unknownOp)}`);
    }
  }
}

/** Flows blocks down the pages; a block kept together moves to a new page rather than split, if it fits one. */
export function paginate(blocks: readonly Block[]): PlacedOp[][] {
  const pages: PlacedOp[][] = [[]];
  let used = 0;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  for (const block of blocks) {
    const height = block.rows.reduce((sum, row) => sum + row.height, 0);
    if (block.keepTogether && used > 0 && used + height > PAGE_BODY_HEIGHT && height <= PAGE_BODY_HEIGHT) newPage();
    for (const row of block.rows) {
      if (used > 0 && used + row.height > PAGE_BODY_HEIGHT) newPage();
      const rowTop = PAGE.height - PAGE.marginTop - used;
      pages[pages.length - 1]?.push(...row.ops.map((op) => placeOp(op, rowTop)));
      used += row.height;
    }
  }
  return pages;
}
