import { type ApiResult, apiRequest } from './api-client';

/** The login as `GET /api/v1/session` and the card login describe it. */
export interface SessionInfo {
  readonly lgCode: string;
  readonly subjectKind: 'resident' | 'staff';
  readonly assuranceLevel: number;
  readonly method: string;
  readonly expiresAt: string;
}

export interface CardChallenge {
  readonly challengeId: string;
  /** 32 random bytes, base64url: the card signs the decoded bytes. */
  readonly challenge: string;
  readonly expiresAt: string;
}

export interface CardLoginAnswer {
  readonly lgCode: string;
  readonly challengeId: string;
  /** The card's certificate, PEM. */
  readonly certificate: string;
  /** base64url RSASSA-PKCS1-v1_5 SHA-256 signature over the challenge bytes. */
  readonly signature: string;
}

/** The page cannot read the HttpOnly session cookie; this asks the server who is logged in. */
export function fetchSession(signal?: AbortSignal): Promise<ApiResult<SessionInfo>> {
  return apiRequest<SessionInfo>('GET', '/api/v1/session', signal ? { signal } : {});
}

export function requestCardChallenge(lgCode: string): Promise<ApiResult<CardChallenge>> {
  return apiRequest<CardChallenge>('POST', '/api/v1/auth/card/challenge', { body: { lgCode } });
}

export function completeCardLogin(answer: CardLoginAnswer): Promise<ApiResult<SessionInfo>> {
  return apiRequest<SessionInfo>('POST', '/api/v1/auth/card/login', { body: answer });
}

export function logout(): Promise<ApiResult<null>> {
  return apiRequest<null>('POST', '/api/v1/auth/logout');
}
