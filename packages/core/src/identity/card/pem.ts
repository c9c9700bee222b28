import { AppError } from '../../errors';
import { x509 } from './x509';

/** A PEM text and the words that name it in an error: a file path, or "anchorPems[2]". */
export interface LabelledPem {
  readonly label: string;
  readonly pem: string;
}

export interface PemBlock {
  readonly label: string;
  readonly der: ArrayBuffer;
}

export const PEM_CERTIFICATE = ['CERTIFICATE'] as const;
/** RFC 7468 and OpenSSL say "X509 CRL"; @peculiar/x509's own toString('pem') says "CRL". Both are read. */
export const PEM_CRL = ['X509 CRL', 'CRL'] as const;

/**
 * Splits a PEM text into its blocks, all of which must be of one of `types`. One text may hold several (a bundle of
 * anchors), so each block gets its own label for errors.
 */
export function pemBlocks(source: LabelledPem, types: readonly string[]): PemBlock[] {
  const [type] = types;
  const blocks = typeof source.pem === 'string' ? x509.PemConverter.decodeWithHeaders(source.pem) : [];
  if (blocks.length === 0) {
    throw new AppError('CARD_INVALID', `${source.label} holds no PEM block: expected "-----BEGIN ${type}-----"`, {
      source: source.label,
    });
  }
  return blocks.map((block, index) => {
    const label = blocks.length > 1 ? `${source.label} (PEM block ${index + 1})` : source.label;
    if (!types.includes(block.type)) {
      throw new AppError('CARD_INVALID', `${label} is a PEM "${block.type}", expected "${type}"`, { source: label });
    }
    return { label, der: block.rawData };
  });
}

/** Runs a library parser on DER; any failure becomes CARD_INVALID naming the block and what it should have been. */
export function parseDer<T>(block: PemBlock, what: string, parse: (der: ArrayBuffer) => T): T {
  try {
    return parse(block.der);
  } catch {
    throw new AppError('CARD_INVALID', `${block.label} is not a valid ${what} (its DER content does not parse)`, {
      source: block.label,
    });
  }
}
