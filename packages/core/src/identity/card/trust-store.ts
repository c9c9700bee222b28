/**
 * The trust anchors (the CAs whose cards we accept, e.g. J-LIS's JPKI CA) and their CRLs, parsed and checked once
 * so that each login only looks things up. A store is immutable: to refresh a CRL, load a new store and swap it in.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../errors';
import { type LabelledPem, PEM_CERTIFICATE, PEM_CRL, parseDer, pemBlocks } from './pem';
import { x509 } from './x509';

export interface TrustAnchor {
  readonly label: string;
  readonly certificate: x509.X509Certificate;
}

export interface TrustedCrl {
  readonly label: string;
  /** The anchor whose key verified this CRL's signature; only that anchor's cards are looked up in it. */
  readonly anchor: TrustAnchor;
  readonly crl: x509.X509Crl;
}

export interface TrustStore {
  readonly anchors: readonly TrustAnchor[];
  readonly crls: readonly TrustedCrl[];
  readonly loadedAt: Date;
}

export interface TrustStoreInput {
  readonly anchorPems: readonly string[];
  readonly crlPems?: readonly string[];
}

/** Parses anchors and CRLs; anything unparsable, a non-CA anchor or a CRL no anchor signed is CARD_INVALID. */
export async function loadTrustStore(input: TrustStoreInput, now: Date = new Date()): Promise<TrustStore> {
  const label = (name: string) => (pem: string, index: number) => ({ label: `${name}[${index}]`, pem });
  return load(input.anchorPems.map(label('anchorPems')), (input.crlPems ?? []).map(label('crlPems')), now);
}

/** The same from files, whose paths name what is wrong in errors. */
export async function loadTrustStoreFromFiles(
  input: { readonly anchorFiles: readonly string[]; readonly crlFiles?: readonly string[] },
  now: Date = new Date(),
): Promise<TrustStore> {
  const read = (file: string): Promise<LabelledPem> =>
    readFile(file, 'utf8').then(
      (pem) => ({ label: file, pem }),
      (error: NodeJS.ErrnoException) => {
        throw new AppError('CARD_INVALID', `${file} cannot be read (${error.code ?? error.message})`, { source: file });
      },
    );
  const anchors = await Promise.all(input.anchorFiles.map(read));
  return load(anchors, await Promise.all((input.crlFiles ?? []).map(read)), now);
}

/**
 * What an operator should hear about: an anchor without a CRL, or a CRL past its nextUpdate. Logins still go on
 * (a late CRL download must not close every counter), so the caller logs or alerts on these.
 */
export function revocationWarnings(store: TrustStore, now: Date = new Date()): string[] {
  const warnings: string[] = [];
  for (const anchor of store.anchors) {
    if (!store.crls.some((entry) => entry.anchor === anchor)) {
      warnings.push(`no CRL is loaded for trust anchor ${anchor.label} ("${anchor.certificate.subject}")`);
    }
  }
  for (const { label, crl } of store.crls) {
    if (crl.nextUpdate && crl.nextUpdate < now) {
      warnings.push(`CRL ${label} is out of date: its nextUpdate was ${crl.nextUpdate.toISOString()}`);
    }
  }
  return warnings;
}

async function load(anchorSources: LabelledPem[], crlSources: LabelledPem[], now: Date): Promise<TrustStore> {
  if (anchorSources.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'no trust anchor is configured: no card could ever be accepted', {
      field: 'anchorPems',
    });
  }
  const anchors = anchorSources
    .flatMap((source) => pemBlocks(source, PEM_CERTIFICATE))
    .map((block) => {
      const certificate = parseDer(block, 'X.509 certificate', (der) => new x509.X509Certificate(der));
      assertCa(block.label, certificate);
      return { label: block.label, certificate };
    });
  const crls: TrustedCrl[] = [];
  for (const block of crlSources.flatMap((source) => pemBlocks(source, PEM_CRL))) {
    const crl = parseDer(block, 'X.509 CRL', (der) => new x509.X509Crl(der));
    crls.push({ label: block.label, anchor: await crlSigner(block.label, crl, anchors), crl });
  }
  return { anchors, crls, loadedAt: now };
}

function assertCa(label: string, certificate: x509.X509Certificate): void {
  const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
  const keyUsage = certificate.getExtension(x509.KeyUsagesExtension);
  const signsCertificates = !keyUsage || (keyUsage.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
  if (!constraints?.ca || !signsCertificates) {
    throw new AppError('CARD_INVALID', `${label} is not a CA certificate, so it cannot be a trust anchor`, {
      source: label,
    });
  }
}

/**
 * The anchor that signed a CRL. A CRL must be signed by a configured anchor: one that is not could list or omit
 * anything, so it is refused at load rather than trusted or skipped silently at login.
 */
async function crlSigner(label: string, crl: x509.X509Crl, anchors: TrustAnchor[]): Promise<TrustAnchor> {
  const named = anchors.filter((anchor) => anchor.certificate.subject === crl.issuer);
  if (named.length === 0) {
    throw new AppError(
      'CARD_INVALID',
      `${label} was issued by "${crl.issuer}", which is not a configured trust anchor`,
      {
        source: label,
      },
    );
  }
  for (const anchor of named) {
    const verified = await crl.verify({ publicKey: anchor.certificate }).catch(() => false);
    if (verified) return anchor;
  }
  throw new AppError(
    'CARD_INVALID',
    `${label} names "${crl.issuer}" as issuer but its signature does not verify with that trust anchor's key`,
    { source: label },
  );
}
