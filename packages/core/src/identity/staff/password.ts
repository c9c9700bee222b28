import { randomBytes, timingSafeEqual } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { AppError } from '../../errors';

/**
 * Argon2id cost for new hashes: OWASP's recommended minimum (19 MiB, 2 passes, 1 lane),
 * about 60–100 ms here. hash-wasm runs in WebAssembly on the calling thread, so each hash
 * holds the event loop that long: fine for staff logins, not for a hot path.
 */
export const ARGON2_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

const SALT_BYTES = 16;

/**
 * Bounds a stored hash's parameters must lie within before we spend time on it, so a
 * corrupt or hostile row cannot make one login take gigabytes or minutes.
 */
const LIMITS = { memorySize: [8, 1_048_576], iterations: [1, 64], parallelism: [1, 16], bytes: [8, 128] } as const;

/**
 * Passwords are hashed after NFKC normalisation (NIST SP 800-63B 5.1.1.2), so the same
 * password typed with full-width or half-width characters (common with Japanese input
 * methods) is the same password.
 */
export function normalizePassword(plain: string): string {
  return plain.normalize('NFKC');
}

function passwordBytes(plain: string): Buffer {
  return Buffer.from(normalizePassword(plain), 'utf8');
}

/** An Argon2id hash of the password in PHC string format, with a fresh random salt. */
export async function hashPassword(plain: string): Promise<string> {
  if (plain.length === 0) throw new AppError('VALIDATION_FAILED', 'password must not be empty', { field: 'password' });
  return argon2id({
    password: passwordBytes(plain),
    salt: randomBytes(SALT_BYTES),
    ...ARGON2_PARAMS,
    outputType: 'encoded',
  });
}

interface ParsedHash {
  readonly memorySize: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function inRange(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}

/** Reads `$argon2id$v=19$m=…,t=…,p=…$salt$hash`; parameters may come in any order. Null if malformed. */
export function parseArgon2idHash(phc: string): ParsedHash | null {
  const parts = phc.split('$');
  if (parts.length !== 6 || parts[0] !== '' || parts[1] !== 'argon2id' || parts[2] !== 'v=19') return null;
  const params = new Map((parts[3] ?? '').split(',').map((pair) => pair.split('=') as [string, string]));
  const b64 = /^[A-Za-z0-9+/]+$/;
  if (params.size !== 3 || !b64.test(parts[4] ?? '') || !b64.test(parts[5] ?? '')) return null;
  const parsed = {
    memorySize: Number(params.get('m')),
    iterations: Number(params.get('t')),
    parallelism: Number(params.get('p')),
    salt: Buffer.from(parts[4] ?? '', 'base64'),
    hash: Buffer.from(parts[5] ?? '', 'base64'),
  };
  const valid =
    inRange(parsed.memorySize, LIMITS.memorySize) &&
    inRange(parsed.iterations, LIMITS.iterations) &&
    inRange(parsed.parallelism, LIMITS.parallelism) &&
    parsed.memorySize >= 8 * parsed.parallelism &&
    inRange(parsed.salt.length, LIMITS.bytes) &&
    inRange(parsed.hash.length, LIMITS.bytes);
  return valid ? parsed : null;
}

/**
 * Whether the password matches the stored Argon2id hash, whatever parameters it was made
 * with (hashes imported from another system, or made before the cost was raised). The
 * comparison is constant-time. A malformed hash never matches: it fails closed.
 */
export async function verifyPassword(phc: string, plain: string): Promise<boolean> {
  const parsed = parseArgon2idHash(phc);
  if (!parsed) return false;
  const password = passwordBytes(plain);
  const computed = await argon2id({
    // hash-wasm refuses an empty password; hash a stand-in so the refusal takes as long as any other.
    password: password.length > 0 ? password : Buffer.from([0]),
    salt: parsed.salt,
    memorySize: parsed.memorySize,
    iterations: parsed.iterations,
    parallelism: parsed.parallelism,
    hashLength: parsed.hash.length,
    outputType: 'binary',
  });
  return timingSafeEqual(computed, parsed.hash) && password.length > 0;
}
