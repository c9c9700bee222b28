import { useEffect, useMemo, useState } from 'react';
import { apiRequest } from '../api-client';
import type { CaseSummary, LocalizedText } from './case-types';

export interface ProcedureOption {
  readonly procedureId: string;
  readonly names: LocalizedText;
  readonly department: string;
}

/** The order departments are listed in (the order of packages/core's DEPARTMENTS). */
const DEPARTMENT_ORDER = [
  'citizen',
  'child-support',
  'childcare',
  'health-insurance',
  'long-term-care',
  'environment',
  'roads',
];

function rank(department: string): number {
  const index = DEPARTMENT_ORDER.indexOf(department);
  return index === -1 ? DEPARTMENT_ORDER.length : index;
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
    apiRequest<{ items: ProcedureOption[] }>('GET', `/api/v1/tenants/${encodeURIComponent(lgCode)}/procedures`, {
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
