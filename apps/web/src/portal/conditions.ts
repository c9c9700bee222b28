import { valueAt } from './answer-paths';
import type { Condition } from './procedure-types';

/**
 * Whether a page or an attachment applies to the answers so far: the same rule as the server's
 * (packages/core/src/procedures/conditions.ts), so the steps shown are the ones it will check.
 */
export function conditionHolds(condition: Condition, answers: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers));
  if ('not' in condition) return !conditionHolds(condition.not, answers);
  const value = valueAt(answers, condition.field);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value as string | number | boolean);
  return Array.isArray(value) && value.includes(condition.includes);
}
