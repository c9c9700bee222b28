import type { ApplicationDetail } from '../procedures/application-view';
import type { CaseList, CaseStatus, DecisionResult } from './case-types';
import { type StaffResult, staffRequest } from './staff-api';

/** The inbox filters as `POST /api/v1/cases/search` takes them; absent means "any". */
export interface CaseSearch {
  readonly procedureId?: string;
  readonly status?: CaseStatus;
  readonly open?: boolean;
  readonly overdue?: boolean;
  readonly assignedToMe?: boolean;
  readonly limit?: number;
}

const casePath = (applicationId: string) => `/api/v1/cases/${encodeURIComponent(applicationId)}`;

/** A POST although it only reads: the filters stay out of URLs and server logs, and the listing is audited. */
export function searchCases(search: CaseSearch, signal?: AbortSignal): Promise<StaffResult<CaseList>> {
  return staffRequest<CaseList>('POST', '/api/v1/cases/search', { body: search, ...(signal ? { signal } : {}) });
}

export function fetchCase(applicationId: string, signal?: AbortSignal): Promise<StaffResult<ApplicationDetail>> {
  return staffRequest<ApplicationDetail>('GET', casePath(applicationId), signal ? { signal } : {});
}

/** Takes the case (the staff member's own id), gives it to a colleague, or puts it back with null. */
export function assignCase(
  applicationId: string,
  assignee: string | null,
): Promise<StaffResult<{ status: string; assignedTo: string | null }>> {
  return staffRequest('POST', `${casePath(applicationId)}/assign`, { body: { assignee } });
}

/** What staff write on a case: a request the resident answers, a message to them, or an internal note. */
export type CaseWriting = 'information-requests' | 'messages' | 'notes';

export function writeToCase(
  applicationId: string,
  writing: CaseWriting,
  body: string,
): Promise<StaffResult<{ status: string }>> {
  return staffRequest('POST', `${casePath(applicationId)}/${writing}`, { body: { body } });
}

export interface DecisionInput {
  readonly decisionId: string;
  readonly reason?: string;
  readonly notify: boolean;
  /** The 続柄 the resident told staff when only part of the household moves: person id → 続柄. */
  readonly householdRelationships?: { readonly newHousehold: Readonly<Record<string, string>> };
}

export function decideCase(applicationId: string, input: DecisionInput): Promise<StaffResult<DecisionResult>> {
  return staffRequest<DecisionResult>('POST', `${casePath(applicationId)}/decision`, { body: input });
}

/** Notifies a decision that was taken without notice. */
export function notifyDecision(applicationId: string): Promise<StaffResult<{ status: string; notified: boolean }>> {
  return staffRequest('POST', `${casePath(applicationId)}/notify`);
}

/** A plain link downloads it: the session cookie goes along, and the server sends it as an attachment. */
export function caseDocumentUrl(applicationId: string, document: string): string {
  return `${casePath(applicationId)}/documents/${encodeURIComponent(document)}`;
}
