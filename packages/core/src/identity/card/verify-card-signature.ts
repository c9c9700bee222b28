/**
 * The server's half of the JPKI-style login: is this certificate a card from a CA we trust, valid now and not
 * revoked, and did its key sign our challenge? Checks run in a fixed order (parse, issuer, validity, revocation, key
 * usage, signature) so the same card always gets the same answer. Messages name serials and dates, never the subject.
 */
import { webcrypto } from 'node:crypto';
import { AppError } from '../../errors';
import { decodeBase64url } from './base64url';
import { PEM_CERTIFICATE, parseDer, pemBlocks } from './pem';
import type { TrustAnchor, TrustStore } from './trust-store';
import { CARD_KEY_BITS, type CryptoKey, RSA_SHA256, x509 } from './x509';

export interface CardSignatureInput {
  /** The card's certificate as PEM, exactly one block. */
  readonly certificatePem: string;
  /** The challenge the server issued, base64url; the card signs its decoded bytes. */
  readonly challenge: string;
  /** RSASSA-PKCS1-v1_5 SHA-256 signature over the challenge bytes, base64url. */
  readonly signature: string;
}

export interface VerifiedCard {
  /** Lower-case hex: with the issuer, what identifies the card (and what a CRL lists). */
  readonly serialHex: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

export async function verifyCardSignature(
  store: TrustStore,
  input: CardSignatureInput,
  now: Date = new Date(),
): Promise<VerifiedCard> {
  // 1. Parse everything before judging anything.
  const blocks = pemBlocks({ label: 'the card certificate', pem: input.certificatePem }, PEM_CERTIFICATE);
  const [block] = blocks;
  if (!block || blocks.length > 1) {
    throw new AppError('CARD_INVALID', 'the card certificate must be exactly one PEM certificate', {
      blocks: blocks.length,
    });
  }
  const certificate = parseDer(block, 'X.509 certificate', (der) => new x509.X509Certificate(der));
  const challenge = decodeBase64url(input.challenge, 'challenge', 'CARD_INVALID');
  const signature = decodeBase64url(input.signature, 'signature', 'CARD_INVALID');
  const serialHex = certificate.serialNumber.toLowerCase();
  const publicKey = await cardPublicKey(certificate, serialHex);

  // 2. Issued (signed) by a configured anchor.
  const anchor = await issuingAnchor(store, certificate, serialHex);

  // 3. Within its validity period.
  if (now < certificate.notBefore || now > certificate.notAfter) {
    const when =
      now < certificate.notBefore
        ? `is not valid until ${certificate.notBefore.toISOString()}`
        : `expired on ${certificate.notAfter.toISOString()}`;
    throw new AppError('CARD_EXPIRED', `the card certificate (serial ${serialHex}) ${when}`, {
      serialHex,
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
    });
  }

  // 4. Not on a CRL of the anchor that issued it.
  for (const { label, crl } of store.crls.filter((entry) => entry.anchor === anchor)) {
    const entry = crl.findRevoked(certificate);
    if (entry) {
      throw new AppError(
        'CARD_REVOKED',
        `the card certificate (serial ${serialHex}) was revoked on ${entry.revocationDate.toISOString()}`,
        { serialHex, revokedAt: entry.revocationDate.toISOString(), crl: label },
      );
    }
  }

  // 5. Meant for authentication: an end-entity key with digitalSignature (a CA certificate is not a card).
  const keyUsage = certificate.getExtension(x509.KeyUsagesExtension);
  const isCa = certificate.getExtension(x509.BasicConstraintsExtension)?.ca === true;
  if (!keyUsage || (keyUsage.usages & x509.KeyUsageFlags.digitalSignature) === 0 || isCa) {
    const what = isCa ? 'is a CA certificate, not a card' : 'does not allow digitalSignature in its key usage';
    throw new AppError('CARD_INVALID', `the card certificate (serial ${serialHex}) ${what}`, { serialHex });
  }

  // 6. The card's key signed this very challenge.
  const verified = await webcrypto.subtle.verify(RSA_SHA256, publicKey, signature, challenge);
  if (!verified) {
    throw new AppError(
      'CARD_BAD_SIGNATURE',
      `the signature does not verify with the key of card ${serialHex}: a different challenge or another card's key was used`,
      { serialHex },
    );
  }
  return { serialHex, issuer: certificate.issuer, notBefore: certificate.notBefore, notAfter: certificate.notAfter };
}

/** The card's RSA 2048 public key, ready to verify RSASSA-PKCS1-v1_5 SHA-256; any other key is not a card. */
async function cardPublicKey(certificate: x509.X509Certificate, serialHex: string): Promise<CryptoKey> {
  const key = await certificate.publicKey.export(RSA_SHA256, ['verify']).catch(() => null);
  const bits = (key?.algorithm as { modulusLength?: number } | undefined)?.modulusLength;
  if (!key || bits !== CARD_KEY_BITS) {
    const what = key ? `an RSA ${bits}-bit key` : 'a key that is not RSA';
    throw new AppError('CARD_INVALID', `the card certificate (serial ${serialHex}) has ${what}; cards use RSA 2048`, {
      serialHex,
    });
  }
  return key as CryptoKey;
}

async function issuingAnchor(store: TrustStore, certificate: x509.X509Certificate, serialHex: string) {
  const named = store.anchors.filter((anchor) => anchor.certificate.subject === certificate.issuer);
  for (const anchor of named) {
    const verified = await certificate
      .verify({ publicKey: anchor.certificate, signatureOnly: true })
      .catch(() => false);
    if (verified) return anchor satisfies TrustAnchor;
  }
  const why =
    named.length === 0
      ? 'which is not a configured trust anchor'
      : "but the issuer's signature on it does not verify with that trust anchor's key";
  throw new AppError(
    'CARD_UNTRUSTED_ISSUER',
    `the card certificate (serial ${serialHex}) was issued by "${certificate.issuer}", ${why}`,
    { serialHex, issuer: certificate.issuer },
  );
}
