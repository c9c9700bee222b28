import {
  AuthorizationResponseError,
  ClientError,
  ResponseBodyError,
  WWWAuthenticateChallengeError,
} from 'openid-client';
import { AppError } from '../../errors';

/** Why a login was refused; stable, for the caller's screens and for the audit log. */
export type OidcFailureReason =
  | 'state_mismatch'
  | 'op_error'
  | 'expired'
  | 'nonce_mismatch'
  | 'token_error'
  | 'id_token_invalid'
  | 'acr_too_low'
  | 'discovery_failed';

export function oidcLoginFailed(
  reason: OidcFailureReason,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError('OIDC_LOGIN_FAILED', message, { reason, ...details });
}

// openid-client reports a failed claim check as ClientError → OperationProcessingError whose cause names the claim.
function failedClaim(error: ClientError): unknown {
  const processing = error.cause;
  if (!(processing instanceof Error)) return undefined;
  const detail = processing.cause;
  return typeof detail === 'object' && detail !== null && 'claim' in detail ? detail.claim : undefined;
}

// Codes of failures in talking to the token endpoint, as opposed to failures in what it sent back.
const TRANSPORT_CODES = new Set([
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
  'OAUTH_RESPONSE_IS_NOT_JSON',
  'OAUTH_TIMEOUT',
  'OAUTH_ABORT',
  'OAUTH_HTTP_REQUEST_FORBIDDEN',
]);

/**
 * Turns what openid-client threw during the code exchange into OIDC_LOGIN_FAILED. Only the OP's error code and
 * the library's message and code are kept: both describe the protocol, never the person.
 */
export function toOidcLoginFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AuthorizationResponseError) {
    return oidcLoginFailed('op_error', `the OpenID provider refused the login: ${error.error}`, {
      opError: error.error,
    });
  }
  if (error instanceof ResponseBodyError || error instanceof WWWAuthenticateChallengeError) {
    const opError = error instanceof ResponseBodyError ? error.error : error.cause[0]?.parameters.error;
    return oidcLoginFailed('token_error', `the token endpoint refused the code exchange: ${opError ?? error.message}`, {
      opError,
      status: error.status,
    });
  }
  if (error instanceof ClientError) {
    const details = { libraryCode: error.code, cause: error.cause instanceof Error ? error.cause.message : undefined };
    if (failedClaim(error) === 'nonce') {
      return oidcLoginFailed('nonce_mismatch', 'the ID token was issued for another login (nonce mismatch)', details);
    }
    if (error.code && TRANSPORT_CODES.has(error.code)) {
      return oidcLoginFailed('token_error', `the token endpoint could not be used: ${error.message}`, details);
    }
    return oidcLoginFailed(
      'id_token_invalid',
      `the OpenID provider's response failed validation: ${error.message}`,
      details,
    );
  }
  // fetch() itself failed (connection refused, DNS, TLS): the token endpoint was not reached.
  const message = error instanceof Error ? error.message : String(error);
  return oidcLoginFailed('token_error', `the token endpoint could not be reached: ${message}`);
}
