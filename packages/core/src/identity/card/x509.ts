/**
 * The one place that loads @peculiar/x509: every file in this folder imports `x509` from here, never from the
 * package. The library resolves its algorithms through tsyringe, which throws at import time unless
 * reflect-metadata has been evaluated first, and it needs a WebCrypto provider before any key operation.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { AppError, type AppErrorCode } from '../../errors';

x509.cryptoProvider.set(webcrypto);

export { x509 };

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** The algorithm of JPKI's 利用者証明用電子証明書: RSASSA-PKCS1-v1_5 with SHA-256. The dev CA signs with it too. */
export const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** A card key is RSA 2048, as on the My Number card; anything else is not a card we know how to trust. */
export const CARD_KEY_BITS = 2048;

export async function generateRsaKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(
    { ...RSA_SHA256, modulusLength: CARD_KEY_BITS, publicExponent: new Uint8Array([1, 0, 1]) },
    true, // extractable: the dev CA writes private keys to PEM files (a real card never lets its key out)
    ['sign', 'verify'],
  );
}

export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** Reads an RSA signing key from PKCS#8 PEM; `what` names the file in the error. */
export async function privateKeyFromPem(pem: string, what: string, code: AppErrorCode): Promise<CryptoKey> {
  try {
    const der = x509.PemConverter.decodeFirst(pem);
    return await webcrypto.subtle.importKey('pkcs8', der, RSA_SHA256, false, ['sign']);
  } catch {
    throw new AppError(code, `${what} is not an RSA private key in PKCS#8 PEM form ("-----BEGIN PRIVATE KEY-----")`, {
      file: what,
    });
  }
}

/**
 * A random 16-byte serial (RFC 5280 allows up to 20). The first byte is forced into 0x40–0x7f so the DER integer
 * is positive without a 0x00 pad and never loses a leading zero: the hex stays 32 characters everywhere.
 */
export function randomSerialHex(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x40;
  return Buffer.from(bytes).toString('hex');
}
