import type { Locale } from '../messages';

/**
 * A procedure definition as the API sends it: the part of the format the resident's pages read
 * (the full type is packages/core/src/procedures/procedure-definition.types.ts; the web app does not
 * import the server's packages).
 */
export type LocalizedText = Readonly<Record<Locale, string>>;

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
  readonly options?: readonly QuestionOption[];
  readonly autocomplete?: string;
}

export type Condition =
  | { readonly field: string; readonly equals: string | number | boolean }
  | { readonly field: string; readonly in: readonly (string | number | boolean)[] }
  | { readonly field: string; readonly includes: string }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export interface RepeatDefinition {
  readonly field: string;
  readonly itemTitle: LocalizedText;
  readonly min: number;
  readonly max: number;
}

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
  readonly accept: readonly string[];
  readonly maxBytes: number;
  readonly showIf?: Condition;
}

export interface ProcedureDefinition {
  readonly id: string;
  readonly version: number;
  readonly names: LocalizedText;
  readonly summary: LocalizedText;
  readonly department: string;
  readonly legalBasis: string;
  readonly minimumAssurance: number;
  /** JSON Schema of the answers: read only to tell optional questions and size limits. */
  readonly answers: JsonSchema;
  readonly pages: readonly PageDefinition[];
  readonly attachments: readonly AttachmentDefinition[];
  readonly processingDays: number;
  readonly fee: LocalizedText | null;
  readonly declaration: LocalizedText;
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

/** One procedure of `GET /api/v1/tenants/{lgCode}/procedures`. */
export interface ProcedureSummary {
  readonly procedureId: string;
  readonly version: number;
  readonly names: LocalizedText;
  readonly summary: LocalizedText;
  readonly department: string;
  readonly minimumAssurance: number;
  readonly processingDays: number;
  readonly fee: LocalizedText | null;
}

export interface ProcedureView {
  readonly procedureId: string;
  readonly version: number;
  readonly status: string;
  readonly definition: ProcedureDefinition;
}
