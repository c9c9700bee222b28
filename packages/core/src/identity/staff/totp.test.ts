import { describe, expect, it } from 'vitest';
import { createTotpSecret, generateTotp, totpStep, totpUri, verifyTotp } from './totp';

/** RFC 6238 appendix B: the ASCII key "12345678901234567890" for HMAC-SHA-1. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('TOTP', () => {
  it('creates 160-bit base32 secrets, different each time', () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(createTotpSecret()).not.toBe(secret);
  });

  it('writes an otpauth URI an authenticator app reads', () => {
    const uri = new URL(totpUri(RFC_SECRET, { issuer: 'Madoguchi', label: 'tanaka' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Madoguchi:tanaka');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Madoguchi',
      secret: RFC_SECRET,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('matches the RFC 6238 test vectors (last 6 digits)', () => {
    expect(generateTotp(RFC_SECRET, at(59))).toBe('287082');
    expect(generateTotp(RFC_SECRET, at(1111111109))).toBe('081804');
    expect(generateTotp(RFC_SECRET, at(2000000000))).toBe('279037');
    expect(verifyTotp(RFC_SECRET, '081804', at(1111111109))).toBe(totpStep(at(1111111109)));
  });

  it('accepts the previous and next step, and nothing further', () => {
    const now = at(1_800_000_015);
    const step = totpStep(now);
    const code = (offsetSteps: number) => generateTotp(RFC_SECRET, at(1_800_000_015 + offsetSteps * 30));
    expect(verifyTotp(RFC_SECRET, code(0), now)).toBe(step);
    expect(verifyTotp(RFC_SECRET, code(-1), now)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, code(1), now)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, code(-2), now)).toBeNull();
    expect(verifyTotp(RFC_SECRET, code(2), now)).toBeNull();
  });

  it('refuses a code from a step already accepted, or an earlier one', () => {
    const now = at(1_800_000_015);
    const code = generateTotp(RFC_SECRET, now);
    const step = verifyTotp(RFC_SECRET, code, now);
    expect(step).not.toBeNull();
    expect(verifyTotp(RFC_SECRET, code, now, { lastAcceptedStep: step })).toBeNull();
    expect(
      verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, at(1_800_000_015 - 30)), now, { lastAcceptedStep: step }),
    ).toBeNull();
    expect(verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, at(1_800_000_045)), now, { lastAcceptedStep: step })).toBe(
      (step ?? 0) + 1,
    );
  });

  it('accepts spaces and full-width digits, and refuses other shapes', () => {
    const now = at(1111111109);
    expect(verifyTotp(RFC_SECRET, '081 804', now)).not.toBeNull();
    expect(verifyTotp(RFC_SECRET, '０８１８０４', now)).not.toBeNull();
    for (const code of ['', '81804', '0818040', '08180a', '07081804'])
      expect(verifyTotp(RFC_SECRET, code, now)).toBeNull();
  });

  it('fails closed on a corrupt or too short secret', () => {
    expect(verifyTotp('not base32!', '081804', at(1111111109))).toBeNull();
    expect(verifyTotp('GEZDGNBV', generateTotp('GEZDGNBV', at(59)), at(59))).toBeNull();
  });
});
