import { useId } from 'react';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { ProcedureDefinition } from '../procedures/procedure-definition';
import { assuranceLevelOf } from './assurance';
import { attachmentFormats } from './attachment-format';
import { localized } from './localized';

interface ProcedureFactsProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly definition: ProcedureDefinition;
}

/** What to know before starting: the login, the files to attach, the fee, how long it takes, the law. */
export function ProcedureFacts({ text, locale, definition }: ProcedureFactsProps) {
  const t = text.portal.start;
  const headingId = useId();
  const departmentName = (text.portal.departments as Readonly<Record<string, string>>)[definition.department];
  return (
    <section className="procedure-facts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.factsHeading}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t.loginLabel}</dt>
          <dd>{text.portal.common.loginNeeded[assuranceLevelOf(definition.minimumAssurance)]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.attachmentsLabel}</dt>
          <dd>
            {definition.attachments.length === 0 ? (
              t.noAttachments
            ) : (
              <ul className="procedure-facts__list">
                {definition.attachments.map((attachment) => (
                  <li key={attachment.id}>
                    {localized(attachment.label, locale)}
                    {attachment.required ? t.required : t.optional}
                    {attachment.showIf ? t.onlyIfApplies : ''}
                    <span className="procedure-facts__formats">{attachmentFormats(text, attachment)}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.feeLabel}</dt>
          <dd>{definition.fee ? localized(definition.fee, locale) : t.noFee}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.processingLabel}</dt>
          <dd>{fill(t.processingDays, { days: definition.processingDays })}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.departmentLabel}</dt>
          <dd>{departmentName ?? definition.department}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.legalBasisLabel}</dt>
          {/* The provision is cited in Japanese, as the law is, whatever the page language. */}
          <dd lang="ja">{definition.legalBasis}</dd>
        </div>
      </dl>
    </section>
  );
}
