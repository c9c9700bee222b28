import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { AppError } from '../../errors';

/**
 * 個人番号 at rest: AES-256-GCM under a data key the operator keeps outside the database (a file
 * readable by the service only; an HSM or KMS in production wraps it). The person id is bound as
 * associated data, so a ciphertext copied to another person does not decrypt. A second key derived
 * with HKDF gives an HMAC to find duplicates without decrypting. The key id is the first 8 bytes of
 * the key's SHA-256, stored with each row for rotation.
 */
export class IndividualNumberCipher {
  readonly keyId: string;
  readonly #key: Buffer;
  readonly #lookupKey: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new RangeError('the individual-number key must be 32 bytes');
    this.#key = Buffer.from(key);
    this.#lookupKey = Buffer.from(
      hkdfSync('sha256', this.#key, Buffer.alloc(0), 'madoguchi individual-number lookup', 32),
    );
    this.keyId = createHash('sha256').update(this.#key).digest('hex').slice(0, 16);
  }

  encrypt(personId: string, individualNumber: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(personId));
    const body = Buffer.concat([cipher.update(individualNumber, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]);
  }

  decrypt(personId: string, blob: Uint8Array): string {
    const data = Buffer.from(blob);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, data.subarray(0, 12));
    decipher.setAAD(Buffer.from(personId));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString('utf8');
  }

  lookupHash(individualNumber: string): Buffer {
    return createHmac('sha256', this.#lookupKey).update(individualNumber).digest();
  }
}

/** Reads a key file: 32 random bytes, base64 (one line). */
export async function loadIndividualNumberKey(file: string): Promise<IndividualNumberCipher> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AppError('INDIVIDUAL_NUMBER_KEY_MISSING', 'the individual-number key file cannot be read', {
      option: '--individual-number-key',
    });
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) {
    throw new AppError('INDIVIDUAL_NUMBER_KEY_MISSING', 'the individual-number key file must hold 32 bytes in base64', {
      option: '--individual-number-key',
    });
  }
  return new IndividualNumberCipher(key);
}

/** Creates a key file (mode 0600) unless one exists; used by the demo and by `madoguchi registry keygen`. */
export async function createIndividualNumberKey(file: string): Promise<void> {
  await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
}
