import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IndividualNumberCipher } from './individual-number-cipher';

// A made-up number with a valid check digit; never a real one.
const NUMBER = '123456789018';

describe('individual number cipher', () => {
  const cipher = new IndividualNumberCipher(randomBytes(32));

  it('round-trips, and the ciphertext neither contains the number nor repeats', () => {
    const a = cipher.encrypt('0000000019', NUMBER);
    const b = cipher.encrypt('0000000019', NUMBER);
    expect(cipher.decrypt('0000000019', a)).toBe(NUMBER);
    expect(a.equals(b)).toBe(false);
    expect(a.toString('latin1')).not.toContain(NUMBER);
  });

  it('does not decrypt for another person, or when tampered with, or under another key', () => {
    const blob = cipher.encrypt('0000000019', NUMBER);
    expect(() => cipher.decrypt('0000000027', blob)).toThrow();
    const tampered = Buffer.from(blob);
    tampered[14] = (tampered[14] ?? 0) ^ 1;
    expect(() => cipher.decrypt('0000000019', tampered)).toThrow();
    expect(() => new IndividualNumberCipher(randomBytes(32)).decrypt('0000000019', blob)).toThrow();
  });

  it('gives a stable lookup hash per key, different across keys', () => {
    expect(cipher.lookupHash(NUMBER).equals(cipher.lookupHash(NUMBER))).toBe(true);
    expect(cipher.lookupHash(NUMBER).equals(new IndividualNumberCipher(randomBytes(32)).lookupHash(NUMBER))).toBe(
      false,
    );
    expect(() => new IndividualNumberCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
