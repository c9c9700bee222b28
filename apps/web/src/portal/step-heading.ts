import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { FormStep } from './form-steps';
import { localized } from './localized';

/** A step's heading: the page title, with the item for a repeating page (「養育している児童（児童 2）」). */
export function stepHeading(text: Messages, locale: Locale, step: FormStep): string {
  if (step.kind === 'attachments') return text.portal.attachments.heading;
  const title = localized(step.page.title, locale);
  if (!step.page.repeat) return title;
  const item = fill(localized(step.page.repeat.itemTitle, locale), { n: (step.item ?? 0) + 1 });
  return fill(text.portal.form.repeatHeading, { title, item });
}
