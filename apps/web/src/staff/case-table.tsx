import type { ReactNode } from 'react';
import { fill } from '../format';
import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import type { CaseList } from './case-types';
import { formatDate, japanDateOf } from './dates';
import { OverdueTag, StatusTag } from './status-tag';

interface CaseTableProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly list: CaseList;
  /** The reader's staff id, to say 「あなた」 for their own cases; unknown when the session does not carry it. */
  readonly staffId: string | undefined;
  readonly headingId?: string;
}

/** 「12件（うち期限超過 2件）」: said once in the page's status region when a search completes. */
export function caseCount(text: Messages, list: CaseList): string {
  const t = text.staff.inbox;
  const overdue = list.cases.filter((c) => c.overdue).length;
  return overdue > 0
    ? fill(t.countWithOverdue, { count: list.cases.length, overdue })
    : fill(t.count, { count: list.cases.length });
}

/**
 * The inbox, oldest target date first (the server's order). On a narrow screen each row becomes a
 * card (the .data-table rules in styles.css); the hidden labels name each value there.
 */
export function CaseTable({ text, locale, list, staffId, headingId }: CaseTableProps) {
  const t = text.staff.inbox;
  const common = text.staff.common;
  const heading = (
    <h2 id={headingId} className="case-list__heading">
      {t.caption}
    </h2>
  );
  if (list.cases.length === 0) {
    return (
      <>
        {heading}
        <p className="empty-state">{t.empty}</p>
      </>
    );
  }
  const cell = (column: string, content: ReactNode) => (
    <td>
      <span className="data-table__label" aria-hidden="true">
        {column}
      </span>
      <span>{content}</span>
    </td>
  );
  return (
    <>
      <table className="data-table case-table">
        <caption>{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.receiptNo}</th>
            <th scope="col">{t.columns.procedure}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.submittedOn}</th>
            <th scope="col">{t.columns.dueOn}</th>
            <th scope="col">{t.columns.assignee}</th>
          </tr>
        </thead>
        <tbody>
          {list.cases.map((c) => (
            <tr key={c.applicationId} className={c.overdue ? 'case-table__row--overdue' : undefined}>
              <th scope="row" className="case-table__receipt">
                <span className="data-table__label" aria-hidden="true">
                  {t.columns.receiptNo}
                </span>
                <Link to={paths.staffCase(c.applicationId)}>{c.receiptNo}</Link>
              </th>
              {cell(t.columns.procedure, c.names[locale])}
              {cell(t.columns.status, <StatusTag text={text} status={c.status} />)}
              {cell(
                t.columns.submittedOn,
                <time dateTime={japanDateOf(c.submittedAt)}>{formatDate(japanDateOf(c.submittedAt), locale)}</time>,
              )}
              {cell(
                t.columns.dueOn,
                <>
                  <time dateTime={c.dueOn}>{formatDate(c.dueOn, locale)}</time>
                  {c.overdue && <OverdueTag text={text} />}
                </>,
              )}
              {cell(
                t.columns.assignee,
                c.assignedTo === null ? common.unassigned : c.assignedTo === staffId ? common.you : c.assignedTo,
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {list.truncated && (
        <p className="notice case-list__truncated">{fill(t.truncated, { count: list.cases.length })}</p>
      )}
    </>
  );
}
