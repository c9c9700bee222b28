import type { Condition } from './procedure-definition.types';

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

/** Whether a page or attachment applies, given the answers so far. */
export function conditionHolds(condition: Condition, answers: unknown, item?: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers, item));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers, item));
  if ('not' in condition) return !conditionHolds(condition.not, answers, item);
  const value = valueAt(answers, condition.field, item);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value as string | number | boolean);
  return Array.isArray(value) && value.includes(condition.includes);
}

/** The fields a condition reads. */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  return [condition.field];
}
