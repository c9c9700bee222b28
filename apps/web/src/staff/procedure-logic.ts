import type { Condition, PageDefinition, ProcedureDefinition } from './case-types';

// The same rules as packages/core/src/procedures/conditions.ts and form-logic.ts, which the web
// app cannot import: the case page must show exactly the pages that applied to the applicant.

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

/** Whether a page applies, given the answers. */
export function conditionHolds(condition: Condition, answers: unknown, item?: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers, item));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers, item));
  if ('not' in condition) return !conditionHolds(condition.not, answers, item);
  const value = valueAt(answers, condition.field, item);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value as string | number | boolean);
  return Array.isArray(value) && value.includes(condition.includes);
}

export function visiblePages(definition: ProcedureDefinition, answers: unknown): PageDefinition[] {
  return definition.pages.filter((page) => !page.showIf || conditionHolds(page.showIf, answers));
}

/** Whether the register filled in this answer (or the group it is part of) and it could not be changed. */
export function isLocked(lockedAnswers: readonly string[], path: string): boolean {
  return lockedAnswers.some((locked) => path === locked || path.startsWith(`${locked}.`));
}
