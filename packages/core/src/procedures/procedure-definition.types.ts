import type { Sensitivity } from '../access/access.types';
import type { AssuranceLevel } from '../identity/session/session.types';

/**
 * A procedure (手続) as data: what a resident is asked, what the registry fills in, who handles it
 * and what approval does. Definitions live as JSON files in `packages/core/procedure-catalog/` and,
 * once published for a municipality, as immutable versions in `procedure_version`; an application
 * stays on the version it was started with (docs/adr/0012).
 */

/** The three languages of the service; each text of a definition has all three. */
export const PROCEDURE_LOCALES = ['ja', 'en', 'easy-ja'] as const;
export type ProcedureLocale = (typeof PROCEDURE_LOCALES)[number];
export type LocalizedText = Readonly<Record<ProcedureLocale, string>>;

/** Departments (課) that handle procedures; staff grants and inboxes are per department. */
export const DEPARTMENTS = [
  'citizen',
  'child-support',
  'childcare',
  'health-insurance',
  'long-term-care',
  'environment',
  'roads',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** How a question is asked; the answer's type is the JSON Schema's, the input only its presentation. */
export const QUESTION_INPUTS = [
  'text',
  'textarea',
  'date',
  'month',
  'number',
  'email',
  'tel',
  'postal-code',
  'radios',
  'checkboxes',
  'select',
  'location',
  'household-members',
] as const;
export type QuestionInput = (typeof QUESTION_INPUTS)[number];

export interface QuestionOption {
  readonly value: string;
  readonly label: LocalizedText;
}

export interface QuestionDefinition {
  /** Dot path of the answer, relative to the page (inside a repeating page: to the item). */
  readonly field: string;
  readonly label: LocalizedText;
  readonly hint?: LocalizedText;
  readonly input: QuestionInput;
  /** radios, checkboxes, select: the choices, in order. */
  readonly options?: readonly QuestionOption[];
  /** The HTML autocomplete token, so phones and password managers help (WCAG 1.3.5). */
  readonly autocomplete?: string;
}

/** When a page or an attachment applies, from answers given before it. */
export type Condition =
  | { readonly field: string; readonly equals: string | number | boolean }
  | { readonly field: string; readonly in: readonly (string | number | boolean)[] }
  | { readonly field: string; readonly includes: string }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

/** A repeating group ("each child"): the page is asked once per item of the array at `field`. */
export interface RepeatDefinition {
  readonly field: string;
  readonly itemTitle: LocalizedText;
  readonly min: number;
  readonly max: number;
}

/** One page of the form: one question, or a few inputs that make one question (GOV.UK pattern). */
export interface PageDefinition {
  readonly id: string;
  readonly title: LocalizedText;
  readonly hint?: LocalizedText;
  readonly questions: readonly QuestionDefinition[];
  readonly showIf?: Condition;
  readonly repeat?: RepeatDefinition;
}

/** What the registry can fill in, for the applicant (the logged-in resident) and their household. */
export const PREFILL_SOURCES = [
  'applicant.fullName',
  'applicant.fullNameKana',
  'applicant.birthDate',
  'applicant.sex',
  'applicant.postalCode',
  'applicant.address',
  'applicant.addressDetail',
  'household.members',
  'household.children',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

export interface PrefillRule {
  /** Dot path of the answer it fills. */
  readonly answer: string;
  readonly source: PrefillSource;
  /**
   * Whether the resident may change it. Items certified by the register (name, address, birth date)
   * are not editable in an application: a wrong entry is corrected at the counter, not here.
   */
  readonly editable: boolean;
}

export interface AttachmentDefinition {
  readonly id: string;
  readonly label: LocalizedText;
  readonly hint?: LocalizedText;
  readonly required: boolean;
  /** Media types accepted, e.g. image/jpeg, application/pdf. */
  readonly accept: readonly string[];
  readonly maxBytes: number;
  readonly showIf?: Condition;
}

export const DECISION_OUTCOMES = ['approved', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface DecisionDefinition {
  readonly id: string;
  readonly outcome: DecisionOutcome;
  readonly label: LocalizedText;
  /** A refusal must say why (行政手続法第8条): the reason goes into the notice. */
  readonly requiresReason: boolean;
  /** The decision notice (決定通知書): `{reason}`, `{receiptNo}`, `{procedure}` are filled in. */
  readonly notice: { readonly title: LocalizedText; readonly body: LocalizedText };
}

/** Registry operations an approval can carry out, in the decision's transaction. */
export const REGISTRY_OPERATIONS = ['recordRelocation', 'recordMoveOut'] as const;
export type RegistryOperationName = (typeof REGISTRY_OPERATIONS)[number];

/** The operation and where each of its inputs comes from in the answers (dot paths). */
export interface RegistryOperationDefinition {
  readonly operation: RegistryOperationName;
  readonly fields: Readonly<Record<string, string>>;
}

export interface ProcedureDefinition {
  /** kebab-case, stable across versions. */
  readonly id: string;
  readonly version: number;
  readonly names: LocalizedText;
  readonly summary: LocalizedText;
  readonly department: Department;
  /** The provision the procedure rests on, shown to the resident. */
  readonly legalBasis: string;
  /** The weakest login that may apply (1 e-mail code, 2 passkey, 3 My Number card). */
  readonly minimumAssurance: AssuranceLevel;
  /** How sensitive the answers are: staff need a grant at this level to see them. */
  readonly sensitivity: Extract<Sensitivity, 'personal' | 'sensitive' | 'special'>;
  /** The purpose the registry is read for when filling in (a purpose profile). */
  readonly prefillPurpose: string;
  /** JSON Schema (2020-12) of the answers object. */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly pages: readonly PageDefinition[];
  readonly prefill: readonly PrefillRule[];
  readonly attachments: readonly AttachmentDefinition[];
  /** Target for a decision, in calendar days from submission (overdue after it). */
  readonly processingDays: number;
  /** Fee, as the resident should read it; null when there is none. */
  readonly fee: LocalizedText | null;
  readonly declaration: LocalizedText;
  readonly decisions: readonly DecisionDefinition[];
  readonly onApproval?: RegistryOperationDefinition;
}
