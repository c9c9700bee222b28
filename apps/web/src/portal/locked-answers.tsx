import { useId } from 'react';
import type { Locale, Messages } from '../messages';
import type { Answers } from '../procedures/application-view';
import { valueAt } from '../procedures/procedure-conditions';
import { answerLines } from './answer-text';
import { fieldId } from './field-ids';
import { localized } from './localized';
import type { StepQuestion } from './step-answers';

interface LockedAnswersProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly questions: readonly StepQuestion[];
  readonly answers: Answers;
}

/**
 * Answers the register filled in that the law does not let the resident change online: shown,
 * not editable, with where to have them corrected.
 */
export function LockedAnswers({ text, locale, questions, answers }: LockedAnswersProps) {
  const t = text.portal.form;
  const headingId = useId();
  return (
    <section className="locked-answers" aria-labelledby={headingId}>
      <h2 id={headingId} className="locked-answers__heading">
        {t.lockedHeading}
      </h2>
      <p className="locked-answers__note">{t.lockedNote}</p>
      <dl className="summary-list">
        {questions.map(({ question, path }) => {
          const lines = answerLines(text, locale, question, valueAt(answers, path));
          return (
            <div key={path} className="summary-list__row">
              <dt>{localized(question.label, locale)}</dt>
              <dd id={fieldId(path)}>{lines.length > 0 ? lines.join(t.listSeparator) : t.notAnswered}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
