import { fill } from '../format';
import type { Locale, Messages } from '../messages';
import type { RepeatDefinition } from '../procedures/procedure-definition';
import { localized } from './localized';

interface RepeatActionsProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly repeat: RepeatDefinition;
  /** This step's item (0-based) and how many items there are (0 while the first is being added). */
  readonly item: number;
  readonly count: number;
  readonly onAdd: () => void;
  readonly onRemove: () => void;
}

/**
 * "Remove this child" while there are more than the minimum; "add another" on the last item while
 * there are fewer than the maximum (the add-another pattern, one item per page).
 */
export function RepeatActions({ text, locale, repeat, item, count, onAdd, onRemove }: RepeatActionsProps) {
  const t = text.portal.form;
  const title = (n: number) => fill(localized(repeat.itemTitle, locale), { n });
  const shown = Math.max(count, 1);
  const canRemove = item < count && count > repeat.min;
  const canAdd = item === shown - 1 && shown < repeat.max;
  if (!canRemove && !canAdd) return null;
  return (
    <div className="repeat-actions">
      {canRemove && (
        <button type="button" className="button button--warning" onClick={onRemove}>
          {fill(t.removeItem, { item: title(item + 1) })}
        </button>
      )}
      {canAdd && (
        <button type="button" className="button" onClick={onAdd}>
          {fill(t.addAnother, { item: title(shown + 1) })}
        </button>
      )}
    </div>
  );
}
