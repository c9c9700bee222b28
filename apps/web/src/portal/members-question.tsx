import { useState } from 'react';
import { fill } from '../format';
import type { Messages } from '../messages';
import { memberName } from './answer-text';
import { choiceId } from './choice-question';
import type { MemberItem } from './draft-values';
import { fieldId } from './field-ids';
import { FieldsetField } from './fieldset-field';
import { membersToOffer, sameMember } from './form-memory';
import { formatDate } from './format-date';
import type { QuestionProps } from './question-props';

interface MembersQuestionProps extends QuestionProps<readonly MemberItem[]> {
  readonly applicationId: string;
}

function memberDetails(text: Messages, locale: QuestionProps['locale'], member: MemberItem): string | null {
  return typeof member.birthDate === 'string'
    ? fill(text.portal.form.memberBorn, { date: formatDate(member.birthDate, locale) })
    : null;
}

/**
 * Household members from the register, each a checkbox, all ticked at first: the resident unticks
 * whoever the application is not about. A ticked member's item is kept whole (with its person id).
 */
export function MembersQuestion(props: MembersQuestionProps) {
  const { text, locale, path, label, hint, value, error, onChange, applicationId } = props;
  // Who to offer is fixed when the page opens; ticking does not change the list.
  const [offered] = useState(() => membersToOffer(applicationId, path, value));
  const ticked = (member: MemberItem) => value.some((chosen) => sameMember(chosen, member));
  const toggle = (member: MemberItem, checked: boolean) =>
    onChange(offered.filter((m) => (sameMember(m, member) ? checked : ticked(m))));

  if (offered.length === 0) {
    return (
      <FieldsetField id={fieldId(path)} legend={label} hint={hint} error={error} errorPrefix={text.errorPrefix}>
        <p className="empty-state">{text.portal.form.noMembers}</p>
      </FieldsetField>
    );
  }
  return (
    <FieldsetField
      id={fieldId(path)}
      legend={label}
      hint={hint ?? text.portal.form.membersHint}
      error={error}
      errorPrefix={text.errorPrefix}
    >
      <div className="choices">
        {offered.map((member, index) => {
          const id = choiceId(path, index);
          const details = memberDetails(text, locale, member);
          return (
            <div key={id} className="choice">
              <input
                id={id}
                className="choice__input"
                type="checkbox"
                checked={ticked(member)}
                aria-invalid={Boolean(error)}
                onChange={(event) => toggle(member, event.target.checked)}
              />
              <label className="choice__label" htmlFor={id}>
                {/* Names and relationships are the register's, in Japanese whatever the page language. */}
                <span lang="ja">{memberName(text, member)}</span>
                {details && <span className="choice__details">{details}</span>}
              </label>
            </div>
          );
        })}
      </div>
    </FieldsetField>
  );
}
