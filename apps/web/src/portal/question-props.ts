import type { Locale, Messages } from '../messages';
import type { QuestionDefinition } from '../procedures/procedure-definition';
import type { DraftValue } from './draft-values';

/** What every kind of question control is given. */
export interface QuestionProps<V extends DraftValue = DraftValue> {
  readonly text: Messages;
  readonly locale: Locale;
  readonly question: QuestionDefinition;
  /** The answer's dot path; the control's id is `answer-<path>`. */
  readonly path: string;
  /** The question's label in the page's language, 「（任意）」 added when it may be left out. */
  readonly label: string;
  readonly hint: string | undefined;
  readonly value: V;
  readonly error: string | undefined;
  readonly onChange: (value: V) => void;
}
