import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { acrMeetsMinimum, discoverOidc, publicJwkOf } from './index';

const ACR = ['urn:madoguchi:acr:1', 'urn:madoguchi:acr:2', 'urn:madoguchi:acr:3'] as const;
const [ACR_1, ACR_2] = ACR;
const REDIRECT_URI = 'https://rp.madoguchi.test/oidc/callback';

let rpJwk: JWK;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  rpJwk = { ...(await exportJWK(privateKey)), kid: 'rp-key-1' };
});

describe('OpenID Connect configuration', () => {
  it('refuses a plain-http issuer that is not on this machine', async () => {
    const config = { clientId: 'x', redirectUri: REDIRECT_URI, privateJwk: rpJwk };
    await expect(discoverOidc({ ...config, issuer: 'http://idp.example.lg.jp' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'issuer' },
    });
  });

  it('refuses a plain-http redirect URI that is not on this machine', async () => {
    const config = { issuer: 'https://idp.example.lg.jp', clientId: 'x', privateJwk: rpJwk };
    await expect(discoverOidc({ ...config, redirectUri: 'http://rp.example.lg.jp/cb' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'redirectUri' },
    });
  });

  it('refuses a public key, or a key that is neither RS256 nor ES256, as the RP signing key', async () => {
    const config = { issuer: 'https://idp.example.lg.jp', clientId: 'x', redirectUri: REDIRECT_URI };
    const { d: _d, ...publicOnly } = rpJwk;
    const { privateKey: p384 } = await generateKeyPair('ES384', { extractable: true });
    for (const privateJwk of [publicOnly, await exportJWK(p384)]) {
      await expect(discoverOidc({ ...config, privateJwk })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'privateJwk' },
      });
    }
  });

  it('reports an unreachable provider as discovery_failed', async () => {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    const config = { issuer: 'http://127.0.0.1:9', clientId: 'x', redirectUri: REDIRECT_URI, privateJwk: rpJwk };
    await expect(discoverOidc(config)).rejects.toMatchObject({
      code: 'OIDC_LOGIN_FAILED',
      details: { reason: 'discovery_failed' },
    });
  });

  it('publishes only the public half of the RP key', () => {
    const published = publicJwkOf(rpJwk);
    expect(published).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'rp-key-1', alg: 'ES256', use: 'sig' });
    expect(published).not.toHaveProperty('d');
  });

  it('orders acr values by the given list, and accepts only the exact value without one', () => {
    expect(acrMeetsMinimum(ACR_2, ACR_1, ACR)).toBe(true);
    expect(acrMeetsMinimum(ACR_1, ACR_2, ACR)).toBe(false);
    expect(acrMeetsMinimum('urn:unknown', ACR_1, ACR)).toBe(false);
    expect(acrMeetsMinimum(undefined, ACR_1, ACR)).toBe(false);
    expect(acrMeetsMinimum(ACR_2, ACR_1)).toBe(false);
    expect(acrMeetsMinimum(ACR_1, ACR_1)).toBe(true);
    expect(() => acrMeetsMinimum(ACR_2, 'urn:unlisted', ACR)).toThrow(/not listed in acrOrder/);
  });
});
