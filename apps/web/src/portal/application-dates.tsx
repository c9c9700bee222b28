import { formatDateTime } from '../format';
import type { Locale, Messages } from '../messages';
import { formatDate } from './format-date';

interface ApplicationDatesProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly receiptNo: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly dueOn: string | null;
  readonly status: string;
  /** On a page about one application, its receipt number is marked for tests. */
  readonly markReceipt?: boolean;
}

const OPEN = ['submitted', 'in-review', 'information-requested'];

/** The facts of an application that are numbers and dates, as a summary list. */
export function ApplicationDates(props: ApplicationDatesProps) {
  const { text, locale, receiptNo, createdAt, submittedAt, decidedAt, dueOn, status, markReceipt = false } = props;
  const t = text.portal.applications;
  const rows = [
    { key: 'receipt', label: t.receiptLabel, value: receiptNo },
    { key: 'created', label: t.createdLabel, value: formatDateTime(createdAt, locale) },
    { key: 'submitted', label: t.submittedLabel, value: submittedAt && formatDateTime(submittedAt, locale) },
    // The target date matters only while the application waits for a decision.
    { key: 'due', label: t.dueLabel, value: OPEN.includes(status) && dueOn ? formatDate(dueOn, locale) : null },
    { key: 'decided', label: t.decidedLabel, value: decidedAt && formatDateTime(decidedAt, locale) },
  ].filter((row) => row.value);
  return (
    <dl className="summary-list summary-list--compact">
      {rows.map(({ key, label, value }) => (
        <div key={key} className="summary-list__row">
          <dt>{label}</dt>
          {key === 'receipt' ? (
            <dd className="receipt-no" data-testid={markReceipt ? 'receipt-number' : undefined}>
              {value}
            </dd>
          ) : (
            <dd>{value}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
