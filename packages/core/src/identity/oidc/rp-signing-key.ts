import { importJWK, type JWK } from 'jose';
import type { CryptoKey } from 'openid-client';
import { AppError } from '../../errors';

/** The two algorithms the Digital Agency's OP and common staff IdPs accept for private_key_jwt. */
export type RpSigningAlg = 'RS256' | 'ES256';

/** The RP's private key, ready for openid-client's PrivateKeyJwt (kid lets the OP pick the right public key). */
export interface RpSigningKey {
  readonly key: CryptoKey;
  readonly kid?: string;
  readonly alg: RpSigningAlg;
}

// Members of a private JWK that must never leave the RP (RFC 7517 §9.1 / RFC 7518 §6).
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

function invalidKey(message: string): AppError {
  return new AppError('VALIDATION_FAILED', `privateJwk ${message}`, { field: 'privateJwk' });
}

/** RS256 for an RSA key, ES256 for a P-256 key; anything else is refused before it reaches the OP. */
export function signingAlgOf(jwk: JWK): RpSigningAlg {
  const alg: RpSigningAlg | undefined =
    jwk.kty === 'RSA' ? 'RS256' : jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : undefined;
  if (!alg) throw invalidKey('must be an RSA key (RS256) or an EC P-256 key (ES256)');
  if (jwk.alg !== undefined && jwk.alg !== alg) throw invalidKey(`declares alg ${jwk.alg}, expected ${alg}`);
  return alg;
}

export async function importRpSigningKey(jwk: JWK): Promise<RpSigningKey> {
  const alg = signingAlgOf(jwk);
  if (typeof jwk.d !== 'string') throw invalidKey('is a public key: the RP needs its private key to sign');
  let key: CryptoKey | Uint8Array;
  try {
    // Not extractable: once imported, the key material cannot be exported again from the key object.
    key = await importJWK(jwk, alg, { extractable: false });
  } catch {
    throw invalidKey(`could not be imported as an ${alg} key`);
  }
  if (key instanceof Uint8Array) throw invalidKey('is a symmetric key');
  return { key, alg, ...(jwk.kid ? { kid: jwk.kid } : {}) };
}

/** The public half, as the RP publishes it (its jwks_uri, or the JWKS registered with the OP). */
export function publicJwkOf(privateJwk: JWK): JWK {
  const alg = signingAlgOf(privateJwk);
  const publicJwk = Object.fromEntries(Object.entries(privateJwk).filter(([name]) => !PRIVATE_MEMBERS.has(name)));
  return { ...publicJwk, alg, use: 'sig' };
}
