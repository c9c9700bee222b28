import { AppError } from '../../errors';
import { parseLgCode } from '../../tenants/lg-code';
import { discoverOidc, type OidcClient } from '../oidc';
import type { OidcProvider, OidcProviderSetting } from './oidc-login.types';

const PROVIDER_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface OidcProviders {
  /** The setting and its discovered client; null for an id nobody configured. */
  get(id: string): Promise<OidcProvider | null>;
  /** Whether the id is configured, without contacting the provider. */
  has(id: string): boolean;
}

function invalid(id: string, field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `OpenID provider ${id}: ${field} ${problem}`, { field, provider: id });
}

/** Refuses a setting that could never log anyone in, at startup rather than at the first login. */
function checkSetting(setting: OidcProviderSetting): void {
  const { id } = setting;
  if (!PROVIDER_ID.test(id)) throw invalid(id, 'id', 'must be lower-case letters, digits and dashes');
  parseLgCode(setting.lgCode);
  // The OP sends the browser to the registered redirect URI: if it named another provider's callback,
  // every login would land on the wrong setting and fail there, far from the cause.
  const expectedPath = `/api/v1/auth/oidc/${id}/callback`;
  let redirectPath: string;
  try {
    redirectPath = new URL(setting.config.redirectUri).pathname;
  } catch {
    throw invalid(id, 'config.redirectUri', 'must be an absolute URL');
  }
  if (!redirectPath.endsWith(expectedPath)) throw invalid(id, 'config.redirectUri', `must end in ${expectedPath}`);
  for (const [acr, level] of Object.entries(setting.acrLevels)) {
    if (![1, 2, 3].includes(level)) throw invalid(id, 'acrLevels', `maps ${acr} to ${level}; levels are 1, 2 or 3`);
  }
  // The library would refuse this on every login; better once, at startup.
  if (setting.minimumAcr !== undefined && setting.acrOrder && !setting.acrOrder.includes(setting.minimumAcr)) {
    throw invalid(id, 'minimumAcr', 'is not listed in acrOrder');
  }
}

/**
 * The configured providers. Each is discovered on its first login, not at startup, so a provider that is down
 * does not stop the server; a successful discovery is kept, a failed one is retried on the next login.
 */
export function oidcProviders(
  settings: readonly OidcProviderSetting[],
  discover: (setting: OidcProviderSetting) => Promise<OidcClient> = (setting) => discoverOidc(setting.config),
): OidcProviders {
  const byId = new Map<string, OidcProviderSetting>();
  for (const setting of settings) {
    checkSetting(setting);
    if (byId.has(setting.id)) throw invalid(setting.id, 'id', 'is configured twice');
    byId.set(setting.id, setting);
  }
  const clients = new Map<string, Promise<OidcClient>>();

  return {
    has: (id) => byId.has(id),
    async get(id) {
      const setting = byId.get(id);
      if (!setting) return null;
      let client = clients.get(id);
      if (!client) {
        client = discover(setting);
        clients.set(id, client);
        // Forget a failure, so the next login tries again instead of failing until a restart.
        client.catch(() => clients.delete(id));
      }
      return { setting, client: await client };
    },
  };
}
