import { useEffect, useId, useRef } from 'react';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { DecisionDefinition } from '../procedures/procedure-definition';
import type { DecisionResult } from './case-types';
import { caseDocumentUrl } from './cases-api';

interface DecisionResultPanelProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly applicationId: string;
  readonly result: DecisionResult;
  readonly decisions: readonly DecisionDefinition[];
}

/**
 * What the decision just did: the decision, whether the applicant was told, what the registry
 * recorded (an approved 転居届 records the relocation) and what is left to do about households
 * left without a head, with the notice to print. Focused when it appears: the form that was
 * used is gone, as the case is no longer open.
 */
export function DecisionResultPanel({ text, locale, applicationId, result, decisions }: DecisionResultPanelProps) {
  const t = text.staff.decision;
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const label = decisions.find((d) => d.id === result.decisionId)?.label[locale] ?? result.decisionId;
  const registry = result.registry;
  return (
    <section className="decision-result" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 id={headingId}>{t.resultTitle}</h2>
      <p>{fill(t.resultDecision, { decision: label })}</p>
      <p>{result.notified ? t.resultNotified : t.resultNotNotified}</p>
      {registry && (
        <p data-testid="registry-result">
          {t.registryOperations[registry.operation] ?? fill(t.registryOther, { operation: registry.operation })}
        </p>
      )}
      {registry && registry.householdsWithoutHead.length > 0 && (
        <div className="decision-result__households">
          <p>{t.householdsWithoutHead}</p>
          <ul>
            {registry.householdsWithoutHead.map((household) => (
              <li key={household}>
                <code>{household}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <a href={caseDocumentUrl(applicationId, 'decision-notice')}>{t.noticeLink}</a>
      </p>
    </section>
  );
}
