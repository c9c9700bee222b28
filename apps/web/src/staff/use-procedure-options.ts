import { useEffect, useMemo, useState } from 'react';
import { apiRequest } from '../api-client';
import { DEPARTMENTS } from '../procedures/procedure-definition';
import type { ProcedureSummary } from '../procedures/procedure-summary';
import type { CaseSummary } from './case-types';

export type ProcedureOption = Pick<ProcedureSummary, 'procedureId' | 'names' | 'department'>;

/** Departments in the order of DEPARTMENTS; one this build does not know goes last. */
function rank(department: string): number {
  const index = (DEPARTMENTS as readonly string[]).indexOf(department);
  return index === -1 ? DEPARTMENTS.length : index;
}

/**
 * The procedures to filter the inbox by: the municipality's catalog, plus any procedure the
 * listed cases name that it lacks (one retired since, whose cases are still being handled).
 */
export function useProcedureOptions(lgCode: string, cases: readonly CaseSummary[] | null): ProcedureOption[] {
  const [catalog, setCatalog] = useState<readonly ProcedureOption[]>([]);
  const [seen, setSeen] = useState<ReadonlyMap<string, ProcedureOption>>(new Map());

  useEffect(() => {
    const controller = new AbortController();
    apiRequest<{ items: ProcedureSummary[] }>('GET', `/api/v1/tenants/${encodeURIComponent(lgCode)}/procedures`, {
      signal: controller.signal,
    }).then(
      (result) => {
        if (result.ok) setCatalog(result.data.items);
      },
      // Without the catalog the select still offers the procedures of the listed cases: no alert for that.
      () => undefined,
    );
    return () => controller.abort();
  }, [lgCode]);

  useEffect(() => {
    if (!cases || cases.length === 0) return;
    setSeen((previous) => {
      const next = new Map(previous);
      for (const c of cases) {
        if (!next.has(c.procedureId))
          next.set(c.procedureId, { procedureId: c.procedureId, names: c.names, department: c.department });
      }
      return next.size === previous.size ? previous : next;
    });
  }, [cases]);

  return useMemo(() => {
    const all = new Map<string, ProcedureOption>(seen);
    for (const option of catalog) all.set(option.procedureId, option);
    return [...all.values()].sort(
      (a, b) => rank(a.department) - rank(b.department) || a.names.ja.localeCompare(b.names.ja, 'ja'),
    );
  }, [catalog, seen]);
}
