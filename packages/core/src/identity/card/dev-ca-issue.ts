import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import {
  assertFree,
  CARD_FILES,
  CLOCK_SKEW_MS,
  DAY_MS,
  loadDevCa,
  saveDevCaState,
  wholeSeconds,
  writeNewPrivateKey,
} from './dev-ca-files';
import { generateRsaKeyPair, privateKeyToPem, RSA_SHA256, randomSerialHex, x509 } from './x509';

/** About five years, like a real 利用者証明用電子証明書 (valid until the fifth birthday after issue). */
const CARD_VALID_DAYS = 5 * 365;

export interface IssueCardOptions {
  /** Where cert.pem and key.pem go; must not already hold a card. */
  readonly outDir: string;
  /** Defaults to "DEV CARD <serial>". Never a name, address or My Number: the certificate leaves the card. */
  readonly subjectCommonName?: string;
  readonly validDays?: number;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

export interface IssuedCard {
  readonly serialHex: string;
  /** Issuer distinguished name, as verifyCardSignature reports it: with the serial, what a card binding records. */
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly certificatePem: string;
}

/**
 * Issues a "card": an end-entity certificate signed by the dev CA and its key, written to `outDir`. Like a real
 * 利用者証明用 certificate, it identifies the card by serial and carries no personal data.
 */
export async function issueCard(dir: string, options: IssueCardOptions, now: Date = new Date()): Promise<IssuedCard> {
  const ca = await loadDevCa(dir);
  const serialHex = randomSerialHex();
  // The default is checked by construction; a chosen name is checked (a hex serial may hold a run of 12 digits).
  const commonName =
    options.subjectCommonName === undefined ? `DEV CARD ${serialHex}` : checkCommonName(options.subjectCommonName);
  const validDays = options.validDays ?? CARD_VALID_DAYS;
  if (!(validDays > 0)) throw new AppError('VALIDATION_FAILED', 'validDays must be positive', { field: 'validDays' });
  const notBefore = wholeSeconds((options.notBefore ?? new Date(now.getTime() - CLOCK_SKEW_MS)).getTime());
  const notAfter = wholeSeconds((options.notAfter ?? new Date(now.getTime() + validDays * DAY_MS)).getTime());
  if (notAfter <= notBefore) {
    throw new AppError('VALIDATION_FAILED', 'notAfter must be later than notBefore', { field: 'notAfter' });
  }
  await assertFree(options.outDir, Object.values(CARD_FILES), 'a card');
  const keys = await generateRsaKeyPair();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex,
    subject: [{ CN: [commonName] }],
    issuer: ca.certificate.subjectName,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      // Like the 利用者証明用 certificate: it proves "this card is present", it signs nothing else.
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
    ],
  });
  await mkdir(options.outDir, { recursive: true });
  const keyFile = path.join(options.outDir, CARD_FILES.privateKey);
  await writeNewPrivateKey(keyFile, await privateKeyToPem(keys.privateKey), 'a card key');
  const certificatePem = certificate.toString('pem');
  await writeFile(path.join(options.outDir, CARD_FILES.certificate), `${certificatePem}\n`, { flag: 'wx' });
  ca.state.issued.push({ serialHex, issuedAt: now.toISOString(), notAfter: certificate.notAfter.toISOString() });
  await saveDevCaState(dir, ca.state);
  return {
    serialHex,
    issuer: certificate.issuer,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    certificatePem,
  };
}

/** Printable ASCII only, so a name in kanji or kana cannot end up in a dev certificate by habit. */
function checkCommonName(commonName: string): string {
  if (!/^[\x20-\x7e]{1,64}$/.test(commonName) || /\d{12}/.test(commonName)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'subjectCommonName must be 1–64 printable ASCII characters and hold no personal identifier (no 12-digit number)',
      { field: 'subjectCommonName' },
    );
  }
  return commonName;
}
