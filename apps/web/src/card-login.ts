import { importDemoCardKey, looksLikeCertificate, looksLikePrivateKey, signChallenge } from './demo-card-signer';
import type { LoginErrorKey, LoginFieldError } from './messages/messages';
import { completeCardLogin, requestCardChallenge, type SessionInfo } from './session-api';

/** The login form's fields, in the order they appear (and so in the error summary). */
export const loginFields = ['lgCode', 'certificate', 'key'] as const;
export type LoginField = (typeof loginFields)[number];
export type LoginFieldErrors = Partial<Record<LoginField, LoginFieldError>>;

export interface CardLoginInput {
  readonly lgCode: string;
  readonly certificateFile: File | null;
  readonly keyFile: File | null;
}

export type CardLoginOutcome =
  | { readonly kind: 'ok'; readonly session: SessionInfo }
  | { readonly kind: 'invalid'; readonly errors: LoginFieldErrors }
  | { readonly kind: 'refused'; readonly reason: LoginErrorKey; readonly code: string };

/** PEM files of a card are a few kilobytes; anything much larger is the wrong file. */
const MAX_PEM_BYTES = 64 * 1024;

const KNOWN_CODES: ReadonlySet<string> = new Set<LoginErrorKey>([
  'CARD_REVOKED',
  'CARD_EXPIRED',
  'CARD_UNTRUSTED_ISSUER',
  'CARD_BAD_SIGNATURE',
  'CARD_UNKNOWN',
  'CARD_INVALID',
  'CHALLENGE_EXPIRED',
  'TOO_MANY_REQUESTS',
  'NOT_CONFIGURED',
  'NETWORK',
]);

/** Which explanation an API error code gets; unknown codes get the general one. */
export function loginErrorKey(code: string, status: number): LoginErrorKey {
  if (code === 'CHALLENGE_REUSED') return 'CHALLENGE_EXPIRED';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  return KNOWN_CODES.has(code) ? (code as LoginErrorKey) : 'OTHER';
}

async function readPem(file: File): Promise<string | null> {
  if (file.size > MAX_PEM_BYTES) return null;
  return file.text();
}

/**
 * The whole card login: check the files, ask for a challenge, sign it with the demo card's key
 * (in this page's memory only) and send the certificate with the signature. The key is checked
 * before a challenge is asked for, so a wrong file costs no login attempt.
 */
export async function loginWithDemoCard(input: CardLoginInput): Promise<CardLoginOutcome> {
  // Browsers offer WebCrypto only on https (and localhost); without it every key would look
  // unusable, which would send the resident looking for a problem in the wrong place.
  if (!window.isSecureContext || !globalThis.crypto?.subtle) {
    return { kind: 'refused', reason: 'INSECURE_CONTEXT', code: 'INSECURE_CONTEXT' };
  }
  const errors: LoginFieldErrors = {};
  if (!input.lgCode) errors.lgCode = 'tenantMissing';

  let certificate: string | null = null;
  if (!input.certificateFile) errors.certificate = 'certificateMissing';
  else {
    certificate = await readPem(input.certificateFile);
    if (certificate === null || !looksLikeCertificate(certificate)) errors.certificate = 'certificateInvalid';
  }

  let key: CryptoKey | null = null;
  if (!input.keyFile) errors.key = 'keyMissing';
  else {
    const pem = await readPem(input.keyFile);
    if (pem === null || !looksLikePrivateKey(pem)) errors.key = 'keyInvalid';
    else {
      key = await importDemoCardKey(pem);
      if (!key) errors.key = 'keyUnusable';
    }
  }

  if (Object.keys(errors).length > 0 || !certificate || !key) return { kind: 'invalid', errors };

  const challenge = await requestCardChallenge(input.lgCode);
  if (!challenge.ok) return refused(challenge.code, challenge.status);
  const signature = await signChallenge(key, challenge.data.challenge);
  const login = await completeCardLogin({
    lgCode: input.lgCode,
    challengeId: challenge.data.challengeId,
    certificate,
    signature,
  });
  if (!login.ok) return refused(login.code, login.status);
  return { kind: 'ok', session: login.data };
}

function refused(code: string, status: number): CardLoginOutcome {
  return { kind: 'refused', reason: loginErrorKey(code, status), code };
}
