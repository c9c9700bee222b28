/**
 * What the card does in the JPKI flow, done with a key file instead of a chip: the demo "card" for the CLI and the
 * web UI. A real card signs inside the chip after the 4-digit PIN; nothing here is used for real cards.
 */
import { webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import { decodeBase64url, encodeBase64url } from './base64url';
import { CARD_FILES } from './dev-ca-files';
import { privateKeyFromPem, RSA_SHA256 } from './x509';

/** Signs the challenge's bytes (RSASSA-PKCS1-v1_5, SHA-256) with the card's key; returns the signature as base64url. */
export async function signChallenge(cardDir: string, challengeBase64url: string): Promise<string> {
  const challenge = decodeBase64url(challengeBase64url, 'challenge', 'VALIDATION_FAILED');
  const keyFile = path.join(cardDir, CARD_FILES.privateKey);
  const key = await privateKeyFromPem(await readCardFile(keyFile), keyFile, 'CARD_INVALID');
  return encodeBase64url(await webcrypto.subtle.sign(RSA_SHA256, key, challenge));
}

/** The card's certificate (PEM), which the client sends along with the signature. */
export async function readCardCertificate(cardDir: string): Promise<string> {
  return readCardFile(path.join(cardDir, CARD_FILES.certificate));
}

async function readCardFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new AppError('VALIDATION_FAILED', `${path.dirname(file)} holds no card (${path.basename(file)} is missing)`, {
      file,
    });
  }
}
