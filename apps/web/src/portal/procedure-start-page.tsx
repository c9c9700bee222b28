import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { LoadFailureNotice } from './load-failure-notice';
import { LoadingMessage } from './loading-message';
import { localized } from './localized';
import { MunicipalityChoice } from './municipality-choice';
import { ProcedureFacts } from './procedure-facts';
import { fetchProcedure } from './procedures-api';
import { RetryAlert } from './retry-alert';
import { StartApplication } from './start-application';
import { useDocumentTitle } from './use-document-title';
import { useMunicipality } from './use-municipality';
import { useResource } from './use-resource';

interface Props {
  readonly text: Messages;
  readonly locale: Locale;
  readonly procedureId: string;
}

// The key carries both parts: a new municipality means another procedure.
const loadProcedure = (key: string, signal: AbortSignal) => {
  const [lgCode = '', procedureId = ''] = key.split('/');
  return fetchProcedure(lgCode, procedureId, signal);
};

/** A procedure's start page (GOV.UK pattern): what it is, what is needed, and the start button. */
export function ProcedureStartPage({ text, locale, procedureId }: Props) {
  const municipality = useMunicipality();
  const state = municipality.state;
  const lgCode = state.status === 'ready' ? state.lgCode : null;
  const procedure = useResource(lgCode ? `${lgCode}/${procedureId}` : null, loadProcedure);
  const definition = procedure.state.status === 'loaded' ? procedure.state.data.definition : null;
  const name = definition ? localized(definition.names, locale) : null;
  useDocumentTitle(text, name);

  return (
    <div className="page page--narrow">
      <h1 className="page__heading" tabIndex={-1}>
        {name ?? text.portal.titles.procedure}
      </h1>
      {state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {state.status === 'error' && <RetryAlert text={text} onRetry={municipality.retry} />}
      {state.status === 'ready' && state.lgCode === null && (
        <MunicipalityChoice
          text={text}
          session={state.session}
          tenants={state.tenants}
          lgCode={null}
          onChoose={municipality.choose}
        />
      )}
      {procedure.state.status === 'loading' && <LoadingMessage>{text.portal.common.loading}</LoadingMessage>}
      {procedure.state.status === 'failed' &&
        (procedure.state.failure.kind === 'not-found' ? (
          <div className="notice">
            <p>{text.portal.start.notFound}</p>
            <p>
              <Link to={paths.procedures}>{text.portal.start.toCatalog}</Link>
            </p>
          </div>
        ) : (
          <LoadFailureNotice
            text={text}
            failure={procedure.state.failure}
            returnTo={paths.procedure(procedureId)}
            onRetry={procedure.reload}
          />
        ))}
      {definition && state.status === 'ready' && (
        <>
          <p className="page__lead">{localized(definition.summary, locale)}</p>
          <ProcedureFacts text={text} locale={locale} definition={definition} />
          <StartApplication
            text={text}
            procedureId={procedureId}
            minimumAssurance={definition.minimumAssurance}
            session={state.session}
          />
        </>
      )}
    </div>
  );
}
