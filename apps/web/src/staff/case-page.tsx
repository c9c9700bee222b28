import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { CaseActions } from './case-actions';
import { CaseAnswers } from './case-answers';
import { CaseDocuments } from './case-documents';
import { CaseHeader } from './case-header';
import { CaseHistory } from './case-history';
import { LoadError } from './load-error';
import { StaffBar } from './staff-bar';
import { StaffGate } from './staff-gate';
import { StaffSignedOut } from './staff-signed-out';
import { type CaseState, useCase } from './use-case';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
}

/**
 * 申請の審査: one case with its answers, documents, history and the steps to take. The heading is
 * there from the start (the app focuses it after navigating) and names the procedure once loaded.
 */
export function CasePage({ text, locale, applicationId }: Props) {
  const { state, reload } = useCase(applicationId);
  const heading = state.status === 'loaded' ? state.detail.definition.names[locale] : text.staff.titles.case;
  return (
    <div className="page staff-page">
      <p className="staff-page__back">
        <Link to={paths.staffCases}>{text.staff.common.backToInbox}</Link>
      </p>
      <h1 className="page__heading" tabIndex={-1}>
        {heading}
      </h1>
      <StaffGate text={text}>
        {(session) => (
          <>
            <StaffBar text={text} lgCode={session.lgCode} />
            <CaseBody text={text} locale={locale} state={state} staffId={session.subjectId} onReload={reload} />
          </>
        )}
      </StaffGate>
    </div>
  );
}

interface CaseBodyProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly state: CaseState;
  readonly staffId: string | undefined;
  readonly onReload: () => void;
}

function CaseBody({ text, locale, state, staffId, onReload }: CaseBodyProps) {
  const t = text.staff.case;
  switch (state.status) {
    case 'loading':
      return (
        <p className="page__message" role="status">
          {t.loading}
        </p>
      );
    case 'error':
      return <LoadError text={text} message={t.loadError} onRetry={onReload} />;
    case 'signed-out':
      return <StaffSignedOut text={text} reason={state.expired ? 'expired' : 'not-logged-in'} />;
    case 'denied':
      return (
        <div className="notice">
          <h2>{t.deniedTitle}</h2>
          <p>{t.denied}</p>
        </div>
      );
    case 'not-found':
      return <p className="notice">{t.notFound}</p>;
    case 'loaded': {
      const { application, definition, events } = state.detail;
      return (
        <>
          <CaseHeader text={text} locale={locale} application={application} staffId={staffId} onChanged={onReload} />
          <CaseAnswers text={text} locale={locale} definition={definition} application={application} />
          <CaseDocuments text={text} locale={locale} detail={state.detail} />
          <CaseHistory text={text} locale={locale} events={events} decisions={definition.decisions} />
          <CaseActions text={text} locale={locale} detail={state.detail} onChanged={onReload} />
        </>
      );
    }
  }
}
