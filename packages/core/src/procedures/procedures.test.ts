import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '@madoguchi/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../audit';
import { registryTestDatabase } from '../registry/test-fixtures';
import {
  checkProcedureDefinition,
  getProcedure,
  listProcedures,
  type ProcedureDefinition,
  publishProcedure,
  readCatalogFiles,
  retireProcedure,
  syncProcedureCatalog,
} from '.';

const LG = '999997';
const operator = { kind: 'operator' as const, id: 'test' };

async function childAllowance(): Promise<ProcedureDefinition> {
  const all = await readCatalogFiles();
  return all.find((d) => d.id === 'child-allowance') as ProcedureDefinition;
}

describe('the procedure catalog', () => {
  it('ships at least 12 procedures, each valid, in three languages, with an approve and a refuse', async () => {
    const all = await readCatalogFiles();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const definition of all) {
      expect(checkProcedureDefinition(definition), definition.id).toEqual([]);
      expect(definition.decisions.map((d) => d.outcome).sort()).toEqual(['approved', 'rejected']);
    }
    const ids = all.map((d) => d.id);
    for (const id of [
      'child-allowance',
      'relocation-notice',
      'move-out-notice',
      'road-damage-report',
      'certificate-by-mail',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('finds what is wrong in a definition, with the path of each problem', async () => {
    const good = await childAllowance();
    const bad = structuredClone(good) as unknown as Record<string, unknown> & ProcedureDefinition;
    const pages = bad.pages as unknown as Record<string, unknown>[];
    (pages[1] as { questions: { field: string }[] }).questions[0] = {
      ...(pages[1] as { questions: { field: string }[] }).questions[0],
      field: 'telephone',
    } as never;
    (pages[4] as { showIf: unknown }).showIf = { field: 'bank.bankName', equals: 'x' };
    (bad as unknown as { decisions: unknown[] }).decisions = bad.decisions.map((d) => ({
      ...d,
      id: `${d.id}-x`,
      outcome: 'approved',
    }));
    (bad as unknown as { prefillPurpose: string }).prefillPurpose = 'marketing';
    const problems = checkProcedureDefinition(bad);
    const paths = problems.map((p) => p.path);
    expect(paths).toContain('pages.1.questions.0.field');
    expect(paths).toContain('pages.4.showIf');
    expect(paths).toContain('prefillPurpose');
    expect(problems.some((p) => p.path === 'decisions' && /rejected/.test(p.message))).toBe(true);
    expect(problems.some((p) => p.path === 'answers' && /phone is never asked/.test(p.message))).toBe(true);
    expect(checkProcedureDefinition({ id: 'X Y' }).length).toBeGreaterThan(1);
    expect(checkProcedureDefinition(null)).not.toEqual([]);
  });

  it('refuses the whole catalog when one file is wrong, naming the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-catalog-'));
    await writeFile(path.join(dir, 'child-allowance.json'), JSON.stringify(await childAllowance()));
    await writeFile(path.join(dir, 'broken.json'), '{ "id": ');
    await expect(readCatalogFiles(dir)).rejects.toMatchObject({
      code: 'CATALOG_INVALID',
      details: { problems: [expect.objectContaining({ file: 'broken.json' })] },
    });
  });
});

describe('publishing procedures for a municipality', () => {
  let db: Database;
  beforeEach(async () => {
    db = await registryTestDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  it('numbers versions itself, adds none for the same content, and keeps every version readable', async () => {
    const results = await syncProcedureCatalog(db, operator, LG);
    expect(results.every((r) => r.published && r.version === 1)).toBe(true);
    expect((await syncProcedureCatalog(db, operator, LG)).every((r) => !r.published)).toBe(true);
    const changed = { ...(await childAllowance()), version: 99, processingDays: 20 };
    expect(await publishProcedure(db, operator, { lgCode: LG, definition: changed })).toEqual({
      procedureId: 'child-allowance',
      version: 2,
      published: true,
    });
    expect((await getProcedure(db, LG, 'child-allowance')).definition.processingDays).toBe(20);
    expect((await getProcedure(db, LG, 'child-allowance', 1)).definition.processingDays).toBe(30);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 100)).filter((a) => a.action === 'procedure.publish');
    expect(audit).toHaveLength(results.length + 1);
  });

  it('refuses an invalid definition with every problem, writing nothing', async () => {
    const invalid = { ...(await childAllowance()), department: 'parks', minimumAssurance: 5 };
    await expect(publishProcedure(db, operator, { lgCode: LG, definition: invalid })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ field: 'department' }),
          expect.objectContaining({ field: 'minimumAssurance' }),
        ]),
      },
    });
    expect(await listProcedures(db, LG)).toEqual([]);
  });

  it('a retired procedure is no longer offered; a new version offers it again', async () => {
    await syncProcedureCatalog(db, operator, LG);
    const before = (await listProcedures(db, LG)).length;
    await retireProcedure(db, operator, { lgCode: LG, procedureId: 'road-damage-report' });
    expect((await listProcedures(db, LG)).map((p) => p.procedureId)).not.toContain('road-damage-report');
    expect((await listProcedures(db, LG)).length).toBe(before - 1);
    await expect(getProcedure(db, LG, 'road-damage-report')).rejects.toMatchObject({ code: 'PROCEDURE_NOT_FOUND' });
    expect((await getProcedure(db, LG, 'road-damage-report', 1)).version).toBe(1);
    await syncProcedureCatalog(db, operator, LG);
    expect((await getProcedure(db, LG, 'road-damage-report')).version).toBe(2);
  });
});
