import { createHash } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { getTenant } from '../tenants';
import { checkProcedureDefinition } from './check-procedure-definition';
import { findVersion, insertVersion, lockProcedure, setVersionStatus } from './procedure.repository';
import { forgetLatestVersion } from './procedure-cache';
import type { ProcedureDefinition } from './procedure-definition.types';

export interface PublishResult {
  readonly procedureId: string;
  readonly version: number;
  /** False when the latest version already had this content: nothing was written. */
  readonly published: boolean;
}

/** JSON with keys sorted, so the digest does not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The digest of a definition's content; its version number is not part of it. */
export function definitionDigest(definition: ProcedureDefinition): string {
  const { version: _version, ...content } = definition;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * Publishes a definition as the next version of its procedure for the municipality, after checking
 * it (VALIDATION_FAILED lists every problem with its path). The version number in the input is
 * ignored: versions are numbered here, and a published version never changes. Publishing the content
 * of the latest version again writes nothing. A retired procedure is offered again by a new version.
 */
export async function publishProcedure(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly definition: unknown },
): Promise<PublishResult> {
  await getTenant(db, actor, input.lgCode);
  const problems = checkProcedureDefinition(input.definition);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `the procedure definition has ${problems.length} problem(s)`, {
      problems: problems.map((p) => ({ field: p.path, message: p.message })),
    });
  }
  const given = input.definition as ProcedureDefinition;
  const digest = definitionDigest(given);
  return db.kysely.transaction().execute(async (trx) => {
    await lockProcedure(trx, input.lgCode, given.id);
    const latest = await findVersion(trx, input.lgCode, given.id);
    if (latest && latest.digest === digest && latest.status === 'published') {
      return { procedureId: given.id, version: latest.version, published: false };
    }
    const definition: ProcedureDefinition = { ...given, version: (latest?.version ?? 0) + 1 };
    await insertVersion(trx, input.lgCode, definition, digest, actor.id);
    forgetLatestVersion(db, input.lgCode, definition.id);
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'procedure.publish',
        purpose: actor.purpose ?? 'procedure-administration',
        result: 'allowed',
        details: { procedureId: definition.id, version: definition.version, digest },
      },
    ]);
    return { procedureId: definition.id, version: definition.version, published: true };
  });
}

/** Stops offering a procedure; applications already started continue on their version. */
export async function retireProcedure(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly procedureId: string },
): Promise<{ readonly procedureId: string; readonly version: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    await lockProcedure(trx, input.lgCode, input.procedureId);
    const latest = await findVersion(trx, input.lgCode, input.procedureId);
    if (!latest) {
      throw new AppError('PROCEDURE_NOT_FOUND', 'no such procedure in this municipality', { field: 'procedureId' });
    }
    if (latest.status !== 'retired') {
      await setVersionStatus(trx, input.lgCode, input.procedureId, latest.version, 'retired');
      forgetLatestVersion(db, input.lgCode, input.procedureId);
      await appendAudit(trx, actor, [
        {
          lgCode: input.lgCode,
          action: 'procedure.retire',
          purpose: actor.purpose ?? 'procedure-administration',
          result: 'allowed',
          details: { procedureId: input.procedureId, version: latest.version },
        },
      ]);
    }
    return { procedureId: input.procedureId, version: latest.version };
  });
}
