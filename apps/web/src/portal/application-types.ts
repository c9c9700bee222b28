import type { LocalizedText, ProcedureDefinition } from './procedure-types';

/** Answers as the procedure's schema shapes them: top-level keys, nested objects and arrays. */
export type Answers = Readonly<Record<string, unknown>>;

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in-review',
  'information-requested',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface Application {
  readonly applicationId: string;
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly department: string;
  readonly status: string;
  readonly answers: Answers;
  /** Dot paths filled in from the register that the resident may not change. */
  readonly lockedAnswers: readonly string[];
  readonly receiptNo: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly dueOn: string | null;
  readonly decidedAt: string | null;
}

export interface ApplicationEvent {
  readonly seq: number;
  readonly kind: string;
  readonly statusAfter: string;
  readonly actorKind: string;
  readonly body: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly occurredAt: string;
}

export interface ApplicationDocument {
  readonly documentId: string;
  readonly kind: string;
  readonly attachmentId: string | null;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteSize: number;
  readonly createdAt: string;
}

export interface ApplicationDetail {
  readonly application: Application;
  /** The version applied on: the form is always rendered from this one, not the latest. */
  readonly definition: ProcedureDefinition;
  readonly events: readonly ApplicationEvent[];
  readonly documents: readonly ApplicationDocument[];
}

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

export function isApplicationStatus(value: string): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(value);
}
