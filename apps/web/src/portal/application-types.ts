import type { LocalizedText } from '../procedures/procedure-definition';

// The shapes only the resident's endpoints send (`/api/v1/me/applications`); the application
// itself, its history and documents are in procedures/application-view.ts.

export interface ApplicationListItem {
  readonly applicationId: string;
  readonly procedureId: string;
  readonly names: LocalizedText;
  readonly status: string;
  readonly receiptNo: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly dueOn: string | null;
}

/** One problem of ANSWERS_INVALID: a dot path and a code; the English message is not shown. */
export interface AnswerProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface Submitted {
  readonly applicationId: string;
  readonly receiptNo: string;
  readonly submittedAt: string;
  readonly dueOn: string;
}
