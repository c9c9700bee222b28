/** Helpers for this folder's tests only (not exported from index.ts). */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { type AppErrorCode, isAppError } from '../../errors';
import { readCardCertificate, signChallenge } from './card-signer';
import { createChallenge } from './challenge';
import type { CardSignatureInput } from './verify-card-signature';
import { type CryptoKey, privateKeyFromPem, RSA_SHA256, x509 } from './x509';

export function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'madoguchi-card-'));
}

/** What a client sends after the card signed a fresh challenge. */
export async function presentCard(cardDir: string, challenge = createChallenge()): Promise<CardSignatureInput> {
  return {
    certificatePem: await readCardCertificate(cardDir),
    challenge,
    signature: await signChallenge(cardDir, challenge),
  };
}

export function readText(...parts: string[]): Promise<string> {
  return readFile(path.join(...parts), 'utf8');
}

/** Awaits a rejection and checks it is an AppError with `code`; returns it for checks on the message. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<Error> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw error;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  return error;
}

/** A certificate the dev CA would never issue (any key, any key usage) signed by its key: for CARD_INVALID cases. */
export async function oddCertificate(
  caDir: string,
  keys: { publicKey: CryptoKey },
  keyUsage: x509.KeyUsageFlags,
): Promise<string> {
  const ca = new x509.X509Certificate(await readText(caDir, 'ca-cert.pem'));
  const caKeyFile = path.join(caDir, 'ca-key.pem');
  const signingKey = await privateKeyFromPem(await readText(caKeyFile), caKeyFile, 'VALIDATION_FAILED');
  const certificate = await x509.X509CertificateGenerator.create({
    subject: 'CN=ODD CARD',
    issuer: ca.subjectName,
    notAfter: new Date(Date.now() + 24 * 60 * 60 * 1000),
    publicKey: keys.publicKey,
    signingKey,
    signingAlgorithm: RSA_SHA256,
    extensions: [new x509.KeyUsagesExtension(keyUsage, true)],
  });
  return certificate.toString('pem');
}

/** The same PEM armour around only the first 48 bytes of the DER: a certificate that does not parse. */
export function truncated(pem: string): string {
  const body = pem.split('\n').filter((line) => !line.startsWith('-----'));
  return `-----BEGIN CERTIFICATE-----\n${body.join('').slice(0, 64)}\n-----END CERTIFICATE-----\n`;
}
