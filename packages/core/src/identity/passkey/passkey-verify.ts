import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { AppError } from '../../errors';
import type { AuthenticationResponseJSON, RegistrationResponseJSON, WebAuthnConfig } from './passkey.types';

/** One message for an unknown passkey and a bad signature: a prober learns nothing from it. */
export const PASSKEY_LOGIN_FAILED_MESSAGE =
  'this passkey was not accepted: use a passkey registered with this municipality';

export function passkeyLoginFailed(): AppError {
  return new AppError('LOGIN_FAILED', PASSKEY_LOGIN_FAILED_MESSAGE, {});
}

/**
 * The new credential, or VALIDATION_FAILED with the library's reason (wrong origin, no user
 * verification, ...): it names no person, and the resident is already logged in, so it helps
 * whoever integrates the web app.
 */
export async function verifyNewCredential(
  config: WebAuthnConfig,
  response: RegistrationResponseJSON,
  expectedChallenge: string,
) {
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: config.origin,
      expectedRPID: config.rpId,
      requireUserVerification: true,
    });
    if (result.verified) return result.registrationInfo.credential;
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', `the passkey could not be verified: ${(error as Error).message}`, {
      field: 'response',
    });
  }
  throw new AppError('VALIDATION_FAILED', 'the passkey could not be verified', { field: 'response' });
}

/** The new signature counter, or LOGIN_FAILED whatever the library objected to (the reason is not told). */
export async function verifyAssertion(
  config: WebAuthnConfig,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  credential: { id: string; publicKey: Uint8Array<ArrayBuffer>; counter: number; transports: string[] },
): Promise<number> {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: config.origin,
      expectedRPID: config.rpId,
      credential,
      requireUserVerification: true,
    });
    if (result.verified) return result.authenticationInfo.newCounter;
  } catch {
    // fall through to the one refusal
  }
  throw passkeyLoginFailed();
}
