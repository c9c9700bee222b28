import { Link } from '../link';
import type { Locale, Messages } from '../messages';
import { paths } from '../router';
import { ApplicationDates } from './application-dates';
import type { ApplicationListItem } from './application-types';
import { localized } from './localized';
import { continuePath } from './resume-step';
import { StatusTag } from './status-tag';

interface ApplicationListProps {
  readonly text: Messages;
  readonly locale: Locale;
  readonly items: readonly ApplicationListItem[];
}

/** The resident's applications, newest first; a draft's link goes on with the form. */
export function ApplicationList({ text, locale, items }: ApplicationListProps) {
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="application-list">
      {newestFirst.map((item) => {
        const draft = item.status === 'draft';
        return (
          <li key={item.applicationId} className="application-card" data-application-id={item.applicationId}>
            <h2 className="application-card__name">
              <Link to={draft ? continuePath(item.applicationId) : paths.application(item.applicationId)}>
                {localized(item.names, locale)}
              </Link>
            </h2>
            <StatusTag text={text} status={item.status} />
            {draft && <p className="application-card__hint">{text.portal.applications.draftHint}</p>}
            <ApplicationDates text={text} locale={locale} {...item} />
          </li>
        );
      })}
    </ul>
  );
}
