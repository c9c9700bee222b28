import type { Locale } from '../messages';

/**
 * The shapes of the case API (`/api/v1/cases`) and of the procedure definition it sends along,
 * as far as the staff screens read them. The definition's full type lives in packages/core
 * (procedure-definition.types.ts); the web app does not depend on core, so this is the subset.
 */

/** A text in the three languages of the service; the locale picks one. */
export type LocalizedText = Readonly<Record<Locale, string>>;

export const CASE_STATUSES = [
  'submitted',
  'in-review',
  'information-requested',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

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

export interface QuestionDefinition {
  readonly field: string;
  readonly label: LocalizedText;
  readonly input: string;
  readonly options?: readonly { readonly value: string; readonly label: LocalizedText }[];
}

export type Condition =
  | { readonly field: string; readonly equals: string | number | boolean }
  | { readonly field: string; readonly in: readonly (string | number | boolean)[] }
  | { readonly field: string; readonly includes: string }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export interface PageDefinition {
  readonly id: string;
  readonly title: LocalizedText;
  readonly questions: readonly QuestionDefinition[];
  readonly showIf?: Condition;
  readonly repeat?: { readonly field: string; readonly itemTitle: LocalizedText };
}

export interface DecisionDefinition {
  readonly id: string;
  readonly outcome: 'approved' | 'rejected';
  readonly label: LocalizedText;
  readonly requiresReason: boolean;
}

export interface ProcedureDefinition {
  readonly id: string;
  readonly version: number;
  readonly names: LocalizedText;
  readonly department: string;
  readonly pages: readonly PageDefinition[];
  readonly attachments: readonly { readonly id: string; readonly label: LocalizedText }[];
  readonly decisions: readonly DecisionDefinition[];
  readonly onApproval?: { readonly operation: string };
}

export interface CaseApplication {
  readonly applicationId: string;
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly department: string;
  readonly channel: string;
  readonly status: string;
  readonly answers: Readonly<Record<string, unknown>>;
  /** Answers the register filled in and the applicant could not change (dot paths). */
  readonly lockedAnswers: readonly string[];
  readonly receiptNo: string | null;
  readonly assignedTo?: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly dueOn: string | null;
  readonly decidedAt: string | null;
  readonly decisionId: string | null;
}

export interface CaseEvent {
  readonly seq: number;
  readonly kind: string;
  readonly statusAfter: string;
  readonly actorKind: string;
  readonly visibleToResident: boolean;
  readonly body: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly occurredAt: string;
}

export interface CaseDocument {
  readonly documentId: string;
  readonly kind: string;
  readonly attachmentId: string | null;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteSize: number;
}

export interface CaseDetail {
  readonly application: CaseApplication;
  readonly definition: ProcedureDefinition;
  readonly events: readonly CaseEvent[];
  readonly documents: readonly CaseDocument[];
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
