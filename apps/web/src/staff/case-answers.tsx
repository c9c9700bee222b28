import { useId } from 'react';
import type { Locale, Messages } from '../messages';
import type { Application } from '../procedures/application-view';
import type { ProcedureDefinition } from '../procedures/procedure-definition';
import { type AnswerValue, answerGroups } from './answer-groups';

interface CaseAnswersProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly definition: ProcedureDefinition;
  readonly application: Application;
}

function Value({ value, none }: { readonly value: AnswerValue; readonly none: string }) {
  switch (value.kind) {
    case 'none':
      return <span className="answer-none">{none}</span>;
    case 'list':
      return (
        <ul className="answer-list">
          {value.items.map((item, index) => (
            // Items are names or labels, which may repeat; their order is the answer's own.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={index}>{item}</li>
          ))}
        </ul>
      );
    case 'text':
      return (
        <span className={value.multiline ? 'answer-text answer-text--multiline' : 'answer-text'}>{value.text}</span>
      );
  }
}

/** 申請内容: what the applicant answered, page by page, in words (option labels, dates as written). */
export function CaseAnswers({ text, locale, definition, application }: CaseAnswersProps) {
  const t = text.staff.case;
  const headingId = useId();
  const groups = answerGroups(definition, application, locale, t);
  return (
    <section className="case-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.answersHeading}</h2>
      {groups.map((group) => (
        <div key={group.key} className="answer-group">
          <h3 className="answer-group__title">{group.title}</h3>
          {group.rows.length === 0 ? (
            <p className="answer-none">{t.noItems}</p>
          ) : (
            <dl className="summary-list">
              {group.rows.map((row) => (
                <div key={row.key} className="summary-list__row">
                  <dt>{row.label}</dt>
                  <dd>
                    <Value value={row.value} none={t.noAnswer} />
                    {row.fromRegister && <span className="source-tag">{t.fromRegister}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      ))}
    </section>
  );
}
