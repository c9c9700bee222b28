import type { Answers, ApplicationDetail } from '../procedures/application-view';
import { withValueAt } from './answer-paths';
import { unsavedItemsOf } from './form-memory';

/** The saved answers with the items of repeating pages that wait to be saved (form-memory). */
export function answersWithUnsavedItems(detail: ApplicationDetail): Answers {
  const id = detail.application.applicationId;
  return detail.definition.pages.reduce<Answers>((answers, page) => {
    const unsaved = page.repeat ? unsavedItemsOf(id, page.repeat.field) : undefined;
    return page.repeat && unsaved ? withValueAt(answers, page.repeat.field, unsaved) : answers;
  }, detail.application.answers);
}
