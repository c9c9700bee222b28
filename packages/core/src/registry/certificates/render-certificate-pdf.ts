import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { subsetDocumentFont } from '../../pdf/font-subset';
import { rewriteFontMaps } from '../../pdf/pdf-font-maps';
import { PAGE, type PlacedOp } from '../../pdf/pdf-layout';
import { layoutCertificate } from './certificate-layout';
import type { CertificateRenderInput } from './certificate-render.types';
import { buildCertificateContent, contentStrings } from './certificate-text';

export type {
  CertificateKind,
  CertificateOptionalItems,
  CertificateRenderInput,
  EntryCertificateItem,
} from './certificate-render.types';
export { ENTRY_CERTIFICATE_ITEMS } from './certificate-render.types';

const BLACK = rgb(0, 0, 0);

function draw(page: PDFPage, op: PlacedOp, font: PDFFont): void {
  switch (op.kind) {
    case 'text':
      page.drawText(op.text, { x: op.x, y: op.y, size: op.size, font, color: BLACK });
      return;
    case 'rule':
      page.drawLine({
        start: { x: op.x, y: op.y },
        end: { x: op.x + op.width, y: op.y },
        thickness: 0.5,
        color: BLACK,
      });
      return;
    case 'box':
      page.drawRectangle({ x: op.x, y: op.y, width: op.side, height: op.side, borderColor: BLACK, borderWidth: 0.8 });
      return;
    default: {
      const unknownOp: never = op;
      throw new RangeError(`Unknown draw op: ${JSON.stringify(unknownOp)}`);
    }
  }
}

/** The metadata names the document and its maker only: a PDF's metadata travels further than its pages. */
function setMetadata(pdfDoc: PDFDocument, title: string, issuedOn: string): void {
  const issued = new Date(`${issuedOn}T00:00:00+09:00`);
  pdfDoc.setTitle(title);
  pdfDoc.setProducer('Madoguchi');
  pdfDoc.setCreator('Madoguchi');
  pdfDoc.setCreationDate(issued);
  pdfDoc.setModificationDate(issued);
  pdfDoc.setLanguage('ja-JP');
}

/**
 * Renders a 住民票の写し, 除票の写し or 住民票記載事項証明書 as an A4 PDF in the certificate font,
 * subset to the document's characters and embedded once.
 */
export async function renderCertificatePdf(input: CertificateRenderInput): Promise<Uint8Array> {
  const content = buildCertificateContent(input);
  const subset = await subsetDocumentFont(contentStrings(content));
  const pages = layoutCertificate(content, subset.advance);

  const pdfDoc = await PDFDocument.create({ updateMetadata: false });
  pdfDoc.registerFontkit(fontkit);
  // Already subset, and pdf-lib's own subsetter breaks CJK fonts.
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
  setMetadata(pdfDoc, content.title, input.issuedOn);
  return pdfDoc.save();
}
