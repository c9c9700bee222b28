import { authorizationCodeGrant, type IDToken } from 'openid-client';
import { acrMeetsMinimum } from './acr-order';
import type { OidcClient } from './oidc-config';
import { oidcLoginFailed, toOidcLoginFailure } from './oidc-errors';
import type { PendingOidcLogin } from './start-oidc-login';

/** A login older than this is refused: the resident is sent to start again rather than resuming a stale one. */
export const PENDING_OIDC_LOGIN_TTL_MS = 10 * 60 * 1000;

export interface CompleteOidcLoginInput {
  /** The URL the OP redirected the browser to, with its query (code, state, iss, or error). */
  readonly callbackUrl: URL;
  /** What `startOidcLogin` returned, looked up by the callback's `state`. */
  readonly pending: PendingOidcLogin;
  /** The weakest acr accepted; omit to accept whatever the OP reports. */
  readonly minimumAcr?: string;
  /** acr values from weakest to strongest; without it only `minimumAcr` itself is accepted. */
  readonly acrOrder?: readonly string[];
  /** The clock, for tests. */
  readonly now?: Date;
}

export interface OidcLoginResult {
  /** The OP's stable identifier of the person (`sub`); unique only together with `issuer`. */
  readonly subject: string;
  readonly issuer: string;
  readonly acr?: string;
  readonly amr?: readonly string[];
  readonly authTime?: Date;
  /** Every claim of the validated ID token. */
  readonly claims: IDToken;
}

function assertFresh(pending: PendingOidcLogin, now: Date): void {
  const createdAt = Date.parse(pending.createdAt);
  const age = now.getTime() - createdAt;
  if (Number.isNaN(createdAt) || age > PENDING_OIDC_LOGIN_TTL_MS) {
    throw oidcLoginFailed('expired', 'the login took longer than 10 minutes; start it again', {
      createdAt: pending.createdAt,
    });
  }
}

/**
 * Finishes the authorization code flow: checks the callback against the pending login, exchanges the code at the
 * token endpoint (private_key_jwt + PKCE verifier), and lets openid-client validate the ID token (signature against
 * the OP's JWKS, iss, aud, exp, iat, nonce). The acr is checked here, since only the RP knows what it requires.
 */
export async function completeOidcLogin(client: OidcClient, input: CompleteOidcLoginInput): Promise<OidcLoginResult> {
  const { pending, callbackUrl } = input;
  // Checked before anything else so a callback meant for another login is never exchanged, even by mistake.
  if (callbackUrl.searchParams.get('state') !== pending.state) {
    throw oidcLoginFailed('state_mismatch', 'the callback does not belong to this login (state mismatch)');
  }
  const rawError = callbackUrl.searchParams.get('error');
  if (rawError !== null) {
    // The query is written by whoever sent the browser here: keep it out of messages and logs unless it is a code.
    const opError = /^[a-z_]{1,64}$/.test(rawError) ? rawError : 'unrecognised_error';
    throw oidcLoginFailed('op_error', `the OpenID provider refused the login: ${opError}`, { opError });
  }
  assertFresh(pending, input.now ?? new Date());

  // The redirect_uri sent to the token endpoint must be the registered one; behind a proxy the URL the app
  // sees may differ in host or scheme, so only the callback's query is taken from it.
  const currentUrl = new URL(client.redirectUri);
  currentUrl.search = callbackUrl.search;

  let claims: IDToken | undefined;
  try {
    const tokens = await authorizationCodeGrant(client.configuration, currentUrl, {
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      pkceCodeVerifier: pending.codeVerifier,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    throw toOidcLoginFailure(error);
  }
  if (!claims) throw oidcLoginFailed('id_token_invalid', 'the OpenID provider returned no ID token');

  const acr = typeof claims.acr === 'string' ? claims.acr : undefined;
  if (input.minimumAcr !== undefined && !acrMeetsMinimum(acr, input.minimumAcr, input.acrOrder)) {
    throw oidcLoginFailed(
      'acr_too_low',
      `the login's assurance level ${acr ?? '(none reported)'} is below the required ${input.minimumAcr}`,
      { acr, minimumAcr: input.minimumAcr },
    );
  }

  return {
    subject: claims.sub,
    issuer: claims.iss,
    ...(acr !== undefined ? { acr } : {}),
    ...(Array.isArray(claims.amr) ? { amr: claims.amr.filter((v): v is string => typeof v === 'string') } : {}),
    ...(typeof claims.auth_time === 'number' ? { authTime: new Date(claims.auth_time * 1000) } : {}),
    claims,
  };
}
