import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { subsetDocumentFont } from './font-subset';
import { rewriteFontMaps } from './pdf-font-maps';
import {
  type Advance,
  type Block,
  CONTENT_WIDTH,
  type DrawOp,
  PAGE,
  type PlacedOp,
  paginate,
  type Row,
  textLines,
  wrapText,
} from './pdf-layout';

/** What a notice or a copy of an application is made of, top to bottom. */
export type DocumentPart =
  | { readonly kind: 'meta'; readonly lines: readonly string[] }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] };

export interface DocumentPdfInput {
  readonly title: string;
  /** ISO date of issue: the PDF's dates, so the same input gives the same file. */
  readonly issuedOn: string;
  readonly parts: readonly DocumentPart[];
  /** Printed small at the end (who issued it). */
  readonly footer?: string;
}

const TITLE_SIZE = 16;
const HEADING_SIZE = 12;
const BODY_SIZE = 10.5;
const META_SIZE = 9;
const LEADING = 1.6;
const LABEL_WIDTH = 150;
const LEFT = PAGE.marginX;
const BLACK = rgb(0, 0, 0);

function textBlock(text: string, size: number, advance: Advance, x = LEFT, width = CONTENT_WIDTH): Row[] {
  return text.split('\n').map((paragraph) => {
    const lines = wrapText(paragraph, width, size, advance);
    return { height: lines.length * size * LEADING, ops: textLines(lines, x, 0, size, size * LEADING) };
  });
}

function rightAligned(text: string, size: number, advance: Advance): Row {
  const x = LEFT + CONTENT_WIDTH - advance(text) * size;
  return { height: size * LEADING, ops: [{ kind: 'text', x, top: size, size, text }] };
}

function fieldRow(label: string, value: string, advance: Advance): Row {
  const labelLines = wrapText(label, LABEL_WIDTH - 8, META_SIZE, advance);
  const valueLines = wrapText(value || '—', CONTENT_WIDTH - LABEL_WIDTH, BODY_SIZE, advance);
  const leading = BODY_SIZE * LEADING;
  const ops: DrawOp[] = [
    ...textLines(labelLines, LEFT, 4 + BODY_SIZE - META_SIZE, META_SIZE, leading),
    ...textLines(valueLines, LEFT + LABEL_WIDTH, 4, BODY_SIZE, leading),
    { kind: 'rule', x: LEFT, top: 0, width: CONTENT_WIDTH },
  ];
  return { height: Math.max(labelLines.length, valueLines.length) * leading + 8, ops };
}

function layout(input: DocumentPdfInput, advance: Advance): PlacedOp[][] {
  const titleX = LEFT + (CONTENT_WIDTH - advance(input.title) * TITLE_SIZE) / 2;
  const blocks: Block[] = [
    {
      rows: [
        {
          height: TITLE_SIZE * 2.2,
          ops: [{ kind: 'text', x: titleX, top: TITLE_SIZE, size: TITLE_SIZE, text: input.title }],
        },
      ],
      keepTogether: true,
    },
  ];
  for (const part of input.parts) {
    switch (part.kind) {
      case 'meta':
        blocks.push({ rows: part.lines.map((line) => rightAligned(line, META_SIZE, advance)), keepTogether: true });
        break;
      case 'heading':
        blocks.push({
          rows: [{ height: 8, ops: [] }, ...textBlock(part.text, HEADING_SIZE, advance)],
          keepTogether: true,
        });
        break;
      case 'paragraph':
        blocks.push({
          rows: [{ height: 4, ops: [] }, ...textBlock(part.text, BODY_SIZE, advance)],
          keepTogether: false,
        });
        break;
      case 'fields':
        blocks.push({ rows: part.rows.map((row) => fieldRow(row.label, row.value, advance)), keepTogether: false });
        break;
      default: {
        const unknown: never = part;
        throw new RangeError(`unknown document part ${JSON.stringify(unknown)}`);
      }
    }
  }
  if (input.footer) {
    blocks.push({
      rows: [{ height: 16, ops: [] }, ...textBlock(input.footer, META_SIZE, advance)],
      keepTogether: true,
    });
  }
  return paginate(blocks);
}

function strings(input: DocumentPdfInput): string[] {
  const parts = input.parts.flatMap((part) => {
    switch (part.kind) {
      case 'meta':
        return [...part.lines];
      case 'heading':
      case 'paragraph':
        return [part.text];
      case 'fields':
        return part.rows.flatMap((row) => [row.label, row.value || '—']);
      default:
        return [];
    }
  });
  // Line breaks lay out text; they are not characters the font must have.
  return [input.title, ...parts, input.footer ?? ''].flatMap((text) => text.split('\n'));
}

function draw(page: PDFPage, op: PlacedOp, font: PDFFont): void {
  if (op.kind === 'text') page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font, color: BLACK });
  else if (op.kind === 'rule') {
    page.drawLine({ start: { x: op.x, y: op.y }, end: { x: op.x + op.width, y: op.y }, thickness: 0.4, color: BLACK });
  }
}

/**
 * An A4 PDF of a notice or a copy, in the document font subset to its characters (every character of
 * a name renders, 𠮷 included, and its text extracts exactly). Same input, same bytes.
 */
export async function renderDocumentPdf(input: DocumentPdfInput): Promise<Uint8Array> {
  const subset = await subsetDocumentFont(strings(input).filter(Boolean));
  const pages = layout(input, subset.advance);
  const pdfDoc = await PDFDocument.create({ updateMetadata: false });
  pdfDoc.registerFontkit(fontkit);
  const font = await pdfDoc.embedFont(subset.bytes, { subset: false, customName: subset.baseFontName });
  const drawn = new Set<string>();
  for (const ops of pages) {
    const page = pdfDoc.addPage([PAGE.width, PAGE.height]);
    for (const op of ops) {
      draw(page, op, font);
      if (op.kind === 'text') drawn.add(op.text);
    }
  }
  await rewriteFontMaps(pdfDoc, font, subset.font, drawn);
  const issued = new Date(`${input.issuedOn}T00:00:00+09:00`);
  pdfDoc.setTitle(input.title);
  pdfDoc.setProducer('Madoguchi');
  pdfDoc.setCreator('Madoguchi');
  pdfDoc.setCreationDate(issued);
  pdfDoc.setModificationDate(issued);
  pdfDoc.setLanguage('ja-JP');
  return pdfDoc.save();
}
