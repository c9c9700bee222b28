import type { PasskeyLoginErrorKey, PasskeyRegisterErrorKey } from './messages/messages';
import {
  completePasskeyLogin,
  completePasskeyRegistration,
  requestPasskeyLogin,
  requestPasskeyRegistration,
} from './passkey-api';
import type { SessionInfo } from './session-api';
import { createPasskey, getPasskey, type PromptFailure } from './webauthn';

export type PasskeyOutcome<T, K extends string> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'refused'; readonly reason: K; readonly code: string };

function promptReason(failure: PromptFailure): 'PROMPT_CANCELLED' | 'ALREADY_REGISTERED' | 'UNSUPPORTED' | 'OTHER' {
  if (failure === 'cancelled') return 'PROMPT_CANCELLED';
  if (failure === 'already-registered') return 'ALREADY_REGISTERED';
  if (failure === 'unsupported') return 'UNSUPPORTED';
  return 'OTHER';
}

/** Which explanation an API error of the registration gets. */
export function registerErrorKey(code: string, status: number): PasskeyRegisterErrorKey {
  if (code === 'CHALLENGE_EXPIRED' || code === 'CHALLENGE_REUSED') return 'CHALLENGE_EXPIRED';
  if (code === 'NOT_CONFIGURED') return 'NOT_CONFIGURED';
  if (code === 'NETWORK') return 'NETWORK';
  if (status === 401 || code === 'STEP_UP_REQUIRED') return 'SESSION_ENDED';
  // The server refuses a credential it already holds (a passkey registered twice).
  if (code === 'VALIDATION_FAILED') return 'ALREADY_REGISTERED';
  return 'OTHER';
}

/** Which explanation an API error of the login gets. */
export function loginErrorKey(code: string, status: number): PasskeyLoginErrorKey {
  if (code === 'CHALLENGE_EXPIRED' || code === 'CHALLENGE_REUSED') return 'CHALLENGE_EXPIRED';
  if (status === 429 || code === 'TOO_MANY_REQUESTS') return 'TOO_MANY_REQUESTS';
  if (code === 'LOGIN_FAILED' || code === 'NOT_CONFIGURED' || code === 'NETWORK') return code;
  return 'OTHER';
}

/** Options from the server → the browser's prompt → the new credential to the server. */
export async function registerPasskey(): Promise<PasskeyOutcome<null, PasskeyRegisterErrorKey>> {
  const options = await requestPasskeyRegistration();
  if (!options.ok)
    return { kind: 'refused', reason: registerErrorKey(options.code, options.status), code: options.code };
  const prompt = await createPasskey(options.data);
  if (!prompt.ok) return { kind: 'refused', reason: promptReason(prompt.failure), code: prompt.code };
  const result = await completePasskeyRegistration(prompt.json);
  if (!result.ok) return { kind: 'refused', reason: registerErrorKey(result.code, result.status), code: result.code };
  return { kind: 'ok', value: null };
}

/** Options (a challenge) → the browser's prompt → the signature to the server, which starts a session. */
export async function loginWithPasskey(lgCode: string): Promise<PasskeyOutcome<SessionInfo, PasskeyLoginErrorKey>> {
  const options = await requestPasskeyLogin(lgCode);
  if (!options.ok) return { kind: 'refused', reason: loginErrorKey(options.code, options.status), code: options.code };
  const { challengeId, ...publicKey } = options.data;
  const prompt = await getPasskey(publicKey);
  if (!prompt.ok) {
    const reason = promptReason(prompt.failure);
    return { kind: 'refused', reason: reason === 'ALREADY_REGISTERED' ? 'OTHER' : reason, code: prompt.code };
  }
  const result = await completePasskeyLogin({ lgCode, challengeId, response: prompt.json });
  if (!result.ok) return { kind: 'refused', reason: loginErrorKey(result.code, result.status), code: result.code };
  return { kind: 'ok', value: result.data };
}
