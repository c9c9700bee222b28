import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { LoadFailureNotice } from './load-failure-notice';
import { LoadingMessage } from './loading-message';
import { MunicipalityChoice } from './municipality-choice';
import { ProcedureCatalog } from './procedure-catalog';
import { fetchProcedures } from './procedures-api';
import { RetryAlert } from './retry-alert';
import { useMunicipality } from './use-municipality';
import { useResource } from './use-resource';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
}

const loadProcedures = (lgCode: string, signal: AbortSignal) => fetchProcedures(lgCode, signal);

/** 手続きを探す: the municipality's procedures, by department, with a filter. */
export function ProceduresPage({ text, locale }: Props) {
  const t = text.portal.catalog;
  const municipality = useMunicipality();
  const state = municipality.state;
  const procedures = useResource(state.status === 'ready' ? state.lgCode : null, loadProcedures);
  return (
    <div className="page">
      <h1 className="page__heading" tabIndex={-1}>
        {text.portal.titles.procedures}
      </h1>
      <p className="page__lead">{t.intro}</p>
      {state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {state.status === 'error' && <RetryAlert text={text} onRetry={municipality.retry} />}
      {state.status === 'ready' && (
        <>
          <MunicipalityChoice
            text={text}
            session={state.session}
            tenants={state.tenants}
            lgCode={state.lgCode}
            onChoose={municipality.choose}
          />
          {procedures.state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
          {procedures.state.status === 'failed' && (
            <LoadFailureNotice
              text={text}
              failure={procedures.state.failure}
              returnTo={paths.procedures}
              onRetry={procedures.reload}
            />
          )}
          {procedures.state.status === 'loaded' &&
            (procedures.state.data.items.length === 0 ? (
              <p className="empty-state">{t.empty}</p>
            ) : (
              <ProcedureCatalog text={text} locale={locale} items={procedures.state.data.items} />
            ))}
        </>
      )}
    </div>
  );
}
