import type { AccessLogEntry } from './access-log-api';
import { departmentName } from './department-name';
import { formatDateTime } from './format';
import type { Locale, Messages } from './messages';

interface AccessLogTableProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly items: readonly AccessLogEntry[];
  /** The id of the heading in the caption, which names the surrounding section. */
  readonly headingId: string;
}

/** A code's human label; a code the app does not know yet is shown as it is rather than hidden. */
function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

/**
 * Who at the municipality handled the resident's data: newest first, one row per access. On a
 * narrow screen each row is shown as a card (see styles.css); every cell then shows its column's
 * name in a label hidden from screen readers, which get the real column header instead.
 */
export function AccessLogTable({ text, locale, items, headingId }: AccessLogTableProps) {
  const t = text.me;
  const heading = (
    <h2 id={headingId} className="access-log__heading">
      {t.logCaption}
    </h2>
  );
  if (items.length === 0) {
    return (
      <>
        {heading}
        <p className="empty-state">{t.empty}</p>
      </>
    );
  }
  const cell = (column: string, value: string) => (
    <td>
      <span className="data-table__label" aria-hidden="true">
        {column}
      </span>
      <span>{value}</span>
    </td>
  );
  return (
    <table className="data-table">
      {/* The caption names the table and is the section's heading too, so it is said once. */}
      <caption>{heading}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.at}</th>
          <th scope="col">{t.columns.action}</th>
          <th scope="col">{t.columns.department}</th>
          <th scope="col">{t.columns.purpose}</th>
          <th scope="col">{t.columns.dataCategory}</th>
          <th scope="col">{t.columns.result}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((entry, index) => (
          // Entries have no id of their own; the list is newest first and never reordered in place.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <tr key={`${entry.at}-${index}`}>
            <th scope="row" className="data-table__date">
              <span className="data-table__label" aria-hidden="true">
                {t.columns.at}
              </span>
              <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
            </th>
            {cell(t.columns.action, labelOf(t.actionLabels, entry.action))}
            {/* A division the catalog does not name is shown by its code (Japanese proper noun or not). */}
            {entry.department
              ? cell(t.columns.department, departmentName(text, entry.department))
              : cell(t.columns.department, t.departmentNone)}
            {cell(t.columns.purpose, labelOf(t.purposeLabels, entry.purpose))}
            {cell(
              t.columns.dataCategory,
              entry.dataCategory ? labelOf(t.dataCategoryLabels, entry.dataCategory) : t.departmentNone,
            )}
            {cell(t.columns.result, labelOf(t.resultLabels, entry.result))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
