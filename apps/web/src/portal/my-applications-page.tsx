import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { ApplicationList } from './application-list';
import { fetchMyApplications } from './applications-api';
import { LoadFailureNotice } from './load-failure-notice';
import { LoadingMessage } from './loading-message';
import { useResource } from './use-resource';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
}

const loadMine = (_key: string, signal: AbortSignal) => fetchMyApplications(signal);

/** あなたの申請: drafts to go on with, and where each submitted application stands. */
export function MyApplicationsPage({ text, locale }: Props) {
  const t = text.portal.applications;
  const { state, reload } = useResource('mine', loadMine);
  return (
    <div className="page">
      <h1 className="page__heading" tabIndex={-1}>
        {text.portal.titles.applications}
      </h1>
      <p className="page__lead">{t.intro}</p>
      {state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {state.status === 'failed' && (
        <LoadFailureNotice text={text} failure={state.failure} returnTo={paths.applications} onRetry={reload} />
      )}
      {state.status === 'loaded' &&
        (state.data.items.length === 0 ? (
          <div className="empty-state">
            <p>{t.empty}</p>
            <p>
              <Link to={paths.procedures}>{t.findProcedure}</Link>
            </p>
          </div>
        ) : (
          <ApplicationList text={text} locale={locale} items={state.data.items} />
        ))}
    </div>
  );
}
