import { conditionHolds, valueAt } from '../procedures/conditions';
import { createJsonSchemaValidator, dotPath, type ErrorObject, type ValidateFunction } from '../procedures/json-schema';
import type { PageDefinition, ProcedureDefinition } from '../procedures/procedure-definition.types';

/** What is wrong with an answer, and where (a dot path such as `children.0.birthDate`). */
export interface AnswerProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

const ajv = createJsonSchemaValidator();
const compiled = new Map<string, ValidateFunction>();

/** The answer schema's validator, compiled once per procedure version (versions never change). */
function validatorFor(key: string, definition: ProcedureDefinition): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(definition.answers);
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, validate);
  }
  return validate;
}

/** The pages that apply to these answers, in order (a repeating page once, for all its items). */
export function visiblePages(definition: ProcedureDefinition, answers: unknown): PageDefinition[] {
  return definition.pages.filter((page) => !page.showIf || conditionHolds(page.showIf, answers));
}

/** The answers without those of pages that do not apply (a "no" can hide what a "yes" asked). */
export function pruneHiddenAnswers(definition: ProcedureDefinition, answers: Record<string, unknown>) {
  const pruned = structuredClone(answers);
  for (const page of definition.pages) {
    if (!page.showIf || conditionHolds(page.showIf, answers)) continue;
    const fields = page.repeat ? [page.repeat.field] : page.questions.map((q) => q.field);
    for (const field of fields) deleteAt(pruned, field);
  }
  return pruned;
}

function deleteAt(target: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  const parent = parts.length === 1 ? target : valueAt(target, parts.slice(0, -1).join('.'));
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[parts.at(-1) as string];
}

const MESSAGES: Record<string, (e: ErrorObject) => { code: string; message: string }> = {
  required: () => ({ code: 'REQUIRED', message: 'is required' }),
  minLength: (e) =>
    (e.params as { limit: number }).limit === 1
      ? { code: 'REQUIRED', message: 'is required' }
      : { code: 'TOO_SHORT', message: `must be at least ${(e.params as { limit: number }).limit} characters` },
  maxLength: (e) => ({
    code: 'TOO_LONG',
    message: `must be at most ${(e.params as { limit: number }).limit} characters`,
  }),
  format: (e) => ({ code: 'FORMAT', message: `is not a valid ${(e.params as { format: string }).format}` }),
  pattern: () => ({ code: 'PATTERN', message: 'is not in the expected form' }),
  enum: () => ({ code: 'NOT_ALLOWED', message: 'is not one of the choices' }),
  const: () => ({ code: 'NOT_ALLOWED', message: 'is not one of the choices' }),
  type: (e) => ({ code: 'WRONG_TYPE', message: `must be a ${(e.params as { type: string }).type}` }),
  minimum: (e) => ({ code: 'OUT_OF_RANGE', message: `must be ${(e.params as { limit: number }).limit} or more` }),
  maximum: (e) => ({ code: 'OUT_OF_RANGE', message: `must be ${(e.params as { limit: number }).limit} or less` }),
  minItems: (e) => ({ code: 'TOO_FEW', message: `needs at least ${(e.params as { limit: number }).limit}` }),
  maxItems: (e) => ({ code: 'TOO_MANY', message: `allows at most ${(e.params as { limit: number }).limit}` }),
  additionalProperties: () => ({ code: 'UNKNOWN_FIELD', message: 'is not a question of this procedure' }),
  uniqueItems: () => ({ code: 'DUPLICATE', message: 'lists the same choice twice' }),
};

function toProblem(error: ErrorObject): AnswerProblem | null {
  // if/then and anyOf wrappers repeat what their inner errors say.
  if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf') return null;
  const base = dotPath(error.instancePath);
  const extra =
    error.keyword === 'required'
      ? (error.params as { missingProperty: string }).missingProperty
      : error.keyword === 'additionalProperties'
        ? (error.params as { additionalProperty: string }).additionalProperty
        : '';
  const field = [base, extra].filter(Boolean).join('.');
  const described = (MESSAGES[error.keyword] ?? (() => ({ code: 'INVALID', message: 'is not valid' })))(error);
  return { field, ...described, message: `${field || 'answers'} ${described.message}` };
}

/** Every problem of the answers against the procedure's schema, one per field (the first). */
export function answerProblems(key: string, definition: ProcedureDefinition, answers: unknown): AnswerProblem[] {
  const validate = validatorFor(key, definition);
  if (validate(answers)) return [];
  const byField = new Map<string, AnswerProblem>();
  for (const error of validate.errors ?? []) {
    const problem = toProblem(error);
    if (problem && !byField.has(problem.field)) byField.set(problem.field, problem);
  }
  return [...byField.values()];
}
