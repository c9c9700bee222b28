import { describe, expect, it } from 'vitest';
import type { OidcClient } from '../oidc';
import type { OidcProviderSetting } from './oidc-login.types';
import { oidcProviders } from './oidc-providers';

const setting: OidcProviderSetting = {
  id: 'staff-idp',
  audience: 'staff',
  lgCode: '999997',
  config: {
    issuer: 'https://idp.example.lg.jp',
    clientId: 'madoguchi',
    redirectUri: 'https://madoguchi.example.lg.jp/api/v1/auth/oidc/staff-idp/callback',
    privateJwk: {},
  },
  acrLevels: { 'urn:example:mfa': 2 },
};

describe('configured OpenID providers', () => {
  it('discovers a provider on first use only, and retries a failed discovery', async () => {
    let calls = 0;
    const providers = oidcProviders([setting], async () => {
      calls += 1;
      if (calls === 1) throw new Error('the provider is down');
      return { issuer: setting.config.issuer } as OidcClient;
    });
    expect(calls).toBe(0);
    await expect(providers.get('staff-idp')).rejects.toThrow('the provider is down');
    const first = await providers.get('staff-idp');
    const second = await providers.get('staff-idp');
    expect(first?.client).toBe(second?.client);
    expect(calls).toBe(2);
    expect(await providers.get('nobody')).toBeNull();
    expect([providers.has('staff-idp'), providers.has('nobody')]).toEqual([true, false]);
  });

  it('refuses at startup a setting that could never log anyone in', () => {
    const bad: Array<[Partial<OidcProviderSetting>, string]> = [
      [{ id: 'Staff IdP' }, 'id'],
      [
        { config: { ...setting.config, redirectUri: 'https://m.example.lg.jp/api/v1/auth/oidc/other/callback' } },
        'config.redirectUri',
      ],
      [{ acrLevels: { x: 4 as 3 } }, 'acrLevels'],
      [{ minimumAcr: 'urn:b', acrOrder: ['urn:a'] }, 'minimumAcr'],
    ];
    for (const [change, field] of bad) {
      expect(() => oidcProviders([{ ...setting, ...change }])).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field }) }),
      );
    }
    expect(() => oidcProviders([setting, setting])).toThrow(/configured twice/);
    expect(() => oidcProviders([{ ...setting, lgCode: '123' }])).toThrow(
      expect.objectContaining({ code: 'INVALID_LG_CODE' }),
    );
  });
});
