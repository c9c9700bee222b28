import path from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CRLNumber, id_ce_cRLNumber } from '@peculiar/asn1-x509';
import { AppError } from '../../errors';
import {
  DAY_MS,
  DEV_CA_FILES,
  type DevCa,
  loadDevCa,
  saveDevCaState,
  wholeSeconds,
  writeFileAtomic,
} from './dev-ca-files';
import { RSA_SHA256, x509 } from './x509';

/** A dev CRL promises its successor within a week; revokeCard and refreshDevCrl issue one sooner. */
const CRL_VALID_DAYS = 7;

/**
 * Puts a card's serial on the CA's revocation list and writes a new signed CRL. Revoking twice keeps the first date.
 * A serial this CA never issued is refused (CARD_UNKNOWN) rather than listed.
 */
export async function revokeCard(
  dir: string,
  serialHex: string,
  now: Date = new Date(),
): Promise<{ serialHex: string; revokedAt: Date }> {
  const ca = await loadDevCa(dir);
  const serial = serialHex.replaceAll(':', '').trim().toLowerCase();
  if (!ca.state.issued.some((card) => card.serialHex === serial)) {
    throw new AppError('CARD_UNKNOWN', `this development CA issued no card with serial ${serial}`, {
      serialHex: serial,
    });
  }
  const already = ca.state.revoked.find((card) => card.serialHex === serial);
  if (already) return { serialHex: serial, revokedAt: new Date(already.revokedAt) };
  ca.state.revoked.push({ serialHex: serial, revokedAt: wholeSeconds(now.getTime()).toISOString() });
  await writeCrl(ca, now);
  return { serialHex: serial, revokedAt: wholeSeconds(now.getTime()) };
}

/** Issues a fresh CRL with the same entries, for a demo that outlives the previous CRL's nextUpdate. */
export async function refreshDevCrl(dir: string, now: Date = new Date()): Promise<void> {
  await writeCrl(await loadDevCa(dir), now);
}

export async function writeCrl(ca: DevCa, now: Date): Promise<void> {
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.certificate.subjectName,
    thisUpdate: wholeSeconds(now.getTime()),
    nextUpdate: wholeSeconds(now.getTime() + CRL_VALID_DAYS * DAY_MS),
    signingKey: ca.privateKey,
    signingAlgorithm: RSA_SHA256,
    // RFC 5280 requires both on a CRL: which key signed it, and its sequence number.
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
      new x509.Extension(id_ce_cRLNumber, false, AsnConvert.serialize(new CRLNumber(ca.state.nextCrlNumber))),
    ],
    entries: ca.state.revoked.map((card) => ({
      serialNumber: card.serialHex,
      revocationDate: new Date(card.revokedAt),
    })),
  });
  ca.state.nextCrlNumber += 1;
  // "X509 CRL" (RFC 7468), which OpenSSL reads, rather than the library's own "CRL" label.
  const pem = x509.PemConverter.encode(crl.rawData, 'X509 CRL');
  await writeFileAtomic(path.join(ca.dir, DEV_CA_FILES.crl), `${pem}\n`);
  await saveDevCaState(ca.dir, ca.state);
}
