import { useCallback, useState } from 'react';
import type { Locale, Messages } from '../messages';
import { type CaseFilters, filtersFromQuery, filtersToQuery } from './case-filters';
import { CaseFiltersForm } from './case-filters-form';
import { CaseTable, caseCount } from './case-table';
import { LoadError } from './load-error';
import { StaffBar } from './staff-bar';
import { StaffGate } from './staff-gate';
import type { StaffSession } from './staff-session';
import { StaffSignedOut } from './staff-signed-out';
import { useCaseSearch } from './use-case-search';
import { useProcedureOptions } from './use-procedure-options';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
}

/** 申請の受付一覧: the cases of the staff member's departments, filtered. */
export function CaseInboxPage({ text, locale }: Props) {
  return (
    <div className="page staff-page">
      <h1 className="page__heading" tabIndex={-1}>
        {text.staff.titles.cases}
      </h1>
      <StaffGate text={text}>{(session) => <Inbox text={text} locale={locale} session={session} />}</StaffGate>
    </div>
  );
}

function Inbox({ text, locale, session }: Props & { readonly session: StaffSession }) {
  const t = text.staff.inbox;
  const [filters, setFilters] = useState<CaseFilters>(() => filtersFromQuery(window.location.search));
  const { state, reload } = useCaseSearch(filters);
  const procedures = useProcedureOptions(session.lgCode, state.status === 'loaded' ? state.list.cases : null);

  // The filters go into the address like a GET form's, replacing the entry: Back leaves the inbox
  // rather than stepping through every search, and a reload or a bookmark shows the same list.
  const apply = useCallback((next: CaseFilters) => {
    window.history.replaceState(null, '', `${window.location.pathname}${filtersToQuery(next)}`);
    setFilters(next);
  }, []);

  return (
    <>
      <StaffBar text={text} lgCode={session.lgCode} />
      <p className="page__lead">{t.intro}</p>
      <CaseFiltersForm text={text} locale={locale} value={filters} procedures={procedures} onApply={apply} />
      <div className="case-list">
        {/* Always present, so the count is announced when a new search completes. */}
        <p className="case-list__status" role="status">
          {state.status === 'loading' ? t.loading : state.status === 'loaded' ? caseCount(text, state.list) : ''}
        </p>
        {state.status === 'error' && <LoadError text={text} message={t.loadError} onRetry={reload} />}
        {state.status === 'signed-out' && (
          <StaffSignedOut text={text} reason={state.expired ? 'expired' : 'not-logged-in'} />
        )}
        {state.status === 'denied' && (
          <div className="notice">
            <h2>{t.deniedTitle}</h2>
            <p>{t.denied}</p>
          </div>
        )}
        {state.status === 'loaded' && (
          <CaseTable text={text} locale={locale} list={state.list} staffId={session.subjectId} />
        )}
      </div>
    </>
  );
}
