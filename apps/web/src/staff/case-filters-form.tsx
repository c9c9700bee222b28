import { type FormEvent, useId, useState } from 'react';
import { departmentName } from '../department-name';
import type { Locale, Messages } from '../messages';
import { type CaseFilters, DEFAULT_FILTERS } from './case-filters';
import { CASE_STATUSES, type CaseStatus } from './case-types';
import type { ProcedureOption } from './use-procedure-options';

interface CaseFiltersFormProps {
  readonly text: Messages;
  readonly locale: Locale;
  /** The filters in force; the form edits a copy until it is submitted. */
  readonly value: CaseFilters;
  readonly procedures: readonly ProcedureOption[];
  readonly onApply: (filters: CaseFilters) => void;
}

const STATES = ['open', 'closed', 'all'] as const;

/** Procedure options grouped by department, in the order given. */
function byDepartment(procedures: readonly ProcedureOption[]): [string, ProcedureOption[]][] {
  const groups = new Map<string, ProcedureOption[]>();
  for (const p of procedures) groups.set(p.department, [...(groups.get(p.department) ?? []), p]);
  return [...groups.entries()];
}

/**
 * The inbox filters, as a form that is submitted like a GET search form (Enter or the button),
 * so a screen reader user is never surprised by the list changing under them while choosing.
 */
export function CaseFiltersForm({ text, locale, value, procedures, onApply }: CaseFiltersFormProps) {
  const t = text.staff.inbox;
  const common = text.staff.common;
  const [draft, setDraft] = useState<CaseFilters>(value);
  const headingId = useId();
  const set = (change: Partial<CaseFilters>) => setDraft((current) => ({ ...current, ...change }));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <search className="case-filters" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.filtersHeading}</h2>
      <form className="case-filters__form" onSubmit={handleSubmit}>
        <div className="case-filters__selects">
          <div className="form-field">
            <label className="form-field__label" htmlFor="case-filter-procedure">
              {t.procedureLabel}
            </label>
            <select
              id="case-filter-procedure"
              className="form-field__select"
              value={draft.procedureId}
              onChange={(event) => set({ procedureId: event.target.value })}
            >
              <option value="">{t.procedureAll}</option>
              {byDepartment(procedures).map(([department, options]) => (
                <optgroup key={department} label={departmentName(text, department)}>
                  {options.map((p) => (
                    <option key={p.procedureId} value={p.procedureId}>
                      {p.names[locale]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label className="form-field__label" htmlFor="case-filter-status">
              {t.statusLabel}
            </label>
            <select
              id="case-filter-status"
              className="form-field__select"
              value={draft.status}
              onChange={(event) => set({ status: event.target.value as CaseStatus | '' })}
            >
              <option value="">{t.statusAll}</option>
              {CASE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {common.statuses[status] ?? status}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="staff-choices">
          <legend className="staff-choices__legend">{t.stateLegend}</legend>
          {STATES.map((state) => (
            <div key={state} className="staff-choice">
              <input
                id={`case-filter-state-${state}`}
                type="radio"
                name="state"
                value={state}
                checked={draft.state === state}
                onChange={() => set({ state })}
              />
              <label htmlFor={`case-filter-state-${state}`}>
                {{ open: t.stateOpen, closed: t.stateClosed, all: t.stateAll }[state]}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="staff-choices">
          <legend className="staff-choices__legend">{t.conditionsLegend}</legend>
          <div className="staff-choice">
            <input
              id="case-filter-overdue"
              type="checkbox"
              checked={draft.overdue}
              onChange={(event) => set({ overdue: event.target.checked })}
            />
            <label htmlFor="case-filter-overdue">{t.overdueOnly}</label>
          </div>
          <div className="staff-choice">
            <input
              id="case-filter-mine"
              type="checkbox"
              checked={draft.mine}
              onChange={(event) => set({ mine: event.target.checked })}
            />
            <label htmlFor="case-filter-mine">{t.mineOnly}</label>
          </div>
        </fieldset>
        <div className="case-filters__actions">
          <button type="submit" className="button button--primary">
            {t.apply}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(DEFAULT_FILTERS);
              onApply(DEFAULT_FILTERS);
            }}
          >
            {t.reset}
          </button>
        </div>
      </form>
    </search>
  );
}
