import type { Answers } from '../procedures/application-view';

function copyOf(node: unknown, nextPart: string): Record<string, unknown> | unknown[] {
  if (Array.isArray(node)) return [...node];
  if (node !== null && typeof node === 'object') return { ...(node as Record<string, unknown>) };
  return /^\d+$/.test(nextPart) ? [] : {};
}

/**
 * A copy of `root` with the value at `path` set, or removed when `value` is undefined; the
 * objects and arrays on the way are copied, never changed, so the answers loaded stay as they were.
 */
export function withValueAt(root: Answers, path: string, value: unknown): Record<string, unknown> {
  const parts = path.split('.');
  const set = (node: unknown, index: number): unknown => {
    const part = parts[index] as string;
    const copy = copyOf(node, part) as Record<string, unknown>;
    if (index === parts.length - 1) {
      if (value === undefined) delete copy[part];
      else copy[part] = value;
      return copy;
    }
    copy[part] = set(copy[part], index + 1);
    return copy;
  };
  return set(root, 0) as Record<string, unknown>;
}

/** The answer a path belongs to: saving replaces a whole top-level answer. */
export function topKeyOf(path: string): string {
  return path.split('.')[0] as string;
}

/** Nothing given: absent, empty text, or an empty list. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}
