import type { Condition, PageDefinition, ProcedureDefinition } from './procedure-definition';

// The same rules as packages/core/src/procedures/conditions.ts, which the web app cannot import:
// the resident's form must show the steps the server will check, and the case page exactly the
// pages that applied to the applicant.

/** The value at a dot path of the answers (`item.` refers to the repeated item being asked). */
export function valueAt(answers: unknown, path: string, item?: unknown): unknown {
  const [first, ...rest] = path.split('.');
  let value: unknown = first === 'item' ? item : (answers as Record<string, unknown> | null)?.[first as string];
  for (const part of rest) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Whether a page or an attachment applies, given the answers so far. */
export function conditionHolds(condition: Condition, answers: unknown, item?: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers, item));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers, item));
  if ('not' in condition) return !conditionHolds(condition.not, answers, item);
  const value = valueAt(answers, condition.field, item);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value as string | number | boolean);
  return Array.isArray(value) && value.includes(condition.includes);
}

/** The pages that apply to the answers, in the definition's order. */
export function visiblePages(definition: ProcedureDefinition, answers: unknown): PageDefinition[] {
  return definition.pages.filter((page) => !page.showIf || conditionHolds(page.showIf, answers));
}

/**
 * Whether the register filled in the answer at `path` (or the group it is part of) for good: the
 * applicant could not change it.
 */
export function isLocked(lockedAnswers: readonly string[], path: string): boolean {
  return lockedAnswers.some((locked) => path === locked || path.startsWith(`${locked}.`));
}
