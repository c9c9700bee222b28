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
} from '../../pdf/pdf-layout';
import { type CertificateContent, footerText } from './certificate-text';
import type { CertificateField } from './person-fields';

const TITLE_SIZE = 16;
const BODY_SIZE = 9;
const LABEL_SIZE = 8;
const CERTIFICATION_SIZE = 10.5;
const MAYOR_SIZE = 12.5;
const SEAL_MARK_SIZE = 16;
const FOOTER_SIZE = 8;
const LEADING = 12;
const ROW_PADDING = 1.5;
const LABEL_WIDTH = 86;
const COLUMN_GAP = 12;
const HALF_WIDTH = (CONTENT_WIDTH - COLUMN_GAP) / 2;
const SEAL_SIDE = 36;
const LEFT = PAGE.marginX;
const RIGHT = PAGE.marginX + CONTENT_WIDTH;

function spacer(height: number): Row {
  return { height, ops: [] };
}

function ruleRow(): Row {
  return { height: 5, ops: [{ kind: 'rule', x: LEFT, top: 2, width: CONTENT_WIDTH }] };
}

/** A label and its value in a cell `width` wide, wrapped; the label's baseline is aligned with the value's. */
function cellOps(
  field: CertificateField,
  x: number,
  width: number,
  advance: Advance,
): { ops: DrawOp[]; lines: number } {
  const labelLines = wrapText(field.label, LABEL_WIDTH - 6, LABEL_SIZE, advance);
  const valueLines = wrapText(field.value, width - LABEL_WIDTH, BODY_SIZE, advance);
  const labelTop = ROW_PADDING + BODY_SIZE - LABEL_SIZE;
  return {
    ops: [
      ...textLines(labelLines, x, labelTop, LABEL_SIZE, LEADING),
      ...textLines(valueLines, x + LABEL_WIDTH, ROW_PADDING, BODY_SIZE, LEADING),
    ],
    lines: Math.max(labelLines.length, valueLines.length),
  };
}

/** Wide fields take a row; the others share rows two by two, in order. */
function fieldRows(fields: readonly CertificateField[], advance: Advance): Row[] {
  const rows: Row[] = [];
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (!field) continue;
    const next = fields[index + 1];
    const cells = [cellOps(field, LEFT, field.wide ? CONTENT_WIDTH : HALF_WIDTH, advance)];
    if (!field.wide && next && !next.wide) {
      cells.push(cellOps(next, LEFT + HALF_WIDTH + COLUMN_GAP, HALF_WIDTH, advance));
      index++;
    }
    const lines = Math.max(...cells.map((cell) => cell.lines));
    rows.push({ height: lines * LEADING + 2 * ROW_PADDING, ops: cells.flatMap((cell) => cell.ops) });
  }
  return rows;
}

/** A paragraph as one row per line, so it may run onto the next page. */
function paragraphRows(text: string, x: number, size: number, advance: Advance): Row[] {
  return wrapText(text, RIGHT - x, size, advance).map((line) => ({
    height: size * 1.5,
    ops: textLines([line], x, size * 0.2, size, 0),
  }));
}

function rightAligned(text: string, top: number, size: number, advance: Advance): DrawOp {
  return { kind: 'text', x: RIGHT - advance(text) * size, top: top + size, size, text };
}

function headerBlock(content: CertificateContent, advance: Advance): Block {
  const [issueNo = '', issuedOn = ''] = content.issueLines;
  const titleX = LEFT + (CONTENT_WIDTH - advance(content.title) * TITLE_SIZE) / 2;
  return {
    keepTogether: true,
    rows: [
      { height: 30, ops: [{ kind: 'text', x: titleX, top: TITLE_SIZE, size: TITLE_SIZE, text: content.title }] },
      {
        height: 14,
        ops: [
          ...textLines([content.municipalityName], LEFT, 0, BODY_SIZE, 0),
          rightAligned(issueNo, 0, BODY_SIZE, advance),
        ],
      },
      { height: 14, ops: [rightAligned(issuedOn, 0, BODY_SIZE, advance)] },
      spacer(6),
    ],
  };
}

/** The certification sentence, its date and the mayor's title beside the square the seal goes in. */
function certificationBlock(content: CertificateContent, advance: Advance): Block {
  const size = CERTIFICATION_SIZE;
  const sealX = RIGHT - SEAL_SIDE;
  const sealTop = 4;
  // Baselines a third of the size below the middle centre the text on the square by eye.
  const middle = sealTop + SEAL_SIDE / 2;
  const sealRow: Row = {
    height: SEAL_SIDE + 2 * sealTop,
    ops: [
      {
        kind: 'text',
        x: sealX - 14 - advance(content.mayorTitle) * MAYOR_SIZE,
        top: middle + MAYOR_SIZE * 0.35,
        size: MAYOR_SIZE,
        text: content.mayorTitle,
      },
      { kind: 'box', x: sealX, top: sealTop, side: SEAL_SIDE },
      {
        kind: 'text',
        x: sealX + (SEAL_SIDE - advance(content.sealMark) * SEAL_MARK_SIZE) / 2,
        top: middle + SEAL_MARK_SIZE * 0.35,
        size: SEAL_MARK_SIZE,
        text: content.sealMark,
      },
    ],
  };
  return {
    keepTogether: true,
    rows: [
      spacer(16),
      ...paragraphRows(content.certification, LEFT + size, size, advance),
      spacer(6),
      ...paragraphRows(content.certifiedOn, LEFT + size * 3, size, advance),
      spacer(6),
      sealRow,
    ],
  };
}

/** Lays the certificate out page by page, with the footer '交付番号 N　x / y' on each. */
export function layoutCertificate(content: CertificateContent, advance: Advance): PlacedOp[][] {
  const household = fieldRows(content.household, advance);
  const blocks: Block[] = [
    headerBlock(content, advance),
    ...(household.length > 0 ? [{ keepTogether: true, rows: [ruleRow(), ...household] }] : []),
    ...content.persons.map((fields) => ({ keepTogether: true, rows: [ruleRow(), ...fieldRows(fields, advance)] })),
    { keepTogether: false, rows: [ruleRow()] },
    ...(content.omissionNote
      ? [{ keepTogether: false, rows: paragraphRows(content.omissionNote, LEFT, LABEL_SIZE, advance) }]
      : []),
    certificationBlock(content, advance),
  ];
  const pages = paginate(blocks);
  return pages.map((ops, index) => {
    const footer = footerText(content, index + 1, pages.length);
    const x = LEFT + (CONTENT_WIDTH - advance(footer) * FOOTER_SIZE) / 2;
    return [...ops, { kind: 'text', x, y: PAGE.marginBottom / 2, size: FOOTER_SIZE, text: footer }];
  });
}
