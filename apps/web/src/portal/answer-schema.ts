import type { JsonSchema } from '../procedures/procedure-definition';

/**
 * What the answer schema says about one question, for the pages' wording only (「任意」, the
 * "at most N characters" of a problem); the server alone decides what is valid.
 */
function requiredNames(node: JsonSchema): string[] {
  // A `then` requires an answer only when its condition holds, and the page that asks it is shown
  // only then too: on that page the answer is required.
  const conditional = [node.then, ...(node.allOf ?? []).map((part) => part.then)];
  return [...(node.required ?? []), ...conditional.flatMap((part) => part?.required ?? [])];
}

/** The schema of the answer at a dot path (array indexes step into `items`), or null. */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | null {
  let node: JsonSchema | undefined = root;
  for (const part of path.split('.')) {
    if (!node) return null;
    node = /^\d+$/.test(part) ? node.items : node.properties?.[part];
  }
  return node ?? null;
}

/** Whether the answer at a dot path must be given (every object on the way counted as present). */
export function isRequiredPath(root: JsonSchema, path: string): boolean {
  const parts = path.split('.');
  let node: JsonSchema | undefined = root;
  for (const [index, part] of parts.entries()) {
    if (!node) return false;
    if (/^\d+$/.test(part)) {
      node = node.items;
      continue;
    }
    if (index === parts.length - 1) return requiredNames(node).includes(part);
    node = node.properties?.[part];
  }
  return false;
}
