import { type ApiResult, apiRequest } from './api-client';
import type { SessionInfo } from './session-api';
import type { CredentialJson } from './webauthn';

export interface PasskeyLoginOptions extends PublicKeyCredentialRequestOptionsJSON {
  /** Sent back with the answer, so the server knows which challenge it is. */
  readonly challengeId: string;
}

export interface RegisteredPasskey {
  readonly credentialId: string;
  readonly createdAt: string;
}

/** Needs a login of level 2 or more. */
export function requestPasskeyRegistration(): Promise<ApiResult<PublicKeyCredentialCreationOptionsJSON>> {
  return apiRequest<PublicKeyCredentialCreationOptionsJSON>('POST', '/api/v1/auth/passkey/registration/options', {
    body: {},
  });
}

export function completePasskeyRegistration(credential: CredentialJson): Promise<ApiResult<RegisteredPasskey>> {
  return apiRequest<RegisteredPasskey>('POST', '/api/v1/auth/passkey/registration/verify', { body: credential });
}

export function requestPasskeyLogin(lgCode: string): Promise<ApiResult<PasskeyLoginOptions>> {
  return apiRequest<PasskeyLoginOptions>('POST', '/api/v1/auth/passkey/login/options', { body: { lgCode } });
}

export function completePasskeyLogin(answer: {
  readonly lgCode: string;
  readonly challengeId: string;
  readonly response: CredentialJson;
}): Promise<ApiResult<SessionInfo>> {
  return apiRequest<SessionInfo>('POST', '/api/v1/auth/passkey/login/verify', { body: answer });
}
