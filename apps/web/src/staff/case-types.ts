import { APPLICATION_STATUSES, type ApplicationStatus } from '../procedures/application-view';
import type { LocalizedText } from '../procedures/procedure-definition';

/**
 * The shapes only the case API (`/api/v1/cases`) sends, as far as the staff screens read them; a
 * case itself is an application (procedures/application-view.ts) with its procedure definition
 * (procedures/procedure-definition.ts).
 */

/** A case is a submitted application: any status but a draft's. */
export type CaseStatus = Exclude<ApplicationStatus, 'draft'>;
export const CASE_STATUSES: readonly CaseStatus[] = APPLICATION_STATUSES.filter(
  (status): status is CaseStatus => status !== 'draft',
);

/** Not decided or withdrawn yet: staff can still act on it. */
export const OPEN_STATUSES: readonly string[] = ['submitted', 'in-review', 'information-requested'];
export const DECIDED_STATUSES: readonly string[] = ['approved', 'rejected'];

export interface CaseSummary {
  readonly applicationId: string;
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly names: LocalizedText;
  readonly department: string;
  readonly status: string;
  readonly receiptNo: string;
  readonly channel: string;
  readonly submittedAt: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly assignedTo: string | null;
}

export interface CaseList {
  readonly cases: readonly CaseSummary[];
  readonly truncated: boolean;
}

export interface DecisionResult {
  readonly status: string;
  readonly decisionId: string;
  readonly notified: boolean;
  readonly registry: {
    readonly operation: string;
    readonly movementId: string;
    readonly householdsWithoutHead: readonly string[];
  } | null;
}
