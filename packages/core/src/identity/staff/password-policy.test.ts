import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { checkPasswordPolicy, type PasswordRule } from './password-policy';

function refusal(password: string, loginName?: string): { rule: PasswordRule; message: string } {
  try {
    checkPasswordPolicy(password, loginName ? { loginName } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('VALIDATION_FAILED');
    expect(appError.details.field).toBe('password');
    // The message says what is wrong without repeating the password.
    expect(appError.message).not.toContain(password);
    return { rule: appError.details.rule as PasswordRule, message: appError.message };
  }
  throw new Error(`expected ${JSON.stringify(password)} to be refused`);
}

describe('password policy', () => {
  it('accepts passphrases and long mixed passwords, including Japanese', () => {
    for (const password of [
      'correct horse battery staple',
      'tsukimi-dango-2026',
      'Kx9!vR2#mQ7z',
      'まどぐちのひみつのあいことば',
      'ｆｕｌｌ－ｗｉｄｔｈ ｐｈｒａｓｅ',
    ]) {
      expect(() => checkPasswordPolicy(password)).not.toThrow();
    }
  });

  it('refuses short passwords, counting characters rather than bytes', () => {
    expect(refusal('Kx9!vR2#mQ7').rule).toBe('min-length');
    expect(refusal('まどぐち').message).toMatch(/at least 12 characters/);
    expect(() => checkPasswordPolicy('𠮷野家の牛丼並盛つゆだく')).not.toThrow();
  });

  it('refuses overlong passwords and control characters', () => {
    expect(refusal('a1b2c3d4e5'.repeat(26)).rule).toBe('max-length');
    expect(refusal('correct horse\u0007battery').rule).toBe('control-characters');
  });

  it('refuses digits only (dates and phone numbers)', () => {
    expect(refusal('090123456789').rule).toBe('digits-only');
    expect(refusal('１９８５０４０１２２３３').rule).toBe('digits-only');
  });

  it('refuses repetition and alphabet, digit or keyboard runs', () => {
    for (const password of [
      'aaaaaaaaaaaa',
      'abababababab',
      'abcdefghijklm',
      'zyxwvutsrqpo',
      'qwertyuiopas',
      '1qaz2wsx3edc',
    ]) {
      expect(refusal(password).rule).toBe('repetitive');
    }
  });

  it('refuses common passwords and their usual variants', () => {
    for (const password of [
      'password1234',
      'P@ssw0rd2024!',
      'Welcome12345',
      'iloveyou!!!!',
      'adminadmin12',
      'Sakura1234567',
    ]) {
      expect(refusal(password).rule).toBe('common');
    }
  });

  it('refuses a password containing the login name or the service name', () => {
    expect(refusal('tanaka-summer-2026', 'tanaka').rule).toBe('context');
    expect(refusal('Madoguchi-2026!').rule).toBe('context');
  });
});
