import type { SessionInfo } from '../session-api';
import { type StaffResult, staffRequest } from './staff-api';

/**
 * The login as `GET /api/v1/session` describes it. `subjectId` (the staff id) is what "take this
 * case" assigns; it is optional because the answer carries it only where the API includes it.
 */
export interface StaffSession extends SessionInfo {
  readonly subjectId?: string;
}

export interface StaffLoginInput {
  readonly lgCode: string;
  readonly loginName: string;
  readonly password: string;
  readonly totpCode: string;
}

export function fetchStaffSession(signal?: AbortSignal): Promise<StaffResult<StaffSession>> {
  return staffRequest<StaffSession>('GET', '/api/v1/session', signal ? { signal } : {});
}

/** Password and one-time code; the server also checks that the terminal is in a configured network zone. */
export function staffLogin(input: StaffLoginInput): Promise<StaffResult<StaffSession>> {
  return staffRequest<StaffSession>('POST', '/api/v1/staff/login', { body: input });
}

export function staffLogout(): Promise<StaffResult<null>> {
  return staffRequest<null>('POST', '/api/v1/auth/logout');
}
