import { useId } from 'react';
import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { ApplicationDetail } from '../procedures/application-view';
import { valueAt } from '../procedures/procedure-conditions';
import { paths } from '../router';
import { AnswerLines } from './answer-lines';
import { answerLines } from './answer-text';
import { ChangeLink } from './change-link';
import type { FormStep } from './form-steps';
import { localized } from './localized';
import { stepQuestions } from './step-answers';
import { stepHeading } from './step-heading';

interface AnswerSummaryProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly detail: ApplicationDetail;
  readonly steps: readonly FormStep[];
}

interface Row {
  readonly key: string;
  readonly label: string;
  readonly lines: readonly string[];
  /** null: the register's answer, not changed here. */
  readonly changeTo: string | null;
}

function rowsOf(text: Messages, locale: Locale, detail: ApplicationDetail, step: FormStep, to: string): Row[] {
  const { application, definition, documents } = detail;
  if (step.kind === 'attachments') {
    return step.attachments.map((a) => ({
      key: `attachments.${a.id}`,
      label: localized(a.label, locale),
      lines: documents.filter((d) => d.attachmentId === a.id).map((d) => d.fileName),
      changeTo: to,
    }));
  }
  return stepQuestions(definition, step, application.lockedAnswers).map(({ question, path, locked }) => ({
    key: path,
    label: localized(question.label, locale),
    lines: answerLines(text, locale, question, valueAt(application.answers, path)),
    changeTo: locked ? null : to,
  }));
}

/** Every step's answers in words, each with a link back to its step (GOV.UK check answers). */
export function AnswerSummary({ text, locale, detail, steps }: AnswerSummaryProps) {
  const t = text.portal.check;
  const idBase = useId();
  const id = detail.application.applicationId;
  return (
    <div className="check-answers">
      {steps.map((step, index) => {
        const heading = stepHeading(text, locale, step);
        const headingId = `${idBase}-${index}`;
        const empty = step.kind === 'attachments' ? t.noFile : t.notAnswered;
        return (
          <section key={headingId} className="check-answers__section" aria-labelledby={headingId}>
            <h2 id={headingId} className="check-answers__heading">
              {heading}
            </h2>
            <dl className="summary-list summary-list--with-actions">
              {rowsOf(text, locale, detail, step, paths.applicationStep(id, index + 1)).map((row) => (
                <div key={row.key} className="summary-list__row">
                  <dt>{row.label}</dt>
                  <dd>
                    <AnswerLines lines={row.lines} empty={empty} />
                  </dd>
                  <dd className="summary-list__actions">
                    {row.changeTo ? (
                      <ChangeLink
                        text={text}
                        to={row.changeTo}
                        label={fill(t.changeTarget, { heading, label: row.label })}
                      />
                    ) : (
                      <span className="summary-list__note">{t.fromRegister}</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
