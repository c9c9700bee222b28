import {
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from 'openid-client';
import type { OidcClient } from './oidc-config';

/**
 * What the caller keeps server-side until the OP redirects back, keyed by `state`. The code verifier and
 * nonce never go to the browser: only their derived or echoed forms travel in the authorization URL.
 * Plain JSON (createdAt as an ISO 8601 string), so it can be stored in any column or cache as is.
 */
export interface PendingOidcLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** The acr_values sent, in order of preference; empty when none were requested. */
  readonly requestedAcr: readonly string[];
  readonly createdAt: string;
}

export interface StartOidcLoginOptions {
  /** Overrides the client's default acr_values for this login (for example a step-up to a stronger level). */
  readonly acrValues?: readonly string[];
  /** The clock, for tests. */
  readonly now?: Date;
}

export interface StartedOidcLogin {
  /** Where to send the browser (HTTP 302/303). */
  readonly authorizationUrl: string;
  readonly pending: PendingOidcLogin;
}

/** Builds the authorization request: code flow, PKCE S256, fresh state and nonce, and the requested acr. */
export async function startOidcLogin(
  client: OidcClient,
  options: StartOidcLoginOptions = {},
): Promise<StartedOidcLogin> {
  const state = randomState();
  const nonce = randomNonce();
  const codeVerifier = randomPKCECodeVerifier();
  const requestedAcr = [...(options.acrValues ?? client.acrValues)];

  const parameters: Record<string, string> = {
    response_type: 'code',
    redirect_uri: client.redirectUri,
    scope: client.scopes.join(' '),
    state,
    nonce,
    code_challenge: await calculatePKCECodeChallenge(codeVerifier),
    // S256 only: "plain" would put the verifier itself in the URL.
    code_challenge_method: 'S256',
  };
  if (requestedAcr.length > 0) parameters.acr_values = requestedAcr.join(' ');

  const authorizationUrl = buildAuthorizationUrl(client.configuration, parameters).href;
  const createdAt = (options.now ?? new Date()).toISOString();
  return { authorizationUrl, pending: { state, nonce, codeVerifier, requestedAcr, createdAt } };
}
