import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { assertChallengeUsable, CHALLENGE_TTL_MS, challengeExpiresAt, createChallenge } from './challenge';

describe('challenges', () => {
  it('are 32 random bytes in base64url, never the same twice', () => {
    const challenges = new Set(Array.from({ length: 100 }, () => createChallenge()));
    expect(challenges.size).toBe(100);
    for (const challenge of challenges) {
      expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(challenge, 'base64url')).toHaveLength(32);
    }
  });

  it('expire after the TTL', () => {
    const issuedAt = new Date('2026-04-01T09:00:00Z');
    expect(challengeExpiresAt(issuedAt).getTime() - issuedAt.getTime()).toBe(CHALLENGE_TTL_MS);
  });

  const expiresAt = new Date('2026-04-01T09:05:00Z');
  const before = new Date('2026-04-01T09:04:59Z');

  it('are usable once, before they expire', () => {
    expect(() => assertChallengeUsable({ expiresAt, usedAt: null }, before)).not.toThrow();
  });

  it('are refused once used (CHALLENGE_REUSED), also when they have expired since', () => {
    const used = { expiresAt, usedAt: new Date('2026-04-01T09:01:00Z') };
    expect(() => assertChallengeUsable(used, before)).toThrow(expect.objectContaining({ code: 'CHALLENGE_REUSED' }));
    const later = new Date('2026-04-01T10:00:00Z');
    expect(() => assertChallengeUsable(used, later)).toThrow(expect.objectContaining({ code: 'CHALLENGE_REUSED' }));
  });

  it('are refused from their expiry instant on (CHALLENGE_EXPIRED)', () => {
    for (const now of [expiresAt, new Date('2026-04-01T09:06:00Z')]) {
      expect(() => assertChallengeUsable({ expiresAt, usedAt: null }, now)).toThrow(AppError);
      expect(() => assertChallengeUsable({ expiresAt, usedAt: null }, now)).toThrow(/has expired/);
    }
  });
});
