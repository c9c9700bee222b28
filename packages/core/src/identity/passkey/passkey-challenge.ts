import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../errors';

/** As long as a card challenge: enough to unlock a phone and confirm, no longer. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isChallengeId(value: string): boolean {
  return UUID.test(value);
}

/**
 * A challenge whose first 16 bytes are its own id, followed by 32 random bytes. The browser echoes
 * the challenge inside clientDataJSON, so a registration response (which carries nothing else of
 * ours) still leads to its row by primary key; the random part is what makes it unguessable.
 */
export function newPasskeyChallenge(): { challengeId: string; bytes: Uint8Array<ArrayBuffer> } {
  const challengeId = randomUUID();
  const bytes = new Uint8Array(48);
  bytes.set(Buffer.from(challengeId.replaceAll('-', ''), 'hex'));
  bytes.set(randomBytes(32), 16);
  return { challengeId, bytes };
}

/** The challenge id inside a response's clientDataJSON, or VALIDATION_FAILED. */
export function challengeIdOf(clientDataJSON: unknown): string {
  const refuse = () =>
    new AppError('VALIDATION_FAILED', 'response.clientDataJSON does not answer a challenge of this server', {
      field: 'response.response.clientDataJSON',
    });
  if (typeof clientDataJSON !== 'string') throw refuse();
  let challenge: unknown;
  try {
    challenge = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')).challenge;
  } catch {
    throw refuse();
  }
  if (typeof challenge !== 'string') throw refuse();
  const bytes = Buffer.from(challenge, 'base64url');
  if (bytes.length !== 48) throw refuse();
  const hex = bytes.subarray(0, 16).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!UUID.test(id)) throw refuse();
  return id;
}
