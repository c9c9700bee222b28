import { access, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import { type CryptoKey, privateKeyFromPem, x509 } from './x509';

/** What a development CA directory holds. */
export const DEV_CA_FILES = {
  certificate: 'ca-cert.pem',
  privateKey: 'ca-key.pem',
  crl: 'ca.crl.pem',
  state: 'ca.json',
} as const;

/** What a "card" directory holds: the certificate and the key that a real card keeps inside its chip. */
export const CARD_FILES = { certificate: 'cert.pem', privateKey: 'key.pem' } as const;

export const DEV_CA_NAME = 'Madoguchi Development CA — NOT FOR PRODUCTION';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Backdating notBefore a little keeps a fresh certificate usable on a server whose clock runs slightly behind. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** X.509 times have whole seconds; rounding here keeps what we return equal to what the certificate says. */
export const wholeSeconds = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);

/** Private keys are readable by their owner only. */
export const PRIVATE_KEY_MODE = 0o600;

export interface DevCaState {
  readonly format: 'madoguchi-dev-ca/1';
  readonly createdAt: string;
  /** cRLNumber of the next CRL: it must grow, so a relying party can tell a newer CRL from an older one. */
  nextCrlNumber: number;
  /** Serials this CA issued, so revoking a mistyped serial fails instead of silently listing a stranger's. */
  issued: { serialHex: string; issuedAt: string; notAfter: string }[];
  revoked: { serialHex: string; revokedAt: string }[];
}

export interface DevCa {
  readonly dir: string;
  readonly certificate: x509.X509Certificate;
  readonly privateKey: CryptoKey;
  readonly state: DevCaState;
}

export async function loadDevCa(dir: string): Promise<DevCa> {
  const read = async (name: string): Promise<string> => {
    try {
      return await readFile(path.join(dir, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new AppError(
        'VALIDATION_FAILED',
        `${dir} holds no development CA (${name} is missing): run initDevCa first`,
        {
          dir,
        },
      );
    }
  };
  const certificate = new x509.X509Certificate(await read(DEV_CA_FILES.certificate));
  const keyFile = path.join(dir, DEV_CA_FILES.privateKey);
  const privateKey = await privateKeyFromPem(await read(DEV_CA_FILES.privateKey), keyFile, 'VALIDATION_FAILED');
  const state = JSON.parse(await read(DEV_CA_FILES.state)) as DevCaState;
  if (state.format !== 'madoguchi-dev-ca/1') {
    throw new AppError('VALIDATION_FAILED', `${path.join(dir, DEV_CA_FILES.state)} is not a madoguchi-dev-ca/1 file`, {
      dir,
    });
  }
  return { dir, certificate, privateKey, state };
}

/** Writes beside the target and renames, so a reader never sees half a CRL or half a ca.json. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export async function saveDevCaState(dir: string, state: DevCaState): Promise<void> {
  await writeFileAtomic(path.join(dir, DEV_CA_FILES.state), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Refuses a directory that already holds one of `names`, before any slow key generation. The exclusive writes
 * (`writeNewPrivateKey`) remain the guard against a race; this gives the early, clear answer.
 */
export async function assertFree(dir: string, names: readonly string[], whatExists: string): Promise<void> {
  for (const name of names) {
    const exists = await access(path.join(dir, name)).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${dir} already holds ${whatExists} (${name}): choose another directory`,
        {
          dir,
        },
      );
    }
  }
}

/** Creates a private key file, never replacing one: `wx` fails with EEXIST instead. */
export async function writeNewPrivateKey(file: string, pem: string, whatExists: string): Promise<void> {
  try {
    await writeFile(file, pem, { mode: PRIVATE_KEY_MODE, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new AppError(
      'VALIDATION_FAILED',
      `${path.dirname(file)} already holds ${whatExists}: choose an empty directory`,
      {
        file,
      },
    );
  }
}
