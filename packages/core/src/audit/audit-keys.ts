import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import { AppError } from '../errors';

/** Ed25519 keys that sign a municipality's audit checkpoints; the private key stays in a file. */
export function auditKeyFile(keyDir: string, lgCode: string): string {
  return path.join(keyDir, `audit-${lgCode}.ed25519.pem`);
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Creates the key file (mode 0600); refuses to overwrite one, since old checkpoints need it. */
export async function createAuditKeyFile(
  keyDir: string,
  lgCode: string,
): Promise<{ file: string; publicKey: KeyObject }> {
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const file = auditKeyFile(keyDir, lgCode);
  try {
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError(
        'VALIDATION_FAILED',
        `an audit key for ${lgCode} already exists at ${file}; it is not replaced`,
        { file },
      );
    }
    throw error;
  }
  return { file, publicKey };
}

export async function loadAuditPrivateKey(keyDir: string, lgCode: string): Promise<KeyObject> {
  const file = auditKeyFile(keyDir, lgCode);
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch {
    throw new AppError(
      'AUDIT_KEY_MISSING',
      `no audit key for ${lgCode} at ${file}; create one with \`madoguchi audit keygen\``,
      {
        file,
      },
    );
  }
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError('AUDIT_KEY_MISSING', `${file} is not an Ed25519 private key`, { file });
  }
  return key;
}

export async function loadPublicKeyFile(file: string): Promise<KeyObject> {
  const key = createPublicKey(await readFile(file, 'utf8'));
  if (key.asymmetricKeyType !== 'ed25519')
    throw new AppError('VALIDATION_FAILED', `${file} is not an Ed25519 public key`, { file });
  return key;
}

/** Records the public key so checkpoints can name it; idempotent. */
export async function registerAuditKey(db: Kysely<DB>, lgCode: string, publicKey: KeyObject): Promise<string> {
  const keyId = keyIdOf(publicKey);
  await db
    .insertInto('audit_key')
    .values({
      lg_code: lgCode,
      key_id: keyId,
      public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    })
    .onConflict((conflict) => conflict.columns(['lg_code', 'key_id']).doNothing())
    .execute();
  return keyId;
}

export async function findAuditPublicKeys(db: Kysely<DB>, lgCode: string): Promise<Map<string, KeyObject>> {
  const rows = await db
    .selectFrom('audit_key')
    .select(['key_id', 'public_key'])
    .where('lg_code', '=', lgCode)
    .execute();
  return new Map(rows.map((row) => [row.key_id, createPublicKey(row.public_key)]));
}
