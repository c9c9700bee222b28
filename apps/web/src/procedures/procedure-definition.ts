import type { Locale } from '../messages';

/**
 * A procedure (手続) definition as the API sends it: with a procedure version to the resident's
 * pages, and with each application and case to both the resident's and the staff's pages. These
 * are the parts of the format the web app reads.
 *
 * It mirrors packages/core/src/procedures/procedure-definition.types.ts (the full format), which
 * the web app cannot import: the core package pulls in server-only code. Change the two together.
 */

/** A text in the three languages of the service; each text of a definition has all three. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** Departments (課) that handle procedures, in the order they are listed. */
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
export type QuestionInput =
  | 'text'
  | 'textarea'
  | 'date'
  | 'month'
  | 'number'
  | 'email'
  | 'tel'
  | 'postal-code'
  | 'radios'
  | 'checkboxes'
  | 'select'
  | 'location'
  | 'household-members';

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

export interface DecisionDefinition {
  readonly id: string;
  readonly outcome: 'approved' | 'rejected';
  readonly label: LocalizedText;
  /** A refusal must say why (行政手続法第8条): the reason goes into the notice. */
  readonly requiresReason: boolean;
}

export interface ProcedureDefinition {
  /** kebab-case, stable across versions. */
  readonly id: string;
  readonly version: number;
  readonly names: LocalizedText;
  readonly summary: LocalizedText;
  /** One of DEPARTMENTS. */
  readonly department: string;
  /** The provision the procedure rests on, shown to the resident. */
  readonly legalBasis: string;
  /** The weakest login that may apply (1 e-mail code, 2 passkey, 3 My Number card). */
  readonly minimumAssurance: number;
  /** JSON Schema of the answers: read only to tell optional questions and size limits. */
  readonly answers: JsonSchema;
  readonly pages: readonly PageDefinition[];
  readonly attachments: readonly AttachmentDefinition[];
  /** Target for a decision, in calendar days from submission (overdue after it). */
  readonly processingDays: number;
  /** Fee, as the resident should read it; null when there is none. */
  readonly fee: LocalizedText | null;
  readonly declaration: LocalizedText;
  readonly decisions: readonly DecisionDefinition[];
  /** The registry operation an approval carries out (recordRelocation, recordMoveOut), if any. */
  readonly onApproval?: { readonly operation: string };
}

/** The keywords of JSON Schema the pages read. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly then?: JsonSchema;
  readonly allOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}
