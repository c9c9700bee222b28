import type { JWK } from 'jose';
import {
  allowInsecureRequests,
  type Configuration,
  discovery,
  enableNonRepudiationChecks,
  PrivateKeyJwt,
} from 'openid-client';
import { AppError } from '../../errors';
import { importRpSigningKey } from './rp-signing-key';

/** One OpenID provider as this RP knows it: the デジタル認証アプリ, or a municipality's own staff IdP. */
export interface OidcConfig {
  /** The OP's issuer identifier (a URL); discovery reads `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** Registered with the OP; sent in both the authorization and the token request. */
  readonly redirectUri: string;
  /** The RP's private signing key for private_key_jwt (RS256 or ES256); its public half is registered with the OP. */
  readonly privateJwk: JWK;
  /** Defaults to `['openid']`; `openid` is always added. */
  readonly scopes?: readonly string[];
  /** acr_values sent by default, in order of preference. */
  readonly acrValues?: readonly string[];
}

/** What `discoverOidc` returns: the library's configuration plus the RP settings each login needs. */
export interface OidcClient {
  /** openid-client's configuration: the discovered OP metadata and the private_key_jwt client authentication. */
  readonly configuration: Configuration;
  readonly issuer: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly acrValues: readonly string[];
}

// Plain http is only for a provider on this machine (tests, local development): anywhere else the
// authorization code, tokens and the OP's keys would cross the network unprotected.
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

function parseHttpsUrl(value: string, field: 'issuer' | 'redirectUri'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('VALIDATION_FAILED', `${field} must be an absolute URL`, { field });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return url;
  const problem =
    url.protocol === 'http:' ? 'uses plain http, which is allowed only for 127.0.0.1 or localhost' : 'must use https';
  throw new AppError('VALIDATION_FAILED', `${field} ${problem} (got ${url.origin})`, { field });
}

/**
 * Checks the settings, imports the RP's key and fetches the OP's discovery metadata. openid-client checks that
 * the metadata's `issuer` equals the configured one, so a document served for another issuer is refused.
 * Call once per OP at startup and reuse the result: the OP's JWKS is fetched and cached on first use.
 */
export async function discoverOidc(config: OidcConfig): Promise<OidcClient> {
  const issuer = parseHttpsUrl(config.issuer, 'issuer');
  parseHttpsUrl(config.redirectUri, 'redirectUri');
  if (!config.clientId) throw new AppError('VALIDATION_FAILED', 'clientId must not be empty', { field: 'clientId' });
  const signingKey = await importRpSigningKey(config.privateJwk);
  const clientAuth = PrivateKeyJwt(signingKey.kid ? { key: signingKey.key, kid: signingKey.kid } : signingKey.key);

  let configuration: Configuration;
  try {
    configuration = await discovery(
      issuer,
      config.clientId,
      { token_endpoint_auth_method: 'private_key_jwt', redirect_uris: [config.redirectUri] },
      clientAuth,
      {
        // openid-client skips the ID token signature by default (TLS vouches for the token endpoint); checking
        // it against the OP's JWKS is what makes a stored ID token evidence of who logged in, and at what acr.
        // It refuses http by itself; the loopback exception was decided above.
        execute: isLoopback(issuer)
          ? [enableNonRepudiationChecks, allowInsecureRequests]
          : [enableNonRepudiationChecks],
      },
    );
  } catch (error) {
    throw new AppError('OIDC_LOGIN_FAILED', `could not read the OpenID provider's metadata from ${issuer.origin}`, {
      reason: 'discovery_failed',
      issuer: config.issuer,
      cause: error instanceof Error ? error.message : String(error),
    });
  }

  const scopes = ['openid', ...(config.scopes ?? []).filter((scope) => scope !== 'openid')];
  return {
    configuration,
    issuer: configuration.serverMetadata().issuer,
    redirectUri: config.redirectUri,
    scopes,
    acrValues: [...(config.acrValues ?? [])],
  };
}
