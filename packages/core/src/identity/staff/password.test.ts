import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { hashPassword, parseArgon2idHash, verifyPassword } from './password';

const PASSWORD = 'correct horse battery';
/** Made by node-argon2 (the reference C code), which writes the parameters as m, p, t. */
const FROM_REFERENCE_IMPLEMENTATION =
  '$argon2id$v=19$m=19456,p=1,t=2$EU9jj+Cng2Nu8jqEWUforA$yhmUTFZN1EzFxHipVuZqenEWBymROesolD2Tt1BPwSA';

describe('password hashing', () => {
  it('makes an Argon2id PHC string at OWASP cost, with a fresh salt each time', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(first).not.toContain(PASSWORD);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const phc = await hashPassword(PASSWORD);
    expect(await verifyPassword(phc, PASSWORD)).toBe(true);
    expect(await verifyPassword(phc, 'correct horse battery ')).toBe(false);
    expect(await verifyPassword(phc, '')).toBe(false);
  });

  it('refuses to hash an empty password', async () => {
    await expect(hashPassword('')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'password' } });
  });

  it('treats full-width and half-width input as the same password (NFKC)', async () => {
    const phc = await hashPassword('Ｍａｄｏ　ｐａｓｓｐｈｒａｓｅ１２');
    expect(await verifyPassword(phc, 'Mado passphrase12')).toBe(true);
  });

  it('verifies hashes made with other parameters and by another implementation', async () => {
    const cheaper = await argon2id({
      password: PASSWORD,
      salt: new Uint8Array(16).fill(7),
      memorySize: 4096,
      iterations: 3,
      parallelism: 2,
      hashLength: 24,
      outputType: 'encoded',
    });
    expect(await verifyPassword(cheaper, PASSWORD)).toBe(true);
    expect(await verifyPassword(cheaper, 'wrong')).toBe(false);
    expect(await verifyPassword(FROM_REFERENCE_IMPLEMENTATION, PASSWORD)).toBe(true);
    expect(await verifyPassword(FROM_REFERENCE_IMPLEMENTATION, 'wrong')).toBe(false);
  });

  it('fails closed on malformed, other-algorithm or absurdly expensive hashes', async () => {
    const good = FROM_REFERENCE_IMPLEMENTATION;
    for (const phc of [
      '',
      PASSWORD,
      good.replace('argon2id', 'argon2i'),
      good.replace('v=19', 'v=16'),
      good.replace('m=19456', 'm=99999999'),
      good.replace('t=2', 't=1000'),
      good.replace('p=1', 'p=0'),
      good.replace(',t=2', ''),
      good.replace('EU9jj+Cng2Nu8jqEWUforA', 'not base64!'),
      `${good}$extra`,
    ]) {
      expect(parseArgon2idHash(phc)).toBeNull();
      expect(await verifyPassword(phc, PASSWORD)).toBe(false);
    }
  });
});
