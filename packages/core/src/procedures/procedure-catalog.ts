import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { readCatalogFiles } from './catalog-files';
import { findLatestVersions, type StoredProcedureVersion } from './procedure.repository';
import { cachedLatestVersion, cachedVersion } from './procedure-cache';
import type { ProcedureDefinition } from './procedure-definition.types';
import { type PublishResult, publishProcedure } from './publish-procedure';

/** A procedure as the catalog lists it. */
export interface ProcedureSummary {
  readonly procedureId: string;
  readonly version: number;
  readonly names: ProcedureDefinition['names'];
  readonly summary: ProcedureDefinition['summary'];
  readonly department: string;
  readonly minimumAssurance: ProcedureDefinition['minimumAssurance'];
  readonly processingDays: number;
  readonly fee: ProcedureDefinition['fee'];
}

function summaryOf(stored: StoredProcedureVersion): ProcedureSummary {
  const d = stored.definition;
  return {
    procedureId: stored.procedureId,
    version: stored.version,
    names: d.names,
    summary: d.summary,
    department: stored.department,
    minimumAssurance: d.minimumAssurance,
    processingDays: d.processingDays,
    fee: d.fee,
  };
}

/** The procedures the municipality offers now (latest version of each, retired ones left out). */
export async function listProcedures(db: Database, lgCode: string): Promise<ProcedureSummary[]> {
  const latest = await findLatestVersions(db.kysely, lgCode);
  return latest.filter((v) => v.status === 'published').map(summaryOf);
}

/** One procedure's definition: the version given, or the one offered now. */
export async function getProcedure(
  db: Database,
  lgCode: string,
  procedureId: string,
  version?: number,
): Promise<StoredProcedureVersion> {
  const stored =
    version === undefined
      ? await cachedLatestVersion(db, lgCode, procedureId)
      : await cachedVersion(db, lgCode, procedureId, version);
  if (!stored || (version === undefined && stored.status === 'retired')) {
    throw new AppError('PROCEDURE_NOT_FOUND', 'no such procedure (version) in this municipality', {
      field: 'procedureId',
    });
  }
  return stored;
}

/**
 * Publishes the standard catalog (packages/core/procedure-catalog) for a municipality: each
 * procedure whose content differs from its latest version gets a new version; the others are left.
 */
export async function syncProcedureCatalog(
  db: Database,
  actor: Actor,
  lgCode: string,
  dir?: string,
): Promise<PublishResult[]> {
  const definitions = await readCatalogFiles(dir);
  const results: PublishResult[] = [];
  for (const definition of definitions) results.push(await publishProcedure(db, actor, { lgCode, definition }));
  return results;
}
