import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors';
import { encodeBase64url } from './base64url';

/** Bytes in a challenge: 256 bits, so a guessed or replayed-from-elsewhere challenge never matches. */
export const CHALLENGE_BYTES = 32;

/** How long a challenge may be answered: long enough to insert a card and type the 4-digit PIN, no longer. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** A fresh one-time challenge for the card to sign, as base64url (43 characters). */
export function createChallenge(): string {
  return encodeBase64url(randomBytes(CHALLENGE_BYTES));
}

/** When a challenge issued at `issuedAt` stops being usable. */
export function challengeExpiresAt(issuedAt: Date = new Date(), ttlMs: number = CHALLENGE_TTL_MS): Date {
  return new Date(issuedAt.getTime() + ttlMs);
}

export interface ChallengeRecord {
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/**
 * The single-use and expiry rule, kept pure so the store that records challenges only has to mark `usedAt`
 * atomically. Reuse is checked first: a replay is the more telling event, even when the challenge has also expired.
 */
export function assertChallengeUsable(record: ChallengeRecord, now: Date = new Date()): void {
  if (record.usedAt !== null) {
    throw new AppError('CHALLENGE_REUSED', 'this challenge has already been used: ask for a new one', {
      usedAt: record.usedAt.toISOString(),
    });
  }
  if (now.getTime() >= record.expiresAt.getTime()) {
    throw new AppError('CHALLENGE_EXPIRED', 'this challenge has expired: ask for a new one and sign it promptly', {
      expiresAt: record.expiresAt.toISOString(),
    });
  }
}
