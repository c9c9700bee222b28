import {
  DECISION_OUTCOMES,
  DEPARTMENTS,
  PREFILL_SOURCES,
  QUESTION_INPUTS,
  REGISTRY_OPERATIONS,
} from './procedure-definition.types';

/**
 * The shape of a procedure definition, as JSON Schema (2020-12): what a file of the catalog or a
 * version published through the admin API must look like before its meaning is checked
 * (`checkProcedureDefinition`). It mirrors procedure-definition.types.ts.
 */
const localized = {
  type: 'object',
  additionalProperties: false,
  required: ['ja', 'en', 'easy-ja'],
  properties: {
    ja: { type: 'string', minLength: 1, maxLength: 2000 },
    en: { type: 'string', minLength: 1, maxLength: 2000 },
    'easy-ja': { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

const id = { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 60 } as const;
const fieldPath = {
  type: 'string',
  pattern: '^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z][a-zA-Z0-9]*)*$',
  maxLength: 120,
} as const;

const condition = {
  $id: 'condition',
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'equals'],
      properties: { field: fieldPath, equals: { type: ['string', 'number', 'boolean'] } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'in'],
      properties: {
        field: fieldPath,
        in: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'includes'],
      properties: { field: fieldPath, includes: { type: 'string' } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['all'],
      properties: { all: { type: 'array', minItems: 1, items: { $ref: 'condition' } } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['any'],
      properties: { any: { type: 'array', minItems: 1, items: { $ref: 'condition' } } },
    },
    { type: 'object', additionalProperties: false, required: ['not'], properties: { not: { $ref: 'condition' } } },
  ],
} as const;

export const PROCEDURE_DEFINITION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://madoguchi.example/schemas/procedure-definition.json',
  $defs: { condition },
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'version',
    'names',
    'summary',
    'department',
    'legalBasis',
    'minimumAssurance',
    'sensitivity',
    'prefillPurpose',
    'answers',
    'pages',
    'prefill',
    'attachments',
    'processingDays',
    'fee',
    'declaration',
    'decisions',
  ],
  properties: {
    $schema: { type: 'string' },
    id,
    version: { type: 'integer', minimum: 1 },
    names: localized,
    summary: localized,
    department: { enum: DEPARTMENTS },
    legalBasis: { type: 'string', minLength: 1, maxLength: 200 },
    minimumAssurance: { enum: [1, 2, 3] },
    sensitivity: { enum: ['personal', 'sensitive', 'special'] },
    prefillPurpose: { type: 'string', minLength: 1 },
    answers: {
      type: 'object',
      required: ['type', 'properties'],
      properties: { type: { const: 'object' }, properties: { type: 'object' } },
    },
    pages: {
      type: 'array',
      minItems: 1,
      maxItems: 80,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'questions'],
        properties: {
          id,
          title: localized,
          hint: localized,
          showIf: { $ref: 'condition' },
          repeat: {
            type: 'object',
            additionalProperties: false,
            required: ['field', 'itemTitle', 'min', 'max'],
            properties: {
              field: fieldPath,
              itemTitle: localized,
              min: { type: 'integer', minimum: 0 },
              max: { type: 'integer', minimum: 1, maximum: 50 },
            },
          },
          questions: {
            type: 'array',
            minItems: 1,
            maxItems: 8,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['field', 'label', 'input'],
              properties: {
                field: fieldPath,
                label: localized,
                hint: localized,
                input: { enum: QUESTION_INPUTS },
                autocomplete: { type: 'string', pattern: '^[a-z0-9 -]+$' },
                options: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['value', 'label'],
                    properties: { value: { type: 'string', minLength: 1 }, label: localized },
                  },
                },
              },
            },
          },
        },
      },
    },
    prefill: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['answer', 'source', 'editable'],
        properties: { answer: fieldPath, source: { enum: PREFILL_SOURCES }, editable: { type: 'boolean' } },
      },
    },
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'required', 'accept', 'maxBytes'],
        properties: {
          id,
          label: localized,
          hint: localized,
          required: { type: 'boolean' },
          accept: {
            type: 'array',
            minItems: 1,
            items: { enum: ['image/jpeg', 'image/png', 'application/pdf'] },
          },
          maxBytes: { type: 'integer', minimum: 1, maximum: 5_000_000 },
          showIf: { $ref: 'condition' },
        },
      },
    },
    processingDays: { type: 'integer', minimum: 1, maximum: 365 },
    fee: { oneOf: [{ type: 'null' }, localized] },
    declaration: localized,
    decisions: {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'outcome', 'label', 'requiresReason', 'notice'],
        properties: {
          id,
          outcome: { enum: DECISION_OUTCOMES },
          label: localized,
          requiresReason: { type: 'boolean' },
          notice: {
            type: 'object',
            additionalProperties: false,
            required: ['title', 'body'],
            properties: { title: localized, body: localized },
          },
        },
      },
    },
    onApproval: {
      type: 'object',
      additionalProperties: false,
      required: ['operation', 'fields'],
      properties: {
        operation: { enum: REGISTRY_OPERATIONS },
        fields: { type: 'object', additionalProperties: fieldPath },
      },
    },
  },
} as const;
