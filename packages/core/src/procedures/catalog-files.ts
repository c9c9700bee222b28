import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors';
import { checkProcedureDefinition, type DefinitionProblem } from './check-procedure-definition';
import type { ProcedureDefinition } from './procedure-definition.types';

/** The standard catalog shipped with Madoguchi: one JSON file per procedure (its latest version). */
export const CATALOG_DIR = fileURLToPath(new URL('../../procedure-catalog/', import.meta.url));

export interface CatalogFileProblem extends DefinitionProblem {
  readonly file: string;
}

/**
 * Reads and checks every definition in `dir`. Any problem in any file refuses the whole catalog
 * (CATALOG_INVALID lists file, path and message): a half-loaded catalog would offer some
 * procedures in a state nobody reviewed.
 */
export function readCatalogFiles(dir = CATALOG_DIR): Promise<ProcedureDefinition[]> {
  // The shipped catalog is read and checked once per process (every `serve --demo` start and test
  // database publishes it); other folders are read each time.
  if (dir !== CATALOG_DIR) return readAndCheck(dir);
  shipped ??= readAndCheck(dir).catch((error: unknown) => {
    shipped = undefined;
    throw error;
  });
  return shipped.then((definitions) => structuredClone(definitions));
}

let shipped: Promise<ProcedureDefinition[]> | undefined;

async function readAndCheck(dir: string): Promise<ProcedureDefinition[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const definitions: ProcedureDefinition[] = [];
  const problems: CatalogFileProblem[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push({ file, path: '', message: `is not JSON: ${(error as Error).message}` });
      continue;
    }
    const found = checkProcedureDefinition(value);
    const definition = value as ProcedureDefinition;
    if (found.length === 0 && `${definition.id}.json` !== file) {
      found.push({ path: 'id', message: `must match the file name (${file})` });
    }
    problems.push(...found.map((p) => ({ file, ...p })));
    if (found.length === 0) definitions.push(definition);
  }
  if (problems.length > 0) {
    throw new AppError('CATALOG_INVALID', `the procedure catalog has ${problems.length} problem(s)`, { problems });
  }
  return definitions;
}
