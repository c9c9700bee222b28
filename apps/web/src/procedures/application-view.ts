import type { ProcedureDefinition } from './procedure-definition';

/**
 * An application as the API shows it: to its resident (`GET /api/v1/me/applications/{id}`) and to
 * staff as a case (`GET /api/v1/cases/{id}`), both as the `ApplicationDetail` of
 * apps/api/src/routes/applications.types.ts. The parts the pages read; dates are ISO 8601 strings.
 */

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

export function isApplicationStatus(value: string): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export interface Application {
  readonly applicationId: string;
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly department: string;
  readonly channel: string;
  readonly status: string;
  readonly answers: Answers;
  /** Dot paths the register filled in and the applicant could not change. */
  readonly lockedAnswers: readonly string[];
  readonly receiptNo: string | null;
  readonly assignedTo?: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly dueOn: string | null;
  readonly decidedAt: string | null;
  readonly decisionId: string | null;
}

/** One entry of the application's history. */
export interface ApplicationEvent {
  readonly seq: number;
  readonly kind: string;
  readonly statusAfter: string;
  readonly actorKind: string;
  readonly visibleToResident: boolean;
  readonly body: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly occurredAt: string;
}

/** A file of the application: an attachment, or a PDF the service made (the copy, the notice). */
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
