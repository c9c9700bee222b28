import type { Answers } from '../procedures/application-view';
import { topKeyOf, withValueAt } from './answer-paths';
import type { AnswerProblem } from './application-types';
import { problemsOf, saveAnswers } from './applications-api';
import { failureOf, type LoadFailure } from './failure';
import { keepUnsavedItems } from './form-memory';
import { pathCovers } from './form-steps';
import { type Draft, editedTopKeys, itemsAt, type PageStep, type StepQuestion, withDraft } from './step-answers';

/** What the resident asked for: go on, add an item to a repeating page, or remove this item. */
export type SaveIntent = 'continue' | 'add' | 'remove';

export type SaveOutcome =
  /** Stored, or (a repeating page) kept until the other items are complete: `pending` says why. */
  | { readonly kind: 'saved'; readonly answers: Answers; readonly pending: readonly AnswerProblem[] }
  | { readonly kind: 'problems'; readonly problems: readonly AnswerProblem[] }
  | { readonly kind: 'failed'; readonly failure: LoadFailure };

interface SaveStepInput {
  readonly applicationId: string;
  readonly answers: Answers;
  readonly step: PageStep;
  readonly questions: readonly StepQuestion[];
  readonly draft: Draft;
  readonly intent: SaveIntent;
}

async function savePage({ applicationId, answers, questions, draft }: SaveStepInput): Promise<SaveOutcome> {
  const tops = editedTopKeys(questions);
  // A page of the register's answers only has nothing to save.
  if (tops.length === 0) return { kind: 'saved', answers, pending: [] };
  const edited = withDraft(answers, questions, draft);
  const result = await saveAnswers(applicationId, Object.fromEntries(tops.map((top) => [top, edited[top] ?? null])));
  if (result.ok) return { kind: 'saved', answers: result.data.answers, pending: [] };
  const problems = problemsOf(result);
  return problems.length > 0 ? { kind: 'problems', problems } : { kind: 'failed', failure: failureOf(result) };
}

/**
 * A repeating page's item. The whole array is sent (an answer is replaced whole) and checked whole,
 * so problems of other items (say, children the register filled in that still miss an answer) would
 * block this one: the array then waits in memory (form-memory) and the resident goes on to those
 * items. Problems of this item stop here.
 */
async function saveItem(input: SaveStepInput, field: string, item: number): Promise<SaveOutcome> {
  const { applicationId, answers, questions, draft, intent } = input;
  const items = itemsAt(intent === 'remove' ? answers : withDraft(answers, questions, draft), field);
  const list = intent === 'add' ? [...items, {}] : intent === 'remove' ? items.filter((_, i) => i !== item) : items;
  const result = await saveAnswers(applicationId, { [field]: list.length > 0 ? list : null });
  if (result.ok) {
    keepUnsavedItems(applicationId, field, undefined);
    return { kind: 'saved', answers: result.data.answers, pending: [] };
  }
  const problems = problemsOf(result);
  if (problems.length === 0) return { kind: 'failed', failure: failureOf(result) };
  const own =
    intent === 'remove'
      ? []
      : problems.filter((p) => topKeyOf(p.field) !== field || pathCovers(`${field}.${item}`, p.field));
  // The empty item just added is not a problem to show: its page comes next.
  const shown = intent === 'add' ? problems.filter((p) => !pathCovers(`${field}.${items.length}`, p.field)) : problems;
  if (own.length > 0) return { kind: 'problems', problems: shown };
  keepUnsavedItems(applicationId, field, list);
  return { kind: 'saved', answers: withValueAt(answers, field, list), pending: problems };
}

export function saveStep(input: SaveStepInput): Promise<SaveOutcome> {
  const repeat = input.step.page.repeat;
  return repeat ? saveItem(input, repeat.field, input.step.item ?? 0) : savePage(input);
}
