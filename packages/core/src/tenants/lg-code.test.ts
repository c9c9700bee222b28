import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { isValidLgCode, lgCodeCheckDigit, parseLgCode } from './lg-code';

// The national list of codes, kept beside the repository (never copied into it).
const CODES_CSV = fileURLToPath(new URL('../../../../../shared/data/lg-codes.csv', import.meta.url));

describe('地方公共団体コード check digit', () => {
  it('accepts the published examples and the demo municipality', () => {
    for (const code of ['131130', '182079', '011002', '999997']) expect(isValidLgCode(code)).toBe(true);
  });

  it('maps remainder 0 to check digit 1 and remainder 1 to check digit 0', () => {
    expect(lgCodeCheckDigit('00000')).toBe(1); // sum 0: 11 − 0 = 11 → 1
    expect(lgCodeCheckDigit('00006')).toBe(0); // sum 12, remainder 1: 11 − 1 = 10 → 0
    expect(lgCodeCheckDigit('13113')).toBe(0); // 6+15+4+3+6 = 34, remainder 1 → 0 (渋谷区 131130)
  });

  it('gives every municipality in the national list a digit that round-trips', () => {
    const lines = readFileSync(CODES_CSV, 'utf8').trim().split('\n').slice(1);
    const municipalities = lines.map((line) => line.split(',')[0] ?? '').filter((code) => Number(code) >= 1000);
    expect(municipalities.length).toBeGreaterThan(1700);
    for (const five of municipalities) {
      const code = five.padStart(5, '0');
      const full = `${code}${lgCodeCheckDigit(code)}`;
      expect(parseLgCode(full)).toBe(full);
      const wrong = `${code}${(lgCodeCheckDigit(code) + 1) % 10}`;
      expect(isValidLgCode(wrong)).toBe(false);
    }
  });

  it('explains what is wrong with a bad code', () => {
    expect(() => parseLgCode('131131')).toThrow('lgCode has a wrong check digit: the 6th digit should be 0');
    expect(() => parseLgCode('13113')).toThrow('lgCode must be 6 digits');
    expect(() => parseLgCode('１３１１３０')).toThrow(AppError);
    expect(() => parseLgCode('abc', 'lg-code')).toThrow(/^lg-code must be 6 digits/);
  });

  it('trims surrounding spaces', () => {
    expect(parseLgCode(' 131130 ')).toBe('131130');
  });
});
